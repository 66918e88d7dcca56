#include "domain/identity/directory_service.hpp"

#include <boost/json.hpp>

#include "core/id.hpp"
#include "core/validators.hpp"
#include "domain/identity/display_name.hpp"
#include "domain/identity/events.hpp"

namespace recirc::identity {
namespace {

Status CheckUsername(std::string_view u) {
  if (u.size() < 3 || u.size() > 64) {
    return Error::InvalidArgument("username", "a username has 3 to 64 characters")
        .Id("username.length")
        .Param("min", "3")
        .Param("max", "64");
  }
  for (char c : u) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return Error::InvalidArgument("username",
                                    "a username uses lower-case letters, digits, '.', '_' and '-'")
          .Id("username.characters");
    }
  }
  return Ok();
}

template <class T>
Page<T> ToPage(std::vector<T> items, int limit) {
  Page<T> page;
  if (static_cast<int>(items.size()) == limit && !items.empty()) page.next_cursor = items.back().id;
  page.items = std::move(items);
  return page;
}

}  // namespace

Status DirectoryService::Record(storage::Session& s, const Principal& actor, const EventType& type,
                                std::string aggregate_id,
                                std::optional<std::string> organisation_id,
                                std::string payload) const {
  std::optional<std::string> actor_id;
  if (actor.method != AuthMethod::kSystem) actor_id = actor.user_id;
  RECIRC_TRY(int64_t seq,
             journal_.Append(s, {type, std::move(aggregate_id), std::move(organisation_id),
                                 std::move(actor_id), std::move(payload)}));
  (void)seq;
  return Ok();
}

Result<storage::OrganisationRecord> DirectoryService::CreateOrganisation(
    const Principal& actor, const NewOrganisation& in) {
  if (!actor.SeesAllOrganisations() || !actor.Has(Permission::kOrganisationsManage)) {
    return Error::PermissionDenied("only platform administrators create organisations");
  }
  const auto kind = ParseKind(in.kind);
  if (!kind) return Error::InvalidArgument("kind", "unknown organisation kind: " + in.kind);
  if (*kind == OrganisationKind::kBuyers) {
    return Error::InvalidArgument(
        "kind", "the buyers organisation is made by the node when the first buyer registers");
  }
  RECIRC_CHECK(CheckText(in.name, "name", 100));
  RECIRC_CHECK(core::ValidateRegionCode(regions_, in.region_code, "region_code"));
  if (in.credit_code) RECIRC_CHECK(core::ValidateCreditCode(*in.credit_code, "credit_code"));

  storage::OrganisationRecord r{Id::Generate(clock_, random_).ToString(),
                                std::string(KindName(*kind)),
                                in.name,
                                in.credit_code,
                                in.region_code,
                                ToUnixMillis(clock_.Now())};
  Status st = db_.Write([&](storage::Session& s) -> Status {
    RECIRC_CHECK(repo_.InsertOrganisation(s, r));
    boost::json::object payload{{"kind", r.kind}, {"name", r.name}, {"region_code", r.region_code}};
    return Record(s, actor, events::kOrganisationCreated, r.id, r.id,
                  boost::json::serialize(payload));
  });
  if (!st) {
    if (st.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("an organisation with this credit code exists", "credit_code")
          .Id("organisation.credit_code_taken");
    }
    return st.error();
  }
  return r;
}

Result<storage::OrganisationRecord> DirectoryService::BuyersOrganisation() {
  const std::string kind(KindName(OrganisationKind::kBuyers));
  auto find = [&] {
    return storage::ReadValue<std::optional<storage::OrganisationRecord>>(
        db_, [&](storage::Session& s) { return repo_.FirstOrganisationOfKind(s, kind); });
  };
  RECIRC_TRY(auto existing, find());
  if (existing) return std::move(*existing);
  storage::OrganisationRecord r{Id::Generate(clock_, random_).ToString(),
                                kind,
                                std::string(kBuyersOrganisationName),
                                std::nullopt,
                                std::string(kBuyersRegion),
                                ToUnixMillis(clock_.Now())};
  Status st = db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto raced, repo_.FirstOrganisationOfKind(s, kind));
    if (raced) {
      r = std::move(*raced);
      return Ok();
    }
    RECIRC_CHECK(repo_.InsertOrganisation(s, r));
    boost::json::object payload{{"kind", r.kind}, {"name", r.name}, {"region_code", r.region_code}};
    return Record(s, Principal::System(), events::kOrganisationCreated, r.id, r.id,
                  boost::json::serialize(payload));
  });
  if (st) return r;
  // Another node created it between our read and our insert (the unique index refused ours).
  if (st.error().code != ErrorCode::kAlreadyExists) return st.error();
  RECIRC_TRY(auto winner, find());
  if (!winner) return Error::Internal("the buyers organisation vanished");
  return std::move(*winner);
}

Result<storage::OrganisationRecord> DirectoryService::VisibleOrganisation(
    storage::Session& s, const Principal& actor, const std::string& id) const {
  if (!actor.InOrganisation(id)) {
    return Error::PermissionDenied("you can only see your own organisation");
  }
  RECIRC_TRY(auto found, repo_.FindOrganisation(s, id));
  if (!found) return Error::NotFound("organisation " + id + " not found");
  return std::move(*found);
}

Result<Page<storage::OrganisationRecord>> DirectoryService::ListOrganisations(
    const Principal& actor, const storage::PageRequest& page, const std::string& name) {
  if (name.size() > 100) return Error::InvalidArgument("q", "the search text is too long");
  return storage::ReadValue<Page<storage::OrganisationRecord>>(
      db_, [&](storage::Session& s) -> Result<Page<storage::OrganisationRecord>> {
        if (!actor.SeesAllOrganisations()) {
          Page<storage::OrganisationRecord> own;
          if (page.after.empty() || page.after < actor.organisation.id) {
            RECIRC_TRY(auto found, repo_.FindOrganisation(s, actor.organisation.id));
            if (found) own.items.push_back(std::move(*found));
          }
          return own;
        }
        RECIRC_TRY(auto items, repo_.ListOrganisations(s, {page, name}));
        return ToPage(std::move(items), page.limit);
      });
}

Result<storage::OrganisationRecord> DirectoryService::GetOrganisation(
    const Principal& actor, const OrganisationId& organisation) {
  const std::string id = organisation.ToString();
  return storage::ReadValue<storage::OrganisationRecord>(
      db_, [&](storage::Session& s) { return VisibleOrganisation(s, actor, id); });
}

Result<storage::OutletRecord> DirectoryService::CreateOutlet(const Principal& actor,
                                                             const OrganisationId& organisation,
                                                             const NewOutlet& in) {
  const std::string organisation_id = organisation.ToString();
  if (!actor.Has(Permission::kOutletsManage)) {
    return Error::PermissionDenied("your role cannot manage outlets");
  }
  RECIRC_CHECK(CheckText(in.name, "name", 100));
  RECIRC_CHECK(core::ValidateRegionCode(regions_, in.region_code, "region_code"));
  RECIRC_CHECK(CheckText(in.address, "address", 200));
  storage::OutletRecord r{Id::Generate(clock_, random_).ToString(),
                          organisation_id,
                          in.name,
                          in.region_code,
                          in.address,
                          ToUnixMillis(clock_.Now())};
  Status st = db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto org, VisibleOrganisation(s, actor, organisation_id));
    if (org.kind != KindName(OrganisationKind::kOperator)) {
      return Error::FailedPrecondition("only operators have outlets");
    }
    RECIRC_CHECK(repo_.InsertOutlet(s, r));
    boost::json::object payload{{"name", r.name}, {"region_code", r.region_code}};
    return Record(s, actor, events::kOutletCreated, r.id, organisation_id,
                  boost::json::serialize(payload));
  });
  if (!st) return st.error();
  return r;
}

Result<Page<storage::OutletRecord>> DirectoryService::ListOutlets(
    const Principal& actor, const OrganisationId& organisation, const storage::PageRequest& page) {
  const std::string organisation_id = organisation.ToString();
  return storage::ReadValue<Page<storage::OutletRecord>>(
      db_, [&](storage::Session& s) -> Result<Page<storage::OutletRecord>> {
        RECIRC_TRY(auto org, VisibleOrganisation(s, actor, organisation_id));
        (void)org;
        RECIRC_TRY(auto items, repo_.ListOutlets(s, organisation_id, page));
        return ToPage(std::move(items), page.limit);
      });
}

Result<storage::UserRecord> DirectoryService::CreateUser(const Principal& actor,
                                                         const OrganisationId& organisation,
                                                         const NewUser& in) {
  const std::string organisation_id = organisation.ToString();
  if (!actor.Has(Permission::kUsersManage)) {
    return Error::PermissionDenied("your role cannot manage users");
  }
  RECIRC_CHECK(CheckUsername(in.username));
  RECIRC_TRY(std::string display_name, NormaliseDisplayName(in.display_name, "display_name"));
  const auto role = ParseRole(in.role);
  if (!role) return Error::InvalidArgument("role", "unknown role: " + in.role);
  RECIRC_CHECK(crypto::CheckPasswordPolicy(in.password, "password"));
  // Hash outside the write transaction: it takes tens of milliseconds on purpose.
  RECIRC_TRY(std::string hash, hasher_.Hash(in.password));
  storage::UserRecord r{Id::Generate(clock_, random_).ToString(),
                        organisation_id,
                        in.username,
                        std::move(display_name),
                        in.role,
                        std::move(hash),
                        false,
                        ToUnixMillis(clock_.Now())};
  Status st = db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto org, VisibleOrganisation(s, actor, organisation_id));
    if (org.kind != KindName(KindOfRole(*role))) {
      return Error::InvalidArgument(
          "role", "role " + in.role + " does not exist in an organisation of kind " + org.kind);
    }
    // Police officers are vouched for by their own organisation: only its police_admin (or the
    // command line) creates them; VisibleOrganisation above keeps a police_admin inside its own
    // organisation. A platform administrator may still create a police_admin, so that a new
    // police organisation can start.
    if (KindOfRole(*role) == OrganisationKind::kPolice && *role != Role::kPoliceAdmin &&
        actor.method != AuthMethod::kSystem && actor.role != Role::kPoliceAdmin) {
      return Error::PermissionDenied(
          "only the police organisation's administrator (police_admin) creates its officers");
    }
    RECIRC_CHECK(repo_.InsertUser(s, r));
    // No username or display name in the journal: they identify a person.
    boost::json::object payload{{"role", r.role}};
    return Record(s, actor, events::kUserCreated, r.id, organisation_id,
                  boost::json::serialize(payload));
  });
  if (!st) {
    if (st.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("this username is taken", "username").Id("username.taken");
    }
    return st.error();
  }
  return r;
}

Result<Page<storage::UserRecord>> DirectoryService::ListUsers(const Principal& actor,
                                                              const OrganisationId& organisation,
                                                              const storage::PageRequest& page,
                                                              const std::string& name) {
  const std::string organisation_id = organisation.ToString();
  if (name.size() > 100) return Error::InvalidArgument("q", "the search text is too long");
  if (!actor.Has(Permission::kUsersRead)) {
    return Error::PermissionDenied("your role cannot see users");
  }
  return storage::ReadValue<Page<storage::UserRecord>>(
      db_, [&](storage::Session& s) -> Result<Page<storage::UserRecord>> {
        RECIRC_TRY(auto org, VisibleOrganisation(s, actor, organisation_id));
        (void)org;
        RECIRC_TRY(auto items, repo_.ListUsers(s, organisation_id, {page, name}));
        return ToPage(std::move(items), page.limit);
      });
}

}  // namespace recirc::identity
