#include "storage/database.hpp"

#include <charconv>

#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace recirc::storage {

bool Row::IsNull(size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }

int64_t Row::Int(size_t i) const {
  const Value& v = values_.at(i);
  if (auto* n = std::get_if<int64_t>(&v)) return *n;
  if (auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) {
    int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double Row::Double(size_t i) const {
  const Value& v = values_.at(i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Row::Text(size_t i) const {
  const Value& v = values_.at(i);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (auto* b = std::get_if<Blob>(&v)) return b->bytes;
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

std::optional<std::string> Row::OptText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::string Row::BlobBytes(size_t i) const {
  const Value& v = values_.at(i);
  if (auto* b = std::get_if<Blob>(&v)) return b->bytes;
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

Result<Row> Session::QueryOne(std::string_view sql, const Params& params, std::string_view what) {
  RECIRC_TRY(Rows rows, Query(sql, params));
  if (rows.empty()) return Error::NotFound(std::string(what) + " not found");
  return std::move(rows.front());
}

Result<std::optional<Row>> Session::QueryOptional(std::string_view sql, const Params& params) {
  RECIRC_TRY(Rows rows, Query(sql, params));
  if (rows.empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows.front()));
}

Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, int pool_size) {
  if (url.starts_with("sqlite://")) {
    std::string_view path = url.substr(9);
    if (path.empty()) return Error::InvalidArgument("database", "sqlite:// needs a file path");
    return OpenSqlite(std::string(path), pool_size);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return OpenPostgres(std::string(url), pool_size);
  }
  return Error::InvalidArgument("database",
                                "the database URL starts with sqlite:// or postgresql://");
}

}  // namespace recirc::storage
