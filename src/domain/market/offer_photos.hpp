#pragma once
// The public photos of an offer: the item photos of the acquisition through which the offering
// organisation registered the item (never the seller's ID document), and only while the offer is
// public (published, reserved or sold). Anyone may read them, without an account.

#include <map>
#include <string>
#include <vector>

#include "domain/market/offer_service.hpp"
#include "domain/registry/photos.hpp"

namespace recirc::market {

// What a result card, a buyer's order line and the offer page show of a public offer besides its
// terms: its title, the selling shop's name and outlet, and its first photo. Business names only,
// nothing personal (docs/security.md "Public item page and search synonyms").
struct OfferCard {
  std::string title;
  std::string seller_name;                  // the offering organisation's name
  std::optional<std::string> outlet_name;   // when the offer names an outlet
  std::optional<std::string> photo_sha256;  // the first public item photo
};

class OfferPhotoService {
 public:
  OfferPhotoService(const MarketContext& c, registry::PhotoService& photos)
      : c_(c), photos_(photos) {}

  Result<std::vector<storage::PhotoRecord>> List(const OfferId& offer);
  Result<registry::PhotoBytes> Get(const OfferId& offer, const std::string& sha256);
  // The cards of these offers (offer_cards.cpp), by offer id; offers that are not public (or
  // unknown) have none. Ids read from search hits and order records (text, as stored).
  Result<std::map<std::string, OfferCard>> Cards(const std::vector<std::string>& offer_ids);

 private:
  // The acquisition whose item photos the offer shows; NotFound unless the offer is public.
  Result<std::string> AcquisitionOf(const std::string& offer_id);

  const MarketContext& c_;
  registry::PhotoService& photos_;
};

}  // namespace recirc::market
