#pragma once
// Small helpers every repository uses to turn query results into records.

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

// NULL for an absent optional text.
inline Value OptionalText(const std::optional<std::string>& v) {
  if (v) return *v;
  return nullptr;
}

// Maps every row with `map`, or passes the query's error on.
template <class T, class F>
Result<std::vector<T>> MapRows(Result<Rows> rows, F&& map) {
  if (!rows) return rows.error();
  std::vector<T> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(map(r));
  return out;
}

// Maps the row if there is one.
template <class T, class F>
Result<std::optional<T>> MapOptional(Result<std::optional<Row>> row, F&& map) {
  if (!row) return row.error();
  if (!*row) return std::optional<T>();
  return std::optional<T>(map(**row));
}

// For statements whose changed-row count the caller does not need.
inline Status Done(const Result<int64_t>& changed) {
  if (!changed) return changed.error();
  return Ok();
}

// The first column of a one-row result (COUNT(*), MAX(…)).
inline Result<int64_t> FirstInt(Result<Row> row) {
  if (!row) return row.error();
  return row->Int(0);
}

}  // namespace recirc::storage
