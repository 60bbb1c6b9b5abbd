#include "storage/database.h"

#include <fmt/format.h>

#include "storage/postgres/postgres_connection.h"
#include "storage/sqlite/sqlite_connection.h"

namespace samskab::storage {

int64_t Row::Int(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  return 0;
}

double Row::Real(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  return 0;
}

const std::string& Row::Text(size_t i) const {
  static const std::string kEmpty;
  const auto* s = std::get_if<std::string>(&values_.at(i));
  return s ? *s : kEmpty;
}

std::optional<std::string> Row::OptionalText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

Result<std::unique_ptr<Transaction>> Transaction::Begin(Connection& connection, bool write) {
  const char* sql = (write && connection.backend() == Backend::kSqlite) ? "BEGIN IMMEDIATE" : "BEGIN";
  auto begun = connection.Execute(sql);
  if (!begun.ok()) return begun.status();
  return std::unique_ptr<Transaction>(new Transaction(connection));
}

Transaction::~Transaction() {
  if (!done_) (void)connection_.Execute("ROLLBACK");
}

Status Transaction::Commit() {
  auto committed = connection_.Execute("COMMIT");
  if (!committed.ok()) return committed.status();
  done_ = true;
  return Status::Ok();
}

Lease::~Lease() {
  if (database_ && connection_) database_->Release(std::move(connection_));
}

Database::Database(Backend backend, Factory factory, int max_size, std::string description)
    : backend_(backend),
      factory_(std::move(factory)),
      max_size_(max_size),
      description_(std::move(description)) {}

Result<Lease> Database::Acquire(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  bool waited = false;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (idle_.empty() && open_ >= max_size_) {
    if (!waited) {
      waited = true;
      ++waits_;
    }
    if (available_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= max_size_) {
      return Unavailable(fmt::format("no database connection free within {} ms", timeout.count()));
    }
  }
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    ++in_use_;
    return Lease(this, std::move(connection));
  }
  // Open a new connection outside the lock: connecting to PostgreSQL takes milliseconds.
  ++open_;
  ++in_use_;
  lock.unlock();
  auto connection = factory_();
  if (!connection.ok()) {
    lock.lock();
    --open_;
    --in_use_;
    available_.notify_one();
    return connection.status();
  }
  return Lease(this, std::move(connection).value());
}

void Database::Release(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  --in_use_;
  if (connection->healthy()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;  // dropped; the next Acquire opens a fresh one
  }
  available_.notify_one();
}

PoolStats Database::Stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{open_, in_use_, max_size_, waits_};
}

Result<DatabaseUrl> ParseDatabaseUrl(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);
    if (path.empty()) return InvalidArgument("sqlite URL without a path; use sqlite:PATH");
    return DatabaseUrl{Backend::kSqlite, path};
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return DatabaseUrl{Backend::kPostgres, url};
  }
  return InvalidArgument("database URL must start with sqlite: or postgresql://");
}

namespace {
// postgresql://user:secret@host/db -> postgresql://user:***@host/db
std::string WithoutPassword(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}
}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size) {
  auto parsed = ParseDatabaseUrl(url);
  if (!parsed.ok()) return parsed.status();
  if (pool_size < 1) return InvalidArgument("pool size must be at least 1");
  const DatabaseUrl target = *parsed;
  Factory factory;
  if (target.backend == Backend::kSqlite) {
    factory = [path = target.target]() { return OpenSqlite(path); };
  } else {
    factory = [uri = target.target]() { return OpenPostgres(uri); };
  }
  auto database = std::make_unique<Database>(target.backend, factory, pool_size, WithoutPassword(url));
  // Open one connection now, so that a wrong URL or an unreachable server fails at start-up.
  auto first = database->Acquire();
  if (!first.ok()) return first.status();
  return database;
}

}  // namespace samskab::storage
