#include "domain/history/leaf.hpp"

#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <vector>

#include "core/clock.hpp"
#include "domain/history/event_catalogue.hpp"
#include "tlog/tiles.hpp"

namespace recirc::history {
namespace {

void WriteString(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20) {
          constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out.push_back(kHex[u >> 4]);
          out.push_back(kHex[u & 15]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void WriteDouble(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";  // JSON has no infinities; boost::json never parses one anyway
    return;
  }
  if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
    out += std::to_string(static_cast<int64_t>(d));
    return;
  }
  std::array<char, 32> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), d);
  out.append(buf.data(), ec == std::errc() ? end : buf.data());
}

void Write(std::string& out, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      out += "null";
      return;
    case boost::json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return;
    case boost::json::kind::int64:
      out += std::to_string(v.get_int64());
      return;
    case boost::json::kind::uint64:
      out += std::to_string(v.get_uint64());
      return;
    case boost::json::kind::double_:
      WriteDouble(out, v.get_double());
      return;
    case boost::json::kind::string:
      WriteString(out, v.get_string());
      return;
    case boost::json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& e : v.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        Write(out, e);
      }
      out.push_back(']');
      return;
    }
    case boost::json::kind::object: {
      std::vector<const boost::json::key_value_pair*> members;
      for (const auto& kv : v.get_object()) members.push_back(&kv);
      std::sort(members.begin(), members.end(),
                [](const auto* a, const auto* b) { return a->key() < b->key(); });
      out.push_back('{');
      bool first = true;
      for (const auto* kv : members) {
        if (!first) out.push_back(',');
        first = false;
        WriteString(out, kv->key());
        out.push_back(':');
        Write(out, kv->value());
      }
      out.push_back('}');
      return;
    }
  }
}

// A copy of `v` without personal keys, at any depth.
boost::json::value PublicOnly(const boost::json::value& v) {
  if (v.is_object()) {
    boost::json::object out;
    for (const auto& kv : v.get_object()) {
      if (!IsPersonalKey(kv.key())) out[kv.key()] = PublicOnly(kv.value());
    }
    return out;
  }
  if (v.is_array()) {
    boost::json::array out;
    for (const auto& e : v.get_array()) out.push_back(PublicOnly(e));
    return out;
  }
  return v;
}

std::string Sha256Hex(std::string_view data) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data());
  std::string hex;
  for (unsigned char b : digest) {
    hex.push_back("0123456789abcdef"[b >> 4]);
    hex.push_back("0123456789abcdef"[b & 15]);
  }
  return hex;
}

}  // namespace

bool IsPublicEvent(const storage::EventRecord& e) {
  const EventType* type = FindEventType(e.type);
  return type != nullptr && type->IsPublic() && e.aggregate_type == type->aggregate;
}

bool IsPersonalKey(std::string_view key) {
  std::string lower(key);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::string_view kWords[] = {
      "name",    "phone", "mobile", "address", "email",  "e_mail", "id_number", "id_no",  "idcard",
      "id_card", "birth", "photo",  "image",   "seller", "buyer",  "customer",  "person", "party",
      "contact", "_enc",  "_index", "actor",   "user",   "wechat", "signature"};
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

std::string CanonicalJson(const boost::json::value& v) {
  std::string out;
  Write(out, v);
  return out;
}

Result<std::string> MakeLeaf(const storage::EventRecord& e, std::optional<int64_t> prev) {
  boost::system::error_code ec;
  const boost::json::value payload = boost::json::parse(e.payload, ec);
  if (ec || !payload.is_object()) {
    return Error::InvalidArgument("payload", "event " + e.id + " has no JSON object payload");
  }
  boost::json::object leaf{{"event_id", e.id},
                           {"facts", PublicOnly(payload)},
                           {"item_id", e.aggregate_id},
                           {"time", FormatRfc3339(FromUnixMillis(e.occurred_at))},
                           {"type", e.type},
                           {"v", kLeafVersion}};
  leaf["organisation_id"] =
      e.organisation_id ? boost::json::value(*e.organisation_id) : boost::json::value(nullptr);
  leaf["prev"] = prev ? boost::json::value(*prev) : boost::json::value(nullptr);
  std::string text = CanonicalJson(leaf);
  if (text.size() > tlog::kMaxEntrySize) {
    leaf["facts"] = boost::json::object{{"omitted", "too_large"},
                                        {"sha256", Sha256Hex(CanonicalJson(leaf["facts"]))}};
    text = CanonicalJson(leaf);
  }
  return text;
}

}  // namespace recirc::history
