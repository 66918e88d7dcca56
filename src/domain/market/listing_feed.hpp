#pragma once
// The listing feed: what the marketplace tells the search index (docs/search.md). A published
// offer appends `listing.published` with the whole listing document (exact price, title, grade,
// region); a withdrawn or sold offer appends `listing.closed`. These events have aggregate type
// "listing", so they are not item history: the item's public log keeps prices as bands only.

#include <string>

#include "core/error.hpp"
#include "domain/identity/principal.hpp"
#include "domain/market/offer_service.hpp"
#include "domain/registry/registry_port.hpp"
#include "storage/market/market_repository.hpp"

namespace recirc::market {

// The newest grade of an item from its item.inspected events ("2/B"), or "ungraded".
std::string LatestGrade(std::span<const storage::EventRecord> item_events);

// Appends `listing.published` for a published offer, in the caller's transaction.
Status AppendListingPublished(storage::Session& s, const MarketContext& c,
                              const identity::Principal& actor, const storage::OfferRecord& offer,
                              const storage::ItemRecord& item);

// Appends `listing.closed` (reason "withdrawn" or "sold"), in the caller's transaction.
Status AppendListingClosed(storage::Session& s, const MarketContext& c,
                           const identity::Principal& actor, const storage::OfferRecord& offer,
                           const std::string& reason);

}  // namespace recirc::market
