#pragma once
// SQL for the marketplace: offers, best offers, prohibited-listing blocks, orders and after-sales
// requests. Statuses are the enums of domain/market/statuses.hpp, stored as their table strings;
// kinds travel as strings and the market services give them meaning.

#include <optional>
#include <string>
#include <vector>

#include "domain/market/statuses.hpp"
#include "storage/database.hpp"
#include "storage/market/order_deliveries.hpp"
#include "storage/market/order_photos.hpp"

namespace recirc::storage {

struct OfferRecord {
  std::string id;
  std::string item_id;
  std::string organisation_id;
  market::SaleMode sale_mode = market::SaleMode::kFixedPrice;
  market::Channel channel = market::Channel::kOnline;
  std::optional<std::string> outlet_id;
  std::string title;
  std::string description;
  int64_t price_fen = 0;
  int64_t warranty_months = 0;
  int64_t return_days = 0;
  bool best_offer = false;
  std::optional<int64_t> auto_accept_fen;
  std::optional<int64_t> auto_decline_fen;
  std::string mode_terms;  // JSON object: the sale mode's own terms ({} for fixed price)
  market::OfferStatus status = market::OfferStatus::kDraft;
  std::optional<int64_t> disclosure_version;
  std::string created_by;
  int64_t created_at = 0;
  std::optional<int64_t> published_at;
};

struct BestOfferRecord {
  std::string id;
  std::string offer_id;
  std::string buyer_ref;
  int64_t amount_fen = 0;
  std::optional<int64_t> counter_fen;
  market::BestOfferStatus status = market::BestOfferStatus::kPending;
  int64_t expires_at = 0;
  int64_t created_at = 0;
  std::optional<int64_t> decided_at;
};

// A best offer as its buyer lists it: with the offer's title and price.
struct BuyerBestOfferRecord {
  BestOfferRecord best;
  std::string offer_title;
  int64_t offer_price_fen = 0;
};

struct ListingBlockRecord {
  std::string id;
  std::string offer_id;
  std::string item_id;
  std::string organisation_id;
  std::string region_code;
  std::string rule_id;
  std::string reason;
  market::BlockStatus status = market::BlockStatus::kBlocked;
  std::optional<std::string> appeal;
  std::optional<int64_t> appealed_at;
  std::optional<std::string> decided_by;
  std::optional<std::string> decision_note;
  std::optional<int64_t> decided_at;
  int64_t created_at = 0;
};

struct OrderRecord {
  std::string id;
  std::string offer_id;
  std::string item_id;
  std::string organisation_id;
  std::string buyer_ref;
  int64_t price_fen = 0;
  int64_t disclosure_version = 0;
  int64_t disclosure_accepted_at = 0;
  std::string provider;
  std::optional<std::string> payment_ref;
  market::OrderState state = market::OrderState::kPlaced;
  int64_t paid_fen = 0;
  int64_t refunded_fen = 0;
  std::optional<std::string> dispatch;  // JSON: serials, photos, at
  std::optional<int64_t> received_at;
  int64_t inspection_window_ms = 0;
  int64_t warranty_months = 0;
  int64_t return_days = 0;
  std::string created_by;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct AfterSaleRecord {
  std::string id;
  std::string order_id;
  market::AfterSaleKind kind = market::AfterSaleKind::kReturn;
  market::AfterSaleStatus status = market::AfterSaleStatus::kOpen;
  std::string details;  // JSON
  bool flagged = false;
  int64_t created_at = 0;
  std::optional<int64_t> decided_at;
};

class MarketRepository {
 public:
  Status InsertOffer(Session& s, const OfferRecord& r) const;
  Result<std::optional<OfferRecord>> FindOffer(Session& s, const std::string& id) const;
  // PostgreSQL: SELECT … FOR UPDATE, so concurrent orders for one offer queue on its row.
  // SQLite has one writer, so a plain read inside the write is already serialised.
  Result<std::optional<OfferRecord>> LockOffer(Session& s, const std::string& id) const;
  Status UpdateOfferStatus(Session& s, const std::string& id, market::OfferStatus status,
                           std::optional<int64_t> disclosure_version,
                           std::optional<int64_t> published_at) const;
  Result<std::vector<OfferRecord>> OffersOfItem(Session& s, const std::string& item_id) const;
  // The organisation's offers, newest first: ids below `before` ("" for the first page), at most
  // `limit`.
  Result<std::vector<OfferRecord>> OffersOfOrganisation(Session& s,
                                                        const std::string& organisation_id,
                                                        const std::string& before, int limit) const;

  Status InsertBestOffer(Session& s, const BestOfferRecord& r) const;
  Result<std::optional<BestOfferRecord>> FindBestOffer(Session& s, const std::string& id) const;
  Status UpdateBestOffer(Session& s, const BestOfferRecord& r) const;
  Result<std::vector<BestOfferRecord>> BestOffersOf(Session& s, const std::string& offer_id) const;
  // One buyer's best offers (by buyer_ref), newest first, each with its offer's title and price:
  // ids below `before` ("" for the first page), at most `limit`.
  Result<std::vector<BuyerBestOfferRecord>> BestOffersOfBuyer(Session& s,
                                                              const std::string& buyer_ref,
                                                              const std::string& before,
                                                              int limit) const;

  // Pending or countered best offers whose 48 hours have passed at `now`, oldest first.
  Result<std::vector<BestOfferRecord>> DueBestOffers(Session& s, int64_t now, int limit) const;

  Status InsertBlock(Session& s, const ListingBlockRecord& r) const;
  Result<std::optional<ListingBlockRecord>> FindBlock(Session& s, const std::string& id) const;
  Status UpdateBlock(Session& s, const ListingBlockRecord& r) const;
  Result<std::vector<ListingBlockRecord>> BlocksOfOffer(Session& s,
                                                        const std::string& offer_id) const;
  // Newest first; region prefix "" for all, status optional.
  Result<std::vector<ListingBlockRecord>> ListBlocks(
      Session& s, const std::string& region_prefix,
      const std::optional<market::BlockStatus>& status) const;

  Status InsertOrder(Session& s, const OrderRecord& r) const;
  Result<std::optional<OrderRecord>> FindOrder(Session& s, const std::string& id) const;
  Result<std::optional<OrderRecord>> LockOrder(Session& s, const std::string& id) const;
  Status UpdateOrder(Session& s, const OrderRecord& r) const;
  Result<int64_t> CountLiveOrders(Session& s, const std::string& offer_id) const;
  // The organisation's orders, newest first: ids below `before` ("" for the first page), at most
  // `limit`.
  Result<std::vector<OrderRecord>> OrdersOfOrganisation(Session& s,
                                                        const std::string& organisation_id,
                                                        const std::string& before, int limit) const;

  // Received orders whose inspection and return windows have both ended at `now` and that have
  // no open after-sales case: ids, oldest first.
  Result<std::vector<std::string>> OrdersDueForSettlement(Session& s, int64_t now, int limit) const;
  // Orders still placed (not paid) that were placed at or before `placed_before`: ids, oldest
  // first.
  Result<std::vector<std::string>> UnpaidOrdersPlacedBefore(Session& s, int64_t placed_before,
                                                            int limit) const;
  // Orders placed by one user (a buyer's own), newest first: ids below `before` ("" for the
  // first page), at most `limit`.
  Result<std::vector<OrderRecord>> OrdersOfCreator(Session& s, const std::string& user_id,
                                                   const std::string& before, int limit) const;

  Status InsertAfterSale(Session& s, const AfterSaleRecord& r) const;
  Result<std::optional<AfterSaleRecord>> FindAfterSale(Session& s, const std::string& id) const;
  Status UpdateAfterSale(Session& s, const AfterSaleRecord& r) const;
  Result<std::vector<AfterSaleRecord>> AfterSalesOf(Session& s, const std::string& order_id) const;

  // Order photos (order_photo_repository.cpp). Insert adds a row unless the order already has
  // these bytes at this stage (true if added); the list is oldest first.
  // The order's delivery details (order_delivery_repository.cpp).
  Status InsertDelivery(Session& s, const OrderDeliveryRecord& r) const;
  Result<std::optional<OrderDeliveryRecord>> FindDelivery(Session& s,
                                                          const std::string& order_id) const;
  // Orders whose delivery details, placed before `before`, are not yet erased; oldest first.
  Result<std::vector<std::string>> DeliveriesPlacedBefore(Session& s, int64_t before,
                                                          int64_t limit) const;
  Status EraseDelivery(Session& s, const std::string& order_id, int64_t at) const;
  // Key rotation: deliveries after `after_order_id` (order id order) with a field not sealed under
  // `key_prefix` ("v1:<key id>:"); the swap is compare-and-swap on the old ciphertexts (false:
  // changed meanwhile, picked up by the next pass).
  Result<std::vector<OrderDeliveryRecord>> DeliveriesNotUnder(Session& s,
                                                              const std::string& key_prefix,
                                                              const std::string& after_order_id,
                                                              int64_t limit) const;
  Result<bool> SwapDeliveryCiphertexts(Session& s, const OrderDeliveryRecord& old,
                                       const OrderDeliveryRecord& fresh) const;
  Result<int64_t> CountDeliveriesNotUnder(Session& s, const std::string& key_prefix) const;

  Result<bool> InsertOrderPhoto(Session& s, const OrderPhotoRecord& r) const;
  Result<std::vector<OrderPhotoRecord>> OrderPhotos(Session& s, const std::string& order_id) const;
  Result<std::optional<OrderPhotoRecord>> FindOrderPhoto(Session& s, const std::string& order_id,
                                                         const std::string& stage,
                                                         const std::string& sha256) const;
  // The after-sales cases of an organisation's orders, newest first, at most 200; `status`
  // absent for every status.
  Result<std::vector<AfterSaleRecord>> AfterSalesOfOrganisation(
      Session& s, const std::string& organisation_id,
      const std::optional<market::AfterSaleStatus>& status) const;
};

}  // namespace recirc::storage
