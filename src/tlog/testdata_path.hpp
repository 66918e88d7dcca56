#pragma once
// Test-only: where the test vectors live: ${RECIRC_SOURCE_DIR}/src/tlog/testdata, the copy kept
// in the repository (CTest sets RECIRC_SOURCE_DIR to the repository root; see testdata/README.md).
// Empty if the variable is not set, so a test asserting on the directory fails loudly instead of
// passing with nothing checked.

#include <cstdlib>
#include <filesystem>

namespace recirc::tlog {

inline std::filesystem::path TestdataDir() {
  if (const char* root = std::getenv("RECIRC_SOURCE_DIR"); root != nullptr && *root != '\0') {
    return std::filesystem::path(root) / "src" / "tlog" / "testdata";
  }
  return {};
}

}  // namespace recirc::tlog
