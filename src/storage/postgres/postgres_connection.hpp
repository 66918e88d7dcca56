#pragma once
// One libpq connection with a cache of server-side prepared statements, exposed as a Session.
// Not thread-safe: the pool hands each connection to one thread at a time.

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "storage/database.hpp"

namespace recirc::storage {

class PostgresConnection final : public Session {
 public:
  static Result<std::unique_ptr<PostgresConnection>> Open(const std::string& conninfo);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<Rows> Query(std::string_view sql, const Params& params) override;
  Result<int64_t> Execute(std::string_view sql, const Params& params) override;
  Status ExecuteScript(std::string_view sql) override;

  // True if the server connection was lost; the pool reconnects such a connection.
  bool IsBroken() const;
  Status Reset();

 private:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  Result<PGresult*> Run(std::string_view sql, const Params& params);
  Error ResultError(PGresult* result, std::string_view doing) const;

  PGconn* conn_;
  std::unordered_map<std::string, std::string> statements_;  // SQL text -> statement name
};

}  // namespace recirc::storage
