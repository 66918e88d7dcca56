#include "crypto/field_cipher.hpp"

#include <sodium.h>

#include <span>

#include "crypto/secure_random.hpp"
#include "crypto/token.hpp"

namespace recirc::crypto {
namespace {

constexpr std::string_view kVersion = "v1";

Result<std::string> Base64UrlDecode(std::string_view text) {
  std::string out(text.size() * 3 / 4 + 3, '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return Error::InvalidArgument("ciphertext", "not base64url");
  }
  out.resize(len);
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Hex(std::span<const unsigned char> bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

// HMAC-SHA-256(key, label), truncated to 16 bytes: a key check value that identifies the key and,
// the key being 32 random bytes, reveals nothing about it.
std::string KeyFingerprint(const std::string& key) {
  constexpr std::string_view kLabel = "recirc key fingerprint v1";
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(kLabel.data()),
                                kLabel.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return Hex(std::span<const unsigned char>(mac, 16));
}

}  // namespace

Result<FieldCipher> FieldCipher::Create(std::map<std::string, std::string> keys,
                                        std::string current) {
  InitSodium();
  for (const auto& [id, key] : keys) {
    if (id.empty() || id.find(':') != std::string::npos) {
      return Error::InvalidArgument("key_id", "a key id is non-empty and has no ':'");
    }
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES) {
      return Error::InvalidArgument("key", "key " + id + " is not 32 bytes");
    }
  }
  if (!keys.contains(current)) return Error::InvalidArgument("key_id", "no key " + current);
  FieldCipher c;
  c.keys_ = std::move(keys);
  c.current_ = std::move(current);
  return c;
}

Result<FieldCipher> FieldCipher::FromKeyFile(std::string_view text) {
  std::map<std::string, std::string> keys;
  std::string current;
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_no;
    if (line.empty()) continue;
    const size_t colon = line.find(':');
    const std::string_view hex = colon == std::string_view::npos ? "" : line.substr(colon + 1);
    if (hex.size() != 64) {
      return Error::InvalidArgument(
          "data.key", "line " + std::to_string(line_no) + " is not <key id>:<64 hex digits>");
    }
    std::string key;
    for (size_t i = 0; i < 64; i += 2) {
      const int hi = HexDigit(hex[i]);
      const int lo = HexDigit(hex[i + 1]);
      if (hi < 0 || lo < 0) {
        return Error::InvalidArgument("data.key",
                                      "line " + std::to_string(line_no) + " has a non-hex digit");
      }
      key.push_back(static_cast<char>(hi * 16 + lo));
    }
    current = std::string(line.substr(0, colon));
    keys[current] = std::move(key);
  }
  if (keys.empty()) return Error::InvalidArgument("data.key", "the key file holds no key");
  return Create(std::move(keys), std::move(current));
}

Result<std::string> FieldCipher::Encrypt(std::string_view plaintext, std::string_view context,
                                         Random& random) const {
  const std::string& key = keys_.at(current_);
  std::string box(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size() +
                      crypto_aead_xchacha20poly1305_ietf_ABYTES,
                  '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  random.Fill(std::span<uint8_t>(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES));
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written,
      reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(context.data()), context.size(), nullptr, nonce,
      reinterpret_cast<const unsigned char*>(key.data()));
  return std::string(kVersion) + ":" + current_ + ":" + Base64UrlEncode(box);
}

std::map<std::string, std::string> FieldCipher::Fingerprints() const {
  std::map<std::string, std::string> out;
  for (const auto& [id, key] : keys_) out[id] = KeyFingerprint(key);
  return out;
}

std::string FieldCipher::KeyIdOf(std::string_view stored) {
  if (!stored.starts_with(std::string(kVersion) + ":")) return {};
  const std::string_view rest = stored.substr(kVersion.size() + 1);
  const size_t colon = rest.find(':');
  return colon == std::string_view::npos ? std::string() : std::string(rest.substr(0, colon));
}

Result<std::string> FieldCipher::Decrypt(std::string_view stored, std::string_view context) const {
  const std::string key_id = KeyIdOf(stored);
  if (key_id.empty()) return Error::InvalidArgument("ciphertext", "not an encrypted field");
  auto key = keys_.find(key_id);
  if (key == keys_.end()) {
    return Error::FailedPrecondition("the value was encrypted with key " + key_id +
                                     ", which is not loaded");
  }
  RECIRC_TRY(std::string box, Base64UrlDecode(stored.substr(kVersion.size() + key_id.size() + 2)));
  constexpr size_t kOverhead =
      crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (box.size() < kOverhead) return Error::InvalidArgument("ciphertext", "too short");
  std::string plain(box.size() - kOverhead, '\0');
  unsigned long long written = 0;
  const auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &written, nullptr,
          nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
          box.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
          reinterpret_cast<const unsigned char*>(context.data()), context.size(), nonce,
          reinterpret_cast<const unsigned char*>(key->second.data())) != 0) {
    return Error::FailedPrecondition("the encrypted value was altered or belongs elsewhere");
  }
  plain.resize(written);
  return plain;
}

Result<BlindIndex> BlindIndex::Create(std::string key) {
  InitSodium();
  if (key.size() != crypto_auth_hmacsha256_KEYBYTES) {
    return Error::InvalidArgument("key", "a blind-index key is 32 bytes");
  }
  BlindIndex b;
  b.key_ = std::move(key);
  return b;
}

BlindIndex BlindIndex::Derive(std::string_view purpose) const {
  const std::string label = "derive\n" + std::string(purpose);
  unsigned char key[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key_.data()),
                              key_.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(label.data()),
                                label.size());
  crypto_auth_hmacsha256_final(&state, key);
  BlindIndex b;
  b.key_.assign(reinterpret_cast<const char*>(key), sizeof key);
  sodium_memzero(key, sizeof key);
  return b;
}

std::string BlindIndex::Of(std::string_view kind, std::string_view normalised_value) const {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key_.data()),
                              key_.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(kind.data()),
                                kind.size());
  const unsigned char newline = '\n';
  crypto_auth_hmacsha256_update(&state, &newline, 1);
  crypto_auth_hmacsha256_update(&state,
                                reinterpret_cast<const unsigned char*>(normalised_value.data()),
                                normalised_value.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  return Hex(mac);
}

std::string BlindIndex::Fingerprint() const { return KeyFingerprint(key_); }

}  // namespace recirc::crypto
