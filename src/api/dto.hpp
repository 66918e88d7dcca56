#pragma once
// JSON shapes of the identity records on the wire (times as RFC 3339 UTC with milliseconds).

#include <boost/json/object.hpp>

#include "domain/identity/directory_service.hpp"
#include "domain/identity/principal.hpp"
#include "http/route.hpp"

namespace recirc::api {

boost::json::object ToJson(const storage::OrganisationRecord& r);
boost::json::object ToJson(const storage::OutletRecord& r);
boost::json::object ToJson(const storage::UserRecord& r);  // never the password hash
boost::json::object ToJson(const storage::ApiKeyRecord& r);
boost::json::object SessionJson(const identity::Principal& p);

template <class T>
boost::json::object PageJson(const identity::Page<T>& page) {
  boost::json::array items;
  for (const auto& r : page.items) items.push_back(ToJson(r));
  boost::json::object out{{"items", std::move(items)}};
  if (page.next_cursor) {
    out["next_cursor"] = *page.next_cursor;
  } else {
    out["next_cursor"] = nullptr;
  }
  return out;
}

// ?after=<id>&limit=<1..200>, with errors naming the parameter.
Result<storage::PageRequest> PageFromQuery(const http::RequestContext& ctx);
// ?cursor=<id>&limit=<1..max_limit> (the market's lists), with errors naming the parameter.
Result<storage::PageRequest> CursorPageFromQuery(const http::RequestContext& ctx, int default_limit,
                                                 int max_limit);

}  // namespace recirc::api
