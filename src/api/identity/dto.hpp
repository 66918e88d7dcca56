#pragma once
// The identity context on the wire: organisations, outlets, users, API keys and the session,
// described once (BOOST_DESCRIBE_STRUCT) and mapped with Boost.JSON's value_from and
// jsonmap::Read (http/describe_json.hpp); the OpenAPI schemas come from the same descriptions.

#include <boost/describe/class.hpp>

#include "domain/identity/account_service.hpp"
#include "domain/identity/auth_service.hpp"
#include "domain/identity/buyer_service.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/identity/principal.hpp"
#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::Omitted;
using jsonmap::tag_invoke;
using jsonmap::Time;
using FieldSchema = std::pair<std::string_view, std::string_view>;
constexpr std::string_view kOrganisationKind =
    R"js({"$ref": "#/components/schemas/OrganisationKind"})js";
// The schema kOrganisationKind refers to (identity::OrganisationKind, roles.hpp).
constexpr FieldSchema kOrganisationKindSchema[] = {
    {"OrganisationKind",
     R"js({"type": "string", "enum": ["operator", "inspection_body", "police", "commerce_authority", "market_supervision", "platform", "buyers"], "description": "buyers: the node-wide organisation of individual buyers, made by the node when the first buyer registers (not through POST /api/v1/organisations)"})js"}};

struct Organisation {
  static constexpr std::string_view kSchemaName = "Organisation";
  static constexpr std::string_view kPageSchemaName = "OrganisationPage";
  static constexpr FieldSchema kFieldSchemas[] = {{"kind", kOrganisationKind}};
  static constexpr auto& kComponentSchemas = kOrganisationKindSchema;
  std::string id;
  std::string kind;
  std::string name;
  std::string region_code;
  Time created_at;
  std::optional<std::string> credit_code;
  std::string status;  // active, suspended
  static Organisation From(const storage::OrganisationRecord& r);
};
BOOST_DESCRIBE_STRUCT(Organisation, (),
                      (id, kind, name, region_code, created_at, credit_code, status))

struct Outlet {
  static constexpr std::string_view kSchemaName = "Outlet";
  static constexpr std::string_view kPageSchemaName = "OutletPage";
  std::string id;
  std::string organisation_id;
  std::string name;
  std::string region_code;
  std::string address;
  Time created_at;
  std::string status;  // active, suspended
  static Outlet From(const storage::OutletRecord& r);
};
BOOST_DESCRIBE_STRUCT(Outlet, (),
                      (id, organisation_id, name, region_code, address, created_at, status))

struct User {  // never the password hash
  static constexpr std::string_view kSchemaName = "User";
  static constexpr std::string_view kPageSchemaName = "UserPage";
  std::string id;
  std::string organisation_id;
  std::string username;
  std::string display_name;
  std::string role;
  bool disabled = false;
  Time created_at;
  bool must_change_password = false;  // an administrator reset the password
  static User From(const storage::UserRecord& r);
};
BOOST_DESCRIBE_STRUCT(User, (),
                      (id, organisation_id, username, display_name, role, disabled, created_at,
                       must_change_password))

// A page of a directory list: pass next_cursor as ?after= for the next one.
template <class T>
struct Page {
  static constexpr std::string_view kSchemaName = T::kPageSchemaName;
  std::vector<T> items;
  std::optional<std::string> next_cursor;
  template <class Record>
  static Page From(const identity::Page<Record>& page) {
    Page out;
    for (const auto& r : page.items) out.items.push_back(T::From(r));
    out.next_cursor = page.next_cursor;
    return out;
  }
  BOOST_DESCRIBE_CLASS(Page, (), (items, next_cursor), (), ())
};

struct ApiKey {
  static constexpr std::string_view kSchemaName = "ApiKey";
  std::string id;
  std::string name;
  Time created_at;
  bool revoked = false;
  static ApiKey From(const storage::ApiKeyRecord& r);
};
BOOST_DESCRIBE_STRUCT(ApiKey, (), (id, name, created_at, revoked))

struct ApiKeyList {
  static constexpr std::string_view kSchemaName = "ApiKeyList";
  std::vector<ApiKey> items;
};
BOOST_DESCRIBE_STRUCT(ApiKeyList, (), (items))

// The secret is shown once, in this answer.
struct NewApiKeyResult : ApiKey {
  static constexpr std::string_view kSchemaName = "NewApiKeyResult";
  std::string secret;
};
BOOST_DESCRIBE_STRUCT(NewApiKeyResult, (ApiKey), (secret))

struct SessionUser {
  std::string id;
  std::string username;
  std::string display_name;
  std::string role;
};
BOOST_DESCRIBE_STRUCT(SessionUser, (), (id, username, display_name, role))

struct SessionOrganisation {
  std::string id;
  std::string name;
  std::string kind;
  std::string region_code;
};
BOOST_DESCRIBE_STRUCT(SessionOrganisation, (), (id, name, kind, region_code))

struct Session {
  static constexpr std::string_view kSchemaName = "Session";
  SessionUser user;
  SessionOrganisation organisation;
  std::vector<std::string> permissions;
  Omitted<std::string> csrf_token;  // browser sessions only
  // Present (true) after an administrator's reset: the web app shows only the change-password
  // form; every other route answers 403 auth.password_change_required until it is changed.
  Omitted<bool> must_change_password;
  static Session From(const identity::Principal& p);
};
BOOST_DESCRIBE_STRUCT(Session, (),
                      (user, organisation, permissions, csrf_token, must_change_password))

// Requests.

struct Login {
  static constexpr std::string_view kSchemaName = "Login";
  static constexpr bool kRequest = true;
  std::string username;
  std::string password;
};
BOOST_DESCRIBE_STRUCT(Login, (), (username, password))

struct NewOrganisation {
  static constexpr std::string_view kSchemaName = "NewOrganisation";
  static constexpr bool kRequest = true;
  static constexpr auto& kComponentSchemas = kOrganisationKindSchema;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"kind", kOrganisationKind},
      {"name", R"js({"maxLength": 100})js"},
      {"credit_code", R"js({"description": "GB 32100 unified social credit code"})js"},
      {"region_code", R"js({"pattern": "^[0-9]{6}$"})js"}};
  std::string kind;
  std::string name;
  std::optional<std::string> credit_code;
  std::string region_code;
  identity::NewOrganisation ToDomain() const { return {kind, name, credit_code, region_code}; }
};
BOOST_DESCRIBE_STRUCT(NewOrganisation, (), (kind, name, credit_code, region_code))

struct NewOutlet {
  static constexpr std::string_view kSchemaName = "NewOutlet";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"name", R"js({"maxLength": 100})js"},
                                                  {"address", R"js({"maxLength": 200})js"}};
  std::string name;
  std::string region_code;
  std::string address;
  identity::NewOutlet ToDomain() const { return {name, region_code, address}; }
};
BOOST_DESCRIBE_STRUCT(NewOutlet, (), (name, region_code, address))

struct NewUser {
  static constexpr std::string_view kSchemaName = "NewUser";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"username", R"js({"pattern": "^[a-z0-9._-]{3,64}$"})js"},
      {"display_name", R"js({"maxLength": 64})js"},
      {"role", R"js({"enum": ["operator_admin", "operator_staff", "inspection_admin", "inspector",
                  "police_officer", "commerce_official", "market_supervisor", "platform_admin",
                  "buyer"]})js"},
      {"password", R"js({"minLength": 10, "maxLength": 128})js"}};
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;
  identity::NewUser ToDomain() const { return {username, display_name, role, password}; }
};
BOOST_DESCRIBE_STRUCT(NewUser, (), (username, display_name, role, password))

struct NewApiKey {
  static constexpr std::string_view kSchemaName = "NewApiKey";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"name", R"js({"maxLength": 64})js"}};
  std::string name;
};
BOOST_DESCRIBE_STRUCT(NewApiKey, (), (name))

// An individual buyer opening an account (inline schemas).
struct NewBuyer {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"username", R"js({"pattern": "^[a-z0-9._-]{3,64}$"})js"},
      {"password", R"js({"minLength": 10})js"},
      {"display_name", R"js({"maxLength": 64})js"}};
  std::string username;
  std::string password;
  std::string display_name;
  identity::NewBuyer ToDomain() const { return {username, password, display_name}; }
};
BOOST_DESCRIBE_STRUCT(NewBuyer, (), (username, password, display_name))

struct BuyerUser : SessionUser {
  static constexpr FieldSchema kFieldSchemas[] = {{"role", R"js({"const": "buyer"})js"}};
};
BOOST_DESCRIBE_STRUCT(BuyerUser, (SessionUser), ())

struct NewBuyerResult {
  BuyerUser user;
};
BOOST_DESCRIBE_STRUCT(NewBuyerResult, (), (user))

// Account administration (account_routes.cpp).

struct OrganisationChanges {
  static constexpr std::string_view kSchemaName = "OrganisationChanges";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"name", R"js({"maxLength": 100})js"},
      {"region_code", R"js({"pattern": "^[0-9]{6}$"})js"},
      {"credit_code", R"js({"description": "empty to remove"})js"}};
  std::optional<std::string> name;
  std::optional<std::string> region_code;
  std::optional<std::string> credit_code;
  identity::OrganisationChanges ToDomain() const { return {name, region_code, credit_code}; }
};
BOOST_DESCRIBE_STRUCT(OrganisationChanges, (), (name, region_code, credit_code))

struct OutletChanges {
  static constexpr std::string_view kSchemaName = "OutletChanges";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"name", R"js({"maxLength": 100})js"},
                                                  {"address", R"js({"maxLength": 200})js"}};
  std::optional<std::string> name;
  std::optional<std::string> region_code;
  std::optional<std::string> address;
  identity::OutletChanges ToDomain() const { return {name, region_code, address}; }
};
BOOST_DESCRIBE_STRUCT(OutletChanges, (), (name, region_code, address))

struct StatusChange {
  static constexpr std::string_view kSchemaName = "StatusChange";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"status", R"js({"enum": ["active", "suspended"]})js"},
      {"reason", R"js({"maxLength": 500})js"}};
  std::string status;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(StatusChange, (), (status, reason))

struct Reason {
  static constexpr std::string_view kSchemaName = "Reason";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"reason", R"js({"maxLength": 500})js"}};
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(Reason, (), (reason))

struct PasswordResetRequest {
  static constexpr std::string_view kSchemaName = "PasswordResetRequest";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"password", R"js({"maxLength": 128,
                     "description": "the temporary password; empty to have one generated"})js"}};
  std::string password;
};
BOOST_DESCRIBE_STRUCT(PasswordResetRequest, (), (password))

struct PasswordResetResult {
  static constexpr std::string_view kSchemaName = "PasswordResetResult";
  User user;
  Omitted<std::string> temporary_password;  // only when the server generated it; shown once
};
BOOST_DESCRIBE_STRUCT(PasswordResetResult, (), (user, temporary_password))

struct PasswordChange {
  static constexpr std::string_view kSchemaName = "PasswordChange";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"new_password", R"js({"minLength": 10, "maxLength": 128})js"}};
  std::string current_password;
  std::string new_password;
};
BOOST_DESCRIBE_STRUCT(PasswordChange, (), (current_password, new_password))

}  // namespace recirc::api::dto
