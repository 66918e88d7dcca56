#pragma once
// FieldCipher: encryption of personal data, one field at a time (names, ID numbers, phones,
// addresses, ID images), with XChaCha20-Poly1305 (libsodium). A stored value is
//   "v1:<key id>:" + base64url(24-byte random nonce || ciphertext || 16-byte tag)
// and the associated data binds it to its place ("party.id_number:<party id>"), so a ciphertext
// copied into another row or column does not decrypt. Several keys can be loaded at once: new
// values use the current key, old ones decrypt with the key their id names (rotation).
//
// BlindIndex: a keyed HMAC-SHA-256 of a normalised value, for exact look-ups ("every registration
// by this ID number") without storing or comparing plaintext. Its key is separate from the
// encryption keys and is not rotated (rotating it means recomputing every index).

#include <map>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/random.hpp"

namespace recirc::crypto {

class FieldCipher {
 public:
  // `keys`: key id → 32-byte key; `current` must be one of them.
  static Result<FieldCipher> Create(std::map<std::string, std::string> keys, std::string current);
  // Parses the lines of a key file: "<key id>:<64 hex digits>", the last line being current.
  static Result<FieldCipher> FromKeyFile(std::string_view text);

  Result<std::string> Encrypt(std::string_view plaintext, std::string_view context,
                              Random& random) const;
  // Fails (never returns garbage) if the value was altered, moved to another context, or was
  // made with a key that is not loaded.
  Result<std::string> Decrypt(std::string_view stored, std::string_view context) const;
  // The key id a stored value was made with ("" if it is not a FieldCipher value).
  static std::string KeyIdOf(std::string_view stored);
  const std::string& current_key_id() const { return current_; }
  // Key id -> a fingerprint of that key (32 hex digits of a keyed hash over a fixed label): it
  // tells two keys apart without revealing either, so a database can record which keys made it.
  std::map<std::string, std::string> Fingerprints() const;

 private:
  FieldCipher() = default;
  std::map<std::string, std::string> keys_;
  std::string current_;
};

class BlindIndex {
 public:
  static Result<BlindIndex> Create(std::string key);  // 32 bytes
  // Lower-case hex HMAC-SHA-256 over "<kind>\n<value>", so equal values of different kinds
  // (a phone and an ID number that happen to match) never collide.
  std::string Of(std::string_view kind, std::string_view normalised_value) const;
  // The key's fingerprint, as FieldCipher::Fingerprints.
  std::string Fingerprint() const;
  // A BlindIndex under another key, HMAC-SHA-256(this key, "derive\n<purpose>"): one stored
  // key serves several purposes (the Idempotency-Key request MAC) whose values never compare
  // equal to each other's or to this index's.
  BlindIndex Derive(std::string_view purpose) const;

 private:
  BlindIndex() = default;
  std::string key_;
};

}  // namespace recirc::crypto
