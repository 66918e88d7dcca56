#pragma once
// A registration as its organisation sees it (list, one registration with its holds and
// correction chain) and a correction's body, described once (http/describe_json.hpp).

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>

#include "domain/registry/registration.hpp"
#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::Omitted;
using jsonmap::OrderedMap;
using jsonmap::tag_invoke;
using jsonmap::Time;

struct ItemCorrection {
  static constexpr bool kRequest = true;
  std::optional<std::string> category;
  std::optional<std::string> brand;
  std::optional<std::string> model;
  Omitted<OrderedMap<std::string>> identifiers;  // kind -> new value
  std::optional<std::string> colour;
  std::optional<std::string> condition;
  std::optional<int64_t> quantity;
};
BOOST_DESCRIBE_STRUCT(ItemCorrection, (),
                      (category, brand, model, identifiers, colour, condition, quantity))

struct NewCorrection {
  static constexpr bool kRequest = true;
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"item", R"js({"description": "the changed fields"})js"}};
  std::string reason;
  std::optional<int64_t> price_fen;
  Omitted<ItemCorrection> item;  // the changed fields
  registry::CorrectionInput ToDomain() const;
};
BOOST_DESCRIBE_STRUCT(NewCorrection, (), (reason, price_fen, item))

struct RegisteredItem {
  std::string category;
  std::string brand;
  std::string model;
  std::optional<std::string> colour;
  std::string condition;
  int64_t quantity = 1;
  OrderedMap<std::vector<std::string>> identifiers;  // kind -> values
};
BOOST_DESCRIBE_STRUCT(RegisteredItem, (),
                      (category, brand, model, colour, condition, quantity, identifiers))

struct HoldView {
  std::string kind;  // "verification" for a screening hold: never why
  bool active = false;
  std::optional<Time> until;
  std::optional<Time> released_at;
};
BOOST_DESCRIBE_STRUCT(HoldView, (), (kind, active, until, released_at))

struct Correction {
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"changes",
       R"js({"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "old": {"type": ["string", "null"]}, "new": {"type": ["string", "null"]}}}})js"}};
  std::string id;
  std::string corrects;
  std::string staff_id;
  std::string reason;
  boost::json::value changes;  // [{field, old, new}] ("new" is a C++ keyword)
  Time created_at;
};
BOOST_DESCRIBE_STRUCT(Correction, (), (id, corrects, staff_id, reason, changes, created_at))

struct Acquisition {
  std::string id;
  int64_t number = 0;
  std::string item_id;
  std::string status;
  Time created_at;
  std::string outlet_id;
  std::string kind;
  std::string channel;
  int64_t price_fen = 0;
  std::string payment_method;
  RegisteredItem item;
  bool sellable = false;
  std::optional<std::string> not_sellable_reason;
  std::vector<HoldView> holds;
  std::vector<Correction> corrections;
  static Acquisition From(const registry::AcquisitionView& v);
};
BOOST_DESCRIBE_STRUCT(Acquisition, (),
                      (id, number, item_id, status, created_at, outlet_id, kind, channel, price_fen,
                       payment_method, item, sellable, not_sellable_reason, holds, corrections))

struct ItemFacts {
  std::string category;
  std::string brand;
  std::string model;
};
BOOST_DESCRIBE_STRUCT(ItemFacts, (), (category, brand, model))

struct AcquisitionSummary {
  std::string id;
  int64_t number = 0;
  std::string item_id;
  std::string status;
  Time created_at;
  std::string outlet_id;
  std::string kind;
  std::string channel;
  int64_t price_fen = 0;
  ItemFacts item;
};
BOOST_DESCRIBE_STRUCT(AcquisitionSummary, (),
                      (id, number, item_id, status, created_at, outlet_id, kind, channel, price_fen,
                       item))

struct AcquisitionPage {
  std::vector<AcquisitionSummary> items;
  std::optional<std::string> next_cursor;
  static AcquisitionPage From(const registry::AcquisitionPage& page);
};
BOOST_DESCRIBE_STRUCT(AcquisitionPage, (), (items, next_cursor))

}  // namespace recirc::api::dto
