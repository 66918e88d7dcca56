#include "api/dto.hpp"

#include <charconv>

#include "core/clock.hpp"

namespace recirc::api {
namespace {
std::string Time(int64_t ms) { return FormatRfc3339(FromUnixMillis(ms)); }
}  // namespace

boost::json::object ToJson(const storage::OrganisationRecord& r) {
  boost::json::object o{{"id", r.id},
                        {"kind", r.kind},
                        {"name", r.name},
                        {"region_code", r.region_code},
                        {"created_at", Time(r.created_at)}};
  o["credit_code"] = r.credit_code ? boost::json::value(*r.credit_code) : nullptr;
  return o;
}

boost::json::object ToJson(const storage::OutletRecord& r) {
  return {{"id", r.id},           {"organisation_id", r.organisation_id},
          {"name", r.name},       {"region_code", r.region_code},
          {"address", r.address}, {"created_at", Time(r.created_at)}};
}

boost::json::object ToJson(const storage::UserRecord& r) {
  return {{"id", r.id},
          {"organisation_id", r.organisation_id},
          {"username", r.username},
          {"display_name", r.display_name},
          {"role", r.role},
          {"disabled", r.disabled},
          {"created_at", Time(r.created_at)}};
}

boost::json::object ToJson(const storage::ApiKeyRecord& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"created_at", Time(r.created_at)},
          {"revoked", r.revoked_at.has_value()}};
}

boost::json::object SessionJson(const identity::Principal& p) {
  boost::json::array permissions;
  for (auto perm : identity::AllPermissions()) {
    if (p.Has(perm)) permissions.emplace_back(identity::PermissionName(perm));
  }
  boost::json::object out{{"user",
                           {{"id", p.user_id},
                            {"username", p.username},
                            {"display_name", p.display_name},
                            {"role", identity::RoleName(p.role)}}},
                          {"organisation",
                           {{"id", p.organisation.id},
                            {"name", p.organisation.name},
                            {"kind", p.organisation.kind},
                            {"region_code", p.organisation.region_code}}},
                          {"permissions", std::move(permissions)}};
  if (!p.csrf_token.empty()) out["csrf_token"] = p.csrf_token;
  return out;
}

Result<storage::PageRequest> PageFromQuery(const http::RequestContext& ctx) {
  storage::PageRequest page;
  if (auto after = ctx.Query("after")) page.after = *after;
  if (auto limit = ctx.Query("limit")) {
    int n = 0;
    auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || ptr != limit->data() + limit->size() || n < 1 || n > 200) {
      return Error::InvalidArgument("limit", "limit is a whole number from 1 to 200");
    }
    page.limit = n;
  }
  return page;
}

Result<storage::PageRequest> CursorPageFromQuery(const http::RequestContext& ctx, int default_limit,
                                                 int max_limit) {
  storage::PageRequest page{"", default_limit};
  if (auto cursor = ctx.Query("cursor")) page.after = *cursor;
  if (auto limit = ctx.Query("limit")) {
    int n = 0;
    auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || ptr != limit->data() + limit->size() || n < 1 || n > max_limit) {
      return Error::InvalidArgument(
          "limit", "limit is a whole number from 1 to " + std::to_string(max_limit));
    }
    page.limit = n;
  }
  return page;
}

}  // namespace recirc::api
