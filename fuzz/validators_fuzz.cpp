// The identifier validators (core/validators.hpp) on arbitrary bytes: they must never crash, a
// failure must name the field it was given, normalising must be idempotent, and a number that
// passes must carry the check character the *Check* helpers compute.
#include <chrono>
#include <string>

#include "core/validators.hpp"
#include "fuzz_check.hpp"

using namespace recirc;
using namespace recirc::core;

namespace {

void NamesField(const Status& st) {
  if (!st) FUZZ_CHECK(st.error().field == "f");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw = fuzz::AsText(data, size);
  const std::string v = NormaliseIdentifier(raw);
  FUZZ_CHECK(NormaliseIdentifier(v) == v);
  FUZZ_CHECK(v.size() <= raw.size());

  for (std::string_view in : {raw, std::string_view(v)}) {
    const Status imei = ValidateImei(in, "f");
    NamesField(imei);
    if (imei) FUZZ_CHECK(*ImeiCheckDigit(in.substr(0, 14)) == in[14]);
    NamesField(ValidateImeiSv(in, "f"));
    NamesField(ValidateMeid(in, "f"));
    const Status vin = ValidateVin(in, "f");
    NamesField(vin);
    if (vin) FUZZ_CHECK(*VinCheckChar(in) == in[8]);
    const Status rid = ValidateResidentId(in, "f");
    NamesField(rid);
    if (rid) FUZZ_CHECK(*ResidentIdCheckChar(in.substr(0, 17)) == in[17]);
    using namespace std::chrono;
    const Status rid_today = ValidateResidentId(in, 2026y / December / 7d, "f");
    NamesField(rid_today);
    if (rid_today) FUZZ_CHECK(rid);
    const Status credit = ValidateCreditCode(in, "f");
    NamesField(credit);
    if (credit) FUZZ_CHECK(*CreditCodeCheckChar(in.substr(0, 17)) == in[17]);
    // The helpers validate their own input and must not read past it.
    (void)ImeiCheckDigit(in);
    (void)VinCheckChar(in);
    (void)ResidentIdCheckChar(in);
    (void)CreditCodeCheckChar(in);
  }
  return 0;
}
