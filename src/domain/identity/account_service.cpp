#include "domain/identity/account_service.hpp"

#include <boost/json.hpp>

#include <array>

#include "core/id.hpp"
#include "core/validators.hpp"
#include "crypto/token.hpp"
#include "domain/identity/events.hpp"
#include "domain/identity/text.hpp"

namespace recirc::identity {
namespace {

Status RequirePlatformAdmin(const Principal& actor) {
  if (!actor.SeesAllOrganisations() || !actor.Has(Permission::kOrganisationsManage)) {
    return Error::PermissionDenied("only platform administrators do this")
        .Id("account.platform_admin_only");
  }
  return Ok();
}

Status CheckReason(const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::InvalidArgument("reason", "give the reason for this change")
        .Id("account.reason_required");
  }
  return CheckText(reason, "reason", 500);
}

// 14 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 80 bits.
std::string GeneratePassword(Random& random) {
  static constexpr std::string_view kAlphabet =
      "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::array<uint8_t, 14> bytes{};
  std::string out;
  for (;;) {
    random.Fill(bytes);
    for (uint8_t b : bytes) {
      // Rejection sampling keeps every character equally likely.
      if (b < 256 - 256 % kAlphabet.size()) out += kAlphabet[b % kAlphabet.size()];
      if (out.size() == 14) return out;
    }
  }
}

std::string Payload(std::initializer_list<std::pair<std::string_view, std::string>> fields) {
  boost::json::object o;
  for (const auto& [k, v] : fields) o[k] = v;
  return boost::json::serialize(o);
}

}  // namespace

Status AccountService::Record(storage::Session& s, const Principal& actor, const EventType& type,
                              std::string aggregate_id, std::string organisation_id,
                              std::string payload) const {
  std::optional<std::string> actor_id;
  if (actor.method != AuthMethod::kSystem) actor_id = actor.user_id;
  RECIRC_TRY(int64_t seq,
             journal_.Append(s, {type, std::move(aggregate_id), std::move(organisation_id),
                                 std::move(actor_id), std::move(payload)}));
  (void)seq;
  return Ok();
}

Result<storage::OrganisationRecord> AccountService::UpdateOrganisation(
    const Principal& actor, const OrganisationId& organisation, const OrganisationChanges& in) {
  RECIRC_CHECK(RequirePlatformAdmin(actor));
  const std::string id = organisation.ToString();
  if (in.name) RECIRC_CHECK(CheckText(*in.name, "name", 100));
  if (in.region_code)
    RECIRC_CHECK(core::ValidateRegionCode(regions_, *in.region_code, "region_code"));
  if (in.credit_code && !in.credit_code->empty())
    RECIRC_CHECK(core::ValidateCreditCode(*in.credit_code, "credit_code"));
  auto out = storage::WriteValue<storage::OrganisationRecord>(
      db_, [&](storage::Session& s) -> Result<storage::OrganisationRecord> {
        RECIRC_TRY(auto found, repo_.FindOrganisation(s, id));
        if (!found) return Error::NotFound("organisation " + id + " not found");
        storage::OrganisationRecord r = std::move(*found);
        if (in.name) r.name = *in.name;
        if (in.region_code) r.region_code = *in.region_code;
        if (in.credit_code) {
          r.credit_code = in.credit_code->empty() ? std::nullopt : in.credit_code;
        }
        RECIRC_CHECK(repo_.UpdateOrganisation(s, r));
        RECIRC_CHECK(Record(s, actor, events::kOrganisationUpdated, r.id, r.id,
                            Payload({{"name", r.name}, {"region_code", r.region_code}})));
        return r;
      });
  if (!out && out.error().code == ErrorCode::kAlreadyExists) {
    return Error::AlreadyExists("an organisation with this credit code exists", "credit_code")
        .Id("organisation.credit_code_taken");
  }
  return out;
}

Result<storage::OrganisationRecord> AccountService::SetOrganisationStatus(
    const Principal& actor, const OrganisationId& organisation, const StatusChange& in) {
  RECIRC_CHECK(RequirePlatformAdmin(actor));
  const std::string id = organisation.ToString();
  RECIRC_CHECK(CheckReason(in.reason));
  return storage::WriteValue<storage::OrganisationRecord>(
      db_, [&](storage::Session& s) -> Result<storage::OrganisationRecord> {
        RECIRC_TRY(auto found, repo_.FindOrganisation(s, id));
        if (!found) return Error::NotFound("organisation " + id + " not found");
        if (found->id == actor.organisation.id && in.status == AccountStatus::kSuspended) {
          return Error::FailedPrecondition("you cannot suspend your own organisation")
              .Id("account.own_organisation");
        }
        if (found->status == in.status) return std::move(*found);  // nothing to record
        found->status = in.status;
        RECIRC_CHECK(repo_.SetOrganisationStatus(s, id, in.status));
        const auto& type = in.status == AccountStatus::kSuspended
                               ? events::kOrganisationSuspended
                               : events::kOrganisationReactivated;
        RECIRC_CHECK(Record(s, actor, type, id, id, Payload({{"reason", in.reason}})));
        return std::move(*found);
      });
}

Result<storage::OutletRecord> AccountService::UpdateOutlet(const Principal& actor,
                                                           const OutletId& outlet,
                                                           const OutletChanges& in) {
  if (!actor.Has(Permission::kOutletsManage)) {
    return Error::PermissionDenied("your role cannot manage outlets");
  }
  const std::string id = outlet.ToString();
  if (in.name) RECIRC_CHECK(CheckText(*in.name, "name", 100));
  if (in.region_code)
    RECIRC_CHECK(core::ValidateRegionCode(regions_, *in.region_code, "region_code"));
  if (in.address) RECIRC_CHECK(CheckText(*in.address, "address", 200));
  return storage::WriteValue<storage::OutletRecord>(
      db_, [&](storage::Session& s) -> Result<storage::OutletRecord> {
        RECIRC_TRY(auto found, repo_.FindOutlet(s, id));
        if (!found || !actor.InOrganisation(found->organisation_id)) {
          return Error::NotFound("outlet " + id + " not found");
        }
        storage::OutletRecord r = std::move(*found);
        if (in.name) r.name = *in.name;
        if (in.region_code) r.region_code = *in.region_code;
        if (in.address) r.address = *in.address;
        RECIRC_CHECK(repo_.UpdateOutlet(s, r));
        RECIRC_CHECK(Record(s, actor, events::kOutletUpdated, r.id, r.organisation_id,
                            Payload({{"name", r.name},
                                     {"region_code", r.region_code},
                                     {"status", ToString(r.status)}})));
        return r;
      });
}

Result<storage::OutletRecord> AccountService::SetOutletStatus(const Principal& actor,
                                                              const OutletId& outlet,
                                                              const StatusChange& in) {
  RECIRC_CHECK(RequirePlatformAdmin(actor));
  const std::string id = outlet.ToString();
  RECIRC_CHECK(CheckReason(in.reason));
  return storage::WriteValue<storage::OutletRecord>(
      db_, [&](storage::Session& s) -> Result<storage::OutletRecord> {
        RECIRC_TRY(auto found, repo_.FindOutlet(s, id));
        if (!found) return Error::NotFound("outlet " + id + " not found");
        if (found->status == in.status) return std::move(*found);
        found->status = in.status;
        RECIRC_CHECK(repo_.UpdateOutlet(s, *found));
        const auto& type = in.status == AccountStatus::kSuspended ? events::kOutletSuspended
                                                                  : events::kOutletReactivated;
        RECIRC_CHECK(
            Record(s, actor, type, id, found->organisation_id, Payload({{"reason", in.reason}})));
        return std::move(*found);
      });
}

Result<storage::UserRecord> AccountService::ManagedUser(storage::Session& s, const Principal& actor,
                                                        const std::string& user_id) const {
  if (!actor.Has(Permission::kUsersManage)) {
    return Error::PermissionDenied("your role cannot manage users");
  }
  RECIRC_TRY(auto found, repo_.FindUser(s, user_id));
  if (!found || !actor.InOrganisation(found->organisation_id)) {
    return Error::NotFound("user " + user_id + " not found");
  }
  if (found->id == actor.user_id) {
    return Error::FailedPrecondition("you cannot do this to your own account")
        .Id("account.own_account");
  }
  return std::move(*found);
}

Result<storage::UserRecord> AccountService::SetUserDisabled(const Principal& actor,
                                                            const UserId& target, bool disabled,
                                                            const std::string& reason) {
  const std::string user_id = target.ToString();
  RECIRC_CHECK(CheckReason(reason));
  return storage::WriteValue<storage::UserRecord>(
      db_, [&](storage::Session& s) -> Result<storage::UserRecord> {
        RECIRC_TRY(auto user, ManagedUser(s, actor, user_id));
        if (user.disabled == disabled) return user;
        user.disabled = disabled;
        RECIRC_CHECK(repo_.SetUserDisabled(s, user_id, disabled));
        // Sessions end at once; API keys are refused through the disabled flag itself.
        if (disabled) RECIRC_CHECK(repo_.DeleteUserSessions(s, user_id));
        RECIRC_CHECK(Record(s, actor, disabled ? events::kUserDisabled : events::kUserEnabled,
                            user_id, user.organisation_id, Payload({{"reason", reason}})));
        return user;
      });
}

Result<PasswordReset> AccountService::ResetPassword(const Principal& actor, const UserId& target,
                                                    const std::optional<std::string>& temporary) {
  const std::string user_id = target.ToString();
  PasswordReset out;
  std::string password;
  if (temporary && !temporary->empty()) {
    RECIRC_CHECK(crypto::CheckPasswordPolicy(*temporary, "password"));
    password = *temporary;
  } else {
    password = GeneratePassword(random_);
    out.generated = password;
  }
  // Hash outside the write transaction: it takes tens of milliseconds on purpose.
  RECIRC_TRY(std::string hash, hasher_.Hash(password));
  RECIRC_TRY(out.user, storage::WriteValue<storage::UserRecord>(
                           db_, [&](storage::Session& s) -> Result<storage::UserRecord> {
                             RECIRC_TRY(auto user, ManagedUser(s, actor, user_id));
                             RECIRC_CHECK(repo_.SetPassword(s, user_id, hash, true));
                             RECIRC_CHECK(repo_.DeleteUserSessions(s, user_id));
                             RECIRC_CHECK(Record(s, actor, events::kUserPasswordReset, user_id,
                                                 user.organisation_id, "{}"));
                             user.must_change_password = true;
                             return user;
                           }));
  return out;
}

Status AccountService::ChangeOwnPassword(const Principal& actor, const std::string& current,
                                         const std::string& next,
                                         const std::string& session_token) {
  if (actor.method != AuthMethod::kSession) {
    return Error::PermissionDenied("a password is changed from a logged-in browser session")
        .Id("account.password_change_session_only");
  }
  if (current.empty()) {
    return Error::InvalidArgument("current_password", "enter your current password")
        .Id("auth.password_required");
  }
  RECIRC_CHECK(crypto::CheckPasswordPolicy(next, "new_password"));
  if (next == current) {
    return Error::InvalidArgument("new_password", "choose a password other than the current one")
        .Id("account.password_unchanged");
  }
  RECIRC_TRY(auto user,
             storage::ReadValue<std::optional<storage::UserRecord>>(
                 db_, [&](storage::Session& s) { return repo_.FindUser(s, actor.user_id); }));
  if (!user || !hasher_.Verify(user->password_hash, current)) {
    return Error::InvalidArgument("current_password", "the current password is wrong")
        .Id("account.current_password_wrong");
  }
  RECIRC_TRY(std::string hash, hasher_.Hash(next));
  return db_.Write([&](storage::Session& s) -> Status {
    RECIRC_CHECK(repo_.SetPassword(s, actor.user_id, hash, false));
    RECIRC_CHECK(repo_.DeleteOtherSessions(s, actor.user_id, crypto::HashToken(session_token)));
    return Record(s, actor, events::kUserPasswordChanged, actor.user_id, user->organisation_id,
                  "{}");
  });
}

}  // namespace recirc::identity
