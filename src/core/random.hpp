#pragma once
// Random: the injected source of randomness. Production uses the operating system's CSPRNG
// (crypto/secure_random.hpp); tests use SeededRandom so ids and tokens repeat run to run.

#include <cstdint>
#include <random>
#include <span>

namespace recirc {

class Random {
 public:
  virtual ~Random() = default;
  // Fills `out` with random bytes. Thread-safe in every implementation.
  virtual void Fill(std::span<uint8_t> out) = 0;
};

// Deterministic, NOT for secrets. Thread-safe through a mutex-free per-call copy is not possible,
// so callers in tests share it from one thread or accept interleaving.
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(uint64_t seed) : engine_(seed) {}
  void Fill(std::span<uint8_t> out) override {
    for (auto& b : out) b = static_cast<uint8_t>(engine_());
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace recirc
