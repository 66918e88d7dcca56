#pragma once
// The item-history log on the wire (the item passport), described once
// (http/describe_json.hpp).

#include <boost/describe/class.hpp>

#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::tag_invoke;

struct PassportEvent {
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"leaf", R"js({"type": "object"})js"},
      {"inclusion_proof", R"js({"items": {"type": "string", "description": "base64 SHA-256"}})js"}};
  uint64_t index = 0;
  std::string entry;                         // the leaf's bytes (canonical JSON)
  boost::json::value leaf;                   // the same, parsed
  std::vector<std::string> inclusion_proof;  // RFC 9162, against the checkpoint
};
BOOST_DESCRIBE_STRUCT(PassportEvent, (), (index, entry, leaf, inclusion_proof))

struct ItemPassport {
  std::string item_id;
  uint64_t tree_size = 0;
  std::string checkpoint;  // signed
  std::string log_key;
  std::vector<PassportEvent> events;
};
BOOST_DESCRIBE_STRUCT(ItemPassport, (), (item_id, tree_size, checkpoint, log_key, events))

}  // namespace recirc::api::dto
