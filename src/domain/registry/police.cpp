#include "domain/registry/police.hpp"

#include <boost/json.hpp>

#include "core/id.hpp"
#include "core/validators.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/events.hpp"
#include "domain/registry/import_csv.hpp"
#include "domain/registry/registration.hpp"

namespace recirc::registry {

std::string JurisdictionPrefix(std::string_view code) {
  if (code.size() != 6) return std::string(code);
  if (code.substr(2) == "0000") return std::string(code.substr(0, 2));
  if (code.substr(4) == "00") return std::string(code.substr(0, 4));
  return std::string(code);
}

namespace {

// Police see their jurisdiction; platform administrators (and the command line) everything.
Result<std::string> PrefixOf(const identity::Principal& actor) {
  if (actor.SeesAllOrganisations()) return std::string();
  if (actor.kind != identity::OrganisationKind::kPolice) {
    return Error::PermissionDenied("only police organisations see alerts");
  }
  return JurisdictionPrefix(actor.organisation.region_code);
}

// The prefix of `region` when it lies inside `jurisdiction` (a prefix itself).
Result<std::string> NarrowedPrefix(const std::string& jurisdiction, const std::string& region) {
  if (region.size() != 6 || region.find_first_not_of("0123456789") != std::string::npos) {
    return Error::InvalidArgument("region", "a region is a six-digit code")
        .Id("police.region_malformed");
  }
  std::string narrowed = JurisdictionPrefix(region);
  if (!narrowed.starts_with(jurisdiction)) {
    return Error{ErrorCode::kPermissionDenied, "the region lies outside your jurisdiction",
                 "region"}
        .Id("police.region_outside");
  }
  return narrowed;
}

}  // namespace

Result<std::vector<storage::OutletDirectoryRecord>> PoliceService::Outlets(
    const identity::Principal& actor) {
  if (!actor.Has(identity::Permission::kPoliceRead)) {
    return Error::PermissionDenied("your role cannot see the outlet directory");
  }
  RECIRC_TRY(std::string prefix, PrefixOf(actor));
  return storage::ReadValue<std::vector<storage::OutletDirectoryRecord>>(
      db_, [&](storage::Session& s) { return identity_.OutletsInRegion(s, prefix); });
}

Result<std::vector<AlertView>> PoliceService::ListAlerts(const identity::Principal& actor,
                                                         const std::optional<std::string>& status,
                                                         const std::optional<std::string>& region) {
  if (!actor.Has(identity::Permission::kPoliceRead)) {
    return Error::PermissionDenied("your role cannot see police alerts");
  }
  RECIRC_TRY(std::string prefix, PrefixOf(actor));
  if (region && !region->empty()) {
    RECIRC_TRY(prefix, NarrowedPrefix(prefix, *region));
  }
  return storage::ReadValue<std::vector<AlertView>>(
      db_, [&](storage::Session& s) -> Result<std::vector<AlertView>> {
        // A status outside the vocabulary matches no alert.
        std::optional<AlertStatus> wanted;
        if (status) {
          auto parsed = Parse<AlertStatus>(*status, "status");
          if (!parsed) return std::vector<AlertView>();
          wanted = *parsed;
        }
        RECIRC_TRY(auto alerts, repo_.ListAlerts(s, prefix, wanted));
        std::vector<AlertView> out;
        for (auto& a : alerts) {
          RECIRC_TRY(auto item, repo_.FindItem(s, a.item_id));
          RECIRC_TRY(auto acquisition, repo_.FindAcquisition(s, a.acquisition_id));
          if (!item || !acquisition) return Error::Internal("alert " + a.id + " lost its records");
          RECIRC_TRY(auto identifiers, repo_.IdentifiersOfItem(s, a.item_id));
          RECIRC_TRY(auto outlet, identity_.FindOutlet(s, acquisition->outlet_id));
          out.push_back({std::move(a), std::move(*item), std::move(*acquisition),
                         std::move(identifiers), outlet ? outlet->name : std::string()});
        }
        return out;
      });
}

Result<storage::AlertRecord> PoliceService::Decide(const identity::Principal& actor,
                                                   const AlertId& id, const std::string& decision,
                                                   const std::optional<std::string>& note) {
  const std::string alert_id = id.ToString();
  if (!actor.Has(identity::Permission::kPoliceAct)) {
    return Error::PermissionDenied("your role cannot decide police alerts");
  }
  AlertStatus status = AlertStatus::kOpen;
  if (decision == "release") {
    status = AlertStatus::kReleased;
  } else if (decision == "seize") {
    status = AlertStatus::kSeized;
  } else if (decision == "request_info") {
    status = AlertStatus::kInfoRequested;
  } else {
    return Error::InvalidArgument("decision", "the decision is release, seize or request_info");
  }
  if (note) RECIRC_CHECK(identity::CheckText(*note, "note", 1000));
  if (status == AlertStatus::kSeized &&
      (!note || note->find_first_not_of(" \t\r\n") == std::string::npos)) {
    return Error::InvalidArgument("note", "a seizure needs a note: the case number and why")
        .Id("police.seize_note_required");
  }
  RECIRC_TRY(std::string prefix, PrefixOf(actor));
  const int64_t now = ToUnixMillis(clock_.Now());
  return storage::WriteValue<storage::AlertRecord>(
      db_, [&](storage::Session& s) -> Result<storage::AlertRecord> {
        RECIRC_TRY(auto alert, repo_.FindAlert(s, alert_id));
        // Outside the jurisdiction an alert does not exist, as far as this officer can tell.
        if (!alert || !alert->region_code.starts_with(prefix)) {
          return Error::NotFound("alert " + alert_id + " not found");
        }
        if (alert->status == AlertStatus::kReleased || alert->status == AlertStatus::kSeized) {
          return Error::FailedPrecondition("alert " + alert_id +
                                           " was already decided: " + ToString(alert->status));
        }
        RECIRC_CHECK(repo_.DecideAlert(s, alert_id, status, actor.user_id, now, note));
        if (status == AlertStatus::kReleased) {
          RECIRC_CHECK(repo_.ReleaseHolds(s, alert->item_id, now));
          RECIRC_CHECK(repo_.SetItemStatus(s, alert->item_id, ItemStatus::kInStock));
          RECIRC_CHECK(
              repo_.SetAcquisitionStatus(s, alert->acquisition_id, AcquisitionStatus::kRegistered));
        } else if (status == AlertStatus::kSeized) {
          RECIRC_CHECK(repo_.SetItemStatus(s, alert->item_id, ItemStatus::kSeized));
        }
        RECIRC_TRY(
            int64_t seq,
            journal_.Append(
                s, {events::kAlertDecided, alert_id, actor.organisation.id, actor.user_id,
                    boost::json::serialize(boost::json::object{{"decision", ToString(status)}})}));
        (void)seq;
        if (status != AlertStatus::kInfoRequested) {
          const EventType& type =
              status == AlertStatus::kReleased ? events::kItemHoldReleased : events::kItemSeized;
          RECIRC_TRY(int64_t seq2, journal_.Append(s, {type, alert->item_id, actor.organisation.id,
                                                       actor.user_id, "{}"}));
          (void)seq2;
        }
        alert->status = status;
        alert->decided_by = actor.user_id;
        alert->decided_at = now;
        alert->decision_note = note;
        return std::move(*alert);
      });
}

Result<std::vector<RegisterHit>> PoliceService::SearchRegister(const identity::Principal& actor,
                                                               const RegisterQuery& q) {
  if (!actor.Has(identity::Permission::kPoliceRead)) {
    return Error::PermissionDenied("your role cannot search the register");
  }
  RECIRC_TRY(std::string prefix, PrefixOf(actor));
  std::optional<std::string> kind_value;
  if (q.identifier_kind || q.identifier_value) {
    if (!q.identifier_kind || !q.identifier_value) {
      return Error::InvalidArgument("identifier_value",
                                    "give identifier_kind and identifier_value");
    }
    RECIRC_TRY(std::string v, NormaliseItemIdentifier(*q.identifier_kind, *q.identifier_value,
                                                      "identifier_value"));
    kind_value = std::move(v);
  } else if (!q.outlet_id) {
    return Error::InvalidArgument("identifier_value",
                                  "search by identifier, or by outlet and dates");
  }
  return storage::ReadValue<std::vector<RegisterHit>>(
      db_, [&](storage::Session& s) -> Result<std::vector<RegisterHit>> {
        std::vector<storage::AcquisitionRecord> found;
        if (kind_value) {
          RECIRC_TRY(auto item_id, repo_.FindItemByIdentifier(s, *q.identifier_kind, *kind_value));
          if (item_id) {
            RECIRC_TRY(found, repo_.AcquisitionsOfItem(s, *item_id));
          }
        } else {
          const int64_t to = q.to > 0 ? q.to : ToUnixMillis(clock_.Now()) + 1;
          RECIRC_TRY(found, repo_.ListAcquisitions(s, *q.outlet_id, q.from, to));
        }
        std::vector<RegisterHit> hits;
        for (auto& a : found) {
          if (!a.region_code.starts_with(prefix)) continue;
          RECIRC_TRY(auto item, repo_.FindItem(s, a.item_id));
          if (!item) return Error::Internal("registration " + a.id + " lost its item");
          hits.push_back({std::move(a), std::move(*item)});
        }
        return hits;
      });
}

Result<std::vector<RegisterHit>> PoliceService::SearchBySeller(const identity::Principal& actor,
                                                               const SellerSearch& q) {
  if (!actor.Has(identity::Permission::kPoliceRead)) {
    return Error::PermissionDenied("your role cannot search the register");
  }
  RECIRC_TRY(std::string prefix, PrefixOf(actor));
  if (q.id_type.empty()) return Error::InvalidArgument("id_type", "give the ID type");
  if (q.id_number.empty()) return Error::InvalidArgument("id_number", "give the ID number");
  RECIRC_CHECK(identity::CheckText(q.reason, "reason", 500));
  if (q.reason.size() < 10) {
    return Error::InvalidArgument("reason",
                                  "state the reason for the search (case number, purpose)");
  }
  const std::string mac = index_.Of(q.id_type, core::NormaliseIdentifier(q.id_number));
  return storage::WriteValue<std::vector<RegisterHit>>(
      db_, [&](storage::Session& s) -> Result<std::vector<RegisterHit>> {
        RECIRC_TRY(auto found, repo_.AcquisitionsOfSellerIndex(s, mac));
        const int64_t now = ToUnixMillis(clock_.Now());
        std::vector<RegisterHit> hits;
        for (auto& a : found) {
          if (!a.region_code.starts_with(prefix)) continue;
          RECIRC_TRY(auto item, repo_.FindItem(s, a.item_id));
          if (!item) return Error::Internal("registration " + a.id + " lost its item");
          RECIRC_CHECK(repo_.InsertAccessAudit(
              s, {Id::Generate(clock_, random_).ToString(), actor.user_id, actor.organisation.id,
                  a.seller_id, a.id, q.reason, now}));
          hits.push_back({std::move(a), std::move(*item)});
        }
        return hits;
      });
}

Result<std::vector<storage::PoliceFeedRecord>> PoliceService::Feed(const identity::Principal& actor,
                                                                   int64_t after) {
  if (!actor.Has(identity::Permission::kPoliceRead)) {
    return Error::PermissionDenied("your role cannot read the police feed");
  }
  RECIRC_TRY(std::string prefix, PrefixOf(actor));
  const storage::PoliceFeedRepository feed;
  return storage::ReadValue<std::vector<storage::PoliceFeedRecord>>(
      db_, [&](storage::Session& s) { return feed.After(s, prefix, after, 500); });
}

Result<ImportReport> PoliceService::ImportWatchlist(const identity::Principal& actor,
                                                    std::string_view csv,
                                                    const std::string& source) {
  if (!actor.Has(identity::Permission::kPoliceAct)) {
    return Error::PermissionDenied("your role cannot import watchlists");
  }
  if (source != "imei_blocklist" && source != "police_report") {
    return Error::InvalidArgument("source", "the source is imei_blocklist or police_report");
  }
  RECIRC_TRY(auto lines, ParseWatchlistCsv(csv));
  std::vector<storage::WatchlistRecord> entries;
  const int64_t now = ToUnixMillis(clock_.Now());
  for (auto& l : lines) {
    entries.push_back({Id::Generate(clock_, random_).ToString(), source,
                       std::move(l.identifier_kind), std::move(l.identifier_value), l.status,
                       actor.organisation.id, std::move(l.note), now});
  }
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    for (const auto& e : entries) RECIRC_CHECK(repo_.InsertWatchlistEntry(s, e));
    RECIRC_TRY(
        int64_t seq,
        journal_.Append(
            s,
            {events::kWatchlistImported, entries.front().id, actor.organisation.id, actor.user_id,
             boost::json::serialize(boost::json::object{
                 {"source", source}, {"entries", static_cast<int64_t>(entries.size())}})}));
    (void)seq;
    return Ok();
  }));
  return ImportReport{static_cast<int64_t>(entries.size())};
}

Result<storage::WatchlistRecord> PoliceService::AddWatchlistEntry(const identity::Principal& actor,
                                                                  const WatchlistInput& in) {
  if (!actor.Has(identity::Permission::kPoliceAct)) {
    return Error::PermissionDenied("your role cannot enter stolen-item reports");
  }
  auto status = Parse<WatchlistStatus>(in.status, "status");
  if (!status) return Error::InvalidArgument("status", "the status is black, grey or white");
  RECIRC_TRY(std::string value,
             NormaliseItemIdentifier(in.identifier_kind, in.identifier_value, "identifier_value"));
  RECIRC_CHECK(identity::CheckText(in.note, "note", 500));
  storage::WatchlistRecord r{Id::Generate(clock_, random_).ToString(),
                             "police_report",
                             in.identifier_kind,
                             value,
                             *status,
                             actor.organisation.id,
                             in.note,
                             ToUnixMillis(clock_.Now())};
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_CHECK(repo_.InsertWatchlistEntry(s, r));
    RECIRC_TRY(
        int64_t seq,
        journal_.Append(
            s, {events::kWatchlistEntryAdded, r.id, actor.organisation.id, actor.user_id,
                boost::json::serialize(boost::json::object{{"status", ToString(r.status)}})}));
    (void)seq;
    return Ok();
  }));
  return r;
}

}  // namespace recirc::registry
