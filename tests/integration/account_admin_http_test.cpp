// Account administration over HTTP on both databases (docs/security.md "Account administration"):
// a suspended organisation's users cannot log in, keep their sessions or use API keys until it is
// reactivated; a disabled user's sessions end at once; a reset password must be changed at the
// next login and nothing else is allowed until then; the directory lists search by name and page.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "storage/journal_repository.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class AccountAdminHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    admin_ = LogInDemo(*server_, "admin");
    clerk_ = LogInDemo(*server_, "shop.clerk", &shop_);
    clerk_id_ = Str(Body(Call("GET", "/api/v1/session", "", clerk_)).at("user").at("id"));
  }
  HttpResult Call(const std::string& method, const std::string& target, const std::string& body,
                  const Headers& who = {}) const {
    return server_->Call({method, target, body, who});
  }
  HttpResult Login(const std::string& username, const std::string& password) const {
    json::object o{{"username", username}, {"password", password}};
    return Call("POST", "/api/v1/session", json::serialize(o));
  }
  static Headers SessionOf(const HttpResult& login) {
    const std::string cookie = login.Header("Set-Cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))},
            {"X-CSRF-Token", Str(json::parse(login.body).at("csrf_token"))}};
  }
  static json::object Body(const HttpResult& r) { return json::parse(r.body).as_object(); }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  // The error's message id ("" when there is none).
  static std::string IdOf(const HttpResult& r) {
    auto e = Body(r).at("error").as_object();
    return e.contains("message_id") ? Str(e.at("message_id")) : "";
  }
  HttpResult SetStatus(const std::string& organisation, const std::string& status,
                       const std::string& reason) const {
    json::object o{{"status", status}, {"reason", reason}};
    return Call("POST", "/api/v1/organisations/" + organisation + "/status", json::serialize(o),
                admin_);
  }
  std::vector<std::string> JournalTypes(const std::string& aggregate, const std::string& id) {
    std::vector<std::string> types;
    SystemClock clock;
    SeededRandom random{1};
    storage::JournalRepository journal{clock, random};
    EXPECT_TRUE(server_->db().Read([&](storage::Session& s) -> Status {
      RECIRC_TRY(auto events, journal.ForAggregate(s, aggregate, id));
      for (const auto& e : events) types.push_back(e.type);
      return Ok();
    }));
    return types;
  }

  std::unique_ptr<TestServer> server_;
  Headers admin_, clerk_;
  std::string shop_, clerk_id_;
};

TEST_P(AccountAdminHttpTest, ASuspendedOrganisationsUsersAreRefusedUntilItIsReactivated) {
  const Headers shop_admin = LogInDemo(*server_, "shop.admin");
  auto key = Call("POST", "/api/v1/api-keys", R"({"name":"till"})", shop_admin);
  ASSERT_EQ(key.status, 201u) << key.body;
  const Headers bearer = {{"Authorization", "Bearer " + Str(Body(key).at("secret"))}};
  const std::string outlets = "/api/v1/organisations/" + shop_ + "/outlets";
  ASSERT_EQ(Call("GET", outlets, "", bearer).status, 200u);

  auto no_reason = SetStatus(shop_, "suspended", "  ");
  EXPECT_EQ(no_reason.status, 400u) << no_reason.body;
  EXPECT_EQ(IdOf(no_reason), "account.reason_required");
  EXPECT_EQ(Call("POST", "/api/v1/organisations/" + shop_ + "/status",
                 R"({"status":"suspended","reason":"x"})", shop_admin)
                .status,
            403u)
      << "only the platform administrator suspends";

  auto suspended = SetStatus(shop_, "suspended", "licence withdrawn");
  ASSERT_EQ(suspended.status, 200u) << suspended.body;
  EXPECT_EQ(Str(Body(suspended).at("status")), "suspended");

  auto session = Call("GET", "/api/v1/session", "", clerk_);
  EXPECT_EQ(session.status, 401u) << "an existing session ends: " << session.body;
  EXPECT_EQ(IdOf(session), "auth.organisation_suspended");
  auto login = Login("shop.clerk", std::string(app::kDemoPassword));
  EXPECT_EQ(login.status, 401u) << login.body;
  EXPECT_EQ(IdOf(login), "auth.organisation_suspended");
  auto by_key = Call("GET", outlets, "", bearer);
  EXPECT_EQ(by_key.status, 401u) << by_key.body;
  EXPECT_EQ(IdOf(by_key), "auth.organisation_suspended");

  ASSERT_EQ(SetStatus(shop_, "active", "licence renewed").status, 200u);
  EXPECT_EQ(Login("shop.clerk", std::string(app::kDemoPassword)).status, 200u);
  EXPECT_EQ(Call("GET", outlets, "", bearer).status, 200u);
  auto types = JournalTypes("organisation", shop_);
  EXPECT_NE(std::find(types.begin(), types.end(), "organisation.suspended"), types.end());
  EXPECT_NE(std::find(types.begin(), types.end(), "organisation.reactivated"), types.end());
}

TEST_P(AccountAdminHttpTest, TheAdministratorEditsOrganisationsAndOutlets) {
  auto edited = Call("PATCH", "/api/v1/organisations/" + shop_, R"({"name":"新名字回收"})", admin_);
  ASSERT_EQ(edited.status, 200u) << edited.body;
  EXPECT_EQ(Str(Body(edited).at("name")), "新名字回收");
  auto bad = Call("PATCH", "/api/v1/organisations/" + shop_, R"({"region_code":"999999"})", admin_);
  EXPECT_EQ(bad.status, 400u) << bad.body;

  auto outlets = Body(Call("GET", "/api/v1/organisations/" + shop_ + "/outlets", "", admin_));
  const std::string outlet = Str(outlets.at("items").at(0).at("id"));
  auto renamed = Call("PATCH", "/api/v1/outlets/" + outlet, R"({"address":"朝阳路 2 号"})", admin_);
  ASSERT_EQ(renamed.status, 200u) << renamed.body;
  EXPECT_EQ(Str(Body(renamed).at("address")), "朝阳路 2 号");
  auto suspended = Call("POST", "/api/v1/outlets/" + outlet + "/status",
                        R"({"status":"suspended","reason":"closed for works"})", admin_);
  ASSERT_EQ(suspended.status, 200u) << suspended.body;
  EXPECT_EQ(Str(Body(suspended).at("status")), "suspended");
  auto types = JournalTypes("outlet", outlet);
  EXPECT_NE(std::find(types.begin(), types.end(), "outlet.suspended"), types.end());

  // The shop registers nothing at the suspended outlet.
  auto registered = Call("POST", "/api/v1/acquisitions",
                         R"({"outlet_id":")" + outlet +
                             R"(","kind":"purchase","channel":"store","price_fen":150000,)"
                             R"("payment_method":"cash","person_matches_id":true,)"
                             R"("origin_statement":"自用一年","seller":{"kind":"individual",)"
                             R"("name":"李四","id_type":"resident_id",)"
                             R"("id_number":"11010519491231002X"},)"
                             R"("item":{"category":"furniture","brand":"宜家","model":"沙发",)"
                             R"("condition":"九成新"}})",
                         clerk_);
  EXPECT_EQ(registered.status, 422u) << registered.body;
  EXPECT_EQ(IdOf(registered), "outlet.suspended");
}

TEST_P(AccountAdminHttpTest, ADisabledUsersSessionsEndAtOnce) {
  auto disabled =
      Call("POST", "/api/v1/users/" + clerk_id_ + "/disable", R"({"reason":"left"})", admin_);
  ASSERT_EQ(disabled.status, 200u) << disabled.body;
  EXPECT_TRUE(Body(disabled).at("disabled").as_bool());
  auto session = Call("GET", "/api/v1/session", "", clerk_);
  EXPECT_EQ(session.status, 401u) << session.body;
  auto login = Login("shop.clerk", std::string(app::kDemoPassword));
  EXPECT_EQ(login.status, 401u) << login.body;
  EXPECT_EQ(IdOf(login), "auth.account_disabled");

  ASSERT_EQ(
      Call("POST", "/api/v1/users/" + clerk_id_ + "/enable", R"({"reason":"back"})", admin_).status,
      200u);
  EXPECT_EQ(Login("shop.clerk", std::string(app::kDemoPassword)).status, 200u);
  // The old session was ended, not merely refused while disabled: enabling does not revive it.
  EXPECT_EQ(Call("GET", "/api/v1/session", "", clerk_).status, 401u);
}

TEST_P(AccountAdminHttpTest, AResetPasswordMustBeChangedBeforeAnythingElse) {
  auto reset =
      Call("POST", "/api/v1/users/" + clerk_id_ + "/password-reset", R"({"password":""})", admin_);
  ASSERT_EQ(reset.status, 200u) << reset.body;
  const std::string temporary = Str(Body(reset).at("temporary_password"));
  EXPECT_GE(temporary.size(), 10u);
  EXPECT_EQ(Call("GET", "/api/v1/session", "", clerk_).status, 401u) << "sessions end";
  EXPECT_EQ(Login("shop.clerk", std::string(app::kDemoPassword)).status, 401u);

  auto login = Login("shop.clerk", temporary);
  ASSERT_EQ(login.status, 200u) << login.body;
  EXPECT_TRUE(Body(login).at("must_change_password").as_bool());
  const Headers forced = SessionOf(login);
  auto other = Call("GET", "/api/v1/organisations/" + shop_ + "/outlets", "", forced);
  EXPECT_EQ(other.status, 403u) << other.body;
  EXPECT_EQ(IdOf(other), "auth.password_change_required");

  auto wrong =
      Call("POST", "/api/v1/session/password",
           R"({"current_password":"not it at all","new_password":"a new long secret"})", forced);
  EXPECT_EQ(wrong.status, 400u) << wrong.body;
  EXPECT_EQ(IdOf(wrong), "account.current_password_wrong");
  auto short_one = Call(
      "POST", "/api/v1/session/password",
      json::serialize(json::object{{"current_password", temporary}, {"new_password", "short"}}),
      forced);
  EXPECT_EQ(IdOf(short_one), "password.too_short") << short_one.body;
  auto changed = Call("POST", "/api/v1/session/password",
                      json::serialize(json::object{{"current_password", temporary},
                                                   {"new_password", "a new long secret"}}),
                      forced);
  ASSERT_EQ(changed.status, 204u) << changed.body;
  EXPECT_EQ(Call("GET", "/api/v1/organisations/" + shop_ + "/outlets", "", forced).status, 200u);

  EXPECT_EQ(Login("shop.clerk", temporary).status, 401u) << "the temporary one is gone";
  auto again = Login("shop.clerk", "a new long secret");
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_FALSE(Body(again).contains("must_change_password")) << again.body;

  // A temporary password of the administrator's choice follows the password policy.
  auto chosen = Call("POST", "/api/v1/users/" + clerk_id_ + "/password-reset",
                     R"({"password":"short"})", admin_);
  EXPECT_EQ(chosen.status, 400u) << chosen.body;
  chosen = Call("POST", "/api/v1/users/" + clerk_id_ + "/password-reset",
                R"({"password":"chosen by admin"})", admin_);
  ASSERT_EQ(chosen.status, 200u) << chosen.body;
  EXPECT_FALSE(Body(chosen).contains("temporary_password"));
  EXPECT_EQ(Login("shop.clerk", "chosen by admin").status, 200u);
}

TEST_P(AccountAdminHttpTest, ChangingYourOwnPasswordEndsYourOtherSessionsOnly) {
  auto phone = Login("shop.clerk", std::string(app::kDemoPassword));
  ASSERT_EQ(phone.status, 200u) << phone.body;
  const Headers other_device = SessionOf(phone);
  auto changed = Call("POST", "/api/v1/session/password",
                      json::serialize(json::object{{"current_password", app::kDemoPassword},
                                                   {"new_password", "a new long secret"}}),
                      clerk_);
  ASSERT_EQ(changed.status, 204u) << changed.body;
  EXPECT_EQ(Call("GET", "/api/v1/session", "", clerk_).status, 200u)
      << "the session the change was made from stays";
  EXPECT_EQ(Call("GET", "/api/v1/session", "", other_device).status, 401u)
      << "another device that knew the old password is logged out";
  EXPECT_EQ(Call("GET", "/api/v1/session", "", admin_).status, 200u) << "other users keep theirs";
}

TEST_P(AccountAdminHttpTest, DirectoryListsSearchByNameAndPage) {
  for (const std::string name : {"Alpha 回收 一", "alpha 回收 二", "ALPHA 回收 三", "Beta 100%"}) {
    json::object o{{"kind", "operator"}, {"name", name}, {"region_code", "110105"}};
    ASSERT_EQ(Call("POST", "/api/v1/organisations", json::serialize(o), admin_).status, 201u);
  }
  auto first = Body(Call("GET", "/api/v1/organisations?q=alpha&limit=2", "", admin_));
  ASSERT_EQ(first.at("items").as_array().size(), 2u);
  ASSERT_TRUE(first.contains("next_cursor") && first.at("next_cursor").is_string());
  auto second = Body(
      Call("GET", "/api/v1/organisations?q=alpha&limit=2&after=" + Str(first.at("next_cursor")), "",
           admin_));
  EXPECT_EQ(second.at("items").as_array().size(), 1u);
  auto percent = Body(Call("GET", "/api/v1/organisations?q=%25", "", admin_));
  ASSERT_EQ(percent.at("items").as_array().size(), 1u) << "'%' is a character, not a wildcard";
  EXPECT_EQ(Str(percent.at("items").at(0).at("name")), "Beta 100%");

  auto users = Body(Call("GET", "/api/v1/organisations/" + shop_ + "/users?q=CLERK", "", admin_));
  ASSERT_EQ(users.at("items").as_array().size(), 1u);
  EXPECT_EQ(Str(users.at("items").at(0).at("username")), "shop.clerk");
  auto by_name =
      Body(Call("GET",
                "/api/v1/organisations/" + shop_ + "/users?q=%E5%BA%97%E5%91%98",  // 店员
                "", admin_));
  EXPECT_EQ(by_name.at("items").as_array().size(), 1u);
}

RECIRC_BOTH_DATABASES(AccountAdminHttpTest);

}  // namespace
}  // namespace recirc::testing
