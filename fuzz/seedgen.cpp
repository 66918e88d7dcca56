// Writes the signed seeds of the fuzz corpus under the fixed fuzz key (fuzz_key.hpp):
//   fuzz_seedgen <corpus dir>   ->  checkpoint_fuzz/, note_fuzz/, proof_file_fuzz/, image_fuzz/.
// A tree of three leaves "leaf 0\n".."leaf 2\n"; a proof file for each leaf; 8x8 images.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "domain/history/proof_file.hpp"
#include "fuzz_key.hpp"
#include "support/test_images.hpp"
#include "tlog/checkpoint.hpp"
#include "tlog/merkle.hpp"

using namespace recirc;

namespace {

void Write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seedgen <corpus dir>\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  tlog::Sha256 sha;
  std::vector<tlog::Hash> leaves;
  for (int i = 0; i < 3; ++i) {
    leaves.push_back(sha.LeafHash(tlog::AsBytes("leaf " + std::to_string(i) + "\n")));
  }
  const tlog::Checkpoint cp{
      "fuzz.example/log", leaves.size(), tlog::RootFromLeafHashes(sha, leaves), {}};
  const std::string body = *tlog::FormatCheckpoint(cp);
  const tlog::Signer signers[] = {fuzz::FuzzSigner()};
  const std::string note = *tlog::Sign(body, signers);
  Write(dir / "checkpoint_fuzz" / "signed_note", note);
  Write(dir / "note_fuzz" / "signed_checkpoint", note);
  Write(dir / "note_fuzz" / "verifier_key", fuzz::FuzzSigner().VerifierKey() + "\n");
  const tlog::SubtreeHashFn subtree = [&](const tlog::SubtreeId& id) -> Result<tlog::Hash> {
    return tlog::RootFromLeafHashes(
        sha, std::span<const tlog::Hash>(leaves).subspan(id.Start(), id.End() - id.Start()));
  };
  for (uint64_t i = 0; i < leaves.size(); ++i) {
    auto proof = tlog::InclusionProof(sha, i, leaves.size(), subtree);
    if (!proof) return 1;
    Write(dir / "proof_file_fuzz" / ("leaf" + std::to_string(i)),
          history::FormatProofFile(i, *proof, note));
  }
  namespace t = recirc::testing;
  const auto colour = t::ColourPicture(8, 8);
  const auto grey = t::GreyPicture(8, 8);
  const std::filesystem::path images = dir / "image_fuzz";
  Write(images / "colour.png", t::EncodePng(colour));
  Write(images / "grey.png", t::EncodePng(grey, true));
  Write(images / "colour.jpg", t::EncodeJpeg(colour, false, 50));
  Write(images / "grey.jpg", t::EncodeJpeg(grey, true, 50));
  Write(images / "cmyk.jpg", t::EncodeJpegCmyk(colour));
  Write(images / "colour.webp", t::EncodeWebp(colour));
  Write(images / "lossless.webp", t::EncodeWebp(colour, true));
  return 0;
}
