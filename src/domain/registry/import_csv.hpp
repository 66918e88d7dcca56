#pragma once
// The police's CSV imports parsed into lines, before anything is stored (police.cpp and
// reference_models.cpp store them). Bytes in, lines out: no storage, no clock, so the parsers
// can be fuzzed on their own (fuzz/import_csv_fuzz.cpp). Errors name `body` and the line.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/registry/statuses.hpp"

namespace recirc::registry {

struct WatchlistLine {
  std::string identifier_kind;
  std::string identifier_value;  // normalised
  WatchlistStatus status = WatchlistStatus::kBlack;
  std::string note;
};

// "identifier_kind,identifier_value,status,note", then one entry a line (the note may hold
// commas). The first bad line is named in the error. An empty file is an error.
Result<std::vector<WatchlistLine>> ParseWatchlistCsv(std::string_view csv);

struct ReferenceModelLine {
  std::string category;
  std::string brand;  // ReferenceKey
  std::string model;  // ReferenceKey
  std::optional<int64_t> reference_price_fen;
  std::optional<int64_t> release_year;
};

// "category,brand,model,reference_price_fen,release_year" (either of the last two may be
// empty), then one model a line. An empty file is an error.
Result<std::vector<ReferenceModelLine>> ParseReferenceModelsCsv(std::string_view csv);

}  // namespace recirc::registry
