#pragma once
// PostgreSQL through libpq: a fixed pool of connections, each with its own prepared statements.
// Write() runs its callback in BEGIN … COMMIT on a pooled connection (READ COMMITTED; services
// take row locks where money or bids are at stake). Read() runs in autocommit, so each statement
// sees the latest committed data. A connection that the server dropped is reset on next use.

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace recirc::storage {

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& conninfo, int pool_size);

}  // namespace recirc::storage
