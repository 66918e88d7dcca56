#include "domain/registry/screening.hpp"

namespace recirc::registry {

ScreeningResult Screen(const ScreeningFacts& f) {
  ScreeningResult r;
  auto add = [&](std::string name, int weight, std::string detail) {
    r.signals.push_back({std::move(name), weight, std::move(detail)});
    r.score += weight;
  };
  if (f.watchlist_black > 0) add("watchlist_black", 100, "identifier on a black list");
  if (f.watchlist_grey > 0) add("watchlist_grey", 50, "identifier on a grey list");
  if (f.reacquired_unsold) add("reacquired_unsold", 60, "identifier registered before, never sold");
  if (f.identity_not_checked)
    add("identity_not_checked", 40, "person not confirmed to match the ID");
  if (f.seller_recent_acquisitions >= kSellerManyItems) {
    add("many_items_from_seller", 30,
        std::to_string(f.seller_recent_acquisitions) + " earlier items in " +
            std::to_string(kSellerWindowDays) + " days");
  }
  r.alert = f.watchlist_black > 0 || r.score >= kAlertThreshold;
  return r;
}

}  // namespace recirc::registry
