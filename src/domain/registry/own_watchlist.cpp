// An operator's own watchlist (RegistrationService, third part): identifiers the operator itself
// wants stopped (an item stolen from its own shop, a customer's lost phone). The entries screen
// only the operator's registrations; a hit raises the same alert as a police entry.
#include <boost/json.hpp>

#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/events.hpp"
#include "domain/registry/registration.hpp"

namespace recirc::registry {

Result<storage::WatchlistRecord> RegistrationService::AddOwnWatchlistEntry(
    const identity::Principal& actor, const std::string& identifier_kind,
    const std::string& identifier_value, const std::string& status, const std::string& note) {
  if (!actor.Has(identity::Permission::kAcquisitionsWrite) ||
      actor.kind != identity::OrganisationKind::kOperator) {
    return Error::PermissionDenied("only an operator keeps its own watchlist");
  }
  auto parsed = Parse<WatchlistStatus>(status, "status");
  if (!parsed || *parsed == WatchlistStatus::kWhite) {
    return Error::InvalidArgument("status", "an operator's own entry is black or grey");
  }
  RECIRC_TRY(std::string value,
             NormaliseItemIdentifier(identifier_kind, identifier_value, "identifier_value"));
  RECIRC_CHECK(identity::CheckText(note, "note", 500));
  storage::WatchlistRecord r{Id::Generate(clock_, random_).ToString(),
                             "operator_list",
                             identifier_kind,
                             value,
                             *parsed,
                             actor.organisation.id,
                             note,
                             ToUnixMillis(clock_.Now())};
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_CHECK(repo_.InsertWatchlistEntry(s, r));
    // Internal (aggregate "watchlist"): no identifier, no note.
    RECIRC_TRY(int64_t seq,
               journal_.Append(
                   s, {events::kWatchlistEntryAdded, r.id, actor.organisation.id, actor.user_id,
                       boost::json::serialize(boost::json::object{
                           {"source", r.source}, {"status", ToString(r.status)}})}));
    (void)seq;
    return Ok();
  }));
  return r;
}

Result<std::vector<storage::WatchlistRecord>> RegistrationService::OwnWatchlist(
    const identity::Principal& actor) {
  if (!actor.Has(identity::Permission::kAcquisitionsWrite)) {
    return Error::PermissionDenied("your role cannot see the watchlist");
  }
  return storage::ReadValue<std::vector<storage::WatchlistRecord>>(
      db_, [&](storage::Session& s) { return repo_.OwnWatchlist(s, actor.organisation.id); });
}

}  // namespace recirc::registry
