#pragma once
// Offers: the terms an item is put on the market with, and the pure rules on them.
//
// Sale modes. Every offer has the common terms (item, channel, price, warranty, return window,
// disclosure version) in columns, and a `sale_mode` with the mode's own terms in `mode_terms`
// (a JSON object). fixed_price, english_auction (auction_service.hpp) and rental
// (rental_service.hpp) exist today (fixed price's own
// terms: the optional best offers with their thresholds, kept in columns because orders read them).
// An auction adds {reserve_fen, increment table, ends_at, soft close} in mode_terms and its bids in
// a table of its own; rental adds {period prices, deposit}; consignment {consignor, split,
// markdowns}; a lot names several items in a lot_items table. Publishing (holds, disclosure,
// sanitization, prohibited goods) and the order states after the price is fixed are shared by all
// of them.

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/market/statuses.hpp"
#include "domain/registry/holds.hpp"
#include "domain/registry/registry_port.hpp"
#include "storage/database.hpp"

namespace recirc::market {

// Rule names at the start of refusal messages ("item_held: …"); inspection::RuleOf reads them.
inline constexpr std::string_view kRuleWarrantyMinimum = "warranty_minimum";
inline constexpr std::string_view kRuleDisclosureRequired = "disclosure_required";
inline constexpr std::string_view kRuleDisclosureOutdated = "disclosure_outdated";
inline constexpr std::string_view kRuleAlreadyOffered = "item_already_offered";
inline constexpr std::string_view kRuleProhibited = "prohibited";
inline constexpr std::string_view kRuleOfferTaken = "offer_taken";
// The seller's organisation is suspended by the platform administrator: nothing of it is sold.
inline constexpr std::string_view kRuleSellerSuspended = "seller_suspended";
inline constexpr std::string_view kRuleAuctionOffer = "auction_offer";
inline constexpr std::string_view kRuleRentalOffer = "rental_offer";
inline constexpr std::string_view kRuleRefundExceedsPayment = "refund_exceeds_payment";

struct BestOfferTerms {
  bool enabled = false;
  std::optional<int64_t> auto_accept_fen;   // at or above: accepted at once
  std::optional<int64_t> auto_decline_fen;  // below: declined at once
};

struct OfferTerms {
  std::string item_id;
  std::string sale_mode = "fixed_price";
  std::string channel;                   // online, outlet, flea_market
  std::optional<std::string> outlet_id;  // required for outlet and flea_market
  std::string title;
  std::string description;
  int64_t price_fen = 0;
  int64_t warranty_months = 0;
  int64_t return_days = 0;
  BestOfferTerms best_offer;
  // The sale mode's own terms as a JSON object ("{}" for fixed price); an auction's are built by
  // AuctionService::Create from its typed terms.
  std::string mode_terms = "{}";
};

// Field checks that need no database; errors name the field.
Status ValidateTerms(const OfferTerms& t);

// The statutory minimum warranty (months) for the item: 3 for used electrical and electronic
// products (《旧电器电子产品流通管理办法》 2013) and for cars (3 months or 5,000 km), else 0.
// `minimum_months` comes from the item's disclosure (facts.warranty.minimum_months).
Status RequireWarranty(int64_t warranty_months, int64_t minimum_months);

// Public price bands for events: prices never appear exactly in the item's history.
std::string PriceBand(int64_t fen);

// Whether an item may be sold now, as far as holds go: the statutory hold period, screening
// holds and police holds (the registry's HoldService decides; this interface keeps the market
// services independent of how).
class SellabilityCheck {
 public:
  virtual ~SellabilityCheck() = default;
  // Ok, or FailedPrecondition whose message starts with the rule (item_held).
  virtual Status CheckSellable(storage::Session& s, const std::string& item_id) const = 0;
  // The item's holds as they stand now (the shop's inventory shows them).
  virtual Result<registry::Sellability> Holds(storage::Session& s,
                                              const std::string& item_id) const = 0;
};

class RegistryHoldsCheck final : public SellabilityCheck {
 public:
  explicit RegistryHoldsCheck(const registry::HoldService& holds) : holds_(holds) {}
  Status CheckSellable(storage::Session& s, const std::string& item_id) const override;
  Result<registry::Sellability> Holds(storage::Session& s,
                                      const std::string& item_id) const override {
    return holds_.IsSellable(s, item_id);
  }

 private:
  const registry::HoldService& holds_;
};

}  // namespace recirc::market
