#pragma once
// SHA-256 for the transparency log (RFC 6962 section 2.1 domain separation) and the strict base64
// that every tlog text format (checkpoints, notes, proofs) uses.
//
// Speed: OpenSSL 3's one-shot SHA256() fetches the algorithm on every call and is several times
// slower than reusing a context, so Sha256 fetches the EVP_MD once and reuses one EVP_MD_CTX.

#include "core/error.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace recirc::tlog {

inline constexpr std::size_t kHashSize = 32;
using Hash = std::array<uint8_t, kHashSize>;

// Views text as bytes without copying (the formats hash and sign text byte for byte).
inline std::span<const uint8_t> AsBytes(std::string_view text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

// A SHA-256 hasher. Not thread-safe: give each thread its own. Construction throws
// std::runtime_error only if OpenSSL cannot provide SHA-256 at all (a broken installation, which
// ends the process at start-up); hashing itself then cannot fail short of memory corruption, in
// which case it also throws.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  // SHA-256 of the concatenation of `parts`.
  Hash Sum(std::initializer_list<std::span<const uint8_t>> parts);

  // RFC 6962: SHA-256(0x00 || entry).
  Hash LeafHash(std::span<const uint8_t> entry);
  // RFC 6962: SHA-256(0x01 || left || right).
  Hash NodeHash(const Hash& left, const Hash& right);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Root of the empty tree: SHA-256 of no bytes (47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=).
Hash EmptyRoot();

// A hash from raw bytes; InvalidArgument(field) unless there are exactly 32 of them.
Result<Hash> HashFromBytes(std::span<const uint8_t> bytes, std::string_view field = "hash");

// Standard base64 (RFC 4648 section 4) with padding.
std::string Base64Encode(std::span<const uint8_t> bytes);

// Strict decoding: length a multiple of 4, only the standard alphabet, '=' only as one or two
// final padding characters, and unused bits of the last character zero (so every byte string has
// exactly one accepted encoding). No whitespace. The empty string decodes to no bytes.
// InvalidArgument(field) otherwise.
Result<std::vector<uint8_t>> Base64Decode(std::string_view text, std::string_view field = "base64");

// Base64Decode then HashFromBytes.
Result<Hash> HashFromBase64(std::string_view text, std::string_view field = "hash");

}  // namespace recirc::tlog
