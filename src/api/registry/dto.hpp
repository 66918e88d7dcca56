#pragma once
// The registry context on the wire (so far: registering an acquisition and its receipt),
// described once and mapped with value_from / jsonmap::Read (http/describe_json.hpp). Errors
// name the field by its path ("seller.agent.id_number", "item.identifiers.imei"); the
// registration service names identifiers by position ("item.identifiers[0].imei").

#include <boost/describe/class.hpp>

#include "domain/registry/police.hpp"
#include "domain/registry/registration.hpp"
#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::Omitted;
using jsonmap::tag_invoke;
using jsonmap::Time;
using FieldSchema = std::pair<std::string_view, std::string_view>;
constexpr std::string_view kIdType = R"js({"enum": ["resident_id", "passport", "other"]})js";

struct Agent {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"id_type", kIdType},
      {"authority",
       R"js({"description": "the power of attorney: what it says, its reference"})js"}};
  std::string name;
  std::string id_type;
  std::string id_number;
  std::optional<std::string> phone;
  std::optional<std::string> address;
  std::string authority;
};
BOOST_DESCRIBE_STRUCT(Agent, (), (name, id_type, id_number, phone, address, authority))

struct NewSeller {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"kind", R"js({"enum": ["individual", "company", "public_body"]})js"},
      {"id_type", kIdType},
      {"agent",
       R"js({"description": "someone selling for the seller (power of attorney); personal fields encrypted like the seller's"})js"}};
  std::string kind;
  std::string name;
  std::optional<std::string> id_type;
  std::optional<std::string> id_number;
  std::optional<std::string> credit_code;
  std::optional<std::string> phone;
  std::optional<std::string> address;
  Omitted<Agent> agent;
};
BOOST_DESCRIBE_STRUCT(NewSeller, (),
                      (kind, name, id_type, id_number, credit_code, phone, address, agent))

struct NewItem {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"identifiers",
       R"js({"description": "imei, meid, vin, serial, mac, gtin_serial, engraving"})js"},
      {"quantity", R"js({"minimum": 1})js"}};
  std::string category;
  std::string brand;
  std::string model;
  Omitted<jsonmap::OrderedMap<std::string>> identifiers;
  std::optional<std::string> colour;
  std::string condition;
  std::optional<int64_t> quantity;  // 1 when absent
};
BOOST_DESCRIBE_STRUCT(NewItem, (),
                      (category, brand, model, identifiers, colour, condition, quantity))

struct NewAcquisition {
  static constexpr std::string_view kSchemaName = "NewAcquisition";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"kind",
       R"js({"enum": ["purchase", "trade_in", "buy_back", "consignment_intake", "donation"]})js"},
      {"channel", R"js({"enum": ["store", "online", "door_to_door"]})js"},
      {"price_fen", R"js({"minimum": 0})js"},
      {"payment_method", R"js({"enum": ["cash", "bank_transfer", "mobile_payment", "none"]})js"},
      {"person_matches_id",
       R"js({"description": "人证同一: staff checked the person matches the ID"})js"},
      {"origin_statement",
       R"js({"maxLength": 500, "description": "the seller's statement of origin and time owned (stored encrypted)"})js"},
      {"origin_acquired_year",
       R"js({"description": "the year the seller says they acquired the item (screened against the model's release year)"})js"}};
  std::string outlet_id;
  std::string kind;
  std::string channel;
  int64_t price_fen = 0;
  std::string payment_method;
  bool person_matches_id = false;
  std::string origin_statement;
  std::optional<int64_t> origin_acquired_year;
  NewSeller seller;
  NewItem item;
  registry::AcquisitionInput ToDomain() const;
};
BOOST_DESCRIBE_STRUCT(NewAcquisition, (),
                      (outlet_id, kind, channel, price_fen, payment_method, person_matches_id,
                       origin_statement, origin_acquired_year, seller, item))

struct AcquisitionReceipt {
  static constexpr std::string_view kSchemaName = "AcquisitionReceipt";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"status", R"js({"enum": ["registered", "held_for_verification"]})js"},
      {"photo_required",
       R"js({"description": "the item has no serial number: it cannot be sold or offered until a photo of kind item is uploaded"})js"}};
  std::string id;
  int64_t number = 0;
  std::string item_id;
  std::string status;
  bool photo_required = false;
  Time created_at;
  static AcquisitionReceipt From(const registry::AcquisitionReceipt& r);
};
BOOST_DESCRIBE_STRUCT(AcquisitionReceipt, (),
                      (id, number, item_id, status, photo_required, created_at))

// ----- watchlists and alerts -----

struct NewWatchlistEntry {
  static constexpr std::string_view kSchemaName = "NewWatchlistEntry";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"status", R"js({"enum": ["black", "grey", "white"], "default": "black"})js"},
      {"note", R"js({"maxLength": 500})js"}};
  std::string identifier_kind;
  std::string identifier_value;
  std::optional<std::string> status;  // black when absent
  std::string note;
  registry::WatchlistInput ToDomain() const;
};
BOOST_DESCRIBE_STRUCT(NewWatchlistEntry, (), (identifier_kind, identifier_value, status, note))

// An operator's own entry: black or grey only.
struct NewOwnWatchlistEntry {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"status", R"js({"enum": ["black", "grey"], "default": "black"})js"},
      {"note", R"js({"maxLength": 500})js"}};
  std::string identifier_kind;
  std::string identifier_value;
  std::optional<std::string> status;  // black when absent
  std::string note;
};
BOOST_DESCRIBE_STRUCT(NewOwnWatchlistEntry, (), (identifier_kind, identifier_value, status, note))

struct WatchlistEntry {
  static constexpr std::string_view kSchemaName = "WatchlistEntry";
  std::string id;
  std::string identifier_kind;
  std::string identifier_value;
  std::string status;
  Time created_at;
};
BOOST_DESCRIBE_STRUCT(WatchlistEntry, (),
                      (id, identifier_kind, identifier_value, status, created_at))

// An entry of an operator's own watchlist, with its source and note.
struct OwnWatchlistEntry {
  std::string id;
  std::string source;
  std::string identifier_kind;
  std::string identifier_value;
  std::string status;
  std::string note;
  Time created_at;
  static OwnWatchlistEntry From(const storage::WatchlistRecord& e);
};
BOOST_DESCRIBE_STRUCT(OwnWatchlistEntry, (),
                      (id, source, identifier_kind, identifier_value, status, note, created_at))

struct OwnWatchlist {
  std::vector<OwnWatchlistEntry> items;
};
BOOST_DESCRIBE_STRUCT(OwnWatchlist, (), (items))

struct ImportResult {
  int64_t imported = 0;
};
BOOST_DESCRIBE_STRUCT(ImportResult, (), (imported))

struct Decision {
  static constexpr std::string_view kSchemaName = "Decision";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"decision", R"js({"enum": ["release", "seize", "request_info"]})js"},
      {"note",
       R"js({"maxLength": 1000, "description": "the officer's note (case number, what was checked); kept with the alert, never in the journal"})js"}};
  std::string decision;
  std::optional<std::string> note;  // "" reads as none
};
BOOST_DESCRIBE_STRUCT(Decision, (), (decision, note))

struct ItemIdentifier {
  std::string kind;
  std::string value;
};
BOOST_DESCRIBE_STRUCT(ItemIdentifier, (), (kind, value))

struct AlertItem {
  std::string category;
  std::string brand;
  std::string model;
  std::string status;
  std::vector<ItemIdentifier> identifiers;  // IMEI, serial…: what the officer checks the device by
};
BOOST_DESCRIBE_STRUCT(AlertItem, (), (category, brand, model, status, identifiers))

struct AlertAcquisition {
  std::string organisation_id;
  std::string outlet_id;
  std::string outlet_name;
  int64_t number = 0;
  std::string kind;
  int64_t price_fen = 0;
};
BOOST_DESCRIBE_STRUCT(AlertAcquisition, (),
                      (organisation_id, outlet_id, outlet_name, number, kind, price_fen))

struct Alert {
  static constexpr std::string_view kSchemaName = "Alert";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"reasons",
       R"js({"type": "array", "items": {"type": "object", "properties": {"signal": {"type": "string"}, "weight": {"type": "integer"}, "detail": {"type": "string"}}}})js"},
      {"item", R"js({"description": "in the list only"})js"},
      {"acquisition", R"js({"description": "in the list only"})js"}};
  std::string id;
  std::string acquisition_id;
  std::string item_id;
  std::string region_code;
  int64_t score = 0;
  boost::json::value reasons;
  std::string status;
  Time created_at;
  std::optional<Time> decided_at;
  std::optional<std::string> decision_note;
  Omitted<AlertItem> item;
  Omitted<AlertAcquisition> acquisition;
  static Alert From(const storage::AlertRecord& a);
  static Alert From(const registry::AlertView& v);
};
BOOST_DESCRIBE_STRUCT(Alert, (),
                      (id, acquisition_id, item_id, region_code, score, reasons, status, created_at,
                       decided_at, decision_note, item, acquisition))

struct AlertList {
  static constexpr std::string_view kSchemaName = "AlertList";
  std::vector<Alert> items;
};
BOOST_DESCRIBE_STRUCT(AlertList, (), (items))

// One outlet of the police's directory (GET /api/v1/police/outlets).
struct PoliceOutlet {
  std::string id;
  std::string name;
  std::string region_code;
  std::string address;
  std::string organisation_id;
  std::string organisation_name;
  std::string status;
};
BOOST_DESCRIBE_STRUCT(PoliceOutlet, (),
                      (id, name, region_code, address, organisation_id, organisation_name, status))

struct PoliceOutletList {
  static constexpr std::string_view kSchemaName = "PoliceOutletList";
  std::vector<PoliceOutlet> items;
};
BOOST_DESCRIBE_STRUCT(PoliceOutletList, (), (items))

}  // namespace recirc::api::dto
