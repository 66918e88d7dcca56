#include "tlog/sealed_box.hpp"

#include <sodium.h>

#include <array>
#include <vector>

#include "tlog/hash.hpp"

namespace recirc::tlog {

Result<std::string> SealTo(const Verifier& to, std::string_view plaintext) {
  if (sodium_init() < 0) return Error::Internal("libsodium failed to initialize");
  std::array<uint8_t, crypto_box_PUBLICKEYBYTES> curve{};
  if (crypto_sign_ed25519_pk_to_curve25519(curve.data(), to.public_key().data()) != 0) {
    return Error::InvalidArgument("key", "the key has no Curve25519 form");
  }
  std::vector<uint8_t> box(plaintext.size() + crypto_box_SEALBYTES);
  if (crypto_box_seal(box.data(), reinterpret_cast<const uint8_t*>(plaintext.data()),
                      plaintext.size(), curve.data()) != 0) {
    return Error::Internal("crypto_box_seal failed");
  }
  return Base64Encode(box);
}

Result<std::string> OpenSealed(const Signer& key, std::string_view sealed) {
  if (sodium_init() < 0) return Error::Internal("libsodium failed to initialize");
  RECIRC_TRY(auto box, Base64Decode(sealed, "sealed"));
  if (box.size() < crypto_box_SEALBYTES) {
    return Error::InvalidArgument("sealed", "a sealed value is longer than that");
  }
  std::array<uint8_t, crypto_box_PUBLICKEYBYTES> pk{};
  std::array<uint8_t, crypto_box_SECRETKEYBYTES> sk{};
  const auto& ed_pk = key.ToVerifier().public_key();
  if (crypto_sign_ed25519_pk_to_curve25519(pk.data(), ed_pk.data()) != 0 ||
      crypto_sign_ed25519_sk_to_curve25519(sk.data(), key.secret_key_.data()) != 0) {
    return Error::Internal("the key has no Curve25519 form");
  }
  std::string plain(box.size() - crypto_box_SEALBYTES, '\0');
  const int rc = crypto_box_seal_open(reinterpret_cast<uint8_t*>(plain.data()), box.data(),
                                      box.size(), pk.data(), sk.data());
  sodium_memzero(sk.data(), sk.size());
  if (rc != 0) return Error::Unauthenticated("the sealed value is not for this key or was altered");
  return plain;
}

}  // namespace recirc::tlog
