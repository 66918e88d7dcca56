// recirc_validate: a line-oriented front end to core/validators.hpp, used by the cross-check
// against the npm `validator` package (tests/crosscheck/validators.test.mjs).
//
//   recirc_validate [--today=YYYY-MM-DD] < cases
//
// Each input line is `<kind> <value>`: the kind, one space, then the value up to the end of the
// line (it may be empty or hold spaces; nothing is trimmed or normalised). Kinds: imei, imeisv,
// meid, vin, resident_id, credit_code. For each line the program prints `ok` or
// `error: <message>`, in order. resident_id rejects birth dates after --today (default: today in
// UTC). A line with an unknown kind is a usage error: message on stderr, exit status 2.

#include <chrono>
#include <iostream>
#include <string>
#include <string_view>

#include "core/validators.hpp"

namespace {

using recirc::Status;
using std::chrono::year_month_day;

bool ParseDate(std::string_view text, year_month_day& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lengths[p]; ++i) {
      const char c = text[starts[p] + i];
      if (c < '0' || c > '9') {
        return false;
      }
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  out = year_month_day{std::chrono::year{parts[0]}, std::chrono::month{unsigned(parts[1])},
                       std::chrono::day{unsigned(parts[2])}};
  return out.ok();
}

bool Validate(std::string_view kind, std::string_view value, year_month_day today, Status& status) {
  namespace core = recirc::core;
  if (kind == "imei") {
    status = core::ValidateImei(value);
  } else if (kind == "imeisv") {
    status = core::ValidateImeiSv(value);
  } else if (kind == "meid") {
    status = core::ValidateMeid(value);
  } else if (kind == "vin") {
    status = core::ValidateVin(value);
  } else if (kind == "resident_id") {
    status = core::ValidateResidentId(value, today);
  } else if (kind == "credit_code") {
    status = core::ValidateCreditCode(value);
  } else {
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (!arg.starts_with("--today=") || !ParseDate(arg.substr(8), today)) {
      std::cerr << "usage: recirc_validate [--today=YYYY-MM-DD] < lines of \"<kind> <value>\"\n";
      return 2;
    }
  }
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    const std::size_t space = line.find(' ');
    const std::string_view kind = std::string_view(line).substr(0, space);
    const std::string_view value =
        space == std::string::npos ? std::string_view() : std::string_view(line).substr(space + 1);
    Status status;
    if (!Validate(kind, value, today, status)) {
      std::cerr << "recirc_validate: line " << line_number << ": unknown kind \"" << kind << "\"\n";
      return 2;
    }
    if (status) {
      std::cout << "ok\n";
    } else {
      std::cout << "error: " << status.error().message << '\n';
    }
  }
  return 0;
}
