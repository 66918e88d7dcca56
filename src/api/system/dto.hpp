#pragma once
// Reference data on the wire (GB/T 2260 regions), described once (http/describe_json.hpp).

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>

#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::tag_invoke;

struct Region {
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"level", R"js({"enum": ["province", "city", "county"]})js"}};
  std::string code;
  std::string name;
  std::string level;
};
BOOST_DESCRIBE_STRUCT(Region, (), (code, name, level))

struct RegionList {
  static constexpr std::string_view kSchemaName = "RegionList";
  std::vector<Region> items;
};
BOOST_DESCRIBE_STRUCT(RegionList, (), (items))

struct ReadyStatus {
  std::string status;  // "ready"
};
BOOST_DESCRIBE_STRUCT(ReadyStatus, (), (status))

// What the web app needs to know of the node before anyone logs in.
struct WebSettings {
  std::string time_zone;  // IANA name; the web app shows every time in it ("Asia/Shanghai")
};
BOOST_DESCRIBE_STRUCT(WebSettings, (), (time_zone))

// One event of the journal (append-only), its payload as recorded.
struct JournalEvent {
  int64_t seq = 0;
  std::string id;
  jsonmap::Time occurred_at;
  std::string type;
  std::string aggregate_type;
  std::string aggregate_id;
  boost::json::value payload;
  std::optional<std::string> organisation_id;
  std::optional<std::string> actor_id;
};
BOOST_DESCRIBE_STRUCT(JournalEvent, (),
                      (seq, id, occurred_at, type, aggregate_type, aggregate_id, payload,
                       organisation_id, actor_id))

struct EventPage {
  static constexpr std::string_view kSchemaName = "EventPage";
  std::vector<JournalEvent> items;
  int64_t next_after = 0;
};
BOOST_DESCRIBE_STRUCT(EventPage, (), (items, next_after))

}  // namespace recirc::api::dto
