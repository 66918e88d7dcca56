#include "domain/inspection/canonical_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <vector>

namespace recirc::inspection {
namespace {

namespace json = boost::json;

Status Write(const json::value& v, std::string& out) {
  switch (v.kind()) {
    case json::kind::null:
      out += "null";
      return Ok();
    case json::kind::bool_:
      out += v.as_bool() ? "true" : "false";
      return Ok();
    case json::kind::int64:
      out += std::to_string(v.as_int64());
      return Ok();
    case json::kind::uint64:
      out += std::to_string(v.as_uint64());
      return Ok();
    case json::kind::double_:
      return Error::InvalidArgument("report", "a signed report holds no fractional numbers");
    case json::kind::string:
      out += json::serialize(v.as_string());
      return Ok();
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v.as_array()) {
        if (!first) out += ',';
        first = false;
        RECIRC_CHECK(Write(e, out));
      }
      out += ']';
      return Ok();
    }
    case json::kind::object: {
      std::vector<const json::key_value_pair*> members;
      for (const auto& kv : v.as_object()) members.push_back(&kv);
      std::sort(members.begin(), members.end(),
                [](const auto* a, const auto* b) { return a->key() < b->key(); });
      out += '{';
      bool first = true;
      for (const auto* kv : members) {
        if (!first) out += ',';
        first = false;
        out += json::serialize(json::string(kv->key()));
        out += ':';
        RECIRC_CHECK(Write(kv->value(), out));
      }
      out += '}';
      return Ok();
    }
  }
  return Ok();
}

}  // namespace

Result<std::string> CanonicalJson(const json::value& v) {
  std::string out;
  RECIRC_CHECK(Write(v, out));
  return out;
}

}  // namespace recirc::inspection
