#pragma once
// Well-formed ids for tests that write journal events directly and need readable item ids:
// FakeItemId(3) is "00000000000000000000000003". The services and routes take typed ids, so an
// id such as "ITEM3" would be refused as malformed before any lookup.

#include <string>

namespace recirc::testing {

inline std::string FakeItemId(int n) {
  std::string digits = std::to_string(n);
  return std::string(26 - digits.size(), '0') + digits;
}

}  // namespace recirc::testing
