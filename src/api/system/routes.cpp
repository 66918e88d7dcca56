// Operations routes: health, readiness, metrics, the OpenAPI document, the events journal.
#include <boost/json.hpp>

#include "api/api.hpp"  // OpenApi()
#include "api/system/routes.hpp"
#include "core/clock.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::api {
namespace {

Result<http::Response> Ready(storage::Database& db) {
  if (auto st = db.Ping(); !st)
    return Error::Unavailable("database unreachable: " + st.error().message);
  return http::Json(200, boost::json::object{{"status", "ready"}});
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
  boost::json::array items;
  for (const auto& e : events) {
    boost::json::object o{{"seq", e.seq},
                          {"id", e.id},
                          {"occurred_at", FormatRfc3339(FromUnixMillis(e.occurred_at))},
                          {"type", e.type},
                          {"aggregate_type", e.aggregate_type},
                          {"aggregate_id", e.aggregate_id},
                          {"payload", boost::json::parse(e.payload)}};
    o["organisation_id"] = e.organisation_id ? boost::json::value(*e.organisation_id) : nullptr;
    o["actor_id"] = e.actor_id ? boost::json::value(*e.actor_id) : nullptr;
    items.push_back(std::move(o));
  }
  boost::json::object out{{"items", std::move(items)}};
  out["next_after"] = events.empty() ? after : events.back().seq;
  return http::Json(200, out);
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
  routes.push_back({Verb::get, "/api/v1/openapi.json", P::kPublic,
                    [](http::RequestContext&) -> Result<http::Response> {
                      return http::Text(200, "application/json", std::string(OpenApi()));
                    },
                    0, Execution::kInline});
  routes.push_back({Verb::get, "/api/v1/journal/events", P::kJournalRead,
                    [&d](http::RequestContext& c) { return Events(d.db, d.journal, c); }, 0});
}

}  // namespace recirc::api
