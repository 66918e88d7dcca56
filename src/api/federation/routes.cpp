#include "api/federation/routes.hpp"

#include <boost/json.hpp>

#include "api/federation/dto.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace dto {

FederatedRegistration FederatedRegistration::From(const storage::FederatedRegistrationRecord& r) {
  FederatedRegistration out{r.origin,
                            r.acquisition_id,
                            r.outlet_id,
                            r.outlet_name,
                            r.region_code,
                            r.number,
                            r.kind,
                            r.item_id,
                            r.category,
                            r.brand,
                            r.model,
                            r.status,
                            {},
                            !r.seller_sealed.empty(),
                            Time{r.registered_at},
                            Time{r.received_at}};
  boost::system::error_code ec;
  const auto identifiers = boost::json::parse(r.identifiers, ec);
  if (!ec && identifiers.is_array()) {
    for (const auto& v : identifiers.get_array()) {
      if (!v.is_object()) continue;
      const auto* kind = v.get_object().if_contains("kind");
      const auto* value = v.get_object().if_contains("value");
      if (kind && value && kind->is_string() && value->is_string()) {
        out.identifiers.push_back(
            {std::string(kind->get_string()), std::string(value->get_string())});
      }
    }
  }
  return out;
}

FederationSignal FederationSignal::From(const storage::FederationSignalRecord& r) {
  return {r.id,
          r.kind,
          r.region_code,
          r.identifier_kind,
          r.identifier_value,
          r.first_origin,
          r.first_acquisition_id,
          r.second_origin,
          r.second_acquisition_id,
          Time{r.created_at}};
}

}  // namespace dto

namespace {

namespace json = boost::json;
using http::Verb;
using P = identity::Permission;

// A batch is at most 500 journal events with their registrations.
constexpr size_t kBatchLimit = size_t{8} * 1024 * 1024;
constexpr size_t kPullLimit = size_t{16} * 1024;
constexpr int64_t kListLimit = 500;

http::Response Plain(unsigned status, std::string body) {
  return http::Text(status, "text/plain; charset=utf-8", std::move(body));
}

// The signed answer, or the error: 403 for a node this city does not know or a bad signature,
// 503 with Retry-After when busy, otherwise the usual JSON error.
Result<http::Response> Answer(Result<std::string> answer) {
  if (answer) return Plain(200, std::move(*answer));
  const Error& e = answer.error();
  if (e.code == ErrorCode::kUnauthenticated || e.code == ErrorCode::kPermissionDenied) {
    return Plain(403, e.message + "\n");
  }
  if (e.code == ErrorCode::kResourceExhausted) {
    http::Response busy = Plain(503, e.message + "\n");
    busy.headers.emplace_back("Retry-After", "1");
    return busy;
  }
  return e;
}

Result<http::Response> Push(const FederationApi& d, http::RequestContext& c) {
  return Answer(d.inbox.Receive(c.request.body()));
}

Result<http::Response> Pull(const FederationApi& d, http::RequestContext& c) {
  return Answer(d.watchlist.Serve(c.request.body()));
}

Result<http::Response> Registrations(const FederationApi& d, http::RequestContext& c) {
  RECIRC_TRY(auto records, d.inbox.Registrations(c.Actor(), kListLimit));
  dto::FederatedRegistrationList out;
  for (const auto& r : records) out.items.push_back(dto::FederatedRegistration::From(r));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> Signals(const FederationApi& d, http::RequestContext& c) {
  RECIRC_TRY(auto records, d.inbox.Signals(c.Actor(), kListLimit));
  dto::FederationSignalList out;
  for (const auto& r : records) out.items.push_back(dto::FederationSignal::From(r));
  return http::Json(200, json::value_from(out));
}

constexpr char kNote[] =
    R"js({"type": "string", "description": "a C2SP signed note: the message kind line, one line of JSON, the node's signature"})js";

}  // namespace

void AddFederationRoutes(std::vector<http::Route>& routes, const FederationApi& d) {
  auto bind = [&d](Result<http::Response> (*fn)(const FederationApi&, http::RequestContext&)) {
    return [&d, fn](http::RequestContext& c) { return fn(d, c); };
  };
  routes.push_back({Verb::post, "/federation/v1/push", P::kPublic, bind(Push), kBatchLimit});
  routes.push_back({Verb::post, "/federation/v1/watchlist", P::kPublic, bind(Pull), kPullLimit});
  routes.push_back({Verb::get, "/api/v1/police/federation/registrations", P::kPoliceRead,
                    bind(Registrations), 0});
  routes.push_back(
      {Verb::get, "/api/v1/police/federation/signals", P::kPoliceRead, bind(Signals), 0});

  http::Describe(routes, Verb::post, "/federation/v1/push",
                 http::Document<void, void>(
                     "A shop pushes a signed batch of its journal events (registrations with the "
                     "seller sealed to the city's key); applied once per origin and seq",
                     "federation")
                     .Body("text/plain", kNote)
                     .Ok("The city's signed answer: the seq applied through")
                     .Returns(200, "", "text/plain; charset=utf-8", kNote)
                     .Returns(400, "Malformed batch")
                     .Returns(403, "Not signed by a shop this city knows, or outside its region")
                     .Returns(503, "Busy: retry after the Retry-After seconds"));
  http::Describe(routes, Verb::post, "/federation/v1/watchlist",
                 http::Document<void, void>(
                     "A shop pulls the watchlist entries of its jurisdiction made after a city "
                     "journal position (signed request, signed answer)",
                     "federation")
                     .Body("text/plain", kNote)
                     .Ok("The city's signed answer: entries and the next position")
                     .Returns(200, "", "text/plain; charset=utf-8", kNote)
                     .Returns(400, "Malformed request")
                     .Returns(403, "Not signed by a shop this city knows"));
  http::Describe(routes, Verb::get, "/api/v1/police/federation/registrations",
                 http::Document<void, dto::FederatedRegistrationList>(
                     "Registrations the shops of your jurisdiction pushed to this city, newest "
                     "first, at most 500 (never the seller)",
                     "federation"));
  http::Describe(routes, Verb::get, "/api/v1/police/federation/signals",
                 http::Document<void, dto::FederationSignalList>(
                     "Cross-operator signals of your jurisdiction: the same IMEI or MEID "
                     "registered at two shops within 7 days, newest first, at most 500",
                     "federation"));
}

}  // namespace recirc::api
