#pragma once
// Money: an integer count of fen (1/100 yuan) and a currency. Arithmetic is checked: an overflow
// or a mix of currencies is an error, never a wrapped number.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc {

enum class Currency { kCny };

// The largest amount of money the node takes from anybody, in fen: 10^12 fen, ten billion yuan,
// far above any second-hand item, and low enough that amount x 100 (percentages, basis points)
// and sums of a few thousand amounts stay far inside int64. Checked at every input boundary.
inline constexpr int64_t kMaxFen = 1'000'000'000'000;

// An amount from input: 0 to kMaxFen, else kInvalidArgument naming `field`.
Status CheckFen(int64_t fen, std::string_view field);
// a x b, or kInvalidArgument naming `field` when it would not fit in int64.
Result<int64_t> CheckedMultiply(int64_t a, int64_t b, std::string_view field);

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money Fen(int64_t fen, Currency currency = Currency::kCny) {
    return Money(fen, currency);
  }
  constexpr int64_t fen() const { return fen_; }
  constexpr Currency currency() const { return currency_; }
  Result<Money> Plus(Money other) const;
  Result<Money> Minus(Money other) const;
  bool IsNegative() const { return fen_ < 0; }
  // "1234.50" for 123450 fen; the yuan figure people read.
  std::string ToYuanString() const;
  // Parses a yuan amount with at most two decimals ("12", "12.5", "12.50"); rejects signs,
  // exponents and more decimals, naming `field`.
  static Result<Money> ParseYuan(std::string_view text, std::string_view field);
  auto operator<=>(const Money&) const = default;

 private:
  constexpr Money(int64_t fen, Currency currency) : fen_(fen), currency_(currency) {}
  int64_t fen_ = 0;
  Currency currency_ = Currency::kCny;
};

std::string_view CurrencyCode(Currency c);

}  // namespace recirc
