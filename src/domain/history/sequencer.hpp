#pragma once
// Sequencer: the journal consumer that builds the item-history log. For each batch of journal
// events it turns the item events into leaves (leaf.hpp), appends them as entries, writes every
// hash tile that changed (tlog::NewTiles) and signs a checkpoint of the new tree, all in the
// runner's transaction, which also moves the cursor. A crash therefore loses the whole batch or
// none of it, and the next run repeats it exactly: no gap, no duplicate, and every published
// checkpoint is a prefix of the next. The unique leaf index and journal sequence number make a
// second sequencer on the same database (another node) fail its batch instead of forking.
//
// Reset() refuses once a checkpoint of a non-empty tree exists: rebuilding would re-sign a tree
// that verifiers already hold, and any difference (a changed leaf rule, a lost event) would be
// a fork they must treat as misbehaviour. A published log only ever grows.

#include "core/clock.hpp"
#include "journal/consumer.hpp"
#include "storage/history/tlog_repository.hpp"
#include "tlog/hash.hpp"
#include "tlog/note.hpp"

namespace recirc::history {

class Sequencer final : public journal::Consumer {
 public:
  Sequencer(const storage::TlogRepository& repo, const tlog::Signer& signer, const Clock& clock)
      : repo_(repo), signer_(signer), clock_(clock) {}
  std::string_view name() const override { return "tlog"; }
  Status Apply(storage::Session& s, std::span<const storage::EventRecord> events) override;
  Status Reset(storage::Session& s) override;

  // Publishes the checkpoint of the empty tree if there is no checkpoint yet, so that
  // /log/checkpoint answers from the start.
  Status PublishInitial(storage::Session& s);

  const std::string& origin() const { return signer_.name(); }

 private:
  Status Publish(storage::Session& s, uint64_t size, const tlog::Hash& root);

  const storage::TlogRepository& repo_;
  tlog::Signer signer_;
  const Clock& clock_;
};

}  // namespace recirc::history
