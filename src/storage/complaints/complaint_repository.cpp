#include "storage/complaints/complaint_repository.hpp"

#include <fmt/format.h>

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

using complaints::ComplaintState;

constexpr std::string_view kColumns =
    "id, subject_kind, subject_id, organisation_id, region_code, category, demand, facts, "
    "complainant_id, contact_name, contact_phone, state, answer_due_at, answered_at, "
    "assigned_to, info_party, outcome, decided_at, created_at, updated_at";
constexpr std::string_view kInsert =
    "INSERT INTO complaints (id, subject_kind, subject_id, organisation_id, region_code, "
    "category, demand, facts, complainant_id, contact_name, contact_phone, state, answer_due_at, "
    "answered_at, assigned_to, info_party, outcome, decided_at, created_at, updated_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)";
constexpr std::string_view kUpdate =
    "UPDATE complaints SET state = $2, answered_at = $3, assigned_to = $4, info_party = $5, "
    "outcome = $6, decided_at = $7, updated_at = $8 WHERE id = $1";
// The step takes the next number of its complaint (steps of one complaint are written under
// the complaint's own write, one at a time; the unique index refuses a duplicate).
constexpr std::string_view kInsertStep =
    "INSERT INTO complaint_steps (id, complaint_id, n, action, actor_id, party, text, detail, at) "
    "SELECT CAST($1 AS TEXT), CAST($2 AS TEXT), COALESCE(MAX(n), 0) + 1, CAST($3 AS TEXT), "
    "CAST($4 AS TEXT), CAST($5 AS TEXT), CAST($6 AS TEXT), CAST($7 AS TEXT), CAST($8 AS BIGINT) "
    "FROM complaint_steps WHERE complaint_id = $2";
constexpr std::string_view kSteps =
    "SELECT id, complaint_id, action, actor_id, party, text, detail, at FROM complaint_steps "
    "WHERE complaint_id = $1 ORDER BY n";

Value OptInt(const std::optional<int64_t>& v) {
  if (v) return *v;
  return nullptr;
}
template <class E>
Value OptEnum(const std::optional<E>& v) {
  if (v) return ToString(*v);
  return nullptr;
}
template <class E>
std::optional<E> OptStored(const Row& r, size_t i) {
  auto text = r.OptText(i);
  if (!text) return std::nullopt;
  return ParseStored<E>(*text, "complaints");
}

ComplaintRecord FromRow(const Row& r) {
  ComplaintRecord c;
  c.id = r.Text(0);
  c.subject_kind = ParseStored<complaints::SubjectKind>(r.Text(1), "subject_kind");
  c.subject_id = r.Text(2);
  c.organisation_id = r.Text(3);
  c.region_code = r.Text(4);
  c.category = ParseStored<complaints::Category>(r.Text(5), "category");
  c.demand = ParseStored<complaints::Demand>(r.Text(6), "demand");
  c.facts = r.Text(7);
  c.complainant_id = r.Text(8);
  c.contact_name = r.OptText(9);
  c.contact_phone = r.OptText(10);
  c.state = ParseStored<ComplaintState>(r.Text(11), "state");
  c.answer_due_at = r.Int(12);
  c.answered_at = r.OptInt(13);
  c.assigned_to = r.OptText(14);
  c.info_party = OptStored<complaints::Party>(r, 15);
  c.outcome = OptStored<complaints::Outcome>(r, 16);
  c.decided_at = r.OptInt(17);
  c.created_at = r.Int(18);
  c.updated_at = r.Int(19);
  return c;
}

ComplaintStepRecord StepFromRow(const Row& r) {
  return {r.Text(0), r.Text(1), ParseStored<complaints::Action>(r.Text(2), "action"),
          r.Text(3), r.Text(4), r.Text(5),
          r.Text(6), r.Int(7)};
}

}  // namespace

Status ComplaintRepository::Insert(Session& s, const ComplaintRecord& c) const {
  return Done(s.Execute(kInsert, {c.id,
                                  ToString(c.subject_kind),
                                  c.subject_id,
                                  c.organisation_id,
                                  c.region_code,
                                  ToString(c.category),
                                  ToString(c.demand),
                                  c.facts,
                                  c.complainant_id,
                                  OptionalText(c.contact_name),
                                  OptionalText(c.contact_phone),
                                  ToString(c.state),
                                  c.answer_due_at,
                                  OptInt(c.answered_at),
                                  OptionalText(c.assigned_to),
                                  OptEnum(c.info_party),
                                  OptEnum(c.outcome),
                                  OptInt(c.decided_at),
                                  c.created_at,
                                  c.updated_at}));
}

Result<std::optional<ComplaintRecord>> ComplaintRepository::Find(Session& s,
                                                                 const std::string& id) const {
  const std::string sql = fmt::format("SELECT {} FROM complaints WHERE id = $1", kColumns);
  RECIRC_TRY(Rows rows, s.Query(sql, {id}));
  if (rows.empty()) return std::optional<ComplaintRecord>();
  return std::optional<ComplaintRecord>(FromRow(rows.front()));
}

Status ComplaintRepository::Update(Session& s, const ComplaintRecord& c) const {
  return Done(s.Execute(
      kUpdate, {c.id, ToString(c.state), OptInt(c.answered_at), OptionalText(c.assigned_to),
                OptEnum(c.info_party), OptEnum(c.outcome), OptInt(c.decided_at), c.updated_at}));
}

Result<std::vector<ComplaintRecord>> ComplaintRepository::List(Session& s,
                                                               const ComplaintScope& scope,
                                                               int limit) const {
  Params params;
  std::string sql = fmt::format("SELECT {} FROM complaints WHERE ", kColumns);
  if (scope.complainant_id) {
    params.emplace_back(*scope.complainant_id);
    sql += "complainant_id = $1";
  } else if (scope.organisation_id) {
    params.emplace_back(*scope.organisation_id);
    sql += "organisation_id = $1";
  } else {
    params.emplace_back(scope.region_prefix.value_or("") + "%");
    sql += "region_code LIKE $1";
  }
  if (scope.state) {
    params.emplace_back(ToString(*scope.state));
    sql += " AND state = $" + std::to_string(params.size());
  }
  params.emplace_back(int64_t{limit});
  sql += " ORDER BY created_at DESC, id DESC LIMIT $" + std::to_string(params.size());
  return MapRows<ComplaintRecord>(s.Query(sql, params), FromRow);
}

Result<std::vector<ComplaintRecord>> ComplaintRepository::InRegion(
    Session& s, const std::string& region_prefix) const {
  const std::string sql =
      fmt::format("SELECT {} FROM complaints WHERE region_code LIKE $1", kColumns);
  return MapRows<ComplaintRecord>(s.Query(sql, {region_prefix + "%"}), FromRow);
}

Status ComplaintRepository::InsertStep(Session& s, const ComplaintStepRecord& r) const {
  return Done(s.Execute(kInsertStep, {r.id, r.complaint_id, ToString(r.action), r.actor_id, r.party,
                                      r.text, r.detail, r.at}));
}

Result<std::vector<ComplaintStepRecord>> ComplaintRepository::Steps(
    Session& s, const std::string& complaint_id) const {
  return MapRows<ComplaintStepRecord>(s.Query(kSteps, {complaint_id}), StepFromRow);
}

}  // namespace recirc::storage
