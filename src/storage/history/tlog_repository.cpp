#include "storage/history/tlog_repository.hpp"

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kSize = "SELECT COALESCE(MAX(idx) + 1, 0) FROM tlog_entries";
constexpr std::string_view kEntries =
    "SELECT idx, item_id, journal_seq, data FROM tlog_entries WHERE idx >= $1 AND idx < $2 "
    "ORDER BY idx";
constexpr std::string_view kEntriesOfItem =
    "SELECT idx, item_id, journal_seq, data FROM tlog_entries WHERE item_id = $1 ORDER BY idx";
constexpr std::string_view kEntry =
    "SELECT idx, item_id, journal_seq, data FROM tlog_entries WHERE idx = $1";
constexpr std::string_view kTile = "SELECT data FROM tlog_tiles WHERE level = $1 AND idx = $2";
constexpr std::string_view kPutTile =
    "INSERT INTO tlog_tiles (level, idx, width, data) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (level, idx) DO UPDATE SET width = excluded.width, data = excluded.data";
constexpr std::string_view kInsertCheckpoint =
    "INSERT INTO tlog_checkpoints (size, root, note, created_at) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kLatest =
    "SELECT size, root, note, created_at FROM tlog_checkpoints ORDER BY size DESC LIMIT 1";
constexpr std::string_view kOfSize =
    "SELECT size, root, note, created_at FROM tlog_checkpoints WHERE size = $1";
constexpr std::string_view kAll =
    "SELECT size, root, note, created_at FROM tlog_checkpoints ORDER BY size";

// Multi-row statements are built in chunks of these sizes only, so each connection prepares at
// most a handful of distinct texts.
constexpr size_t kChunks[] = {64, 16, 4, 1};

std::string Placeholders(size_t rows, size_t columns, size_t first = 1) {
  std::string out;
  size_t n = first;
  for (size_t r = 0; r < rows; ++r) {
    if (r) out += ", ";
    out += columns > 1 ? "(" : "";
    for (size_t c = 0; c < columns; ++c) {
      if (c) out += ", ";
      out += "$" + std::to_string(n++);
    }
    out += columns > 1 ? ")" : "";
  }
  return out;
}

// Calls fn(offset, count) for consecutive chunks covering `total`.
template <class F>
Status InChunks(size_t total, F&& fn) {
  size_t done = 0;
  while (done < total) {
    size_t chunk = 1;
    for (size_t c : kChunks) {
      if (total - done >= c) {
        chunk = c;
        break;
      }
    }
    RECIRC_CHECK(fn(done, chunk));
    done += chunk;
  }
  return Ok();
}

TlogEntryRecord MapEntry(const Row& r) { return {r.Int(0), r.Text(1), r.Int(2), r.BlobBytes(3)}; }
TlogCheckpointRecord MapCheckpoint(const Row& r) {
  return {r.Int(0), r.BlobBytes(1), r.Text(2), r.Int(3)};
}

}  // namespace

Result<int64_t> TlogRepository::Size(Session& s) const {
  return FirstInt(s.QueryOne(kSize, {}, "tree size"));
}

Result<std::map<std::string, int64_t>> TlogRepository::LastLeafOf(
    Session& s, std::span<const std::string> item_ids) const {
  std::map<std::string, int64_t> out;
  RECIRC_CHECK(InChunks(item_ids.size(), [&](size_t from, size_t n) -> Status {
    const std::string sql = "SELECT item_id, MAX(idx) FROM tlog_entries WHERE item_id IN (" +
                            Placeholders(n, 1) + ") GROUP BY item_id";
    Params params;
    for (size_t i = 0; i < n; ++i) params.emplace_back(item_ids[from + i]);
    RECIRC_TRY(Rows rows, s.Query(sql, params));
    for (const Row& r : rows) out[r.Text(0)] = r.Int(1);
    return Ok();
  }));
  return out;
}

Status TlogRepository::InsertEntries(Session& s, std::span<const TlogEntryRecord> entries) const {
  return InChunks(entries.size(), [&](size_t from, size_t n) -> Status {
    const std::string sql =
        "INSERT INTO tlog_entries (idx, item_id, journal_seq, data) VALUES " + Placeholders(n, 4);
    Params params;
    params.reserve(n * 4);
    for (size_t i = 0; i < n; ++i) {
      const auto& e = entries[from + i];
      params.emplace_back(e.index);
      params.emplace_back(e.item_id);
      params.emplace_back(e.journal_seq);
      params.emplace_back(Blob{e.data});
    }
    return Done(s.Execute(sql, params));
  });
}

Result<std::vector<TlogEntryRecord>> TlogRepository::Entries(Session& s, int64_t from,
                                                             int64_t to) const {
  return MapRows<TlogEntryRecord>(s.Query(kEntries, {from, to}), MapEntry);
}

Result<std::vector<TlogEntryRecord>> TlogRepository::EntriesOfItem(
    Session& s, const std::string& item_id) const {
  return MapRows<TlogEntryRecord>(s.Query(kEntriesOfItem, {item_id}), MapEntry);
}

Result<std::optional<TlogEntryRecord>> TlogRepository::Entry(Session& s, int64_t index) const {
  return MapOptional<TlogEntryRecord>(s.QueryOptional(kEntry, {index}), MapEntry);
}

Result<std::optional<std::string>> TlogRepository::Tile(Session& s, int level,
                                                        int64_t index) const {
  return MapOptional<std::string>(s.QueryOptional(kTile, {int64_t{level}, index}),
                                  [](const Row& r) { return r.BlobBytes(0); });
}

Status TlogRepository::PutTile(Session& s, int level, int64_t index, int width,
                               const std::string& data) const {
  return Done(s.Execute(kPutTile, {int64_t{level}, index, int64_t{width}, Blob{data}}));
}

Status TlogRepository::InsertCheckpoint(Session& s, const TlogCheckpointRecord& c) const {
  return Done(s.Execute(kInsertCheckpoint, {c.size, Blob{c.root}, c.note, c.created_at}));
}

Result<std::optional<TlogCheckpointRecord>> TlogRepository::LatestCheckpoint(Session& s) const {
  return MapOptional<TlogCheckpointRecord>(s.QueryOptional(kLatest, {}), MapCheckpoint);
}

Result<std::optional<TlogCheckpointRecord>> TlogRepository::CheckpointOfSize(Session& s,
                                                                             int64_t size) const {
  return MapOptional<TlogCheckpointRecord>(s.QueryOptional(kOfSize, {size}), MapCheckpoint);
}

Result<std::vector<TlogCheckpointRecord>> TlogRepository::Checkpoints(Session& s) const {
  return MapRows<TlogCheckpointRecord>(s.Query(kAll), MapCheckpoint);
}

Status TlogRepository::ClearTree(Session& s) const {
  RECIRC_CHECK(Done(s.Execute("DELETE FROM tlog_entries")));
  return Done(s.Execute("DELETE FROM tlog_tiles"));
}

}  // namespace recirc::storage
