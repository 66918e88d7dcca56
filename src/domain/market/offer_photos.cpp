#include "domain/market/offer_photos.hpp"

namespace recirc::market {

Result<std::string> OfferPhotoService::AcquisitionOf(const std::string& offer_id) {
  return storage::ReadValue<std::string>(c_.db, [&](storage::Session& s) -> Result<std::string> {
    RECIRC_TRY(auto offer, c_.repo.FindOffer(s, offer_id));
    if (!offer || !IsPublicStatus(offer->status)) {
      return Error::NotFound("offer " + offer_id + " not found");
    }
    RECIRC_TRY(auto acquisitions, c_.registry.AcquisitionsOfItem(s, offer->item_id));
    // The newest registration by the seller (an item bought back later has several).
    for (auto it = acquisitions.rbegin(); it != acquisitions.rend(); ++it) {
      if (it->organisation_id == offer->organisation_id) return it->id;
    }
    return std::string();
  });
}

Result<std::vector<storage::PhotoRecord>> OfferPhotoService::List(const OfferId& offer) {
  RECIRC_TRY(std::string acquisition, AcquisitionOf(offer.ToString()));
  if (acquisition.empty()) return std::vector<storage::PhotoRecord>{};
  return photos_.PublicItemPhotos(acquisition);
}

Result<registry::PhotoBytes> OfferPhotoService::Get(const OfferId& offer,
                                                    const std::string& sha256) {
  RECIRC_TRY(std::string acquisition, AcquisitionOf(offer.ToString()));
  if (acquisition.empty()) return Error::NotFound("photo " + sha256 + " not found");
  return photos_.PublicItemPhoto(acquisition, sha256);
}

}  // namespace recirc::market
