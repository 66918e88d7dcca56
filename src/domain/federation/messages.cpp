#include "domain/federation/messages.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

namespace recirc::federation {
namespace {

namespace json = boost::json;

constexpr std::string_view kPrefix = "recirc-federation/";

Error Malformed(std::string_view what) {
  return Error::InvalidArgument("body", fmt::format("federation message: {}", what));
}

Result<const json::object*> ObjectField(const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  if (v == nullptr || !v->is_object()) return Malformed(fmt::format("{} is not an object", name));
  return &v->get_object();
}

Result<const json::array*> ArrayField(const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  if (v == nullptr || !v->is_array()) return Malformed(fmt::format("{} is not an array", name));
  return &v->get_array();
}

json::object RegistrationJson(const RegistrationFacts& r) {
  json::array identifiers;
  for (const auto& [kind, value] : r.identifiers) {
    identifiers.push_back(json::object{{"kind", kind}, {"value", value}});
  }
  return {{"acquisition_id", r.acquisition_id},
          {"outlet_id", r.outlet_id},
          {"outlet_name", r.outlet_name},
          {"region_code", r.region_code},
          {"number", r.number},
          {"kind", r.kind},
          {"item_id", r.item_id},
          {"category", r.category},
          {"brand", r.brand},
          {"model", r.model},
          {"status", r.status},
          {"identifiers", std::move(identifiers)},
          {"seller_sealed", r.seller_sealed},
          {"registered_at", r.registered_at}};
}

Result<RegistrationFacts> RegistrationFrom(const json::object& o) {
  RegistrationFacts r;
  RECIRC_TRY(r.acquisition_id, TextField(o, "acquisition_id"));
  RECIRC_TRY(r.outlet_id, TextField(o, "outlet_id"));
  RECIRC_TRY(r.outlet_name, TextField(o, "outlet_name"));
  RECIRC_TRY(r.region_code, TextField(o, "region_code"));
  RECIRC_TRY(r.number, IntField(o, "number"));
  RECIRC_TRY(r.kind, TextField(o, "kind"));
  RECIRC_TRY(r.item_id, TextField(o, "item_id"));
  RECIRC_TRY(r.category, TextField(o, "category"));
  RECIRC_TRY(r.brand, TextField(o, "brand"));
  RECIRC_TRY(r.model, TextField(o, "model"));
  RECIRC_TRY(r.status, TextField(o, "status"));
  RECIRC_TRY(const json::array* identifiers, ArrayField(o, "identifiers"));
  for (const auto& v : *identifiers) {
    if (!v.is_object()) return Malformed("an identifier is not an object");
    RECIRC_TRY(std::string kind, TextField(v.get_object(), "kind"));
    RECIRC_TRY(std::string value, TextField(v.get_object(), "value"));
    r.identifiers.emplace_back(std::move(kind), std::move(value));
  }
  RECIRC_TRY(r.seller_sealed, TextField(o, "seller_sealed"));
  RECIRC_TRY(r.registered_at, IntField(o, "registered_at"));
  return r;
}

}  // namespace

Result<std::string> TextField(const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  if (v == nullptr || !v->is_string()) return Malformed(fmt::format("{} is not a string", name));
  return std::string(v->get_string());
}

Result<int64_t> IntField(const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  if (v == nullptr || !v->is_int64()) return Malformed(fmt::format("{} is not an integer", name));
  return v->get_int64();
}

Result<std::string> SignMessage(std::string_view kind, const json::object& body,
                                const tlog::Signer& key) {
  const std::string text = fmt::format("{}{}\n{}\n", kPrefix, kind, json::serialize(body));
  const tlog::Signer signers[] = {key};
  return tlog::Sign(text, signers);
}

Result<OpenedMessage> OpenMessage(std::string_view note, std::string_view kind,
                                  std::span<const tlog::Verifier> keys) {
  auto opened = tlog::Open(note, keys);
  if (!opened) {
    if (opened.error().code == ErrorCode::kUnauthenticated) return opened.error();
    return Malformed(opened.error().message);
  }
  if (opened->verified.size() != 1) {
    return Error::Unauthenticated("a federation message is signed by exactly one known node");
  }
  const std::string_view text = opened->text;
  const std::string head = fmt::format("{}{}\n", kPrefix, kind);
  if (!text.starts_with(head)) return Malformed(fmt::format("not a {} message", kind));
  boost::system::error_code ec;
  json::value body = json::parse(text.substr(head.size()), ec);
  if (ec || !body.is_object()) return Malformed("the body is not a JSON object");
  return OpenedMessage{opened->verified.front().name, std::move(body.get_object())};
}

json::object ToJson(const Batch& batch) {
  json::array events;
  for (const auto& e : batch.events) {
    json::object o{{"seq", e.seq},
                   {"id", e.id},
                   {"occurred_at", e.occurred_at},
                   {"type", e.type},
                   {"aggregate_type", e.aggregate_type},
                   {"aggregate_id", e.aggregate_id},
                   {"payload", e.payload}};
    if (e.registration) o["registration"] = RegistrationJson(*e.registration);
    events.push_back(std::move(o));
  }
  return {{"origin", batch.origin}, {"events", std::move(events)}};
}

Result<Batch> BatchFromJson(const json::object& body) {
  Batch batch;
  RECIRC_TRY(batch.origin, TextField(body, "origin"));
  RECIRC_TRY(const json::array* events, ArrayField(body, "events"));
  int64_t last = 0;
  for (const auto& v : *events) {
    if (!v.is_object()) return Malformed("an event is not an object");
    const json::object& o = v.get_object();
    PushedEvent e;
    RECIRC_TRY(e.seq, IntField(o, "seq"));
    if (e.seq <= last) return Malformed("events are not in increasing seq order");
    last = e.seq;
    RECIRC_TRY(e.id, TextField(o, "id"));
    RECIRC_TRY(e.occurred_at, IntField(o, "occurred_at"));
    RECIRC_TRY(e.type, TextField(o, "type"));
    RECIRC_TRY(e.aggregate_type, TextField(o, "aggregate_type"));
    RECIRC_TRY(e.aggregate_id, TextField(o, "aggregate_id"));
    RECIRC_TRY(e.payload, TextField(o, "payload"));
    if (o.contains("registration")) {
      RECIRC_TRY(const json::object* r, ObjectField(o, "registration"));
      RECIRC_TRY(auto facts, RegistrationFrom(*r));
      e.registration = std::move(facts);
    }
    batch.events.push_back(std::move(e));
  }
  return batch;
}

}  // namespace recirc::federation
