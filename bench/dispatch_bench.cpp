// Micro-benchmarks of the request pipeline in-process, without sockets: the start page and one
// JSON read through App::dispatcher() exactly as the server calls it (Resolve, then Dispatch),
// the router alone, the municipality read through our storage layer, and a raw SQLite anchor
// (one plain prepared statement through the sqlite3 C API on the same database file), so that
// the cost of our layers over SQLite shows as a ratio. bench/run.sh runs these and prints the
// ratios; no timing here is asserted anywhere.
//
// The fixture is one App on a fresh SQLite demo database in a temporary directory, built once
// for the whole binary (samskab::app::SetUpDemo, then App::Create), removed at exit.
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "app/app.h"
#include "app/config.h"
#include "core/clock.h"
#include "core/password.h"
#include "domain/municipality/municipality.h"
#include "http/message.h"
#include "storage/database.h"

namespace {

namespace fs = std::filesystem;
using samskab::http::Request;
using samskab::http::Response;

constexpr char kMunicipality[] = "0190";

// The App every benchmark shares. Built on first use (thread-safe static), torn down at exit.
class Fixture {
 public:
  static Fixture& Get() {
    static Fixture fixture;
    return fixture;
  }

  samskab::app::App& app() { return *app_; }
  const std::string& db_path() const { return db_path_; }
  const std::string& app_css_query() const { return app_css_query_; }
  // The Cookie header of a logged-in municipal admin's session.
  const std::string& session_cookie() const { return session_cookie_; }

  ~Fixture() {
    app_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

 private:
  Fixture() {
    spdlog::set_level(spdlog::level::warn);  // the access log is the server's, not measured here
    char tmpl[] = "/tmp/samskab-bench-XXXXXX";
    if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    db_path_ = (dir_ / "bench.db").string();
    samskab::app::Config config;
    config.database_url = "sqlite:" + db_path_;
    {
      auto database = samskab::storage::Database::Open(config.database_url, 1);
      if (!database.ok()) throw std::runtime_error(database.status().log_message());
      auto status = samskab::app::SetUpDemo(**database, clock_, config.site_municipality);
      if (!status.ok()) throw std::runtime_error(status.log_message());
    }
    auto app = samskab::app::App::Create(config, clock_);
    if (!app.ok()) throw std::runtime_error(app.status().log_message());
    app_ = std::move(app).value();
    // The hashed URL of app.css, as the start page links it.
    Response page = Call(*app_, "/");
    const std::string body(page.Body());
    const size_t at = body.find("/static/app/app.css?");
    if (page.status != 200 || at == std::string::npos) throw std::runtime_error("start page does not render");
    const size_t end = body.find('"', at);
    app_css_query_ = body.substr(at + 20, end - at - 20);
    // A logged-in user for the logged-in page: the session lookup and the policy are measured.
    samskab::domain::User user;
    user.email = "bench@example.dk";
    user.display_name = "Bench";
    user.password_hash = "no password: the session is opened directly";
    auto created = app_->accounts().CreateUser(
        samskab::domain::Actor::System("bench", "bench"), user,
        {{samskab::domain::Role::kMunicipalAdmin, kMunicipality, std::nullopt, std::nullopt}});
    if (!created.ok()) throw std::runtime_error(created.status().log_message());
    auto session = app_->authenticator().OpenSession(created->id);
    if (!session.ok()) throw std::runtime_error(session.status().log_message());
    session_cookie_ = session->set_cookie.substr(0, session->set_cookie.find(';'));
  }

 public:
  // One request the way the server makes it: Resolve (language, route), then Dispatch.
  static Response Call(samskab::app::App& app, const std::string& path, const std::string& query = {},
                       const std::string& cookie = {}) {
    Request request;
    if (!cookie.empty()) request.headers.Add("Cookie", cookie);
    request.method = "GET";
    request.path = path;
    request.query = query;
    request.target = query.empty() ? path : path + "?" + query;
    request.request_id = "bench0000000000";
    request.remote_address = "127.0.0.1";
    const auto& dispatcher = app.dispatcher();
    const auto match = dispatcher.Resolve(request);
    return dispatcher.Dispatch(request, match);
  }

 private:
  samskab::SystemClock clock_;
  fs::path dir_;
  std::string db_path_;
  std::string app_css_query_;
  std::string session_cookie_;
  std::unique_ptr<samskab::app::App> app_;
};

void RunDispatch(benchmark::State& state, const std::string& path, const std::string& query, int want,
                 const std::string& cookie = {}) {
  auto& fixture = Fixture::Get();
  size_t bytes = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    Response response = Fixture::Call(fixture.app(), path, query, cookie);
    if (response.status != want) {
      state.SkipWithError(("unexpected status " + std::to_string(response.status)).c_str());
      break;
    }
    bytes = response.Body().size();
    benchmark::DoNotOptimize(response);
  }
  state.counters["body_bytes"] =
      benchmark::Counter(static_cast<double>(bytes), benchmark::Counter::kAvgThreads);
}

// --- Whole requests through the dispatcher -----------------------------------------------------

void BM_StartPage_Dispatch(benchmark::State& state) { RunDispatch(state, "/", "", 200); }
BENCHMARK(BM_StartPage_Dispatch)->ThreadRange(1, 2)->UseRealTime();

// The same page for a logged-in user: the session cookie's signature, the session and role
// lookup, the policy, and the layout's logged-in variant.
void BM_StartPage_Dispatch_LoggedIn(benchmark::State& state) {
  RunDispatch(state, "/", "", 200, Fixture::Get().session_cookie());
}
BENCHMARK(BM_StartPage_Dispatch_LoggedIn)->ThreadRange(1, 2)->UseRealTime();

// The parts of the logged-in overhead: authentication alone (cookie signature + session, user
// and roles from the database), and the session query alone.
void BM_Authenticate_Session(benchmark::State& state) {
  auto& app = Fixture::Get().app();
  Request request;
  request.headers.Add("Cookie", Fixture::Get().session_cookie());
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    auto principal = app.authenticator().Authenticate(request);
    if (!principal.ok() || (*principal)->IsPublic()) {
      state.SkipWithError("not authenticated");
      break;
    }
    benchmark::DoNotOptimize(principal);
  }
}
BENCHMARK(BM_Authenticate_Session);

// One argon2id verification at the production (interactive) limits: what bounds the login rate.
void BM_Argon2id_Verify_Interactive(benchmark::State& state) {
  static const std::string hash =
      *samskab::password::Hash("korrekt hest batteri", samskab::password::Interactive());
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    const bool ok = samskab::password::Verify("korrekt hest batteri", hash);
    if (!ok) {
      state.SkipWithError("verify failed");
      break;
    }
  }
}
BENCHMARK(BM_Argon2id_Verify_Interactive)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_MunicipalityJson_Dispatch(benchmark::State& state) {
  RunDispatch(state, std::string("/api/v1/municipalities/") + kMunicipality, "", 200);
}
BENCHMARK(BM_MunicipalityJson_Dispatch)->ThreadRange(1, 2)->UseRealTime();

void BM_StaticAppCss_Dispatch(benchmark::State& state) {
  RunDispatch(state, "/static/app/app.css", Fixture::Get().app_css_query(), 200);
}
BENCHMARK(BM_StaticAppCss_Dispatch);

// The cheapest route (no database, no template): the fixed cost of the dispatcher itself.
void BM_Healthz_Dispatch(benchmark::State& state) { RunDispatch(state, "/healthz", "", 200); }
BENCHMARK(BM_Healthz_Dispatch);

// --- Routing alone -----------------------------------------------------------------------------

void RunResolve(benchmark::State& state, const std::string& path, bool with_prepare) {
  auto& app = Fixture::Get().app();
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    Request request;
    request.method = "GET";
    request.path = path;
    request.target = path;
    samskab::http::Match match =
        with_prepare ? app.dispatcher().Resolve(request) : app.router().Resolve(request);
    if (!match.route) {
      state.SkipWithError("no route");
      break;
    }
    benchmark::DoNotOptimize(match);
    benchmark::DoNotOptimize(request);
  }
}

void BM_Router_Resolve_Start(benchmark::State& state) { RunResolve(state, "/", false); }
BENCHMARK(BM_Router_Resolve_Start);
void BM_Router_Resolve_Api(benchmark::State& state) {
  RunResolve(state, std::string("/api/v1/municipalities/") + kMunicipality, false);
}
BENCHMARK(BM_Router_Resolve_Api);
void BM_Router_Resolve_Static(benchmark::State& state) { RunResolve(state, "/static/app/app.css", false); }
BENCHMARK(BM_Router_Resolve_Static);
// Dispatcher::Resolve = language negotiation + the router.
void BM_Dispatcher_Resolve_Start(benchmark::State& state) { RunResolve(state, "/", true); }
BENCHMARK(BM_Dispatcher_Resolve_Start);

// --- Storage: our layer vs raw SQLite ----------------------------------------------------------

void BM_MunicipalityStore_Get(benchmark::State& state) {
  auto& store = Fixture::Get().app().municipalities();
  const std::string code = kMunicipality;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    auto municipality = store.Get(code);
    if (!municipality.ok()) {
      state.SkipWithError(municipality.status().log_message().c_str());
      break;
    }
    benchmark::DoNotOptimize(municipality);
  }
}
BENCHMARK(BM_MunicipalityStore_Get);

// The anchor: one connection, one prepared statement, bind/step/reset, and the row copied into
// the same domain::Municipality our layer returns (so both produce the same value).
void BM_RawSqlite_MunicipalitySelect(benchmark::State& state) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(Fixture::Get().db_path().c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    state.SkipWithError("sqlite3_open_v2 failed");
    sqlite3_close_v2(db);
    return;
  }
  sqlite3_stmt* stmt = nullptr;
  const char* sql =
      "SELECT code, official_code, country, name, region_code, region_name, active, revision, updated_at "
      "FROM municipalities WHERE code = ?";
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
    state.SkipWithError(sqlite3_errmsg(db));
    sqlite3_close_v2(db);
    return;
  }
  auto text = [stmt](int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt, column))) : std::string();
  };
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    sqlite3_bind_text(stmt, 1, kMunicipality, 4, SQLITE_STATIC);
    if (sqlite3_step(stmt) != SQLITE_ROW) {
      state.SkipWithError("no row");
      break;
    }
    samskab::domain::Municipality m{text(0),
                                    text(1),
                                    text(2),
                                    text(3),
                                    text(4),
                                    text(5),
                                    sqlite3_column_int64(stmt, 6) != 0,
                                    sqlite3_column_int64(stmt, 7),
                                    text(8)};
    benchmark::DoNotOptimize(m);
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
  sqlite3_close_v2(db);
}
BENCHMARK(BM_RawSqlite_MunicipalitySelect);

}  // namespace
