#include "domain/federation/watchlist_feed.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/registry/events.hpp"
#include "domain/registry/police.hpp"

namespace recirc::federation {
namespace {

namespace json = boost::json;

constexpr int kScan = 500;   // journal events read at a time
constexpr int kChunks = 40;  // at most this many reads per pull; the answer says if more remain
constexpr int kPulls = 100;  // at most this many pulls per RunOnce

json::object EntryJson(const storage::WatchlistRecord& w, const storage::OrganisationRecord& o) {
  return {{"id", w.id},
          {"source", w.source},
          {"identifier_kind", w.identifier_kind},
          {"identifier_value", w.identifier_value},
          {"status", ToString(w.status)},
          {"note", w.note},
          {"created_at", w.created_at},
          {"organisation", json::object{{"id", o.id},
                                        {"kind", o.kind},
                                        {"name", o.name},
                                        {"region_code", o.region_code},
                                        {"created_at", o.created_at}}}};
}

struct Received {
  storage::WatchlistRecord entry;
  storage::OrganisationRecord organisation;
};

Result<Received> EntryFrom(const json::value& v) {
  if (!v.is_object()) return Error::InvalidArgument("body", "an entry is not an object");
  const json::object& e = v.get_object();
  Received r;
  RECIRC_TRY(r.entry.id, TextField(e, "id"));
  RECIRC_TRY(r.entry.source, TextField(e, "source"));
  RECIRC_TRY(r.entry.identifier_kind, TextField(e, "identifier_kind"));
  RECIRC_TRY(r.entry.identifier_value, TextField(e, "identifier_value"));
  RECIRC_TRY(std::string status, TextField(e, "status"));
  RECIRC_TRY(r.entry.status, Parse<registry::WatchlistStatus>(status, "status"));
  RECIRC_TRY(r.entry.note, TextField(e, "note"));
  RECIRC_TRY(r.entry.created_at, IntField(e, "created_at"));
  const auto* o = e.if_contains("organisation");
  if (o == nullptr || !o->is_object()) {
    return Error::InvalidArgument("body", "an entry has no organisation");
  }
  RECIRC_TRY(r.organisation.id, TextField(o->get_object(), "id"));
  RECIRC_TRY(r.organisation.kind, TextField(o->get_object(), "kind"));
  RECIRC_TRY(r.organisation.name, TextField(o->get_object(), "name"));
  RECIRC_TRY(r.organisation.region_code, TextField(o->get_object(), "region_code"));
  RECIRC_TRY(r.organisation.created_at, IntField(o->get_object(), "created_at"));
  if (r.organisation.kind != "police") {
    return Error::InvalidArgument("body", "a city's entry comes from a police organisation");
  }
  r.entry.organisation_id = r.organisation.id;
  return r;
}

}  // namespace

Result<std::string> WatchlistFeed::Serve(std::string_view note) {
  std::vector<tlog::Verifier> keys;
  for (const auto& shop : inbox_.shops()) keys.push_back(shop.key);
  RECIRC_TRY(auto opened, OpenMessage(note, kPull, keys));
  RECIRC_TRY(std::string origin, TextField(opened.body, "origin"));
  RECIRC_TRY(int64_t after, IntField(opened.body, "after"));
  if (origin != opened.signer) {
    return Error::Unauthenticated("the pull names another origin than the key that signed it");
  }
  std::string shop_region;
  for (const auto& s : inbox_.shops()) {
    if (s.key.name() == origin) shop_region = s.region_prefix;
  }
  json::array entries;
  int64_t next = after;
  bool more = false;
  RECIRC_CHECK(db_.Read([&](storage::Session& s) -> Status {
    for (int chunk = 0; chunk < kChunks; ++chunk) {
      RECIRC_TRY(auto events, journal_.ReadAfter(s, next, kScan));
      more = static_cast<int>(events.size()) == kScan;
      RECIRC_CHECK(Collect(s, events, shop_region, entries, next));
      if (!more) break;
    }
    return Ok();
  }));
  return SignMessage(
      kEntries,
      json::object{
          {"origin", origin}, {"next", next}, {"more", more}, {"entries", std::move(entries)}},
      inbox_.key());
}

Status WatchlistFeed::Collect(storage::Session& s, const std::vector<storage::EventRecord>& events,
                              const std::string& shop_region, json::array& entries,
                              int64_t& next) const {
  for (const auto& e : events) {
    next = e.seq;
    if (e.type != registry::events::kWatchlistEntryAdded.name) continue;
    RECIRC_TRY(auto entry, registry_.WatchlistEntry(s, e.aggregate_id));
    if (!entry || entry->source == "operator_list") continue;
    RECIRC_TRY(auto police, identity_.FindOrganisation(s, entry->organisation_id));
    if (!police || police->kind != "police") continue;
    // The police's jurisdiction and the shop's region overlap (one is a prefix of the other).
    const std::string jurisdiction = registry::JurisdictionPrefix(police->region_code);
    if (!shop_region.starts_with(jurisdiction) && !jurisdiction.starts_with(shop_region)) {
      continue;
    }
    entries.push_back(EntryJson(*entry, *police));
  }
  return Ok();
}

Result<int64_t> WatchlistPuller::RunOnce() {
  int64_t added = 0;
  for (int i = 0; i < kPulls; ++i) {
    bool more = false;
    RECIRC_TRY(int64_t n, PullOnce(more));
    added += n;
    if (!more) break;
  }
  return added;
}

Result<int64_t> WatchlistPuller::PullOnce(bool& more) {
  RECIRC_TRY(int64_t after, storage::ReadValue<int64_t>(db_, [&](storage::Session& s) {
               return journal_.CursorOf(s, kCursor);
             }));
  RECIRC_TRY(std::string request,
             SignMessage(kPull, json::object{{"origin", key_.name()}, {"after", after}}, key_));
  RECIRC_TRY(auto answer, post_(city_.url + "/federation/v1/watchlist", request));
  if (answer.status != 200) {
    return Error::Unavailable(fmt::format("the city answered {} to a watchlist pull: {}",
                                          answer.status, answer.body.substr(0, 200)));
  }
  const tlog::Verifier keys[] = {city_.key};
  RECIRC_TRY(auto opened, OpenMessage(answer.body, kEntries, keys));
  RECIRC_TRY(std::string origin, TextField(opened.body, "origin"));
  RECIRC_TRY(int64_t next, IntField(opened.body, "next"));
  const auto* more_field = opened.body.if_contains("more");
  more = more_field != nullptr && more_field->is_bool() && more_field->get_bool() && next > after;
  if (origin != key_.name()) return Error::Unauthenticated("the city answered another shop's pull");
  const auto* list = opened.body.if_contains("entries");
  if (list == nullptr || !list->is_array()) {
    return Error::InvalidArgument("body", "the answer has no entries");
  }
  std::vector<Received> received;
  for (const auto& v : list->get_array()) {
    RECIRC_TRY(auto r, EntryFrom(v));
    received.push_back(std::move(r));
  }
  int64_t added = 0;
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    added = 0;
    for (const auto& r : received) {
      RECIRC_TRY(bool mirrored, identity_.MirrorOrganisation(s, r.organisation));
      (void)mirrored;
      RECIRC_TRY(bool fresh, registry_.ImportWatchlistEntry(s, r.entry));
      if (fresh) ++added;
    }
    if (next > after) RECIRC_CHECK(journal_.SaveCursor(s, kCursor, next));
    return Ok();
  }));
  return added;
}

}  // namespace recirc::federation
