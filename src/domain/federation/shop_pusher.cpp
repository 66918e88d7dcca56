#include "domain/federation/shop_pusher.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "domain/registry/events.hpp"
#include "tlog/sealed_box.hpp"

namespace recirc::federation {
namespace {

namespace json = boost::json;

// What the city needs: the item events (registrations, corrections, releases, seizures, the
// market's item events) and the police alerts, which carry the holds.
bool Relevant(const storage::EventRecord& e) {
  return e.aggregate_type == "item" || e.aggregate_type == "alert";
}

void Put(json::object& o, std::string_view key, const std::optional<std::string>& v) {
  if (v) o[key] = *v;
}

}  // namespace

Result<std::string> SealSeller(const registry::SellerDetails& seller, const tlog::Verifier& city) {
  json::object o{
      {"kind", seller.kind}, {"name", seller.name}, {"origin_statement", seller.origin_statement}};
  Put(o, "id_type", seller.id_type);
  Put(o, "id_number", seller.id_number);
  Put(o, "credit_code", seller.credit_code);
  Put(o, "phone", seller.phone);
  Put(o, "address", seller.address);
  Put(o, "agent_name", seller.agent_name);
  Put(o, "agent_id_type", seller.agent_id_type);
  Put(o, "agent_id_number", seller.agent_id_number);
  Put(o, "agent_phone", seller.agent_phone);
  Put(o, "agent_authority", seller.agent_authority);
  return tlog::SealTo(city, json::serialize(o));
}

Result<std::optional<PushedEvent>> ShopPusher::ToPushed(storage::Session& s,
                                                        const storage::EventRecord& e) const {
  if (!Relevant(e)) return std::optional<PushedEvent>();
  PushedEvent out{e.seq,          e.id,      e.occurred_at, e.type, e.aggregate_type,
                  e.aggregate_id, e.payload, std::nullopt};
  if (e.type != registry::events::kItemAcquired.name) return std::optional<PushedEvent>(out);
  boost::system::error_code ec;
  const json::value payload = json::parse(e.payload, ec);
  if (ec || !payload.is_object()) return Error::Internal("item.acquired without a JSON payload");
  RECIRC_TRY(std::string acquisition_id, TextField(payload.get_object(), "acquisition_id"));
  RECIRC_TRY(auto exported, registry_.ExportRegistration(s, acquisition_id));
  if (!exported) return Error::Internal("item.acquired names no registration " + acquisition_id);
  const auto& a = exported->acquisition;
  RECIRC_TRY(auto outlet, identity_.FindOutlet(s, a.outlet_id));
  RegistrationFacts r{
      a.id,
      a.outlet_id,
      outlet ? outlet->name : std::string(),
      a.region_code,
      a.number,
      a.kind,
      exported->item.id,
      exported->item.category,
      exported->item.brand,
      exported->item.model,
      a.status == registry::AcquisitionStatus::kHeld ? "held_for_verification" : "registered",
      exported->identifiers,
      "",
      a.created_at};
  if (exported->seller) {
    RECIRC_TRY(r.seller_sealed, SealSeller(*exported->seller, city_.key));
  }
  out.registration = std::move(r);
  return std::optional<PushedEvent>(std::move(out));
}

Status ShopPusher::Apply(storage::Session& s, std::span<const storage::EventRecord> events) {
  if (!Due()) return Error::Unavailable("federation: waiting before the next push to the city");
  Batch batch{key_.name(), {}};
  for (const auto& e : events) {
    RECIRC_TRY(auto pushed, ToPushed(s, e));
    if (pushed) batch.events.push_back(std::move(*pushed));
  }
  if (batch.events.empty()) return Ok();  // nothing for the city: the cursor moves on
  RECIRC_TRY(std::string note, SignMessage(kBatch, ToJson(batch), key_));
  auto answer = post_(city_.url + "/federation/v1/push", note);
  if (!answer) return Failed(answer.error(), std::nullopt);
  if (answer->status != 200) {
    return Failed(Error::Unavailable(fmt::format("the city answered {} to a batch: {}",
                                                 answer->status, answer->body.substr(0, 200))),
                  answer->retry_after);
  }
  const tlog::Verifier keys[] = {city_.key};
  auto ack = OpenMessage(answer->body, kAck, keys);
  if (!ack) return Failed(ack.error(), std::nullopt);
  auto origin = TextField(ack->body, "origin");
  auto through = IntField(ack->body, "applied_through");
  if (!origin || *origin != key_.name() || !through || *through < batch.events.back().seq) {
    return Failed(Error::Unauthenticated("the city's answer does not acknowledge this batch"),
                  std::nullopt);
  }
  std::lock_guard lock(mutex_);
  consecutive_failures_ = 0;
  next_attempt_.reset();
  ++batches_sent_;
  return Ok();
}

Status ShopPusher::Failed(Error why, std::optional<std::chrono::seconds> retry_after) {
  std::lock_guard lock(mutex_);
  ++failures_;
  ++consecutive_failures_;
  const auto wait = backoff_.After(consecutive_failures_, retry_after);
  next_attempt_ = clock_.Now() + wait;
  spdlog::warn("federation: push to the city failed ({}); next try in {} ms", why.message,
               wait.count());
  return why;
}

bool ShopPusher::Due() const {
  std::lock_guard lock(mutex_);
  return !next_attempt_ || clock_.Now() >= *next_attempt_;
}

int64_t ShopPusher::batches_sent() const {
  std::lock_guard lock(mutex_);
  return batches_sent_;
}

int64_t ShopPusher::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

}  // namespace recirc::federation
