// The city's statistics baseline import (domain/statistics/baseline_csv.hpp): any bytes give either
// rows that keep the parser's promises or an error that names the body. Nothing may crash.
#include <string>

#include "domain/statistics/baseline_csv.hpp"
#include "fuzz_check.hpp"

using namespace recirc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view csv = fuzz::AsText(data, size);
  auto rows = statistics::ParseBaselineCsv(csv, 2024, "11");
  if (!rows) {
    FUZZ_CHECK(rows.error().field == "body");
    return 0;
  }
  FUZZ_CHECK(!rows->empty());
  FUZZ_CHECK(rows->size() <= statistics::kMaxBaselineRows);
  for (const auto& r : *rows) {
    FUZZ_CHECK(r.month.size() == 7 && r.month.starts_with("2024-"));
    FUZZ_CHECK(r.region_code.size() == 6 && r.region_code.starts_with("11"));
    FUZZ_CHECK(!r.category.empty());
    FUZZ_CHECK(r.count >= 0 && r.value_fen >= 0);
  }
  return 0;
}
