#pragma once
// Consignment on the wire: consignors (masked), agreements, intakes, sales, payouts and the
// statement. Amounts are whole fen; percentages whole numbers 0..100.

#include <boost/describe/class.hpp>

#include <string>
#include <utility>
#include <vector>

#include "domain/consignment/consignment_service.hpp"
#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::Omitted;
using jsonmap::tag_invoke;
using jsonmap::Time;
using FieldSchema = std::pair<std::string_view, std::string_view>;

struct NewConsignor {
  static constexpr std::string_view kSchemaName = "NewConsignor";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"kind", R"js({"enum": ["individual", "business"]})js"},
      {"id_type", R"js({"enum": ["resident_id", "passport", "other"]})js"}};
  std::string kind;
  std::string name;
  std::optional<std::string> id_type;
  std::optional<std::string> id_number;
  std::optional<std::string> credit_code;
  std::optional<std::string> phone;
  consignment::ConsignorInput ToDomain() const {
    return {kind, name, id_type, id_number, credit_code, phone};
  }
};
BOOST_DESCRIBE_STRUCT(NewConsignor, (), (kind, name, id_type, id_number, credit_code, phone))

struct ConsignorBalances {
  int64_t payable_fen = 0;  // what the shop owes the consignor
  int64_t cash_fen = 0;
  int64_t commission_fen = 0;
  int64_t fees_fen = 0;
};
BOOST_DESCRIBE_STRUCT(ConsignorBalances, (), (payable_fen, cash_fen, commission_fen, fees_fen))

struct Consignor {
  static constexpr std::string_view kSchemaName = "Consignor";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"name_masked", R"js({"description": "first and last character only"})js"},
      {"balances",
       R"js({"description": "the consignor's ledger: payable_fen is what the shop owes them"})js"}};
  std::string id;
  std::string kind;
  std::string name_masked;
  Omitted<std::string> id_number_masked;
  Omitted<std::string> credit_code;
  Omitted<std::string> phone_masked;
  ConsignorBalances balances;
  Time created_at;
  static Consignor From(const consignment::ConsignorView& v);
};
BOOST_DESCRIBE_STRUCT(Consignor, (),
                      (id, kind, name_masked, id_number_masked, credit_code, phone_masked, balances,
                       created_at))

struct ConsignorList {
  static constexpr std::string_view kSchemaName = "ConsignorList";
  std::vector<Consignor> items;
};
BOOST_DESCRIBE_STRUCT(ConsignorList, (), (items))

struct SplitTier {
  int64_t from_fen = 0;
  int64_t consignor_percent = 0;
};
BOOST_DESCRIBE_STRUCT(SplitTier, (), (from_fen, consignor_percent))

struct MarkdownStep {
  int64_t after_days = 0;
  int64_t percent = 0;
};
BOOST_DESCRIBE_STRUCT(MarkdownStep, (), (after_days, percent))

struct AgreementTerms {
  static constexpr std::string_view kSchemaName = "AgreementTerms";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"split",
       R"js({"description": "the consignor's percent from a price upwards; one tier from 0 is a flat split"})js"},
      {"expiry_action", R"js({"enum": ["return", "donate", "convert_to_stock"]})js"},
      {"convert_price_fen", R"js({"description": "convert_to_stock only: what the shop pays"})js"},
      {"markdowns", R"js({"description": "percent off the list price from after_days on"})js"}};
  std::vector<SplitTier> split;
  int64_t period_days = 0;
  std::optional<int64_t> grace_days;  // 0 when absent
  std::string expiry_action;
  std::optional<int64_t> convert_price_fen;
  std::optional<std::vector<MarkdownStep>> markdowns;  // none when absent
  std::optional<bool> do_not_discount;
  std::optional<int64_t> minimum_payout_fen;
  std::optional<int64_t> sale_fee_fen;
  Result<consignment::Agreement> ToDomain() const;
  static AgreementTerms From(const consignment::Agreement& a);
};
BOOST_DESCRIBE_STRUCT(AgreementTerms, (),
                      (split, period_days, grace_days, expiry_action, convert_price_fen, markdowns,
                       do_not_discount, minimum_payout_fen, sale_fee_fen))

struct ConsignedIdentifier {
  std::string kind;
  std::string value;
};
BOOST_DESCRIBE_STRUCT(ConsignedIdentifier, (), (kind, value))

struct ConsignedItem {
  std::string category;
  std::string brand;
  std::string model;
  std::optional<std::vector<ConsignedIdentifier>> identifiers;
  std::optional<std::string> colour;
  std::string condition;
  std::optional<int64_t> quantity;  // 1 when absent
};
BOOST_DESCRIBE_STRUCT(ConsignedItem, (),
                      (category, brand, model, identifiers, colour, condition, quantity))

struct NewConsignment {
  static constexpr std::string_view kSchemaName = "NewConsignment";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"channel", R"js({"enum": ["store", "online", "door_to_door"], "default": "store"})js"},
      {"list_price_fen", R"js({"description": "the agreed price before any markdown"})js"}};
  std::string consignor_id;
  std::string outlet_id;
  std::optional<std::string> channel;
  bool person_matches_id = false;
  std::string origin_statement;
  int64_t list_price_fen = 0;
  AgreementTerms agreement;
  ConsignedItem item;
  Result<consignment::IntakeInput> ToDomain() const;
};
BOOST_DESCRIBE_STRUCT(NewConsignment, (),
                      (consignor_id, outlet_id, channel, person_matches_id, origin_statement,
                       list_price_fen, agreement, item))

struct ConsignmentAgreement {
  static constexpr std::string_view kSchemaName = "ConsignmentAgreement";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"status", R"js({"enum": ["active", "sold", "returned", "donated", "converted"]})js"},
      {"current_price_fen",
       R"js({"description": "the list price after the markdown in force"})js"}};
  std::string id;
  std::string consignor_id;
  std::string item_id;
  std::string acquisition_id;
  AgreementTerms terms;
  int64_t list_price_fen = 0;
  int64_t markdown_percent = 0;
  int64_t current_price_fen = 0;
  std::string status;
  Time intake_at;
  Omitted<Time> closed_at;
  static ConsignmentAgreement From(const consignment::AgreementView& v);
};
BOOST_DESCRIBE_STRUCT(ConsignmentAgreement, (),
                      (id, consignor_id, item_id, acquisition_id, terms, list_price_fen,
                       markdown_percent, current_price_fen, status, intake_at, closed_at))

struct ConsignmentIntake {
  static constexpr std::string_view kSchemaName = "ConsignmentIntake";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"receipt_status", R"js({"enum": ["registered", "held_for_verification"]})js"}};
  std::string acquisition_id;
  int64_t number = 0;
  std::string item_id;
  std::string receipt_status;
  ConsignmentAgreement agreement;
};
BOOST_DESCRIBE_STRUCT(ConsignmentIntake, (),
                      (acquisition_id, number, item_id, receipt_status, agreement))

struct ConsignmentSale {
  static constexpr std::string_view kSchemaName = "ConsignmentSale";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"consignor_fen", R"js({"description": "the agreed split of sale_fen, before the fee"})js"}};
  ConsignmentAgreement agreement;
  int64_t sale_fen = 0;
  int64_t consignor_fen = 0;
  int64_t shop_fen = 0;
  int64_t fee_fen = 0;
};
BOOST_DESCRIBE_STRUCT(ConsignmentSale, (), (agreement, sale_fen, consignor_fen, shop_fen, fee_fen))

struct NewPayout {
  static constexpr std::string_view kSchemaName = "NewPayout";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"method", R"js({"enum": ["cash", "simulated"]})js"}};
  int64_t amount_fen = 0;
  std::string method;
};
BOOST_DESCRIBE_STRUCT(NewPayout, (), (amount_fen, method))

struct LedgerPosting {
  std::string account;
  int64_t amount_fen = 0;
};
BOOST_DESCRIBE_STRUCT(LedgerPosting, (), (account, amount_fen))

struct LedgerEntry {
  std::string id;
  std::string kind;
  Omitted<std::string> agreement_id;
  Time created_at;
  std::vector<LedgerPosting> postings;
};
BOOST_DESCRIBE_STRUCT(LedgerEntry, (), (id, kind, agreement_id, created_at, postings))

struct ConsignorStatement {
  static constexpr std::string_view kSchemaName = "ConsignorStatement";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"entries",
       R"js({"description": "the ledger, oldest first; each entry's postings sum to 0 (debit positive)"})js"}};
  Consignor consignor;
  std::vector<ConsignmentAgreement> agreements;
  std::vector<LedgerEntry> entries;
  static ConsignorStatement From(const consignment::Statement& s);
};
BOOST_DESCRIBE_STRUCT(ConsignorStatement, (), (consignor, agreements, entries))

}  // namespace recirc::api::dto
