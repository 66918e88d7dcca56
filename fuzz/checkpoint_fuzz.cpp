// Checkpoint bodies (tlog/checkpoint.hpp) and signed checkpoint notes: parsing must never crash;
// a body that parses must format back to exactly the same bytes when its origin is a key name,
// and a note that opens under the fixed key must carry a checkpoint that parses.
#include <string>

#include "fuzz_check.hpp"
#include "fuzz_key.hpp"
#include "tlog/checkpoint.hpp"

using namespace recirc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::AsText(data, size);
  if (auto cp = tlog::ParseCheckpoint(text)) {
    if (tlog::IsValidKeyName(cp->origin)) {
      auto again = tlog::FormatCheckpoint(*cp);
      FUZZ_CHECK(again.has_value());
      FUZZ_CHECK(*again == text);
    }
  }
  static const tlog::Verifier verifier = fuzz::FuzzSigner().ToVerifier();
  if (auto opened = tlog::OpenCheckpoint(text, verifier)) {
    FUZZ_CHECK(opened->origin == "fuzz.example/log");
  }
  return 0;
}
