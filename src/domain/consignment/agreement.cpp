#include "domain/consignment/agreement.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/money.hpp"

namespace recirc::consignment {
namespace {

Status Range(int64_t v, int64_t lo, int64_t hi, const std::string& field) {
  if (v < lo || v > hi) {
    return Error::InvalidArgument(field, fmt::format("is {} to {}", lo, hi))
        .Id("consignment.out_of_range")
        .Param("min", std::to_string(lo))
        .Param("max", std::to_string(hi));
  }
  return Ok();
}

}  // namespace

std::string_view ExpiryActionName(ExpiryAction a) {
  switch (a) {
    case ExpiryAction::kReturn:
      return "return";
    case ExpiryAction::kDonate:
      return "donate";
    case ExpiryAction::kConvertToStock:
      return "convert_to_stock";
  }
  return "return";
}

Result<ExpiryAction> ParseExpiryAction(std::string_view s, std::string_view field) {
  if (s == "return") return ExpiryAction::kReturn;
  if (s == "donate") return ExpiryAction::kDonate;
  if (s == "convert_to_stock") return ExpiryAction::kConvertToStock;
  return Error::InvalidArgument(std::string(field), "is return, donate or convert_to_stock")
      .Id("consignment.expiry_action");
}

Status Validate(const Agreement& a) {
  if (a.split.empty() || a.split.size() > 10) {
    return Error::InvalidArgument("agreement.split", "has 1 to 10 tiers")
        .Id("consignment.split_tiers");
  }
  for (size_t i = 0; i < a.split.size(); ++i) {
    const std::string at = fmt::format("agreement.split[{}]", i);
    RECIRC_CHECK(CheckFen(a.split[i].from_fen, at + ".from_fen"));
    RECIRC_CHECK(Range(a.split[i].consignor_percent, 0, 100, at + ".consignor_percent"));
    if (i == 0 && a.split[i].from_fen != 0) {
      return Error::InvalidArgument(at + ".from_fen", "the first tier starts at 0")
          .Id("consignment.split_from_zero");
    }
    if (i > 0 && a.split[i].from_fen <= a.split[i - 1].from_fen) {
      return Error::InvalidArgument(at + ".from_fen", "tiers ascend by price")
          .Id("consignment.split_ascending");
    }
  }
  RECIRC_CHECK(Range(a.period_days, 1, 730, "agreement.period_days"));
  RECIRC_CHECK(Range(a.grace_days, 0, 90, "agreement.grace_days"));
  if ((a.expiry_action == ExpiryAction::kConvertToStock) != a.convert_price_fen.has_value()) {
    return Error::InvalidArgument("agreement.convert_price_fen",
                                  "is given exactly when the expiry action is convert_to_stock")
        .Id("consignment.convert_price");
  }
  if (a.convert_price_fen)
    RECIRC_CHECK(CheckFen(*a.convert_price_fen, "agreement.convert_price_fen"));
  if (a.markdowns.size() > 10) {
    return Error::InvalidArgument("agreement.markdowns", "at most 10 steps")
        .Id("consignment.markdown_steps");
  }
  for (size_t i = 0; i < a.markdowns.size(); ++i) {
    const std::string at = fmt::format("agreement.markdowns[{}]", i);
    RECIRC_CHECK(Range(a.markdowns[i].after_days, 1, a.period_days, at + ".after_days"));
    RECIRC_CHECK(Range(a.markdowns[i].percent, 1, 90, at + ".percent"));
    if (i > 0 && (a.markdowns[i].after_days <= a.markdowns[i - 1].after_days ||
                  a.markdowns[i].percent <= a.markdowns[i - 1].percent)) {
      return Error::InvalidArgument(at, "steps ascend in days and percent")
          .Id("consignment.markdown_ascending");
    }
  }
  if (a.do_not_discount && !a.markdowns.empty()) {
    return Error::InvalidArgument("agreement.markdowns",
                                  "the consignor chose do_not_discount: no markdowns")
        .Id("consignment.do_not_discount");
  }
  RECIRC_CHECK(CheckFen(a.minimum_payout_fen, "agreement.minimum_payout_fen"));
  RECIRC_CHECK(CheckFen(a.sale_fee_fen, "agreement.sale_fee_fen"));
  return Ok();
}

int64_t MarkdownPercentAt(const Agreement& a, int64_t days) {
  if (a.do_not_discount) return 0;
  int64_t percent = 0;
  for (const auto& step : a.markdowns)
    if (days >= step.after_days) percent = step.percent;
  return percent;
}

int64_t MarkedDownFen(int64_t list_fen, int64_t percent) {
  // list_fen <= kMaxFen (10^12), so list_fen * 100 fits in int64.
  return list_fen * (100 - percent) / 100;
}

int64_t ConsignorPercentFor(const Agreement& a, int64_t sale_fen) {
  int64_t percent = 0;
  for (const auto& tier : a.split)
    if (sale_fen >= tier.from_fen) percent = tier.consignor_percent;
  return percent;
}

SaleSplit SplitSale(const Agreement& a, int64_t sale_fen) {
  SaleSplit s;
  s.sale_fen = sale_fen;
  s.consignor_fen = sale_fen * ConsignorPercentFor(a, sale_fen) / 100;
  s.shop_fen = sale_fen - s.consignor_fen;
  s.fee_fen = std::min(a.sale_fee_fen, s.consignor_fen);
  return s;
}

}  // namespace recirc::consignment
