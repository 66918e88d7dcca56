#pragma once
// The registry's status vocabularies: one enum each, with the one table of the strings the API
// and the database use (core/enum_table.hpp gives ToString and Parse<E>). Header only and free of
// storage, so the registry repository maps its columns with it.

#include "core/enum_table.hpp"

namespace recirc::registry {

enum class ItemStatus { kInStock, kHeld, kSeized };
inline constexpr EnumTable<ItemStatus, 3> kItemStatusTable{"item status",
                                                           {{{ItemStatus::kInStock, "in_stock"},
                                                             {ItemStatus::kHeld, "held"},
                                                             {ItemStatus::kSeized, "seized"}}}};
constexpr const auto& EnumTableOf(ItemStatus) { return kItemStatusTable; }

// Stored on the acquisition.
enum class AcquisitionStatus { kRegistered, kHeld };
inline constexpr EnumTable<AcquisitionStatus, 2> kAcquisitionStatusTable{
    "acquisition status",
    {{{AcquisitionStatus::kRegistered, "registered"}, {AcquisitionStatus::kHeld, "held"}}}};
constexpr const auto& EnumTableOf(AcquisitionStatus) { return kAcquisitionStatusTable; }

// What a registration receipt tells the shop: the acquisition status as the API words it.
enum class ReceiptStatus { kRegistered, kHeldForVerification };
inline constexpr EnumTable<ReceiptStatus, 2> kReceiptStatusTable{
    "registration status",
    {{{ReceiptStatus::kRegistered, "registered"},
      {ReceiptStatus::kHeldForVerification, "held_for_verification"}}}};
constexpr const auto& EnumTableOf(ReceiptStatus) { return kReceiptStatusTable; }
constexpr ReceiptStatus ReceiptStatusOf(AcquisitionStatus s) {
  return s == AcquisitionStatus::kHeld ? ReceiptStatus::kHeldForVerification
                                       : ReceiptStatus::kRegistered;
}

enum class WatchlistStatus { kBlack, kGrey, kWhite };
inline constexpr EnumTable<WatchlistStatus, 3> kWatchlistStatusTable{
    "watchlist status",
    {{{WatchlistStatus::kBlack, "black"},
      {WatchlistStatus::kGrey, "grey"},
      {WatchlistStatus::kWhite, "white"}}}};
constexpr const auto& EnumTableOf(WatchlistStatus) { return kWatchlistStatusTable; }

enum class AlertStatus { kOpen, kReleased, kSeized, kInfoRequested };
inline constexpr EnumTable<AlertStatus, 4> kAlertStatusTable{
    "alert status",
    {{{AlertStatus::kOpen, "open"},
      {AlertStatus::kReleased, "released"},
      {AlertStatus::kSeized, "seized"},
      {AlertStatus::kInfoRequested, "info_requested"}}}};
constexpr const auto& EnumTableOf(AlertStatus) { return kAlertStatusTable; }

}  // namespace recirc::registry
