#include "domain/market/offer.hpp"

#include "domain/identity/directory_service.hpp"
#include "domain/inspection/sanitization.hpp"

namespace recirc::market {
namespace {

constexpr int64_t kMaxPriceFen = int64_t{1'000'000'000} * 100;  // one billion yuan

Error Rule(std::string_view rule, const std::string& text, std::string field = {}) {
  return RuleError(rule, text, std::move(field));
}

}  // namespace

Status ValidateTerms(const OfferTerms& t) {
  if (t.item_id.empty()) return Error::InvalidArgument("item_id", "item_id is required");
  const auto mode = Parse<SaleMode>(t.sale_mode, "sale_mode");
  if (!mode) {
    return Error::InvalidArgument("sale_mode",
                                  "sale_mode is fixed_price, english_auction or rental "
                                  "(consignment and lots come later)");
  }
  if (*mode == SaleMode::kEnglishAuction && t.best_offer.enabled) {
    return Error::InvalidArgument("best_offer", "an auction takes bids, not best offers");
  }
  if (*mode == SaleMode::kRental && t.best_offer.enabled) {
    return Error::InvalidArgument("best_offer", "a rental is booked, not bargained over");
  }
  const auto channel = Parse<Channel>(t.channel, "channel");
  if (!channel) {
    return Error::InvalidArgument("channel", "channel is one of online, outlet, flea_market");
  }
  if (*channel != Channel::kOnline && !t.outlet_id) {
    return Error::InvalidArgument("outlet_id", "an outlet or flea-market offer names its outlet");
  }
  RECIRC_CHECK(identity::CheckText(t.title, "title", 200));
  if (t.description.size() > 4000) {
    return Error::InvalidArgument("description", "description is at most 4000 bytes");
  }
  if (t.price_fen <= 0 || t.price_fen > kMaxPriceFen) {
    return Error::InvalidArgument("price_fen", "price_fen is a positive whole number of fen")
        .Id("money.positive");
  }
  if (t.warranty_months < 0 || t.warranty_months > 120) {
    return Error::InvalidArgument("warranty_months", "warranty_months is 0 to 120")
        .Id("offer.warranty_range")
        .Param("max", "120");
  }
  if (t.return_days < 0 || t.return_days > 90) {
    return Error::InvalidArgument("return_days", "return_days is 0 to 90")
        .Id("offer.return_days_range")
        .Param("max", "90");
  }
  const auto& b = t.best_offer;
  if (!b.enabled && (b.auto_accept_fen || b.auto_decline_fen)) {
    return Error::InvalidArgument("best_offer.enabled",
                                  "thresholds are given only when best offers are enabled");
  }
  if (b.auto_accept_fen && (*b.auto_accept_fen <= 0 || *b.auto_accept_fen > t.price_fen)) {
    return Error::InvalidArgument("best_offer.auto_accept_fen",
                                  "the auto-accept threshold is above 0 and at most the price");
  }
  if (b.auto_decline_fen && (*b.auto_decline_fen <= 0 || *b.auto_decline_fen > t.price_fen)) {
    return Error::InvalidArgument("best_offer.auto_decline_fen",
                                  "the auto-decline threshold is above 0 and at most the price");
  }
  if (b.auto_accept_fen && b.auto_decline_fen && *b.auto_decline_fen > *b.auto_accept_fen) {
    return Error::InvalidArgument("best_offer.auto_decline_fen",
                                  "the auto-decline threshold is not above the auto-accept one");
  }
  return Ok();
}

Status RequireWarranty(int64_t warranty_months, int64_t minimum_months) {
  if (warranty_months >= minimum_months) return Ok();
  return Rule(kRuleWarrantyMinimum,
              "used electrical and electronic products (and recent used cars) carry at least " +
                  std::to_string(minimum_months) +
                  " months' warranty (旧电器电子产品流通管理办法, "
                  "2013); this offer gives " +
                  std::to_string(warranty_months),
              "warranty_months");
}

std::string PriceBand(int64_t fen) {
  static constexpr std::array<int64_t, 8> kEdgesYuan = {100,  500,   1000,  2000,
                                                        5000, 10000, 50000, 100000};
  const int64_t yuan = fen / 100;
  int64_t low = 0;
  for (int64_t edge : kEdgesYuan) {
    if (yuan < edge) return std::to_string(low) + "-" + std::to_string(edge) + " CNY";
    low = edge;
  }
  return ">=" + std::to_string(low) + " CNY";
}

Status RegistryHoldsCheck::CheckSellable(storage::Session& s, const std::string& item_id) const {
  RECIRC_TRY(auto item, holds_.IsSellable(s, item_id));
  if (!item.sellable) {
    Error e = Rule(inspection::kRuleItemHeld, item.reason, "item_id");
    if (!item.reason_id.empty()) e.message_id = item.reason_id;
    e.params = item.reason_params;
    return e;
  }
  return Ok();
}

}  // namespace recirc::market
