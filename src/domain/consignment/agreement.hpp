#pragma once
// A consignment agreement: the terms one intake is consigned under (docs/consignment.md). Pure
// rules, no storage: validation that names the field, the markdown in force on a day, the price
// after it, and the consignor's share of a sale price, exact in fen.
//
// Money rule: every amount is whole fen. A markdown rounds the price down to the fen (the buyer
// gains the fraction); the consignor's share rounds down and the shop keeps the remainder, so the
// two shares always add up to the sale price exactly.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace recirc::consignment {

// The consignor's percentage of a sale price from `from_fen` upwards; the tier with the highest
// from_fen not above the price applies. A flat split is one tier from 0.
struct SplitTier {
  int64_t from_fen = 0;
  int64_t consignor_percent = 0;  // 0..100
};

enum class ExpiryAction { kReturn, kDonate, kConvertToStock };
std::string_view ExpiryActionName(ExpiryAction a);
Result<ExpiryAction> ParseExpiryAction(std::string_view s, std::string_view field);

// From `after_days` after the intake the price is `percent` below the agreed price (not
// cumulative: 10 at 30 days, 20 at 60 means 20% off from day 60).
struct MarkdownStep {
  int64_t after_days = 0;
  int64_t percent = 0;  // 1..90
};

struct Agreement {
  std::vector<SplitTier> split;
  int64_t period_days = 0;  // 1..730: the item is for sale this long after the intake
  int64_t grace_days = 0;   // 0..90: then waits this long for the consignor to collect it
  ExpiryAction expiry_action = ExpiryAction::kReturn;
  std::optional<int64_t> convert_price_fen;  // kConvertToStock only: what the shop pays
  std::vector<MarkdownStep> markdowns;       // ascending days and percents
  bool do_not_discount = false;              // the consignor refuses markdowns
  int64_t minimum_payout_fen = 0;            // a payout is at least this (0 = any)
  int64_t sale_fee_fen = 0;                  // charged to the consignor per sale
};

// Errors name the field under `agreement.` (agreement.split[1].from_fen, ...).
Status Validate(const Agreement& a);

// The markdown percent in force `days` whole days after the intake (0 when none, or when the
// consignor chose do_not_discount).
int64_t MarkdownPercentAt(const Agreement& a, int64_t days);
// The price after a markdown of `percent`, rounded down to the fen.
int64_t MarkedDownFen(int64_t list_fen, int64_t percent);
// The consignor's percent for a sale at `sale_fen`.
int64_t ConsignorPercentFor(const Agreement& a, int64_t sale_fen);

// A sale split in fen: consignor + shop == sale, fee <= consignor.
struct SaleSplit {
  int64_t sale_fen = 0;
  int64_t consignor_fen = 0;  // the agreed split, before the fee
  int64_t shop_fen = 0;
  int64_t fee_fen = 0;  // taken from the consignor's share, never more than it
};
SaleSplit SplitSale(const Agreement& a, int64_t sale_fen);

// The days after the intake at which the agreement's expiry action is due (period + grace).
inline int64_t ExpiryDay(const Agreement& a) { return a.period_days + a.grace_days; }

}  // namespace recirc::consignment
