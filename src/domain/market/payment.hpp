#pragma once
// Payment providers behind one interface. Two exist: cash (or another offline payment) taken at
// an outlet or market stall, recorded with the receipt number; and a local simulated provider
// for tests and the demo, which moves no money and says so (Simulated() is true and every
// reference starts with SIMULATED-). A real provider (a bank or payment platform's escrow API)
// implements the same three calls.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "domain/market/statuses.hpp"

namespace recirc::market {

struct PaymentRequest {
  std::string order_id;
  int64_t amount_fen = 0;
  Channel channel = Channel::kOnline;         // the offer's
  std::optional<std::string> receipt_number;  // cash: the outlet's receipt
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  virtual std::string_view Name() const = 0;
  virtual bool Simulated() const = 0;
  // Takes the money into escrow; returns the provider's reference.
  virtual Result<std::string> Capture(const PaymentRequest& request) = 0;
  // Pays `amount_fen` of a capture back; returns the refund's reference.
  virtual Result<std::string> Refund(const std::string& payment_ref, int64_t amount_fen) = 0;
};

class CashAtOutlet final : public PaymentProvider {
 public:
  std::string_view Name() const override { return "cash_at_outlet"; }
  bool Simulated() const override { return false; }
  Result<std::string> Capture(const PaymentRequest& request) override;
  Result<std::string> Refund(const std::string& payment_ref, int64_t amount_fen) override;
};

// SIMULATED: no money moves. For tests and `recirc demo` only.
class SimulatedProvider final : public PaymentProvider {
 public:
  std::string_view Name() const override { return "simulated"; }
  bool Simulated() const override { return true; }
  Result<std::string> Capture(const PaymentRequest& request) override;
  Result<std::string> Refund(const std::string& payment_ref, int64_t amount_fen) override;
};

// The providers a server offers. The simulated one is offered by `recirc demo` and by a config
// that enables it ([market] simulated_payments = true), never by default: a production node must
// not take orders that no money backs.
class PaymentProviders {
 public:
  void Add(PaymentProvider& p) { providers_.push_back(&p); }
  // A provider this server knows but does not offer: Find refuses it, naming it and saying why.
  void Withhold(std::string name, std::string why) {
    withheld_.push_back({std::move(name), std::move(why)});
  }
  // InvalidArgument("provider"): a withheld one named with the reason, else the offered ones.
  Result<PaymentProvider*> Find(std::string_view name) const;
  // The offered providers, in the order they were added.
  const std::vector<PaymentProvider*>& Offered() const { return providers_; }

 private:
  std::vector<PaymentProvider*> providers_;
  std::vector<std::pair<std::string, std::string>> withheld_;
};

}  // namespace recirc::market
