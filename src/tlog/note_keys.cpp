// Ed25519 keys of signed notes: key strings, key ids, signing and checking bytes.

#include "tlog/note.hpp"

#include "tlog/hash.hpp"

#include <sodium.h>

#include <algorithm>

namespace recirc::tlog {
namespace {

constexpr std::string_view kPrivateKeyPrefix = "PRIVATE+KEY+";

Status EnsureSodium() {
  static const bool initialized = sodium_init() >= 0;
  if (!initialized) {
    return Error::Internal("libsodium failed to initialize");
  }
  return Ok();
}

// Exactly 8 lowercase hex digits.
bool ParseHexId(std::string_view s, uint32_t& id) {
  if (s.size() != 8) {
    return false;
  }
  id = 0;
  for (char c : s) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) {
      return false;
    }
    id = (id << 4) | static_cast<uint32_t>(digit);
  }
  return true;
}

// Splits off the text before the first '+'; false if there is none.
bool Chop(std::string_view& s, std::string_view& head) {
  std::size_t plus = s.find('+');
  if (plus == std::string_view::npos) {
    return false;
  }
  head = s.substr(0, plus);
  s.remove_prefix(plus + 1);
  return true;
}

// "<name>+<hex id>+<base64(0x01 || 32 bytes)>", shared by both key strings.
struct KeyParts {
  std::string_view name;
  uint32_t key_id = 0;
  std::array<uint8_t, 32> key{};
};

Result<KeyParts> ParseKeyParts(std::string_view s) {
  auto bad = [](const std::string& why) {
    return Error::InvalidArgument("key", "bad key: " + why);
  };
  KeyParts parts;
  std::string_view hex;
  if (!Chop(s, parts.name) || !Chop(s, hex)) {
    return bad("expected name+id+key");
  }
  if (!IsValidKeyName(parts.name)) {
    return bad("invalid key name");
  }
  if (!ParseHexId(hex, parts.key_id)) {
    return bad("key id must be 8 lowercase hex digits");
  }
  auto bytes = Base64Decode(s, "key");
  if (!bytes) {
    return bytes.error();
  }
  if (bytes->empty() || (*bytes)[0] != kSignatureTypeEd25519) {
    return bad("not an Ed25519 key");
  }
  if (bytes->size() != 1 + parts.key.size()) {
    return bad("an Ed25519 key has 32 bytes");
  }
  std::copy(bytes->begin() + 1, bytes->end(), parts.key.begin());
  sodium_memzero(bytes->data(), bytes->size());
  return parts;
}

}  // namespace

uint32_t KeyId(std::string_view name, uint8_t type, std::span<const uint8_t> public_key) {
  static constexpr uint8_t kNewline[1] = {0x0A};
  const uint8_t type_byte[1] = {type};
  Sha256 sha;
  Hash hash = sha.Sum({AsBytes(name), kNewline, type_byte, public_key});
  return (uint32_t{hash[0]} << 24) | (uint32_t{hash[1]} << 16) | (uint32_t{hash[2]} << 8) | hash[3];
}

Result<Verifier> Verifier::FromKey(std::string_view key) {
  RECIRC_CHECK(EnsureSodium());
  RECIRC_TRY(KeyParts parts, ParseKeyParts(key));
  if (KeyId(parts.name, kSignatureTypeEd25519, parts.key) != parts.key_id) {
    return Error::InvalidArgument("key", "bad key: key id does not match name and key");
  }
  Verifier verifier;
  verifier.name_ = std::string(parts.name);
  verifier.key_id_ = parts.key_id;
  verifier.public_key_ = parts.key;
  return verifier;
}

std::string Verifier::Key() const {
  std::vector<uint8_t> typed{kSignatureTypeEd25519};
  typed.insert(typed.end(), public_key_.begin(), public_key_.end());
  return name_ + "+" + KeyIdHex(key_id_) + "+" + Base64Encode(typed);
}

bool Verifier::Verify(std::span<const uint8_t> message, std::span<const uint8_t> signature) const {
  return signature.size() == kEd25519SignatureSize &&
         crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                     public_key_.data()) == 0;
}

Result<Signer> Signer::FromSeed(std::string_view name,
                                std::span<const uint8_t, kEd25519SeedSize> seed) {
  RECIRC_CHECK(EnsureSodium());
  if (!IsValidKeyName(name)) {
    return Error::InvalidArgument("name", "a key name must be non-empty UTF-8 without spaces or +");
  }
  Signer signer;
  signer.name_ = std::string(name);
  std::copy(seed.begin(), seed.end(), signer.seed_.begin());
  std::array<uint8_t, kEd25519PublicKeySize> public_key{};
  if (crypto_sign_seed_keypair(public_key.data(), signer.secret_key_.data(), seed.data()) != 0) {
    return Error::Internal("libsodium could not derive an Ed25519 key");
  }
  signer.key_id_ = KeyId(name, kSignatureTypeEd25519, public_key);
  return signer;
}

Result<Signer> Signer::FromPrivateKey(std::string_view key) {
  if (!key.starts_with(kPrivateKeyPrefix)) {
    return Error::InvalidArgument("key", "bad key: a private key starts with PRIVATE+KEY+");
  }
  RECIRC_TRY(KeyParts parts, ParseKeyParts(key.substr(kPrivateKeyPrefix.size())));
  auto signer = FromSeed(parts.name, parts.key);
  sodium_memzero(parts.key.data(), parts.key.size());
  if (signer && signer->key_id() != parts.key_id) {
    return Error::InvalidArgument("key", "bad key: key id does not match name and key");
  }
  return signer;
}

Signer::~Signer() {
  sodium_memzero(seed_.data(), seed_.size());
  sodium_memzero(secret_key_.data(), secret_key_.size());
}

std::string Signer::PrivateKey() const {
  std::vector<uint8_t> typed{kSignatureTypeEd25519};
  typed.insert(typed.end(), seed_.begin(), seed_.end());
  std::string key =
      std::string(kPrivateKeyPrefix) + name_ + "+" + KeyIdHex(key_id_) + "+" + Base64Encode(typed);
  sodium_memzero(typed.data(), typed.size());
  return key;
}

std::string Signer::VerifierKey() const { return ToVerifier().Key(); }

Verifier Signer::ToVerifier() const {
  Verifier verifier;
  verifier.name_ = name_;
  verifier.key_id_ = key_id_;
  // libsodium's secret key is the seed followed by the public key.
  std::copy(secret_key_.begin() + kEd25519SeedSize, secret_key_.end(),
            verifier.public_key_.begin());
  return verifier;
}

std::array<uint8_t, kEd25519SignatureSize> Signer::SignBytes(
    std::span<const uint8_t> message) const {
  std::array<uint8_t, kEd25519SignatureSize> signature{};
  crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(),
                       secret_key_.data());
  return signature;
}

}  // namespace recirc::tlog
