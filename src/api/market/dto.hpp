#pragma once
// The market context on the wire: offers, orders, listing blocks, best offers and the shared
// list/page shapes, described once and mapped with value_from / jsonmap::Read
// (http/describe_json.hpp). Auctions, after-sales, the inventory and search have their own
// headers beside this one (auction_dto.hpp, after_sales_dto.hpp, inventory_dto.hpp,
// search_dto.hpp).

#include <boost/describe/class.hpp>

#include "domain/market/after_sales.hpp"
#include "domain/market/auction_engine.hpp"
#include "domain/market/offer_service.hpp"
#include "domain/market/order_service.hpp"
#include "domain/market/prohibited.hpp"
#include "http/describe_json.hpp"
#include "storage/market/market_repository.hpp"
#include "storage/market/order_photos.hpp"

namespace recirc::api::dto {

using jsonmap::Omitted;
using jsonmap::tag_invoke;
using jsonmap::Time;
using FieldSchema = std::pair<std::string_view, std::string_view>;

// The item photos of a public offer.
struct OfferPhoto {
  static constexpr FieldSchema kFieldSchemas[] = {
      {"content_type", R"js({"enum": ["image/jpeg", "image/png", "image/webp"]})js"}};
  std::string sha256;
  std::string content_type;
};
BOOST_DESCRIBE_STRUCT(OfferPhoto, (), (sha256, content_type))

struct OfferPhotoList {
  std::vector<OfferPhoto> items;
};
BOOST_DESCRIBE_STRUCT(OfferPhotoList, (), (items))

// Whether an offer can be bought now (public).
struct Availability {
  static constexpr FieldSchema kFieldSchemas[] = {
      {"rule",
       R"js({"description": "offer_reserved, offer_sold, item_held, sanitization_required; null when buyable"})js"}};
  std::string offer_id;
  std::string status;
  bool buyable = false;
  std::optional<std::string> rule;  // null when buyable
  std::optional<std::string> reason;
  // The reason's message id and params (docs/web.md "Server errors and message ids").
  std::optional<std::string> reason_id;
  std::map<std::string, std::string> reason_params;
};
BOOST_DESCRIBE_STRUCT(Availability, (),
                      (offer_id, status, buyable, rule, reason, reason_id, reason_params))

// The best-offer thresholds are the seller's own terms: only its organisation reads them; the
// public (and buyers) see whether best offers are taken, never the amounts (null).
struct BestOfferTerms {
  bool enabled = false;
  std::optional<int64_t> auto_accept_fen;
  std::optional<int64_t> auto_decline_fen;
};
BOOST_DESCRIBE_STRUCT(BestOfferTerms, (), (enabled, auto_accept_fen, auto_decline_fen))

struct Offer {
  static constexpr std::string_view kSchemaName = "Offer";
  static constexpr std::string_view kListSchemaName = "OfferList";
  static constexpr std::string_view kPageSchemaName = "OfferPage";
  static constexpr std::string_view kDescription =
      "An offer. Modes other than fixed_price keep their own terms in mode_terms (an auction's, "
      "a rental's: docs/rental.md; price_fen is then the day price). Prices are integer fen.";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"sale_mode", R"js({"enum": ["fixed_price", "english_auction", "rental"]})js"},
      {"channel", R"js({"enum": ["online", "outlet", "flea_market"]})js"},
      {"auction", R"js({"description": "required for sale_mode english_auction"})js"},
      {"mode_terms", R"js({"type": "object"})js"},
      {"status",
       R"js({"enum": ["draft", "published", "blocked", "reserved", "sold", "withdrawn"]})js"}};
  std::string id;
  std::string item_id;
  std::string organisation_id;
  std::string sale_mode;
  std::string channel;
  std::optional<std::string> outlet_id;
  std::string title;
  std::string description;
  int64_t price_fen = 0;
  int64_t warranty_months = 0;
  int64_t return_days = 0;
  BestOfferTerms best_offer;
  boost::json::value mode_terms;
  std::string status;
  std::optional<int64_t> disclosure_version;
  Time created_at;
  std::optional<Time> published_at;
  // GET /offers/{id} of a public offer only: the selling shop's name and outlet (business names).
  Omitted<std::string> seller_name;
  Omitted<std::string> outlet_name;
  // The thresholds as the service gave them (OfferService clears them for outsiders).
  static Offer From(const storage::OfferRecord& o);
};
BOOST_DESCRIBE_STRUCT(Offer, (),
                      (id, item_id, organisation_id, sale_mode, channel, outlet_id, title,
                       description, price_fen, warranty_months, return_days, best_offer, mode_terms,
                       status, disclosure_version, created_at, published_at, seller_name,
                       outlet_name))

struct ListingBlock {
  static constexpr std::string_view kSchemaName = "ListingBlock";
  static constexpr std::string_view kListSchemaName = "ListingBlockList";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"status", R"js({"enum": ["blocked", "appealed", "upheld", "lifted"]})js"}};
  std::string id;
  std::string offer_id;
  std::string item_id;
  std::string organisation_id;
  std::string region_code;
  std::string rule;
  std::string reason;
  std::string status;
  std::optional<std::string> appeal;
  std::optional<Time> appealed_at;
  std::optional<std::string> decision_note;
  std::optional<Time> decided_at;
  Time created_at;
  static ListingBlock From(const storage::ListingBlockRecord& b);
};
BOOST_DESCRIBE_STRUCT(ListingBlock, (),
                      (id, offer_id, item_id, organisation_id, region_code, rule, reason, status,
                       appeal, appealed_at, decision_note, decided_at, created_at))

// Delivery to an address or pick-up at the outlet (personal data: shown to the selling shop and
// the buyer only, on GET /orders/{id}; erased after the retention period).
struct Delivery {
  static constexpr std::string_view kSchemaName = "Delivery";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"mode", R"js({"enum": ["delivery", "pickup"]})js"},
      {"phone", R"js({"description": "11-digit mainland mobile number"})js"},
      {"region_code", R"js({"description": "6-digit region code of the address (GB/T 2260)"})js"},
      {"erased",
       R"js({"description": "true once the retention job erased the personal fields"})js"}};
  std::string mode;
  std::optional<std::string> recipient;
  std::optional<std::string> phone;
  std::optional<std::string> address;
  std::optional<std::string> region_code;
  bool erased = false;
  static Delivery From(const market::DeliveryDetails& d) {
    return {d.mode, d.recipient, d.phone, d.address, d.region_code, d.erased};
  }
};
BOOST_DESCRIBE_STRUCT(Delivery, (), (mode, recipient, phone, address, region_code, erased))

// The buyer's choice at checkout: delivery needs recipient, phone and address with region_code.
struct DeliveryChoice {
  static constexpr std::string_view kSchemaName = "DeliveryChoice";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"mode", R"js({"enum": ["delivery", "pickup"]})js"},
      {"phone", R"js({"description": "11-digit mainland mobile number"})js"},
      {"region_code", R"js({"description": "6-digit region code of the address (GB/T 2260)"})js"}};
  std::string mode;
  std::optional<std::string> recipient;
  std::optional<std::string> phone;
  std::optional<std::string> address;
  std::optional<std::string> region_code;
  market::DeliveryInput ToDomain() const { return {mode, recipient, phone, address, region_code}; }
};
BOOST_DESCRIBE_STRUCT(DeliveryChoice, (), (mode, recipient, phone, address, region_code))

struct Order {
  static constexpr std::string_view kSchemaName = "Order";
  static constexpr std::string_view kPageSchemaName = "OrderPage";
  static constexpr std::string_view kDescription =
      "placed → paid (held) → dispatched → received → settled; cancelled, refunded, "
      "return_requested";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"buyer_ref",
       R"js({"description": "the counter's reference; null for a buyer account's own order"})js"},
      {"buyer_user_id",
       R"js({"description": "the buyer account that placed the order; null for counter orders"})js"},
      {"provider", R"js({"enum": ["cash_at_outlet", "simulated"]})js"},
      {"state",
       R"js({"enum": ["placed", "paid", "dispatched", "received", "settled", "cancelled", "refunded", "return_requested"]})js"},
      {"dispatch", R"js({"type": ["object", "null"]})js"}};
  std::string id;
  std::string offer_id;
  std::string item_id;
  std::string organisation_id;
  std::optional<std::string> buyer_ref;
  std::optional<std::string> buyer_user_id;
  int64_t price_fen = 0;
  int64_t disclosure_version = 0;
  Time disclosure_accepted_at;
  std::string provider;
  bool simulated = false;
  std::optional<std::string> payment_ref;
  std::string state;
  int64_t paid_fen = 0;
  int64_t refunded_fen = 0;
  std::optional<boost::json::value> dispatch;
  std::optional<Time> received_at;
  int64_t warranty_months = 0;
  int64_t return_days = 0;
  Time created_at;
  std::optional<Delivery> delivery;  // GET /orders/{id} only
  // GET /orders/mine only: what the buyer bought (the offer's title, seller and first photo).
  Omitted<std::string> title;
  Omitted<std::string> seller_name;
  Omitted<std::string> photo;
  static Order From(const storage::OrderRecord& o);
};
BOOST_DESCRIBE_STRUCT(Order, (),
                      (id, offer_id, item_id, organisation_id, buyer_ref, buyer_user_id, price_fen,
                       disclosure_version, disclosure_accepted_at, provider, simulated, payment_ref,
                       state, paid_fen, refunded_fen, dispatch, received_at, warranty_months,
                       return_days, created_at, delivery, title, seller_name, photo))

// Requests of the order and listing-block routes (inline schemas; constraints as documented).
struct AppealBlock {
  static constexpr bool kRequest = true;
  std::string statement;
};
BOOST_DESCRIBE_STRUCT(AppealBlock, (), (statement))

struct DecideBlock {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"decision", R"js({"enum": ["uphold", "lift"]})js"}};
  std::string decision;
  std::string note;
};
BOOST_DESCRIBE_STRUCT(DecideBlock, (), (decision, note))

struct PlaceOrder {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"buyer_ref",
       R"js({"description": "staff at the counter: the buyer's reference (required); a buyer account gives none (refused, field buyer_ref): the order is the account's"})js"},
      {"provider",
       R"js({"enum": ["cash_at_outlet", "cash", "simulated"], "description": "cash is another name for cash_at_outlet (not for online offers); simulated moves no money"})js"}};
  std::string offer_id;
  std::optional<std::string> buyer_ref;
  std::string provider;
  int64_t accepted_disclosure_version = 0;
  std::optional<std::string> best_offer_id;
  std::optional<DeliveryChoice> delivery;  // none: pick-up at the outlet
};
BOOST_DESCRIBE_STRUCT(PlaceOrder, (),
                      (offer_id, buyer_ref, provider, accepted_disclosure_version, best_offer_id,
                       delivery))

struct PayOrder {
  static constexpr bool kRequest = true;
  int64_t amount_fen = 0;
  std::optional<std::string> receipt_number;
};
BOOST_DESCRIBE_STRUCT(PayOrder, (), (amount_fen, receipt_number))

struct DispatchOrder {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"method", R"js({"enum": ["handover", "shipping"]})js"}};
  std::string method;
  std::vector<std::string> serials;
  std::vector<std::string> photos;
  std::optional<std::string> tracking;
  market::DispatchInput ToDomain() const { return {method, serials, photos, tracking}; }
};
BOOST_DESCRIBE_STRUCT(DispatchOrder, (), (method, serials, photos, tracking))

struct RequestReturn {
  static constexpr bool kRequest = true;
  std::vector<std::string> serials;
  Omitted<std::vector<std::string>> photos;
  std::string reason;
  market::ReturnInput ToDomain() const {
    return {serials, photos.value_or(std::vector<std::string>{}), reason};
  }
};
BOOST_DESCRIBE_STRUCT(RequestReturn, (), (serials, photos, reason))

struct ReceiveOrder {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"condition", R"js({"enum": ["as_described", "not_as_described"]})js"}};
  std::string condition;
};
BOOST_DESCRIBE_STRUCT(ReceiveOrder, (), (condition))

struct SettleOrder {
  static constexpr bool kRequest = true;
  int64_t amount_fen = 0;
};
BOOST_DESCRIBE_STRUCT(SettleOrder, (), (amount_fen))

struct CancelOrder {
  static constexpr bool kRequest = true;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(CancelOrder, (), (reason))

struct RefundOrder {
  static constexpr bool kRequest = true;
  int64_t amount_fen = 0;
};
BOOST_DESCRIBE_STRUCT(RefundOrder, (), (amount_fen))

struct AcceptReturn {
  static constexpr bool kRequest = true;
  int64_t refund_fen = 0;
  bool override_flag = false;
};
BOOST_DESCRIBE_STRUCT(AcceptReturn, (), (refund_fen, override_flag))

struct ClaimWarranty {
  static constexpr bool kRequest = true;
  std::string fault;
};
BOOST_DESCRIBE_STRUCT(ClaimWarranty, (), (fault))

struct OpenDispute {
  static constexpr bool kRequest = true;
  std::string report_id;
  std::string claim;
};
BOOST_DESCRIBE_STRUCT(OpenDispute, (), (report_id, claim))

struct SettleDispute {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"outcome", R"js({"enum": ["refund", "uphold_sale"]})js"}};
  std::string reinspection_report_id;
  std::string outcome;
};
BOOST_DESCRIBE_STRUCT(SettleDispute, (), (reinspection_report_id, outcome))

// Offer creation and publication.
struct NewBestOfferTerms {
  static constexpr bool kRequest = true;
  bool enabled = false;
  std::optional<int64_t> auto_accept_fen;
  std::optional<int64_t> auto_decline_fen;
};
BOOST_DESCRIBE_STRUCT(NewBestOfferTerms, (), (enabled, auto_accept_fen, auto_decline_fen))

// An english_auction offer's own terms (price_fen is the start price).
struct NewAuctionTerms {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"reserve_fen", R"js({"description": "hidden from bidders; they see reserve_met"})js"},
      {"buy_it_now_fen", R"js({"description": "available until the first bid"})js"},
      {"soft_close_minutes",
       R"js({"description": "a bid this close to the end moves the end extension_minutes later"})js"}};
  std::optional<int64_t> reserve_fen;
  std::optional<int64_t> buy_it_now_fen;
  Time ends_at;
  std::optional<int64_t> soft_close_minutes;  // none: no soft close
  std::optional<int64_t> extension_minutes;
  Omitted<Time> hard_stop;
  Result<market::auction::AuctionTerms> ToDomain(int64_t start_fen) const;
};
BOOST_DESCRIBE_STRUCT(NewAuctionTerms, (),
                      (reserve_fen, buy_it_now_fen, ends_at, soft_close_minutes, extension_minutes,
                       hard_stop))

struct NewOffer {
  static constexpr std::string_view kSchemaName = "NewOffer";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"sale_mode", R"js({"enum": ["fixed_price", "english_auction"]})js"},
      {"channel", R"js({"enum": ["online", "outlet", "flea_market"]})js"},
      {"auction", R"js({"description": "required for sale_mode english_auction"})js"},
      {"warranty_months",
       R"js({"description": "at least 3 for used electrical and electronic products and cars (rule warranty_minimum)"})js"}};
  std::string item_id;
  std::optional<std::string> sale_mode;
  std::string channel;
  std::optional<std::string> outlet_id;
  std::string title;
  std::optional<std::string> description;
  int64_t price_fen = 0;
  int64_t warranty_months = 0;
  int64_t return_days = 0;
  Omitted<NewBestOfferTerms> best_offer;
  Omitted<NewAuctionTerms> auction;
  market::OfferTerms ToDomain() const;
};
BOOST_DESCRIBE_STRUCT(NewOffer, (),
                      (item_id, sale_mode, channel, outlet_id, title, description, price_fen,
                       warranty_months, return_days, best_offer, auction))

struct PublishOffer {
  static constexpr bool kRequest = true;
  int64_t disclosure_version = 0;
};
BOOST_DESCRIBE_STRUCT(PublishOffer, (), (disclosure_version))

struct PublishResult {
  static constexpr std::string_view kSchemaName = "PublishResult";
  Offer offer;
  std::optional<ListingBlock> block;
  static PublishResult From(const market::PublishResult& r);
};
BOOST_DESCRIBE_STRUCT(PublishResult, (), (offer, block))

struct WithdrawOffer {
  static constexpr bool kRequest = true;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(WithdrawOffer, (), (reason))

// Best offers.
struct BestOffer {
  static constexpr std::string_view kSchemaName = "BestOffer";
  static constexpr std::string_view kListSchemaName = "BestOfferList";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"status",
       R"js({"enum": ["pending", "countered", "accepted", "declined", "expired", "used"]})js"}};
  std::string id;
  std::string offer_id;
  std::string buyer_ref;
  int64_t amount_fen = 0;
  std::optional<int64_t> counter_fen;
  std::string status;
  Time expires_at;
  Time created_at;
  static BestOffer From(const storage::BestOfferRecord& b);
};
BOOST_DESCRIBE_STRUCT(BestOffer, (),
                      (id, offer_id, buyer_ref, amount_fen, counter_fen, status, expires_at,
                       created_at))

// A buyer's own best offer in their list: the offer's title and price beside it.
struct MyBestOffer : BestOffer {
  static constexpr std::string_view kSchemaName = "MyBestOffer";
  static constexpr std::string_view kPageSchemaName = "MyBestOfferPage";
  std::string offer_title;
  int64_t offer_price_fen = 0;
  static MyBestOffer From(const storage::BuyerBestOfferRecord& r);
};
BOOST_DESCRIBE_STRUCT(MyBestOffer, (BestOffer), (offer_title, offer_price_fen))

struct MakeBestOffer {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"buyer_ref",
       R"js({"description": "staff: the buyer's reference (required); a buyer account gives none"})js"}};
  std::optional<std::string> buyer_ref;
  int64_t amount_fen = 0;
};
BOOST_DESCRIBE_STRUCT(MakeBestOffer, (), (buyer_ref, amount_fen))

struct RespondBestOffer {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"action", R"js({"enum": ["accept", "decline", "counter"]})js"}};
  std::string action;
  std::optional<int64_t> counter_fen;
};
BOOST_DESCRIBE_STRUCT(RespondBestOffer, (), (action, counter_fen))

struct AcceptCounter {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"buyer_ref",
       R"js({"description": "staff: the buyer's reference (required); a buyer account gives none"})js"},
      {"counter_fen",
       R"js({"description": "the counter's amount: the buyer confirms what they take"})js"}};
  std::optional<std::string> buyer_ref;
  int64_t counter_fen = 0;
};
BOOST_DESCRIBE_STRUCT(AcceptCounter, (), (buyer_ref, counter_fen))

// The prohibited-goods rules (public).
struct LocalisedWords {
  std::vector<std::string> zh;
  std::vector<std::string> en;
};
BOOST_DESCRIBE_STRUCT(LocalisedWords, (), (zh, en))

struct LocalisedText {
  std::string zh;
  std::string en;
};
BOOST_DESCRIBE_STRUCT(LocalisedText, (), (zh, en))

struct ProhibitedRule {
  static constexpr FieldSchema kFieldSchemas[] = {
      {"channels", R"js({"description": "empty: every channel"})js"}};
  std::string id;
  std::string basis;
  std::vector<std::string> categories;
  std::vector<std::string> channels;
  LocalisedWords keywords;
  std::optional<std::string> signal;
  LocalisedText reason;
};
BOOST_DESCRIBE_STRUCT(ProhibitedRule, (),
                      (id, basis, categories, channels, keywords, signal, reason))

struct ProhibitedRules {
  static constexpr std::string_view kSchemaName = "ProhibitedRules";
  int64_t version = 0;
  std::vector<ProhibitedRule> rules;
  static ProhibitedRules From(const market::ProhibitedRules& set);
};
BOOST_DESCRIBE_STRUCT(ProhibitedRules, (), (version, rules))

// The payment providers this server offers.
struct PaymentProvider {
  static constexpr FieldSchema kFieldSchemas[] = {
      {"name", R"js({"examples": ["cash_at_outlet", "simulated"]})js"},
      {"simulated", R"js({"description": "true: moves no money (模拟支付 / SIMULATED)"})js"}};
  std::string name;
  bool simulated = false;
};
BOOST_DESCRIBE_STRUCT(PaymentProvider, (), (name, simulated))

struct PaymentProviderList {
  std::vector<PaymentProvider> items;
};
BOOST_DESCRIBE_STRUCT(PaymentProviderList, (), (items))

// A photo of an order's dispatch or return.
struct OrderPhoto {
  static constexpr std::string_view kSchemaName = "OrderPhoto";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"ref", R"js({"description": "sha256:<hex>, as a dispatch's or return's photos[i]"})js"},
      {"stage", R"js({"enum": ["dispatch", "return"]})js"}};
  std::string sha256;
  std::string ref;
  std::string stage;
  std::string media_type;
  int64_t size_bytes = 0;
  Time created_at;
  std::string url;
  static OrderPhoto From(const storage::OrderPhotoRecord& r);
};
BOOST_DESCRIBE_STRUCT(OrderPhoto, (), (sha256, ref, stage, media_type, size_bytes, created_at, url))

struct OrderPhotoList {
  std::vector<OrderPhoto> items;
};
BOOST_DESCRIBE_STRUCT(OrderPhotoList, (), (items))

// A list answer {items} and a page of one {items, next_cursor} (next_cursor: the last id of a
// full page, null at the end), named after the element (OfferList, OfferPage, …).
template <class T>
struct List {
  static constexpr std::string_view kSchemaName = T::kListSchemaName;
  std::vector<T> items;
  BOOST_DESCRIBE_CLASS(List, (), (items), (), ())
};

template <class T>
struct CursorPage {
  static constexpr std::string_view kSchemaName = T::kPageSchemaName;
  std::vector<T> items;
  std::optional<std::string> next_cursor;
  BOOST_DESCRIBE_CLASS(CursorPage, (), (items, next_cursor), (), ())
};

}  // namespace recirc::api::dto
