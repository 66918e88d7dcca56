#pragma once
// Sealed boxes to a node's Ed25519 key: libsodium's crypto_box_seal (X25519 + XSalsa20-Poly1305
// with an ephemeral sender key) over the Curve25519 form of the node's key. A shop seals the
// personal data of a registration to its city this way, so the data never crosses the network or
// sits in the city's tables in plaintext; only the holder of the city's log key opens it
// (docs/federation.md). The value is standard base64 of the box.

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "tlog/note.hpp"

namespace recirc::tlog {

// Seals `plaintext` to the key behind `to`. Internal if libsodium fails.
Result<std::string> SealTo(const Verifier& to, std::string_view plaintext);

// Opens a value SealTo made for `key`'s verifier. Unauthenticated if it was sealed to another key
// or altered; InvalidArgument("sealed") if it is not base64.
Result<std::string> OpenSealed(const Signer& key, std::string_view sealed);

}  // namespace recirc::tlog
