#include "crypto/secure_random.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace recirc::crypto {

void InitSodium() {
  if (sodium_init() < 0) {
    std::fputs("recirc: libsodium failed to initialise\n", stderr);
    std::abort();
  }
}

SecureRandom::SecureRandom() { InitSodium(); }

void SecureRandom::Fill(std::span<uint8_t> out) { randombytes_buf(out.data(), out.size()); }

}  // namespace recirc::crypto
