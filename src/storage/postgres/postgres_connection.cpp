#include "storage/postgres/postgres_connection.hpp"

#include <cstring>

namespace recirc::storage {
namespace {

// Type OIDs from pg_type.h (stable across PostgreSQL versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

Value ConvertText(const char* text, int length, Oid type) {
  switch (type) {
    case kBoolOid:
      return int64_t{text[0] == 't' ? 1 : 0};
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
      return int64_t{std::strtoll(text, nullptr, 10)};
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      return std::strtod(text, nullptr);
    case kByteaOid: {
      // Text form of bytea is "\x" followed by hex digits.
      Blob blob;
      if (length >= 2 && text[0] == '\\' && text[1] == 'x') {
        blob.bytes.reserve(static_cast<size_t>(length - 2) / 2);
        for (int i = 2; i + 1 < length; i += 2) {
          blob.bytes.push_back(static_cast<char>(HexValue(text[i]) * 16 + HexValue(text[i + 1])));
        }
      }
      return blob;
    }
    default:
      return std::string(text, static_cast<size_t>(length));
  }
}

}  // namespace

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Error::Unavailable("cannot connect to PostgreSQL: " + message);
  }
  auto out = std::unique_ptr<PostgresConnection>(new PostgresConnection(conn));
  RECIRC_CHECK(out->ExecuteScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
  return out;
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

bool PostgresConnection::IsBroken() const { return PQstatus(conn_) != CONNECTION_OK; }

Status PostgresConnection::Reset() {
  PQreset(conn_);
  statements_.clear();
  if (IsBroken()) return Error::Unavailable("PostgreSQL connection lost");
  return ExecuteScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
}

Error PostgresConnection::ResultError(PGresult* result, std::string_view doing) const {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = std::string(doing) + ": " + PQerrorMessage(conn_);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  if (IsBroken() || state == nullptr) return Error::Unavailable(std::move(message));
  const std::string_view s(state);
  if (s == "23505") return Error::AlreadyExists(std::move(message));
  if (s.starts_with("23")) return Error::FailedPrecondition(std::move(message));
  if (s == "40001" || s == "40P01") return Error::Conflict(std::move(message));
  if (s.starts_with("08") || s.starts_with("57")) return Error::Unavailable(std::move(message));
  return Error::Internal(std::move(message));
}

Result<PGresult*> PostgresConnection::Run(std::string_view sql, const Params& params) {
  std::string key(sql);
  auto it = statements_.find(key);
  if (it == statements_.end()) {
    std::string name = "s" + std::to_string(statements_.size() + 1);
    PGresult* prepared = PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr);
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
      Error e = ResultError(prepared, "prepare");
      PQclear(prepared);
      return e;
    }
    PQclear(prepared);
    it = statements_.emplace(std::move(key), std::move(name)).first;
  }
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<int> lengths(params.size(), 0);
  std::vector<int> formats(params.size(), 0);
  for (size_t i = 0; i < params.size(); ++i) {
    const Value& v = params[i];
    if (auto* n = std::get_if<int64_t>(&v)) {
      texts[i] = std::to_string(*n);
    } else if (auto* d = std::get_if<double>(&v)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", *d);
      texts[i] = buf;
    } else if (auto* s = std::get_if<std::string>(&v)) {
      values[i] = s->c_str();
      lengths[i] = static_cast<int>(s->size());
      continue;
    } else if (auto* b = std::get_if<Blob>(&v)) {
      values[i] = b->bytes.data();
      lengths[i] = static_cast<int>(b->bytes.size());
      formats[i] = 1;  // binary: no escaping of bytea
      continue;
    } else {
      continue;  // NULL
    }
    values[i] = texts[i].c_str();
    lengths[i] = static_cast<int>(texts[i].size());
  }
  PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                    values.data(), lengths.data(), formats.data(), 0);
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    Error e = ResultError(result, "query");
    PQclear(result);
    return e;
  }
  return result;
}

Result<Rows> PostgresConnection::Query(std::string_view sql, const Params& params) {
  RECIRC_TRY(PGresult * result, Run(sql, params));
  const int n = PQntuples(result);
  const int columns = PQnfields(result);
  std::vector<Oid> types(static_cast<size_t>(columns));
  for (int c = 0; c < columns; ++c) types[static_cast<size_t>(c)] = PQftype(result, c);
  Rows rows;
  rows.reserve(static_cast<size_t>(n));
  for (int r = 0; r < n; ++r) {
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result, r, c)) {
        values.emplace_back(nullptr);
      } else {
        values.push_back(ConvertText(PQgetvalue(result, r, c), PQgetlength(result, r, c),
                                     types[static_cast<size_t>(c)]));
      }
    }
    rows.emplace_back(std::move(values));
  }
  PQclear(result);
  return rows;
}

Result<int64_t> PostgresConnection::Execute(std::string_view sql, const Params& params) {
  RECIRC_TRY(PGresult * result, Run(sql, params));
  const char* affected = PQcmdTuples(result);
  const int64_t count = (affected && *affected) ? std::strtoll(affected, nullptr, 10) : 0;
  PQclear(result);
  return count;
}

Status PostgresConnection::ExecuteScript(std::string_view sql) {
  const std::string text(sql);
  PGresult* result = PQexec(conn_, text.c_str());
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Error e = ResultError(result, "script");
    PQclear(result);
    return e;
  }
  PQclear(result);
  return Ok();
}

}  // namespace recirc::storage
