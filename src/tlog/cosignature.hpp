#pragma once
// C2SP tlog-cosignature v1: a witness's statement that it checked a checkpoint's consistency.
// A cosignature is a signed-note signature line on the checkpoint:
//
//   — <witness name> base64(key id[4] || timestamp[8, big-endian] || Ed25519 signature[64])
//
// key id = SHA-256(name || 0x0A || 0x04 || public key)[:4] (signature type 0x04), and the signed
// message is "cosignature/v1\ntime <timestamp>\n" followed by the checkpoint body (the note's
// text). The timestamp is the witness's clock in seconds since the Unix epoch.
//
// Witness keys are Ed25519 keys. Verifier key string: "<name>+<hex id>+base64(0x04 || key)".
// The private key file holds the Ed25519 seed as a signed-note private key string
// (PRIVATE+KEY+<name>+<hex id for type 0x01>+base64(0x01 || seed)), like the log key, so the
// same tools read both; the cosignature key id is derived from it.

#include "core/error.hpp"
#include "tlog/note.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recirc::tlog {

inline constexpr uint8_t kSignatureTypeCosignatureV1 = 0x04;
inline constexpr std::size_t kCosignatureSize = 4 + 8 + kEd25519SignatureSize;  // with key id

// "cosignature/v1\ntime <timestamp>\n" + checkpoint text.
std::string CosignedMessage(std::string_view checkpoint_text, uint64_t timestamp);

class CosignatureVerifier {
 public:
  // InvalidArgument("key") if malformed, not type 0x04, or the key id does not match.
  static Result<CosignatureVerifier> FromKey(std::string_view key);

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }
  std::string Key() const;

  // Checks the signature bytes of a cosignature line (key id || timestamp || signature) against
  // the checkpoint text it was found on; returns the timestamp. InvalidArgument("cosignature")
  // if the bytes are not 76 long or name another key; Unauthenticated if the signature fails.
  Result<uint64_t> Verify(std::string_view checkpoint_text, std::span<const uint8_t> bytes) const;

 private:
  friend class CosignatureSigner;
  CosignatureVerifier() = default;
  std::string name_;
  uint32_t key_id_ = 0;
  std::array<uint8_t, kEd25519PublicKeySize> public_key_{};
};

class CosignatureSigner {
 public:
  // The witness key from its Ed25519 key (any signed-note Signer).
  explicit CosignatureSigner(const Signer& key);

  const std::string& name() const { return key_.name(); }
  uint32_t key_id() const { return key_id_; }
  std::string VerifierKey() const;
  CosignatureVerifier ToVerifier() const;

  // key id || timestamp || signature of CosignedMessage(checkpoint_text, timestamp).
  std::vector<uint8_t> SignBytes(std::string_view checkpoint_text, uint64_t timestamp) const;
  // The whole line, "— <name> <base64>\n".
  std::string SignLine(std::string_view checkpoint_text, uint64_t timestamp) const;

 private:
  Signer key_;
  uint32_t key_id_ = 0;
};

struct CheckedCosignature {
  std::string name;
  uint64_t timestamp = 0;
};

// Finds `witness`'s cosignature among a note's unverified signatures (Open puts signatures of
// keys it was not given there) and checks it. NotFound("no cosignature by <name>") if there is
// none; Unauthenticated if it does not verify; a checkpoint with two different cosignatures by
// the same key fails if either does.
Result<CheckedCosignature> CheckCosignature(const CosignatureVerifier& witness,
                                            const OpenedNote& note);

}  // namespace recirc::tlog
