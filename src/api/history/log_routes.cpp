// The item-history transparency log, public: C2SP tlog-tiles under /log/ (checkpoint, hash
// tiles, entry bundles), the log's verifier key, item passports and tlog-proof files.
#include <boost/json.hpp>

#include <charconv>

#include "api/history/dto.hpp"
#include "api/history/routes.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kShort = "public, max-age=10";

history::LogService& Log(const HistoryApi& d) { return d.log; }

Result<http::Response> Checkpoint(const HistoryApi& d) {
  RECIRC_TRY(std::string note, Log(d).Checkpoint());
  auto r = http::Text(200, "text/plain; charset=utf-8", std::move(note));
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

Result<http::Response> Tile(const HistoryApi& d, http::RequestContext& c) {
  RECIRC_TRY(auto tile, Log(d).Tile("tile/" + std::string(c.Param("path"))));
  auto r = http::Text(200, "application/octet-stream", std::move(tile.data));
  r.headers.emplace_back("Cache-Control", std::string(tile.full ? kImmutable : kShort));
  return r;
}

Result<http::Response> Passport(const HistoryApi& d, http::RequestContext& c) {
  RECIRC_TRY(auto id, ItemId::Parse(c.Param("id"), "id"));
  RECIRC_TRY(auto p, Log(d).ItemPassport(id));
  dto::ItemPassport out{p.item_id, p.tree_size, p.checkpoint, Log(d).VerifierKey(), {}};
  for (const auto& e : p.events) {
    dto::PassportEvent event{e.index, e.leaf, boost::json::parse(e.leaf), {}};
    for (const auto& h : e.proof) event.inclusion_proof.push_back(tlog::Base64Encode(h));
    out.events.push_back(std::move(event));
  }
  return http::Json(200, boost::json::value_from(out));
}

Result<http::Response> ProofFile(const HistoryApi& d, http::RequestContext& c) {
  RECIRC_TRY(auto id, ItemId::Parse(c.Param("id"), "id"));
  const std::string item = id.ToString();
  const std::string_view text = c.Param("index");
  uint64_t index = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (ec != std::errc() || end != text.data() + text.size()) {
    // An index that is not a number names no leaf of the item.
    return Error::NotFound("item " + item + " has no leaf " + std::string(text));
  }
  RECIRC_TRY(std::string file, Log(d).ProofFile(id, index));
  auto r = http::Text(200, "text/plain; charset=utf-8", std::move(file));
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + item + "-" +
                                                    std::to_string(index) + ".tlog-proof\"");
  return r;
}

}  // namespace

void AddLogRoutes(std::vector<http::Route>& routes, const HistoryApi& d) {
  using http::Verb;
  using P = identity::Permission;
  routes.push_back({Verb::get, "/log/checkpoint", P::kPublic,
                    [&d](http::RequestContext&) { return Checkpoint(d); }, 0});
  routes.push_back({Verb::get, "/log/tile/{path...}", P::kPublic,
                    [&d](http::RequestContext& c) { return Tile(d, c); }, 0});
  routes.push_back({Verb::get, "/log/key", P::kPublic,
                    [&d](http::RequestContext&) -> Result<http::Response> {
                      return http::Text(200, "text/plain; charset=utf-8",
                                        Log(d).VerifierKey() + "\n");
                    },
                    0});
  routes.push_back({Verb::get, "/api/v1/items/{id}/passport", P::kPublic,
                    [&d](http::RequestContext& c) { return Passport(d, c); }, 0});
  routes.push_back({Verb::get, "/api/v1/items/{id}/events/{index}/proof", P::kPublic,
                    [&d](http::RequestContext& c) { return ProofFile(d, c); }, 0});
  http::Describe(routes, Verb::get, "/api/v1/items/{id}/passport",
                 http::Document<void, dto::ItemPassport>(
                     "An item's public history: each leaf (canonical JSON, as 'entry' bytes and "
                     "parsed as 'leaf') with its RFC 9162 inclusion proof against the latest "
                     "checkpoint, which is included signed",
                     "transparency log")
                     .Ok("The passport")
                     .Fails(404, "Not found"));
  const std::string tag = "transparency log";
  http::Describe(routes, Verb::get, "/log/checkpoint",
                 http::Document<void, void>(
                     "The latest signed checkpoint (C2SP tlog-checkpoint, a signed note)", tag)
                     .Ok("The checkpoint note")
                     .Returns(200, "", "text/plain; charset=utf-8", R"js({"type": "string"})js"));
  http::Describe(
      routes, Verb::get, "/log/tile/{path...}",
      http::Document<void, void>(
          "A hash tile (tile/<L>/<N>[.p/<W>]) or entry bundle (tile/entries/<N>[.p/<W>]) exactly "
          "as C2SP tlog-tiles; {path...} is the rest of the path after /log/tile/. Full tiles "
          "are immutable (Cache-Control: public, max-age=31536000, immutable), partial ones are "
          "cached briefly.",
          tag)
          .Ok("The tile bytes")
          .Returns(200, "", "application/octet-stream", R"js({"type": "string"})js")
          .Returns(404, "Not a tile path, or beyond the tree"));
  http::Describe(routes, Verb::get, "/log/key",
                 http::Document<void, void>(
                     "The log's verifier key (C2SP signed-note vkey: name+id+base64)", tag)
                     .Ok("The key and a newline")
                     .Returns(200, "", "text/plain; charset=utf-8", R"js({"type": "string"})js"));
  http::Describe(
      routes, Verb::get, "/api/v1/items/{id}/events/{index}/proof",
      http::Document<void, void>("A C2SP tlog-proof@v1 file for one leaf of the item, "
                                 "as a .tlog-proof download",
                                 tag)
          .Ok("c2sp.org/tlog-proof@v1, index, proof hashes, empty line, signed checkpoint")
          .Returns(200, "", "text/plain; charset=utf-8", R"js({"type": "string"})js")
          .Fails(404, "Not found"));
}

}  // namespace recirc::api
