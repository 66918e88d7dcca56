#pragma once
// The fixed log key of the fuzz targets: seed 32 x 0x2a, name "fuzz.example/log". The signed
// seeds in fuzz/corpus/ (written by fuzz_seedgen) are signed with it, so mutations of them reach
// the signature check and past it.

#include <array>
#include <cstdint>
#include <cstdlib>

#include "tlog/note.hpp"

namespace recirc::fuzz {

inline const tlog::Signer& FuzzSigner() {
  static const tlog::Signer signer = [] {
    std::array<uint8_t, tlog::kEd25519SeedSize> seed{};
    seed.fill(0x2a);
    auto s = tlog::Signer::FromSeed("fuzz.example/log", seed);
    if (!s) std::abort();
    return *s;
  }();
  return signer;
}

}  // namespace recirc::fuzz
