#include "domain/history/verify.hpp"

#include <boost/json.hpp>

#include "domain/history/proof_file.hpp"
#include "tlog/merkle.hpp"
#include "tlog/tiles.hpp"

namespace recirc::history {
namespace {

Error Where(const std::string& where, const std::string& what) {
  return Error::InvalidArgument(where, where + ": " + what);
}

Status CheckInclusion(tlog::Sha256& sha, const tlog::Checkpoint& cp, uint64_t index,
                      std::string_view entry, std::span<const tlog::Hash> proof,
                      const std::string& where) {
  auto st = tlog::VerifyInclusion(sha, index, cp.size, sha.LeafHash(tlog::AsBytes(entry)), proof,
                                  cp.root);
  if (!st) {
    return Where(where, "the inclusion proof of leaf index " + std::to_string(index) +
                            " does not verify against the checkpoint of size " +
                            std::to_string(cp.size) + " (" + st.error().message + ")");
  }
  return Ok();
}

}  // namespace

Result<VerifyReport> VerifyProofFile(std::string_view proof_file, std::string_view entry,
                                     const tlog::Verifier& log_key) {
  RECIRC_TRY(auto parsed, ParseProofFile(proof_file));
  auto cp = tlog::OpenCheckpoint(parsed.checkpoint, log_key);
  if (!cp) return Where("checkpoint", "the checkpoint does not verify: " + cp.error().message);
  tlog::Sha256 sha;
  RECIRC_CHECK(CheckInclusion(sha, *cp, parsed.index, entry, parsed.proof, "proof"));
  return VerifyReport{*cp, {}, {{parsed.index, std::string(entry)}}};
}

Result<VerifyReport> VerifyPassport(std::string_view passport_json, const tlog::Verifier& log_key) {
  boost::system::error_code ec;
  const boost::json::value doc = boost::json::parse(passport_json, ec);
  if (ec || !doc.is_object()) return Where("passport", "not a JSON object");
  const auto& o = doc.as_object();
  const auto* checkpoint = o.if_contains("checkpoint");
  const auto* item = o.if_contains("item_id");
  const auto* events = o.if_contains("events");
  if (!checkpoint || !checkpoint->is_string() || !item || !item->is_string() || !events ||
      !events->is_array()) {
    return Where("passport", "needs item_id, checkpoint and events");
  }
  auto cp = tlog::OpenCheckpoint(checkpoint->as_string(), log_key);
  if (!cp) return Where("checkpoint", "the checkpoint does not verify: " + cp.error().message);
  VerifyReport report{*cp, std::string(item->as_string()), {}};
  tlog::Sha256 sha;
  std::optional<uint64_t> previous;
  size_t n = 0;
  for (const auto& ev : events->as_array()) {
    const std::string where = "events[" + std::to_string(n++) + "]";
    if (!ev.is_object()) return Where(where, "not an object");
    const auto& e = ev.as_object();
    const auto* index = e.if_contains("index");
    const auto* entry = e.if_contains("entry");
    const auto* proof = e.if_contains("inclusion_proof");
    if (!index || !index->is_number() || !entry || !entry->is_string() || !proof ||
        !proof->is_array()) {
      return Where(where, "needs index, entry and inclusion_proof");
    }
    boost::system::error_code num_ec;
    const auto leaf_index = index->to_number<uint64_t>(num_ec);
    if (num_ec) return Where(where, "index is not a leaf index");
    std::vector<tlog::Hash> hashes;
    for (const auto& h : proof->as_array()) {
      if (!h.is_string()) return Where(where, "inclusion_proof holds a non-string");
      auto hash = tlog::HashFromBase64(h.as_string());
      if (!hash) return Where(where, "inclusion_proof holds a hash that is not base64 of 32 bytes");
      hashes.push_back(*hash);
    }
    const std::string text(entry->as_string());
    RECIRC_CHECK(CheckInclusion(sha, *cp, leaf_index, text, hashes, where));
    const auto leaf = boost::json::parse(text, ec);
    if (ec || !leaf.is_object()) return Where(where, "the entry is not a JSON object");
    const auto* leaf_item = leaf.as_object().if_contains("item_id");
    if (!leaf_item || *leaf_item != *item) {
      return Where(where, "leaf index " + std::to_string(leaf_index) + " is not about item " +
                              report.item_id);
    }
    const auto* prev = leaf.as_object().if_contains("prev");
    const bool chained =
        prev &&
        (previous ? (prev->is_number() && prev->to_number<uint64_t>(num_ec) == *previous && !num_ec)
                  : prev->is_null());
    if (!chained) {
      return Where(where, "leaf index " + std::to_string(leaf_index) +
                              " does not follow the previous event shown (an event is missing "
                              "or out of order)");
    }
    previous = leaf_index;
    report.leaves.push_back({leaf_index, text});
  }
  if (report.leaves.empty()) return Where("events", "the passport shows no event");
  return report;
}

namespace {

// The hashes of tile `t` (width hashes from `hashes`, starting at t.index * 256).
std::span<const tlog::Hash> Expected(const std::vector<tlog::Hash>& hashes, const tlog::Tile& t) {
  return std::span(hashes).subspan(t.index * tlog::kTileWidth, t.width);
}

}  // namespace

Result<AuditReport> AuditLog(const FetchFn& fetch, const tlog::Verifier& log_key,
                             const std::optional<std::string>& previous_checkpoint) {
  RECIRC_TRY(std::string note, fetch("checkpoint"));
  auto cp = tlog::OpenCheckpoint(note, log_key);
  if (!cp) return Where("checkpoint", "the checkpoint does not verify: " + cp.error().message);
  AuditReport report{*cp, note, 0};
  tlog::Sha256 sha;

  // Level 0 from the entry bundles.
  std::vector<std::vector<tlog::Hash>> levels(1);
  const auto tree = tlog::TreeTiles(cp->size);
  if (!tree.empty()) {
    const auto& l0 = tree.front();
    const uint64_t bundles = l0.full_count + (l0.partial_width ? 1 : 0);
    for (uint64_t n = 0; n < bundles; ++n) {
      const tlog::Tile t{tlog::TileKind::kEntries, 0, n,
                         n < l0.full_count ? tlog::kTileWidth : l0.partial_width};
      const std::string path = tlog::TilePath(t);
      RECIRC_TRY(std::string data, fetch(path));
      auto entries = tlog::DecodeEntryBundle(tlog::AsBytes(data));
      if (!entries) return Where(path, "the entry bundle is malformed");
      if (entries->size() != t.width) {
        return Where(path, "holds " + std::to_string(entries->size()) + " entries, not " +
                               std::to_string(t.width));
      }
      for (const auto& e : *entries) levels[0].push_back(sha.LeafHash(e));
      ++report.tiles_checked;
    }
  }
  // Each level's hashes from the one below, then every hash tile against them.
  for (size_t l = 1; l < tree.size(); ++l) {
    std::vector<tlog::Hash> above;
    const auto& below = levels[l - 1];
    for (size_t j = 0; (j + 1) * tlog::kTileWidth <= below.size(); ++j) {
      above.push_back(tlog::RootFromLeafHashes(
          sha, std::span(below).subspan(j * tlog::kTileWidth, tlog::kTileWidth)));
    }
    levels.push_back(std::move(above));
  }
  for (const auto& level : tree) {
    const uint64_t tiles = level.full_count + (level.partial_width ? 1 : 0);
    for (uint64_t n = 0; n < tiles; ++n) {
      const tlog::Tile t{tlog::TileKind::kHashes, level.level, n,
                         n < level.full_count ? tlog::kTileWidth : level.partial_width};
      const std::string path = tlog::TilePath(t);
      RECIRC_TRY(std::string data, fetch(path));
      auto hashes = tlog::DecodeHashTile(tlog::AsBytes(data), t.width);
      if (!hashes) return Where(path, "is not " + std::to_string(t.width) + " hashes long");
      const auto want = Expected(levels[level.level], t);
      for (size_t i = 0; i < want.size(); ++i) {
        if ((*hashes)[i] == want[i]) continue;
        const uint64_t first = (n * tlog::kTileWidth + i) << (tlog::kTileHeight * level.level);
        const uint64_t last =
            ((n * tlog::kTileWidth + i + 1) << (tlog::kTileHeight * level.level)) - 1;
        return Where(path, "hash " + std::to_string(i) +
                               " differs from the one recomputed from the entries of leaf " +
                               (first == last ? "index " + std::to_string(first)
                                              : "indexes " + std::to_string(first) + "-" +
                                                    std::to_string(last)) +
                               " (in " +
                               tlog::TilePath({tlog::TileKind::kEntries, 0,
                                               first / tlog::kTileWidth, tlog::kTileWidth}) +
                               ")");
      }
      ++report.tiles_checked;
    }
  }
  auto root_of = [&](uint64_t size) {
    return tlog::RootFromLeafHashes(sha, std::span(levels[0]).first(size));
  };
  if (root_of(cp->size) != cp->root) {
    return Where("checkpoint",
                 "the root of the tree recomputed from the entries differs from "
                 "the signed root of size " +
                     std::to_string(cp->size));
  }
  if (previous_checkpoint) {
    auto prev = tlog::OpenCheckpoint(*previous_checkpoint, log_key);
    if (!prev)
      return Where("state", "the saved checkpoint does not verify: " + prev.error().message);
    if (prev->size > cp->size) {
      return Where("checkpoint", "the log shrank from size " + std::to_string(prev->size) + " to " +
                                     std::to_string(cp->size));
    }
    if (root_of(prev->size) != prev->root) {
      return Where("checkpoint", "the log is not consistent with the checkpoint of size " +
                                     std::to_string(prev->size) + " seen last time (a fork)");
    }
  }
  return report;
}

}  // namespace recirc::history
