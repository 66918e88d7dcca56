#pragma once
// The marketplace's journal events (the catalogue: core/event_type.hpp). The item.* events are
// public leaves of the item-history log and carry price bands, never exact prices or a buyer;
// money and people travel in the internal offer, listing, order and best_offer events.

#include "core/event_type.hpp"

namespace recirc::market::events {

// --- Offers and listings (internal) ---
// An offer was drafted.
inline constexpr EventType kOfferCreated{
    "offer.created", "offer", Visibility::kInternal, {"offer_id", "item_id", "status"}};
// A prohibited-listing rule blocked an offer (aggregate: the block).
inline constexpr EventType kListingBlocked{
    "listing.blocked",
    "listing_block",
    Visibility::kInternal,
    {"block_id", "offer_id", "item_id", "rule", "matched", "rules_version"}};
// The operator appealed a block, and the appeal was decided.
inline constexpr EventType kListingAppealed{
    "listing.appealed", "listing_block", Visibility::kInternal, {"offer_id", "rule"}};
inline constexpr EventType kListingAppealDecided{"listing.appeal_decided",
                                                 "listing_block",
                                                 Visibility::kInternal,
                                                 {"offer_id", "rule", "decision"}};
// A listing became visible to buyers: the search index's feed, with the exact price and title.
inline constexpr EventType kListingPublished{
    "listing.published",
    "listing",
    Visibility::kInternal,
    {"listing_id", "title_zh", "title_en", "description_zh", "description_en", "item_id", "brand",
     "model", "category", "region_code", "grade", "price_fen", "sale_mode", "channel",
     "published_at"}};
// A listing left the shop window (reason: withdrawn or reserved).
inline constexpr EventType kListingClosed{
    "listing.closed", "listing", Visibility::kInternal, {"listing_id", "reason"}};

// --- Best offers (internal; no buyer reference) ---
inline constexpr EventType kBestOfferMade{
    "best_offer.made", "best_offer", Visibility::kInternal, {"offer_id", "status", "automatic"}};
inline constexpr EventType kBestOfferDecided{
    "best_offer.decided", "best_offer", Visibility::kInternal, {"offer_id", "status"}};

// --- Orders (internal; exact amounts). All share one payload: OrderService::AppendOrderEvent.
inline constexpr std::array<std::string_view, kMaxPayloadFields> kOrderFields{
    "order_id", "offer_id", "state", "price_fen", "paid_fen", "refunded_fen", "provider"};
inline constexpr EventType kOrderPlaced{"order.placed", "order", Visibility::kInternal,
                                        kOrderFields};
inline constexpr EventType kOrderPaid{"order.paid", "order", Visibility::kInternal, kOrderFields};
inline constexpr EventType kOrderDispatched{"order.dispatched", "order", Visibility::kInternal,
                                            kOrderFields};
inline constexpr EventType kOrderReceived{"order.received", "order", Visibility::kInternal,
                                          kOrderFields};
inline constexpr EventType kOrderSettled{"order.settled", "order", Visibility::kInternal,
                                         kOrderFields};
inline constexpr EventType kOrderCancelled{"order.cancelled", "order", Visibility::kInternal,
                                           kOrderFields};
inline constexpr EventType kOrderRefunded{"order.refunded", "order", Visibility::kInternal,
                                          kOrderFields};

// --- Rentals (internal; no renter reference: rental_service.hpp) ---
inline constexpr EventType kRentalBooked{
    "rental.booked",
    "rental_booking",
    Visibility::kInternal,
    {"booking_id", "offer_id", "start", "end", "price_fen", "deposit_fen"}};
inline constexpr EventType kRentalCancelled{
    "rental.cancelled", "rental_booking", Visibility::kInternal, {"booking_id", "offer_id"}};
inline constexpr EventType kRentalSettled{
    "rental.settled",
    "rental_booking",
    Visibility::kInternal,
    {"booking_id", "offer_id", "late_days", "late_fen", "damage_steps", "damage_fen",
     "deposit_released_fen", "owed_fen"}};

// --- Item history (public leaves) ---
// The item was offered for sale, and the offer withdrawn.
inline constexpr EventType kItemOffered{"item.offered",
                                        "item",
                                        Visibility::kPublic,
                                        {"offer_id", "sale_mode", "channel", "price_band",
                                         "warranty_months", "return_days", "disclosure_version"}};
inline constexpr EventType kItemOfferWithdrawn{
    "item.offer_withdrawn", "item", Visibility::kPublic, {"offer_id"}};
// An English auction opened (its offer was published) and closed (auction_history.cpp). Closed
// carries the hammer price as a band (only when sold) and how many people bid; never who, never
// a maximum or the reserve.
inline constexpr EventType kItemAuctionOpened{"item.auction_opened",
                                              "item",
                                              Visibility::kPublic,
                                              {"offer_id", "start_band", "ends_at", "label"}};
inline constexpr EventType kItemAuctionClosed{
    "item.auction_closed",
    "item",
    Visibility::kPublic,
    {"offer_id", "outcome", "price_band", "bidders", "bid_count", "label"}};
// Sale steps (OrderService::AppendItemEvent adds price_band to each).
inline constexpr EventType kItemSold{
    "item.sold",
    "item",
    Visibility::kPublic,
    {"channel", "sale_mode", "disclosure_version", "warranty_months", "return_days", "price_band"}};
inline constexpr EventType kItemHandedOver{
    "item.handed_over", "item", Visibility::kPublic, {"method", "price_band"}};
inline constexpr EventType kItemReceived{
    "item.received", "item", Visibility::kPublic, {"condition", "price_band"}};
inline constexpr EventType kItemSaleSettled{
    "item.sale_settled", "item", Visibility::kPublic, {"price_band"}};
// A refund: returned if the item came back, sale_cancelled if it was never dispatched.
inline constexpr EventType kItemReturned{
    "item.returned", "item", Visibility::kPublic, {"price_band"}};
inline constexpr EventType kItemSaleCancelled{
    "item.sale_cancelled", "item", Visibility::kPublic, {"price_band"}};
// After-sales cases opened (after_sales.cpp), one type per kind.
inline constexpr EventType kItemReturnRequested{
    "item.return_requested",
    "item",
    Visibility::kPublic,
    {"after_sale_id", "kind", "serial_mismatch", "photos_missing"}};
inline constexpr EventType kItemWarrantyRequested{
    "item.warranty_requested", "item", Visibility::kPublic, {"after_sale_id", "kind"}};
inline constexpr EventType kItemDisputeRequested{
    "item.dispute_requested", "item", Visibility::kPublic, {"after_sale_id", "kind"}};
// After-sales decisions (after_sales_decisions.cpp, after_sales.cpp).
inline constexpr EventType kItemReturnRefused{
    "item.return_refused", "item", Visibility::kPublic, {"after_sale_id"}};
inline constexpr EventType kItemWarrantyDecided{
    "item.warranty_decided",
    "item",
    Visibility::kPublic,
    {"after_sale_id", "outcome", "refund_band", "full_refund"}};
inline constexpr EventType kItemWarrantyCompleted{
    "item.warranty_completed", "item", Visibility::kPublic, {"after_sale_id", "outcome"}};
inline constexpr EventType kItemDisputeSettled{"item.dispute_settled",
                                               "item",
                                               Visibility::kPublic,
                                               {"after_sale_id", "outcome", "differences"}};

// A rental period (rental_service.cpp): picked up on `from` (booked until `until`, exclusive),
// and returned on `to`; the condition grades at each end (`grade`, as item.inspected). Never the
// renter, never the price.
inline constexpr EventType kItemRentalStarted{
    "item.rental_started", "item", Visibility::kPublic, {"from", "until", "grade"}};
inline constexpr EventType kItemRented{
    "item.rented", "item", Visibility::kPublic, {"from", "to", "grade", "late_days"}};

inline constexpr EventCatalogue<37> kAll{&kItemAuctionOpened,
                                         &kItemAuctionClosed,
                                         &kOfferCreated,
                                         &kListingBlocked,
                                         &kListingAppealed,
                                         &kListingAppealDecided,
                                         &kListingPublished,
                                         &kListingClosed,
                                         &kBestOfferMade,
                                         &kBestOfferDecided,
                                         &kOrderPlaced,
                                         &kOrderPaid,
                                         &kOrderDispatched,
                                         &kOrderReceived,
                                         &kOrderSettled,
                                         &kOrderCancelled,
                                         &kOrderRefunded,
                                         &kItemOffered,
                                         &kItemOfferWithdrawn,
                                         &kItemSold,
                                         &kItemHandedOver,
                                         &kItemReceived,
                                         &kItemSaleSettled,
                                         &kItemReturned,
                                         &kItemSaleCancelled,
                                         &kItemReturnRequested,
                                         &kItemWarrantyRequested,
                                         &kItemWarrantyDecided,
                                         &kItemDisputeRequested,
                                         &kItemReturnRefused,
                                         &kItemWarrantyCompleted,
                                         &kItemDisputeSettled,
                                         &kRentalBooked,
                                         &kRentalCancelled,
                                         &kRentalSettled,
                                         &kItemRentalStarted,
                                         &kItemRented};

}  // namespace recirc::market::events
