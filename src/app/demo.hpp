#pragma once
// Demo data: one organisation of every kind with an outlet or two and a user per role (the buyer
// in the node-wide buyers organisation), all with the password kDemoPassword. Idempotent: running
// it again on the same database changes nothing.
// The people are fictional; the regions and the credit codes' check characters are real.

#include <string>
#include <vector>

#include "domain/identity/directory_service.hpp"

namespace recirc::app {

inline constexpr std::string_view kDemoPassword = "recirc-demo";

struct DemoLogin {
  std::string username;
  std::string role;
  std::string organisation;
};

// Returns the logins (whether created now or earlier).
Result<std::vector<DemoLogin>> SeedDemo(identity::DirectoryService& directory,
                                        storage::Database& db);

}  // namespace recirc::app
