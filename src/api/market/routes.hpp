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

// A route whose handler takes the market's services; body_limit in bytes (0: no body). Every
// market route file adds its routes through this.
using MarketHandler = Result<http::Response> (*)(const market::MarketServices&,
                                                 http::RequestContext&);
inline constexpr size_t kSmallBody = size_t{8} * 1024;
void AddServiceRoute(std::vector<http::Route>& routes, const market::MarketServices& services,
                     http::Verb verb, const char* pattern, identity::Permission permission,
                     MarketHandler fn, size_t body_limit);

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
