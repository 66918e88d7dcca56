#pragma once
// Numbered schema migrations per dialect (src/storage/migrations/<dialect>/NNNN_name.sql), compiled
// into the binary. Migrate() applies every missing one in order, each in its own transaction,
// recording it in schema_migrations; it is run at start-up and by `recirc migrate`. On PostgreSQL
// an advisory lock keeps two nodes starting at once from applying the same migration twice.

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace recirc::storage {

struct MigrationReport {
  std::vector<std::string> applied;  // file names applied by this call
  int64_t version = 0;               // schema version after the call
};

Result<MigrationReport> Migrate(Database& db, const Clock& clock);

}  // namespace recirc::storage
