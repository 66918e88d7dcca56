#include "search/feed/search_consumer.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "domain/market/events.hpp"

namespace recirc::search {
namespace {

Status ApplyOne(SearchIndex& index, const storage::EventRecord& e) {
  boost::system::error_code ec;
  const boost::json::value payload = boost::json::parse(e.payload, ec);
  if (ec || !payload.is_object())
    return Error::InvalidArgument("payload", "payload is not a JSON object");
  if (e.type == market::events::kListingPublished.name) {
    RECIRC_TRY(auto doc, ListingFromJson(payload));
    return index.Put(doc);
  }
  const auto* id = payload.as_object().if_contains("listing_id");
  if (!id || !id->is_string() || id->as_string().empty())
    return Error::InvalidArgument("listing_id", "listing_id is required");
  return index.Remove(std::string(id->as_string()));
}

}  // namespace

Status SearchConsumer::Apply(storage::Session&, std::span<const storage::EventRecord> events) {
  if (events.empty()) return Ok();
  RECIRC_TRY(const int64_t applied, index_.LastSeq());
  bool changed = false;
  for (const auto& e : events) {
    if (e.seq <= applied) continue;  // already in the index (a crash after the Xapian commit)
    if (e.type != market::events::kListingPublished.name &&
        e.type != market::events::kListingClosed.name) {
      continue;
    }
    changed = true;
    if (auto st = ApplyOne(index_, e); !st) {
      if (st.error().code != ErrorCode::kInvalidArgument) return st;
      ++skipped_;
      spdlog::warn("search: skipped event {} ({}): {}", e.id, e.type, st.error().message);
    }
  }
  const int64_t last = events.back().seq;
  if (!changed) return Ok();  // nothing for search in this batch: no Xapian commit
  RECIRC_CHECK(index_.SetLastSeq(last));
  return index_.Commit();
}

Status SearchConsumer::Reset(storage::Session&) { return index_.Clear(); }

}  // namespace recirc::search
