#include "storage/notifications/notification_repository.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO notifications (id, seq, audience_kind, audience_id, message_id, params, "
    "link_kind, link_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "ON CONFLICT (id) DO NOTHING";
constexpr std::string_view kSaveSubject =
    "INSERT INTO notification_subjects (subject_id, user_id) VALUES ($1, $2) "
    "ON CONFLICT (subject_id) DO UPDATE SET user_id = excluded.user_id";
constexpr std::string_view kSubjectUser =
    "SELECT user_id FROM notification_subjects WHERE subject_id = $1";
constexpr std::string_view kColumns =
    "n.id, n.seq, n.audience_kind, n.audience_id, n.message_id, n.params, n.link_kind, "
    "n.link_id, n.created_at, CASE WHEN r.notification_id IS NULL THEN 0 ELSE 1 END";

// FROM … WHERE for the audience's notifications, each joined with the user's read mark.
// $1 is the user; the organisation and the region prefix follow when the audience has them.
std::string FromWhere(const NotificationAudience& a, Params& params) {
  params = {a.user_id};
  std::string sql =
      " FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND "
      "r.user_id = $1 WHERE ((n.audience_kind = 'user' AND n.audience_id = $1)";
  if (a.organisation_id) {
    params.emplace_back(*a.organisation_id);
    sql += " OR (n.audience_kind = 'organisation' AND n.audience_id = $" +
           std::to_string(params.size()) + ")";
  }
  if (a.region_prefix) {
    params.emplace_back(*a.region_prefix + "%");
    sql += " OR (n.audience_kind = 'region' AND n.audience_id LIKE $" +
           std::to_string(params.size()) + ")";
  }
  return sql + ")";
}

NotificationRecord FromRow(const Row& r) {
  return {r.Text(0), r.Int(1),  r.Text(2), r.Text(3), r.Text(4),
          r.Text(5), r.Text(6), r.Text(7), r.Int(8),  r.Int(9) != 0};
}

}  // namespace

Result<bool> NotificationRepository::Insert(Session& s, const NotificationRecord& n) const {
  RECIRC_TRY(int64_t changed,
             s.Execute(kInsert, {n.id, n.seq, n.audience_kind, n.audience_id, n.message_id,
                                 n.params, n.link_kind, n.link_id, n.created_at}));
  return changed > 0;
}

Status NotificationRepository::SaveSubject(Session& s, const std::string& subject_id,
                                           const std::string& user_id) const {
  RECIRC_TRY(int64_t changed, s.Execute(kSaveSubject, {subject_id, user_id}));
  (void)changed;
  return Ok();
}

Result<std::optional<std::string>> NotificationRepository::SubjectUser(
    Session& s, const std::string& subject_id) const {
  RECIRC_TRY(Rows rows, s.Query(kSubjectUser, {subject_id}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.front().Text(0));
}

Status NotificationRepository::Clear(Session& s) const {
  for (std::string_view table : {"notifications", "notification_reads", "notification_subjects"}) {
    RECIRC_TRY(int64_t changed, s.Execute("DELETE FROM " + std::string(table)));
    (void)changed;
  }
  return Ok();
}

Result<std::vector<NotificationRecord>> NotificationRepository::List(Session& s,
                                                                     const NotificationAudience& a,
                                                                     NotificationOrder order,
                                                                     int offset, int limit) const {
  Params params;
  std::string sql = "SELECT " + std::string(kColumns) + FromWhere(a, params);
  sql += order == NotificationOrder::kUnreadFirst
             ? " ORDER BY CASE WHEN r.notification_id IS NULL THEN 0 ELSE 1 END, n.seq DESC"
             : " ORDER BY n.seq DESC";
  params.emplace_back(int64_t{limit});
  sql += " LIMIT $" + std::to_string(params.size());
  params.emplace_back(int64_t{offset});
  sql += " OFFSET $" + std::to_string(params.size());
  RECIRC_TRY(Rows rows, s.Query(sql, params));
  std::vector<NotificationRecord> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<int64_t> NotificationRepository::UnreadCount(Session& s,
                                                    const NotificationAudience& a) const {
  Params params;
  const std::string sql =
      "SELECT CAST(COUNT(*) AS BIGINT)" + FromWhere(a, params) + " AND r.notification_id IS NULL";
  RECIRC_TRY(Rows rows, s.Query(sql, params));
  return rows.empty() ? int64_t{0} : rows.front().Int(0);
}

Result<bool> NotificationRepository::MarkRead(Session& s, const NotificationAudience& a,
                                              const std::string& id, int64_t now) const {
  Params params;
  std::string sql = "SELECT n.id" + FromWhere(a, params);
  params.emplace_back(id);
  sql += " AND n.id = $" + std::to_string(params.size());
  RECIRC_TRY(Rows rows, s.Query(sql, params));
  if (rows.empty()) return false;
  RECIRC_TRY(int64_t changed,
             s.Execute("INSERT INTO notification_reads (notification_id, user_id, read_at) "
                       "VALUES ($1, $2, $3) ON CONFLICT (notification_id, user_id) DO NOTHING",
                       {id, a.user_id, now}));
  (void)changed;
  return true;
}

Result<int64_t> NotificationRepository::MarkAllRead(Session& s, const NotificationAudience& a,
                                                    int64_t now) const {
  Params params;
  std::string sql =
      "INSERT INTO notification_reads (notification_id, user_id, read_at) SELECT "
      "n.id, CAST($1 AS TEXT), ";
  const std::string from = FromWhere(a, params);
  params.emplace_back(now);
  sql += "CAST($" + std::to_string(params.size()) + " AS BIGINT)" + from +
         " AND r.notification_id IS NULL ON CONFLICT (notification_id, user_id) DO NOTHING";
  return s.Execute(sql, params);
}

}  // namespace recirc::storage
