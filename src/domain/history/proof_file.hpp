#pragma once
// C2SP tlog-proof@v1 files: a leaf's index, its inclusion proof and the signed checkpoint it
// proves against, as one text file. Pure text in, text out (no storage), so the parser can be
// fuzzed on its own (fuzz/proof_file_fuzz.cpp).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "tlog/hash.hpp"

namespace recirc::history {

// "c2sp.org/tlog-proof@v1\nindex N\n<hash lines>\n\n<checkpoint note>".
std::string FormatProofFile(uint64_t index, std::span<const tlog::Hash> proof,
                            std::string_view checkpoint);

struct ProofFileContents {
  uint64_t index = 0;
  std::optional<std::string> extra;  // base64 as written
  std::vector<tlog::Hash> proof;
  std::string checkpoint;
};
// InvalidArgument("proof_file") with the line at fault.
Result<ProofFileContents> ParseProofFile(std::string_view text);

}  // namespace recirc::history
