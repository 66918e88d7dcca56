#include <gtest/gtest.h>

#include "domain/identity/auth_service.hpp"
#include "domain/identity/buyer_service.hpp"
#include "domain/identity/directory_service.hpp"
#include "support/test_database.hpp"

namespace recirc::identity {
namespace {

constexpr std::string_view kRegions =
    "code,name,parent_code,level\n"
    "110000,北京市,,province\n"
    "110105,朝阳区,110000,county\n"
    "440000,广东省,,province\n"
    "440300,深圳市,440000,city\n";

class IdentityTest : public testing::BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (IsSkipped() || HasFailure()) return;
    directory_.emplace(db(), repo_, journal_, regions_, hasher_, clock_, random_);
    auth_.emplace(db(), repo_, journal_, hasher_, clock_, random_, std::chrono::minutes(60));
  }

  storage::OrganisationRecord MakeOrg(std::string kind, std::string name, std::string region) {
    auto org =
        directory_->CreateOrganisation(Principal::System(), {kind, name, std::nullopt, region});
    EXPECT_TRUE(org) << org.error().message;
    return *org;
  }
  storage::UserRecord MakeUser(const std::string& org, std::string username, std::string role) {
    auto user = directory_->CreateUser(Principal::System(), OrganisationId::Stored(org),
                                       {username, "Display " + username, role, "long password 1"});
    EXPECT_TRUE(user) << user.error().message;
    return *user;
  }
  Principal LoginAs(const std::string& username) {
    auto r = auth_->Login(username, "long password 1", "127.0.0.1");
    EXPECT_TRUE(r) << r.error().message;
    return r->principal;
  }
  int64_t CountEvents(const std::string& type) {
    return *storage::ReadValue<int64_t>(db(), [&](storage::Session& s) -> Result<int64_t> {
      RECIRC_TRY(auto events, journal_.ReadAfter(s, 0, 1000));
      return std::count_if(events.begin(), events.end(), [&](auto& e) { return e.type == type; });
    });
  }

  SeededRandom random_{3};
  core::RegionTable regions_ = core::RegionTable::ParseCsv(kRegions, "test").value();
  crypto::PasswordHasher hasher_{crypto::PasswordCost::kMinimumForTests};
  storage::IdentityRepository repo_;
  storage::JournalRepository journal_{clock_, random_};
  std::optional<DirectoryService> directory_;
  std::optional<AuthService> auth_;
};

TEST_P(IdentityTest, OrganisationsAreValidatedAndJournaled) {
  auto bad_region = directory_->CreateOrganisation(Principal::System(),
                                                   {"operator", "Shop", std::nullopt, "999999"});
  ASSERT_FALSE(bad_region);
  EXPECT_EQ(bad_region.error().field, "region_code");
  auto bad_kind =
      directory_->CreateOrganisation(Principal::System(), {"bank", "Shop", std::nullopt, "110105"});
  ASSERT_FALSE(bad_kind);
  EXPECT_EQ(bad_kind.error().field, "kind");
  auto bad_code = directory_->CreateOrganisation(
      Principal::System(), {"operator", "Shop", std::string("91350100M000100Y4X"), "110105"});
  ASSERT_FALSE(bad_code);
  EXPECT_EQ(bad_code.error().field, "credit_code");
  auto empty_name =
      directory_->CreateOrganisation(Principal::System(), {"operator", "", std::nullopt, "110105"});
  ASSERT_FALSE(empty_name);
  EXPECT_EQ(empty_name.error().field, "name");
  EXPECT_EQ(CountEvents("organisation.created"), 0) << "refused input leaves no trace";

  MakeOrg("operator", "绿循环回收", "110105");
  EXPECT_EQ(CountEvents("organisation.created"), 1);
}

TEST_P(IdentityTest, OperatorsSeeAndManageOnlyTheirOwnOrganisation) {
  auto green = MakeOrg("operator", "绿循环回收", "110105");
  auto other = MakeOrg("operator", "Other Shop", "440300");
  MakeUser(green.id, "shop.admin", "operator_admin");
  const Principal admin = LoginAs("shop.admin");

  auto listed = directory_->ListOrganisations(admin, {});
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items[0].id, green.id);

  auto outlet = directory_->CreateOutlet(admin, OrganisationId::Stored(green.id),
                                         {"朝阳店", "110105", "朝阳路 1 号"});
  ASSERT_TRUE(outlet) << outlet.error().message;
  auto foreign = directory_->CreateOutlet(admin, OrganisationId::Stored(other.id),
                                          {"Not mine", "440300", "Road 2"});
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(directory_->ListOutlets(admin, OrganisationId::Stored(green.id), {})->items.size(), 1u);
  EXPECT_FALSE(directory_->ListUsers(admin, OrganisationId::Stored(other.id), {}));
  EXPECT_FALSE(directory_->CreateOrganisation(admin, {"operator", "X", std::nullopt, "110105"}));

  auto clerk = directory_->CreateUser(admin, OrganisationId::Stored(green.id),
                                      {"shop.clerk", "店员", "operator_staff", "long password 1"});
  ASSERT_TRUE(clerk) << clerk.error().message;
  auto police = directory_->CreateUser(admin, OrganisationId::Stored(green.id),
                                       {"cop", "Cop", "police_officer", "long password 1"});
  ASSERT_FALSE(police);
  EXPECT_EQ(police.error().field, "role");
  auto duplicate =
      directory_->CreateUser(admin, OrganisationId::Stored(green.id),
                             {"shop.clerk", "Again", "operator_staff", "long password 1"});
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(duplicate.error().field, "username");
  auto weak = directory_->CreateUser(admin, OrganisationId::Stored(green.id),
                                     {"weak.one", "Weak", "operator_staff", "short"});
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().field, "password");

  const Principal staff = LoginAs("shop.clerk");
  auto staff_creates =
      directory_->CreateOutlet(staff, OrganisationId::Stored(green.id), {"X", "110105", "Road"});
  ASSERT_FALSE(staff_creates);
  EXPECT_EQ(staff_creates.error().code, ErrorCode::kPermissionDenied);
}

TEST_P(IdentityTest, OnlyOperatorsHaveOutlets) {
  auto police = MakeOrg("police", "朝阳分局", "110105");
  auto r = directory_->CreateOutlet(Principal::System(), OrganisationId::Stored(police.id),
                                    {"Desk", "110105", "Road"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
}

TEST_P(IdentityTest, LoginIsRateLimitedAndSessionsExpire) {
  auto org = MakeOrg("operator", "Shop", "110105");
  MakeUser(org.id, "clerk", "operator_staff");
  for (int i = 0; i < LoginLimiter::kMaxPerPair; ++i) {
    auto r = auth_->Login("clerk", "wrong password!", "10.0.0.1");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  }
  auto limited = auth_->Login("clerk", "long password 1", "10.0.0.1");
  ASSERT_FALSE(limited);
  EXPECT_EQ(limited.error().code, ErrorCode::kResourceExhausted);
  clock_.Advance(LoginLimiter::kWindow + std::chrono::seconds(1));

  auto login = auth_->Login("clerk", "long password 1", "10.0.0.1");
  ASSERT_TRUE(login) << login.error().message;
  EXPECT_FALSE(login->principal.csrf_token.empty());
  auto again = auth_->AuthenticateSession(login->session_token);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->username, "clerk");
  EXPECT_EQ(again->csrf_token, login->principal.csrf_token);
  EXPECT_FALSE(auth_->AuthenticateSession(login->session_token + "x"));

  clock_.Advance(std::chrono::minutes(61));
  EXPECT_FALSE(auth_->AuthenticateSession(login->session_token)) << "expired after its lifetime";

  auto second = auth_->Login("clerk", "long password 1", "10.0.0.1");
  ASSERT_TRUE(second);
  ASSERT_TRUE(auth_->Logout(second->session_token));
  EXPECT_FALSE(auth_->AuthenticateSession(second->session_token));
  EXPECT_FALSE(auth_->Login("nobody", "long password 1", "10.0.0.2"));
}

TEST_P(IdentityTest, ApiKeysAuthenticateUntilRevoked) {
  auto org = MakeOrg("police", "朝阳分局", "110105");
  MakeUser(org.id, "officer", "police_officer");
  const Principal officer = LoginAs("officer");
  auto key = auth_->CreateApiKey(officer, "police system");
  ASSERT_TRUE(key) << key.error().message;
  EXPECT_TRUE(key->secret.starts_with("rk_"));
  auto p = auth_->AuthenticateApiKey(key->secret);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user_id, officer.user_id);
  EXPECT_EQ(p->method, AuthMethod::kApiKey);
  EXPECT_TRUE(p->Has(Permission::kPoliceRead));
  EXPECT_FALSE(p->Has(Permission::kOutletsManage));
  EXPECT_EQ(auth_->ListApiKeys(officer)->size(), 1u);
  ASSERT_TRUE(auth_->RevokeApiKey(officer, ApiKeyId::Stored(key->key.id)));
  EXPECT_FALSE(auth_->AuthenticateApiKey(key->secret));
  EXPECT_EQ(CountEvents("api_key.revoked"), 1);
}

TEST_P(IdentityTest, BuyersShareOneNodeWideOrganisationMadeOnFirstNeed) {
  BuyerService buyers(*directory_, clock_);
  auto first = buyers.Register({"mei.chen", "long password 1", "陈美"}, "10.0.0.1");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->role, "buyer");
  auto second = buyers.Register({"li.wei", "long password 1", "李伟"}, "10.0.0.2");
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(first->organisation_id, second->organisation_id);
  auto org = directory_->BuyersOrganisation();
  ASSERT_TRUE(org);
  EXPECT_EQ(org->id, first->organisation_id);
  EXPECT_EQ(org->kind, "buyers");
  EXPECT_EQ(CountEvents("organisation.created"), 1);
  // The password is hashed like everyone's, and the login gives market.buy and nothing else.
  const Principal p = LoginAs("mei.chen");
  EXPECT_EQ(p.role, Role::kBuyer);
  EXPECT_EQ(p.kind, OrganisationKind::kBuyers);
  EXPECT_TRUE(p.Has(Permission::kMarketBuy));
  EXPECT_FALSE(p.Has(Permission::kMarketManage));
  EXPECT_FALSE(p.Has(Permission::kOrganisationsRead));
  // The unique index keeps the organisation one even if an insert races past the read.
  storage::OrganisationRecord twin = *org;
  twin.id = "01M82QGDFSEZ4VR0P0J7CYX2FC";
  auto raced = db().Write([&](storage::Session& s) { return repo_.InsertOrganisation(s, twin); });
  ASSERT_FALSE(raced);
  EXPECT_EQ(raced.error().code, ErrorCode::kAlreadyExists);
  // Nobody makes one by hand, and a buyer role does not fit any other organisation.
  auto by_hand = directory_->CreateOrganisation(Principal::System(),
                                                {"buyers", "Buyers", std::nullopt, "110000"});
  ASSERT_FALSE(by_hand);
  EXPECT_EQ(by_hand.error().field, "kind");
  auto shop = MakeOrg("operator", "Shop", "110105");
  auto misplaced = directory_->CreateUser(Principal::System(), OrganisationId::Stored(shop.id),
                                          {"wrong.place", "X", "buyer", "long password 1"});
  ASSERT_FALSE(misplaced);
  EXPECT_EQ(misplaced.error().field, "role");
  // Taken usernames are named.
  auto taken = buyers.Register({"mei.chen", "long password 1", "Other"}, "10.0.0.3");
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(taken.error().field, "username");
}

TEST_P(IdentityTest, OnlyAPoliceAdminCreatesOfficersAndOnlyInItsOwnOrganisation) {
  auto platform = MakeOrg("platform", "Platform", "110000");
  auto chaoyang = MakeOrg("police", "朝阳分局", "110105");
  auto other = MakeOrg("police", "深圳市公安局", "440300");
  MakeUser(platform.id, "root", "platform_admin");
  MakeUser(chaoyang.id, "bureau.admin", "police_admin");
  const Principal root = LoginAs("root");
  const Principal bureau_admin = LoginAs("bureau.admin");
  for (const std::string role : {"police_officer", "police_supervisor"}) {
    auto r = directory_->CreateUser(root, OrganisationId::Stored(chaoyang.id),
                                    {"cop", "警官", role, "long password 1"});
    ASSERT_FALSE(r) << role;
    EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied) << role;
  }
  auto foreign = directory_->CreateUser(bureau_admin, OrganisationId::Stored(other.id),
                                        {"cop", "警官", "police_officer", "long password 1"});
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(directory_->CreateUser(bureau_admin, OrganisationId::Stored(chaoyang.id),
                                     {"cop", "警官", "police_officer", "long password 1"}));
  EXPECT_TRUE(directory_->CreateUser(root, OrganisationId::Stored(other.id),
                                     {"sz.admin", "管理员", "police_admin", "long password 1"}));
  auto bidi = directory_->CreateUser(bureau_admin, OrganisationId::Stored(chaoyang.id),
                                     {"cop2", "警\u202E官", "police_officer", "long password 1"});
  ASSERT_FALSE(bidi);
  EXPECT_EQ(bidi.error().field, "display_name");
}

RECIRC_BOTH_DATABASES(IdentityTest);

TEST(RolesTest, EveryRoleHasAKindAndNamesRoundTrip) {
  for (auto kind : AllKinds()) {
    EXPECT_EQ(ParseKind(KindName(kind)), kind);
    for (Role role : RolesForKind(kind)) {
      EXPECT_EQ(ParseRole(RoleName(role)), role);
      EXPECT_EQ(KindOfRole(role), kind);
    }
  }
  for (Permission p : AllPermissions()) EXPECT_NE(PermissionName(p), "public");
  EXPECT_TRUE(RoleHas(Role::kCommerceOfficial, Permission::kStatisticsRead));
  EXPECT_FALSE(RoleHas(Role::kCommerceOfficial, Permission::kPoliceRead));
}

}  // namespace
}  // namespace recirc::identity
