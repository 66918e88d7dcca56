#pragma once
// Validators for the identifiers recirc takes on input: device numbers (IMEI, IMEISV, MEID),
// vehicle numbers (VIN), resident ID numbers and unified social credit codes. The rules are those
// of docs/DOMAIN.md, "Identifier checks".
//
// Contract shared by every Validate* function:
// - It checks the canonical form only: no spaces or hyphens, letters in upper case. Run the raw
//   input through NormaliseIdentifier first; a validator given "86-..." or a lower-case 'x' says
//   so instead of guessing.
// - On failure it returns Error::InvalidArgument whose `field` is the `field` argument and whose
//   message says what is wrong in words a seller can act on ("IMEI check digit is wrong: expected
//   7"). Positions in messages count from 1.
// - It never throws and holds no state; all functions here are thread-safe.
//
// The *Check* helpers compute the check character from the other characters, so tests and seed
// code can build valid numbers. They validate their input the same way and fail the same way.

#include <chrono>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::core {

// Removes ASCII spaces and hyphens and upper-cases ASCII letters. Other bytes (including
// non-ASCII ones such as full-width digits) are kept, so the validator can reject them by name.
std::string NormaliseIdentifier(std::string_view value);

// IMEI: 15 digits, TAC (8) + serial (6) + a Luhn check digit over the first 14.
[[nodiscard]] Status ValidateImei(std::string_view value, std::string_view field = "imei");
// IMEISV: 16 digits, TAC (8) + serial (6) + software version (2); it has no check digit.
[[nodiscard]] Status ValidateImeiSv(std::string_view value, std::string_view field = "imeisv");
// MEID: 14 hexadecimal characters (0-9, A-F). The optional 15th check digit is not accepted.
[[nodiscard]] Status ValidateMeid(std::string_view value, std::string_view field = "meid");
// VIN: 17 characters from [A-HJ-NPR-Z0-9] with the check character at position 9 (GB 16735).
[[nodiscard]] Status ValidateVin(std::string_view value, std::string_view field = "vin");

// Resident ID number (GB 11643-1999), 18 characters: 6-digit region code whose first two digits
// are a GB/T 2260 province code, birth date YYYYMMDD, 3-digit sequence, check character (0-9 or
// upper-case X). The birth date must be a real calendar date no earlier than 1800-01-01 (the
// standard's own example was born in 1880; an earlier year is a typing mistake). The 15-digit
// numbers of the first-generation cards are not accepted. The region code is not looked up in a
// RegionTable: numbers keep the code of the place of first registration even after that code is
// retired.
[[nodiscard]] Status ValidateResidentId(std::string_view value,
                                        std::string_view field = "resident_id");
// The same, and the birth date must not be after `today` (take it from the injected Clock).
[[nodiscard]] Status ValidateResidentId(std::string_view value, std::chrono::year_month_day today,
                                        std::string_view field = "resident_id");

// Unified social credit code (GB 32100-2015), 18 characters from 0-9 and A-Y without I, O, S, V, Z:
// registration authority (1-9, A, N or Y), organisation category, 6-digit region code of the
// registering office, 9-character organisation code, check character (ISO 7064 mod 31).
[[nodiscard]] Status ValidateCreditCode(std::string_view value,
                                        std::string_view field = "credit_code");

// The Luhn check digit of the first 14 digits of an IMEI; `first14` must be exactly 14 digits.
[[nodiscard]] Result<char> ImeiCheckDigit(std::string_view first14);
// The check character ('0'-'9' or 'X') of the first 17 digits of a resident ID number.
[[nodiscard]] Result<char> ResidentIdCheckChar(std::string_view first17);
// The check character ('0'-'9' or 'X') of a full 17-character VIN. The character at position 9
// (the check position) has weight 0 and is ignored, so any VIN character may stand there.
[[nodiscard]] Result<char> VinCheckChar(std::string_view vin);
// The check character of the first 17 characters of a unified social credit code.
[[nodiscard]] Result<char> CreditCodeCheckChar(std::string_view first17);

}  // namespace recirc::core
