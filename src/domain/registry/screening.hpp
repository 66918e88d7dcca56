#pragma once
// Screening: the named suspicion signals of an acquisition and their weights (DOMAIN.md
// "Refuse or report"). A pure function of facts the registration service gathers, so the rules
// are tested without a database. A watchlist hit or a score at or over kAlertThreshold raises a
// police alert and holds the item.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace recirc::registry {

struct ScreeningFacts {
  int watchlist_black = 0;            // identifiers on a black list (stolen, blocked)
  int watchlist_grey = 0;             // identifiers on a grey list (under watch)
  bool reacquired_unsold = false;     // an identifier was registered before and the item never sold
  bool identity_not_checked = false;  // staff did not confirm the person matches the ID
  int seller_recent_acquisitions = 0;  // by the same ID number in the last kSellerWindowDays
  bool identifier_changed = false;     // a correction changed an identifier after registration
  int64_t price_fen = 0;               // paid (purchases, trade-ins and buy-backs only)
  std::optional<int64_t> reference_price_fen;  // of the category and model, when known
  std::optional<int64_t> claimed_year;         // the seller says the item was acquired then
  std::optional<int64_t> release_year;         // the model came out then, when known
};

struct Signal {
  std::string name;  // stable identifier, e.g. "watchlist_black"
  int weight = 0;
  std::string detail;  // for the police, never shown to the shop
};

struct ScreeningResult {
  std::vector<Signal> signals;
  int score = 0;
  bool alert = false;
};

inline constexpr int kAlertThreshold = 50;
inline constexpr int kSellerWindowDays = 7;
inline constexpr int kSellerManyItems = 3;  // this many earlier acquisitions in the window
// A price under this percentage of the reference price is "far below".
inline constexpr int64_t kFarBelowPercent = 30;

ScreeningResult Screen(const ScreeningFacts& facts);

}  // namespace recirc::registry
