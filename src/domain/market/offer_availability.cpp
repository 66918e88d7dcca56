// Whether a public offer can be bought now: the checks an order placement makes before it
// reserves the offer (status, holds, the sanitization rule), answered without placing one, so the
// item page can say why there is no buy button. The order placement checks again when it runs.
#include "domain/inspection/sanitization.hpp"
#include "domain/market/offer_service.hpp"

namespace recirc::market {
namespace {

// A refusal that names a rule becomes the answer; any other error is the caller's error.
Result<bool> Refused(const Status& status, OfferAvailability& out) {
  if (status) return false;
  const Error error = status.error();  // a copy: the views below point into it
  const std::string_view rule = inspection::RuleOf(error);
  if (rule.empty()) return error;
  out.rule = std::string(rule);
  std::string_view text = std::string_view(error.message).substr(rule.size());
  while (!text.empty() && (text.front() == ':' || text.front() == ' ')) text.remove_prefix(1);
  out.reason = std::string(text);
  out.reason_id = error.message_id;
  out.reason_params = error.params;
  return true;
}

}  // namespace

Result<OfferAvailability> OfferService::Availability(const identity::Principal* actor,
                                                     const OfferId& offer_id) {
  RECIRC_TRY(auto offer, Get(actor, offer_id));
  OfferAvailability out{offer.id, offer.status, false, {}, {}};
  if (offer.status != OfferStatus::kPublished) {
    out.rule = "offer_" + ToString(offer.status);
    out.reason = "the offer is " + ToString(offer.status);
    return out;
  }
  RECIRC_CHECK(storage::ReadValue<bool>(c_.db, [&](storage::Session& s) -> Result<bool> {
    RECIRC_TRY(bool refused, Refused(CheckSellerActive(c_.identity, s, offer), out));
    if (refused) return true;
    RECIRC_TRY(refused, Refused(c_.sellable.CheckSellable(s, offer.item_id), out));
    if (refused) return true;
    RECIRC_TRY(auto item, c_.registry.FindItem(s, offer.item_id));
    if (!item) return Error::NotFound("item " + offer.item_id + " not found");
    RECIRC_TRY(auto certificates, c_.inspection.SanitizationsOfItem(s, offer.item_id));
    return Refused(inspection::RequireSanitized(c_.catalogue.Latest(item->category), certificates,
                                                inspection::OfferKind::kSale),
                   out);
  }));
  out.buyable = out.rule.empty();
  return out;
}

Status CheckSellerActive(const identity::IdentityPort& identity, storage::Session& s,
                         const storage::OfferRecord& offer) {
  RECIRC_TRY(bool active, identity.OrganisationActive(s, offer.organisation_id));
  if (!active) {
    return RuleError(kRuleSellerSuspended, "the seller's organisation is suspended", "offer_id");
  }
  if (!offer.outlet_id) return Ok();
  RECIRC_TRY(auto outlet, identity.FindOutlet(s, *offer.outlet_id));
  if (outlet && outlet->status == identity::AccountStatus::kActive) return Ok();
  return RuleError(kRuleSellerSuspended, "the seller's outlet is suspended", "offer_id");
}

Result<identity::SuspendedSellers> OfferService::SuspendedSellers() {
  return storage::ReadValue<identity::SuspendedSellers>(
      c_.db, [&](storage::Session& s) { return c_.identity.Suspended(s); });
}

Result<std::set<std::string>> OfferService::SuspendedListings(
    const std::vector<std::string>& listing_ids, const identity::SuspendedSellers& suspended) {
  std::set<std::string> hidden;
  if (listing_ids.empty() || (suspended.organisations.empty() && suspended.outlets.empty())) {
    return hidden;
  }
  const std::set<std::string> organisations(suspended.organisations.begin(),
                                            suspended.organisations.end());
  const std::set<std::string> outlets(suspended.outlets.begin(), suspended.outlets.end());
  RECIRC_CHECK(c_.db.Read([&](storage::Session& s) -> Status {
    for (const auto& id : listing_ids) {
      RECIRC_TRY(auto offer, c_.repo.FindOffer(s, id));
      if (!offer) continue;
      if (organisations.contains(offer->organisation_id) ||
          (offer->outlet_id && outlets.contains(*offer->outlet_id))) {
        hidden.insert(id);
      }
    }
    return Ok();
  }));
  return hidden;
}

}  // namespace recirc::market
