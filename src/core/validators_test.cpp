#include "core/validators.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>

namespace recirc::core {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

// Accepted, or rejected as InvalidArgument naming `field` with a message containing `fragment`.
template <class T>
testing::AssertionResult IsInvalid(const Result<T>& status, std::string_view field,
                                   std::string_view fragment) {
  if (status) return testing::AssertionFailure() << "was accepted";
  const Error& error = status.error();
  if (error.code != ErrorCode::kInvalidArgument) {
    return testing::AssertionFailure() << "code " << ErrorCodeName(error.code);
  }
  if (error.field != field) {
    return testing::AssertionFailure()
           << "field \"" << error.field << "\", wanted \"" << field << "\"";
  }
  if (error.message.find(fragment) == std::string::npos) {
    return testing::AssertionFailure()
           << "message \"" << error.message << "\" lacks \"" << fragment << "\"";
  }
  return testing::AssertionSuccess();
}

std::string RandomDigits(std::mt19937& engine, std::size_t count) {
  std::uniform_int_distribution<int> digit(0, 9);
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + digit(engine)));
  return out;
}

// Every single-character substitution at `position` (drawn from `alphabet`) must be rejected.
template <class Validate>
void ExpectEverySubstitutionRejected(const std::string& valid, std::size_t position,
                                     std::string_view alphabet, Validate validate) {
  for (char c : alphabet) {
    if (c == valid[position]) continue;
    std::string changed = valid;
    changed[position] = c;
    EXPECT_FALSE(validate(changed)) << changed << " (from " << valid << ")";
  }
}

TEST(NormaliseIdentifierTest, StripsSpacesAndHyphensAndUpperCases) {
  EXPECT_EQ(NormaliseIdentifier(" 49-015420-323751-8 "), "490154203237518");
  EXPECT_EQ(NormaliseIdentifier("11010519491231002x"), "11010519491231002X");
  EXPECT_EQ(NormaliseIdentifier("1m8 gdm9a xkp 042788"), "1M8GDM9AXKP042788");
  EXPECT_EQ(NormaliseIdentifier(""), "");
  // Non-ASCII bytes are left for the validator to reject by name.
  EXPECT_EQ(NormaliseIdentifier("４9"), "４9");
}

TEST(ImeiTest, AcceptsValidNumbers) {
  EXPECT_TRUE(ValidateImei("490154203237518"));  // a widely published example
  EXPECT_EQ(*ImeiCheckDigit("49015420323751"), '8');
  EXPECT_TRUE(ValidateImei(NormaliseIdentifier("49-015420-323751-8")));
}

TEST(ImeiTest, RejectsWrongCheckDigit) {
  EXPECT_TRUE(
      IsInvalid(ValidateImei("490154203237517"), "imei", "IMEI check digit is wrong: expected 8"));
}

TEST(ImeiTest, RejectsWrongLengthAndCharacters) {
  EXPECT_TRUE(IsInvalid(ValidateImei("49015420323751"), "imei", "15 digits long, got 14"));
  EXPECT_TRUE(IsInvalid(ValidateImei("4901542032375180"), "imei", "15 digits long, got 16"));
  EXPECT_TRUE(IsInvalid(ValidateImei(""), "imei", "IMEI is empty"));
  EXPECT_TRUE(IsInvalid(ValidateImei("49015420323751A"), "imei", "found 'A' at position 15"));
  EXPECT_TRUE(IsInvalid(ValidateImei("49-015420-323751-8"), "imei", "found '-' at position 3"));
  EXPECT_TRUE(IsInvalid(ValidateImei("4901542 3237518"), "imei", "found a space at position 8"));
  EXPECT_TRUE(IsInvalid(ValidateImei("４90154203237518"), "imei",
                        "found a non-ASCII character at position 1"));
}

TEST(ImeiTest, NamesTheFieldPassedIn) {
  EXPECT_TRUE(IsInvalid(ValidateImei("1", "listing.device.imei"), "listing.device.imei", "IMEI"));
}

TEST(ImeiTest, CheckDigitHelperRejectsBadBodies) {
  EXPECT_TRUE(IsInvalid(ImeiCheckDigit("4901542032375"), "imei", "14 digits long, got 13"));
  EXPECT_TRUE(IsInvalid(ImeiCheckDigit("4901542032375X"), "imei", "found 'X' at position 14"));
}

TEST(ImeiTest, GeneratedNumbersRoundTripAndEverySingleDigitErrorIsCaught) {
  std::mt19937 engine(20261122);
  for (int n = 0; n < 200; ++n) {
    const std::string body = RandomDigits(engine, 14);
    const std::string imei = body + *ImeiCheckDigit(body);
    ASSERT_TRUE(ValidateImei(imei)) << imei;
    for (std::size_t i = 0; i < imei.size(); ++i) {
      ExpectEverySubstitutionRejected(imei, i, "0123456789",
                                      [](const std::string& s) { return bool(ValidateImei(s)); });
    }
  }
}

TEST(ImeiSvTest, AcceptsSixteenDigitsWithoutCheckDigit) {
  EXPECT_TRUE(ValidateImeiSv("4901542032375186"));
  EXPECT_TRUE(ValidateImeiSv("4901542032375100"));
}

TEST(ImeiSvTest, RejectsWrongLengthAndCharacters) {
  EXPECT_TRUE(IsInvalid(ValidateImeiSv("490154203237518"), "imeisv", "16 digits long, got 15"));
  EXPECT_TRUE(IsInvalid(ValidateImeiSv("49015420323751A6"), "imeisv", "found 'A' at position 15"));
  EXPECT_TRUE(IsInvalid(ValidateImeiSv("", "device.imeisv"), "device.imeisv", "IMEISV is empty"));
}

TEST(MeidTest, AcceptsFourteenUpperCaseHexCharacters) {
  EXPECT_TRUE(ValidateMeid("A10000009296F2"));
  EXPECT_TRUE(ValidateMeid("99000124000000"));
  EXPECT_TRUE(ValidateMeid(NormaliseIdentifier("a1 000000 9296f2")));
}

TEST(MeidTest, RejectsWrongLengthAndCharacters) {
  EXPECT_TRUE(IsInvalid(ValidateMeid("A10000009296F"), "meid", "14 characters long, got 13"));
  EXPECT_TRUE(IsInvalid(ValidateMeid("A10000009296F2C"), "meid", "14 characters long, got 15"));
  EXPECT_TRUE(IsInvalid(ValidateMeid("A1000000929GF2"), "meid", "found 'G' at position 12"));
  EXPECT_TRUE(
      IsInvalid(ValidateMeid("a10000009296f2"), "meid", "upper case: found 'a' at position 1"));
}

TEST(VinTest, AcceptsPublishedVins) {
  // From Wikipedia's VIN article (1M8GDM9AXKP042788) and the test suites and READMEs of
  // open-source VIN libraries. Between them they use every weighted position and letters from
  // each transliteration run (A-H, J-N, P, R, S-Z).
  for (std::string_view vin :
       {"1M8GDM9AXKP042788", "5N1NJ01CXST000001", "1HGCM82633A004352", "JN1DA31D63T505967",
        "1XPTD40X6JD456115", "HE9XR1C48PS083871", "WBA3A5G59DNP26082", "1HGBH41JXMN109186",
        "JHMCM56557C404453", "5YJ3E1EA7HF000337", "JH4KA7561PC008269"}) {
    EXPECT_TRUE(ValidateVin(vin)) << vin;
  }
  EXPECT_TRUE(ValidateVin("11111111111111111"));
  EXPECT_EQ(*VinCheckChar("1M8GDM9A0KP042788"), 'X');
  EXPECT_EQ(*VinCheckChar("1HGCM826Z3A004352"), '3');
}

TEST(VinTest, RejectsWrongCheckCharacter) {
  EXPECT_TRUE(IsInvalid(ValidateVin("1M8GDM9A1KP042788"), "vin",
                        "VIN check character (position 9) is wrong: expected X"));
  ExpectEverySubstitutionRejected("1HGCM82633A004352", 8, "0123456789X",
                                  [](const std::string& s) { return bool(ValidateVin(s)); });
}

TEST(VinTest, RejectsLettersIOAndQ) {
  EXPECT_TRUE(IsInvalid(ValidateVin("1M8GDM9AXKP04278O"), "vin",
                        "except I, O and Q: found 'O' at position 17"));
  EXPECT_TRUE(IsInvalid(ValidateVin("IM8GDM9AXKP042788"), "vin", "found 'I' at position 1"));
  EXPECT_TRUE(IsInvalid(ValidateVin("1M8GDM9AXKQ042788"), "vin", "found 'Q' at position 11"));
}

TEST(VinTest, RejectsWrongLengthAndLowerCase) {
  EXPECT_TRUE(IsInvalid(ValidateVin("1M8GDM9AXKP04278"), "vin", "17 characters long, got 16"));
  EXPECT_TRUE(IsInvalid(ValidateVin("1M8GDM9AXKP0427880"), "vin", "17 characters long, got 18"));
  EXPECT_TRUE(IsInvalid(ValidateVin("1m8GDM9AXKP042788", "vehicle.vin"), "vehicle.vin",
                        "upper case: found 'm' at position 2"));
  EXPECT_TRUE(IsInvalid(VinCheckChar("1M8GDM9A"), "vin", "17 characters long, got 8"));
}

TEST(VinTest, GeneratedVinsRoundTrip) {
  constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
  std::mt19937 engine(7);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  for (int n = 0; n < 200; ++n) {
    std::string vin;
    for (int i = 0; i < 17; ++i) vin.push_back(kAlphabet[pick(engine)]);
    vin[8] = *VinCheckChar(vin);
    ASSERT_TRUE(ValidateVin(vin)) << vin;
    ExpectEverySubstitutionRejected(vin, 8, "0123456789X",
                                    [](const std::string& s) { return bool(ValidateVin(s)); });
  }
}

TEST(ResidentIdTest, AcceptsPublishedNumbers) {
  // The two examples of GB 11643-1999 itself.
  EXPECT_TRUE(ValidateResidentId("11010519491231002X"));
  EXPECT_TRUE(ValidateResidentId("440524188001010014"));
  // From python-stdnum's tests.
  for (std::string_view id :
       {"360426199101010071", "44011320141005001X", "412723199010050012", "110102199101010078",
        "120110198012010073", "120110199212010072", "110111198012010078", "110201199312010077"}) {
    EXPECT_TRUE(ValidateResidentId(id)) << id;
  }
  EXPECT_EQ(*ResidentIdCheckChar("11010519491231002"), 'X');
  EXPECT_EQ(*ResidentIdCheckChar("44052418800101001"), '4');
}

TEST(ResidentIdTest, RejectsWrongCheckCharacter) {
  EXPECT_TRUE(IsInvalid(ValidateResidentId("110105194912310021"), "resident_id",
                        "resident ID number check character is wrong: expected X"));
}

TEST(ResidentIdTest, RejectsLowerCaseXUntilNormalised) {
  EXPECT_TRUE(IsInvalid(ValidateResidentId("11010519491231002x"), "resident_id",
                        "upper case: found 'x' at position 18"));
  EXPECT_TRUE(ValidateResidentId(NormaliseIdentifier("110105 19491231 002x")));
}

TEST(ResidentIdTest, RejectsWrongLengthAndCharacters) {
  EXPECT_TRUE(IsInvalid(ValidateResidentId("11010519491231002"), "resident_id",
                        "18 characters long, got 17"));
  EXPECT_TRUE(IsInvalid(ValidateResidentId("110105491231002"), "resident_id",
                        "got 15 (first-generation 15-digit numbers are not accepted)"));
  EXPECT_TRUE(IsInvalid(ValidateResidentId("1101X519491231002X"), "resident_id",
                        "found 'X' at position 5"));
  EXPECT_TRUE(IsInvalid(ValidateResidentId("11010519491231002Y", "seller.id_number"),
                        "seller.id_number", "found 'Y' at position 18"));
}

// Builds a number with the right check character, so only the part under test is wrong.
std::string ResidentId(std::string_view region, std::string_view birth, std::string_view seq) {
  const std::string body = std::string(region) + std::string(birth) + std::string(seq);
  return body + *ResidentIdCheckChar(body);
}

TEST(ResidentIdTest, RejectsImpossibleBirthDates) {
  for (std::string_view birth :
       {"19490230", "19000229", "19491301", "19490001", "19490100", "19490431", "20230229"}) {
    EXPECT_TRUE(IsInvalid(ValidateResidentId(ResidentId("110105", birth, "002")), "resident_id",
                          "birth date " + std::string(birth) + " is not a real calendar date"));
  }
  EXPECT_TRUE(ValidateResidentId(ResidentId("110105", "20000229", "002")));  // 2000 is leap
  EXPECT_TRUE(ValidateResidentId(ResidentId("110105", "20240229", "002")));
  EXPECT_TRUE(IsInvalid(ValidateResidentId(ResidentId("110105", "17991231", "002")), "resident_id",
                        "birth date 17991231 is before 1800"));
}

TEST(ResidentIdTest, RejectsBirthDatesAfterTheGivenDay) {
  const year_month_day today{year{2026}, month{11}, day{22}};
  EXPECT_TRUE(ValidateResidentId(ResidentId("440305", "20261122", "011"), today));
  EXPECT_TRUE(IsInvalid(ValidateResidentId(ResidentId("440305", "20261123", "011"), today),
                        "resident_id", "birth date 20261123 is in the future"));
  EXPECT_TRUE(IsInvalid(ValidateResidentId(ResidentId("440305", "20990101", "011"), today, "id"),
                        "id", "is in the future"));
  // Without a day to compare with, only the calendar is checked.
  EXPECT_TRUE(ValidateResidentId(ResidentId("440305", "20990101", "011")));
}

TEST(ResidentIdTest, RejectsRegionsOutsideTheProvinces) {
  for (std::string_view region : {"000000", "100000", "160101", "910000", "990101"}) {
    EXPECT_TRUE(
        IsInvalid(ValidateResidentId(ResidentId(region, "19900101", "123")), "resident_id",
                  "region code " + std::string(region) + " does not start with a province code"));
  }
  EXPECT_TRUE(ValidateResidentId(ResidentId("810000", "19900101", "123")));  // Hong Kong
}

TEST(ResidentIdTest, GeneratedNumbersRoundTripAndEverySingleDigitErrorIsCaught) {
  std::mt19937 engine(11643);
  std::uniform_int_distribution<int> days(0, 365 * 100);
  for (int n = 0; n < 200; ++n) {
    const auto birth =
        year_month_day{std::chrono::sys_days{year{1920} / 1 / 1} + std::chrono::days{days(engine)}};
    char date[9];
    std::snprintf(date, sizeof date, "%04d%02u%02u", int(birth.year()), unsigned(birth.month()),
                  unsigned(birth.day()));
    const std::string id =
        ResidentId("3301" + RandomDigits(engine, 2), date, RandomDigits(engine, 3));
    ASSERT_TRUE(ValidateResidentId(id)) << id;
    for (std::size_t i = 0; i < id.size(); ++i) {
      ExpectEverySubstitutionRejected(
          id, i, "0123456789X", [](const std::string& s) { return bool(ValidateResidentId(s)); });
    }
  }
}

TEST(CreditCodeTest, AcceptsPublishedCodes) {
  // Codes of real organisations, as collected in python-stdnum's tests.
  for (std::string_view code :
       {"91110000600037341L", "121200004013590816", "91310115MA1K3BTP2B", "9144030071526726XG",
        "92340603MA2UK2ECXU", "91620105L015101280", "91340600MA2PBN188W", "913101127033980359"}) {
    EXPECT_TRUE(ValidateCreditCode(code)) << code;
  }
  EXPECT_EQ(*CreditCodeCheckChar("91110000600037341"), 'L');
}

TEST(CreditCodeTest, RejectsWrongCheckCharacter) {
  EXPECT_TRUE(IsInvalid(ValidateCreditCode("91110000600037341N"), "credit_code",
                        "credit code check character is wrong: expected L"));
  ExpectEverySubstitutionRejected("91110000600037341L", 17, "0123456789ABCDEFGHJKLMNPQRTUWXY",
                                  [](const std::string& s) { return bool(ValidateCreditCode(s)); });
}

TEST(CreditCodeTest, RejectsWrongLengthAndCharacters) {
  EXPECT_TRUE(IsInvalid(ValidateCreditCode("91110000600037341"), "credit_code",
                        "18 characters long, got 17"));
  EXPECT_TRUE(IsInvalid(ValidateCreditCode("9111000060003734IL"), "credit_code",
                        "except I, O, S, V and Z: found 'I' at position 17"));
  for (char c : std::string_view("IOSVZ")) {
    std::string code = "91110000600037341L";
    code[10] = c;
    EXPECT_TRUE(IsInvalid(ValidateCreditCode(code), "credit_code", "at position 11")) << code;
  }
  EXPECT_TRUE(IsInvalid(ValidateCreditCode("91110000600037341l", "org.uscc"), "org.uscc",
                        "upper case: found 'l' at position 18"));
}

// Builds a code with the right check character, so only the part under test is wrong.
std::string CreditCode(std::string_view first17) {
  return std::string(first17) + *CreditCodeCheckChar(first17);
}

TEST(CreditCodeTest, RejectsUnknownRegistrationAuthority) {
  for (std::string_view first17 : {"01110000600037341", "B1110000600037341", "X1110000600037341"}) {
    EXPECT_TRUE(IsInvalid(ValidateCreditCode(CreditCode(first17)), "credit_code",
                          "registration authority '" + std::string(1, first17[0]) +
                              "' (position 1) is not one of 1-9, A, N, Y"));
  }
  EXPECT_TRUE(ValidateCreditCode(CreditCode("N2110000600037341")));
  EXPECT_TRUE(ValidateCreditCode(CreditCode("Y1110000600037341")));
}

TEST(CreditCodeTest, RejectsLettersInTheRegionCode) {
  EXPECT_TRUE(IsInvalid(ValidateCreditCode(CreditCode("9111A000600037341")), "credit_code",
                        "region code (positions 3-8) must be digits: found 'A' at position 5"));
  // Letters are fine in the organisation code (positions 9-17).
  EXPECT_TRUE(ValidateCreditCode(CreditCode("911100006000373K1")));
}

TEST(CreditCodeTest, GeneratedCodesRoundTripAndEverySingleCharacterErrorIsCaught) {
  constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::mt19937 engine(32100);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  for (int n = 0; n < 200; ++n) {
    std::string first17 = "91" + RandomDigits(engine, 6);
    for (int i = 0; i < 9; ++i) first17.push_back(kAlphabet[pick(engine)]);
    const std::string code = CreditCode(first17);
    ASSERT_TRUE(ValidateCreditCode(code)) << code;
    for (std::size_t i = 8; i < code.size(); ++i) {
      ExpectEverySubstitutionRejected(
          code, i, kAlphabet, [](const std::string& s) { return bool(ValidateCreditCode(s)); });
    }
  }
}

}  // namespace
}  // namespace recirc::core
