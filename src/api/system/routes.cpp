// Operations routes: health, readiness, metrics, the OpenAPI document, the events journal.
#include <boost/json.hpp>

#include "api/system/dto.hpp"
#include "api/system/routes.hpp"
#include "core/clock.hpp"
#include "http/openapi_schema.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::api {
namespace {

Result<http::Response> Ready(storage::Database& db) {
  if (auto st = db.Ping(); !st)
    return Error::Unavailable("database unreachable: " + st.error().message);
  return http::Json(200, boost::json::value_from(dto::ReadyStatus{"ready"}));
}

Result<http::Response> Events(storage::Database& db, const storage::JournalRepository& journal,
                              http::RequestContext& ctx) {
  int64_t after = 0;
  if (auto a = ctx.Query("after")) {
    char* end = nullptr;
    after = std::strtoll(a->c_str(), &end, 10);
    if (a->empty() || *end != '\0' || after < 0) {
      return Error::InvalidArgument("after", "after is a sequence number (0 or more)");
    }
  }
  RECIRC_TRY(auto events,
             storage::ReadValue<std::vector<storage::EventRecord>>(
                 db, [&](storage::Session& s) { return journal.ReadAfter(s, after, 200); }));
  dto::EventPage out;
  for (const auto& e : events) {
    out.items.push_back({e.seq, e.id, jsonmap::Time{e.occurred_at}, e.type, e.aggregate_type,
                         e.aggregate_id, boost::json::parse(e.payload), e.organisation_id,
                         e.actor_id});
  }
  out.next_after = events.empty() ? after : events.back().seq;
  return http::Json(200, boost::json::value_from(out));
}

}  // namespace

void AddSystemRoutes(std::vector<http::Route>& routes, const SystemApi& d) {
  using http::Execution;
  using http::Verb;
  using P = identity::Permission;
  routes.push_back({Verb::get, "/healthz", P::kPublic,
                    [](http::RequestContext&) -> Result<http::Response> {
                      return http::Text(200, "text/plain; charset=utf-8", "ok\n");
                    },
                    0, Execution::kInline});
  routes.push_back(
      {Verb::get, "/readyz", P::kPublic, [&d](http::RequestContext&) { return Ready(d.db); }, 0});
  routes.push_back({Verb::get, "/metrics", P::kPublic,
                    [&d](http::RequestContext&) -> Result<http::Response> {
                      return http::Text(200, "text/plain; version=0.0.4; charset=utf-8",
                                        d.metrics->Render());
                    },
                    0});
  // BuildRoutes (api.cpp) replaces this handler with one serving the document generated from the
  // whole table.
  routes.push_back({Verb::get, "/api/v1/openapi.json", P::kPublic,
                    [](http::RequestContext&) -> Result<http::Response> {
                      return http::Text(200, "application/json", "{}");
                    },
                    0, Execution::kInline});
  routes.push_back({Verb::get, "/api/v1/web-settings", P::kPublic,
                    [&d](http::RequestContext&) -> Result<http::Response> {
                      return http::Json(200,
                                        boost::json::value_from(dto::WebSettings{d.time_zone}));
                    },
                    0, Execution::kInline});
  routes.push_back({Verb::get, "/api/v1/journal/events", P::kJournalRead,
                    [&d](http::RequestContext& c) { return Events(d.db, d.journal, c); }, 0});

  const std::string tag = "system";
  http::Describe(routes, Verb::get, "/healthz",
                 http::Document<void, void>("Liveness: the process answers", tag)
                     .Returns(200, "", "text/plain", R"js({"type": "string"})js"));
  http::Describe(routes, Verb::get, "/readyz",
                 http::Document<void, dto::ReadyStatus>("Readiness: the database answers", tag)
                     .Ok("ready")
                     .Fails(503, "database unreachable"));
  http::Describe(routes, Verb::get, "/metrics",
                 http::Document<void, void>("Prometheus metrics (text format 0.0.4)", tag)
                     .Returns(200, "", "text/plain", R"js({"type": "string"})js"));
  http::Describe(routes, Verb::get, "/api/v1/openapi.json",
                 http::Document<void, void>("This document", tag).Ok("OpenAPI 3.1 document"));
  http::Describe(routes, Verb::get, "/api/v1/web-settings",
                 http::Document<void, dto::WebSettings>(
                     "The node's settings for the web app (its time zone)", tag));
  http::Describe(routes, Verb::get, "/api/v1/journal/events",
                 http::Document<void, dto::EventPage>(
                     "Events journal after a sequence number (200 at most)", tag)
                     .Query("after", R"js({"type": "integer", "minimum": 0})js"));
}

}  // namespace recirc::api
