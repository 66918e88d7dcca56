#include "domain/statistics/rollups.hpp"

#include <boost/json.hpp>

#include <array>
#include <chrono>
#include <cstdio>

#include "domain/market/events.hpp"
#include "domain/registry/events.hpp"

namespace recirc::statistics {
namespace {

namespace json = boost::json;

Result<json::object> PayloadOf(const storage::EventRecord& e) {
  boost::system::error_code ec;
  json::value v = json::parse(e.payload, ec);
  if (ec || !v.is_object()) return Error::Internal("event " + e.id + " has a broken payload");
  return std::move(v.as_object());
}

std::string Text(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

int64_t Int(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

}  // namespace

std::string MonthOf(int64_t epoch_ms) {
  using namespace std::chrono;
  const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(epoch_ms) + hours(8)));
  const year_month_day ymd(day);
  std::array<char, 16> out{};
  std::snprintf(out.data(), out.size(), "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return out.data();
}

Status Rollups::Apply(storage::Session& s, std::span<const storage::EventRecord> events) {
  for (const auto& e : events) {
    if (e.type == registry::events::kItemAcquired.name) {
      RECIRC_CHECK(Acquired(s, e));
    } else if (e.type == market::events::kListingPublished.name) {
      RECIRC_TRY(auto p, PayloadOf(e));
      RECIRC_CHECK(repo_.SaveOffer(s, {e.aggregate_id, Text(p, "region_code"), Text(p, "category"),
                                       Text(p, "sale_mode"), Text(p, "channel")}));
    } else if (e.type == market::events::kOrderPaid.name) {
      RECIRC_CHECK(Paid(s, e));
    } else if (e.type == market::events::kOrderRefunded.name ||
               e.type == market::events::kOrderCancelled.name) {
      RECIRC_CHECK(Reversed(s, e));
    }
  }
  return Ok();
}

Status Rollups::Acquired(storage::Session& s, const storage::EventRecord& e) {
  RECIRC_TRY(auto p, PayloadOf(e));
  const std::string outlet_id = Text(p, "outlet_id");
  RECIRC_TRY(auto outlet, identity_.FindOutlet(s, outlet_id));
  if (!outlet) return Error::Internal("event " + e.id + " names an unknown outlet");
  const std::string acquisition_id = Text(p, "acquisition_id");
  RECIRC_TRY(auto acquisitions, registry_.AcquisitionsOfItem(s, e.aggregate_id));
  int64_t price_fen = 0;
  for (const auto& a : acquisitions) {
    if (a.id == acquisition_id) price_fen = a.price_fen;
  }
  return repo_.Add(s,
                   {MonthOf(e.occurred_at), outlet->region_code, Text(p, "category"), "acquisition",
                    Text(p, "kind"), Text(p, "channel")},
                   1, price_fen);
}

Status Rollups::Paid(storage::Session& s, const storage::EventRecord& e) {
  RECIRC_TRY(auto p, PayloadOf(e));
  const std::string offer_id = Text(p, "offer_id");
  const int64_t paid_fen = Int(p, "paid_fen");
  RECIRC_TRY(bool counted, repo_.AddSale(s, e.aggregate_id, offer_id, paid_fen));
  if (!counted) return Ok();  // the journal holds one order.paid per order; never twice
  return AddSale(s, MonthOf(e.occurred_at), offer_id, 1, paid_fen);
}

Status Rollups::Reversed(storage::Session& s, const storage::EventRecord& e) {
  RECIRC_TRY(auto p, PayloadOf(e));
  // A partial refund leaves the sale standing (state paid); an unpaid order was never counted.
  const std::string state = Text(p, "state");
  if (state != "refunded" && state != "cancelled") return Ok();
  RECIRC_TRY(auto sale, repo_.ReverseSale(s, e.aggregate_id));
  if (!sale) return Ok();
  return AddSale(s, MonthOf(e.occurred_at), sale->first, -1, -sale->second);
}

Status Rollups::AddSale(storage::Session& s, const std::string& month, const std::string& offer_id,
                        int64_t count, int64_t value_fen) {
  RECIRC_TRY(auto offer, repo_.FindOffer(s, offer_id));
  // Every order's offer was published first (listing.published); "unknown" keeps the count whole
  // if a journal ever lacks it.
  const storage::StatOffer o =
      offer ? *offer : storage::StatOffer{offer_id, "", "unknown", "unknown", "unknown"};
  return repo_.Add(s, {month, o.region_code, o.category, "sale", o.sale_mode, o.channel}, count,
                   value_fen);
}

}  // namespace recirc::statistics
