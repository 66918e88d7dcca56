#include "domain/market/payment.hpp"

namespace recirc::market {

Result<std::string> CashAtOutlet::Capture(const PaymentRequest& request) {
  if (request.channel == Channel::kOnline) {
    return Error{ErrorCode::kFailedPrecondition,
                 "cash_at_outlet: cash is taken at an outlet or market stall, not online",
                 "provider"};
  }
  if (!request.receipt_number || request.receipt_number->empty() ||
      request.receipt_number->size() > 64) {
    return Error::InvalidArgument("receipt_number",
                                  "a cash payment is recorded with the outlet's receipt number");
  }
  return "CASH-" + *request.receipt_number;
}

Result<std::string> CashAtOutlet::Refund(const std::string& payment_ref, int64_t amount_fen) {
  return "CASH-REFUND-" + payment_ref + "-" + std::to_string(amount_fen);
}

Result<std::string> SimulatedProvider::Capture(const PaymentRequest& request) {
  if (request.amount_fen <= 0) return Error::InvalidArgument("amount_fen", "nothing to pay");
  return "SIMULATED-" + request.order_id;
}

Result<std::string> SimulatedProvider::Refund(const std::string& payment_ref, int64_t amount_fen) {
  return "SIMULATED-REFUND-" + payment_ref + "-" + std::to_string(amount_fen);
}

Result<PaymentProvider*> PaymentProviders::Find(std::string_view name) const {
  for (const auto& [withheld, why] : withheld_) {
    if (withheld == name) {
      std::string message = "provider " + withheld;
      message += " is not offered by this server: ";
      message += why;
      return Error::InvalidArgument("provider", std::move(message));
    }
  }
  std::string known;
  for (PaymentProvider* p : providers_) {
    if (p->Name() == name) return p;
    known += (known.empty() ? "" : ", ") + std::string(p->Name());
  }
  return Error::InvalidArgument("provider", "provider is one of " + known);
}

}  // namespace recirc::market
