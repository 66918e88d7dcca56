// Whether a public offer can be bought now: the checks an order placement makes before it
// reserves the offer (status, holds, the sanitization rule), answered without placing one, so the
// item page can say why there is no buy button. The order placement checks again when it runs.
#include "domain/inspection/sanitization.hpp"
#include "domain/market/offer_service.hpp"

#include <map>

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
  if (active) return Ok();
  return RuleError(kRuleSellerSuspended, "the seller's organisation is suspended", "offer_id");
}

Result<std::set<std::string>> OfferService::SuspendedListings(
    const std::vector<std::string>& listing_ids) {
  return storage::ReadValue<std::set<std::string>>(
      c_.db, [&](storage::Session& s) -> Result<std::set<std::string>> {
        std::set<std::string> hidden;
        std::map<std::string, bool> active;  // by organisation: a page has few sellers
        for (const auto& id : listing_ids) {
          RECIRC_TRY(auto offer, c_.repo.FindOffer(s, id));
          if (!offer) continue;
          auto it = active.find(offer->organisation_id);
          if (it == active.end()) {
            RECIRC_TRY(bool ok, c_.identity.OrganisationActive(s, offer->organisation_id));
            it = active.emplace(offer->organisation_id, ok).first;
          }
          if (!it->second) hidden.insert(id);
        }
        return hidden;
      });
}

}  // namespace recirc::market
