#include "domain/consignment/terms_json.hpp"

#include <boost/json.hpp>

namespace recirc::consignment {

namespace json = boost::json;

json::object TermsJson(const Agreement& a) {
  json::array split, markdowns;
  for (const auto& t : a.split)
    split.push_back({{"from_fen", t.from_fen}, {"consignor_percent", t.consignor_percent}});
  for (const auto& m : a.markdowns)
    markdowns.push_back({{"after_days", m.after_days}, {"percent", m.percent}});
  json::object o{{"split", split},
                 {"period_days", a.period_days},
                 {"grace_days", a.grace_days},
                 {"expiry_action", ExpiryActionName(a.expiry_action)},
                 {"markdowns", markdowns},
                 {"do_not_discount", a.do_not_discount},
                 {"minimum_payout_fen", a.minimum_payout_fen},
                 {"sale_fee_fen", a.sale_fee_fen}};
  o["convert_price_fen"] = a.convert_price_fen ? json::value(*a.convert_price_fen) : nullptr;
  return o;
}

Result<Agreement> TermsFromJson(const json::object& o) {
  try {
    Agreement a;
    for (const auto& t : o.at("split").as_array()) {
      a.split.push_back({t.at("from_fen").as_int64(), t.at("consignor_percent").as_int64()});
    }
    a.period_days = o.at("period_days").as_int64();
    a.grace_days = o.at("grace_days").as_int64();
    RECIRC_TRY(a.expiry_action,
               ParseExpiryAction(o.at("expiry_action").as_string(), "terms.expiry_action"));
    for (const auto& m : o.at("markdowns").as_array()) {
      a.markdowns.push_back({m.at("after_days").as_int64(), m.at("percent").as_int64()});
    }
    a.do_not_discount = o.at("do_not_discount").as_bool();
    a.minimum_payout_fen = o.at("minimum_payout_fen").as_int64();
    a.sale_fee_fen = o.at("sale_fee_fen").as_int64();
    if (const auto* c = o.if_contains("convert_price_fen"); c && !c->is_null()) {
      a.convert_price_fen = c->as_int64();
    }
    return a;
  } catch (const std::exception& e) {
    return Error::Internal(std::string("stored consignment terms are malformed: ") + e.what());
  }
}

}  // namespace recirc::consignment
