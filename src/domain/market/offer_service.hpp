#pragma once
// Offers: create (draft), publish (every rule checked in one transaction, the disclosure version
// recorded), withdraw; the prohibited-goods engine blocks a listing with a recorded reason.

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "domain/identity/identity_port.hpp"
#include "domain/identity/principal.hpp"
#include "domain/inspection/checklist.hpp"
#include "domain/inspection/inspection_port.hpp"
#include "domain/market/delivery.hpp"
#include "domain/market/offer.hpp"
#include "domain/market/prohibited.hpp"
#include "domain/market/statuses.hpp"
#include "storage/journal_repository.hpp"
#include "storage/market/market_repository.hpp"

namespace recirc::market {

// Whether a public offer can be bought now, and if not, why (the rule and its text), as the
// order placement would answer: the offer's status, holds, the sanitization rule.
struct OfferAvailability {
  std::string offer_id;
  OfferStatus status = OfferStatus::kDraft;
  bool buyable = false;
  std::string rule;       // empty when buyable: offer_reserved, offer_sold, item_held, …
  std::string reason;     // the refusal's text without the rule name
  std::string reason_id;  // the refusal's message id ("hold.period"), when it has one
  std::vector<MessageParam> reason_params;
};

struct OfferPage {
  std::vector<storage::OfferRecord> items;
  std::optional<std::string> next_cursor;
};

struct PublishResult {
  storage::OfferRecord offer;
  std::optional<storage::ListingBlockRecord> block;  // set when the rules engine blocked it
};

// What the market services share.
struct MarketContext {
  storage::Database& db;
  const inspection::Catalogue& catalogue;
  const ProhibitedRules& rules;
  const SellabilityCheck& sellable;
  const storage::MarketRepository& repo;
  const recirc::registry::RegistryPort& registry;
  const inspection::InspectionPort& inspection;
  const identity::IdentityPort& identity;
  const storage::JournalRepository& journal;
  const Clock& clock;
  Random& random;
  const PersonalDataSeal& seal;  // buyers' delivery details (delivery.hpp)
};

class OfferService {
 public:
  explicit OfferService(const MarketContext& c) : c_(c) {}

  // Runs in Create's transaction after the offer row is written (an auction's own row).
  using CreateHook = std::function<Status(storage::Session&, const storage::OfferRecord&)>;
  // An english_auction offer is made through AuctionService::Create, which passes `also`;
  // without it one is refused naming sale_mode.
  Result<storage::OfferRecord> Create(const identity::Principal& actor, const OfferTerms& terms,
                                      const CreateHook& also = {});
  // `seen_version`: the disclosure version the operator looked at; refused when it is not the
  // current one (disclosure_outdated).
  Result<PublishResult> Publish(const identity::Principal& actor, const OfferId& offer_id,
                                std::optional<int64_t> seen_version);
  Result<storage::OfferRecord> Withdraw(const identity::Principal& actor, const OfferId& offer_id,
                                        const std::string& reason);
  // Published, reserved and sold offers are public; drafts, blocked and withdrawn ones only to
  // their organisation. `actor` is null for anonymous callers. The best-offer thresholds are the
  // seller's own terms: Get and OfItem clear them (auto_accept_fen, auto_decline_fen) for anyone
  // outside the offer's organisation, who learns only whether best offers are taken.
  Result<storage::OfferRecord> Get(const identity::Principal* actor, const OfferId& offer_id);
  // The caller's organisation's offers, newest first; `page.after` is the cursor (the last id of
  // the previous page), `page.limit` at most kOperatorPageMax (paging.hpp).
  Result<OfferPage> OfOrganisation(const identity::Principal& actor,
                                   const storage::PageRequest& page);
  Result<std::vector<storage::OfferRecord>> OfItem(const identity::Principal* actor,
                                                   const ItemId& item_id);
  // The public answer to "can I buy this?" (offer_availability.cpp); not found like Get.
  Result<OfferAvailability> Availability(const identity::Principal* actor, const OfferId& offer_id);
  // The organisations and outlets the platform administrator has suspended: the market search
  // leaves their listings out of the matching.
  Result<identity::SuspendedSellers> SuspendedSellers();
  // Of these listings (offer ids), the ones whose seller is among `suspended`: for listings
  // indexed before the index carried their seller, which the search filters after matching.
  Result<std::set<std::string>> SuspendedListings(const std::vector<std::string>& listing_ids,
                                                  const identity::SuspendedSellers& suspended);

 private:
  Status CheckPublishable(storage::Session& s, const storage::OfferRecord& offer,
                          std::optional<int64_t> seen_version, int64_t& disclosure_version,
                          bool& counterfeit);
  const MarketContext& c_;
};

// The statutory warranty minimum (months) for a category: 3 for electrical/electronic checklists
// and cars, else 0.
int64_t MinimumWarrantyMonths(const inspection::Catalogue& catalogue, const std::string& category);
bool IsPublicStatus(OfferStatus status);

// Refuses (rule seller_suspended) an offer whose organisation or outlet the platform
// administrator has suspended; an order placement, a bid, Buy-It-Now and the availability answer
// ask it.
Status CheckSellerActive(const identity::IdentityPort& identity, storage::Session& s,
                         const storage::OfferRecord& offer);

}  // namespace recirc::market
