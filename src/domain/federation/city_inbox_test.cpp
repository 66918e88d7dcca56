// The city's inbox on SQLite and PostgreSQL: a shop's signed batch is applied once however often
// it arrives (keyed by origin and seq), the answer is signed by the city and acknowledges the
// batch, unknown shops and registrations outside a shop's region are refused without a trace,
// a busy city answers ResourceExhausted, the same IMEI at two shops within a week raises a
// signal, and only the police of the region see what was pushed.
#include <gtest/gtest.h>

#include <array>

#include "domain/federation/city_inbox.hpp"
#include "support/test_database.hpp"

namespace recirc::federation {
namespace {

using testing::Backend;

tlog::Signer Key(std::string_view name, uint8_t fill) {
  std::array<uint8_t, tlog::kEd25519SeedSize> seed{};
  seed.fill(fill);
  return *tlog::Signer::FromSeed(name, seed);
}

PushedEvent Registration(int64_t seq, const std::string& acquisition, const std::string& imei,
                         const std::string& region, int64_t at) {
  RegistrationFacts r{
      acquisition,       "O1",    "朝阳店", region,    seq,          "purchase",
      "I" + acquisition, "phone", "Huawei", "Mate 60", "registered", {{"imei", imei}},
      "sealed-bytes",    at};
  return {seq,
          "E" + std::to_string(seq),
          at,
          "item.acquired",
          "item",
          r.item_id,
          R"({"acquisition_id":")" + acquisition + R"("})",
          r};
}

identity::Principal Police(const std::string& region) {
  identity::Principal p;
  p.user_id = "UPOLICE";
  p.role = identity::Role::kPoliceOfficer;
  p.kind = identity::OrganisationKind::kPolice;
  p.organisation.id = "OPOLICE";
  p.organisation.kind = "police";
  p.organisation.region_code = region;
  return p;
}

class CityInboxTest : public testing::BothDatabases {
 protected:
  CityInbox Inbox(int max_in_flight = 4) {
    return CityInbox(db(), repo_, city_,
                     {{shop_a_.ToVerifier(), "110105"}, {shop_b_.ToVerifier(), "110"}}, clock_,
                     random_, max_in_flight);
  }
  std::string Signed(const tlog::Signer& shop, std::vector<PushedEvent> events) {
    return *SignMessage(kBatch, ToJson(Batch{shop.name(), std::move(events)}), shop);
  }
  int64_t AppliedThrough(const std::string& answer) {
    const tlog::Verifier keys[] = {city_.ToVerifier()};
    auto opened = OpenMessage(answer, kAck, keys);
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? *IntField(opened->body, "applied_through") : -1;
  }

  storage::FederationRepository repo_;
  SeededRandom random_{9};
  tlog::Signer city_ = Key("city.test/log", 1);
  tlog::Signer shop_a_ = Key("shop-a.test/log", 2);
  tlog::Signer shop_b_ = Key("shop-b.test/log", 3);
  const int64_t now_ = ToUnixMillis(clock_.Now());
};

TEST_P(CityInboxTest, ABatchSentTwiceIsAppliedOnce) {
  auto inbox = Inbox();
  const std::string batch =
      Signed(shop_a_, {Registration(4, "A1", "867234051234565", "110105", now_),
                       {6, "E6", now_, "item.hold_released", "item", "IA1", "{}", std::nullopt}});
  auto first = inbox.Receive(batch);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(AppliedThrough(*first), 6);
  auto again = inbox.Receive(batch);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(AppliedThrough(*again), 6);

  auto seen = inbox.Registrations(Police("110105"), 100);
  ASSERT_TRUE(seen) << seen.error().message;
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ(seen->front().origin, "shop-a.test/log");
  EXPECT_EQ(seen->front().outlet_name, "朝阳店");
  EXPECT_EQ(seen->front().seller_sealed, "sealed-bytes");
  auto events = storage::ReadValue<int64_t>(db(), [&](storage::Session& s) -> Result<int64_t> {
    RECIRC_TRY(auto row, s.QueryOne("SELECT COUNT(*) FROM federation_inbox", {}, "count"));
    return row.Int(0);
  });
  EXPECT_EQ(*events, 2);
  // Another district's police see nothing of it.
  EXPECT_TRUE(inbox.Registrations(Police("110108"), 100)->empty());
}

TEST_P(CityInboxTest, UnknownShopsAndForeignRegionsAreRefusedWithoutATrace) {
  auto inbox = Inbox();
  const auto stranger = Key("shop-c.test/log", 4);
  auto unknown = inbox.Receive(Signed(stranger, {Registration(1, "C1", "1", "110105", now_)}));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnauthenticated);
  // Shop A may only report outlets in 110105.
  auto foreign = inbox.Receive(Signed(shop_a_, {Registration(1, "A9", "2", "440300", now_)}));
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(inbox.Registrations(Police("44"), 100)->empty());
  EXPECT_TRUE(inbox.Registrations(Police("11"), 100)->empty());
}

TEST_P(CityInboxTest, ABusyCityAsksTheShopToComeBack) {
  auto inbox = Inbox(0);
  auto busy = inbox.Receive(Signed(shop_a_, {Registration(1, "A1", "3", "110105", now_)}));
  ASSERT_FALSE(busy);
  EXPECT_EQ(busy.error().code, ErrorCode::kResourceExhausted);
}

TEST_P(CityInboxTest, TheSameImeiAtTwoShopsWithinAWeekRaisesASignal) {
  auto inbox = Inbox();
  const std::string imei = "867234051234565";
  ASSERT_TRUE(inbox.Receive(Signed(shop_a_, {Registration(1, "A1", imei, "110105", now_)})));
  // The same shop again is not a cross-operator signal.
  ASSERT_TRUE(inbox.Receive(Signed(shop_a_, {Registration(2, "A2", imei, "110105", now_)})));
  EXPECT_TRUE(inbox.Signals(Police("110"), 100)->empty());
  const int64_t later = now_ + int64_t{3} * 24 * 3600 * 1000;
  ASSERT_TRUE(inbox.Receive(Signed(shop_b_, {Registration(1, "B1", imei, "110108", later)})));
  auto signals = inbox.Signals(Police("110108"), 100);
  ASSERT_TRUE(signals) << signals.error().message;
  ASSERT_EQ(signals->size(), 2u);  // against each of shop A's registrations
  EXPECT_EQ(signals->front().identifier_value, imei);
  EXPECT_EQ(signals->front().second_origin, "shop-b.test/log");
  EXPECT_TRUE(inbox.Signals(Police("110105"), 100)->empty());  // told where B registered it
  // More than a week later: no signal.
  const int64_t much_later = later + int64_t{8} * 24 * 3600 * 1000;
  ASSERT_TRUE(inbox.Receive(Signed(shop_b_, {Registration(2, "B2", imei, "110108", much_later)})));
  EXPECT_EQ(inbox.Signals(Police("110108"), 100)->size(), 2u);
}

RECIRC_BOTH_DATABASES(CityInboxTest);

}  // namespace
}  // namespace recirc::federation
