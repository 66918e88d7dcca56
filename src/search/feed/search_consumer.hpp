#pragma once
// SearchConsumer: a journal consumer that keeps the search index current.
//   listing.published -> add or replace the listing (the payload is a ListingDocument)
//   listing.closed    -> delete the listing ({"listing_id": ..., "reason": withdrawn or sold})
// Payload contracts: docs/search.md.
//
// Xapian is not part of the SQL transaction that moves the consumer's cursor. Each batch is
// committed to Xapian together with the batch's last seq (database metadata) before the cursor
// moves; events at or below that seq are skipped. So a crash between the two commits replays
// the batch into an index that already has it, and skips it: nothing is applied twice or lost.
// A malformed payload is logged (event id and field only) and skipped, so one bad producer cannot
// stop search for everyone.

#include "journal/consumer.hpp"
#include "search/search_index.hpp"

namespace recirc::search {

class SearchConsumer final : public journal::Consumer {
 public:
  explicit SearchConsumer(SearchIndex& index) : index_(index) {}
  std::string_view name() const override { return "search"; }
  Status Apply(storage::Session& s, std::span<const storage::EventRecord> events) override;
  Status Reset(storage::Session& s) override;
  // The index stores the last applied seq: the runner applies batches off the SQL writer.
  bool KeepsOwnProgress() const override { return true; }

  int64_t skipped() const { return skipped_; }  // malformed events seen by this process

 private:
  SearchIndex& index_;
  int64_t skipped_ = 0;
};

}  // namespace recirc::search
