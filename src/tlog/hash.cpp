#include "tlog/hash.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <stdexcept>

namespace recirc::tlog {

struct Sha256::State {
  EVP_MD* md = nullptr;
  EVP_MD_CTX* ctx = nullptr;

  ~State() {
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
  }
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  state_->md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  state_->ctx = EVP_MD_CTX_new();
  if (state_->md == nullptr || state_->ctx == nullptr) {
    throw std::runtime_error("OpenSSL cannot provide SHA-256");
  }
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

Hash Sha256::Sum(std::initializer_list<std::span<const uint8_t>> parts) {
  Hash out;
  unsigned int out_size = 0;
  bool ok = EVP_DigestInit_ex2(state_->ctx, state_->md, nullptr) == 1;
  for (std::span<const uint8_t> part : parts) {
    ok = ok && EVP_DigestUpdate(state_->ctx, part.data(), part.size()) == 1;
  }
  ok = ok && EVP_DigestFinal_ex(state_->ctx, out.data(), &out_size) == 1;
  if (!ok || out_size != kHashSize) {
    throw std::runtime_error("OpenSSL SHA-256 failed");
  }
  return out;
}

Hash Sha256::LeafHash(std::span<const uint8_t> entry) {
  static constexpr uint8_t kLeafPrefix[1] = {0x00};
  return Sum({kLeafPrefix, entry});
}

Hash Sha256::NodeHash(const Hash& left, const Hash& right) {
  static constexpr uint8_t kNodePrefix[1] = {0x01};
  return Sum({kNodePrefix, left, right});
}

Hash EmptyRoot() {
  return {0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4,
          0xc8, 0x99, 0x6f, 0xb9, 0x24, 0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b,
          0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55};
}

Result<Hash> HashFromBytes(std::span<const uint8_t> bytes, std::string_view field) {
  if (bytes.size() != kHashSize) {
    return Error::InvalidArgument(std::string(field),
                                  "a hash must be 32 bytes, got " + std::to_string(bytes.size()));
  }
  Hash hash;
  std::copy(bytes.begin(), bytes.end(), hash.begin());
  return hash;
}

namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Value of a base64 character, or -1.
int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == '+') {
    return 62;
  }
  if (c == '/') {
    return 63;
  }
  return -1;
}

}  // namespace

std::string Base64Encode(std::span<const uint8_t> bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = (uint32_t{bytes[i]} << 16) | (uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t v = uint32_t{bytes[i]} << 16;
    if (rest == 2) {
      v |= uint32_t{bytes[i + 1]} << 8;
    }
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

Result<std::vector<uint8_t>> Base64Decode(std::string_view text, std::string_view field) {
  auto bad = [&](std::string why) {
    return Error::InvalidArgument(std::string(field), "invalid base64: " + std::move(why));
  };
  if (text.size() % 4 != 0) {
    return bad("length is not a multiple of 4");
  }
  std::size_t padding = 0;
  if (!text.empty() && text.back() == '=') {
    padding = text[text.size() - 2] == '=' ? 2 : 1;
  }
  std::vector<uint8_t> out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    bool last = i + 4 == text.size();
    std::size_t digits = last ? 4 - padding : 4;
    uint32_t v = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      int value = 0;
      if (j < digits) {
        value = Base64Value(text[i + j]);
        if (value < 0) {
          return bad("unexpected character at offset " + std::to_string(i + j));
        }
      }
      v = (v << 6) | static_cast<uint32_t>(value);
    }
    out.push_back(static_cast<uint8_t>(v >> 16));
    if (digits >= 3) {
      out.push_back(static_cast<uint8_t>(v >> 8));
    }
    if (digits == 4) {
      out.push_back(static_cast<uint8_t>(v));
    }
    // Bits that the padding says are unused must be zero, or two texts would mean one value.
    if ((digits == 2 && (v & 0xffff) != 0) || (digits == 3 && (v & 0xff) != 0)) {
      return bad("non-zero bits before the padding");
    }
  }
  return out;
}

Result<Hash> HashFromBase64(std::string_view text, std::string_view field) {
  RECIRC_TRY(std::vector<uint8_t> bytes, Base64Decode(text, field));
  return HashFromBytes(bytes, field);
}

}  // namespace recirc::tlog
