#include "domain/federation/city_inbox.hpp"

#include <boost/json.hpp>

#include "core/id.hpp"
#include "domain/registry/police.hpp"

namespace recirc::federation {
namespace {

namespace json = boost::json;

constexpr int64_t kDayMs = int64_t{24} * 60 * 60 * 1000;

// Identifiers that name one device: the same one at two operators within days is the signal.
bool DeviceIdentifier(std::string_view kind) { return kind == "imei" || kind == "meid"; }

// Releases a slot of the in-flight count when the batch is done.
class Slot {
 public:
  explicit Slot(std::atomic<int>& n) : n_(n) { taken_ = n_.fetch_add(1) + 1; }
  ~Slot() { n_.fetch_sub(1); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  int taken() const { return taken_; }

 private:
  std::atomic<int>& n_;
  int taken_ = 0;
};

Result<std::string> PoliceJurisdiction(const identity::Principal& actor) {
  if (actor.kind != identity::OrganisationKind::kPolice) {
    return Error::PermissionDenied("only the police see what shops report to the city");
  }
  return registry::JurisdictionPrefix(actor.organisation.region_code);
}

}  // namespace

Result<std::string> CityInbox::Receive(std::string_view note) {
  Slot slot(in_flight_);
  if (slot.taken() > max_in_flight_) {
    return Error::ResourceExhausted("the city is applying other batches; try again shortly");
  }
  std::vector<tlog::Verifier> keys;
  keys.reserve(shops_.size());
  for (const auto& shop : shops_) keys.push_back(shop.key);
  RECIRC_TRY(auto opened, OpenMessage(note, kBatch, keys));
  RECIRC_TRY(Batch batch, BatchFromJson(opened.body));
  if (batch.origin != opened.signer) {
    return Error::Unauthenticated("the batch names another origin than the key that signed it");
  }
  const KnownShop* shop = nullptr;
  for (const auto& s : shops_) {
    if (s.key.name() == opened.signer) shop = &s;
  }
  if (shop == nullptr) return Error::Unauthenticated("unknown shop");
  const int64_t now = ToUnixMillis(clock_.Now());
  int64_t through = 0;
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_CHECK(ApplyBatch(s, *shop, batch, now));
    RECIRC_TRY(through, repo_.HighestSeq(s, batch.origin));
    return Ok();
  }));
  return SignMessage(kAck, json::object{{"origin", batch.origin}, {"applied_through", through}},
                     key_);
}

Status CityInbox::ApplyBatch(storage::Session& s, const KnownShop& shop, const Batch& batch,
                             int64_t now) {
  for (const auto& e : batch.events) {
    if (e.registration && !e.registration->region_code.starts_with(shop.region_prefix)) {
      return Error::PermissionDenied("a registration of this shop lies outside its region");
    }
    RECIRC_TRY(bool added,
               repo_.InsertInboxEvent(s, {batch.origin, e.seq, e.id, e.type, e.aggregate_type,
                                          e.aggregate_id, e.occurred_at, e.payload, now}));
    if (added && e.registration) {
      RECIRC_CHECK(ApplyRegistration(s, batch.origin, e.seq, *e.registration, now));
    }
  }
  return Ok();
}

Status CityInbox::ApplyRegistration(storage::Session& s, const std::string& origin, int64_t seq,
                                    const RegistrationFacts& r, int64_t now) {
  json::array identifiers;
  for (const auto& [kind, value] : r.identifiers) {
    identifiers.push_back(json::object{{"kind", kind}, {"value", value}});
  }
  RECIRC_TRY(bool added,
             repo_.InsertRegistration(
                 s, {origin, r.acquisition_id, seq, r.outlet_id, r.outlet_name, r.region_code,
                     r.number, r.kind, r.item_id, r.category, r.brand, r.model, r.status,
                     json::serialize(identifiers), r.seller_sealed, r.registered_at, now}));
  if (!added) return Ok();
  for (const auto& [kind, value] : r.identifiers) {
    RECIRC_TRY(bool fresh, repo_.InsertIdentifier(s, {kind, value, origin, r.acquisition_id,
                                                      r.region_code, r.registered_at}));
    if (!fresh || !DeviceIdentifier(kind)) continue;
    RECIRC_TRY(auto elsewhere,
               repo_.SameIdentifierElsewhere(s, kind, value, origin,
                                             r.registered_at - kSignalWindowDays * kDayMs,
                                             r.registered_at + kSignalWindowDays * kDayMs));
    for (const auto& earlier : elsewhere) {
      RECIRC_TRY(bool raised,
                 repo_.InsertSignal(
                     s, {Id::Generate(clock_, random_).ToString(), "same_identifier_two_operators",
                         r.region_code, kind, value, earlier.origin, earlier.acquisition_id, origin,
                         r.acquisition_id, now}));
      (void)raised;
    }
  }
  return Ok();
}

Result<std::vector<storage::FederatedRegistrationRecord>> CityInbox::Registrations(
    const identity::Principal& actor, int64_t limit) {
  RECIRC_TRY(std::string prefix, PoliceJurisdiction(actor));
  return storage::ReadValue<std::vector<storage::FederatedRegistrationRecord>>(
      db_, [&](storage::Session& s) { return repo_.RegistrationsInRegion(s, prefix, limit); });
}

Result<std::vector<storage::FederationSignalRecord>> CityInbox::Signals(
    const identity::Principal& actor, int64_t limit) {
  RECIRC_TRY(std::string prefix, PoliceJurisdiction(actor));
  return storage::ReadValue<std::vector<storage::FederationSignalRecord>>(
      db_, [&](storage::Session& s) { return repo_.SignalsInRegion(s, prefix, limit); });
}

}  // namespace recirc::federation
