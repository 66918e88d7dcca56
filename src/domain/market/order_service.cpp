#include "domain/market/order_service.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/inspection/disclosure.hpp"
#include "domain/market/best_offer_service.hpp"
#include "domain/market/events.hpp"
#include "domain/market/listing_feed.hpp"
#include "domain/market/offer_service.hpp"
#include "domain/market/order_photos.hpp"
#include "domain/registry/item_fields.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;
using identity::Permission;

Error Rule(std::string_view rule, const std::string& text, std::string field = {}) {
  return RuleError(rule, text, std::move(field));
}

Error WrongState(const storage::OrderRecord& o, std::string_view want) {
  return Rule("order_state",
              "the order is " + ToString(o.state) + "; this step needs " + std::string(want));
}
Error WrongState(const storage::OrderRecord& o, OrderState want) {
  return WrongState(o, ToString(want));
}

constexpr int64_t kDayMs = int64_t{24} * 60 * 60 * 1000;

int64_t WindowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(kInspectionWindow).count();
}

// The background jobs act as the system: their events name no user.
std::optional<std::string> ActorId(const identity::Principal& actor) {
  if (actor.method == identity::AuthMethod::kSystem) return std::nullopt;
  return actor.user_id;
}

bool IsSeller(const identity::Principal& actor, const storage::OrderRecord& o) {
  return ActsForSeller(actor, o);
}

// The caller sees the order (Mutate checked it) but is not the party this step belongs to.
Error NotYours(const std::string& step, const std::string& party) {
  return Error::PermissionDenied("not_your_order: " + step + " is for " + party)
      .Id("rule.not_your_order");
}

// Each dispatched serial is one of the item's registered identifiers (as registration normalises
// it), so the item handed over is the item sold. An item registered without identifiers (a sofa)
// has nothing to check against.
Status CheckSerials(storage::Session& s, const MarketContext& c, const std::string& item_id,
                    const std::vector<std::string>& serials) {
  RECIRC_TRY(auto known, c.registry.IdentifiersOfItem(s, item_id));
  if (known.empty()) return Ok();
  for (size_t i = 0; i < serials.size(); ++i) {
    const std::string field = "serials[" + std::to_string(i) + "]";
    const bool match = std::any_of(known.begin(), known.end(), [&](const auto& id) {
      auto normalised = registry::NormaliseItemIdentifier(id.first, serials[i], field);
      return normalised && *normalised == id.second;
    });
    if (!match) {
      return Rule("serial_mismatch",
                  "the serial " + serials[i] + " is not one the item was registered with", field);
    }
  }
  return Ok();
}

}  // namespace

bool ActsForBuyer(const identity::Principal& actor, const storage::OrderRecord& o) {
  if (actor.method == identity::AuthMethod::kSystem) return true;
  if (!actor.Has(Permission::kMarketBuy)) return false;
  if (o.buyer_ref.empty()) return actor.user_id == o.created_by;
  return actor.InOrganisation(o.organisation_id);
}

bool ActsForSeller(const identity::Principal& actor, const storage::OrderRecord& o) {
  return actor.Has(Permission::kMarketManage) && actor.InOrganisation(o.organisation_id);
}

bool SeesOrder(const identity::Principal& actor, const storage::OrderRecord& o) {
  return ActsForBuyer(actor, o) || actor.InOrganisation(o.organisation_id);
}

Status CheckPhotoRef(const std::string& ref, const std::string& field) {
  const bool ok = ref.size() == 71 && ref.starts_with("sha256:") &&
                  ref.find_first_not_of("0123456789abcdef", 7) == std::string::npos;
  if (!ok) return Error::InvalidArgument(field, "a photo reference is sha256:<64 hex digits>");
  return Ok();
}

Status OrderService::AppendOrderEvent(storage::Session& s, const identity::Principal& actor,
                                      const storage::OrderRecord& o, const EventType& type) {
  json::object event{{"order_id", o.id},           {"offer_id", o.offer_id},
                     {"state", ToString(o.state)}, {"price_fen", o.price_fen},
                     {"paid_fen", o.paid_fen},     {"refunded_fen", o.refunded_fen},
                     {"provider", o.provider}};
  RECIRC_TRY(int64_t seq, c_.journal.Append(s, {type, o.id, o.organisation_id, ActorId(actor),
                                                json::serialize(event)}));
  (void)seq;
  return Ok();
}

// Item history: price bands, no buyer, no exact amounts.
Status OrderService::AppendItemEvent(storage::Session& s, const identity::Principal& actor,
                                     const storage::OrderRecord& o, const EventType& type,
                                     json::object payload) {
  payload["price_band"] = PriceBand(o.price_fen);
  RECIRC_TRY(int64_t seq, c_.journal.Append(s, {type, o.item_id, o.organisation_id, ActorId(actor),
                                                json::serialize(payload)}));
  (void)seq;
  return Ok();
}

Result<storage::OrderRecord> OrderService::Place(const identity::Principal& actor,
                                                 const OrderInput& in) {
  if (!actor.Has(Permission::kMarketBuy)) {
    return Error::PermissionDenied("your role cannot place orders");
  }
  const bool account = IsBuyerAccount(actor);
  if (account && in.buyer_ref) {
    return Error::InvalidArgument(
        "buyer_ref", "a buyer's own order has no buyer_ref: it belongs to the account");
  }
  // Best offers are kept under the counter's reference or the account's ("user:<id>").
  RECIRC_TRY(const std::string best_offer_ref, BuyerRefFor(actor, in.buyer_ref.value_or("")));
  // Stored with the order: the counter's reference, or nothing for an account's own order.
  const std::string buyer_ref = account ? std::string() : best_offer_ref;
  // "cash" is the buyer contract's name for cash at the outlet.
  RECIRC_TRY(PaymentProvider * provider,
             providers_.Find(in.provider == "cash" ? "cash_at_outlet" : in.provider));
  if (in.accepted_disclosure_version < 1) {
    return Error::InvalidArgument("accepted_disclosure_version",
                                  "the buyer accepts the disclosure version they read");
  }
  // No choice given: the buyer picks the item up at the outlet.
  const DeliveryInput delivery =
      in.delivery.value_or(DeliveryInput{std::string(kDeliveryModePickup)});
  RECIRC_CHECK(ValidateDelivery(delivery));
  return storage::WriteValue<storage::OrderRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::OrderRecord> {
        RECIRC_TRY(auto offer, c_.repo.LockOffer(s, in.offer_id.ToString()));
        if (!offer || !IsPublicStatus(offer->status)) {
          return Error::NotFound("offer " + in.offer_id.ToString() + " not found");
        }
        RECIRC_CHECK(CheckCounterStaff(actor, *offer));
        if (offer->sale_mode == SaleMode::kRental) {
          return Rule(kRuleRentalOffer, "this offer is for rent: book it", "offer_id");
        }
        RECIRC_CHECK(CheckSellerActive(c_.identity, s, *offer));
        if (offer->sale_mode != SaleMode::kFixedPrice) {
          return Rule(kRuleAuctionOffer, "this offer is sold by auction: bid on it", "offer_id");
        }
        if (offer->status != OfferStatus::kPublished) {
          return Error::Conflict(std::string(kRuleOfferTaken) + ": the item is " +
                                 ToString(offer->status) + "; another order was placed first")
              .Id("rule.offer_taken");
        }
        // Holds can arrive after publishing; the disclosure can change.
        RECIRC_CHECK(c_.sellable.CheckSellable(s, offer->item_id));
        RECIRC_TRY(auto item, c_.registry.FindItem(s, offer->item_id));
        RECIRC_TRY(auto events, c_.journal.ForAggregate(s, "item", offer->item_id));
        RECIRC_TRY(auto disclosure,
                   inspection::BuildDisclosure(c_.catalogue, *item, events, std::nullopt));
        if (in.accepted_disclosure_version != disclosure.latest) {
          return Rule(kRuleDisclosureOutdated,
                      "the disclosure is at version " + std::to_string(disclosure.latest) +
                          "; the buyer reads and accepts the current one",
                      "accepted_disclosure_version");
        }
        if (provider->Name() == "cash_at_outlet" && offer->channel == Channel::kOnline) {
          return Rule("cash_at_outlet", "cash is taken at an outlet or market stall, not online",
                      "provider");
        }
        int64_t price = offer->price_fen;
        if (in.best_offer_id) {
          RECIRC_TRY(auto best, c_.repo.FindBestOffer(s, in.best_offer_id->ToString()));
          if (!best || best->offer_id != offer->id || best->buyer_ref != best_offer_ref) {
            return Error::InvalidArgument("best_offer_id",
                                          "best_offer_id names this buyer's best offer on it");
          }
          if (best->status != BestOfferStatus::kAccepted) {
            return Rule("best_offer_not_accepted", "the best offer is " + ToString(best->status),
                        "best_offer_id");
          }
          price = AgreedPrice(*best);
          best->status = BestOfferStatus::kUsed;
          RECIRC_CHECK(c_.repo.UpdateBestOffer(s, *best));
        }
        return InsertPlaced(s, actor, *offer, buyer_ref, price, disclosure.latest, provider->Name(),
                            actor.user_id, delivery);
      });
}

Result<storage::OrderRecord> OrderService::InsertPlaced(
    storage::Session& s, const identity::Principal& actor, const storage::OfferRecord& offer,
    const std::string& buyer_ref, int64_t price, int64_t disclosure_version,
    std::string_view provider, const std::string& created_by, const DeliveryInput& delivery) {
  const int64_t now = ToUnixMillis(c_.clock.Now());
  storage::OrderRecord o{Id::Generate(c_.clock, c_.random).ToString(),
                         offer.id,
                         offer.item_id,
                         offer.organisation_id,
                         buyer_ref,
                         price,
                         disclosure_version,
                         now,
                         std::string(provider),
                         std::nullopt,
                         OrderState::kPlaced,
                         0,
                         0,
                         std::nullopt,
                         std::nullopt,
                         WindowMs(),
                         offer.warranty_months,
                         offer.return_days,
                         created_by,
                         now,
                         now};
  RECIRC_CHECK(c_.repo.InsertOrder(s, o));
  RECIRC_TRY(auto sealed, SealDelivery(c_.seal, o.id, delivery, now));
  RECIRC_CHECK(c_.repo.InsertDelivery(s, sealed));
  RECIRC_CHECK(
      c_.repo.UpdateOfferStatus(s, offer.id, OfferStatus::kReserved, std::nullopt, std::nullopt));
  // Out of search while reserved: a second buyer would only be told it is taken.
  RECIRC_CHECK(AppendListingClosed(s, c_, actor, offer, "reserved"));
  RECIRC_CHECK(AppendOrderEvent(s, actor, o, events::kOrderPlaced));
  return o;
}

Result<storage::OrderRecord> OrderService::PlaceWonLocked(storage::Session& s,
                                                          const storage::OfferRecord& offer,
                                                          const std::string& winner_ref,
                                                          int64_t hammer_fen) {
  // A buyer account's bids are kept under "user:<id>"; its order belongs to the account.
  constexpr std::string_view kUser = "user:";
  const bool account = winner_ref.starts_with(kUser);
  const identity::Principal system = identity::Principal::System();
  const std::string created_by = account ? winner_ref.substr(kUser.size()) : offer.created_by;
  return InsertPlaced(s, system, offer, account ? std::string() : winner_ref, hammer_fen,
                      offer.disclosure_version.value_or(1),
                      offer.channel == Channel::kOnline ? "simulated" : "cash_at_outlet",
                      created_by,
                      // The winner chose nothing at bidding: pick-up until they say otherwise.
                      DeliveryInput{std::string(kDeliveryModePickup)});
}

Result<storage::OrderRecord> OrderService::Mutate(const identity::Principal& actor,
                                                  const OrderId& id, const OrderFn& fn) {
  return storage::WriteValue<storage::OrderRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::OrderRecord> {
        RECIRC_TRY(auto o, c_.repo.LockOrder(s, id.ToString()));
        if (!o || !SeesOrder(actor, *o)) {
          return Error::NotFound("order " + id.ToString() + " not found");
        }
        RECIRC_CHECK(fn(s, *o));
        o->updated_at = ToUnixMillis(c_.clock.Now());
        RECIRC_CHECK(c_.repo.UpdateOrder(s, *o));
        return *o;
      });
}

Result<storage::OrderRecord> OrderService::Pay(const identity::Principal& actor, const OrderId& id,
                                               Money amount,
                                               std::optional<std::string> receipt_number) {
  const int64_t amount_fen = amount.fen();
  return Mutate(actor, id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
    // The seller's staff take cash at the outlet; any other payment is the buyer's.
    const bool cash_taker = o.provider == "cash_at_outlet" && ActsForSeller(actor, o);
    if (!ActsForBuyer(actor, o) && !cash_taker) return NotYours("paying", "the order's buyer");
    if (o.state != OrderState::kPlaced) return WrongState(o, OrderState::kPlaced);
    if (amount_fen != o.price_fen) {
      return Error::InvalidArgument("amount_fen",
                                    "the order's price is " + std::to_string(o.price_fen) + " fen");
    }
    RECIRC_TRY(PaymentProvider * provider, providers_.Find(o.provider));
    RECIRC_TRY(auto offer, c_.repo.FindOffer(s, o.offer_id));
    RECIRC_TRY(o.payment_ref,
               provider->Capture({o.id, o.price_fen, offer->channel, receipt_number}));
    o.paid_fen = o.price_fen;
    o.state = OrderState::kPaid;
    RECIRC_CHECK(AppendOrderEvent(s, actor, o, events::kOrderPaid));
    return AppendItemEvent(s, actor, o, events::kItemSold,
                           {{"channel", ToString(offer->channel)},
                            {"sale_mode", ToString(offer->sale_mode)},
                            {"disclosure_version", o.disclosure_version},
                            {"warranty_months", o.warranty_months},
                            {"return_days", o.return_days}});
  });
}

Result<storage::OrderRecord> OrderService::Dispatch(const identity::Principal& actor,
                                                    const OrderId& id, const DispatchInput& in) {
  if (!actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot dispatch orders");
  }
  if (in.method != "handover" && in.method != "shipping") {
    return Error::InvalidArgument("method", "method is handover or shipping");
  }
  if (in.serials.empty()) {
    return Error::InvalidArgument("serials", "the dispatch records the item's serials");
  }
  for (size_t i = 0; i < in.serials.size(); ++i) {
    if (in.serials[i].empty() || in.serials[i].size() > 64) {
      return Error::InvalidArgument("serials[" + std::to_string(i) + "]", "1 to 64 characters");
    }
  }
  if (in.photos.empty()) {
    return Error::InvalidArgument("photos", "the dispatch records at least one photo");
  }
  for (size_t i = 0; i < in.photos.size(); ++i) {
    RECIRC_CHECK(CheckPhotoRef(in.photos[i], "photos[" + std::to_string(i) + "]"));
  }
  return Mutate(actor, id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
    if (!IsSeller(actor, o)) return Error::NotFound("order " + o.id + " not found");
    if (o.state != OrderState::kPaid) return WrongState(o, OrderState::kPaid);
    RECIRC_CHECK(CheckSerials(s, c_, o.item_id, in.serials));
    RECIRC_CHECK(CheckOrderPhotoRefs(s, c_.repo, o.id, kStageDispatch, in.photos));
    json::array serials, photos;
    for (const auto& x : in.serials) serials.push_back(json::string(x));
    for (const auto& x : in.photos) photos.push_back(json::string(x));
    json::object d{{"method", in.method},
                   {"serials", serials},
                   {"photos", photos},
                   {"at", ToUnixMillis(c_.clock.Now())}};
    d["tracking"] = in.tracking ? json::value(*in.tracking) : nullptr;
    o.dispatch = json::serialize(d);
    o.state = OrderState::kDispatched;
    RECIRC_CHECK(AppendOrderEvent(s, actor, o, events::kOrderDispatched));
    return AppendItemEvent(s, actor, o, events::kItemHandedOver, {{"method", in.method}});
  });
}

Result<storage::OrderRecord> OrderService::Receive(const identity::Principal& actor,
                                                   const OrderId& id,
                                                   const std::string& condition) {
  if (condition != "as_described" && condition != "not_as_described") {
    return Error::InvalidArgument("condition", "condition is as_described or not_as_described");
  }
  return Mutate(actor, id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
    if (!ActsForBuyer(actor, o)) return NotYours("confirming receipt", "the order's buyer");
    if (o.state != OrderState::kDispatched) return WrongState(o, OrderState::kDispatched);
    o.state = OrderState::kReceived;
    o.received_at = ToUnixMillis(c_.clock.Now());
    RECIRC_CHECK(AppendOrderEvent(s, actor, o, events::kOrderReceived));
    return AppendItemEvent(s, actor, o, events::kItemReceived, {{"condition", condition}});
  });
}

Result<storage::OrderRecord> OrderService::Settle(const identity::Principal& actor,
                                                  const OrderId& id, Money amount) {
  const int64_t amount_fen = amount.fen();
  return Mutate(actor, id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
    if (!IsSeller(actor, o)) return Error::NotFound("order " + o.id + " not found");
    if (o.state != OrderState::kReceived) return WrongState(o, OrderState::kReceived);
    if (amount_fen != o.paid_fen - o.refunded_fen) {
      return Error::InvalidArgument("amount_fen", "the amount held for this order is " +
                                                      std::to_string(o.paid_fen - o.refunded_fen) +
                                                      " fen");
    }
    return SettleLocked(s, actor, o);
  });
}

Status OrderService::SettleLocked(storage::Session& s, const identity::Principal& actor,
                                  storage::OrderRecord& o) {
  // Settlement waits for the inspection window and the return window, whichever is longer.
  const int64_t ends = *o.received_at + std::max(o.inspection_window_ms, o.return_days * kDayMs);
  if (ToUnixMillis(c_.clock.Now()) < ends) {
    return Rule("inspection_window_open",
                "the buyer's inspection window ends at " + FormatRfc3339(FromUnixMillis(ends)));
  }
  o.state = OrderState::kSettled;
  RECIRC_CHECK(
      c_.repo.UpdateOfferStatus(s, o.offer_id, OfferStatus::kSold, std::nullopt, std::nullopt));
  RECIRC_CHECK(AppendOrderEvent(s, actor, o, events::kOrderSettled));
  return AppendItemEvent(s, actor, o, events::kItemSaleSettled, {});
}

Result<int64_t> OrderService::SettleDue() {
  // One batch per run: the runner calls again, and an order that fails stays for the next run.
  constexpr int kBatch = 500;
  const identity::Principal system = identity::Principal::System();
  const int64_t now = ToUnixMillis(c_.clock.Now());
  RECIRC_TRY(auto due,
             storage::ReadValue<std::vector<std::string>>(c_.db, [&](storage::Session& s) {
               return c_.repo.OrdersDueForSettlement(s, now, kBatch);
             }));
  int64_t settled = 0;
  for (const std::string& text : due) {
    RECIRC_TRY(auto id, OrderId::Parse(text, "id"));
    // Checked again under the order's lock: a return or a case may have arrived since.
    auto done = Mutate(system, id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
      if (o.state != OrderState::kReceived) return WrongState(o, OrderState::kReceived);
      RECIRC_TRY(auto cases, c_.repo.AfterSalesOf(s, o.id));
      for (const auto& c : cases) {
        if (c.status == AfterSaleStatus::kOpen)
          return Rule("after_sales_open", "case " + c.id + " is open");
      }
      return SettleLocked(s, system, o);
    });
    if (done) {
      settled++;
    } else if (done.error().code != ErrorCode::kFailedPrecondition) {
      return done.error();
    }
  }
  return settled;
}

Result<int64_t> OrderService::ExpireUnpaid() {
  constexpr int kBatch = 500;
  const identity::Principal system = identity::Principal::System();
  const int64_t cutoff =
      ToUnixMillis(c_.clock.Now()) -
      std::chrono::duration_cast<std::chrono::milliseconds>(kPaymentWindow).count();
  RECIRC_TRY(auto due,
             storage::ReadValue<std::vector<std::string>>(c_.db, [&](storage::Session& s) {
               return c_.repo.UnpaidOrdersPlacedBefore(s, cutoff, kBatch);
             }));
  int64_t cancelled = 0;
  for (const std::string& text : due) {
    RECIRC_TRY(auto id, OrderId::Parse(text, "id"));
    // Checked again under the order's lock: the buyer may have paid since.
    auto done = Mutate(system, id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
      if (o.state != OrderState::kPlaced) return WrongState(o, OrderState::kPlaced);
      o.state = OrderState::kCancelled;
      RECIRC_CHECK(RelistLocked(s, system, o));
      return AppendOrderEvent(s, system, o, events::kOrderCancelled);
    });
    if (done) {
      cancelled++;
    } else if (done.error().code != ErrorCode::kFailedPrecondition) {
      return done.error();
    }
  }
  return cancelled;
}

Status OrderService::RelistLocked(storage::Session& s, const identity::Principal& actor,
                                  const storage::OrderRecord& o) {
  RECIRC_TRY(auto before, c_.repo.FindOffer(s, o.offer_id));
  if (before && before->sale_mode != SaleMode::kFixedPrice) {
    // An auction has ended: its offer does not go back on the market as it was (the seller
    // starts a new auction).
    return c_.repo.UpdateOfferStatus(s, o.offer_id, OfferStatus::kWithdrawn, std::nullopt,
                                     std::nullopt);
  }
  RECIRC_CHECK(c_.repo.UpdateOfferStatus(s, o.offer_id, OfferStatus::kPublished, std::nullopt,
                                         std::nullopt));
  RECIRC_TRY(auto offer, c_.repo.FindOffer(s, o.offer_id));
  RECIRC_TRY(auto item, c_.registry.FindItem(s, o.item_id));
  if (!offer || !item) return Error::Internal("order " + o.id + " names a missing offer or item");
  return AppendListingPublished(s, c_, actor, *offer, *item);
}

Status OrderService::RefundLocked(storage::Session& s, const identity::Principal& actor,
                                  storage::OrderRecord& o, Money amount) {
  const int64_t amount_fen = amount.fen();
  if (amount_fen <= 0)
    return Error::InvalidArgument("amount_fen", "a positive whole number of fen");
  if (o.paid_fen == 0) return Rule("order_unpaid", "nothing was paid, so nothing is refunded");
  if (amount_fen > o.paid_fen - o.refunded_fen) {
    return Error{ErrorCode::kFailedPrecondition,
                 std::string(kRuleRefundExceedsPayment) + ": " + std::to_string(amount_fen) +
                     " fen is more than the " + std::to_string(o.paid_fen - o.refunded_fen) +
                     " fen paid and not yet refunded",
                 "amount_fen"};
  }
  RECIRC_TRY(PaymentProvider * provider, providers_.Find(o.provider));
  RECIRC_TRY(std::string ref, provider->Refund(*o.payment_ref, amount_fen));
  (void)ref;
  o.refunded_fen += amount_fen;
  if (o.refunded_fen == o.paid_fen) {
    const bool returned = o.state != OrderState::kPaid;
    o.state = OrderState::kRefunded;
    // Refunded before dispatch: the item is still in the shop, offered again. After dispatch it
    // comes back first: the operator makes a new offer once it has.
    if (returned) {
      RECIRC_CHECK(c_.repo.UpdateOfferStatus(s, o.offer_id, OfferStatus::kWithdrawn, std::nullopt,
                                             std::nullopt));
    } else {
      RECIRC_CHECK(RelistLocked(s, actor, o));
    }
    RECIRC_CHECK(AppendItemEvent(
        s, actor, o, returned ? events::kItemReturned : events::kItemSaleCancelled, {}));
  }
  return AppendOrderEvent(s, actor, o, events::kOrderRefunded);
}

Result<storage::OrderRecord> OrderService::Refund(const identity::Principal& actor,
                                                  const OrderId& id, Money amount) {
  if (!actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot refund orders");
  }
  return Mutate(actor, id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
    if (!IsSeller(actor, o)) return Error::NotFound("order " + o.id + " not found");
    if (o.state == OrderState::kPlaced || o.state == OrderState::kCancelled ||
        o.state == OrderState::kRefunded || o.state == OrderState::kSettled) {
      return WrongState(o, "a paid, unsettled order");
    }
    return RefundLocked(s, actor, o, amount);
  });
}

Result<storage::OrderRecord> OrderService::Cancel(const identity::Principal& actor,
                                                  const OrderId& id, const std::string& reason) {
  RECIRC_CHECK(identity::CheckText(reason, "reason", 500));
  return Mutate(actor, id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
    if (!ActsForBuyer(actor, o) && !ActsForSeller(actor, o)) {
      return NotYours("cancelling", "the order's buyer and seller");
    }
    if (o.state == OrderState::kPlaced) {
      o.state = OrderState::kCancelled;
      RECIRC_CHECK(RelistLocked(s, actor, o));
      return AppendOrderEvent(s, actor, o, events::kOrderCancelled);
    }
    if (o.state == OrderState::kPaid)
      return RefundLocked(s, actor, o, Money::Fen(o.paid_fen - o.refunded_fen));
    return WrongState(o, "placed or paid (after dispatch, ask for a return)");
  });
}

}  // namespace recirc::market
