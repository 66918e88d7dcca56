#pragma once
// The signed messages nodes exchange (docs/federation.md). Each is a C2SP signed note whose text
// is one line naming the message kind ("recirc-federation/batch") and one line of JSON, signed
// by the sending node's log key. The receiver opens it with the keys it was configured with and
// requires the note's signer to be the node the JSON names as its sender, so a message cannot be
// replayed under another node's name. Replaying a node's own message is harmless: every message
// is applied idempotently (batches by origin and seq, pulls are reads).

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "tlog/note.hpp"

namespace recirc::federation {

inline constexpr std::string_view kBatch = "batch";          // shop -> city: journal events
inline constexpr std::string_view kAck = "ack";              // city -> shop: batch applied
inline constexpr std::string_view kPull = "watchlist-pull";  // shop -> city: entries after n
inline constexpr std::string_view kEntries = "watchlist";    // city -> shop: the entries

// What a city keeps of a registration pushed by a shop (the seller sealed to the city's key).
struct RegistrationFacts {
  std::string acquisition_id;
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
  std::vector<std::pair<std::string, std::string>> identifiers;
  std::string seller_sealed;  // "" when the shop had erased it after the retention period
  int64_t registered_at = 0;
};

struct PushedEvent {
  int64_t seq = 0;
  std::string id;
  int64_t occurred_at = 0;
  std::string type;
  std::string aggregate_type;
  std::string aggregate_id;
  std::string payload;                            // the journal event's JSON payload
  std::optional<RegistrationFacts> registration;  // with item.acquired
};

struct Batch {
  std::string origin;  // the shop's key name
  std::vector<PushedEvent> events;
};

// A signed note of `kind` carrying `body`.
Result<std::string> SignMessage(std::string_view kind, const boost::json::object& body,
                                const tlog::Signer& key);

struct OpenedMessage {
  std::string signer;  // the verified key's name
  boost::json::object body;
};
// Opens a note of `kind` signed by one of `keys`. Unauthenticated when no known key signed it
// (or a signature is bad); InvalidArgument("body") when it is malformed or of another kind.
Result<OpenedMessage> OpenMessage(std::string_view note, std::string_view kind,
                                  std::span<const tlog::Verifier> keys);

boost::json::object ToJson(const Batch& batch);
Result<Batch> BatchFromJson(const boost::json::object& body);

// Typed reads of a message's fields; InvalidArgument("body") naming the field.
Result<std::string> TextField(const boost::json::object& o, std::string_view name);
Result<int64_t> IntField(const boost::json::object& o, std::string_view name);

}  // namespace recirc::federation
