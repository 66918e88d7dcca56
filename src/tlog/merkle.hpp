#pragma once
// RFC 6962 / RFC 9162 Merkle tree hashes and proofs.
//
// Proof generation does not hold the tree: it asks a callback for the hashes of complete
// subtrees (a leaf is the complete subtree of level 0), which is exactly what hash tiles store
// (see tiles.hpp, TileSubtreeReader). Incomplete subtrees on the right edge are hashed here from
// their complete parts, so nothing but complete-subtree hashes ever needs to be stored.
//
// Verification follows RFC 9162 sections 2.1.3.2 and 2.1.4.2 and additionally checks the proof
// length up front, so a failure says what was wrong. Errors are InvalidArgument with field
// "index", "size", "size1", "size2" or "proof"; a proof that is well-formed but does not lead to
// the given root fails with field "proof" and a message saying so.

#include "core/error.hpp"
#include "tlog/hash.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace recirc::tlog {

// The complete subtree of 2^level leaves [index * 2^level, (index + 1) * 2^level).
struct SubtreeId {
  uint8_t level = 0;
  uint64_t index = 0;

  uint64_t Start() const { return index << level; }
  uint64_t End() const { return (index + 1) << level; }
  friend bool operator==(const SubtreeId&, const SubtreeId&) = default;
  friend auto operator<=>(const SubtreeId&, const SubtreeId&) = default;
};

// Returns the hash of a complete subtree (for level 0 the leaf hash), or the storage error.
using SubtreeHashFn = std::function<Result<Hash>(const SubtreeId&)>;

// MTH of the leaves whose leaf hashes are given (EmptyRoot() for none).
Hash RootFromLeafHashes(Sha256& sha, std::span<const Hash> leaf_hashes);

// The complete subtrees, left to right, whose hashes make up the tree of `size` leaves (one per
// set bit of size, largest first). Folding them from the right with NodeHash gives the root.
std::vector<SubtreeId> RootSubtrees(uint64_t size);

// The subtree hashes InclusionProof / ConsistencyProof / TreeRoot would request, in request
// order, possibly with repeats; a tile server uses them to find which tiles to read. Empty when
// the arguments are invalid (the generators then fail without calling the callback).
std::vector<SubtreeId> InclusionProofSubtrees(uint64_t index, uint64_t size);
std::vector<SubtreeId> ConsistencyProofSubtrees(uint64_t size1, uint64_t size2);

// Number of hashes in a correct proof (0 for invalid arguments).
std::size_t InclusionProofSize(uint64_t index, uint64_t size);
std::size_t ConsistencyProofSize(uint64_t size1, uint64_t size2);

// Root of the tree of `size` leaves, from complete-subtree hashes.
Result<Hash> TreeRoot(Sha256& sha, uint64_t size, const SubtreeHashFn& subtree_hash);

// RFC 9162 2.1.3.1 inclusion proof of leaf `index` in the tree of `size` leaves, leaf side
// first. Requires index < size.
Result<std::vector<Hash>> InclusionProof(Sha256& sha, uint64_t index, uint64_t size,
                                         const SubtreeHashFn& subtree_hash);

// RFC 9162 2.1.4.1 consistency proof from the tree of size1 leaves to the one of size2.
// Requires 0 < size1 <= size2; size1 == size2 gives an empty proof.
Result<std::vector<Hash>> ConsistencyProof(Sha256& sha, uint64_t size1, uint64_t size2,
                                           const SubtreeHashFn& subtree_hash);

// The root an inclusion proof leads to (RFC 9162 2.1.3.2 steps 1-4), after checking that
// index < size and that the proof has the right length.
Result<Hash> RootFromInclusionProof(Sha256& sha, uint64_t index, uint64_t size,
                                    const Hash& leaf_hash, std::span<const Hash> proof);

// Ok if `proof` shows that leaf `index` with `leaf_hash` is in the tree of `size` with `root`.
Status VerifyInclusion(Sha256& sha, uint64_t index, uint64_t size, const Hash& leaf_hash,
                       std::span<const Hash> proof, const Hash& root);

// Ok if `proof` shows that the tree (size1, root1) is a prefix of the tree (size2, root2).
// Rejects size1 == 0 (a proof from the empty tree proves nothing and RFC 9162 defines none),
// size1 > size2, and for size1 == size2 any non-empty proof or differing roots.
Status VerifyConsistency(Sha256& sha, uint64_t size1, uint64_t size2, std::span<const Hash> proof,
                         const Hash& root1, const Hash& root2);

}  // namespace recirc::tlog
