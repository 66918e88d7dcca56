#include "core/money.hpp"

#include <cstdio>

namespace recirc {

Status CheckFen(int64_t fen, std::string_view field) {
  if (fen < 0 || fen > kMaxFen) {
    return Error::InvalidArgument(std::string(field),
                                  std::string(field) + " must be 0 to 1000000000000 fen")
        .Id("money.out_of_range");
  }
  return Ok();
}

Result<int64_t> CheckedMultiply(int64_t a, int64_t b, std::string_view field) {
  int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) {
    return Error::InvalidArgument(std::string(field), std::string(field) + " is too large");
  }
  return product;
}

std::string_view CurrencyCode(Currency c) {
  switch (c) {
    case Currency::kCny:
      return "CNY";
  }
  return "CNY";
}

Result<Money> Money::Plus(Money other) const {
  if (other.currency_ != currency_) return Error::InvalidArgument("currency", "currencies differ");
  int64_t sum = 0;
  if (__builtin_add_overflow(fen_, other.fen_, &sum)) {
    return Error::InvalidArgument("amount", "amount is too large");
  }
  return Money(sum, currency_);
}

Result<Money> Money::Minus(Money other) const {
  if (other.currency_ != currency_) return Error::InvalidArgument("currency", "currencies differ");
  int64_t diff = 0;
  if (__builtin_sub_overflow(fen_, other.fen_, &diff)) {
    return Error::InvalidArgument("amount", "amount is too large");
  }
  return Money(diff, currency_);
}

std::string Money::ToYuanString() const {
  const bool negative = fen_ < 0;
  const uint64_t abs = negative ? 0 - static_cast<uint64_t>(fen_) : static_cast<uint64_t>(fen_);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%llu.%02llu", negative ? "-" : "",
                static_cast<unsigned long long>(abs / 100),
                static_cast<unsigned long long>(abs % 100));
  return buf;
}

Result<Money> Money::ParseYuan(std::string_view text, std::string_view field) {
  const auto bad = [&](const char* why) { return Error::InvalidArgument(std::string(field), why); };
  if (text.empty()) return bad("amount is empty");
  int64_t yuan = 0;
  size_t i = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    if (text[i] < '0' || text[i] > '9')
      return bad("amount must be digits with at most two decimals");
    if (__builtin_mul_overflow(yuan, 10, &yuan) ||
        __builtin_add_overflow(yuan, text[i] - '0', &yuan)) {
      return bad("amount is too large");
    }
  }
  if (i == 0) return bad("amount must start with a digit");
  int64_t fen = 0;
  if (i < text.size()) {
    const std::string_view dec = text.substr(i + 1);
    if (dec.empty() || dec.size() > 2) return bad("amount has at most two decimals");
    for (char c : dec) {
      if (c < '0' || c > '9') return bad("amount must be digits with at most two decimals");
    }
    fen = (dec[0] - '0') * 10 + (dec.size() == 2 ? dec[1] - '0' : 0);
  }
  int64_t total = 0;
  if (__builtin_mul_overflow(yuan, 100, &total) || __builtin_add_overflow(total, fen, &total)) {
    return bad("amount is too large");
  }
  return Money(total, Currency::kCny);
}

}  // namespace recirc
