#include "domain/market/complaint_port.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

#include "core/id.hpp"
#include "domain/market/events.hpp"
#include "domain/market/offer_service.hpp"

namespace recirc::market {

// The rule id of blocks made by a complaint decision (a lifted one does not exempt the offer
// from the prohibited-listing rules, which have other ids).
inline constexpr std::string_view kComplaintRule = "complaint";

Result<std::optional<OrderFacts>> ComplaintPortImpl::FindOrder(storage::Session& s,
                                                               const std::string& order_id) const {
  RECIRC_TRY(auto order, c_.repo.FindOrder(s, order_id));
  if (!order) return std::optional<OrderFacts>();
  OrderFacts f{order->id, order->offer_id, order->organisation_id, std::nullopt, order->state};
  // A buyer's own order has no buyer_ref; one placed by staff names a walk-in buyer instead.
  if (order->buyer_ref.empty()) f.buyer_user_id = order->created_by;
  return std::optional<OrderFacts>(std::move(f));
}

Result<std::optional<OfferFacts>> ComplaintPortImpl::FindOffer(storage::Session& s,
                                                               const std::string& offer_id) const {
  RECIRC_TRY(auto offer, c_.repo.FindOffer(s, offer_id));
  if (!offer) return std::optional<OfferFacts>();
  return std::optional<OfferFacts>(
      OfferFacts{offer->id, offer->organisation_id, offer->title, offer->status});
}

Result<std::string> ComplaintPortImpl::BlockListing(storage::Session& s,
                                                    const std::string& offer_id,
                                                    const std::string& reason,
                                                    const std::string& actor_user_id) const {
  RECIRC_TRY(auto offer, c_.repo.LockOffer(s, offer_id));
  if (!offer) return Error::NotFound(fmt::format("offer {} not found", offer_id));
  RECIRC_TRY(auto organisation, c_.identity.FindOrganisation(s, offer->organisation_id));
  storage::ListingBlockRecord b;
  b.id = Id::Generate(c_.clock, c_.random).ToString();
  b.offer_id = offer->id;
  b.item_id = offer->item_id;
  b.organisation_id = offer->organisation_id;
  b.region_code = organisation ? organisation->region_code : std::string();
  b.rule_id = std::string(kComplaintRule);
  b.reason = reason;
  b.status = BlockStatus::kBlocked;
  b.created_at = ToUnixMillis(c_.clock.Now());
  RECIRC_CHECK(c_.repo.InsertBlock(s, b));
  if (offer->status == OfferStatus::kPublished || offer->status == OfferStatus::kDraft) {
    RECIRC_CHECK(
        c_.repo.UpdateOfferStatus(s, offer->id, OfferStatus::kBlocked, std::nullopt, std::nullopt));
  }
  boost::json::object event{{"block_id", b.id},
                            {"offer_id", offer->id},
                            {"item_id", offer->item_id},
                            {"rule", b.rule_id}};
  RECIRC_TRY(int64_t seq,
             c_.journal.Append(s, {events::kListingBlocked, b.id, offer->organisation_id,
                                   actor_user_id, boost::json::serialize(event)}));
  (void)seq;
  return b.id;
}

}  // namespace recirc::market
