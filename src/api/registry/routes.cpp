// The acquisition register and the police console: thin handlers over registry services.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/registry/acquisition_dto.hpp"
#include "api/registry/dto.hpp"
#include "api/registry/police_dto.hpp"
#include "api/registry/routes.hpp"
#include "core/clock.hpp"
#include "documents/register_report.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

Result<http::Response> Register(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewAcquisition>(ctx));
  RECIRC_TRY(auto receipt, d.registration.Register(ctx.Actor(), in.ToDomain()));
  return http::Json(201, json::value_from(dto::AcquisitionReceipt::From(receipt)));
}

Result<http::Response> GetAcquisition(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, AcquisitionId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto view, d.registration.View(ctx.Actor(), id));
  return http::Json(200, json::value_from(dto::Acquisition::From(view)));
}

Status TimeQuery(http::RequestContext& ctx, const char* name, std::optional<int64_t>& out) {
  if (auto text = ctx.Query(name)) {
    TimePoint t;
    if (!ParseRfc3339(*text, t)) return Error::InvalidArgument(name, "a time in RFC 3339");
    out = ToUnixMillis(t);
  }
  return Ok();
}

Result<http::Response> ListAcquisitions(const RegistryApi& d, http::RequestContext& ctx) {
  registry::AcquisitionListInput in;
  in.outlet_id = ctx.Query("outlet_id");
  in.cursor = ctx.Query("cursor");
  RECIRC_CHECK(TimeQuery(ctx, "from", in.from));
  RECIRC_CHECK(TimeQuery(ctx, "to", in.to));
  if (auto limit = ctx.Query("limit")) {
    char* end = nullptr;
    in.limit = std::strtoll(limit->c_str(), &end, 10);
    if (limit->empty() || *end != '\0') return Error::InvalidArgument("limit", "1 to 200");
  }
  RECIRC_TRY(auto page, d.registration.List(ctx.Actor(), in));
  return http::Json(200, json::value_from(dto::AcquisitionPage::From(page)));
}

Result<http::Response> Correct(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::NewCorrection>(ctx));
  RECIRC_TRY(auto id, AcquisitionId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto view, d.registration.Correct(ctx.Actor(), id, body.ToDomain()));
  return http::Json(201, json::value_from(dto::Acquisition::From(view)));
}

Result<http::Response> ListAlerts(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto views,
             d.police.ListAlerts(ctx.Actor(), ctx.Query("status"), ctx.Query("region")));
  dto::AlertList out;
  for (const auto& v : views) out.items.push_back(dto::Alert::From(v));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> PoliceOutlets(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto outlets, d.police.Outlets(ctx.Actor()));
  dto::PoliceOutletList out;
  for (const auto& o : outlets) {
    out.items.push_back({o.outlet.id, o.outlet.name, o.outlet.region_code, o.outlet.address,
                         o.outlet.organisation_id, o.organisation_name,
                         recirc::ToString(o.outlet.status)});
  }
  return http::Json(200, json::value_from(out));
}

Result<http::Response> Decide(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::Decision>(ctx));
  RECIRC_TRY(auto id, AlertId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto alert, d.police.Decide(ctx.Actor(), id, body.decision, body.note));
  return http::Json(200, json::value_from(dto::Alert::From(alert)));
}

Result<http::Response> AddWatchlist(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::NewWatchlistEntry>(ctx));
  RECIRC_TRY(auto entry, d.police.AddWatchlistEntry(ctx.Actor(), body.ToDomain()));
  return http::Json(201, json::value_from(dto::WatchlistEntry{
                             entry.id, entry.identifier_kind, entry.identifier_value,
                             ToString(entry.status), dto::Time{entry.created_at}}));
}

Result<http::Response> SearchRegister(const RegistryApi& d, http::RequestContext& ctx) {
  if (ctx.Query("id_number") || ctx.Query("id_type")) {
    return Error::InvalidArgument("id_number",
                                  "an ID number never goes into a URL: search by ID number with "
                                  "POST /api/v1/police/register/by-id-number and a stated reason");
  }
  registry::RegisterQuery q;
  q.identifier_kind = ctx.Query("identifier_kind");
  q.identifier_value = ctx.Query("identifier_value");
  q.outlet_id = ctx.Query("outlet_id");
  for (auto [name, out] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
    if (auto text = ctx.Query(name)) {
      TimePoint t;
      if (!ParseRfc3339(*text, t)) return Error::InvalidArgument(name, "a time in RFC 3339");
      *out = ToUnixMillis(t);
    }
  }
  const std::string format = ctx.Query("format").value_or("json");
  if (format != "json" && format != "csv" && format != "xlsx") {
    return Error::InvalidArgument("format", "the format is json, csv or xlsx");
  }
  RECIRC_TRY(auto found, d.police.SearchRegister(ctx.Actor(), q));
  std::vector<documents::RegisterLine> lines;
  for (const auto& h : found) lines.push_back({h.acquisition, h.item});
  if (format == "json") return http::Json(200, documents::RegisterJson(lines));
  http::Response r;
  if (format == "csv") {
    r = http::Text(200, "text/csv; charset=utf-8", documents::RegisterCsv(lines));
  } else {
    RECIRC_TRY(std::string xlsx, documents::RegisterXlsx(lines));
    r = http::Text(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   std::move(xlsx));
  }
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"recirc-register." + format + "\"");
  return r;
}

// POST, with the ID number and the reason in the body: the number stays out of URLs (access
// logs, proxies, browser history) and the search is audited like a full view.
Result<http::Response> SearchBySeller(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::SellerSearchRequest>(ctx));
  RECIRC_TRY(auto found,
             d.police.SearchBySeller(ctx.Actor(), {body.id_type, body.id_number, body.reason}));
  std::vector<documents::RegisterLine> lines;
  for (const auto& h : found) lines.push_back({h.acquisition, h.item});
  return http::Json(200, documents::RegisterJson(lines));
}

Result<http::Response> MaskedSeller(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, AcquisitionId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto seller, d.seller_view.Masked(ctx.Actor(), id));
  return http::Json(200, json::value_from(dto::Seller::From(seller)));
}

Result<http::Response> FullSeller(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::StatedReason>(ctx));
  RECIRC_TRY(auto id, AcquisitionId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto seller, d.seller_view.Full(ctx.Actor(), id, body.reason));
  return http::Json(200, json::value_from(dto::Seller::From(seller)));
}

Result<http::Response> Feed(const RegistryApi& d, http::RequestContext& ctx) {
  int64_t after = 0;
  if (auto a = ctx.Query("after")) {
    char* end = nullptr;
    after = std::strtoll(a->c_str(), &end, 10);
    if (a->empty() || *end != '\0' || after < 0) {
      return Error::InvalidArgument("after",
                                    "after is the last sequence number you read (0 or more)");
    }
  }
  RECIRC_TRY(auto entries, d.police.Feed(ctx.Actor(), after));
  dto::FeedPage out;
  for (const auto& e : entries) {
    out.items.push_back({e.seq, dto::Time{e.occurred_at}, e.region_code, e.organisation_id,
                         e.outlet_id, e.acquisition_id, e.item_id, json::parse(e.payload)});
  }
  out.next_after = entries.empty() ? after : entries.back().seq;
  return http::Json(200, json::value_from(out));
}

Result<http::Response> ImportWatchlist(const RegistryApi& d, http::RequestContext& ctx) {
  const std::string source = ctx.Query("source").value_or("imei_blocklist");
  RECIRC_TRY(auto report, d.police.ImportWatchlist(ctx.Actor(), ctx.request.body(), source));
  return http::Json(201, json::value_from(dto::ImportResult{report.imported}));
}

Result<http::Response> AddOwnWatchlist(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::NewOwnWatchlistEntry>(ctx));
  RECIRC_TRY(auto entry, d.registration.AddOwnWatchlistEntry(
                             ctx.Actor(), body.identifier_kind, body.identifier_value,
                             body.status.value_or("black"), body.note));
  return http::Json(201, json::value_from(dto::OwnWatchlistEntry::From(entry)));
}

Result<http::Response> OwnWatchlist(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto entries, d.registration.OwnWatchlist(ctx.Actor()));
  dto::OwnWatchlist out;
  for (const auto& e : entries) out.items.push_back(dto::OwnWatchlistEntry::From(e));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> AccessAudit(const RegistryApi& d, http::RequestContext& ctx) {
  std::optional<int64_t> from, to;
  RECIRC_CHECK(TimeQuery(ctx, "from", from));
  RECIRC_CHECK(TimeQuery(ctx, "to", to));
  RECIRC_TRY(auto entries, d.police.AccessAudit(ctx.Actor(), from, to));
  dto::AccessAudit out;
  for (const auto& v : entries) out.items.push_back(dto::AccessAuditEntry::From(v));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> NearMisses(const RegistryApi& d, http::RequestContext& ctx) {
  std::optional<int64_t> from, to;
  RECIRC_CHECK(TimeQuery(ctx, "from", from));
  RECIRC_CHECK(TimeQuery(ctx, "to", to));
  RECIRC_TRY(auto entries, d.police.NearMisses(ctx.Actor(), from, to));
  dto::NearMissList out;
  for (const auto& v : entries) out.items.push_back(dto::NearMiss::From(v));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> ImportReferenceModels(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto report, d.police.ImportReferenceModels(ctx.Actor(), ctx.request.body()));
  return http::Json(201, json::value_from(dto::ImportResult{report.imported}));
}

}  // namespace

void AddRegistryRoutes(std::vector<http::Route>& routes, const RegistryApi& d) {
  using http::Verb;
  using P = identity::Permission;
  auto bind = [&d](Result<http::Response> (*fn)(const RegistryApi&, http::RequestContext&)) {
    return [&d, fn](http::RequestContext& c) { return fn(d, c); };
  };
  routes.push_back({Verb::post, "/api/v1/acquisitions", P::kAcquisitionsWrite, bind(Register)});
  routes.push_back(
      {Verb::get, "/api/v1/acquisitions", P::kAcquisitionsWrite, bind(ListAcquisitions), 0});
  routes.push_back(
      {Verb::get, "/api/v1/acquisitions/{id}", P::kAcquisitionsWrite, bind(GetAcquisition), 0});
  routes.push_back({Verb::post, "/api/v1/acquisitions/{id}/corrections", P::kAcquisitionsWrite,
                    bind(Correct), size_t{8} * 1024});
  routes.push_back({Verb::get, "/api/v1/watchlist", P::kAcquisitionsWrite, bind(OwnWatchlist), 0});
  routes.push_back({Verb::post, "/api/v1/watchlist", P::kAcquisitionsWrite, bind(AddOwnWatchlist),
                    size_t{8} * 1024});
  routes.push_back({Verb::get, "/api/v1/acquisitions/{id}/seller", P::kAcquisitionsWrite,
                    bind(MaskedSeller), 0});
  routes.push_back({Verb::post, "/api/v1/police/acquisitions/{id}/seller", P::kPoliceRead,
                    bind(FullSeller), size_t{4} * 1024, http::Execution::kBlocking,
                    http::Answer::kSecret});
  routes.push_back({Verb::get, "/api/v1/police/alerts", P::kPoliceRead, bind(ListAlerts), 0});
  routes.push_back({Verb::get, "/api/v1/police/outlets", P::kPoliceRead, bind(PoliceOutlets), 0});
  routes.push_back(
      {Verb::get, "/api/v1/police/access-audit", P::kPoliceAudit, bind(AccessAudit), 0});
  routes.push_back({Verb::get, "/api/v1/police/feed", P::kPoliceRead, bind(Feed), 0});
  routes.push_back({Verb::get, "/api/v1/police/near-misses", P::kPoliceRead, bind(NearMisses), 0});
  routes.push_back({Verb::get, "/api/v1/police/register", P::kPoliceRead, bind(SearchRegister), 0});
  // The answer ties a person to registrations: never kept by the Idempotency-Key cache.
  routes.push_back({Verb::post, "/api/v1/police/register/by-id-number", P::kPoliceRead,
                    bind(SearchBySeller), size_t{4} * 1024, http::Execution::kBlocking,
                    http::Answer::kSecret});
  routes.push_back({Verb::post, "/api/v1/police/alerts/{id}/decision", P::kPoliceAct, bind(Decide),
                    size_t{4} * 1024});
  routes.push_back({Verb::post, "/api/v1/police/watchlist", P::kPoliceAct, bind(AddWatchlist),
                    size_t{8} * 1024});
  routes.push_back({Verb::post, "/api/v1/police/watchlist/import", P::kPoliceAct,
                    bind(ImportWatchlist), size_t{32} * 1024 * 1024});
  routes.push_back({Verb::post, "/api/v1/police/reference-models/import", P::kPoliceAct,
                    bind(ImportReferenceModels), size_t{8} * 1024 * 1024});

  http::Describe(routes, Verb::post, "/api/v1/acquisitions",
                 http::Document<dto::NewAcquisition, dto::AcquisitionReceipt>(
                     "Register an acquisition (one item); screened before it completes. The answer "
                     "says only registered or held_for_verification.",
                     "registry", 201)
                     .Ok("registered")
                     .Fails(404, "no such outlet in your organisation")
                     .Fails(422, "prohibited category"));
  http::Describe(
      routes, Verb::get, "/api/v1/acquisitions",
      http::Document<void, dto::AcquisitionPage>(
          "Your organisation's registrations, newest first (item facts only, no seller "
          "data)",
          "registry")
          .Query("outlet_id", R"js({"type": "string"})js", "only this outlet")
          .Query("from", R"js({"type": "string"})js", "RFC 3339")
          .Query("to", R"js({"type": "string"})js", "RFC 3339")
          .Query("cursor", R"js({"type": "string"})js", "next_cursor of the previous page")
          .Query("limit", R"js({"type": "integer", "minimum": 1, "maximum": 200, "default": 50})js")
          .Ok("{items, next_cursor}"));
  http::Describe(
      routes, Verb::get, "/api/v1/acquisitions/{id}",
      http::Document<void, dto::Acquisition>(
          "One of your organisation's registrations: the facts as corrected, the "
          "correction chain, the item's holds and whether it may be sold",
          "registry")
          .Ok("the registration with item, holds, sellable, not_sellable_reason and corrections"));
  http::Describe(routes, Verb::post, "/api/v1/acquisitions/{id}/corrections",
                 http::Document<dto::NewCorrection, dto::Acquisition>(
                     "Correct a registration: a new record naming it, with the changed fields and "
                     "a reason; the registration itself is never edited. A changed identifier is "
                     "screened again (identifier_changed).",
                     "registry", 201)
                     .Ok("the corrected registration (as GET)")
                     .Fails(409, "an identifier belongs to another item"));
  const std::string tag = "police";
  http::Describe(
      routes, Verb::get, "/api/v1/police/alerts",
      http::Document<void, dto::AlertList>(
          "Alerts of your jurisdiction (region prefix of the police organisation), with the "
          "item's identifiers and the outlet's name; ?status= and ?region= (a region code inside "
          "the jurisdiction: 403 naming region outside it) narrow the list",
          tag)
          .Query(
              "status",
              R"js({"type": "string", "enum": ["open", "released", "seized", "info_requested"]})js")
          .Query("region", R"js({"type": "string", "pattern": "^[0-9]{6}$"})js",
                 "a region code inside your jurisdiction"));
  http::Describe(routes, Verb::get, "/api/v1/police/outlets",
                 http::Document<void, dto::PoliceOutletList>(
                     "The outlets of your jurisdiction with their organisation's name (the daily "
                     "report's outlet picker), at most 1000",
                     tag));
  http::Describe(
      routes, Verb::post, "/api/v1/police/alerts/{id}/decision",
      http::Document<dto::Decision, dto::Alert>(
          "Decide an alert: release the hold, seize the item (a note is required: 400 naming "
          "note), or ask for information",
          tag)
          .Fails(404, "not in your jurisdiction")
          .Fails(422, "already decided"));
  http::Describe(routes, Verb::post, "/api/v1/police/watchlist",
                 http::Document<dto::NewWatchlistEntry, dto::WatchlistEntry>(
                     "Enter a stolen-item report or blocklist entry", tag, 201));
  http::Describe(
      routes, Verb::post, "/api/v1/police/watchlist/import",
      http::Document<void, dto::ImportResult>(
          "Import a block list (CSV: identifier_kind,identifier_value,status,note); all "
          "or nothing, the first bad line is named",
          tag, 201)
          .Query(
              "source",
              R"js({"type": "string", "enum": ["imei_blocklist", "police_report"], "default": "imei_blocklist"})js")
          .Body("text/csv", R"js({"type": "string"})js")
          .Ok("imported"));
  http::Describe(routes, Verb::post, "/api/v1/police/reference-models/import",
                 http::Document<void, dto::ImportResult>(
                     "Import reference facts per model (CSV: "
                     "category,brand,model,reference_price_fen,release_year; either of the last "
                     "two may be empty) for the price_far_below_reference and story_does_not_fit "
                     "signals; a line replaces what was known of its model; all or nothing",
                     tag, 201)
                     .Body("text/csv", R"js({"type": "string"})js")
                     .Ok("imported"));
  http::Describe(routes, Verb::get, "/api/v1/watchlist",
                 http::Document<void, dto::OwnWatchlist>(
                     "Your operator's own watchlist (entries that screen only your "
                     "registrations), newest first",
                     "registry")
                     .Ok("{items}"));
  http::Describe(routes, Verb::post, "/api/v1/watchlist",
                 http::Document<dto::NewOwnWatchlistEntry, dto::OwnWatchlistEntry>(
                     "Add an entry to your operator's own watchlist (black or grey); it screens "
                     "only your organisation's registrations, and a hit raises the same police "
                     "alert",
                     "registry", 201)
                     .Ok("the entry"));
  http::Describe(
      routes, Verb::get, "/api/v1/police/register",
      http::Document<void, void>(
          "Search the register within your jurisdiction: by item identifier, or by outlet and "
          "time range; as JSON, CSV or Excel. A search by ID number is POST "
          "/api/v1/police/register/by-id-number (id_type or id_number in the query: 400)",
          tag)
          .Query("identifier_kind", R"js({"type": "string"})js", "imei, meid, vin, serial, …")
          .Query("identifier_value", R"js({"type": "string"})js")
          .Query("outlet_id", R"js({"type": "string"})js")
          .Query("from", R"js({"type": "string"})js", "RFC 3339")
          .Query("to", R"js({"type": "string"})js", "RFC 3339")
          .Query("format",
                 R"js({"type": "string", "enum": ["json", "csv", "xlsx"], "default": "json"})js",
                 "csv or xlsx for a daily report (outlet_id with from and to)")
          .Ok("registrations, oldest first"));
  http::Describe(
      routes, Verb::post, "/api/v1/police/register/by-id-number",
      http::Document<dto::SellerSearchRequest, void>(
          "Search the register within your jurisdiction by a seller's ID number (blind index). "
          "The number travels in the body, never in a URL; every registration found is written "
          "to the append-only access audit with the stated reason. Not replayed by "
          "Idempotency-Key (a retry with the same key: 409)",
          tag)
          .Ok("registrations, oldest first"));
  http::Describe(routes, Verb::get, "/api/v1/acquisitions/{id}/seller",
                 http::Document<void, dto::Seller>("The seller of one of your registrations, "
                                                   "masked (张*丰, 110105********002X)",
                                                   "registry")
                     .Ok("the seller")
                     .Fails(404, "not found (or outside your organisation or jurisdiction)"));
  http::Describe(
      routes, Verb::post, "/api/v1/police/acquisitions/{id}/seller",
      http::Document<dto::StatedReason, dto::Seller>(
          "The seller's full details for the police of the jurisdiction; the stated reason goes "
          "into the append-only access audit; not replayed by Idempotency-Key (a retry with the "
          "same key: 409)",
          tag)
          .Ok("the seller")
          .Fails(404, "not found (or outside your organisation or jurisdiction)"));
  http::Describe(routes, Verb::get, "/api/v1/police/feed",
                 http::Document<void, dto::FeedPage>(
                     "Pull feed of registrations in your jurisdiction after a cursor (the journal "
                     "sequence number); at most 500 a call",
                     tag)
                     .Query("after", R"js({"type": "integer", "minimum": 0, "default": 0})js")
                     .Ok("entries and next_after"));
  http::Describe(
      routes, Verb::get, "/api/v1/police/access-audit",
      http::Document<void, dto::AccessAudit>(
          "The access audit of your jurisdiction (police supervisors only): every full view of a "
          "seller's data in registrations of outlets under your region, by any officer, with the "
          "stated reason; newest first, at most 500",
          tag)
          .Query("from", R"js({"type": "string"})js", "RFC 3339")
          .Query("to", R"js({"type": "string"})js", "RFC 3339")
          .Ok("{items: [{id, viewer_id, viewer_username, viewer_display_name, "
              "viewer_organisation_id, acquisition_id, reason, viewed_at, item: {category, brand, "
              "model}, acquisition: {outlet_id, number, region_code}}]}"));
  http::Describe(
      routes, Verb::get, "/api/v1/police/near-misses",
      http::Document<void, dto::NearMissList>(
          "Near misses of your jurisdiction: registrations whose screening signals fired below "
          "the alert threshold, with the reasons (signal, weight, detail); newest first, at most "
          "500",
          tag)
          .Query("from", R"js({"type": "string"})js", "RFC 3339")
          .Query("to", R"js({"type": "string"})js", "RFC 3339")
          .Ok("{items: [{id, acquisition_id, item_id, region_code, score, reasons: [{signal, "
              "weight, detail}], created_at, item: {category, brand, model, identifiers: [{kind, "
              "value}]}, acquisition: {outlet_id, number}}]}"));
}

}  // namespace recirc::api
