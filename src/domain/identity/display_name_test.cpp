#include "domain/identity/display_name.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace recirc::identity {
namespace {

TEST(DisplayNameTest, RefusesInvisibleAndReorderingCharactersAndNamesWithoutALetter) {
  for (const std::string& bad : std::vector<std::string>{"a\u202Eb",
                                                         "a\u202Ab",
                                                         "a\u202Bb",
                                                         "a\u202Cb",
                                                         "a\u202Db",
                                                         "a\u2066b",
                                                         "a\u2067b",
                                                         "a\u2068b",
                                                         "a\u2069b",
                                                         "a\u200Eb",
                                                         "a\u200Fb",
                                                         "a\u200Bb",
                                                         "a\uFEFFb",
                                                         "a\u00ADb",
                                                         "a\tb",
                                                         "a\u0085b",
                                                         "a\u2028b",
                                                         "a\u2029b",
                                                         "123",
                                                         "...",
                                                         "-_-",
                                                         "",
                                                         " a",
                                                         "a ",
                                                         std::string("a\xff b"),
                                                         std::string(65, 'a')}) {
    auto r = NormaliseDisplayName(bad, "display_name");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "display_name") << bad;
  }
}

TEST(DisplayNameTest, KeepsOrdinaryNamesAndComposesToNfc) {
  for (const std::string& good : std::vector<std::string>{"赵警官", "Li Wei", "O'Brien", "王 2",
                                                          "Ана", std::string(64, 'a')}) {
    auto r = NormaliseDisplayName(good, "display_name");
    ASSERT_TRUE(r) << good << ": " << r.error().message;
    EXPECT_EQ(*r, good);
  }
  EXPECT_EQ(NormaliseDisplayName("Jose\u0301", "display_name").value(), "Jos\u00e9");
  EXPECT_EQ(NormaliseDisplayName("\u212B", "display_name").value(), "\u00C5");  // Angstrom sign
}

}  // namespace
}  // namespace recirc::identity
