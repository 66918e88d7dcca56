// The CSV importers: the police's watchlist and reference-model imports
// (domain/registry/import_csv.hpp) and the region table (core/region.hpp, data/regions.csv).
// The first byte picks the importer, the rest is the file. Nothing may crash, every error names
// the body (or the region file), and what is accepted must hold the importer's promises.
#include <string>

#include "core/region.hpp"
#include "domain/registry/import_csv.hpp"
#include "fuzz_check.hpp"

using namespace recirc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view csv = fuzz::AsText(data + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      if (auto lines = registry::ParseWatchlistCsv(csv)) {
        FUZZ_CHECK(!lines->empty());
        for (const auto& l : *lines) {
          FUZZ_CHECK(ToString(l.status) == "black" || ToString(l.status) == "grey" ||
                     ToString(l.status) == "white");
          FUZZ_CHECK(!l.identifier_value.empty());
          FUZZ_CHECK(l.note.size() <= 500);
        }
      } else {
        FUZZ_CHECK(lines.error().field == "body");
      }
      break;
    case 1:
      if (auto lines = registry::ParseReferenceModelsCsv(csv)) {
        FUZZ_CHECK(!lines->empty());
        for (const auto& l : *lines) {
          FUZZ_CHECK(!l.brand.empty() && !l.model.empty());
          if (l.release_year) FUZZ_CHECK(*l.release_year >= 1900 && *l.release_year <= 2100);
          if (l.reference_price_fen) FUZZ_CHECK(*l.reference_price_fen >= 1);
        }
      } else {
        FUZZ_CHECK(lines.error().field == "body");
      }
      break;
    default:
      if (auto table = core::RegionTable::ParseCsv(csv, "fuzz.csv")) {
        // Every region hangs below a province, at most three levels deep, and lies within it.
        size_t seen = 0;
        for (const auto* province : table->Children("")) {
          ++seen;
          for (const auto* city : table->Children(province->code)) {
            ++seen;
            FUZZ_CHECK(table->IsWithin(city->code, province->code));
            for (const auto* county : table->Children(city->code)) {
              ++seen;
              FUZZ_CHECK(table->IsWithin(county->code, province->code));
              FUZZ_CHECK(table->Children(county->code).empty());
            }
          }
        }
        FUZZ_CHECK(seen == table->size());
      } else {
        FUZZ_CHECK(table.error().message.find("fuzz.csv") != std::string::npos);
      }
      break;
  }
  return 0;
}
