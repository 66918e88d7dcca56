// Reference facts per model, imported by police (PoliceService, third part). They feed two
// screening signals: a price far below the model's reference price, and a seller's account of
// when they got the item that is older than the model itself.
#include <boost/json.hpp>

#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/events.hpp"
#include "domain/registry/import_csv.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/registration.hpp"

namespace recirc::registry {

Result<ImportReport> PoliceService::ImportReferenceModels(const identity::Principal& actor,
                                                          std::string_view csv) {
  if (!actor.Has(identity::Permission::kPoliceAct)) {
    return Error::PermissionDenied("your role cannot import reference prices");
  }
  RECIRC_TRY(auto lines, ParseReferenceModelsCsv(csv));
  std::vector<storage::ReferenceModelRecord> rows;
  const int64_t now = ToUnixMillis(clock_.Now());
  for (auto& l : lines) {
    rows.push_back({std::move(l.category), std::move(l.brand), std::move(l.model),
                    l.reference_price_fen, l.release_year, actor.organisation.id, now});
  }
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    for (const auto& r : rows) RECIRC_CHECK(repo_.UpsertReferenceModel(s, r));
    RECIRC_TRY(int64_t seq,
               journal_.Append(
                   s, {events::kReferenceModelsImported, Id::Generate(clock_, random_).ToString(),
                       actor.organisation.id, actor.user_id,
                       boost::json::serialize(
                           boost::json::object{{"models", static_cast<int64_t>(rows.size())}})}));
    (void)seq;
    return Ok();
  }));
  return ImportReport{static_cast<int64_t>(rows.size())};
}

}  // namespace recirc::registry
