#pragma once
// The market's status vocabularies: one enum each, with the one table of the strings the API and
// the database use (core/enum_table.hpp gives ToString and Parse<E>). Header only and free of
// storage, so the market repository maps its columns with it.

#include "core/enum_table.hpp"

namespace recirc::market {

// How an offer is sold (docs/market.md "Sale modes").
enum class SaleMode { kFixedPrice, kEnglishAuction, kRental };
inline constexpr EnumTable<SaleMode, 3> kSaleModeTable{
    "sale mode",
    {{{SaleMode::kFixedPrice, "fixed_price"},
      {SaleMode::kEnglishAuction, "english_auction"},
      {SaleMode::kRental, "rental"}}}};
constexpr const auto& EnumTableOf(SaleMode) { return kSaleModeTable; }

// Where an offer is sold: online, or at an outlet or flea market (both name the outlet).
enum class Channel { kOnline, kOutlet, kFleaMarket };
inline constexpr EnumTable<Channel, 3> kChannelTable{"channel",
                                                     {{{Channel::kOnline, "online"},
                                                       {Channel::kOutlet, "outlet"},
                                                       {Channel::kFleaMarket, "flea_market"}}}};
constexpr const auto& EnumTableOf(Channel) { return kChannelTable; }

enum class OfferStatus { kDraft, kPublished, kBlocked, kReserved, kSold, kWithdrawn };
inline constexpr EnumTable<OfferStatus, 6> kOfferStatusTable{
    "offer status",
    {{{OfferStatus::kDraft, "draft"},
      {OfferStatus::kPublished, "published"},
      {OfferStatus::kBlocked, "blocked"},
      {OfferStatus::kReserved, "reserved"},
      {OfferStatus::kSold, "sold"},
      {OfferStatus::kWithdrawn, "withdrawn"}}}};
constexpr const auto& EnumTableOf(OfferStatus) { return kOfferStatusTable; }

enum class BestOfferStatus { kPending, kCountered, kAccepted, kDeclined, kExpired, kUsed };
inline constexpr EnumTable<BestOfferStatus, 6> kBestOfferStatusTable{
    "best offer status",
    {{{BestOfferStatus::kPending, "pending"},
      {BestOfferStatus::kCountered, "countered"},
      {BestOfferStatus::kAccepted, "accepted"},
      {BestOfferStatus::kDeclined, "declined"},
      {BestOfferStatus::kExpired, "expired"},
      {BestOfferStatus::kUsed, "used"}}}};
constexpr const auto& EnumTableOf(BestOfferStatus) { return kBestOfferStatusTable; }

enum class BlockStatus { kBlocked, kAppealed, kUpheld, kLifted };
inline constexpr EnumTable<BlockStatus, 4> kBlockStatusTable{"block status",
                                                             {{{BlockStatus::kBlocked, "blocked"},
                                                               {BlockStatus::kAppealed, "appealed"},
                                                               {BlockStatus::kUpheld, "upheld"},
                                                               {BlockStatus::kLifted, "lifted"}}}};
constexpr const auto& EnumTableOf(BlockStatus) { return kBlockStatusTable; }

enum class OrderState {
  kPlaced,
  kPaid,
  kDispatched,
  kReceived,
  kReturnRequested,
  kSettled,
  kCancelled,
  kRefunded,
};
inline constexpr EnumTable<OrderState, 8> kOrderStateTable{
    "order state",
    {{{OrderState::kPlaced, "placed"},
      {OrderState::kPaid, "paid"},
      {OrderState::kDispatched, "dispatched"},
      {OrderState::kReceived, "received"},
      {OrderState::kReturnRequested, "return_requested"},
      {OrderState::kSettled, "settled"},
      {OrderState::kCancelled, "cancelled"},
      {OrderState::kRefunded, "refunded"}}}};
constexpr const auto& EnumTableOf(OrderState) { return kOrderStateTable; }

// Returns and disputes: open, then accepted, refused or resolved; warranty claims: open, then
// in_progress (repair or replace) and completed, or refunded, or rejected.
enum class AfterSaleStatus {
  kOpen,
  kAccepted,
  kRefused,
  kResolved,
  kInProgress,
  kCompleted,
  kRefunded,
  kRejected,
};
inline constexpr EnumTable<AfterSaleStatus, 8> kAfterSaleStatusTable{
    "after-sales status",
    {{{AfterSaleStatus::kOpen, "open"},
      {AfterSaleStatus::kAccepted, "accepted"},
      {AfterSaleStatus::kRefused, "refused"},
      {AfterSaleStatus::kResolved, "resolved"},
      {AfterSaleStatus::kInProgress, "in_progress"},
      {AfterSaleStatus::kCompleted, "completed"},
      {AfterSaleStatus::kRefunded, "refunded"},
      {AfterSaleStatus::kRejected, "rejected"}}}};
constexpr const auto& EnumTableOf(AfterSaleStatus) { return kAfterSaleStatusTable; }

// What a buyer opens after receiving an order (after_sales.hpp).
enum class AfterSaleKind { kReturn, kWarranty, kDispute };
inline constexpr EnumTable<AfterSaleKind, 3> kAfterSaleKindTable{
    "after-sales kind",
    {{{AfterSaleKind::kReturn, "return"},
      {AfterSaleKind::kWarranty, "warranty"},
      {AfterSaleKind::kDispute, "dispute"}}}};
constexpr const auto& EnumTableOf(AfterSaleKind) { return kAfterSaleKindTable; }

// A rental booking (rental_service.hpp): booked -> picked_up -> returned, or booked -> cancelled.
// Booked and picked-up bookings hold their dates on the offer's calendar.
enum class RentalStatus { kBooked, kCancelled, kPickedUp, kReturned };
inline constexpr EnumTable<RentalStatus, 4> kRentalStatusTable{
    "rental status",
    {{{RentalStatus::kBooked, "booked"},
      {RentalStatus::kCancelled, "cancelled"},
      {RentalStatus::kPickedUp, "picked_up"},
      {RentalStatus::kReturned, "returned"}}}};
constexpr const auto& EnumTableOf(RentalStatus) { return kRentalStatusTable; }

}  // namespace recirc::market
