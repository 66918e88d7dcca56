// OfferPhotoService::Cards: the title, seller, outlet and first photo of a page of public offers
// (the market search's result cards, a buyer's order list, the offer page).
#include "domain/market/offer_photos.hpp"

namespace recirc::market {

using CardMap = std::map<std::string, OfferCard>;

Result<CardMap> OfferPhotoService::Cards(const std::vector<std::string>& offer_ids) {
  std::map<std::string, std::string> acquisition_of;  // offer id → the seller's acquisition
  RECIRC_TRY(auto cards,
             storage::ReadValue<CardMap>(c_.db, [&](storage::Session& s) -> Result<CardMap> {
               CardMap out;
               std::map<std::string, std::string> names;  // by organisation: a page has few sellers
               for (const auto& id : offer_ids) {
                 if (out.contains(id)) continue;
                 RECIRC_TRY(auto offer, c_.repo.FindOffer(s, id));
                 if (!offer || !IsPublicStatus(offer->status)) continue;
                 OfferCard card;
                 card.title = offer->title;
                 auto name = names.find(offer->organisation_id);
                 if (name == names.end()) {
                   RECIRC_TRY(auto found, c_.identity.OrganisationName(s, offer->organisation_id));
                   name = names.emplace(offer->organisation_id, found.value_or("")).first;
                 }
                 card.seller_name = name->second;
                 if (offer->outlet_id) {
                   RECIRC_TRY(auto outlet, c_.identity.FindOutlet(s, *offer->outlet_id));
                   if (outlet) card.outlet_name = outlet->name;
                 }
                 RECIRC_TRY(auto acquisitions, c_.registry.AcquisitionsOfItem(s, offer->item_id));
                 // The newest registration by the seller, as List() shows.
                 for (auto it = acquisitions.rbegin(); it != acquisitions.rend(); ++it) {
                   if (it->organisation_id == offer->organisation_id) {
                     acquisition_of[id] = it->id;
                     break;
                   }
                 }
                 out.emplace(id, std::move(card));
               }
               return out;
             }));
  for (const auto& [id, acquisition] : acquisition_of) {
    RECIRC_TRY(auto photos, photos_.PublicItemPhotos(acquisition));
    if (!photos.empty()) cards[id].photo_sha256 = photos.front().sha256;
  }
  return cards;
}

}  // namespace recirc::market
