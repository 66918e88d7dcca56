#include "tlog/merkle.hpp"

#include <algorithm>
#include <bit>
#include <string>

namespace recirc::tlog {
namespace {

// A node of the RFC 6962 tree: the leaves [start, end). Its start is always a multiple of the
// smallest power of two >= its width, which is what lets it split into aligned subtrees.
struct Range {
  uint64_t start = 0;
  uint64_t end = 0;
};

// k in RFC 6962: the largest power of two smaller than n, for n > 1.
uint64_t SplitPoint(uint64_t n) { return uint64_t{1} << (std::bit_width(n - 1) - 1); }

// The complete subtrees of a node, left to right, largest first.
void AppendSubtrees(Range range, std::vector<SubtreeId>& out) {
  uint64_t start = range.start;
  while (start < range.end) {
    int fit = static_cast<int>(std::bit_width(range.end - start)) - 1;
    int align = start == 0 ? 63 : std::countr_zero(start);
    auto level = static_cast<uint8_t>(std::min(fit, align));
    out.push_back({level, start >> level});
    start += uint64_t{1} << level;
  }
}

// The nodes whose hashes form the proofs (RFC 9162 PATH and PROOF, unrolled), passed to `visit`
// from the root down, which is the reverse of proof order. No allocation, so verifiers can count.
template <class Visit>
void WalkInclusion(uint64_t index, uint64_t size, Visit&& visit) {
  if (index >= size) {
    return;
  }
  Range node{0, size};
  while (node.end - node.start > 1) {
    uint64_t mid = node.start + SplitPoint(node.end - node.start);
    if (index < mid) {
      visit(Range{mid, node.end});
      node.end = mid;
    } else {
      visit(Range{node.start, mid});
      node.start = mid;
    }
  }
}

template <class Visit>
void WalkConsistency(uint64_t size1, uint64_t size2, Visit&& visit) {
  if (size1 == 0 || size1 > size2) {
    return;
  }
  Range node{0, size2};
  bool whole_old_tree = true;  // `b` in RFC 9162 SUBPROOF: node still is the old tree's root
  while (node.end != size1) {
    uint64_t mid = node.start + SplitPoint(node.end - node.start);
    if (size1 <= mid) {
      visit(Range{mid, node.end});
      node.end = mid;
    } else {
      visit(Range{node.start, mid});
      node.start = mid;
      whole_old_tree = false;
    }
  }
  if (!whole_old_tree) {
    visit(node);  // the old tree's last part, first in the proof
  }
}

std::vector<Range> InclusionPlan(uint64_t index, uint64_t size) {
  std::vector<Range> plan;
  WalkInclusion(index, size, [&](Range r) { plan.push_back(r); });
  std::reverse(plan.begin(), plan.end());
  return plan;
}

std::vector<Range> ConsistencyPlan(uint64_t size1, uint64_t size2) {
  std::vector<Range> plan;
  WalkConsistency(size1, size2, [&](Range r) { plan.push_back(r); });
  std::reverse(plan.begin(), plan.end());
  return plan;
}

Result<Hash> NodeHashFromSubtrees(Sha256& sha, Range range, const SubtreeHashFn& subtree_hash) {
  std::vector<SubtreeId> parts;
  AppendSubtrees(range, parts);
  if (parts.empty()) {
    return EmptyRoot();
  }
  std::vector<Hash> hashes;
  hashes.reserve(parts.size());
  for (const SubtreeId& part : parts) {
    RECIRC_TRY(Hash hash, subtree_hash(part));
    hashes.push_back(hash);
  }
  Hash hash = hashes.back();
  for (auto it = hashes.rbegin() + 1; it != hashes.rend(); ++it) {
    hash = sha.NodeHash(*it, hash);
  }
  return hash;
}

Result<std::vector<Hash>> HashPlan(Sha256& sha, const std::vector<Range>& plan,
                                   const SubtreeHashFn& subtree_hash) {
  std::vector<Hash> proof;
  proof.reserve(plan.size());
  for (Range range : plan) {
    RECIRC_TRY(Hash hash, NodeHashFromSubtrees(sha, range, subtree_hash));
    proof.push_back(hash);
  }
  return proof;
}

std::vector<SubtreeId> PlanSubtrees(const std::vector<Range>& plan) {
  std::vector<SubtreeId> out;
  for (Range range : plan) {
    AppendSubtrees(range, out);
  }
  return out;
}

Error ProofError(std::string message) {
  return Error::InvalidArgument("proof", std::move(message));
}

Error WrongLength(std::size_t got, std::size_t want) {
  return ProofError("proof has " + std::to_string(got) + " hashes, expected " +
                    std::to_string(want));
}

// Shifts until the lowest bit of fn is set or fn is 0 (RFC 9162 2.1.3.2 step 4b, 2.1.4.2 6b).
void ShiftToSetBit(uint64_t& fn, uint64_t& sn) {
  while ((fn & 1) == 0 && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

}  // namespace

Hash RootFromLeafHashes(Sha256& sha, std::span<const Hash> leaf_hashes) {
  // A binary counter of complete subtrees: stack[i] covers 2^levels[i] leaves.
  std::vector<Hash> stack;
  std::vector<int> levels;
  for (const Hash& leaf : leaf_hashes) {
    stack.push_back(leaf);
    levels.push_back(0);
    while (levels.size() >= 2 && levels[levels.size() - 1] == levels[levels.size() - 2]) {
      Hash right = stack.back();
      stack.pop_back();
      levels.pop_back();
      stack.back() = sha.NodeHash(stack.back(), right);
      ++levels.back();
    }
  }
  if (stack.empty()) {
    return EmptyRoot();
  }
  Hash root = stack.back();
  for (auto it = stack.rbegin() + 1; it != stack.rend(); ++it) {
    root = sha.NodeHash(*it, root);
  }
  return root;
}

std::vector<SubtreeId> RootSubtrees(uint64_t size) {
  std::vector<SubtreeId> out;
  AppendSubtrees({0, size}, out);
  return out;
}

std::vector<SubtreeId> InclusionProofSubtrees(uint64_t index, uint64_t size) {
  return PlanSubtrees(InclusionPlan(index, size));
}

std::vector<SubtreeId> ConsistencyProofSubtrees(uint64_t size1, uint64_t size2) {
  return PlanSubtrees(ConsistencyPlan(size1, size2));
}

std::size_t InclusionProofSize(uint64_t index, uint64_t size) {
  std::size_t count = 0;
  WalkInclusion(index, size, [&](Range) { ++count; });
  return count;
}

std::size_t ConsistencyProofSize(uint64_t size1, uint64_t size2) {
  std::size_t count = 0;
  WalkConsistency(size1, size2, [&](Range) { ++count; });
  return count;
}

Result<Hash> TreeRoot(Sha256& sha, uint64_t size, const SubtreeHashFn& subtree_hash) {
  return NodeHashFromSubtrees(sha, {0, size}, subtree_hash);
}

Result<std::vector<Hash>> InclusionProof(Sha256& sha, uint64_t index, uint64_t size,
                                         const SubtreeHashFn& subtree_hash) {
  if (index >= size) {
    return Error::InvalidArgument("index", "leaf index " + std::to_string(index) +
                                               " is not below the tree size " +
                                               std::to_string(size));
  }
  return HashPlan(sha, InclusionPlan(index, size), subtree_hash);
}

Result<std::vector<Hash>> ConsistencyProof(Sha256& sha, uint64_t size1, uint64_t size2,
                                           const SubtreeHashFn& subtree_hash) {
  if (size1 == 0) {
    return Error::InvalidArgument("size1", "no consistency proof from size 0");
  }
  if (size1 > size2) {
    return Error::InvalidArgument("size1", "size1 is larger than size2");
  }
  return HashPlan(sha, ConsistencyPlan(size1, size2), subtree_hash);
}

Result<Hash> RootFromInclusionProof(Sha256& sha, uint64_t index, uint64_t size,
                                    const Hash& leaf_hash, std::span<const Hash> proof) {
  if (index >= size) {
    return Error::InvalidArgument("index", "leaf index " + std::to_string(index) +
                                               " is not below the tree size " +
                                               std::to_string(size));
  }
  std::size_t want = InclusionProofSize(index, size);
  if (proof.size() != want) {
    return WrongLength(proof.size(), want);
  }
  uint64_t fn = index;
  uint64_t sn = size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) {
      return ProofError("inclusion proof is too long");
    }
    if ((fn & 1) == 1 || fn == sn) {
      r = sha.NodeHash(p, r);
      ShiftToSetBit(fn, sn);
    } else {
      r = sha.NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return ProofError("inclusion proof is too short");
  }
  return r;
}

Status VerifyInclusion(Sha256& sha, uint64_t index, uint64_t size, const Hash& leaf_hash,
                       std::span<const Hash> proof, const Hash& root) {
  RECIRC_TRY(Hash computed, RootFromInclusionProof(sha, index, size, leaf_hash, proof));
  if (computed != root) {
    return ProofError("inclusion proof does not lead to the given root");
  }
  return Ok();
}

Status VerifyConsistency(Sha256& sha, uint64_t size1, uint64_t size2, std::span<const Hash> proof,
                         const Hash& root1, const Hash& root2) {
  if (size1 == 0) {
    return Error::InvalidArgument("size1", "no consistency proof from size 0");
  }
  if (size1 > size2) {
    return Error::InvalidArgument("size1", "size1 is larger than size2");
  }
  if (size1 == size2) {
    if (!proof.empty()) {
      return WrongLength(proof.size(), 0);
    }
    if (root1 != root2) {
      return ProofError("equal sizes but different roots");
    }
    return Ok();
  }
  std::size_t want = ConsistencyProofSize(size1, size2);
  if (proof.size() != want) {
    return WrongLength(proof.size(), want);
  }

  // RFC 9162 2.1.4.2. When size1 is a power of two the old root is itself a node of the new
  // tree and the proof leaves it out; the algorithm starts from it instead of the first hash.
  bool seed_is_root1 = std::has_single_bit(size1);
  std::span<const Hash> rest = seed_is_root1 ? proof : proof.subspan(1);

  uint64_t fn = size1 - 1;
  uint64_t sn = size2 - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = seed_is_root1 ? root1 : proof[0];
  Hash sr = fr;
  for (const Hash& c : rest) {
    if (sn == 0) {
      return ProofError("consistency proof is too long");
    }
    if ((fn & 1) == 1 || fn == sn) {
      fr = sha.NodeHash(c, fr);
      sr = sha.NodeHash(c, sr);
      ShiftToSetBit(fn, sn);
    } else {
      sr = sha.NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return ProofError("consistency proof is too short");
  }
  if (fr != root1) {
    return ProofError("consistency proof does not lead to the old root");
  }
  if (sr != root2) {
    return ProofError("consistency proof does not lead to the new root");
  }
  return Ok();
}

}  // namespace recirc::tlog
