#include "core/enum_table.hpp"

#include <gtest/gtest.h>

namespace recirc {
namespace {

enum class Colour { kRed, kDarkGreen };
inline constexpr EnumTable<Colour, 2> kColourTable{
    "colour", {{{Colour::kRed, "red"}, {Colour::kDarkGreen, "dark_green"}}}};
constexpr const auto& EnumTableOf(Colour) { return kColourTable; }

TEST(EnumTable, RoundTripsEveryEnumerator) {
  for (const auto& [e, text] : kColourTable.entries) {
    EXPECT_EQ(ToString(e), text);
    auto parsed = Parse<Colour>(ToString(e), "colour");
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(*parsed, e);
  }
}

TEST(EnumTable, UnknownStringIsAnErrorNamingTheField) {
  auto parsed = Parse<Colour>("blue", "paint.colour");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(parsed.error().field, "paint.colour");
  EXPECT_EQ(parsed.error().message, "the colour is one of red, dark_green");
}

TEST(EnumTable, ParsingIsExact) {
  EXPECT_FALSE(Parse<Colour>("Red", "colour"));
  EXPECT_FALSE(Parse<Colour>("", "colour"));
  EXPECT_FALSE(Parse<Colour>("red ", "colour"));
}

TEST(EnumTable, StoredStringsThatAreUnknownThrow) {
  EXPECT_EQ(ParseStored<Colour>("dark_green", "t.colour"), Colour::kDarkGreen);
  EXPECT_THROW(ParseStored<Colour>("blue", "t.colour"), ErrorException);
}

}  // namespace
}  // namespace recirc
