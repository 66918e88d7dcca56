#include "domain/history/seizure_publisher.hpp"

#include <boost/json.hpp>

#include "domain/history/events.hpp"
#include "domain/registry/events.hpp"

namespace recirc::history {
namespace {

constexpr std::string_view kCursor = "seizure_publisher";
constexpr int kBatch = 500;

bool IsSeizure(const storage::EventRecord& e) {
  return e.type == registry::events::kItemSeized.name &&
         e.aggregate_type == registry::events::kItemSeized.aggregate;
}

}  // namespace

Result<int64_t> SeizurePublisher::PublishDue() {
  const int64_t cutoff = ToUnixMillis(clock_.Now()) - std::chrono::milliseconds(delay_).count();
  int64_t published = 0;
  // Look before writing: a run that would neither publish nor move the cursor (nothing new, or
  // the next event is a seizure still inside its delay) commits nothing, so an idle node stays
  // idle while a seizure waits out its delay (docs/security.md).
  RECIRC_TRY(bool work, storage::ReadValue<bool>(db_, [&](storage::Session& s) -> Result<bool> {
               RECIRC_TRY(int64_t cursor, journal_.CursorOf(s, kCursor));
               RECIRC_TRY(auto next, journal_.ReadAfter(s, cursor, 1));
               return !next.empty() &&
                      !(IsSeizure(next.front()) && next.front().occurred_at > cutoff);
             }));
  if (!work) return published;
  for (;;) {
    bool more = false;
    const Status st = db_.Write([&](storage::Session& s) -> Status {
      RECIRC_TRY(int64_t cursor, journal_.CursorOf(s, kCursor));
      RECIRC_TRY(auto events, journal_.ReadAfter(s, cursor, kBatch));
      int64_t position = cursor;
      bool waiting = false;
      for (const auto& e : events) {
        if (IsSeizure(e)) {
          if (e.occurred_at > cutoff) {
            waiting = true;
            break;
          }
          const std::string day = FormatRfc3339(FromUnixMillis(e.occurred_at)).substr(0, 10);
          RECIRC_TRY(
              int64_t seq,
              journal_.Append(
                  s, {events::kItemSeizurePublished, e.aggregate_id, std::nullopt, std::nullopt,
                      boost::json::serialize(boost::json::object{{"seized_on", day}})}));
          static_cast<void>(seq);
          ++published;
        }
        position = e.seq;
      }
      more = !waiting && static_cast<int>(events.size()) == kBatch;
      if (position == cursor) return Ok();
      return journal_.SaveCursor(s, kCursor, position);
    });
    if (!st) return st.error();
    if (!more) return published;
  }
}

}  // namespace recirc::history
