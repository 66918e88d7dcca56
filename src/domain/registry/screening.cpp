#include "domain/registry/screening.hpp"

#include "core/money.hpp"

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
  // A changed identifier (cloned or re-labelled goods) is always looked at by the police.
  if (f.identifier_changed) {
    add("identifier_changed", 50, "an identifier was changed by a correction after registration");
  }
  // Checked: a price registered before amounts were capped (core/money.hpp) may be any int64;
  // one too large to multiply is not far below anything.
  const auto paid = CheckedMultiply(f.price_fen, 100, "price_fen");
  const auto least =
      f.reference_price_fen
          ? CheckedMultiply(*f.reference_price_fen, kFarBelowPercent, "reference_price_fen")
          : Result<int64_t>(int64_t{0});
  if (f.reference_price_fen && *f.reference_price_fen > 0 && paid && least && *paid < *least) {
    add("price_far_below_reference", 40,
        "paid " + std::to_string(f.price_fen) + " fen, reference " +
            std::to_string(*f.reference_price_fen) + " fen");
  }
  if (f.claimed_year && f.release_year && *f.claimed_year < *f.release_year) {
    add("story_does_not_fit", 40,
        "acquired in " + std::to_string(*f.claimed_year) +
            " by the seller's account, model released " + std::to_string(*f.release_year));
  }
  r.alert = f.watchlist_black > 0 || r.score >= kAlertThreshold;
  return r;
}

}  // namespace recirc::registry
