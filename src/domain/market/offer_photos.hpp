#pragma once
// The public photos of an offer: the item photos of the acquisition through which the offering
// organisation registered the item (never the seller's ID document), and only while the offer is
// public (published, reserved or sold). Anyone may read them, without an account.

#include <string>
#include <vector>

#include "domain/market/offer_service.hpp"
#include "domain/registry/photos.hpp"

namespace recirc::market {

class OfferPhotoService {
 public:
  OfferPhotoService(const MarketContext& c, registry::PhotoService& photos)
      : c_(c), photos_(photos) {}

  Result<std::vector<storage::PhotoRecord>> List(const OfferId& offer);
  Result<registry::PhotoBytes> Get(const OfferId& offer, const std::string& sha256);

 private:
  // The acquisition whose item photos the offer shows; NotFound unless the offer is public.
  Result<std::string> AcquisitionOf(const std::string& offer_id);

  const MarketContext& c_;
  registry::PhotoService& photos_;
};

}  // namespace recirc::market
