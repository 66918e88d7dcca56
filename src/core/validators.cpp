#include "core/validators.hpp"

#include <array>
#include <cstddef>
#include <string>

namespace recirc::core {
namespace {

using std::chrono::year_month_day;

constexpr std::string_view kImeiLabel = "IMEI";
constexpr std::string_view kImeiSvLabel = "IMEISV";
constexpr std::string_view kMeidLabel = "MEID";
constexpr std::string_view kVinLabel = "VIN";
constexpr std::string_view kResidentIdLabel = "resident ID number";
constexpr std::string_view kCreditCodeLabel = "credit code";

// GB/T 2260 province-level codes (first two digits of a region code), Taiwan, Hong Kong and Macau
// included: they are the only prefixes a resident ID number can start with.
constexpr std::array<std::string_view, 34> kProvinceCodes = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
    "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
    "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"};

constexpr std::array<int, 17> kResidentIdWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                    3, 7, 9,  10, 5, 8, 4, 2};
constexpr std::string_view kResidentIdCheckChars = "10X98765432";  // indexed by sum % 11
// GB 11643's own second example (440524188001010014) was born in 1880; a year before 1800 can only
// be a typing mistake.
constexpr int kEarliestBirthYear = 1800;

constexpr std::array<int, 17> kVinWeights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
constexpr std::size_t kVinCheckIndex = 8;  // position 9

// GB 32100-2015 character set; a character's value is its index.
constexpr std::string_view kCreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kCreditCodeWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                    29, 25, 13, 8,  24, 10, 30, 28};
// Registration authorities: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教,
// 8 工会, 9 市场监管 (工商), A 中央军委改革和编制办公室, N 农业, Y 其他.
constexpr std::string_view kCreditCodeAuthorities = "123456789ANY";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
bool IsUpperHex(char c) { return IsDigit(c) || (c >= 'A' && c <= 'F'); }
bool IsVinChar(char c) { return IsDigit(c) || (IsUpper(c) && c != 'I' && c != 'O' && c != 'Q'); }
bool IsCreditCodeChar(char c) { return kCreditCodeAlphabet.find(c) != std::string_view::npos; }

// Names a character for a message without echoing control bytes or half a UTF-8 sequence.
std::string DescribeChar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x80) {
    return "a non-ASCII character";
  }
  if (c == ' ') {
    return "a space";
  }
  if (byte < 0x20 || byte == 0x7f) {
    return "a control character";
  }
  return std::string("'") + c + "'";
}

Error Invalid(std::string_view field, std::string message) {
  return Error::InvalidArgument(std::string(field), std::move(message));
}

// Finds the first character that `allowed(index, c)` refuses. A lower-case letter that would be
// allowed in upper case gets its own message, because the fix is to normalise, not to retype.
// The reported position is exact: every byte before it is ASCII.
template <class Allowed>
Status CheckCharacters(std::string_view value, std::string_view field, std::string_view label,
                       std::string_view allowed_text, Allowed allowed) {
  if (value.empty()) {
    return Invalid(field, std::string(label) + " is empty");
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (allowed(i, c)) {
      continue;
    }
    const std::string position = std::to_string(i + 1);
    if (IsLower(c) && allowed(i, ToUpper(c))) {
      return Invalid(field, std::string(label) + " must be in upper case: found " +
                                DescribeChar(c) + " at position " + position);
    }
    return Invalid(field, std::string(label) + " may contain only " + std::string(allowed_text) +
                              ": found " + DescribeChar(c) + " at position " + position);
  }
  return Ok();
}

Status CheckLength(std::string_view value, std::size_t expected, std::string_view field,
                   std::string_view label, std::string_view unit) {
  if (value.size() == expected) {
    return Ok();
  }
  return Invalid(field, std::string(label) + " must be " + std::to_string(expected) + " " +
                            std::string(unit) + " long, got " + std::to_string(value.size()));
}

Status CheckDigitsOfLength(std::string_view value, std::size_t length, std::string_view field,
                           std::string_view label) {
  RECIRC_CHECK(CheckCharacters(value, field, label, "digits 0-9",
                               [](std::size_t, char c) { return IsDigit(c); }));
  return CheckLength(value, length, field, label, "digits");
}

Error WrongCheck(std::string_view field, std::string_view what, char expected) {
  return Invalid(field, std::string(what) + " is wrong: expected " + std::string(1, expected));
}

int Digit(char c) { return c - '0'; }

// `digits` has been checked to hold only digits.
int ParseDigits(std::string_view digits) {
  int n = 0;
  for (char c : digits) {
    n = n * 10 + Digit(c);
  }
  return n;
}

char LuhnCheckDigit(std::string_view first14) {
  int sum = 0;
  for (std::size_t i = 0; i < first14.size(); ++i) {
    int d = Digit(first14[i]);
    // Counting from the right of the body, every first, third... digit is doubled; the body has an
    // even length, so those are the ones at odd indices from the left.
    if (i % 2 == 1) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

Status CheckResidentIdCharacters(std::string_view value, std::string_view field) {
  return CheckCharacters(value, field, kResidentIdLabel,
                         "digits 0-9, and X as the 18th (check) character",
                         [](std::size_t i, char c) { return IsDigit(c) || (i == 17 && c == 'X'); });
}

char ResidentIdCheck(std::string_view first17) {
  int sum = 0;
  for (std::size_t i = 0; i < kResidentIdWeights.size(); ++i) {
    sum += Digit(first17[i]) * kResidentIdWeights[i];
  }
  return kResidentIdCheckChars[static_cast<std::size_t>(sum % 11)];
}

int VinValue(char c) {
  if (IsDigit(c)) {
    return Digit(c);
  }
  if (c <= 'H') {
    return c - 'A' + 1;  // A-H = 1-8
  }
  if (c <= 'N') {
    return c - 'J' + 1;  // J-N = 1-5
  }
  if (c == 'P') {
    return 7;
  }
  if (c == 'R') {
    return 9;
  }
  return c - 'S' + 2;  // S-Z = 2-9
}

Status CheckVinShape(std::string_view vin, std::string_view field) {
  RECIRC_CHECK(CheckCharacters(vin, field, kVinLabel,
                               "digits and the letters A-Z except I, O and Q",
                               [](std::size_t, char c) { return IsVinChar(c); }));
  return CheckLength(vin, 17, field, kVinLabel, "characters");
}

char VinCheck(std::string_view vin) {
  int sum = 0;
  for (std::size_t i = 0; i < kVinWeights.size(); ++i) {
    sum += VinValue(vin[i]) * kVinWeights[i];
  }
  const int remainder = sum % 11;
  return remainder == 10 ? 'X' : static_cast<char>('0' + remainder);
}

Status CheckCreditCodeCharacters(std::string_view value, std::string_view field) {
  return CheckCharacters(value, field, kCreditCodeLabel,
                         "digits and the letters A-Z except I, O, S, V and Z",
                         [](std::size_t, char c) { return IsCreditCodeChar(c); });
}

char CreditCodeCheck(std::string_view first17) {
  int sum = 0;
  for (std::size_t i = 0; i < kCreditCodeWeights.size(); ++i) {
    sum += static_cast<int>(kCreditCodeAlphabet.find(first17[i])) * kCreditCodeWeights[i];
  }
  return kCreditCodeAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

// Everything about a resident ID number except the future-date rule; returns the birth date.
Result<year_month_day> CheckResidentId(std::string_view value, std::string_view field) {
  RECIRC_CHECK(CheckResidentIdCharacters(value, field));
  if (value.size() != 18) {
    std::string message = std::string(kResidentIdLabel) + " must be 18 characters long, got " +
                          std::to_string(value.size());
    if (value.size() == 15) {
      message += " (first-generation 15-digit numbers are not accepted)";
    }
    return Invalid(field, std::move(message));
  }
  const std::string_view region = value.substr(0, 6);
  bool known_province = false;
  for (std::string_view province : kProvinceCodes) {
    if (region.substr(0, 2) == province) {
      known_province = true;
    }
  }
  if (!known_province) {
    return Invalid(field, std::string(kResidentIdLabel) + " region code " + std::string(region) +
                              " does not start with a province code");
  }
  const std::string_view birth = value.substr(6, 8);
  const int year = ParseDigits(birth.substr(0, 4));
  const auto month = static_cast<unsigned>(ParseDigits(birth.substr(4, 2)));
  const auto day = static_cast<unsigned>(ParseDigits(birth.substr(6, 2)));
  const year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                            std::chrono::day{day}};
  if (!date.ok()) {
    return Invalid(field, std::string(kResidentIdLabel) + " birth date " + std::string(birth) +
                              " is not a real calendar date");
  }
  if (year < kEarliestBirthYear) {
    return Invalid(field, std::string(kResidentIdLabel) + " birth date " + std::string(birth) +
                              " is before " + std::to_string(kEarliestBirthYear));
  }
  const char expected = ResidentIdCheck(value);
  if (value[17] != expected) {
    return WrongCheck(field, std::string(kResidentIdLabel) + " check character", expected);
  }
  return date;
}

}  // namespace

std::string NormaliseIdentifier(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == ' ' || c == '-') {
      continue;
    }
    out.push_back(ToUpper(c));
  }
  return out;
}

Status ValidateImei(std::string_view value, std::string_view field) {
  RECIRC_CHECK(CheckDigitsOfLength(value, 15, field, kImeiLabel));
  const char expected = LuhnCheckDigit(value.substr(0, 14));
  if (value[14] != expected) {
    return WrongCheck(field, "IMEI check digit", expected);
  }
  return Ok();
}

Status ValidateImeiSv(std::string_view value, std::string_view field) {
  return CheckDigitsOfLength(value, 16, field, kImeiSvLabel);
}

Status ValidateMeid(std::string_view value, std::string_view field) {
  RECIRC_CHECK(CheckCharacters(value, field, kMeidLabel, "hexadecimal digits 0-9 and A-F",
                               [](std::size_t, char c) { return IsUpperHex(c); }));
  return CheckLength(value, 14, field, kMeidLabel, "characters");
}

Status ValidateVin(std::string_view value, std::string_view field) {
  RECIRC_CHECK(CheckVinShape(value, field));
  const char expected = VinCheck(value);
  if (value[kVinCheckIndex] != expected) {
    return WrongCheck(field, "VIN check character (position 9)", expected);
  }
  return Ok();
}

Status ValidateResidentId(std::string_view value, std::string_view field) {
  auto birth = CheckResidentId(value, field);
  if (!birth) {
    return birth.error();
  }
  return Ok();
}

Status ValidateResidentId(std::string_view value, year_month_day today, std::string_view field) {
  auto birth = CheckResidentId(value, field);
  if (!birth) {
    return birth.error();
  }
  if (*birth > today) {
    return Invalid(field, std::string(kResidentIdLabel) + " birth date " +
                              std::string(value.substr(6, 8)) + " is in the future");
  }
  return Ok();
}

Status ValidateCreditCode(std::string_view value, std::string_view field) {
  RECIRC_CHECK(CheckCreditCodeCharacters(value, field));
  RECIRC_CHECK(CheckLength(value, 18, field, kCreditCodeLabel, "characters"));
  if (kCreditCodeAuthorities.find(value[0]) == std::string_view::npos) {
    return Invalid(field, std::string(kCreditCodeLabel) + " registration authority " +
                              DescribeChar(value[0]) + " (position 1) is not one of 1-9, A, N, Y");
  }
  for (std::size_t i = 2; i < 8; ++i) {
    if (!IsDigit(value[i])) {
      return Invalid(field, std::string(kCreditCodeLabel) +
                                " region code (positions 3-8) must be digits: found " +
                                DescribeChar(value[i]) + " at position " + std::to_string(i + 1));
    }
  }
  const char expected = CreditCodeCheck(value);
  if (value[17] != expected) {
    return WrongCheck(field, "credit code check character", expected);
  }
  return Ok();
}

Result<char> ImeiCheckDigit(std::string_view first14) {
  RECIRC_CHECK(CheckDigitsOfLength(first14, 14, "imei", "IMEI without its check digit"));
  return LuhnCheckDigit(first14);
}

Result<char> ResidentIdCheckChar(std::string_view first17) {
  RECIRC_CHECK(CheckDigitsOfLength(first17, 17, "resident_id",
                                   "resident ID number without its check character"));
  return ResidentIdCheck(first17);
}

Result<char> VinCheckChar(std::string_view vin) {
  RECIRC_CHECK(CheckVinShape(vin, "vin"));
  return VinCheck(vin);
}

Result<char> CreditCodeCheckChar(std::string_view first17) {
  const std::string_view label = "credit code without its check character";
  RECIRC_CHECK(CheckCharacters(first17, "credit_code", label,
                               "digits and the letters A-Z except I, O, S, V and Z",
                               [](std::size_t, char c) { return IsCreditCodeChar(c); }));
  RECIRC_CHECK(CheckLength(first17, 17, "credit_code", label, "characters"));
  return CreditCodeCheck(first17);
}

}  // namespace recirc::core
