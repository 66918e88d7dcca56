#pragma once
// Market routes: offers, orders, payments, after-sales, best offers, listing search, and the photos
// of offers and orders.

#include <vector>

#include "core/region.hpp"
#include "domain/market/offer_photos.hpp"
#include "domain/market/order_photos.hpp"
#include "domain/market/services.hpp"
#include "http/route.hpp"
#include "search/search_index.hpp"

namespace recirc::api {

struct MarketApi {
  const market::MarketServices& services;
  search::SearchIndex& search;
  const core::RegionTable& regions;  // search filters by region code
  market::OfferPhotoService& offer_photos;
  market::OrderPhotoService& order_photos;
};

void AddMarketRoutes(std::vector<http::Route>& routes, const MarketApi& api);
void AddAfterSalesRoutes(std::vector<http::Route>& routes, const MarketApi& api);
void AddBestOfferRoutes(std::vector<http::Route>& routes, const MarketApi& api);
void AddAuctionRoutes(std::vector<http::Route>& routes, const MarketApi& api);
void AddRentalRoutes(std::vector<http::Route>& routes, const MarketApi& api);
void AddMarketAvailabilityRoutes(std::vector<http::Route>& routes, const MarketApi& api);
void AddInventoryRoutes(std::vector<http::Route>& routes, const MarketApi& api);
void AddSearchRoutes(std::vector<http::Route>& routes, const MarketApi& api);
void AddOfferPhotoRoutes(std::vector<http::Route>& routes, const MarketApi& api);
void AddOrderPhotoRoutes(std::vector<http::Route>& routes, const MarketApi& api);

}  // namespace recirc::api
