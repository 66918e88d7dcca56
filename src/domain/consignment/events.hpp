#pragma once
// The consignment context's journal events (the catalogue: core/event_type.hpp). All are public
// leaves of the item's history and hold no personal data: never the consignor, only the terms'
// public facts (percentages, days, price bands).

#include "core/event_type.hpp"

namespace recirc::consignment::events {

// An item was taken in on consignment under an agreement (consignment_service.cpp).
inline constexpr EventType kItemConsigned{
    "item.consigned",
    "item",
    Visibility::kPublic,
    {"agreement_id", "period_days", "markdowns", "do_not_discount", "price_band"}};
// The clock reached a markdown step (the job, markdowns.cpp).
inline constexpr EventType kItemMarkedDown{
    "item.marked_down", "item", Visibility::kPublic, {"agreement_id", "percent", "price_band"}};
// A counter sale of a consigned item; the consignor's share is in the ledger, not here.
inline constexpr EventType kItemConsignmentSold{
    "item.consignment_sold", "item", Visibility::kPublic, {"agreement_id", "price_band"}};
// The buyer brought it back; the sale's ledger entry was reversed.
inline constexpr EventType kItemConsignmentSaleReversed{
    "item.consignment_sale_reversed", "item", Visibility::kPublic, {"agreement_id"}};
// Expiry actions (period + grace days passed, unsold).
inline constexpr EventType kItemReturnedToConsignor{
    "item.returned_to_consignor", "item", Visibility::kPublic, {"agreement_id"}};
inline constexpr EventType kItemDonated{
    "item.donated", "item", Visibility::kPublic, {"agreement_id"}};
inline constexpr EventType kItemConvertedToStock{
    "item.converted_to_stock", "item", Visibility::kPublic, {"agreement_id", "price_band"}};
// A payout to a consignor: internal (names the consignor's record, an id only).
inline constexpr EventType kConsignorPaid{
    "consignment.payout", "consignor", Visibility::kInternal, {"amount_fen", "method"}};

inline constexpr EventCatalogue<8> kAll{&kItemConsigned,           &kItemMarkedDown,
                                        &kItemConsignmentSold,     &kItemConsignmentSaleReversed,
                                        &kItemReturnedToConsignor, &kItemDonated,
                                        &kItemConvertedToStock,    &kConsignorPaid};

}  // namespace recirc::consignment::events
