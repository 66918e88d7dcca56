#pragma once
// BuyerService: individual buyers open their own accounts (POST /api/v1/buyers, no session).
//
// A buyer is a user with the role `buyer` in the node-wide organisation of kind `buyers`
// (DirectoryService::BuyersOrganisation, made on first need). The username, display name and
// password follow the same rules as every other account, and the password is hashed the same way
// (Argon2id). Registration is rate-limited per username and per client address like login: every
// attempt counts, so the endpoint cannot be used to probe usernames or burn CPU on hashing.

#include <string>

#include "core/clock.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/identity/login_limiter.hpp"

namespace recirc::identity {

struct NewBuyer {
  std::string username;
  std::string password;
  std::string display_name;
};

class BuyerService {
 public:
  BuyerService(DirectoryService& directory, const Clock& clock)
      : directory_(directory), limiter_(clock) {}

  // InvalidArgument naming the field, AlreadyExists naming `username`, ResourceExhausted when
  // rate limited. `source` is the client address.
  Result<storage::UserRecord> Register(const NewBuyer& in, const std::string& source);

 private:
  DirectoryService& directory_;
  LoginLimiter limiter_;
};

}  // namespace recirc::identity
