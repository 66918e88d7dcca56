#include "domain/market/auction_service.hpp"

#include <boost/json.hpp>

#include "domain/market/auction_history.hpp"
#include "domain/market/best_offer_service.hpp"
#include "domain/market/listing_feed.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;
using auction::AuctionTerms;
using auction::BidKind;
using auction::Phase;

constexpr int64_t kCloseBatch = 100;

std::string_view PhaseName(Phase p) {
  switch (p) {
    case Phase::kOpen:
      return "open";
    case Phase::kSold:
      return "sold";
    case Phase::kUnsold:
      return "unsold";
    case Phase::kBoughtNow:
      return "bought_now";
  }
  return "open";
}

Error Rule(std::string_view rule, const std::string& text, std::string field = {}) {
  return Error{ErrorCode::kFailedPrecondition, std::string(rule) + ": " + text, std::move(field)};
}

Result<int64_t> IntAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64()) {
    return Error::InvalidArgument(std::string(key), std::string(key) + ": a whole number");
  }
  return v->as_int64();
}

std::optional<int64_t> OptIntAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64()) return std::nullopt;
  return v->as_int64();
}

AuctionView ViewOf(const std::string& offer_id, const AuctionTerms& terms,
                   const std::vector<auction::Bid>& bids, TimePoint now, const std::string& caller,
                   const std::optional<std::string>& order_id, bool seller) {
  auction::AuctionState s = auction::Evaluate(terms, bids, now);
  AuctionView v;
  v.offer_id = offer_id;
  v.phase = std::string(PhaseName(s.phase));
  v.price_fen = s.price_fen;
  v.bid_count = s.bid_count;
  v.min_next_fen = s.min_next_fen;
  v.ends_at = ToUnixMillis(s.ends_at);
  v.reserve_met = s.reserve_met;
  if (s.buy_it_now_available) v.buy_it_now_fen = terms.buy_it_now_fen;
  if (!caller.empty()) {
    for (const auto& b : bids) {
      if (b.bidder != caller || b.retracted || b.kind != BidKind::kBid) continue;
      v.your_max_fen = b.max_fen;  // the latest standing one (bids are in seq order)
      v.your_bid_seq = b.seq;
    }
    if (v.your_max_fen || (s.leader && *s.leader == caller)) {
      v.winning = s.leader && *s.leader == caller;
    }
  }
  if (order_id && (seller || v.winning.value_or(false))) v.order_id = order_id;
  return v;
}

}  // namespace

std::string AuctionTermsJson(const AuctionTerms& t) {
  json::object o{{"start_fen", t.start_fen},
                 {"ends_at", ToUnixMillis(t.ends_at)},
                 {"increments", CurrencyCode(t.increments.currency)},
                 {"soft_close_window_ms", t.soft_close.window.count()},
                 {"soft_close_extension_ms", t.soft_close.extension.count()}};
  if (t.reserve_fen) o["reserve_fen"] = *t.reserve_fen;
  if (t.buy_it_now_fen) o["buy_it_now_fen"] = *t.buy_it_now_fen;
  if (t.soft_close.hard_stop) o["hard_stop"] = ToUnixMillis(*t.soft_close.hard_stop);
  return json::serialize(o);
}

Result<AuctionTerms> ParseAuctionTerms(const std::string& mode_terms) {
  boost::system::error_code ec;
  json::value v = json::parse(mode_terms, ec);
  if (ec || !v.is_object()) return Error::InvalidArgument("mode_terms", "mode_terms: an object");
  const json::object& o = v.as_object();
  AuctionTerms t;
  RECIRC_TRY(t.start_fen, IntAt(o, "start_fen"));
  RECIRC_TRY(int64_t ends_at, IntAt(o, "ends_at"));
  t.ends_at = FromUnixMillis(ends_at);
  t.reserve_fen = OptIntAt(o, "reserve_fen");
  t.buy_it_now_fen = OptIntAt(o, "buy_it_now_fen");
  t.soft_close.window = std::chrono::milliseconds(OptIntAt(o, "soft_close_window_ms").value_or(0));
  t.soft_close.extension =
      std::chrono::milliseconds(OptIntAt(o, "soft_close_extension_ms").value_or(0));
  if (auto hard = OptIntAt(o, "hard_stop")) t.soft_close.hard_stop = FromUnixMillis(*hard);
  t.increments = auction::CnyIncrements();
  return t;
}

std::string PublicAuctionTerms(const std::string& mode_terms) {
  boost::system::error_code ec;
  json::value v = json::parse(mode_terms, ec);
  if (ec || !v.is_object()) return "{}";
  json::object& o = v.as_object();
  o["has_reserve"] = o.erase("reserve_fen") > 0;
  return json::serialize(o);
}

Result<storage::OfferRecord> AuctionService::Create(const identity::Principal& actor,
                                                    OfferTerms terms, const AuctionTerms& auction) {
  RECIRC_CHECK(auction::ValidateTerms(auction, c_.clock.Now()));
  terms.sale_mode = ToString(SaleMode::kEnglishAuction);
  terms.price_fen = auction.start_fen;
  terms.mode_terms = AuctionTermsJson(auction);
  return offers_.Create(actor, terms, [&](storage::Session& s, const storage::OfferRecord& r) {
    return repo_.Insert(
        s, {r.id, ToUnixMillis(auction.ends_at), std::nullopt, std::nullopt, std::nullopt});
  });
}

Result<std::vector<auction::Bid>> AuctionService::LoadBids(storage::Session& s,
                                                           const std::string& offer_id) {
  RECIRC_TRY(auto rows, repo_.Bids(s, offer_id));
  std::vector<auction::Bid> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.seq, r.bidder_ref, r.max_fen, FromUnixMillis(r.placed_at),
                   r.kind == "buy_it_now" ? BidKind::kBuyItNow : BidKind::kBid,
                   r.retracted_at.has_value()});
  }
  return out;
}

Result<AuctionView> AuctionService::Write(const identity::Principal& actor, const OfferId& offer_id,
                                          const std::string& bidder, const Mutation& fn) {
  const std::string id = offer_id.ToString();
  return storage::WriteValue<AuctionView>(c_.db, [&](storage::Session& s) -> Result<AuctionView> {
    RECIRC_TRY(auto offer, c_.repo.LockOffer(s, id));
    if (!offer || !IsPublicStatus(offer->status)) {
      return Error::NotFound("offer " + id + " not found");
    }
    if (offer->sale_mode != SaleMode::kEnglishAuction) {
      return Rule("not_an_auction", "this offer is sold at a fixed price", "offer_id");
    }
    RECIRC_CHECK(CheckCounterStaff(actor, *offer));
    RECIRC_TRY(auto auction, repo_.Find(s, id));
    if (!auction) return Error::Internal("auction offer " + id + " has no auction row");
    RECIRC_TRY(AuctionTerms terms, ParseAuctionTerms(offer->mode_terms));
    RECIRC_TRY(auto bids, LoadBids(s, id));
    if (auction->closed_at || offer->status != OfferStatus::kPublished) {
      return Rule("auction_closed", "the auction has ended");
    }
    RECIRC_CHECK(fn(s, *offer, terms, bids));
    const TimePoint now = c_.clock.Now();
    auction::AuctionState state = auction::Evaluate(terms, bids, now);
    auction->ends_at = ToUnixMillis(state.ends_at);
    if (state.phase == Phase::kBoughtNow) {
      RECIRC_CHECK(CloseLocked(s, *offer, *auction, terms, bids));
    } else {
      RECIRC_CHECK(repo_.Update(s, *auction));
    }
    AuctionView view = ViewOf(id, terms, bids, now, bidder, auction->order_id, false);
    RECIRC_TRY(view.label, AuctionLabel(s, c_, offer->organisation_id));
    return view;
  });
}

Result<AuctionView> AuctionService::Bid(const identity::Principal& actor, const OfferId& offer_id,
                                        const std::string& buyer_ref, int64_t max_fen) {
  if (!actor.Has(identity::Permission::kMarketBuy)) {
    return Error::PermissionDenied("your role cannot bid");
  }
  RECIRC_TRY(const std::string bidder, BuyerRefFor(actor, buyer_ref));
  return Write(actor, offer_id, bidder,
               [&](storage::Session& s, const storage::OfferRecord& offer,
                   const AuctionTerms& terms, std::vector<auction::Bid>& bids) -> Status {
                 RECIRC_CHECK(CheckSellerActive(c_.identity, s, offer));
                 const TimePoint now = c_.clock.Now();
                 RECIRC_CHECK(auction::CheckBid(terms, bids, bidder, max_fen, BidKind::kBid, now));
                 RECIRC_TRY(int64_t seq, repo_.InsertBid(s, {offer.id, 0, bidder, max_fen, "bid",
                                                             ToUnixMillis(now)}));
                 bids.push_back({seq, bidder, max_fen, now, BidKind::kBid, false});
                 return Ok();
               });
}

Result<AuctionView> AuctionService::BuyItNow(const identity::Principal& actor,
                                             const OfferId& offer_id, const std::string& buyer_ref,
                                             int64_t amount_fen) {
  if (!actor.Has(identity::Permission::kMarketBuy)) {
    return Error::PermissionDenied("your role cannot buy");
  }
  RECIRC_TRY(const std::string bidder, BuyerRefFor(actor, buyer_ref));
  return Write(
      actor, offer_id, bidder,
      [&](storage::Session& s, const storage::OfferRecord& offer, const AuctionTerms& terms,
          std::vector<auction::Bid>& bids) -> Status {
        RECIRC_CHECK(CheckSellerActive(c_.identity, s, offer));
        const TimePoint now = c_.clock.Now();
        const int64_t price = terms.buy_it_now_fen.value_or(0);
        RECIRC_CHECK(auction::CheckBid(terms, bids, bidder, price, BidKind::kBuyItNow, now));
        if (amount_fen != price) {
          return Error::InvalidArgument("amount_fen", "amount_fen: the Buy-It-Now price is " +
                                                          Money::Fen(price).ToYuanString());
        }
        RECIRC_TRY(int64_t seq, repo_.InsertBid(s, {offer.id, 0, bidder, price, "buy_it_now",
                                                    ToUnixMillis(now)}));
        bids.push_back({seq, bidder, price, now, BidKind::kBuyItNow, false});
        return Ok();
      });
}

Result<AuctionView> AuctionService::Retract(const identity::Principal& actor,
                                            const OfferId& offer_id, const std::string& buyer_ref,
                                            int64_t seq, const std::string& reason) {
  if (!actor.Has(identity::Permission::kMarketBuy)) {
    return Error::PermissionDenied("your role cannot bid");
  }
  RECIRC_TRY(const std::string bidder, BuyerRefFor(actor, buyer_ref));
  RECIRC_TRY(auto why, auction::ParseRetractionReason(reason));
  (void)why;
  return Write(actor, offer_id, bidder,
               [&](storage::Session& s, const storage::OfferRecord& offer,
                   const AuctionTerms& terms, std::vector<auction::Bid>& bids) -> Status {
                 const TimePoint now = c_.clock.Now();
                 RECIRC_CHECK(auction::CheckRetraction(terms, bids, bidder, seq, now));
                 RECIRC_CHECK(repo_.RetractBid(s, offer.id, seq, ToUnixMillis(now), reason));
                 for (auto& b : bids) b.retracted = b.retracted || b.seq == seq;
                 return Ok();
               });
}

Result<AuctionView> AuctionService::State(const identity::Principal* actor, const OfferId& offer_id,
                                          const std::string& buyer_ref) {
  const std::string id = offer_id.ToString();
  std::string caller;
  if (actor != nullptr && actor->Has(identity::Permission::kMarketBuy) &&
      (IsBuyerAccount(*actor) || !buyer_ref.empty())) {
    RECIRC_TRY(caller, BuyerRefFor(*actor, buyer_ref));
  }
  return storage::ReadValue<AuctionView>(c_.db, [&](storage::Session& s) -> Result<AuctionView> {
    RECIRC_TRY(auto offer, c_.repo.FindOffer(s, id));
    const bool own = offer && actor != nullptr && actor->InOrganisation(offer->organisation_id);
    if (!offer || (!IsPublicStatus(offer->status) && !own)) {
      return Error::NotFound("offer " + id + " not found");
    }
    if (offer->sale_mode != SaleMode::kEnglishAuction) {
      return Error::NotFound("offer " + id + " is not an auction");
    }
    if (!caller.empty() && !IsBuyerAccount(*actor) && !own) caller.clear();  // not their counter
    RECIRC_TRY(auto auction, repo_.Find(s, id));
    if (!auction) return Error::Internal("auction offer " + id + " has no auction row");
    RECIRC_TRY(AuctionTerms terms, ParseAuctionTerms(offer->mode_terms));
    RECIRC_TRY(auto bids, LoadBids(s, id));
    AuctionView view = ViewOf(id, terms, bids, c_.clock.Now(), caller, auction->order_id, own);
    RECIRC_TRY(view.label, AuctionLabel(s, c_, offer->organisation_id));
    return view;
  });
}

Status AuctionService::CloseLocked(storage::Session& s, const storage::OfferRecord& offer,
                                   storage::AuctionRecord& auction, const AuctionTerms& terms,
                                   const std::vector<auction::Bid>& bids) {
  const TimePoint now = c_.clock.Now();
  auction::AuctionState state = auction::Evaluate(terms, bids, now);
  if (state.phase == Phase::kOpen) return Ok();
  const identity::Principal system = identity::Principal::System();
  auction.closed_at = ToUnixMillis(now);
  auction.ends_at = ToUnixMillis(state.ends_at);
  auction.outcome = std::string(PhaseName(state.phase));
  if (offer.status != OfferStatus::kPublished) {
    auction.outcome = "not_published";
  } else if (state.phase == Phase::kSold || state.phase == Phase::kBoughtNow) {
    // A hold can arrive while the auction runs: then nobody gets the item.
    if (auto sellable = c_.sellable.CheckSellable(s, offer.item_id); !sellable) {
      auction.outcome = "item_held";
      RECIRC_CHECK(c_.repo.UpdateOfferStatus(s, offer.id, OfferStatus::kWithdrawn, std::nullopt,
                                             std::nullopt));
      RECIRC_CHECK(AppendListingClosed(s, c_, system, offer, "withdrawn"));
    } else {
      RECIRC_TRY(auto order, orders_.PlaceWonLocked(s, offer, *state.leader, state.price_fen));
      auction.order_id = order.id;
    }
  } else {
    RECIRC_CHECK(c_.repo.UpdateOfferStatus(s, offer.id, OfferStatus::kWithdrawn, std::nullopt,
                                           std::nullopt));
    RECIRC_CHECK(AppendListingClosed(s, c_, system, offer, "withdrawn"));
  }
  RECIRC_CHECK(AppendAuctionClosed(s, c_, offer, *auction.outcome, state, bids));
  return repo_.Update(s, auction);
}

Result<int64_t> AuctionService::CloseDue() {
  const int64_t now = ToUnixMillis(c_.clock.Now());
  RECIRC_TRY(auto due,
             storage::ReadValue<std::vector<storage::AuctionRecord>>(
                 c_.db, [&](storage::Session& s) { return repo_.Due(s, now, kCloseBatch); }));
  int64_t closed = 0;
  for (const auto& d : due) {
    RECIRC_CHECK(c_.db.Write([&](storage::Session& s) -> Status {
      RECIRC_TRY(auto offer, c_.repo.LockOffer(s, d.offer_id));
      RECIRC_TRY(auto auction, repo_.Find(s, d.offer_id));
      if (!offer || !auction || auction->closed_at) return Ok();  // closed meanwhile
      RECIRC_TRY(AuctionTerms terms, ParseAuctionTerms(offer->mode_terms));
      RECIRC_TRY(auto bids, LoadBids(s, d.offer_id));
      RECIRC_CHECK(CloseLocked(s, *offer, *auction, terms, bids));
      if (auction->closed_at) ++closed;
      return Ok();
    }));
  }
  return closed;
}

}  // namespace recirc::market
