#pragma once
// The public leaf of the item-history log: one per journal event whose type the event catalogue
// declares public (event_catalogue.hpp; not item.seized: see seizure_publisher.hpp), as canonical
// JSON (keys sorted by their UTF-8 bytes, no whitespace):
//
//   {"event_id":"01…","facts":{…},"item_id":"01…","organisation_id":"01…"|null,
//    "prev":<leaf index of the item's previous leaf>|null,"time":"2026-11-22T08:05:09.123Z",
//    "type":"item.acquired","v":1}
//
// "facts" is the event's payload with every key (at any depth) whose name looks personal
// removed (IsPersonalKey): item payloads carry public facts by convention, and this rule is a
// second line of defence, not the first. The actor (a user id) is never included. A leaf larger
// than tlog::kMaxEntrySize keeps its metadata and replaces the facts by their SHA-256
// ({"omitted":"too_large","sha256":"<hex>"}) so one oversized event cannot stop the log.

#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "storage/journal_repository.hpp"

namespace recirc::history {

inline constexpr int kLeafVersion = 1;

// True for journal events that become leaves: the type is a public entry of the event catalogue
// (event_catalogue.hpp) and the aggregate type is the entry's. A stored name no context declares
// is not public. item.seized is internal; it is published after a delay as
// item.seizure_published (seizure_publisher.hpp).
bool IsPublicEvent(const storage::EventRecord& e);

// True if a payload key must never reach the public log (names, ID numbers, phones, addresses,
// e-mail, photos and images, birth dates, sellers, buyers, customers, persons, parties,
// contacts, encrypted fields and blind indexes).
bool IsPersonalKey(std::string_view key);

// Canonical JSON: object keys sorted bytewise, no whitespace, strings escaped only where JSON
// requires (", \, control characters as \b \f \n \r \t or \u00xx), integers in decimal and other
// numbers in their shortest round-trip form.
std::string CanonicalJson(const boost::json::value& v);

// The leaf of an item event. InvalidArgument("payload") if the payload is not a JSON object.
Result<std::string> MakeLeaf(const storage::EventRecord& e, std::optional<int64_t> prev);

}  // namespace recirc::history
