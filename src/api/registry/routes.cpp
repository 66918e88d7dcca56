// The acquisition register and the police console: thin handlers over registry services.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/registry/dto.hpp"
#include "api/registry/routes.hpp"
#include "core/clock.hpp"
#include "documents/register_report.hpp"
#include "http/json_fields.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

Result<http::Response> Register(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewAcquisition>(ctx));
  RECIRC_TRY(auto receipt, d.registration.Register(ctx.Actor(), in.ToDomain()));
  return http::Json(201, json::value_from(dto::AcquisitionReceipt::From(receipt)));
}

std::string Time(int64_t ms) { return FormatRfc3339(FromUnixMillis(ms)); }

json::value OptJson(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object ViewJson(const registry::AcquisitionView& v) {
  json::object identifiers;
  for (const auto& [kind, value] : v.identifiers) {
    auto& slot = identifiers[kind];
    if (slot.is_null()) slot = json::array();
    slot.as_array().push_back(json::value(value));
  }
  json::array holds;
  for (const auto& h : v.sellability.holds) {
    // The shop learns that the police hold the item, never why.
    holds.push_back({{"kind", h.kind == registry::kScreeningHold ? "verification" : h.kind},
                     {"active", h.active},
                     {"until", h.until ? json::value(Time(*h.until)) : nullptr},
                     {"released_at", h.released_at ? json::value(Time(*h.released_at)) : nullptr}});
  }
  json::array corrections;
  for (const auto& c : v.corrections) {
    json::array changes;
    for (const auto& ch : c.changes) {
      changes.push_back(
          {{"field", ch.field}, {"old", OptJson(ch.old_value)}, {"new", OptJson(ch.new_value)}});
    }
    corrections.push_back({{"id", c.id},
                           {"corrects", v.receipt.id},
                           {"staff_id", c.staff_id},
                           {"reason", c.reason},
                           {"changes", std::move(changes)},
                           {"created_at", Time(c.created_at)}});
  }
  return json::object{
      {"id", v.receipt.id},
      {"number", v.receipt.number},
      {"item_id", v.receipt.item_id},
      {"status", ToString(v.receipt.status)},
      {"created_at", Time(v.receipt.created_at)},
      {"outlet_id", v.outlet_id},
      {"kind", v.kind},
      {"channel", v.channel},
      {"price_fen", v.price_fen},
      {"payment_method", v.payment_method},
      {"item",
       {{"category", v.category},
        {"brand", v.brand},
        {"model", v.model},
        {"colour", OptJson(v.colour)},
        {"condition", v.condition},
        {"quantity", v.quantity},
        {"identifiers", std::move(identifiers)}}},
      {"sellable", v.sellability.sellable},
      {"not_sellable_reason",
       v.sellability.sellable ? json::value(nullptr) : json::value(v.sellability.reason)},
      {"holds", std::move(holds)},
      {"corrections", std::move(corrections)}};
}

Result<http::Response> GetAcquisition(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto view, d.registration.View(ctx.Actor(), std::string(ctx.Param("id"))));
  return http::Json(200, ViewJson(view));
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
  json::array items;
  for (const auto& a : page.items) {
    items.push_back({{"id", a.receipt.id},
                     {"number", a.receipt.number},
                     {"item_id", a.receipt.item_id},
                     {"status", ToString(a.receipt.status)},
                     {"created_at", Time(a.receipt.created_at)},
                     {"outlet_id", a.outlet_id},
                     {"kind", a.kind},
                     {"channel", a.channel},
                     {"price_fen", a.price_fen},
                     {"item", {{"category", a.category}, {"brand", a.brand}, {"model", a.model}}}});
  }
  return http::Json(
      200, json::object{{"items", std::move(items)}, {"next_cursor", OptJson(page.next_cursor)}});
}

Result<http::Response> Correct(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"reason", "price_fen", "item"}));
  registry::CorrectionInput in;
  RECIRC_TRY(in.reason, f.String("reason"));
  if (body.contains("price_fen")) {
    RECIRC_TRY(in.price_fen, f.Fen("price_fen"));
  }
  if (const auto* item = body.if_contains("item")) {
    if (!item->is_object()) return Error::InvalidArgument("item", "an object of changed fields");
    const json::object& o = item->as_object();
    http::JsonFields fi(o);
    RECIRC_CHECK(fi.OnlyKnown(
        {"category", "brand", "model", "identifiers", "colour", "condition", "quantity"}));
    RECIRC_TRY(in.category, fi.OptionalString("category"));
    RECIRC_TRY(in.brand, fi.OptionalString("brand"));
    RECIRC_TRY(in.model, fi.OptionalString("model"));
    RECIRC_TRY(in.colour, fi.OptionalString("colour"));
    RECIRC_TRY(in.condition, fi.OptionalString("condition"));
    if (o.contains("quantity")) {
      RECIRC_TRY(in.quantity, fi.Integer("quantity"));
    }
    if (const auto* ids = o.if_contains("identifiers")) {
      if (!ids->is_object()) {
        return Error::InvalidArgument("item.identifiers", "an object such as {\"imei\": \"…\"}");
      }
      for (const auto& [kind, value] : ids->as_object()) {
        if (!value.is_string()) {
          return Error::InvalidArgument("item.identifiers." + std::string(kind),
                                        "must be a string");
        }
        in.identifiers.emplace_back(std::string(kind), std::string(value.as_string()));
      }
    }
  }
  RECIRC_TRY(auto view, d.registration.Correct(ctx.Actor(), std::string(ctx.Param("id")), in));
  return http::Json(201, ViewJson(view));
}

json::object AlertJson(const storage::AlertRecord& a) {
  json::object o{{"id", a.id},
                 {"acquisition_id", a.acquisition_id},
                 {"item_id", a.item_id},
                 {"region_code", a.region_code},
                 {"score", a.score},
                 {"reasons", json::parse(a.reasons)},
                 {"status", ToString(a.status)},
                 {"created_at", FormatRfc3339(FromUnixMillis(a.created_at))}};
  o["decided_at"] =
      a.decided_at ? json::value(FormatRfc3339(FromUnixMillis(*a.decided_at))) : nullptr;
  o["decision_note"] = a.decision_note ? json::value(*a.decision_note) : nullptr;
  return o;
}

Result<http::Response> ListAlerts(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto views, d.police.ListAlerts(ctx.Actor(), ctx.Query("status")));
  json::array items;
  for (const auto& v : views) {
    json::object o = AlertJson(v.alert);
    o["item"] = {{"category", v.item.category},
                 {"brand", v.item.brand},
                 {"model", v.item.model},
                 {"status", ToString(v.item.status)}};
    o["acquisition"] = {{"organisation_id", v.acquisition.organisation_id},
                        {"outlet_id", v.acquisition.outlet_id},
                        {"number", v.acquisition.number},
                        {"kind", v.acquisition.kind},
                        {"price_fen", v.acquisition.price_fen}};
    items.push_back(std::move(o));
  }
  return http::Json(200, json::object{{"items", std::move(items)}});
}

Result<http::Response> Decide(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"decision", "note"}));
  RECIRC_TRY(std::string decision, f.String("decision"));
  RECIRC_TRY(auto note, f.OptionalString("note"));
  if (note && note->empty()) note.reset();
  RECIRC_TRY(auto id, AlertId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto alert, d.police.Decide(ctx.Actor(), id, decision, note));
  return http::Json(200, AlertJson(alert));
}

Result<http::Response> AddWatchlist(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"identifier_kind", "identifier_value", "status", "note"}));
  registry::WatchlistInput in;
  RECIRC_TRY(in.identifier_kind, f.String("identifier_kind"));
  RECIRC_TRY(in.identifier_value, f.String("identifier_value"));
  RECIRC_TRY(auto status, f.OptionalString("status"));
  if (status) in.status = *status;
  RECIRC_TRY(in.note, f.String("note"));
  RECIRC_TRY(auto entry, d.police.AddWatchlistEntry(ctx.Actor(), in));
  return http::Json(201,
                    json::object{{"id", entry.id},
                                 {"identifier_kind", entry.identifier_kind},
                                 {"identifier_value", entry.identifier_value},
                                 {"status", ToString(entry.status)},
                                 {"created_at", FormatRfc3339(FromUnixMillis(entry.created_at))}});
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
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"id_type", "id_number", "reason"}));
  registry::SellerSearch q;
  RECIRC_TRY(q.id_type, f.String("id_type"));
  RECIRC_TRY(q.id_number, f.String("id_number"));
  RECIRC_TRY(q.reason, f.String("reason"));
  RECIRC_TRY(auto found, d.police.SearchBySeller(ctx.Actor(), q));
  std::vector<documents::RegisterLine> lines;
  for (const auto& h : found) lines.push_back({h.acquisition, h.item});
  return http::Json(200, documents::RegisterJson(lines));
}

json::object SellerJson(const registry::SellerDetails& d) {
  json::object o{{"kind", d.kind},
                 {"name", d.name},
                 {"origin_statement", d.origin_statement},
                 {"masked", d.masked}};
  const auto put = [&](const char* key, const std::optional<std::string>& v) {
    o[key] = v ? json::value(*v) : nullptr;
  };
  put("id_type", d.id_type);
  put("id_number", d.id_number);
  put("credit_code", d.credit_code);
  put("phone", d.phone);
  put("address", d.address);
  if (d.agent_name) {
    json::object agent;
    const auto put_agent = [&](const char* key, const std::optional<std::string>& v) {
      agent[key] = v ? json::value(*v) : nullptr;
    };
    put_agent("name", d.agent_name);
    put_agent("id_type", d.agent_id_type);
    put_agent("id_number", d.agent_id_number);
    put_agent("phone", d.agent_phone);
    put_agent("authority", d.agent_authority);
    o["agent"] = std::move(agent);
  } else {
    o["agent"] = nullptr;
  }
  return o;
}

Result<http::Response> MaskedSeller(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto seller, d.seller_view.Masked(ctx.Actor(), std::string(ctx.Param("id"))));
  return http::Json(200, SellerJson(seller));
}

Result<http::Response> FullSeller(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"reason"}));
  RECIRC_TRY(std::string reason, f.String("reason"));
  RECIRC_TRY(auto seller, d.seller_view.Full(ctx.Actor(), std::string(ctx.Param("id")), reason));
  return http::Json(200, SellerJson(seller));
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
  json::array items;
  for (const auto& e : entries) {
    items.push_back({{"seq", e.seq},
                     {"occurred_at", FormatRfc3339(FromUnixMillis(e.occurred_at))},
                     {"region_code", e.region_code},
                     {"organisation_id", e.organisation_id},
                     {"outlet_id", e.outlet_id},
                     {"acquisition_id", e.acquisition_id},
                     {"item_id", e.item_id},
                     {"facts", json::parse(e.payload)}});
  }
  const int64_t next = entries.empty() ? after : entries.back().seq;
  return http::Json(200, json::object{{"items", std::move(items)}, {"next_after", next}});
}

Result<http::Response> ImportWatchlist(const RegistryApi& d, http::RequestContext& ctx) {
  const std::string source = ctx.Query("source").value_or("imei_blocklist");
  RECIRC_TRY(auto report, d.police.ImportWatchlist(ctx.Actor(), ctx.request.body(), source));
  return http::Json(201, json::object{{"imported", report.imported}});
}

json::object WatchlistJson(const storage::WatchlistRecord& e) {
  return json::object{{"id", e.id},
                      {"source", e.source},
                      {"identifier_kind", e.identifier_kind},
                      {"identifier_value", e.identifier_value},
                      {"status", ToString(e.status)},
                      {"note", e.note},
                      {"created_at", Time(e.created_at)}};
}

Result<http::Response> AddOwnWatchlist(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"identifier_kind", "identifier_value", "status", "note"}));
  RECIRC_TRY(std::string kind, f.String("identifier_kind"));
  RECIRC_TRY(std::string value, f.String("identifier_value"));
  RECIRC_TRY(auto status, f.OptionalString("status"));
  RECIRC_TRY(std::string note, f.String("note"));
  RECIRC_TRY(auto entry, d.registration.AddOwnWatchlistEntry(ctx.Actor(), kind, value,
                                                             status.value_or("black"), note));
  return http::Json(201, WatchlistJson(entry));
}

Result<http::Response> OwnWatchlist(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto entries, d.registration.OwnWatchlist(ctx.Actor()));
  json::array items;
  for (const auto& e : entries) items.push_back(WatchlistJson(e));
  return http::Json(200, json::object{{"items", std::move(items)}});
}

Result<http::Response> AccessAudit(const RegistryApi& d, http::RequestContext& ctx) {
  std::optional<int64_t> from, to;
  RECIRC_CHECK(TimeQuery(ctx, "from", from));
  RECIRC_CHECK(TimeQuery(ctx, "to", to));
  RECIRC_TRY(auto entries, d.police.AccessAudit(ctx.Actor(), from, to));
  json::array items;
  for (const auto& v : entries) {
    const auto& e = v.entry;
    items.push_back(
        {{"id", e.id},
         {"viewer_id", e.viewer_id},
         {"viewer_username", v.viewer_username},
         {"viewer_display_name", v.viewer_display_name},
         {"viewer_organisation_id", e.viewer_organisation_id},
         {"acquisition_id", e.acquisition_id},
         {"reason", e.reason},
         {"viewed_at", Time(e.viewed_at)},
         {"item",
          {{"category", v.item.category}, {"brand", v.item.brand}, {"model", v.item.model}}},
         {"acquisition",
          {{"outlet_id", v.acquisition.outlet_id},
           {"number", v.acquisition.number},
           {"region_code", v.acquisition.region_code}}}});
  }
  return http::Json(200, json::object{{"items", std::move(items)}});
}

Result<http::Response> NearMisses(const RegistryApi& d, http::RequestContext& ctx) {
  std::optional<int64_t> from, to;
  RECIRC_CHECK(TimeQuery(ctx, "from", from));
  RECIRC_CHECK(TimeQuery(ctx, "to", to));
  RECIRC_TRY(auto entries, d.police.NearMisses(ctx.Actor(), from, to));
  json::array items;
  for (const auto& v : entries) {
    const auto& e = v.near_miss;
    json::array identifiers;
    for (const auto& [kind, value] : v.identifiers) {
      identifiers.push_back({{"kind", kind}, {"value", value}});
    }
    items.push_back({{"id", e.id},
                     {"acquisition_id", e.acquisition_id},
                     {"item_id", e.item_id},
                     {"region_code", e.region_code},
                     {"score", e.score},
                     {"reasons", json::parse(e.reasons)},
                     {"created_at", Time(e.created_at)},
                     {"item",
                      {{"category", v.item.category},
                       {"brand", v.item.brand},
                       {"model", v.item.model},
                       {"identifiers", std::move(identifiers)}}},
                     {"acquisition",
                      {{"outlet_id", v.acquisition.outlet_id}, {"number", v.acquisition.number}}}});
  }
  return http::Json(200, json::object{{"items", std::move(items)}});
}

Result<http::Response> ImportReferenceModels(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto report, d.police.ImportReferenceModels(ctx.Actor(), ctx.request.body()));
  return http::Json(201, json::object{{"imported", report.imported}});
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
                     "registry", 201));
}

}  // namespace recirc::api
