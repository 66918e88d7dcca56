// Rentals (sale_mode rental): rental offers, the public calendar, bookings, cancellation, pick-up
// and return. Thin handlers over RentalService (domain/market/rental_service.hpp); a rental offer
// is published with POST /api/v1/offers/{id}/publish like every offer.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/market/dto.hpp"
#include "api/market/rental_dto.hpp"
#include "api/market/routes.hpp"
#include "core/ids.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {

namespace json = boost::json;

dto::RentalBooking dto::RentalBooking::From(const storage::RentalBookingRecord& r) {
  auto check = [](const std::optional<storage::ConditionRecord>& c) -> Omitted<RentalCheck> {
    if (!c) return {};
    RentalCheck out{Time{c->at}, {}, c->notes};
    boost::system::error_code ec;
    const json::value v = json::parse(c->grades, ec);
    if (!ec && v.is_object()) {
      for (const auto& [k, g] : v.as_object()) {
        if (g.is_string()) out.grades[std::string(k)] = std::string(g.as_string());
      }
    }
    return out;
  };
  auto opt = [](const std::optional<int64_t>& v) -> Omitted<int64_t> {
    if (!v) return {};
    return *v;
  };
  RentalBooking b;
  b.id = r.id;
  b.offer_id = r.offer_id;
  b.item_id = r.item_id;
  b.start = market::rental::FormatDay(r.start_day);
  b.end = market::rental::FormatDay(r.end_day);
  b.status = std::string(ToString(r.status));
  b.price_fen = r.price_fen;
  b.deposit_fen = r.deposit_fen;
  b.created_at = Time{r.created_at};
  b.pickup = check(r.pickup);
  b.returned = check(r.returned);
  b.late_days = opt(r.late_days);
  b.late_fen = opt(r.late_fen);
  b.damage_steps = opt(r.damage_steps);
  b.damage_fen = opt(r.damage_fen);
  b.deposit_released_fen = opt(r.deposit_released_fen);
  b.owed_fen = opt(r.owed_fen);
  return b;
}

namespace {

using market::MarketServices;

json::value BookingJson(const storage::RentalBookingRecord& r) {
  return json::value_from(dto::RentalBooking::From(r));
}

Result<http::Response> CreateRentalOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewRentalOffer>(ctx));
  RECIRC_TRY(auto offer, d.rentals.Create(ctx.Actor(), in.Common(), in.Terms()));
  return http::Json(201, json::value_from(dto::Offer::From(offer)));
}

Result<http::Response> GetCalendar(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto offer_id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto cal, d.rentals.Calendar(ctx.principal, offer_id));
  return http::Json(200, json::value_from(dto::RentalCalendar::From(cal)));
}

Result<http::Response> Book(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewRentalBooking>(ctx));
  RECIRC_TRY(auto offer_id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto start, market::rental::ParseDay(in.start, "start"));
  RECIRC_TRY(auto end, market::rental::ParseDay(in.end, "end"));
  RECIRC_TRY(auto booking,
             d.rentals.Book(ctx.Actor(), offer_id, in.buyer_ref.value_or(""), {start, end}));
  return http::Json(201, BookingJson(booking));
}

Result<http::Response> GetBooking(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, RentalBookingId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto booking, d.rentals.Get(ctx.Actor(), id));
  return http::Json(200, BookingJson(booking));
}

Result<http::Response> Cancel(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::CancelRentalBooking>(ctx));
  RECIRC_TRY(auto id, RentalBookingId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto booking, d.rentals.Cancel(ctx.Actor(), id, in.reason));
  return http::Json(200, BookingJson(booking));
}

Result<http::Response> PickUp(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::RentalCondition>(ctx));
  RECIRC_TRY(auto id, RentalBookingId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto booking, d.rentals.PickUp(ctx.Actor(), id, in.ToDomain()));
  return http::Json(200, BookingJson(booking));
}

Result<http::Response> Return(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::RentalCondition>(ctx));
  RECIRC_TRY(auto id, RentalBookingId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto booking, d.rentals.Return(ctx.Actor(), id, in.ToDomain()));
  return http::Json(200, BookingJson(booking));
}

}  // namespace

void AddRentalRoutes(std::vector<http::Route>& routes, const MarketApi& api) {
  using http::Verb;
  using P = identity::Permission;
  const MarketServices* d = &api.services;
  constexpr size_t kOffer = size_t{16} * 1024;
  auto add = [&](Verb v, const char* pattern, P p, MarketHandler fn, size_t limit) {
    AddServiceRoute(routes, *d, v, pattern, p, fn, limit);
  };
  add(Verb::post, "/api/v1/rentals/offers", P::kMarketManage, CreateRentalOffer, kOffer);
  add(Verb::get, "/api/v1/rentals/offers/{id}/calendar", P::kPublic, GetCalendar, 0);
  add(Verb::post, "/api/v1/rentals/offers/{id}/bookings", P::kMarketBuy, Book, kSmallBody);
  add(Verb::get, "/api/v1/rentals/bookings/{id}", P::kMarketBuy, GetBooking, 0);
  add(Verb::post, "/api/v1/rentals/bookings/{id}/cancel", P::kMarketBuy, Cancel, kSmallBody);
  add(Verb::post, "/api/v1/rentals/bookings/{id}/pickup", P::kMarketManage, PickUp, kSmallBody);
  add(Verb::post, "/api/v1/rentals/bookings/{id}/return", P::kMarketManage, Return, kSmallBody);

  using http::Describe;
  using http::Document;
  const char* tag = "market";
  Describe(routes, Verb::post, "/api/v1/rentals/offers",
           Document<dto::NewRentalOffer, dto::Offer>(
               "Make a draft rental offer (sale_mode rental): day/week/month prices, deposit, "
               "length limits and the damage charge per grade step; publish it like any offer",
               tag, 201));
  Describe(routes, Verb::get, "/api/v1/rentals/offers/{id}/calendar",
           Document<void, dto::RentalCalendar>(
               "A rental offer's terms and the day ranges already taken (never by whom)", tag));
  Describe(routes, Verb::post, "/api/v1/rentals/offers/{id}/bookings",
           Document<dto::NewRentalBooking, dto::RentalBooking>(
               "Book [start, end) at the cheapest combination of the price table; an overlap "
               "with a booking is refused (409 rental_dates_taken, field start)",
               tag, 201));
  Describe(routes, Verb::get, "/api/v1/rentals/bookings/{id}",
           Document<void, dto::RentalBooking>(
               "A booking, to the renter's side and the offering organisation", tag));
  Describe(
      routes, Verb::post, "/api/v1/rentals/bookings/{id}/cancel",
      Document<dto::CancelRentalBooking, dto::RentalBooking>(
          "Cancel a booking before pick-up (the renter's side or the shop); frees the days", tag));
  Describe(routes, Verb::post, "/api/v1/rentals/bookings/{id}/pickup",
           Document<dto::RentalCondition, dto::RentalBooking>(
               "Hand the item over from the start day, recording its condition grades", tag));
  Describe(routes, Verb::post, "/api/v1/rentals/bookings/{id}/return",
           Document<dto::RentalCondition, dto::RentalBooking>(
               "Take the item back, recording its condition; late and damage charges are "
               "settled against the deposit (deposit_released_fen, owed_fen)",
               tag));
}

}  // namespace recirc::api
