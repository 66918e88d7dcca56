#pragma once
// Idempotency keys (the Idempotency-Key header on writes).
//
// Reserve() claims a key for a principal before the handler runs, in its own transaction; the
// primary key (principal, key) makes two concurrent requests with one key race safely: one wins,
// the other sees "in flight". Complete() stores the answer of a successful write; Release()
// forgets a key whose write failed (nothing was written, so a retry may run again). A server that
// dies between its write and Complete() leaves the key in flight for ever: a retry is told so
// (409) rather than risking a second record.
//
// What is stored is what the caller hands in: the dispatcher gives a keyed MAC of the request
// body (never a plain hash of a body that may hold a password) and the answer sealed with the
// field cipher, or no answer at all for a route whose answer carries a secret (CompleteWithout-
// Answer); such a key then reads back as kDoneNotKept.

#include <optional>
#include <string>

#include "storage/database.hpp"

namespace recirc::storage {

struct IdempotencyClaim {
  enum class Kind { kNew, kReplay, kMismatch, kInFlight, kDoneNotKept };
  Kind kind = Kind::kNew;
  int64_t status = 0;
  std::string content_type;
  std::string response;  // as stored by Complete (sealed by the caller)
};

struct IdempotencyRequest {
  std::string principal;
  std::string key;
  std::string method;
  std::string path;
  std::string body_mac;  // a keyed MAC of the body, never the body or its plain hash
};

class IdempotencyRepository {
 public:
  Result<IdempotencyClaim> Reserve(Session& s, const IdempotencyRequest& r, int64_t now) const;
  Status Complete(Session& s, const IdempotencyRequest& r, int64_t status,
                  const std::string& content_type, const std::string& response) const;
  // Marks the key done with the status only: the answer is not kept, and is not replayed.
  Status CompleteWithoutAnswer(Session& s, const IdempotencyRequest& r, int64_t status) const;
  Status Release(Session& s, const IdempotencyRequest& r) const;
  Status DeleteOlderThan(Session& s, int64_t cutoff) const;
};

}  // namespace recirc::storage
