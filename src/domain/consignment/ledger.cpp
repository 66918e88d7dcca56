#include "domain/consignment/ledger.hpp"

#include <numeric>

namespace recirc::consignment {

std::string_view AccountName(Account a) {
  switch (a) {
    case Account::kCash:
      return "cash";
    case Account::kConsignorPayable:
      return "consignor_payable";
    case Account::kShopCommission:
      return "shop_commission";
    case Account::kShopFees:
      return "shop_fees";
  }
  return "cash";
}

std::string_view EntryKindName(EntryKind k) {
  switch (k) {
    case EntryKind::kSale:
      return "sale";
    case EntryKind::kPayout:
      return "payout";
    case EntryKind::kReversal:
      return "reversal";
    case EntryKind::kConversion:
      return "conversion";
  }
  return "sale";
}

Entry SaleEntry(const SaleSplit& s) {
  Entry e{EntryKind::kSale, {}};
  e.postings.push_back({Account::kCash, s.sale_fen});
  e.postings.push_back({Account::kConsignorPayable, -s.consignor_fen});
  e.postings.push_back({Account::kShopCommission, -s.shop_fen});
  if (s.fee_fen > 0) {
    e.postings.push_back({Account::kConsignorPayable, s.fee_fen});
    e.postings.push_back({Account::kShopFees, -s.fee_fen});
  }
  return e;
}

Entry ReversalEntry(const SaleSplit& s) {
  Entry e = SaleEntry(s);
  e.kind = EntryKind::kReversal;
  for (auto& p : e.postings) p.amount_fen = -p.amount_fen;
  return e;
}

Entry PayoutEntry(int64_t fen) {
  return {EntryKind::kPayout, {{Account::kConsignorPayable, fen}, {Account::kCash, -fen}}};
}

Entry ConversionEntry(int64_t price_fen) {
  return {EntryKind::kConversion,
          {{Account::kCash, price_fen}, {Account::kConsignorPayable, -price_fen}}};
}

bool Balanced(const Entry& e) {
  return std::accumulate(e.postings.begin(), e.postings.end(), int64_t{0},
                         [](int64_t sum, const Posting& p) { return sum + p.amount_fen; }) == 0;
}

Result<Balances> Apply(const Balances& before, const Entry& e) {
  if (!Balanced(e)) return Error::Internal("a consignment ledger entry does not balance");
  Balances b = before;
  for (const auto& p : e.postings) {
    switch (p.account) {
      case Account::kCash:
        b.cash += p.amount_fen;
        break;
      case Account::kConsignorPayable:
        b.payable -= p.amount_fen;
        break;
      case Account::kShopCommission:
        b.commission -= p.amount_fen;
        break;
      case Account::kShopFees:
        b.fees -= p.amount_fen;
        break;
    }
  }
  if (b.cash < 0 || b.payable < 0 || b.commission < 0 || b.fees < 0) {
    return Error::FailedPrecondition("the entry would overdraw the consignor's account")
        .Id("consignment.overdrawn");
  }
  return b;
}

}  // namespace recirc::consignment
