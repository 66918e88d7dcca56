#pragma once
// C2SP signed-note v1.0.0 with Ed25519 keys (signature type 0x01), byte-compatible with Go's
// golang.org/x/mod/sumdb/note.
//
//   <text, ending in \n>
//   <empty line>
//   — <key name> <base64(4-byte big-endian key id || 64-byte Ed25519 signature)>\n   (1 or more)
//
// Ed25519 comes from libsodium. This module calls sodium_init() itself, once, behind a
// function-local static (thread-safe), before any key is made; callers need not call it.
// Every function here is thread-safe; Signer and Verifier are immutable values.

#include "core/error.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace recirc::tlog {

inline constexpr uint8_t kSignatureTypeEd25519 = 0x01;
inline constexpr std::size_t kEd25519SeedSize = 32;
inline constexpr std::size_t kEd25519PublicKeySize = 32;
inline constexpr std::size_t kEd25519SignatureSize = 64;
// Open refuses notes with more signature lines (the spec requires accepting at least 16).
inline constexpr std::size_t kMaxNoteSignatures = 100;

// Non-empty, valid UTF-8, no Unicode space (as Go's unicode.IsSpace) and no '+'.
bool IsValidKeyName(std::string_view name);

// Valid UTF-8 with no control character (below U+0020) other than '\n': the rule for all of a
// note's bytes.
bool IsValidNoteText(std::string_view text);

// A key id as key strings write it: 8 lowercase hex digits.
std::string KeyIdHex(uint32_t key_id);

// SHA-256(name || 0x0A || type || public_key)[:4], big-endian.
uint32_t KeyId(std::string_view name, uint8_t type, std::span<const uint8_t> public_key);

// A public key that checks signatures. Key string: "<name>+<8 lowercase hex key id>+
// base64(0x01 || 32-byte public key)".
class Verifier {
 public:
  // InvalidArgument("key") if the string is malformed, names another algorithm, or its key id
  // does not match its name and key.
  static Result<Verifier> FromKey(std::string_view key);

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }
  std::string Key() const;
  const std::array<uint8_t, kEd25519PublicKeySize>& public_key() const { return public_key_; }

  // True if `signature` (64 bytes, without the key id) is this key's signature of `message`.
  bool Verify(std::span<const uint8_t> message, std::span<const uint8_t> signature) const;

 private:
  friend class Signer;
  Verifier() = default;
  std::string name_;
  uint32_t key_id_ = 0;
  std::array<uint8_t, kEd25519PublicKeySize> public_key_{};
};

// A private key. Key string (Go's form): "PRIVATE+KEY+<name>+<hex key id>+base64(0x01 || seed)".
// The secret bytes are wiped when a Signer is destroyed; keep copies few.
class Signer {
 public:
  // InvalidArgument("key") if malformed or the key id does not match.
  static Result<Signer> FromPrivateKey(std::string_view key);
  // A new key from 32 random bytes the caller draws from its injected randomness.
  // InvalidArgument("name") for an invalid key name.
  static Result<Signer> FromSeed(std::string_view name,
                                 std::span<const uint8_t, kEd25519SeedSize> seed);

  Signer(const Signer&) = default;
  Signer& operator=(const Signer&) = default;
  ~Signer();

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }
  std::string PrivateKey() const;
  std::string VerifierKey() const;
  Verifier ToVerifier() const;

  // The 64-byte Ed25519 signature of `message`.
  std::array<uint8_t, kEd25519SignatureSize> SignBytes(std::span<const uint8_t> message) const;

 private:
  // Opens what was sealed to this key's verifier (tlog/sealed_box.hpp); it needs the secret.
  friend Result<std::string> OpenSealed(const Signer& key, std::string_view sealed);
  Signer() = default;
  std::string name_;
  uint32_t key_id_ = 0;
  std::array<uint8_t, kEd25519SeedSize> seed_{};
  std::array<uint8_t, 64> secret_key_{};  // libsodium's seed || public key
};

// The full note: `text`, an empty line, one signature line per signer in the given order.
// InvalidArgument("text") unless text is non-empty, ends in '\n', is valid UTF-8 and holds no
// control character but '\n'; InvalidArgument("signers") if there are none.
Result<std::string> Sign(std::string_view text, std::span<const Signer> signers);

struct NoteSignature {
  std::string name;
  uint32_t key_id = 0;
  std::string base64;  // key id and signature, as in the signature line
};

struct OpenedNote {
  std::string text;                       // including its final '\n'
  std::vector<NoteSignature> verified;    // by known keys, in note order, repeats dropped
  std::vector<NoteSignature> unverified;  // by unknown keys, repeats dropped
};

// Parses a note and checks the signatures of the known keys (a key is known when both its name
// and key id match one of `verifiers`; other signatures are ignored, as the spec requires).
// Errors: InvalidArgument("note") for a malformed note (bad UTF-8, control characters, no
// signature block, bad signature line, more than kMaxNoteSignatures lines);
// Unauthenticated if a known key's signature fails to verify or no known key signed.
Result<OpenedNote> Open(std::string_view note, std::span<const Verifier> verifiers);

}  // namespace recirc::tlog
