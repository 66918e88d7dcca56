#pragma once
// The consignment payout ledger in double entry, as pure rules (docs/consignment.md "Ledger").
// Each consignor has four accounts; every entry's postings sum to zero (debit positive, credit
// negative):
//   cash              asset: what the shop took for the consignor's items and has not paid out
//   consignor_payable liability: what the shop owes the consignor (the balance shown to them)
//   shop_commission   revenue: the shop's part of each sale
//   shop_fees         revenue: the per-sale fee charged to the consignor
// A sale posts the whole price to cash and splits it; a payout moves payable out of cash; a
// reversal (the buyer returned the item) posts the sale's entry negated. Apply refuses any entry
// that would leave an account on the wrong side of zero, so balances are never negative.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/consignment/agreement.hpp"

namespace recirc::consignment {

enum class Account { kCash, kConsignorPayable, kShopCommission, kShopFees };
std::string_view AccountName(Account a);

enum class EntryKind { kSale, kPayout, kReversal, kConversion };
std::string_view EntryKindName(EntryKind k);

struct Posting {
  Account account = Account::kCash;
  int64_t amount_fen = 0;  // debit > 0, credit < 0
};

struct Entry {
  EntryKind kind = EntryKind::kSale;
  std::vector<Posting> postings;
};

Entry SaleEntry(const SaleSplit& split);
Entry ReversalEntry(const SaleSplit& split);
Entry PayoutEntry(int64_t fen);
// The shop takes the unsold item into its own stock at the agreed price: it pays the price into
// the consignor's cash, all of it owed to the consignor (the item leaves this ledger).
Entry ConversionEntry(int64_t price_fen);
bool Balanced(const Entry& e);

// Balances on each account's normal side (cash as a debit, the others as credits), in fen.
struct Balances {
  int64_t cash = 0;
  int64_t payable = 0;
  int64_t commission = 0;
  int64_t fees = 0;
  // Assets equal liabilities plus revenue: the books balance.
  bool Balance() const { return cash == payable + commission + fees; }
};

// The balances after the entry, or kFailedPrecondition (consignment.overdrawn) when an account
// would go below zero, kInternal when the entry does not balance.
Result<Balances> Apply(const Balances& before, const Entry& e);

}  // namespace recirc::consignment
