#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <set>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "core/money.hpp"
#include "core/private_files.hpp"

namespace recirc {
namespace {

TEST(IdTest, RoundTripsThroughCrockfordBase32) {
  FakeClock clock(FromUnixMillis(1'790'000'000'123));
  SeededRandom random(7);
  for (int i = 0; i < 100; ++i) {
    const Id id = Id::Generate(clock, random);
    const std::string text = id.ToString();
    ASSERT_EQ(text.size(), 26u);
    auto parsed = Id::Parse(text, "id");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, id);
    EXPECT_EQ(id.UnixMillis(), 1'790'000'000'123);
    EXPECT_EQ(id.bytes()[6] >> 4, 7);  // version 7
  }
}

TEST(IdTest, SortsInTimeOrder) {
  FakeClock clock(FromUnixMillis(1'000));
  SeededRandom random(1);
  std::string previous;
  for (int i = 0; i < 50; ++i) {
    clock.Advance(std::chrono::milliseconds(1));
    const std::string text = Id::Generate(clock, random).ToString();
    EXPECT_LT(previous, text);
    previous = text;
  }
}

TEST(IdTest, ParseAcceptsAliasesAndRejectsGarbage) {
  auto lower = Id::Parse("01arz3ndektsv4rrffq69g5fav", "id");
  auto upper = Id::Parse("01ARZ3NDEKTSV4RRFFQ69G5FAV", "id");
  ASSERT_TRUE(lower && upper);
  EXPECT_EQ(*lower, *upper);
  auto aliased = Id::Parse("OIARZ3NDEKTSV4RRFFQ69G5FAV", "id");
  ASSERT_TRUE(aliased);
  EXPECT_EQ(*aliased, *upper);
  for (const char* bad : {"", "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAU",
                          "81ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FA!"}) {
    auto r = Id::Parse(bad, "organisation_id");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "organisation_id");
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(MoneyTest, ParsesAndFormatsYuan) {
  EXPECT_EQ(Money::ParseYuan("12", "price")->fen(), 1200);
  EXPECT_EQ(Money::ParseYuan("12.5", "price")->fen(), 1250);
  EXPECT_EQ(Money::ParseYuan("0.07", "price")->fen(), 7);
  EXPECT_EQ(Money::Fen(123450).ToYuanString(), "1234.50");
  EXPECT_EQ(Money::Fen(-5).ToYuanString(), "-0.05");
  for (const char* bad : {"", "-1", "1.234", "1e5", ".5", "1.", "99999999999999999999"}) {
    auto r = Money::ParseYuan(bad, "price");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "price");
  }
}

TEST(MoneyTest, ArithmeticIsChecked) {
  const Money max = Money::Fen(INT64_MAX);
  EXPECT_FALSE(max.Plus(Money::Fen(1)));
  EXPECT_FALSE(Money::Fen(INT64_MIN).Minus(Money::Fen(1)));
  EXPECT_EQ(Money::Fen(5).Minus(Money::Fen(7))->fen(), -2);
}

TEST(ClockTest, FormatsAndParsesRfc3339) {
  const TimePoint t = FromUnixMillis(1'795'000'000'123);
  const std::string text = FormatRfc3339(t);
  EXPECT_EQ(text, "2026-11-18T11:06:40.123Z");
  TimePoint back;
  ASSERT_TRUE(ParseRfc3339(text, back));
  EXPECT_EQ(back, t);
  ASSERT_TRUE(ParseRfc3339("2026-11-18T19:06:40.123+08:00", back));
  EXPECT_EQ(back, t);
  for (const char* bad : {"", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                          "2026-11-18 09:46:40Z", "2026-11-18T09:46:40", "2026-11-18T09:46:40.Z"}) {
    EXPECT_FALSE(ParseRfc3339(bad, back)) << bad;
  }
}

TEST(ClockTest, FakeClockAdvances) {
  FakeClock clock(FromUnixMillis(0));
  clock.Advance(std::chrono::hours(1));
  EXPECT_EQ(ToUnixMillis(clock.Now()), 3'600'000);
}

TEST(MoneyTest, AmountsAreCappedAndProductsChecked) {
  EXPECT_TRUE(CheckFen(0, "price_fen"));
  EXPECT_TRUE(CheckFen(kMaxFen, "price_fen"));
  auto over = CheckFen(kMaxFen + 1, "price_fen");
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().field, "price_fen");
  EXPECT_EQ(CheckFen(-1, "amount_fen").error().field, "amount_fen");
  EXPECT_EQ(CheckedMultiply(kMaxFen, 100, "price_fen").value(), kMaxFen * 100);
  EXPECT_EQ(CheckedMultiply(INT64_MAX / 10, 100, "price_fen").error().field, "price_fen");
}

TEST(PrivateFilesTest, CreatedFoldersAreOwnerOnlyUnderAPermissiveUmask) {
  const auto top =
      std::filesystem::temp_directory_path() / ("recirc-private-" + std::to_string(::getpid()));
  std::filesystem::remove_all(top);
  const mode_t old = ::umask(022);
  const Status st = CreatePrivateDirectories(top / "a" / "b");
  ::umask(old);
  ASSERT_TRUE(st) << st.error().message;
  for (const auto& dir : {top, top / "a", top / "a" / "b"}) {
    struct stat info {};
    ASSERT_EQ(::stat(dir.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0700u) << dir;
  }
  EXPECT_TRUE(CreatePrivateDirectories(top / "a" / "b")) << "existing: nothing to do";
  std::filesystem::remove_all(top);
}

}  // namespace
}  // namespace recirc
