#pragma once
// SQL for federation between nodes (docs/federation.md): what a city node keeps of the events its
// shops pushed. Every insert is idempotent (ON CONFLICT DO NOTHING) and says whether it added a
// row, so a batch delivered twice changes nothing the second time.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct InboxEventRecord {
  std::string origin;
  int64_t seq = 0;
  std::string event_id;
  std::string type;
  std::string aggregate_type;
  std::string aggregate_id;
  int64_t occurred_at = 0;
  std::string payload;
  int64_t received_at = 0;
};

struct FederatedRegistrationRecord {
  std::string origin;
  std::string acquisition_id;
  int64_t seq = 0;
  std::string outlet_id;
  std::string outlet_name;
  std::string region_code;
  int64_t number = 0;
  std::string kind;
  std::string item_id;
  std::string category;
  std::string brand;
  std::string model;
  std::string status;
  std::string identifiers;  // JSON array of {kind, value}
  std::string seller_sealed;
  int64_t registered_at = 0;
  int64_t received_at = 0;
};

struct FederatedIdentifierRecord {
  std::string kind;
  std::string value;
  std::string origin;
  std::string acquisition_id;
  std::string region_code;
  int64_t registered_at = 0;
};

struct FederationSignalRecord {
  std::string id;
  std::string kind;
  std::string region_code;
  std::string identifier_kind;
  std::string identifier_value;
  std::string first_origin;
  std::string first_acquisition_id;
  std::string second_origin;
  std::string second_acquisition_id;
  int64_t created_at = 0;
};

class FederationRepository {
 public:
  // True when the event was new (false: (origin, seq) was applied before).
  Result<bool> InsertInboxEvent(Session& s, const InboxEventRecord& r) const;
  // The highest seq applied from `origin` (0 when none).
  Result<int64_t> HighestSeq(Session& s, const std::string& origin) const;
  Result<bool> InsertRegistration(Session& s, const FederatedRegistrationRecord& r) const;
  Result<bool> InsertIdentifier(Session& s, const FederatedIdentifierRecord& r) const;
  // Registrations of identifier (kind, value) by origins other than `origin`, registered in
  // [from, to].
  Result<std::vector<FederatedIdentifierRecord>> SameIdentifierElsewhere(
      Session& s, const std::string& kind, const std::string& value, const std::string& origin,
      int64_t from, int64_t to) const;
  Result<bool> InsertSignal(Session& s, const FederationSignalRecord& r) const;
  // Newest first, at most `limit`, of outlets whose region code starts with `region_prefix`.
  Result<std::vector<FederatedRegistrationRecord>> RegistrationsInRegion(
      Session& s, const std::string& region_prefix, int64_t limit) const;
  Result<std::vector<FederationSignalRecord>> SignalsInRegion(Session& s,
                                                              const std::string& region_prefix,
                                                              int64_t limit) const;
};

}  // namespace recirc::storage
