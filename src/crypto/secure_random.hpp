#pragma once
// The operating system's CSPRNG through libsodium. Constructing one initialises libsodium.

#include "core/random.hpp"

namespace recirc::crypto {

class SecureRandom final : public Random {
 public:
  SecureRandom();
  void Fill(std::span<uint8_t> out) override;
};

// Initialises libsodium; safe to call many times from many threads. Aborts start-up with a clear
// message if the library cannot start (no entropy source).
void InitSodium();

}  // namespace recirc::crypto
