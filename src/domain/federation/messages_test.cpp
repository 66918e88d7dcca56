// Signed federation messages: a batch signed by a shop opens only with that shop's key, any
// change to it is refused, another kind of message is refused; sealed seller data opens only
// with the city's key; the back-off doubles and honours Retry-After.
#include <gtest/gtest.h>

#include <array>

#include "domain/federation/messages.hpp"
#include "domain/federation/transport.hpp"
#include "tlog/sealed_box.hpp"

namespace recirc::federation {
namespace {

tlog::Signer Key(std::string_view name, uint8_t fill) {
  std::array<uint8_t, tlog::kEd25519SeedSize> seed{};
  seed.fill(fill);
  return *tlog::Signer::FromSeed(name, seed);
}

Batch SampleBatch() {
  RegistrationFacts r{"A1",     "O1",       "朝阳店",     "110105",
                      7,        "purchase", "I1",         "phone",
                      "Huawei", "Mate 60",  "registered", {{"imei", "867234051234565"}},
                      "sealed", 1000};
  return {"shop-a.test/log",
          {{3, "E3", 1000, "item.acquired", "item", "I1", R"({"acquisition_id":"A1"})", r},
           {5, "E5", 1001, "alert.raised", "alert", "AL1", R"({"score":100})", std::nullopt}}};
}

TEST(FederationMessagesTest, BatchRoundTripsUnderTheShopsKey) {
  const auto shop = Key("shop-a.test/log", 1);
  auto note = SignMessage(kBatch, ToJson(SampleBatch()), shop);
  ASSERT_TRUE(note) << note.error().message;
  const tlog::Verifier keys[] = {shop.ToVerifier()};
  auto opened = OpenMessage(*note, kBatch, keys);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->signer, "shop-a.test/log");
  auto batch = BatchFromJson(opened->body);
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_EQ(batch->events.size(), 2u);
  EXPECT_EQ(batch->events[0].seq, 3);
  ASSERT_TRUE(batch->events[0].registration);
  EXPECT_EQ(batch->events[0].registration->outlet_name, "朝阳店");
  EXPECT_EQ(batch->events[0].registration->identifiers.at(0).second, "867234051234565");
  EXPECT_FALSE(batch->events[1].registration);
}

TEST(FederationMessagesTest, UnknownKeyTamperingAndOtherKindsAreRefused) {
  const auto shop = Key("shop-a.test/log", 1);
  const auto stranger = Key("shop-a.test/log", 2);  // same name, another key
  auto note = SignMessage(kBatch, ToJson(SampleBatch()), stranger);
  ASSERT_TRUE(note);
  const tlog::Verifier keys[] = {shop.ToVerifier()};
  auto refused = OpenMessage(*note, kBatch, keys);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kUnauthenticated);

  auto good = *SignMessage(kBatch, ToJson(SampleBatch()), shop);
  std::string tampered = good;
  tampered.replace(tampered.find("\"seq\":3"), 7, "\"seq\":4");
  auto changed = OpenMessage(tampered, kBatch, keys);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, ErrorCode::kUnauthenticated);

  auto other_kind = OpenMessage(good, kAck, keys);
  ASSERT_FALSE(other_kind);
  EXPECT_EQ(other_kind.error().code, ErrorCode::kInvalidArgument);
}

TEST(FederationMessagesTest, EventsOutOfOrderAreMalformed) {
  Batch batch = SampleBatch();
  std::swap(batch.events[0], batch.events[1]);
  auto parsed = BatchFromJson(ToJson(batch));
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().field, "body");
}

TEST(FederationMessagesTest, SealedSellerOpensOnlyWithTheCitysKey) {
  const auto city = Key("city.test/log", 7);
  const auto other = Key("other.test/log", 8);
  auto sealed = tlog::SealTo(city.ToVerifier(), R"({"name":"李四"})");
  ASSERT_TRUE(sealed) << sealed.error().message;
  EXPECT_EQ(sealed->find("李四"), std::string::npos);
  auto opened = tlog::OpenSealed(city, *sealed);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(*opened, R"({"name":"李四"})");
  auto wrong = tlog::OpenSealed(other, *sealed);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
}

TEST(FederationMessagesTest, BackoffDoublesUpToItsMaximumAndHonoursRetryAfter) {
  const Backoff b{std::chrono::milliseconds(100), std::chrono::milliseconds(1000)};
  EXPECT_EQ(b.After(1, std::nullopt).count(), 100);
  EXPECT_EQ(b.After(2, std::nullopt).count(), 200);
  EXPECT_EQ(b.After(4, std::nullopt).count(), 800);
  EXPECT_EQ(b.After(9, std::nullopt).count(), 1000);
  EXPECT_EQ(b.After(1, std::chrono::seconds(5)).count(), 5000);
}

}  // namespace
}  // namespace recirc::federation
