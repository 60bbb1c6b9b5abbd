// The storage seam: one interface, two backends (SQLite embedded, PostgreSQL for scale).
//
// SQL is written once with `?` placeholders; the PostgreSQL backend rewrites them to $n.
// Every statement is prepared and cached per connection: there is no way to run SQL with
// values spliced into the text. Database errors become Status codes here, at the boundary
// (unique violation -> kAlreadyExists, foreign key -> kFailedPrecondition, busy or
// disconnected -> kUnavailable), so domain code never sees a driver error.
//
// Threads: a Database is shared by all threads. A Connection is used by one thread at a time;
// Acquire() leases one from the pool and the Lease gives it back when it goes out of scope.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace samskab::storage {

enum class Backend { kSqlite, kPostgres };

struct Null {
  bool operator==(const Null&) const = default;
};
using Value = std::variant<Null, int64_t, double, std::string>;
using Params = std::vector<Value>;

// An optional value as a statement parameter: NULL when empty.
template <typename T>
Value NullIfEmpty(const std::optional<T>& value) {
  return value ? Value(*value) : Value(Null{});
}
// Text that is NULL in the database when empty (an optional scope such as a municipality code).
inline Value NullIfEmpty(const std::string& text) { return text.empty() ? Value(Null{}) : Value(text); }

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<Null>(values_.at(i)); }
  // REQUIRES: the column holds an integer (NULL reads as 0).
  int64_t Int(size_t i) const;
  double Real(size_t i) const;
  // NULL reads as "".
  const std::string& Text(size_t i) const;
  std::optional<std::string> OptionalText(size_t i) const;

 private:
  std::vector<Value> values_;
};
using Rows = std::vector<Row>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  // One statement, prepared once per connection and cached.
  virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
  // One statement; returns the number of rows changed.
  virtual Result<int64_t> Execute(std::string_view sql, const Params& params = {}) = 0;
  // Several statements without parameters: for migrations only.
  virtual Status ExecuteScript(std::string_view sql) = 0;
  // False once the connection is known to be broken; the pool then drops it.
  virtual bool healthy() const = 0;
};

// A transaction on one connection. Rolls back unless Commit() succeeded.
// `write` starts SQLite with BEGIN IMMEDIATE so that two writers queue instead of deadlocking.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(Connection& connection, bool write);
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  Connection& connection_;
  bool done_ = false;
};

struct PoolStats {
  int size = 0;       // connections open
  int in_use = 0;     // leased right now
  int max_size = 0;   // configured upper bound
  int64_t waits = 0;  // Acquire() calls that had to wait
};

class Database;

class Lease {
 public:
  Lease(Database* database, std::unique_ptr<Connection> connection)
      : database_(database), connection_(std::move(connection)) {}
  Lease(Lease&&) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() { return *connection_; }
  Connection* operator->() { return connection_.get(); }

 private:
  Database* database_;
  std::unique_ptr<Connection> connection_;
};

class Database {
 public:
  using Factory = std::function<Result<std::unique_ptr<Connection>>()>;

  // "sqlite:PATH" or "postgresql://…" (also "postgres://…"). `pool_size` bounds the connections.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size);

  Database(Backend backend, Factory factory, int max_size, std::string description);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return backend_; }
  // The URL without its password, for logs.
  const std::string& description() const { return description_; }
  // Waits up to `timeout` for a free connection; kUnavailable when none comes.
  Result<Lease> Acquire(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  PoolStats Stats() const;

 private:
  friend class Lease;
  void Release(std::unique_ptr<Connection> connection);

  const Backend backend_;
  const Factory factory_;
  const int max_size_;
  const std::string description_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
  int in_use_ = 0;
  int64_t waits_ = 0;
};

// Leases a connection, runs `body` in a write transaction and commits when it succeeded (rolls
// back otherwise). Repositories use it for every change.
template <class T>
Result<T> InWriteTransaction(Database& database, const std::function<Result<T>(Connection&)>& body) {
  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  auto tx = Transaction::Begin(**lease, /*write=*/true);
  if (!tx.ok()) return tx.status();
  auto result = body(**lease);
  if (!result.ok()) return result;
  SAMSKAB_RETURN_IF_ERROR((*tx)->Commit());
  return result;
}

// Parses the --db URL. Exposed for the configuration's validation and for tests.
struct DatabaseUrl {
  Backend backend;
  std::string target;  // file path for SQLite, the libpq connection URI for PostgreSQL
};
Result<DatabaseUrl> ParseDatabaseUrl(const std::string& url);

}  // namespace samskab::storage
