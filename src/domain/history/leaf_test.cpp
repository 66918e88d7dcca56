#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/history/leaf.hpp"
#include "tlog/tiles.hpp"

namespace recirc::history {
namespace {

storage::EventRecord Event(std::string payload) {
  return {7,        "01EVENT", 1'795'000'000'123, "item.acquired",   "item",
          "01ITEM", "01ORG",   "01USER-ACTOR",    std::move(payload)};
}

TEST(CanonicalJsonTest, SortsKeysAndEscapesOnlyWhatJsonRequires) {
  auto v = boost::json::parse(
      R"({"b":1,"a":{"z":[true,null,2.5,-3],"y":"\u0001\"\\/é"},"A":1.0,"big":1e300})");
  EXPECT_EQ(CanonicalJson(v),
            R"({"A":1,"a":{"y":"\u0001\"\\/é","z":[true,null,2.5,-3]},"b":1,"big":1e+300})");
}

TEST(LeafTest, HoldsTheItemEventAndChainsToThePreviousLeaf) {
  auto leaf = MakeLeaf(Event(R"({"brand":"Apple","outlet_id":"01OUT"})"), std::nullopt);
  ASSERT_TRUE(leaf) << leaf.error().message;
  EXPECT_EQ(*leaf, R"({"event_id":"01EVENT","facts":{"brand":"Apple","outlet_id":"01OUT"},)"
                   R"("item_id":"01ITEM","organisation_id":"01ORG","prev":null,)"
                   R"("time":"2026-11-18T11:06:40.123Z","type":"item.acquired","v":1})");
  auto second = MakeLeaf(Event("{}"), 41);
  ASSERT_TRUE(second);
  EXPECT_NE(second->find(R"("prev":41)"), std::string::npos);
  EXPECT_EQ(second->find("01USER-ACTOR"), std::string::npos) << "the actor is never public";
}

TEST(LeafTest, DropsPersonalKeysAtAnyDepth) {
  auto leaf = MakeLeaf(Event(R"({"grade":"A","seller_name":"Zhang San","parts":[{"part":"screen",)"
                             R"("technician_phone":"13800138000"}],"id_number_index":"x",)"
                             R"("buyer":{"city":"Hangzhou"}})"),
                       std::nullopt);
  ASSERT_TRUE(leaf);
  EXPECT_NE(leaf->find(R"("facts":{"grade":"A","parts":[{"part":"screen"}]})"), std::string::npos)
      << *leaf;
  for (const char* secret : {"Zhang", "13800138000", "Hangzhou", "id_number"})
    EXPECT_EQ(leaf->find(secret), std::string::npos) << secret;
}

TEST(LeafTest, OversizedFactsBecomeTheirHash) {
  const std::string big(70'000, 'x');
  auto leaf = MakeLeaf(Event(R"({"report":")" + big + R"("})"), std::nullopt);
  ASSERT_TRUE(leaf);
  EXPECT_LE(leaf->size(), tlog::kMaxEntrySize);
  EXPECT_NE(leaf->find(R"("omitted":"too_large")"), std::string::npos);
}

TEST(LeafTest, RefusesAPayloadThatIsNotAnObject) {
  auto leaf = MakeLeaf(Event("[1]"), std::nullopt);
  ASSERT_FALSE(leaf);
  EXPECT_EQ(leaf.error().field, "payload");
}

TEST(LeafTest, OnlyPublicEventsBecomeLeaves) {
  auto e = Event("{}");
  EXPECT_TRUE(IsPublicEvent(e));
  e.aggregate_type = "alert";
  e.type = "alert.raised";
  EXPECT_FALSE(IsPublicEvent(e));
}

TEST(LeafTest, TheCatalogueNotTheNameDecides) {
  auto e = Event("{}");
  e.type = "item.seized";  // an item event, deliberately internal
  EXPECT_FALSE(IsPublicEvent(e));
  e.type = "item.not_declared";  // a stored name no context declares
  EXPECT_FALSE(IsPublicEvent(e));
  e.type = "item.acquired";
  e.aggregate_type = "alert";  // a public name on another aggregate
  EXPECT_FALSE(IsPublicEvent(e));
  e.type = "item.seizure_published";
  e.aggregate_type = "item";
  EXPECT_TRUE(IsPublicEvent(e));
}

}  // namespace
}  // namespace recirc::history
