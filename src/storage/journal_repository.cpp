#include "storage/journal_repository.hpp"

#include "core/id.hpp"
#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO events (id, occurred_at, type, aggregate_type, aggregate_id, organisation_id, "
    "actor_id, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq";
// PostgreSQL hands out identity values before commit, so appenders take a transaction-scoped
// advisory lock: sequence numbers then become visible in commit order and a consumer that has
// read up to seq N never later finds a smaller one. The lock is taken in the same statement as
// the insert (one round trip): the row is built from the CTE, so the lock is held before the
// identity value is drawn.
constexpr std::string_view kLockedInsertPostgres =
    "WITH appender AS (SELECT pg_advisory_xact_lock(7283002)) "
    "INSERT INTO events (id, occurred_at, type, aggregate_type, aggregate_id, organisation_id, "
    "actor_id, payload) SELECT $1::text, $2::bigint, $3::text, $4::text, $5::text, $6::text, "
    "$7::text, $8::text FROM appender RETURNING seq";
constexpr std::string_view kColumns =
    "SELECT seq, id, occurred_at, type, aggregate_type, aggregate_id, organisation_id, actor_id, "
    "payload FROM events ";
constexpr std::string_view kAfter = "WHERE seq > $1 ORDER BY seq LIMIT $2";
constexpr std::string_view kAggregate =
    "WHERE aggregate_type = $1 AND aggregate_id = $2 ORDER BY seq";
constexpr std::string_view kHead = "SELECT COALESCE(MAX(seq), 0) FROM events";
constexpr std::string_view kCursor = "SELECT position FROM consumer_cursors WHERE name = $1";
constexpr std::string_view kAllCursors =
    "SELECT name, position FROM consumer_cursors ORDER BY name";
constexpr std::string_view kSaveCursor =
    "INSERT INTO consumer_cursors (name, position, updated_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = "
    "excluded.updated_at";

EventRecord ToRecord(const Row& r) {
  return EventRecord{r.Int(0),  r.Text(1),    r.Int(2),     r.Text(3), r.Text(4),
                     r.Text(5), r.OptText(6), r.OptText(7), r.Text(8)};
}

Result<std::vector<EventRecord>> ToRecords(Result<Rows> rows) {
  if (!rows) return rows.error();
  std::vector<EventRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(ToRecord(r));
  return out;
}

}  // namespace

Result<int64_t> JournalRepository::Append(Session& s, const NewEvent& e) const {
  const std::string id = Id::Generate(clock_, random_).ToString();
  RECIRC_TRY(Row row,
             s.QueryOne(s.dialect() == Dialect::kPostgres ? kLockedInsertPostgres : kInsert,
                        {id, ToUnixMillis(clock_.Now()), std::string(e.type.name),
                         std::string(e.type.aggregate), e.aggregate_id,
                         OptionalText(e.organisation_id), OptionalText(e.actor_id), e.payload},
                        "event"));
  s.NoteJournalAppend();
  return row.Int(0);
}

Result<std::vector<EventRecord>> JournalRepository::ReadAfter(Session& s, int64_t after_seq,
                                                              int limit) const {
  return ToRecords(
      s.Query(std::string(kColumns) + std::string(kAfter), {after_seq, int64_t{limit}}));
}

Result<std::vector<EventRecord>> JournalRepository::ForAggregate(
    Session& s, std::string_view aggregate_type, std::string_view aggregate_id) const {
  return ToRecords(s.Query(std::string(kColumns) + std::string(kAggregate),
                           {std::string(aggregate_type), std::string(aggregate_id)}));
}

Result<int64_t> JournalRepository::Head(Session& s) const {
  RECIRC_TRY(Row r, s.QueryOne(kHead, {}, "journal head"));
  return r.Int(0);
}

Result<int64_t> JournalRepository::CursorOf(Session& s, std::string_view consumer) const {
  RECIRC_TRY(auto row, s.QueryOptional(kCursor, {std::string(consumer)}));
  return row ? row->Int(0) : 0;
}

Status JournalRepository::SaveCursor(Session& s, std::string_view consumer,
                                     int64_t position) const {
  RECIRC_TRY(int64_t n,
             s.Execute(kSaveCursor, {std::string(consumer), position, ToUnixMillis(clock_.Now())}));
  (void)n;
  return Ok();
}

Result<std::vector<std::pair<std::string, int64_t>>> JournalRepository::AllCursors(
    Session& s) const {
  RECIRC_TRY(Rows rows, s.Query(kAllCursors));
  std::vector<std::pair<std::string, int64_t>> out;
  for (const Row& r : rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

}  // namespace recirc::storage
