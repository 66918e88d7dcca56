#include "storage/idempotency_repository.hpp"

namespace recirc::storage {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO idempotency_keys (principal, key, method, path, body_hash, state, created_at) "
    "VALUES ($1, $2, $3, $4, $5, 'in_flight', $6) ON CONFLICT (principal, key) DO NOTHING";
constexpr std::string_view kSelect =
    "SELECT method, path, body_hash, state, status, content_type, response FROM idempotency_keys "
    "WHERE principal = $1 AND key = $2";
constexpr std::string_view kComplete =
    "UPDATE idempotency_keys SET state = 'done', status = $3, content_type = $4, response = $5 "
    "WHERE principal = $1 AND key = $2";
constexpr std::string_view kCompleteWithoutAnswer =
    "UPDATE idempotency_keys SET state = 'done', status = $3, content_type = NULL, "
    "response = NULL WHERE principal = $1 AND key = $2";
constexpr std::string_view kRelease =
    "DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND state = 'in_flight'";
constexpr std::string_view kExpire = "DELETE FROM idempotency_keys WHERE created_at < $1";
}  // namespace

Result<IdempotencyClaim> IdempotencyRepository::Reserve(Session& s, const IdempotencyRequest& r,
                                                        int64_t now) const {
  RECIRC_TRY(int64_t inserted,
             s.Execute(kInsert, {r.principal, r.key, r.method, r.path, r.body_mac, now}));
  IdempotencyClaim claim;
  if (inserted == 1) return claim;
  RECIRC_TRY(Row row, s.QueryOne(kSelect, {r.principal, r.key}, "idempotency key"));
  if (row.Text(0) != r.method || row.Text(1) != r.path || row.Text(2) != r.body_mac) {
    claim.kind = IdempotencyClaim::Kind::kMismatch;
  } else if (row.Text(3) != "done") {
    claim.kind = IdempotencyClaim::Kind::kInFlight;
  } else if (row.IsNull(6)) {
    claim.kind = IdempotencyClaim::Kind::kDoneNotKept;
    claim.status = row.Int(4);
  } else {
    claim.kind = IdempotencyClaim::Kind::kReplay;
    claim.status = row.Int(4);
    claim.content_type = row.Text(5);
    claim.response = row.Text(6);
  }
  return claim;
}

Status IdempotencyRepository::Complete(Session& s, const IdempotencyRequest& r, int64_t status,
                                       const std::string& content_type,
                                       const std::string& response) const {
  RECIRC_TRY(int64_t n, s.Execute(kComplete, {r.principal, r.key, status, content_type, response}));
  (void)n;
  return Ok();
}

Status IdempotencyRepository::CompleteWithoutAnswer(Session& s, const IdempotencyRequest& r,
                                                    int64_t status) const {
  RECIRC_TRY(int64_t n, s.Execute(kCompleteWithoutAnswer, {r.principal, r.key, status}));
  (void)n;
  return Ok();
}

Status IdempotencyRepository::Release(Session& s, const IdempotencyRequest& r) const {
  RECIRC_TRY(int64_t n, s.Execute(kRelease, {r.principal, r.key}));
  (void)n;
  return Ok();
}

Status IdempotencyRepository::DeleteOlderThan(Session& s, int64_t cutoff) const {
  RECIRC_TRY(int64_t n, s.Execute(kExpire, {cutoff}));
  (void)n;
  return Ok();
}

}  // namespace recirc::storage
