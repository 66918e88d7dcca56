#pragma once
// Test-only: where the shared test vectors live. RECIRC_TESTDATA_DIR if set, else
// ${RECIRC_SOURCE_DIR}/../shared/testdata (CTest sets RECIRC_SOURCE_DIR to the repository root).
// Empty if neither variable is set, so a test asserting on the directory fails loudly instead of
// passing with nothing checked.

#include <cstdlib>
#include <filesystem>

namespace recirc::tlog {

inline std::filesystem::path TestdataDir() {
  if (const char* dir = std::getenv("RECIRC_TESTDATA_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  if (const char* root = std::getenv("RECIRC_SOURCE_DIR"); root != nullptr && *root != '\0') {
    return std::filesystem::path(root) / ".." / "shared" / "testdata";
  }
  return {};
}

}  // namespace recirc::tlog
