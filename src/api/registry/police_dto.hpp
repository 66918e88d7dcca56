#pragma once
// The police console's reads on the wire (seller views, searches by ID number, the feed, the
// access audit, near misses), described once (http/describe_json.hpp).

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>

#include "api/registry/dto.hpp"  // ItemIdentifier
#include "domain/registry/photos.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/seller_view.hpp"
#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::tag_invoke;
using jsonmap::Time;
using PoliceFieldSchema = std::pair<std::string_view, std::string_view>;
constexpr std::string_view kReason = R"js({"minLength": 10, "maxLength": 500})js";

// Why an officer looks at a seller's full details (goes into the access audit).
struct StatedReason {
  static constexpr bool kRequest = true;
  static constexpr PoliceFieldSchema kFieldSchemas[] = {{"reason", kReason}};
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(StatedReason, (), (reason))

struct SellerSearchRequest {
  static constexpr bool kRequest = true;
  static constexpr PoliceFieldSchema kFieldSchemas[] = {
      {"id_type", R"js({"description": "resident_id, passport, other"})js"}, {"reason", kReason}};
  std::string id_type;
  std::string id_number;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(SellerSearchRequest, (), (id_type, id_number, reason))

struct SellerAgentView {
  std::optional<std::string> name;
  std::optional<std::string> id_type;
  std::optional<std::string> id_number;
  std::optional<std::string> phone;
  std::optional<std::string> authority;
};
BOOST_DESCRIBE_STRUCT(SellerAgentView, (), (name, id_type, id_number, phone, authority))

struct Seller {
  static constexpr std::string_view kSchemaName = "Seller";
  std::string kind;
  std::string name;
  std::string origin_statement;
  bool masked = true;
  std::optional<std::string> id_type;
  std::optional<std::string> id_number;
  std::optional<std::string> credit_code;
  std::optional<std::string> phone;
  std::optional<std::string> address;
  std::optional<SellerAgentView> agent;
  static Seller From(const registry::SellerDetails& d);
};
BOOST_DESCRIBE_STRUCT(Seller, (),
                      (kind, name, origin_statement, masked, id_type, id_number, credit_code, phone,
                       address, agent))

struct FeedEntry {
  int64_t seq = 0;
  Time occurred_at;
  std::string region_code;
  std::string organisation_id;
  std::string outlet_id;
  std::string acquisition_id;
  std::string item_id;
  boost::json::value facts;
};
BOOST_DESCRIBE_STRUCT(FeedEntry, (),
                      (seq, occurred_at, region_code, organisation_id, outlet_id, acquisition_id,
                       item_id, facts))

struct FeedPage {
  std::vector<FeedEntry> items;
  int64_t next_after = 0;
};
BOOST_DESCRIBE_STRUCT(FeedPage, (), (items, next_after))

struct ItemSummary {
  std::string category;
  std::string brand;
  std::string model;
};
BOOST_DESCRIBE_STRUCT(ItemSummary, (), (category, brand, model))

struct AuditedAcquisition {
  std::string outlet_id;
  int64_t number = 0;
  std::string region_code;
};
BOOST_DESCRIBE_STRUCT(AuditedAcquisition, (), (outlet_id, number, region_code))

struct AccessAuditEntry {
  std::string id;
  std::string viewer_id;
  std::string viewer_username;
  std::string viewer_display_name;
  std::string viewer_organisation_id;
  std::string acquisition_id;
  std::string reason;
  Time viewed_at;
  ItemSummary item;
  AuditedAcquisition acquisition;
  static AccessAuditEntry From(const registry::AccessAuditView& v);
};
BOOST_DESCRIBE_STRUCT(AccessAuditEntry, (),
                      (id, viewer_id, viewer_username, viewer_display_name, viewer_organisation_id,
                       acquisition_id, reason, viewed_at, item, acquisition))

struct AccessAudit {
  std::vector<AccessAuditEntry> items;
};
BOOST_DESCRIBE_STRUCT(AccessAudit, (), (items))

struct NearMissItem {
  std::string category;
  std::string brand;
  std::string model;
  std::vector<ItemIdentifier> identifiers;
};
BOOST_DESCRIBE_STRUCT(NearMissItem, (), (category, brand, model, identifiers))

struct NearMissAcquisition {
  std::string outlet_id;
  int64_t number = 0;
};
BOOST_DESCRIBE_STRUCT(NearMissAcquisition, (), (outlet_id, number))

struct NearMiss {
  static constexpr PoliceFieldSchema kFieldSchemas[] = {
      {"reasons",
       R"js({"type": "array", "items": {"type": "object", "properties": {"signal": {"type": "string"}, "weight": {"type": "integer"}, "detail": {"type": "string"}}}})js"}};
  std::string id;
  std::string acquisition_id;
  std::string item_id;
  std::string region_code;
  int64_t score = 0;
  boost::json::value reasons;
  Time created_at;
  NearMissItem item;
  NearMissAcquisition acquisition;
  static NearMiss From(const registry::NearMissView& v);
};
BOOST_DESCRIBE_STRUCT(NearMiss, (),
                      (id, acquisition_id, item_id, region_code, score, reasons, created_at, item,
                       acquisition))

struct NearMissList {
  std::vector<NearMiss> items;
};
BOOST_DESCRIBE_STRUCT(NearMissList, (), (items))

// ----- photos of a registration -----

struct Photo {
  static constexpr std::string_view kSchemaName = "Photo";
  static constexpr PoliceFieldSchema kFieldSchemas[] = {
      {"kind", R"js({"enum": ["item", "id_document"]})js"},
      {"media_type", R"js({"enum": ["image/jpeg", "image/png", "image/webp"]})js"},
      {"encrypted", R"js({"description": "ID document images are stored encrypted"})js"}};
  std::string sha256;
  std::string kind;
  std::string media_type;
  int64_t size_bytes = 0;
  bool encrypted = false;
  Time created_at;
  std::string url;
  static Photo From(const storage::PhotoRecord& r);
};
BOOST_DESCRIBE_STRUCT(Photo, (), (sha256, kind, media_type, size_bytes, encrypted, created_at, url))

// The upload's answer: the photo, and for an item photo whether it is in colour.
struct PhotoUploaded : Photo {
  static constexpr std::string_view kSchemaName = "PhotoUploaded";
  static constexpr PoliceFieldSchema kFieldSchemas[] = {
      Photo::kFieldSchemas[0],
      Photo::kFieldSchemas[1],
      Photo::kFieldSchemas[2],
      {"in_colour",
       R"js({"description": "item photos only: whether the image is in colour; only a colour photo completes the registration of an item without a serial number"})js"},
      {"message",
       R"js({"description": "when in_colour is false: what the shop assistant should do (zh-CN / en)"})js"}};
  jsonmap::Omitted<bool> in_colour;
  jsonmap::Omitted<std::string> message;  // when not in colour
};
BOOST_DESCRIBE_STRUCT(PhotoUploaded, (Photo), (in_colour, message))

struct PhotoList {
  std::vector<Photo> items;
};
BOOST_DESCRIBE_STRUCT(PhotoList, (), (items))

}  // namespace recirc::api::dto
