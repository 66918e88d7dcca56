#pragma once
// SQLite in WAL mode: one writer thread, several reader connections.
//
// Group commit: Write() queues its callback for the writer thread, which takes every queued
// callback, runs each inside its own SAVEPOINT within one BEGIN IMMEDIATE … COMMIT, and then
// answers all of them. A failing callback rolls back to its savepoint only; the others commit.
// One fsync (or WAL append) is shared by the whole group, so throughput grows with concurrency
// while every caller still returns only after its change is committed.

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace recirc::storage {

// `location` is a file path, optionally followed by "?synchronous=full" (default NORMAL: durable
// across a process crash such as kill -9; FULL also across power loss, at about 7x the cost).
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& location, int readers);

}  // namespace recirc::storage
