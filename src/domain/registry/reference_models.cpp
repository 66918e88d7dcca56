// Reference facts per model, imported by police (PoliceService, third part). They feed two
// screening signals: a price far below the model's reference price, and a seller's account of
// when they got the item that is older than the model itself.
#include <boost/json.hpp>

#include <charconv>

#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/registration.hpp"

namespace recirc::registry {
namespace {

constexpr std::string_view kHeader = "category,brand,model,reference_price_fen,release_year";

Result<std::optional<int64_t>> OptionalNumber(std::string_view cell, int64_t min, int64_t max,
                                              const std::string& what) {
  if (cell.empty()) return std::optional<int64_t>();
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || ptr != cell.data() + cell.size() || v < min || v > max) {
    return Error::InvalidArgument("body", what + " is a whole number from " + std::to_string(min) +
                                              " to " + std::to_string(max) + " or empty");
  }
  return std::optional<int64_t>(v);
}

}  // namespace

Result<ImportReport> PoliceService::ImportReferenceModels(const identity::Principal& actor,
                                                          std::string_view csv) {
  if (!actor.Has(identity::Permission::kPoliceAct)) {
    return Error::PermissionDenied("your role cannot import reference prices");
  }
  std::vector<storage::ReferenceModelRecord> rows;
  const int64_t now = ToUnixMillis(clock_.Now());
  size_t line_no = 0;
  while (!csv.empty()) {
    const size_t end = csv.find('\n');
    std::string_view line = csv.substr(0, end);
    csv = end == std::string_view::npos ? std::string_view() : csv.substr(end + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto bad = [&](const std::string& why) {
      return Error::InvalidArgument("body", "line " + std::to_string(line_no) + ": " + why);
    };
    if (line_no == 1) {
      if (line != kHeader) return bad("the header is " + std::string(kHeader));
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string_view> cells;
    while (true) {
      const size_t comma = line.find(',');
      cells.push_back(line.substr(0, comma));
      if (comma == std::string_view::npos) break;
      line = line.substr(comma + 1);
    }
    if (cells.size() != 5) return bad("five columns are needed");
    if (auto st = CheckCategory(cells[0]); !st) return bad(st.error().message);
    if (auto st = identity::CheckText(cells[1], "brand", 64); !st) return bad(st.error().message);
    if (auto st = identity::CheckText(cells[2], "model", 64); !st) return bad(st.error().message);
    auto price = OptionalNumber(cells[3], 1, int64_t{1'000'000'000'000}, "reference_price_fen");
    if (!price) return bad(price.error().message);
    auto year = OptionalNumber(cells[4], 1900, 2100, "release_year");
    if (!year) return bad(year.error().message);
    rows.push_back({std::string(cells[0]), ReferenceKey(cells[1]), ReferenceKey(cells[2]), *price,
                    *year, actor.organisation.id, now});
  }
  if (rows.empty()) return Error::InvalidArgument("body", "the file holds no models");
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    for (const auto& r : rows) RECIRC_CHECK(repo_.UpsertReferenceModel(s, r));
    RECIRC_TRY(int64_t seq,
               journal_.Append(s, {"reference_models.imported", "reference_models",
                                   Id::Generate(clock_, random_).ToString(), actor.organisation.id,
                                   actor.user_id,
                                   boost::json::serialize(boost::json::object{
                                       {"models", static_cast<int64_t>(rows.size())}})}));
    (void)seq;
    return Ok();
  }));
  return ImportReport{static_cast<int64_t>(rows.size())};
}

}  // namespace recirc::registry
