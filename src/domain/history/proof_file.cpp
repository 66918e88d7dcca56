#include "domain/history/proof_file.hpp"

#include <charconv>

namespace recirc::history {
namespace {

constexpr std::string_view kProofHeader = "c2sp.org/tlog-proof@v1\n";

}  // namespace

std::string FormatProofFile(uint64_t index, std::span<const tlog::Hash> proof,
                            std::string_view checkpoint) {
  std::string out(kProofHeader);
  out += "index " + std::to_string(index) + "\n";
  for (const auto& h : proof) out += tlog::Base64Encode(h) + "\n";
  out += "\n";
  out += checkpoint;
  return out;
}

Result<ProofFileContents> ParseProofFile(std::string_view text) {
  auto fail = [](const std::string& why) { return Error::InvalidArgument("proof_file", why); };
  if (!text.starts_with(kProofHeader)) return fail("the first line is not c2sp.org/tlog-proof@v1");
  text.remove_prefix(kProofHeader.size());
  auto next_line = [&](std::string_view& line) -> bool {
    const size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return false;
    line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    return true;
  };
  ProofFileContents out;
  std::string_view line;
  if (!next_line(line)) return fail("the file ends after its first line");
  if (line.starts_with("extra ")) {
    out.extra = std::string(line.substr(6));
    if (!next_line(line)) return fail("the file ends after the extra line");
  }
  if (!line.starts_with("index ")) return fail("line 2 is not \"index <N>\"");
  const std::string_view digits = line.substr(6);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.index);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() ||
      (digits.size() > 1 && digits[0] == '0')) {
    return fail("the index is not a decimal number");
  }
  for (int n = 1;; ++n) {
    if (!next_line(line)) return fail("no empty line before the checkpoint");
    if (line.empty()) break;
    auto h = tlog::HashFromBase64(line, "proof_file");
    if (!h) return fail("proof hash " + std::to_string(n) + " is not base64 of 32 bytes");
    out.proof.push_back(*h);
    if (out.proof.size() > 63) return fail("more than 63 proof hashes");
  }
  out.checkpoint = std::string(text);
  if (out.checkpoint.empty()) return fail("no checkpoint after the empty line");
  return out;
}

}  // namespace recirc::history
