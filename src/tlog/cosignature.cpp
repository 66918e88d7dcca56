#include "tlog/cosignature.hpp"

#include "tlog/hash.hpp"

#include <sodium.h>

#include <algorithm>
#include <optional>

namespace recirc::tlog {
namespace {

constexpr std::string_view kSignaturePrefix = "\xE2\x80\x94 ";  // em dash U+2014, space

void PutUint32(std::vector<uint8_t>& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

uint64_t ReadUint64(std::span<const uint8_t> b) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | b[i];
  return v;
}

}  // namespace

std::string CosignedMessage(std::string_view checkpoint_text, uint64_t timestamp) {
  std::string message = "cosignature/v1\ntime " + std::to_string(timestamp) + "\n";
  message += checkpoint_text;
  return message;
}

Result<CosignatureVerifier> CosignatureVerifier::FromKey(std::string_view key) {
  auto bad = [](const std::string& why) {
    return Error::InvalidArgument("key", "bad witness key: " + why);
  };
  const size_t first = key.find('+');
  const size_t second = first == std::string_view::npos ? first : key.find('+', first + 1);
  if (second == std::string_view::npos) return bad("expected name+id+key");
  const std::string_view name = key.substr(0, first);
  const std::string_view hex = key.substr(first + 1, second - first - 1);
  if (!IsValidKeyName(name)) return bad("invalid key name");
  auto bytes = Base64Decode(key.substr(second + 1), "key");
  if (!bytes) return bad("the key is not base64");
  if (bytes->empty() || (*bytes)[0] != kSignatureTypeCosignatureV1) {
    return bad("not a cosignature/v1 key (type 0x04)");
  }
  if (bytes->size() != 1 + kEd25519PublicKeySize) return bad("an Ed25519 key has 32 bytes");
  CosignatureVerifier v;
  v.name_ = std::string(name);
  std::copy(bytes->begin() + 1, bytes->end(), v.public_key_.begin());
  v.key_id_ = KeyId(name, kSignatureTypeCosignatureV1, v.public_key_);
  if (KeyIdHex(v.key_id_) != hex) return bad("key id does not match name and key");
  return v;
}

std::string CosignatureVerifier::Key() const {
  std::vector<uint8_t> typed{kSignatureTypeCosignatureV1};
  typed.insert(typed.end(), public_key_.begin(), public_key_.end());
  return name_ + "+" + KeyIdHex(key_id_) + "+" + Base64Encode(typed);
}

Result<uint64_t> CosignatureVerifier::Verify(std::string_view checkpoint_text,
                                             std::span<const uint8_t> bytes) const {
  if (bytes.size() != kCosignatureSize) {
    return Error::InvalidArgument("cosignature", "a cosignature by " + name_ + " has " +
                                                     std::to_string(kCosignatureSize) +
                                                     " bytes, not " + std::to_string(bytes.size()));
  }
  const uint32_t id = (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) |
                      (uint32_t{bytes[2]} << 8) | bytes[3];
  if (id != key_id_) {
    return Error::InvalidArgument("cosignature", "the cosignature names key id " + KeyIdHex(id) +
                                                     ", not " + name_ + "'s " + KeyIdHex(key_id_));
  }
  const uint64_t timestamp = ReadUint64(bytes.subspan(4, 8));
  const std::string message = CosignedMessage(checkpoint_text, timestamp);
  const auto signature = bytes.subspan(12);
  if (crypto_sign_verify_detached(signature.data(), AsBytes(message).data(), message.size(),
                                  public_key_.data()) != 0) {
    return Error::Unauthenticated("the cosignature by witness " + name_ + " does not verify");
  }
  return timestamp;
}

CosignatureSigner::CosignatureSigner(const Signer& key) : key_(key) {
  key_id_ = KeyId(key_.name(), kSignatureTypeCosignatureV1, key_.ToVerifier().public_key());
}

CosignatureVerifier CosignatureSigner::ToVerifier() const {
  // The Ed25519 public key is the log-style key's; only the type byte (and so the key id)
  // differs.
  CosignatureVerifier v;
  v.name_ = key_.name();
  v.public_key_ = key_.ToVerifier().public_key();
  v.key_id_ = KeyId(v.name_, kSignatureTypeCosignatureV1, v.public_key_);
  return v;
}

std::string CosignatureSigner::VerifierKey() const { return ToVerifier().Key(); }

std::vector<uint8_t> CosignatureSigner::SignBytes(std::string_view checkpoint_text,
                                                  uint64_t timestamp) const {
  std::vector<uint8_t> out;
  out.reserve(kCosignatureSize);
  PutUint32(out, key_id_);
  PutUint32(out, static_cast<uint32_t>(timestamp >> 32));
  PutUint32(out, static_cast<uint32_t>(timestamp));
  const std::string message = CosignedMessage(checkpoint_text, timestamp);
  const auto signature = key_.SignBytes(AsBytes(message));
  out.insert(out.end(), signature.begin(), signature.end());
  return out;
}

std::string CosignatureSigner::SignLine(std::string_view checkpoint_text,
                                        uint64_t timestamp) const {
  return std::string(kSignaturePrefix) + key_.name() + " " +
         Base64Encode(SignBytes(checkpoint_text, timestamp)) + "\n";
}

Result<CheckedCosignature> CheckCosignature(const CosignatureVerifier& witness,
                                            const OpenedNote& note) {
  std::optional<CheckedCosignature> found;
  for (const auto& s : note.unverified) {
    if (s.name != witness.name() || s.key_id != witness.key_id()) continue;
    RECIRC_TRY(auto bytes, Base64Decode(s.base64, "cosignature"));
    RECIRC_TRY(uint64_t timestamp, witness.Verify(note.text, bytes));
    if (!found) found = CheckedCosignature{s.name, timestamp};
  }
  if (!found) return Error::NotFound("no cosignature by witness " + witness.name());
  return *found;
}

}  // namespace recirc::tlog
