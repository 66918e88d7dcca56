// JSON mapping by description: writing, reading with errors that name the field, JSON Schema.
#include <gtest/gtest.h>

#include <boost/describe/class.hpp>
#include <boost/json.hpp>

#include "http/describe_json.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::testdto {

using jsonmap::Omitted;
using jsonmap::tag_invoke;

struct Identifier {
  static constexpr std::string_view kSchemaName = "Identifier";
  std::string imei;
  std::optional<std::string> serial;
};
BOOST_DESCRIBE_STRUCT(Identifier, (), (imei, serial))

struct Item {
  std::string brand;
  int64_t quantity = 1;
  std::vector<Identifier> identifiers;
};
BOOST_DESCRIBE_STRUCT(Item, (), (brand, quantity, identifiers))

struct Order {
  static constexpr std::string_view kSchemaName = "TestOrder";
  std::string id;
  int64_t price_fen = 0;
  bool urgent = false;
  std::optional<int64_t> discount_fen;
  Omitted<std::string> csrf_token;
  jsonmap::Time created_at;
  Item item;
  std::map<std::string, std::vector<std::string>> tags;
};
BOOST_DESCRIBE_STRUCT(Order, (),
                      (id, price_fen, urgent, discount_fen, csrf_token, created_at, item, tags))

}  // namespace recirc::testdto

namespace recirc::jsonmap {
namespace {

using testdto::Order;

TEST(DescribeJsonTest, WritesEveryMemberInOrder) {
  Order o;
  o.id = "o1";
  o.price_fen = 1500;
  o.created_at.unix_ms = 1700000000123;
  o.item.brand = "Acme";
  o.item.identifiers.push_back({"356938035643809", std::nullopt});
  o.tags["colour"] = {"red"};
  EXPECT_EQ(
      json::serialize(json::value_from(o)),
      R"({"id":"o1","price_fen":1500,"urgent":false,"discount_fen":null,)"
      R"("created_at":"2023-11-14T22:13:20.123Z","item":{"brand":"Acme","quantity":1,)"
      R"("identifiers":[{"imei":"356938035643809","serial":null}]},"tags":{"colour":["red"]}})");
  o.csrf_token = "t";
  EXPECT_EQ(json::value_from(o).as_object().at("csrf_token"), "t");
}

Result<Order> ReadText(std::string_view text) { return Read<Order>(json::parse(text)); }

constexpr std::string_view kValid =
    R"({"id":"o1","price_fen":1500,"created_at":"2023-11-14T22:13:20.123Z",)"
    R"("item":{"brand":"Acme","quantity":2,"identifiers":[{"imei":"1"}]},"tags":{}})";

TEST(DescribeJsonTest, ReadsWhatItWrites) {
  auto o = ReadText(kValid);
  ASSERT_TRUE(o) << o.error().field << " " << o.error().message;
  EXPECT_EQ(o->price_fen, 1500);
  EXPECT_FALSE(o->urgent);
  EXPECT_FALSE(o->discount_fen);
  EXPECT_EQ(o->created_at.unix_ms, 1700000000123);
  EXPECT_EQ(o->item.quantity, 2);
  ASSERT_EQ(o->item.identifiers.size(), 1u);
  EXPECT_EQ(o->item.identifiers[0].imei, "1");
  auto back = Read<Order>(json::value_from(*o));
  ASSERT_TRUE(back);
  EXPECT_EQ(json::value_from(*back), json::value_from(*o));
}

void ExpectError(std::string_view text, std::string_view field, std::string_view message) {
  auto o = ReadText(text);
  ASSERT_FALSE(o) << text;
  EXPECT_EQ(o.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(o.error().field, field) << text;
  EXPECT_EQ(o.error().message, message) << text;
}

std::string With(std::string_view from, std::string_view to) {
  std::string s(kValid);
  s.replace(s.find(from), from.size(), to);
  return s;
}

TEST(DescribeJsonTest, ErrorsNameTheFullPath) {
  ExpectError(With(R"("imei":"1")", R"("imei":7)"), "item.identifiers[0].imei", "must be a string");
  ExpectError(With(R"("imei":"1")", R"("imie":"1")"), "item.identifiers[0].imie",
              "unknown field; the fields are: imei, serial");
  ExpectError(With(R"({"imei":"1"})", R"({})"), "item.identifiers[0].imei", "is required");
  ExpectError(With(R"("id":"o1",)", ""), "id", "is required");
  ExpectError(With(R"("id":"o1")", R"("id":null)"), "id", "is required");
  ExpectError(With(R"("quantity":2)", R"("quantity":2.5)"), "item.quantity",
              "must be a whole number");
  ExpectError(With(R"("price_fen":1500)", R"("price_fen":-1)"), "price_fen",
              "price_fen must be 0 to 1000000000000 fen");
  ExpectError(With(R"("tags":{})", R"("tags":{},"discount_fen":-5)"), "discount_fen",
              "discount_fen must be 0 to 1000000000000 fen");
  ExpectError(With(R"("tags":{})", R"("tags":{},"urgent":1)"), "urgent", "must be true or false");
  ExpectError(With(R"("tags":{})", R"("tags":{"a":[1]})"), "tags.a[0]", "must be a string");
  ExpectError(With(R"("identifiers":[{"imei":"1"}])", R"("identifiers":{})"), "item.identifiers",
              "must be an array");
  ExpectError(With(R"("tags":{})", R"("tags":{},"extra":1)"), "extra",
              "unknown field; the fields are: id, price_fen, urgent, discount_fen, csrf_token, "
              "created_at, item, tags");
  ExpectError(With(R"(2023-11-14T22:13:20.123Z)", "yesterday"), "created_at", "a time in RFC 3339");
  // Found by fuzz/describe_json_fuzz: an empty key named no field at all.
  ExpectError(With(R"("tags":{})", R"("tags":{},"":1)"), "body", "a field has an empty name");
  ExpectError(With(R"("imei":"1")", R"("imei":"1","":2)"), "item.identifiers[0]",
              "a field has an empty name");
  ExpectError(With(R"("item":{)", R"("item":7,"x":{)"), "x",
              "unknown field; the fields are: id, price_fen, urgent, discount_fen, csrf_token, "
              "created_at, item, tags");
}

struct Query {
  static constexpr bool kRequest = true;
  std::string text;
  std::optional<int64_t> limit;
  bool exact = false;
};
BOOST_DESCRIBE_STRUCT(Query, (), (text, limit, exact))

TEST(DescribeJsonTest, RequestSchemasAreClosedAndRequireOnlyNonOptionalMembers) {
  Schemas schemas;
  EXPECT_EQ(schemas.Of<Query>(),
            json::parse(R"({"type":"object","properties":{"text":{"type":"string"},)"
                        R"("limit":{"type":["integer","null"]},"exact":{"type":"boolean"}},)"
                        R"("required":["text"],)"
                        R"("additionalProperties":false})"));
}

TEST(DescribeJsonTest, OptionalStringsReadEmptyAsNone) {
  auto o = ReadText(With(R"("imei":"1")", R"("imei":"1","serial":"")"));
  ASSERT_TRUE(o);
  EXPECT_FALSE(o->item.identifiers[0].serial);
}

TEST(DescribeJsonTest, SchemaFromTheDescription) {
  Schemas schemas;
  EXPECT_EQ(schemas.Of<Order>(), json::parse(R"({"$ref":"#/components/schemas/TestOrder"})"));
  const auto& c = schemas.components();
  ASSERT_TRUE(c.contains("TestOrder"));
  ASSERT_TRUE(c.contains("Identifier"));
  const auto& order = c.at("TestOrder").as_object();
  EXPECT_EQ(
      order.at("required"),
      json::parse(R"(["id","price_fen","urgent","discount_fen","created_at","item","tags"])"));
  const auto& p = order.at("properties").as_object();
  EXPECT_EQ(p.at("discount_fen"), json::parse(R"({"type":["integer","null"]})"));
  EXPECT_EQ(p.at("csrf_token"), json::parse(R"({"type":"string"})"));
  EXPECT_EQ(p.at("created_at"), json::parse(R"({"type":"string","format":"date-time"})"));
  EXPECT_EQ(p.at("tags"), json::parse(R"({"type":"object","additionalProperties":)"
                                      R"({"type":"array","items":{"type":"string"}}})"));
  const auto& item = p.at("item").as_object();  // no schema name: inlined
  EXPECT_EQ(item.at("properties").at("identifiers"),
            json::parse(R"({"type":"array","items":{"$ref":"#/components/schemas/Identifier"}})"));
  EXPECT_EQ(c.at("Identifier").at("required"), json::parse(R"(["imei","serial"])"));
}

}  // namespace
}  // namespace recirc::jsonmap

namespace recirc::jsonmap {
namespace {

TEST(DescribeJsonTest, OrderedMapKeepsTheObjectsOrder) {
  auto m = Read<OrderedMap<std::string>>(json::parse(R"({"vin":"V","imei":"I"})"), "ids");
  ASSERT_TRUE(m);
  ASSERT_EQ(m->size(), 2u);
  EXPECT_EQ((*m)[0].first, "vin");
  EXPECT_EQ(json::serialize(json::value_from(*m)), R"({"vin":"V","imei":"I"})");
  auto bad = Read<OrderedMap<std::string>>(json::parse(R"({"vin":1})"), "item.identifiers");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "item.identifiers.vin");
}

}  // namespace
}  // namespace recirc::jsonmap
