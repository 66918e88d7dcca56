// Police accounts and display names over HTTP on both databases (docs/security.md "Logins under
// load, police accounts and display names"): only a police organisation's police_admin creates
// its officers, in its own organisation only; display names refuse control, format and bidi
// characters and names without a letter, naming `display_name`, and are stored in NFC.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

std::string UserBody(const std::string& username, const std::string& display_name,
                     const std::string& role) {
  json::object o{{"username", username},
                 {"display_name", display_name},
                 {"role", role},
                 {"password", "a long password"}};
  return json::serialize(o);
}

class PoliceAccountsHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    police_admin_ = LogInDemo(*server_, "police.admin", &chaoyang_);
    LogInDemo(*server_, "police.haidian", &haidian_);
  }
  HttpResult CreateUser(const Headers& who, const std::string& organisation,
                        const std::string& body) {
    return server_->Call({"POST", "/api/v1/organisations/" + organisation + "/users", body, who});
  }
  static std::string FieldOf(const HttpResult& r) {
    auto e = json::parse(r.body).as_object()["error"].as_object();
    return e.contains("field") ? std::string(e["field"].as_string()) : "";
  }
  std::unique_ptr<TestServer> server_;
  Headers police_admin_;
  std::string chaoyang_, haidian_;
};

TEST_P(PoliceAccountsHttpTest, OnlyThePoliceAdminCreatesOfficersInItsOwnOrganisation) {
  const Headers platform = LogInDemo(*server_, "admin");
  const Headers shop_admin = LogInDemo(*server_, "shop.admin");
  for (const auto* who : {&platform, &shop_admin}) {
    for (const std::string role : {"police_officer", "police_supervisor"}) {
      auto r = CreateUser(*who, chaoyang_, UserBody("new.officer", "新警官", role));
      EXPECT_EQ(r.status, 403u) << role << ": " << r.body;
    }
  }
  auto other =
      CreateUser(police_admin_, haidian_, UserBody("new.officer", "新警官", "police_officer"));
  EXPECT_EQ(other.status, 403u) << "not in another bureau: " << other.body;

  auto made =
      CreateUser(police_admin_, chaoyang_, UserBody("new.officer", "新警官", "police_officer"));
  ASSERT_EQ(made.status, 201u) << made.body;
  auto supervisor = CreateUser(police_admin_, chaoyang_,
                               UserBody("new.supervisor", "新督察", "police_supervisor"));
  EXPECT_EQ(supervisor.status, 201u) << supervisor.body;

  // A platform administrator still starts a new bureau by creating its police_admin.
  auto admin =
      CreateUser(platform, haidian_, UserBody("haidian.admin", "海淀管理员", "police_admin"));
  EXPECT_EQ(admin.status, 201u) << admin.body;
  // The police_admin sees no police data.
  EXPECT_EQ(server_->Call({"GET", "/api/v1/police/alerts", "", police_admin_}).status, 403u);
}

TEST_P(PoliceAccountsHttpTest, BadDisplayNamesAreRefusedNamingTheField) {
  const std::vector<std::string> bad = {
      "赵\u202E警官",        // right-to-left override
      "\u202A赵警官\u202C",  // left-to-right embedding .. pop
      "赵\u2066警官\u2069",  // left-to-right isolate .. pop isolate
      "赵警官\u200F",        // right-to-left mark
      "\u200E赵警官",        // left-to-right mark
      "赵\u200B警官",        // zero-width space (Cf)
      "赵\a警官",            // a control character (BEL)
      "赵\u2028警官",        // line separator
      "赵\u2029警官",        // paragraph separator
      "12345",               // no letter
      "...",                 // no letter
  };
  int i = 0;
  for (const auto& name : bad) {
    auto r = CreateUser(police_admin_, chaoyang_,
                        UserBody("officer.x" + std::to_string(i++), name, "police_officer"));
    EXPECT_EQ(r.status, 400u) << name << ": " << r.body;
    EXPECT_EQ(FieldOf(r), "display_name") << r.body;
  }
  // A buyer's sign-up follows the same rule.
  auto buyer = server_->Call(
      {"POST", "/api/v1/buyers",
       R"({"username":"sneaky","password":"a long password","display_name":"a\u202Eb"})"});
  EXPECT_EQ(buyer.status, 400u) << buyer.body;
  EXPECT_EQ(FieldOf(buyer), "display_name");

  // A decomposed name is stored composed (NFC): "e" + U+0301 becomes U+00E9.
  auto made = CreateUser(police_admin_, chaoyang_,
                         UserBody("officer.nfc", "Jose\u0301 Li", "police_officer"));
  ASSERT_EQ(made.status, 201u) << made.body;
  EXPECT_EQ(json::parse(made.body).at("display_name").as_string(), "Jos\u00e9 Li") << made.body;
}

RECIRC_BOTH_DATABASES(PoliceAccountsHttpTest);

}  // namespace
}  // namespace recirc::testing
