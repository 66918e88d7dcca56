// The notification centre on both databases (docs/notifications.md): the journal consumer makes
// notifications for those who must act and nobody else (police of the district, the selling
// shop, the buyer account), unread counts and marking read are per user, and the stream
// (GET /api/v1/notifications/stream, Server-Sent Events) delivers a new order to the shop.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/json.hpp>

#include <set>

#include <sys/socket.h>

#include "app/demo.hpp"
#include "core/clock.hpp"
#include "crypto/secure_random.hpp"
#include "domain/market/events.hpp"
#include "domain/registry/events.hpp"
#include "storage/journal_repository.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;
namespace me = market::events;

struct Who {
  Headers headers;
  std::string user_id;
  std::string organisation_id;
};

class NotificationHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
  }
  Who LogIn(const std::string& username, const std::string& password = "recirc-demo") {
    auto r =
        server_->Call({"POST", "/api/v1/session",
                       R"({"username":")" + username + R"(","password":")" + password + "\"}"});
    EXPECT_EQ(r.status, 200u) << username << ": " << r.body;
    auto body = json::parse(r.body).as_object();
    const std::string cookie = r.Header("Set-Cookie");
    return {{{"Cookie", cookie.substr(0, cookie.find(';'))},
             {"X-CSRF-Token", std::string(body["csrf_token"].as_string())}},
            std::string(body.at("user").at("id").as_string()),
            std::string(body.at("organisation").at("id").as_string())};
  }
  Who NewBuyer(const std::string& username) {
    auto r = server_->Call({"POST", "/api/v1/buyers",
                            R"({"username":")" + username +
                                R"(","password":"a long password","display_name":"买家"})"});
    EXPECT_EQ(r.status, 201u) << r.body;
    return LogIn(username, "a long password");
  }
  // `age`: how long ago the event happened (the journal's occurred_at).
  void Append(const EventType& type, const std::string& aggregate, const std::string& org,
              const std::string& actor, json::object payload,
              std::chrono::hours age = std::chrono::hours(0)) {
    FakeClock clock(SystemClock().Now() - age);
    crypto::SecureRandom random;
    storage::JournalRepository journal(clock, random);
    ASSERT_TRUE(server_->db().Write([&](storage::Session& s) -> Status {
      RECIRC_TRY(int64_t seq,
                 journal.Append(s, {type, aggregate, org, actor, json::serialize(payload)}));
      (void)seq;
      return Ok();
    }));
  }
  json::object Get(const std::string& path, const Who& who, unsigned expected = 200) {
    auto r = server_->Call({"GET", path, "", who.headers});
    EXPECT_EQ(r.status, expected) << path << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  json::object Post(const std::string& path, const Who& who, unsigned expected) {
    auto r = server_->Call({"POST", path, "{}", who.headers});
    EXPECT_EQ(r.status, expected) << path << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  // The message ids of the caller's notifications, newest first.
  std::vector<std::string> Messages(const Who& who) {
    std::vector<std::string> out;
    const json::object list = Get("/api/v1/notifications?order=newest", who);
    for (const auto& n : list.at("items").as_array()) {
      out.emplace_back(n.at("message_id").as_string());
    }
    return out;
  }
  static json::object Order(const std::string& id) {
    return {{"order_id", id},         {"offer_id", "offer-1"}, {"state", "placed"},
            {"price_fen", 420000},    {"paid_fen", 0},         {"refunded_fen", 0},
            {"provider", "simulated"}};
  }
  // The journal as a shop, a buyer account, a walk-in buyer and a screening hit leave it.
  void MakeEvents(const Who& shop, const Who& buyer) {
    Append(registry::events::kAlertRaised, "alert-1", shop.organisation_id, shop.user_id,
           {{"score", 40}, {"region_code", "110105"}});
    Append(me::kOrderPlaced, "order-1", shop.organisation_id, buyer.user_id, Order("order-1"));
    Append(me::kBestOfferMade, "bo-1", shop.organisation_id, buyer.user_id,
           {{"offer_id", "offer-1"}, {"status", "pending"}, {"automatic", false}});
    Append(me::kItemReturnRequested, "item-1", shop.organisation_id, buyer.user_id,
           {{"after_sale_id", "as-1"},
            {"kind", "return"},
            {"serial_mismatch", false},
            {"photos_missing", false}});
    Append(me::kOrderDispatched, "order-1", shop.organisation_id, shop.user_id, Order("order-1"));
    Append(me::kBestOfferDecided, "bo-1", shop.organisation_id, shop.user_id,
           {{"offer_id", "offer-1"}, {"status", "accepted"}});
    // A walk-in buyer's order (placed by the clerk): the shop hears of it, nobody of dispatch.
    Append(me::kOrderPlaced, "order-2", shop.organisation_id, shop.user_id, Order("order-2"));
    Append(me::kOrderDispatched, "order-2", shop.organisation_id, shop.user_id, Order("order-2"));
    ASSERT_TRUE(server_->app().RunJournalOnce());
  }

  std::unique_ptr<TestServer> server_;
};

// A node that starts the notification centre on a long journal does not flood anyone: events
// older than a week are not news. The buyer behind an old order is still remembered, so a new
// event on that order reaches them.
TEST_P(NotificationHttpTest, OldEventsAreNotNews) {
  const Who shop = LogIn("shop.clerk");
  const Who buyer = NewBuyer("buyer.a");
  const auto eight_days = std::chrono::hours(24 * 8);
  Append(registry::events::kAlertRaised, "alert-1", shop.organisation_id, shop.user_id,
         {{"score", 40}, {"region_code", "110105"}}, eight_days);
  Append(me::kOrderPlaced, "order-1", shop.organisation_id, buyer.user_id, Order("order-1"),
         eight_days);
  ASSERT_TRUE(server_->app().RunJournalOnce());
  EXPECT_TRUE(Messages(shop).empty());
  EXPECT_TRUE(Messages(LogIn("police.chaoyang")).empty());

  Append(me::kOrderDispatched, "order-1", shop.organisation_id, shop.user_id, Order("order-1"));
  ASSERT_TRUE(server_->app().RunJournalOnce());
  EXPECT_EQ(Messages(buyer), (std::vector<std::string>{"notification.order_dispatched"}));
}

TEST_P(NotificationHttpTest, TheConsumerTellsThoseWhoMustActAndNobodyElse) {
  const Who shop = LogIn("shop.clerk");
  const Who buyer = NewBuyer("buyer.a");
  const Who other_buyer = NewBuyer("buyer.b");
  MakeEvents(shop, buyer);

  EXPECT_EQ(Messages(shop), (std::vector<std::string>{
                                "notification.order_placed", "notification.after_sale_requested",
                                "notification.best_offer_made", "notification.order_placed"}));
  EXPECT_EQ(Messages(LogIn("shop.admin")).size(), 4u) << "the shop's other market staff";
  EXPECT_EQ(Messages(buyer), (std::vector<std::string>{"notification.best_offer_decided",
                                                       "notification.order_dispatched"}));
  // Police of the alert's district (Chaoyang), not of Haidian.
  EXPECT_EQ(Messages(LogIn("police.chaoyang")),
            (std::vector<std::string>{"notification.alert_raised"}));
  for (const std::string name : {"police.haidian", "inspector", "commerce", "market"}) {
    EXPECT_TRUE(Messages(LogIn(name)).empty()) << name;
  }
  EXPECT_TRUE(Messages(other_buyer).empty());

  // Links to the thing, and parameters without personal data.
  auto list = Get("/api/v1/notifications?order=newest", shop);
  const auto& newest = list.at("items").at(0).as_object();
  EXPECT_EQ(newest.at("link"), json::parse(R"({"kind":"order","id":"order-2"})"));
  EXPECT_EQ(newest.at("params"),
            json::parse(R"({"order_id":"order-2","offer_id":"offer-1","price_fen":420000})"));
  EXPECT_EQ(list.at("items").at(1).at("link"), json::parse(R"({"kind":"after_sale","id":"as-1"})"));
  EXPECT_EQ(server_->Call({"GET", "/api/v1/notifications"}).status, 401u);
}

TEST_P(NotificationHttpTest, UnreadCountsAndMarkingReadArePerUser) {
  const Who shop = LogIn("shop.clerk");
  const Who admin = LogIn("shop.admin");
  const Who buyer = NewBuyer("buyer.a");
  MakeEvents(shop, buyer);
  EXPECT_EQ(Get("/api/v1/notifications/unread", shop).at("unread"), 4);
  EXPECT_EQ(Get("/api/v1/notifications/unread", buyer).at("unread"), 2);

  auto newest = Get("/api/v1/notifications?order=newest", shop);
  const std::string first(newest.at("items").at(0).at("id").as_string());
  // Another user cannot mark (or learn of) the shop's notification.
  Post("/api/v1/notifications/" + first + "/read", buyer, 404);
  EXPECT_EQ(Post("/api/v1/notifications/" + first + "/read", shop, 200).at("unread"), 3);
  auto unread_first = Get("/api/v1/notifications", shop);
  EXPECT_EQ(unread_first.at("unread"), 3);
  const auto& items = unread_first.at("items").as_array();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[3].at("id").as_string(), first);
  EXPECT_EQ(items[3].at("read"), true);
  EXPECT_EQ(items[0].at("read"), false);
  // Paging.
  auto page = Get("/api/v1/notifications?order=newest&limit=2&offset=2", shop);
  EXPECT_EQ(page.at("items").as_array().size(), 2u);
  EXPECT_EQ(Get("/api/v1/notifications?limit=0", shop, 400).at("error").at("field"), "limit");
  EXPECT_EQ(Get("/api/v1/notifications?offset=x", shop, 400).at("error").at("field"), "offset");
  EXPECT_EQ(Get("/api/v1/notifications?order=x", shop, 400).at("error").at("field"), "order");

  EXPECT_EQ(Post("/api/v1/notifications/read", shop, 200).at("unread"), 0);
  EXPECT_EQ(Get("/api/v1/notifications/unread", shop).at("unread"), 0);
  // The shop's notifications are read per user: the manager's are still unread.
  EXPECT_EQ(Get("/api/v1/notifications/unread", admin).at("unread"), 4);
  EXPECT_EQ(Get("/api/v1/notifications/unread", buyer).at("unread"), 2);
}

// Reads the stream until `needle` has arrived; returns everything read. A guard on the socket
// (SO_RCVTIMEO) ends a read that would otherwise hang a failing test; it is no measurement.
std::string ReadUntil(boost::asio::ip::tcp::socket& socket, std::string& seen,
                      const std::string& needle) {
  std::array<char, 4096> buf{};
  while (seen.find(needle) == std::string::npos) {
    // recv itself, so that SO_RCVTIMEO applies (asio would wait on poll without it).
    const ssize_t n = ::recv(socket.native_handle(), buf.data(), buf.size(), 0);
    if (n <= 0) break;
    seen.append(buf.data(), static_cast<size_t>(n));
  }
  return seen;
}

TEST_P(NotificationHttpTest, TheStreamDeliversANewOrderToTheShop) {
  ASSERT_TRUE(server_->app().SeedDemoMarket());
  ASSERT_TRUE(server_->app().RunJournalOnce());
  const Who shop = LogIn("shop.clerk");
  Post("/api/v1/notifications/read", shop, 200);  // the demo market's own orders
  const Who buyer = NewBuyer("buyer.a");

  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket socket(ioc);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), server_->port()});
  const timeval guard{60, 0};
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof guard);
  std::string request = "GET /api/v1/notifications/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [k, v] : shop.headers) request += k + ": " + v + "\r\n";
  request += "Accept: text/event-stream\r\n\r\n";
  boost::asio::write(socket, boost::asio::buffer(request));
  std::string seen;
  ReadUntil(socket, seen, "data: {\"unread\":0}\n\n");
  ASSERT_NE(seen.find("HTTP/1.1 200"), std::string::npos) << seen;
  EXPECT_NE(seen.find("Content-Type: text/event-stream"), std::string::npos) << seen;
  ASSERT_NE(seen.find("event: unread\ndata: {\"unread\":0}\n\n"), std::string::npos) << seen;

  // The buyer orders a published offer of the shop.
  auto offers = json::parse(server_->Call({"GET", "/api/v1/offers", "", shop.headers}).body);
  std::string offer_id, item_id;
  for (const auto& o : offers.at("items").as_array()) {
    if (o.at("status") == "published" && o.at("sale_mode") == "fixed_price") {
      offer_id = std::string(o.at("id").as_string());
      item_id = std::string(o.at("item_id").as_string());
      break;
    }
  }
  ASSERT_FALSE(offer_id.empty());
  auto disclosure =
      json::parse(server_->Call({"GET", "/api/v1/items/" + item_id + "/disclosure"}).body);
  auto order = server_->Call({"POST", "/api/v1/orders",
                              R"({"offer_id":")" + offer_id +
                                  R"(","provider":"simulated","accepted_disclosure_version":)" +
                                  std::to_string(disclosure.at("version").as_int64()) + "}",
                              buyer.headers});
  ASSERT_EQ(order.status, 201u) << order.body;
  const std::string order_id(json::parse(order.body).at("id").as_string());

  ReadUntil(socket, seen, "data: {\"unread\":1}\n\n");
  const size_t at = seen.find("event: notification\ndata: ");
  ASSERT_NE(at, std::string::npos) << seen;
  const size_t start = at + std::string("event: notification\ndata: ").size();
  auto event = json::parse(seen.substr(start, seen.find('\n', start) - start)).as_object();
  EXPECT_EQ(event.at("message_id"), "notification.order_placed");
  EXPECT_EQ(event.at("link").at("id").as_string(), order_id);
  EXPECT_NE(seen.find("event: unread\ndata: {\"unread\":1}\n\n"), std::string::npos) << seen;
}

INSTANTIATE_TEST_SUITE_P(Db, NotificationHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
