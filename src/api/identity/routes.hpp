#pragma once
// Identity routes: sessions, the directory of organisations, outlets and users, API keys, buyer
// sign-up.

#include <chrono>
#include <vector>

#include "domain/identity/account_service.hpp"
#include "domain/identity/auth_service.hpp"
#include "domain/identity/buyer_service.hpp"
#include "domain/identity/directory_service.hpp"
#include "http/route.hpp"

namespace recirc::api {

struct IdentityApi {
  identity::AuthService& auth;
  identity::DirectoryService& directory;
  identity::AccountService& accounts;
  identity::BuyerService& buyers;
  std::chrono::minutes session_lifetime;
  bool secure_cookies;  // add the Secure attribute to the session cookie (behind TLS)
};

void AddSessionRoutes(std::vector<http::Route>& routes, const IdentityApi& api);
void AddDirectoryRoutes(std::vector<http::Route>& routes, const IdentityApi& api);
void AddApiKeyRoutes(std::vector<http::Route>& routes, const IdentityApi& api);
void AddAccountRoutes(std::vector<http::Route>& routes, const IdentityApi& api);
void AddBuyerRoutes(std::vector<http::Route>& routes, const IdentityApi& api);

}  // namespace recirc::api
