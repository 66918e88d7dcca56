#pragma once
// C2SP tlog-checkpoint v1.0.0: the text of the note a log signs for each tree head.
//
//   <origin>\n            a non-empty line naming the log, e.g. "recirc.example/log"
//   <tree size>\n         decimal, no sign, no leading zeros ("0" for the empty tree)
//   <base64 root hash>\n  standard base64 of the 32-byte RFC 6962 root
//   [<extension line>\n]  optional, opaque, non-empty (not recommended)

#include "core/error.hpp"
#include "tlog/hash.hpp"
#include "tlog/note.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recirc::tlog {

struct Checkpoint {
  std::string origin;
  uint64_t size = 0;
  Hash root{};
  std::vector<std::string> extensions;  // lines without their '\n'

  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

// The checkpoint body. Since our logs sign under a key named like the origin, the origin must
// be a valid key name (IsValidKeyName): InvalidArgument("origin") otherwise, and
// InvalidArgument("extensions") for an empty extension line or one that is not note text.
Result<std::string> FormatCheckpoint(const Checkpoint& checkpoint);

// Parses a body, exactly: InvalidArgument with field "checkpoint" (fewer than three lines, no
// final '\n', an empty line, text that is not valid UTF-8 or holds control characters),
// "origin" (empty), "size" (not canonical decimal, or above 2^64-1) or "root" (not strict base64
// of 32 bytes). The origin of another operator's log is only required to be non-empty, as the
// spec says clients must not assume its form.
Result<Checkpoint> ParseCheckpoint(std::string_view body);

// Opens a signed checkpoint note: `log_key` must have signed it (other signatures, such as
// witness cosignatures, are ignored here) and the origin must equal the key's name.
// Errors from Open and ParseCheckpoint, or InvalidArgument("origin") on an origin mismatch.
Result<Checkpoint> OpenCheckpoint(std::string_view note, const Verifier& log_key);

}  // namespace recirc::tlog
