#pragma once
// Federation routes (docs/federation.md): what shops send the city (signed batches, watchlist
// pulls; public routes, authenticated by the node signature in the body) and what the city's
// police read of it.

#include <vector>

#include "domain/federation/city_inbox.hpp"
#include "domain/federation/watchlist_feed.hpp"
#include "http/route.hpp"

namespace recirc::api {

struct FederationApi {
  federation::CityInbox& inbox;
  federation::WatchlistFeed& watchlist;
};

void AddFederationRoutes(std::vector<http::Route>& routes, const FederationApi& api);

}  // namespace recirc::api
