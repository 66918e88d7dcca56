// tlog-proof@v1 files (domain/history/proof_file.hpp) and their offline verification
// (history::VerifyProofFile) under the fixed key. The parser must never crash; what parses must
// format back to the same bytes unless it carried an "extra" line; a file that verifies must
// prove a leaf inside its checkpoint's tree.
#include <string>

#include "domain/history/proof_file.hpp"
#include "domain/history/verify.hpp"
#include "fuzz_check.hpp"
#include "fuzz_key.hpp"

using namespace recirc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::AsText(data, size);
  if (auto parsed = history::ParseProofFile(text)) {
    FUZZ_CHECK(parsed->proof.size() <= 63);
    if (!parsed->extra) {
      FUZZ_CHECK(history::FormatProofFile(parsed->index, parsed->proof, parsed->checkpoint) ==
                 text);
    }
  } else {
    FUZZ_CHECK(parsed.error().field == "proof_file");
  }
  static const tlog::Verifier verifier = fuzz::FuzzSigner().ToVerifier();
  for (std::string_view entry : {"leaf 0\n", "leaf 1\n", "leaf 2\n"}) {
    if (auto report = history::VerifyProofFile(text, entry, verifier)) {
      FUZZ_CHECK(report->leaves.size() == 1);
      FUZZ_CHECK(report->leaves[0].index < report->checkpoint.size);
    }
  }
  return 0;
}
