#include "domain/market/best_offer_service.hpp"

#include <boost/json.hpp>

#include "core/id.hpp"
#include "domain/market/events.hpp"
#include "domain/market/paging.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;

Error Rule(std::string_view rule, const std::string& text, std::string field = {}) {
  return RuleError(rule, text, std::move(field));
}

int64_t Lifetime() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(kBestOfferLifetime).count();
}

}  // namespace

BestOfferStatus EffectiveStatus(const storage::BestOfferRecord& r, int64_t now) {
  if ((r.status == BestOfferStatus::kPending || r.status == BestOfferStatus::kCountered) &&
      now >= r.expires_at) {
    return BestOfferStatus::kExpired;
  }
  return r.status;
}

int64_t AgreedPrice(const storage::BestOfferRecord& r) {
  return r.counter_fen ? *r.counter_fen : r.amount_fen;
}

Status CheckBuyerRef(const std::string& buyer_ref) {
  if (buyer_ref.empty() || buyer_ref.size() > 64) {
    return Error::InvalidArgument("buyer_ref",
                                  "buyer_ref is the buyer's reference (1 to 64 characters)");
  }
  return Ok();
}

bool IsBuyerAccount(const identity::Principal& actor) {
  return actor.method != identity::AuthMethod::kSystem && actor.role == identity::Role::kBuyer;
}

Result<std::string> BuyerRefFor(const identity::Principal& actor, const std::string& given) {
  if (IsBuyerAccount(actor)) {
    if (!given.empty()) {
      return Error::InvalidArgument("buyer_ref",
                                    "a buyer's own account gives no buyer_ref: it is the buyer");
    }
    return "user:" + actor.user_id;
  }
  RECIRC_CHECK(CheckBuyerRef(given));
  if (given.starts_with("user:")) {
    return Error::InvalidArgument("buyer_ref", "buyer_ref must not start with user: (accounts)");
  }
  return given;
}

Status CheckCounterStaff(const identity::Principal& actor, const storage::OfferRecord& offer) {
  if (IsBuyerAccount(actor) || actor.InOrganisation(offer.organisation_id)) return Ok();
  return Error::PermissionDenied(
      "not_your_counter: staff act for buyers on their own organisation's offers only");
}

Result<storage::BestOfferRecord> BestOfferService::Make(const identity::Principal& actor,
                                                        const OfferId& offer,
                                                        const std::string& given_ref,
                                                        int64_t amount_fen) {
  const std::string offer_id = offer.ToString();
  if (!actor.Has(identity::Permission::kMarketBuy)) {
    return Error::PermissionDenied("your role cannot make best offers");
  }
  RECIRC_TRY(const std::string buyer_ref, BuyerRefFor(actor, given_ref));
  if (amount_fen <= 0) {
    return Error::InvalidArgument("amount_fen", "amount_fen is a positive whole number of fen")
        .Id("money.positive");
  }
  const int64_t now = ToUnixMillis(c_.clock.Now());
  return storage::WriteValue<storage::BestOfferRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::BestOfferRecord> {
        RECIRC_TRY(auto offer, c_.repo.FindOffer(s, offer_id));
        if (!offer || !IsPublicStatus(offer->status)) {
          return Error::NotFound("offer " + offer_id + " not found");
        }
        RECIRC_CHECK(CheckCounterStaff(actor, *offer));
        if (offer->status != OfferStatus::kPublished) {
          return Rule(kRuleOfferTaken, "the offer is " + ToString(offer->status));
        }
        if (!offer->best_offer) {
          return Rule("best_offers_disabled", "this offer takes its fixed price only");
        }
        if (amount_fen >= offer->price_fen) {
          return Error::InvalidArgument("amount_fen",
                                        "a best offer is below the price; order at the price")
              .Id("best_offer.not_below_price");
        }
        storage::BestOfferRecord r{Id::Generate(c_.clock, c_.random).ToString(),
                                   offer_id,
                                   buyer_ref,
                                   amount_fen,
                                   std::nullopt,
                                   BestOfferStatus::kPending,
                                   now + Lifetime(),
                                   now,
                                   std::nullopt};
        if (offer->auto_accept_fen && amount_fen >= *offer->auto_accept_fen) {
          r.status = BestOfferStatus::kAccepted;
          r.decided_at = now;
        } else if (offer->auto_decline_fen && amount_fen < *offer->auto_decline_fen) {
          r.status = BestOfferStatus::kDeclined;
          r.decided_at = now;
        }
        RECIRC_CHECK(c_.repo.InsertBestOffer(s, r));
        // No buyer reference in the event.
        json::object event{{"offer_id", offer_id},
                           {"status", ToString(r.status)},
                           {"automatic", r.status != BestOfferStatus::kPending}};
        RECIRC_TRY(int64_t seq,
                   c_.journal.Append(s, {events::kBestOfferMade, r.id, offer->organisation_id,
                                         actor.user_id, json::serialize(event)}));
        (void)seq;
        return r;
      });
}

Result<storage::BestOfferRecord> BestOfferService::Decide(const identity::Principal& actor,
                                                          const std::string& id, bool seller,
                                                          const std::string& action,
                                                          std::optional<int64_t> counter_fen,
                                                          const std::string& buyer_ref) {
  const int64_t now = ToUnixMillis(c_.clock.Now());
  return storage::WriteValue<storage::BestOfferRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::BestOfferRecord> {
        RECIRC_TRY(auto r, c_.repo.FindBestOffer(s, id));
        if (!r) return Error::NotFound("best offer " + id + " not found");
        RECIRC_TRY(auto offer, c_.repo.LockOffer(s, r->offer_id));
        if (!offer) return Error::NotFound("best offer " + id + " not found");
        // The seller's staff answer; the buyer takes a counter: a buyer account its own, staff
        // for the buyer_ref at their own organisation's counter. Anyone else: not found.
        const bool party =
            seller ? actor.InOrganisation(offer->organisation_id)
                   : r->buyer_ref == buyer_ref &&
                         (IsBuyerAccount(actor) || actor.InOrganisation(offer->organisation_id));
        if (!party) {
          return Error::NotFound("best offer " + id + " not found");
        }
        const BestOfferStatus status = EffectiveStatus(*r, now);
        if (status == BestOfferStatus::kExpired) {
          if (r->status != BestOfferStatus::kExpired) {
            r->status = BestOfferStatus::kExpired;
            r->decided_at = r->expires_at;
            RECIRC_CHECK(c_.repo.UpdateBestOffer(s, *r));
          }
          return Rule("best_offer_expired",
                      "best offers expire 48 hours after they are made or countered");
        }
        const BestOfferStatus expected =
            seller ? BestOfferStatus::kPending : BestOfferStatus::kCountered;
        if (status != expected) {
          return Rule("best_offer_not_open", "the best offer is " + ToString(status));
        }
        if (!seller && counter_fen && counter_fen != r->counter_fen) {
          return Error::InvalidArgument(
                     "counter_fen",
                     "the counter-offer is " + std::to_string(r->counter_fen.value_or(0)) + " fen")
              .Id("best_offer.counter_amount")
              .Param("counter_fen", std::to_string(r->counter_fen.value_or(0)));
        }
        if (offer->status != OfferStatus::kPublished) {
          return Rule(kRuleOfferTaken, "the offer is " + ToString(offer->status));
        }
        if (action == "accept") {
          r->status = BestOfferStatus::kAccepted;
          r->decided_at = now;
        } else if (action == "decline") {
          r->status = BestOfferStatus::kDeclined;
          r->decided_at = now;
        } else if (action == "counter" && seller) {
          if (!counter_fen || *counter_fen <= r->amount_fen || *counter_fen >= offer->price_fen) {
            return Error::InvalidArgument(
                       "counter_fen",
                       "a counter-offer lies between the buyer's amount and the price")
                .Id("best_offer.counter_range");
          }
          r->status = BestOfferStatus::kCountered;
          r->counter_fen = counter_fen;
          r->expires_at = now + Lifetime();
        } else {
          return Error::InvalidArgument(
              "action", seller ? "action is accept, decline or counter" : "action is accept");
        }
        RECIRC_CHECK(c_.repo.UpdateBestOffer(s, *r));
        json::object event{{"offer_id", r->offer_id}, {"status", ToString(r->status)}};
        RECIRC_TRY(int64_t seq,
                   c_.journal.Append(s, {events::kBestOfferDecided, r->id, offer->organisation_id,
                                         actor.user_id, json::serialize(event)}));
        (void)seq;
        return *r;
      });
}

Result<storage::BestOfferRecord> BestOfferService::Respond(const identity::Principal& actor,
                                                           const BestOfferId& id,
                                                           const std::string& action,
                                                           std::optional<int64_t> counter_fen) {
  if (!actor.Has(identity::Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot answer best offers");
  }
  return Decide(actor, id.ToString(), true, action, counter_fen, "");
}

Result<storage::BestOfferRecord> BestOfferService::AcceptCounter(const identity::Principal& actor,
                                                                 const BestOfferId& id,
                                                                 const std::string& given_ref,
                                                                 std::optional<int64_t> counter) {
  if (!actor.Has(identity::Permission::kMarketBuy)) {
    return Error::PermissionDenied("your role cannot accept counter-offers");
  }
  RECIRC_TRY(const std::string buyer_ref, BuyerRefFor(actor, given_ref));
  return Decide(actor, id.ToString(), false, "accept", counter, buyer_ref);
}

Result<storage::BestOfferRecord> BestOfferService::Get(const identity::Principal& actor,
                                                       const BestOfferId& best_offer_id) {
  const std::string id = best_offer_id.ToString();
  RECIRC_TRY(
      auto pair,
      (storage::ReadValue<std::pair<storage::BestOfferRecord, std::string>>(
          c_.db,
          [&](storage::Session& s) -> Result<std::pair<storage::BestOfferRecord, std::string>> {
            RECIRC_TRY(auto r, c_.repo.FindBestOffer(s, id));
            if (!r) return Error::NotFound("best offer " + id + " not found");
            RECIRC_TRY(auto offer, c_.repo.FindOffer(s, r->offer_id));
            if (!offer) return Error::NotFound("best offer " + id + " not found");
            return std::pair{*r, offer->organisation_id};
          })));
  // A buyer account sees its own best offers; the selling organisation's staff see those on its
  // offers (the counter's included). Anyone else (another operator's staff, another buyer):
  // not found.
  const bool own = IsBuyerAccount(actor) && pair.first.buyer_ref == "user:" + actor.user_id;
  if (!actor.InOrganisation(pair.second) && !own) {
    return Error::NotFound("best offer " + id + " not found");
  }
  pair.first.status = EffectiveStatus(pair.first, ToUnixMillis(c_.clock.Now()));
  return pair.first;
}

Result<BestOfferPage> BestOfferService::Mine(const identity::Principal& actor,
                                             const storage::PageRequest& page) {
  if (!actor.Has(identity::Permission::kMarketBuy) ||
      actor.method == identity::AuthMethod::kSystem) {
    return Error::PermissionDenied("your role makes no best offers");
  }
  RECIRC_CHECK(CheckPage(page, kBuyerPageMax));
  BestOfferPage out;
  if (!IsBuyerAccount(actor)) return out;
  RECIRC_TRY(out.items, (storage::ReadValue<std::vector<storage::BuyerBestOfferRecord>>(
                            c_.db, [&](storage::Session& s) {
                              return c_.repo.BestOffersOfBuyer(s, "user:" + actor.user_id,
                                                               page.after, page.limit);
                            })));
  out.next_cursor = NextCursor(out.items, page.limit, [](const auto& r) { return r.best.id; });
  const int64_t now = ToUnixMillis(c_.clock.Now());
  for (auto& r : out.items) r.best.status = EffectiveStatus(r.best, now);
  return out;
}

Result<int64_t> BestOfferService::ExpireDue() {
  constexpr int kBatch = 200;
  const int64_t now = ToUnixMillis(c_.clock.Now());
  int64_t expired = 0;
  for (;;) {
    RECIRC_TRY(int64_t n,
               storage::WriteValue<int64_t>(c_.db, [&](storage::Session& s) -> Result<int64_t> {
                 RECIRC_TRY(auto due, c_.repo.DueBestOffers(s, now, kBatch));
                 for (auto& r : due) {
                   RECIRC_TRY(auto offer, c_.repo.FindOffer(s, r.offer_id));
                   r.status = BestOfferStatus::kExpired;
                   r.decided_at = r.expires_at;
                   RECIRC_CHECK(c_.repo.UpdateBestOffer(s, r));
                   json::object event{{"offer_id", r.offer_id}, {"status", ToString(r.status)}};
                   std::optional<std::string> organisation;
                   if (offer) organisation = offer->organisation_id;
                   RECIRC_TRY(int64_t seq,
                              c_.journal.Append(s, {events::kBestOfferDecided, r.id, organisation,
                                                    std::nullopt, json::serialize(event)}));
                   (void)seq;
                 }
                 return static_cast<int64_t>(due.size());
               }));
    expired += n;
    if (n < kBatch) return expired;
  }
}

Result<std::vector<storage::BestOfferRecord>> BestOfferService::OfOffer(
    const identity::Principal& actor, const OfferId& offer) {
  const std::string offer_id = offer.ToString();
  if (!actor.Has(identity::Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot see the best offers of an offer");
  }
  RECIRC_TRY(auto list,
             (storage::ReadValue<std::vector<storage::BestOfferRecord>>(
                 c_.db, [&](storage::Session& s) -> Result<std::vector<storage::BestOfferRecord>> {
                   RECIRC_TRY(auto offer, c_.repo.FindOffer(s, offer_id));
                   if (!offer || !actor.InOrganisation(offer->organisation_id)) {
                     return Error::NotFound("offer " + offer_id + " not found");
                   }
                   return c_.repo.BestOffersOf(s, offer_id);
                 })));
  const int64_t now = ToUnixMillis(c_.clock.Now());
  for (auto& r : list) r.status = EffectiveStatus(r, now);
  return list;
}

}  // namespace recirc::market
