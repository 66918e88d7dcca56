#include "storage/market/market_repository.hpp"

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

Value OptionalInt(const std::optional<int64_t>& v) {
  if (v) return *v;
  return nullptr;
}

constexpr std::string_view kOfferColumns =
    "SELECT id, item_id, organisation_id, sale_mode, channel, outlet_id, title, description, "
    "price_fen, warranty_months, return_days, best_offer, auto_accept_fen, auto_decline_fen, "
    "mode_terms, status, disclosure_version, created_by, created_at, published_at FROM offers ";
constexpr std::string_view kInsertOffer =
    "INSERT INTO offers (id, item_id, organisation_id, sale_mode, channel, outlet_id, title, "
    "description, price_fen, warranty_months, return_days, best_offer, auto_accept_fen, "
    "auto_decline_fen, mode_terms, status, disclosure_version, created_by, created_at, "
    "published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
    "$17, $18, $19, $20)";
constexpr std::string_view kBestColumns =
    "SELECT id, offer_id, buyer_ref, amount_fen, counter_fen, status, expires_at, created_at, "
    "decided_at FROM best_offers ";
constexpr std::string_view kBlockColumns =
    "SELECT id, offer_id, item_id, organisation_id, region_code, rule_id, reason, status, appeal, "
    "appealed_at, decided_by, decision_note, decided_at, created_at FROM listing_blocks ";
constexpr std::string_view kOrderColumns =
    "SELECT id, offer_id, item_id, organisation_id, buyer_ref, price_fen, disclosure_version, "
    "disclosure_accepted_at, provider, payment_ref, state, paid_fen, refunded_fen, dispatch, "
    "received_at, inspection_window_ms, warranty_months, return_days, created_by, created_at, "
    "updated_at FROM orders ";
constexpr std::string_view kAfterSaleColumns =
    "SELECT id, order_id, kind, status, details, flagged, created_at, decided_at FROM after_sales ";

OfferRecord ToOffer(const Row& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          ParseStored<market::SaleMode>(r.Text(3), "offers.sale_mode"),
          ParseStored<market::Channel>(r.Text(4), "offers.channel"),
          r.OptText(5),
          r.Text(6),
          r.Text(7),
          r.Int(8),
          r.Int(9),
          r.Int(10),
          r.Int(11) != 0,
          r.OptInt(12),
          r.OptInt(13),
          r.Text(14),
          ParseStored<market::OfferStatus>(r.Text(15), "offers.status"),
          r.OptInt(16),
          r.Text(17),
          r.Int(18),
          r.OptInt(19)};
}
BestOfferRecord ToBest(const Row& r) {
  return {
      r.Text(0), r.Text(1),   r.Text(2),
      r.Int(3),  r.OptInt(4), ParseStored<market::BestOfferStatus>(r.Text(5), "best_offers.status"),
      r.Int(6),  r.Int(7),    r.OptInt(8)};
}
ListingBlockRecord ToBlock(const Row& r) {
  return {r.Text(0),     r.Text(1),
          r.Text(2),     r.Text(3),
          r.Text(4),     r.Text(5),
          r.Text(6),     ParseStored<market::BlockStatus>(r.Text(7), "listing_blocks.status"),
          r.OptText(8),  r.OptInt(9),
          r.OptText(10), r.OptText(11),
          r.OptInt(12),  r.Int(13)};
}
OrderRecord ToOrder(const Row& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          r.Text(3),
          r.Text(4),
          r.Int(5),
          r.Int(6),
          r.Int(7),
          r.Text(8),
          r.OptText(9),
          ParseStored<market::OrderState>(r.Text(10), "orders.state"),
          r.Int(11),
          r.Int(12),
          r.OptText(13),
          r.OptInt(14),
          r.Int(15),
          r.Int(16),
          r.Int(17),
          r.Text(18),
          r.Int(19),
          r.Int(20)};
}
AfterSaleRecord ToAfterSale(const Row& r) {
  return {r.Text(0),
          r.Text(1),
          ParseStored<market::AfterSaleKind>(r.Text(2), "after_sales.kind"),
          ParseStored<market::AfterSaleStatus>(r.Text(3), "after_sales.status"),
          r.Text(4),
          r.Int(5) != 0,
          r.Int(6),
          r.OptInt(7)};
}

}  // namespace

Status MarketRepository::InsertOffer(Session& s, const OfferRecord& r) const {
  return Done(s.Execute(kInsertOffer, {r.id,
                                       r.item_id,
                                       r.organisation_id,
                                       ToString(r.sale_mode),
                                       ToString(r.channel),
                                       OptionalText(r.outlet_id),
                                       r.title,
                                       r.description,
                                       r.price_fen,
                                       r.warranty_months,
                                       r.return_days,
                                       int64_t{r.best_offer ? 1 : 0},
                                       OptionalInt(r.auto_accept_fen),
                                       OptionalInt(r.auto_decline_fen),
                                       r.mode_terms,
                                       ToString(r.status),
                                       OptionalInt(r.disclosure_version),
                                       r.created_by,
                                       r.created_at,
                                       OptionalInt(r.published_at)}));
}

Result<std::optional<OfferRecord>> MarketRepository::FindOffer(Session& s,
                                                               const std::string& id) const {
  return MapOptional<OfferRecord>(
      s.QueryOptional(std::string(kOfferColumns) + "WHERE id = $1", {id}), ToOffer);
}

Result<std::optional<OfferRecord>> MarketRepository::LockOffer(Session& s,
                                                               const std::string& id) const {
  const std::string lock = s.dialect() == Dialect::kPostgres ? " FOR UPDATE" : "";
  return MapOptional<OfferRecord>(
      s.QueryOptional(std::string(kOfferColumns) + "WHERE id = $1" + lock, {id}), ToOffer);
}

Status MarketRepository::UpdateOfferStatus(Session& s, const std::string& id,
                                           market::OfferStatus status,
                                           std::optional<int64_t> disclosure_version,
                                           std::optional<int64_t> published_at) const {
  return Done(s.Execute(
      "UPDATE offers SET status = $2, disclosure_version = COALESCE($3, disclosure_version), "
      "published_at = COALESCE($4, published_at) WHERE id = $1",
      {id, ToString(status), OptionalInt(disclosure_version), OptionalInt(published_at)}));
}

Result<std::vector<OfferRecord>> MarketRepository::OffersOfItem(Session& s,
                                                                const std::string& item_id) const {
  return MapRows<OfferRecord>(
      s.Query(std::string(kOfferColumns) + "WHERE item_id = $1 ORDER BY id", {item_id}), ToOffer);
}

Result<std::vector<OfferRecord>> MarketRepository::OffersOfOrganisation(
    Session& s, const std::string& organisation_id, const std::string& before, int limit) const {
  return MapRows<OfferRecord>(
      s.Query(std::string(kOfferColumns) +
                  "WHERE organisation_id = $1 AND ($2 = '' OR id < $2) ORDER BY id DESC LIMIT $3",
              {organisation_id, before, int64_t{limit}}),
      ToOffer);
}

Status MarketRepository::InsertBestOffer(Session& s, const BestOfferRecord& r) const {
  return Done(s.Execute(
      "INSERT INTO best_offers (id, offer_id, buyer_ref, amount_fen, counter_fen, status, "
      "expires_at, created_at, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {r.id, r.offer_id, r.buyer_ref, r.amount_fen, OptionalInt(r.counter_fen), ToString(r.status),
       r.expires_at, r.created_at, OptionalInt(r.decided_at)}));
}

Result<std::optional<BestOfferRecord>> MarketRepository::FindBestOffer(
    Session& s, const std::string& id) const {
  return MapOptional<BestOfferRecord>(
      s.QueryOptional(std::string(kBestColumns) + "WHERE id = $1", {id}), ToBest);
}

Status MarketRepository::UpdateBestOffer(Session& s, const BestOfferRecord& r) const {
  return Done(s.Execute(
      "UPDATE best_offers SET counter_fen = $2, status = $3, expires_at = $4, decided_at = $5 "
      "WHERE id = $1",
      {r.id, OptionalInt(r.counter_fen), ToString(r.status), r.expires_at,
       OptionalInt(r.decided_at)}));
}

Result<std::vector<BestOfferRecord>> MarketRepository::BestOffersOf(
    Session& s, const std::string& offer_id) const {
  return MapRows<BestOfferRecord>(
      s.Query(std::string(kBestColumns) + "WHERE offer_id = $1 ORDER BY id", {offer_id}), ToBest);
}

Result<std::vector<BuyerBestOfferRecord>> MarketRepository::BestOffersOfBuyer(
    Session& s, const std::string& buyer_ref, const std::string& before, int limit) const {
  return MapRows<BuyerBestOfferRecord>(
      s.Query("SELECT b.id, b.offer_id, b.buyer_ref, b.amount_fen, b.counter_fen, b.status, "
              "b.expires_at, b.created_at, b.decided_at, o.title, o.price_fen "
              "FROM best_offers b JOIN offers o ON o.id = b.offer_id "
              "WHERE b.buyer_ref = $1 AND ($2 = '' OR b.id < $2) ORDER BY b.id DESC LIMIT $3",
              {buyer_ref, before, int64_t{limit}}),
      [](const Row& r) {
        return BuyerBestOfferRecord{ToBest(r), r.Text(9), r.Int(10)};
      });
}

Result<std::vector<BestOfferRecord>> MarketRepository::DueBestOffers(Session& s, int64_t now,
                                                                     int limit) const {
  return MapRows<BestOfferRecord>(
      s.Query(std::string(kBestColumns) +
                  "WHERE status IN ('pending', 'countered') AND expires_at <= $1 "
                  "ORDER BY expires_at, id LIMIT $2",
              {now, int64_t{limit}}),
      ToBest);
}

Status MarketRepository::InsertBlock(Session& s, const ListingBlockRecord& r) const {
  return Done(s.Execute(
      "INSERT INTO listing_blocks (id, offer_id, item_id, organisation_id, region_code, rule_id, "
      "reason, status, appeal, appealed_at, decided_by, decision_note, decided_at, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
      {r.id, r.offer_id, r.item_id, r.organisation_id, r.region_code, r.rule_id, r.reason,
       ToString(r.status), OptionalText(r.appeal), OptionalInt(r.appealed_at),
       OptionalText(r.decided_by), OptionalText(r.decision_note), OptionalInt(r.decided_at),
       r.created_at}));
}

Result<std::optional<ListingBlockRecord>> MarketRepository::FindBlock(Session& s,
                                                                      const std::string& id) const {
  return MapOptional<ListingBlockRecord>(
      s.QueryOptional(std::string(kBlockColumns) + "WHERE id = $1", {id}), ToBlock);
}

Status MarketRepository::UpdateBlock(Session& s, const ListingBlockRecord& r) const {
  return Done(s.Execute(
      "UPDATE listing_blocks SET status = $2, appeal = $3, appealed_at = $4, decided_by = $5, "
      "decision_note = $6, decided_at = $7 WHERE id = $1",
      {r.id, ToString(r.status), OptionalText(r.appeal), OptionalInt(r.appealed_at),
       OptionalText(r.decided_by), OptionalText(r.decision_note), OptionalInt(r.decided_at)}));
}

Result<std::vector<ListingBlockRecord>> MarketRepository::BlocksOfOffer(
    Session& s, const std::string& offer_id) const {
  return MapRows<ListingBlockRecord>(
      s.Query(std::string(kBlockColumns) + "WHERE offer_id = $1 ORDER BY id", {offer_id}), ToBlock);
}

Result<std::vector<ListingBlockRecord>> MarketRepository::ListBlocks(
    Session& s, const std::string& region_prefix,
    const std::optional<market::BlockStatus>& status) const {
  const std::string like = region_prefix + "%";
  if (status) {
    return MapRows<ListingBlockRecord>(
        s.Query(std::string(kBlockColumns) +
                    "WHERE region_code LIKE $1 AND status = $2 ORDER BY id DESC LIMIT 500",
                {like, ToString(*status)}),
        ToBlock);
  }
  return MapRows<ListingBlockRecord>(
      s.Query(std::string(kBlockColumns) + "WHERE region_code LIKE $1 ORDER BY id DESC LIMIT 500",
              {like}),
      ToBlock);
}

Status MarketRepository::InsertOrder(Session& s, const OrderRecord& r) const {
  return Done(s.Execute(
      "INSERT INTO orders (id, offer_id, item_id, organisation_id, buyer_ref, price_fen, "
      "disclosure_version, disclosure_accepted_at, provider, payment_ref, state, paid_fen, "
      "refunded_fen, dispatch, received_at, inspection_window_ms, warranty_months, return_days, "
      "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
      "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21)",
      {r.id,
       r.offer_id,
       r.item_id,
       r.organisation_id,
       r.buyer_ref,
       r.price_fen,
       r.disclosure_version,
       r.disclosure_accepted_at,
       r.provider,
       OptionalText(r.payment_ref),
       ToString(r.state),
       r.paid_fen,
       r.refunded_fen,
       OptionalText(r.dispatch),
       OptionalInt(r.received_at),
       r.inspection_window_ms,
       r.warranty_months,
       r.return_days,
       r.created_by,
       r.created_at,
       r.updated_at}));
}

Result<std::optional<OrderRecord>> MarketRepository::FindOrder(Session& s,
                                                               const std::string& id) const {
  return MapOptional<OrderRecord>(
      s.QueryOptional(std::string(kOrderColumns) + "WHERE id = $1", {id}), ToOrder);
}

Result<std::optional<OrderRecord>> MarketRepository::LockOrder(Session& s,
                                                               const std::string& id) const {
  const std::string lock = s.dialect() == Dialect::kPostgres ? " FOR UPDATE" : "";
  return MapOptional<OrderRecord>(
      s.QueryOptional(std::string(kOrderColumns) + "WHERE id = $1" + lock, {id}), ToOrder);
}

Status MarketRepository::UpdateOrder(Session& s, const OrderRecord& r) const {
  return Done(
      s.Execute("UPDATE orders SET payment_ref = $2, state = $3, paid_fen = $4, refunded_fen = $5, "
                "dispatch = $6, received_at = $7, updated_at = $8 WHERE id = $1",
                {r.id, OptionalText(r.payment_ref), ToString(r.state), r.paid_fen, r.refunded_fen,
                 OptionalText(r.dispatch), OptionalInt(r.received_at), r.updated_at}));
}

Result<int64_t> MarketRepository::CountLiveOrders(Session& s, const std::string& offer_id) const {
  return FirstInt(s.QueryOne(
      "SELECT COUNT(*) FROM orders WHERE offer_id = $1 AND state NOT IN ('cancelled', 'refunded')",
      {offer_id}, "order count"));
}

Result<std::vector<OrderRecord>> MarketRepository::OrdersOfOrganisation(
    Session& s, const std::string& organisation_id, const std::string& before, int limit) const {
  return MapRows<OrderRecord>(
      s.Query(std::string(kOrderColumns) +
                  "WHERE organisation_id = $1 AND ($2 = '' OR id < $2) ORDER BY id DESC LIMIT $3",
              {organisation_id, before, int64_t{limit}}),
      ToOrder);
}

Result<std::vector<OrderRecord>> MarketRepository::OrdersOfCreator(Session& s,
                                                                   const std::string& user_id,
                                                                   const std::string& before,
                                                                   int limit) const {
  return MapRows<OrderRecord>(
      s.Query(std::string(kOrderColumns) +
                  "WHERE created_by = $1 AND ($2 = '' OR id < $2) ORDER BY id DESC LIMIT $3",
              {user_id, before, int64_t{limit}}),
      ToOrder);
}

Result<std::vector<std::string>> MarketRepository::OrdersDueForSettlement(Session& s, int64_t now,
                                                                          int limit) const {
  // Both windows over (the later of the two), and no after-sales case still open.
  RECIRC_TRY(Rows rows, s.Query("SELECT o.id FROM orders o WHERE o.state = 'received' "
                                "AND o.received_at + o.inspection_window_ms <= $1 "
                                "AND o.received_at + o.return_days * 86400000 <= $1 "
                                "AND NOT EXISTS (SELECT 1 FROM after_sales a "
                                "WHERE a.order_id = o.id AND a.status = 'open') "
                                "ORDER BY o.id LIMIT $2",
                                {now, int64_t{limit}}));
  std::vector<std::string> ids;
  for (const Row& r : rows) ids.push_back(r.Text(0));
  return ids;
}

Result<std::vector<std::string>> MarketRepository::UnpaidOrdersPlacedBefore(Session& s,
                                                                            int64_t placed_before,
                                                                            int limit) const {
  RECIRC_TRY(Rows rows, s.Query("SELECT id FROM orders WHERE state = 'placed' AND created_at <= $1 "
                                "ORDER BY created_at, id LIMIT $2",
                                {placed_before, int64_t{limit}}));
  std::vector<std::string> ids;
  for (const Row& r : rows) ids.push_back(r.Text(0));
  return ids;
}

Status MarketRepository::InsertAfterSale(Session& s, const AfterSaleRecord& r) const {
  return Done(s.Execute(
      "INSERT INTO after_sales (id, order_id, kind, status, details, flagged, created_at, "
      "decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {r.id, r.order_id, ToString(r.kind), ToString(r.status), r.details,
       int64_t{r.flagged ? 1 : 0}, r.created_at, OptionalInt(r.decided_at)}));
}

Result<std::optional<AfterSaleRecord>> MarketRepository::FindAfterSale(
    Session& s, const std::string& id) const {
  return MapOptional<AfterSaleRecord>(
      s.QueryOptional(std::string(kAfterSaleColumns) + "WHERE id = $1", {id}), ToAfterSale);
}

Status MarketRepository::UpdateAfterSale(Session& s, const AfterSaleRecord& r) const {
  return Done(
      s.Execute("UPDATE after_sales SET status = $2, details = $3, decided_at = $4 WHERE id = $1",
                {r.id, ToString(r.status), r.details, OptionalInt(r.decided_at)}));
}

Result<std::vector<AfterSaleRecord>> MarketRepository::AfterSalesOf(
    Session& s, const std::string& order_id) const {
  return MapRows<AfterSaleRecord>(
      s.Query(std::string(kAfterSaleColumns) + "WHERE order_id = $1 ORDER BY id", {order_id}),
      ToAfterSale);
}

Result<std::vector<AfterSaleRecord>> MarketRepository::AfterSalesOfOrganisation(
    Session& s, const std::string& organisation_id,
    const std::optional<market::AfterSaleStatus>& status) const {
  const std::string sql =
      "SELECT a.id, a.order_id, a.kind, a.status, a.details, a.flagged, a.created_at, "
      "a.decided_at FROM after_sales a JOIN orders o ON o.id = a.order_id "
      "WHERE o.organisation_id = $1 ";
  if (!status) {
    return MapRows<AfterSaleRecord>(
        s.Query(sql + "ORDER BY a.id DESC LIMIT 200", {organisation_id}), ToAfterSale);
  }
  return MapRows<AfterSaleRecord>(s.Query(sql + "AND a.status = $2 ORDER BY a.id DESC LIMIT 200",
                                          {organisation_id, ToString(*status)}),
                                  ToAfterSale);
}

}  // namespace recirc::storage
