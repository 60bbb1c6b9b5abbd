// Shared test fixtures: fresh databases on both backends, and an in-process HTTP server.
//
// PostgreSQL tests need SAMSKAB_TEST_PG_URL (scripts/run-tests.sh starts a throwaway cluster
// and sets it). Without it they fail, so that `make test` can never pass while silently
// skipping PostgreSQL; SAMSKAB_TEST_PG=skip skips them explicitly for a quick local run.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <optional>

#include "app/app.h"
#include "core/clock.h"
#include "domain/access/access.h"
#include "storage/database.h"

namespace samskab::testing {

// A fresh, empty database: a new SQLite file in a temp dir, or a new schema in the test
// PostgreSQL. Removed again on destruction.
class TestDatabase {
 public:
  static std::unique_ptr<TestDatabase> Create(storage::Backend backend);
  ~TestDatabase();
  storage::Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  storage::Backend backend() const { return backend_; }
  // Opens a second, independent Database on the same data (like another process would).
  std::unique_ptr<storage::Database> OpenAgain(int pool_size = 2) const;

 private:
  storage::Backend backend_ = storage::Backend::kSqlite;
  std::string url_;
  std::string schema_;         // PostgreSQL
  std::filesystem::path dir_;  // SQLite
  std::unique_ptr<storage::Database> db_;
};

// For INSTANTIATE_TEST_SUITE_P(..., ::testing::Values(kSqlite, kPostgres), BackendName).
std::string BackendName(const ::testing::TestParamInfo<storage::Backend>& info);

// Skips or fails a PostgreSQL test when no test cluster is configured (see above).
// Returns false when the test should stop.
bool PostgresAvailable(storage::Backend backend);

class BackendTest : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped (SAMSKAB_TEST_PG=skip)";
    database_ = TestDatabase::Create(GetParam());
    ASSERT_TRUE(database_) << "could not create the test database";
  }
  storage::Database& db() { return database_->db(); }
  std::unique_ptr<TestDatabase> database_;
};

// A minimal HTTP response as the tests see it.
struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  bool closed_without_response = false;
  std::string header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
  }
};

// Sends raw bytes on a new connection and reads one response (or notes that the server closed
// the connection without one). Waits at most `timeout`.
HttpResult RawExchange(uint16_t port, const std::string& bytes,
                       std::chrono::milliseconds timeout = std::chrono::seconds(5));

// GET/POST helpers building well-formed HTTP/1.1 requests.
HttpResult Get(uint16_t port, const std::string& target,
               const std::map<std::string, std::string>& headers = {});
HttpResult Send(uint16_t port, const std::string& method, const std::string& target, const std::string& body,
                const std::map<std::string, std::string>& headers = {});

// A person logged in through the pages: their session cookie and the CSRF token forms carry.
struct PageSession {
  std::string cookie;
  std::string csrf;
  int64_t user_id = 0;
};
using FormFields = std::vector<std::pair<std::string, std::string>>;
// GET as the person; POST a form-encoded form as the person (with their CSRF token unless not).
HttpResult GetPage(uint16_t port, const PageSession& session, const std::string& target);
HttpResult PostPage(uint16_t port, const PageSession& session, const std::string& target,
                    const FormFields& fields, bool with_csrf = true);

// The whole application on a fresh SQLite demo database (or the given backend), served
// in-process on a free port by a background thread.
class TestServer {
 public:
  explicit TestServer(const std::function<void(app::Config&)>& tweak = {},
                      storage::Backend backend = storage::Backend::kSqlite);
  ~TestServer();
  uint16_t port() const { return port_; }
  app::App& app() { return *app_; }
  FixedClock& clock() { return clock_; }
  void Stop();

  // People and tokens for tests. Passwords use argon2id's minimal limits here.
  // A user with one role (or none); returns the user id.
  int64_t AddUser(const std::string& email, const std::string& password, std::optional<domain::Grant> grant);
  // Logs in through POST /login and returns the Cookie header value for the session ("" on failure).
  std::string Login(const std::string& email, const std::string& password);
  // An API token; returns the secret for `Authorization: Bearer`.
  std::string AddToken(domain::Role role, const std::string& municipality_code);
  // A CSRF token for a logged-in session cookie (scraped from /account).
  std::string CsrfFor(const std::string& session_cookie);
  // A new person with `grant` (e-mail from `name` and a counter), logged in through the pages.
  PageSession LogInNew(const std::string& name, std::optional<domain::Grant> grant);
  // A unit of municipality `code`, created directly (the unit pages and API are tested on their own).
  domain::Unit AddUnit(const std::string& code, domain::UnitKind kind, const std::string& name,
                       std::optional<int64_t> parent);

 private:
  FixedClock clock_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<app::App> app_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  uint16_t port_ = 0;
};

// The first form's CSRF token on an HTML page, or "".
std::string CsrfFromPage(const std::string& html);

// The repository root (for assets and data files in tests).
std::filesystem::path SourceRoot();

}  // namespace samskab::testing
