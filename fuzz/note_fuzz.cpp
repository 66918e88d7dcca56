// Signed notes (tlog/note.hpp) and key strings: Open must never crash and must not report a
// signature as verified unless it is; the first line is also tried as a verifier key and as a
// witness (cosignature) key, and a key that parses must print back the same.
#include <string>

#include "fuzz_check.hpp"
#include "fuzz_key.hpp"
#include "tlog/cosignature.hpp"
#include "tlog/note.hpp"

using namespace recirc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::AsText(data, size);
  static const tlog::Verifier verifier = fuzz::FuzzSigner().ToVerifier();
  const tlog::Verifier verifiers[] = {verifier};
  if (auto opened = tlog::Open(text, verifiers)) {
    FUZZ_CHECK(!opened->verified.empty());
    for (const auto& sig : opened->verified) FUZZ_CHECK(sig.name == verifier.name());
    FUZZ_CHECK(text.starts_with(opened->text));
    // What opened must sign to the same signature line with the same key.
    const tlog::Signer signers[] = {fuzz::FuzzSigner()};
    auto resigned = tlog::Sign(opened->text, signers);
    FUZZ_CHECK(resigned.has_value());
  }
  (void)tlog::Open(text, {});

  const std::string_view line = text.substr(0, text.find('\n'));
  if (auto key = tlog::Verifier::FromKey(line)) FUZZ_CHECK(key->Key() == line);
  (void)tlog::CosignatureVerifier::FromKey(line);
  (void)tlog::Signer::FromPrivateKey(line);
  FUZZ_CHECK(!tlog::IsValidKeyName(line) || !line.empty());
  return 0;
}
