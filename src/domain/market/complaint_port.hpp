#pragma once
// ComplaintPort: what the complaints context may ask of the market (docs/complaints.md): the
// facts of an order or an offer a complaint names, and a listing block by market supervision's
// decision. Complaints holds this interface, never the market repository; src/app/ wires
// ComplaintPortImpl.
//
// Contract (as RegistryPort's): every call runs inside the caller's transaction, on the Session
// the caller passes, and neither opens a transaction nor keeps the Session.

#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/market/statuses.hpp"
#include "storage/database.hpp"

namespace recirc::market {

struct MarketContext;

struct OrderFacts {
  std::string id;
  std::string offer_id;
  std::string organisation_id;  // the selling operator
  // The buyer account that placed it; nullopt for an order staff placed for a walk-in buyer.
  std::optional<std::string> buyer_user_id;
  OrderState state = OrderState::kPlaced;
};

struct OfferFacts {
  std::string id;
  std::string organisation_id;
  std::string title;
  OfferStatus status = OfferStatus::kDraft;
};

class ComplaintPort {
 public:
  virtual ~ComplaintPort() = default;
  virtual Result<std::optional<OrderFacts>> FindOrder(storage::Session& s,
                                                      const std::string& order_id) const = 0;
  virtual Result<std::optional<OfferFacts>> FindOffer(storage::Session& s,
                                                      const std::string& offer_id) const = 0;
  // Blocks the offer by market supervision's decision on a complaint: a listing block (rule
  // "complaint", the reason given) that the operator may appeal and supervision lift like any
  // other (listing_blocks.hpp). A published or draft offer becomes blocked; a sold or withdrawn
  // one keeps its status and the block is on record. Appends listing.blocked. Returns the block
  // id; NotFound when there is no such offer.
  virtual Result<std::string> BlockListing(storage::Session& s, const std::string& offer_id,
                                           const std::string& reason,
                                           const std::string& actor_user_id) const = 0;
};

class ComplaintPortImpl final : public ComplaintPort {
 public:
  explicit ComplaintPortImpl(const MarketContext& c) : c_(c) {}
  Result<std::optional<OrderFacts>> FindOrder(storage::Session& s,
                                              const std::string& order_id) const override;
  Result<std::optional<OfferFacts>> FindOffer(storage::Session& s,
                                              const std::string& offer_id) const override;
  Result<std::string> BlockListing(storage::Session& s, const std::string& offer_id,
                                   const std::string& reason,
                                   const std::string& actor_user_id) const override;

 private:
  const MarketContext& c_;
};

}  // namespace recirc::market
