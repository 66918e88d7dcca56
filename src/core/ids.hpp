#pragma once
// The id types of every context, one StrongId<Tag> each (core/id.hpp), so an OrderId cannot be
// passed where an OfferId belongs. Services take and return these at their public boundary;
// handlers parse path and body ids with XxxId::Parse(text, "field"), so a malformed id is
// kInvalidArgument naming the field. Records and SQL keep the 26-character text (ToString()).
//
// To add one: declare its tag in id_tags and its alias below.

#include "core/id.hpp"

namespace recirc {

namespace id_tags {
// identity
struct Organisation;
struct Outlet;
struct User;
struct ApiKey;
// registry
struct Item;
struct Acquisition;
struct Party;
struct Alert;
struct WatchlistEntry;
// inspection
struct InspectionReport;
struct Sanitization;
// market
struct Offer;
struct BestOffer;
struct ListingBlock;
struct Order;
struct AfterSale;
struct RentalBooking;
// complaints
struct Complaint;
}  // namespace id_tags

using OrganisationId = StrongId<id_tags::Organisation>;
using OutletId = StrongId<id_tags::Outlet>;
using UserId = StrongId<id_tags::User>;
using ApiKeyId = StrongId<id_tags::ApiKey>;
using ItemId = StrongId<id_tags::Item>;
using AcquisitionId = StrongId<id_tags::Acquisition>;
using PartyId = StrongId<id_tags::Party>;
using AlertId = StrongId<id_tags::Alert>;
using WatchlistEntryId = StrongId<id_tags::WatchlistEntry>;
using InspectionReportId = StrongId<id_tags::InspectionReport>;
using SanitizationId = StrongId<id_tags::Sanitization>;
using OfferId = StrongId<id_tags::Offer>;
using BestOfferId = StrongId<id_tags::BestOffer>;
using ListingBlockId = StrongId<id_tags::ListingBlock>;
using OrderId = StrongId<id_tags::Order>;
using AfterSaleId = StrongId<id_tags::AfterSale>;
using RentalBookingId = StrongId<id_tags::RentalBooking>;
using ComplaintId = StrongId<id_tags::Complaint>;

}  // namespace recirc
