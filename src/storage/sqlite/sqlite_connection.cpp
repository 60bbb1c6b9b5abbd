#include "storage/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <unordered_map>

#include <fmt/format.h>

#include "storage/sqlite/postcode_set.h"
#include "storage/sqlite/search_rank.h"
#include "storage/sqlite/snowball_tokenizer.h"

namespace samskab::storage {
namespace {

constexpr int kBusyTimeoutMs = 5000;

Status ErrorFrom(sqlite3* db, int rc, std::string_view sql) {
  const int extended = db ? sqlite3_extended_errcode(db) : rc;
  std::string message = fmt::format("sqlite: {} ({}) in: {}", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc),
                                    extended, sql.substr(0, 200));
  switch (extended) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return {ErrorCode::kAlreadyExists, std::move(message)};
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return {ErrorCode::kFailedPrecondition, std::move(message)};
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return {ErrorCode::kUnavailable, std::move(message)};
    case SQLITE_CONSTRAINT:
      return {ErrorCode::kInvalidArgument, std::move(message)};
    default:
      return {ErrorCode::kInternal, std::move(message)};
  }
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Backend backend() const override { return Backend::kSqlite; }
  bool healthy() const override { return healthy_; }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    Rows rows;
    auto status = Run(sql, params, &rows);
    if (!status.ok()) return status;
    return rows;
  }

  Result<int64_t> Execute(std::string_view sql, const Params& params) override {
    auto status = Run(sql, params, nullptr);
    if (!status.ok()) return status;
    return static_cast<int64_t>(sqlite3_changes64(db_));
  }

  Status ExecuteScript(std::string_view sql) override {
    const std::string text(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errstr(rc);
      sqlite3_free(error);
      return Internal("sqlite script failed: " + message);
    }
    return Status::Ok();
  }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    auto found = statements_.find(std::string(sql));
    if (found != statements_.end()) return found->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return ErrorFrom(db_, rc, sql);
    statements_.emplace(std::string(sql), stmt);
    return stmt;
  }

  Status Bind(sqlite3_stmt* stmt, const Params& params, std::string_view sql) {
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return Internal(fmt::format("statement wants {} parameters, got {}: {}",
                                  sqlite3_bind_parameter_count(stmt), params.size(), sql));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      const Value& v = params[i];
      if (std::holds_alternative<Null>(v)) {
        rc = sqlite3_bind_null(stmt, index);
      } else if (const auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, index, *d);
      } else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) return ErrorFrom(db_, rc, sql);
    }
    return Status::Ok();
  }

  Status Run(std::string_view sql, const Params& params, Rows* rows) {
    auto prepared = Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    sqlite3_stmt* stmt = *prepared;
    struct Resetter {
      sqlite3_stmt* stmt;
      ~Resetter() {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
      }
    } resetter{stmt};
    SAMSKAB_RETURN_IF_ERROR(Bind(stmt, params, sql));
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return Status::Ok();
      if (rc != SQLITE_ROW) {
        if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) healthy_ = false;
        return ErrorFrom(db_, rc, sql);
      }
      if (!rows) continue;
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER:
            values.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
            break;
          case SQLITE_FLOAT:
            values.emplace_back(sqlite3_column_double(stmt, c));
            break;
          case SQLITE_NULL:
            values.emplace_back(Null{});
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            values.emplace_back(std::string(text, sqlite3_column_bytes(stmt, c)));
          }
        }
      }
      rows->emplace_back(std::move(values));
    }
  }

  sqlite3* db_;
  bool healthy_ = true;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = Unavailable(fmt::format("cannot open SQLite database {}: {}", path,
                                            db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close_v2(db);
    return status;
  }
  auto connection = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  // Before any statement: the full-text tables of migration 0008 need it to be read or written.
  if (auto registered = RegisterSnowballTokenizer(db); !registered.ok()) return registered;
  if (auto registered = RegisterSearchRank(db); !registered.ok()) return registered;
  if (auto registered = RegisterPostcodeSet(db); !registered.ok()) return registered;
  // WAL lets readers run beside one writer; synchronous=FULL makes every commit durable.
  // mmap_size: reads come straight from the operating system's page cache, shared by every
  // connection of the pool, instead of being copied into each connection's own small cache; a
  // search's per-match lookups cost half as much (decisions/0015). Writes still go through the WAL.
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=FULL",
                             "PRAGMA mmap_size=1073741824"}) {
    auto status = connection->ExecuteScript(pragma);
    if (!status.ok()) return Unavailable(fmt::format("{}: {}", path, status.log_message()));
  }
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace samskab::storage
