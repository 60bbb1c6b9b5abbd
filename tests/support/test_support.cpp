#include "support/test_support.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>

#include <fmt/format.h>

#include "core/logging.h"
#include "core/random.h"
#include "core/text.h"
#include "storage/postgres/postgres_connection.h"

namespace samskab::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

std::filesystem::path SourceRoot() { return std::filesystem::path(SAMSKAB_SOURCE_DIR); }

std::string BackendName(const ::testing::TestParamInfo<storage::Backend>& info) {
  return info.param == storage::Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

bool PostgresAvailable(storage::Backend backend) {
  if (backend != storage::Backend::kPostgres) return true;
  const char* url = std::getenv("SAMSKAB_TEST_PG_URL");
  if (url && *url) return true;
  const char* skip = std::getenv("SAMSKAB_TEST_PG");
  if (skip && std::string(skip) == "skip") return false;
  ADD_FAILURE() << "SAMSKAB_TEST_PG_URL is not set: run the tests with `make test` (it starts PostgreSQL), "
                   "or set SAMSKAB_TEST_PG=skip to skip PostgreSQL on purpose";
  return false;
}

std::unique_ptr<TestDatabase> TestDatabase::Create(storage::Backend backend) {
  auto test_db = std::unique_ptr<TestDatabase>(new TestDatabase());
  test_db->backend_ = backend;
  if (backend == storage::Backend::kSqlite) {
    test_db->dir_ = std::filesystem::temp_directory_path() / ("samskab-test-" + RandomHex(8));
    std::filesystem::create_directories(test_db->dir_);
    test_db->url_ = "sqlite:" + (test_db->dir_ / "test.db").string();
  } else {
    const char* configured = std::getenv("SAMSKAB_TEST_PG_URL");
    const std::string base = configured ? configured : "";
    test_db->schema_ = "t_" + RandomHex(8);
    auto admin = storage::OpenPostgres(base);
    if (!admin.ok()) {
      ADD_FAILURE() << admin.status().log_message();
      return nullptr;
    }
    auto created = (*admin)->ExecuteScript("CREATE SCHEMA " + test_db->schema_);
    if (!created.ok()) {
      ADD_FAILURE() << created.log_message();
      return nullptr;
    }
    test_db->url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
                    test_db->schema_;
  }
  auto db = storage::Database::Open(test_db->url_, 4);
  if (!db.ok()) {
    ADD_FAILURE() << db.status().log_message();
    return nullptr;
  }
  test_db->db_ = std::move(db).value();
  return test_db;
}

std::unique_ptr<storage::Database> TestDatabase::OpenAgain(int pool_size) const {
  auto db = storage::Database::Open(url_, pool_size);
  EXPECT_TRUE(db.ok()) << db.status().log_message();
  return db.ok() ? std::move(db).value() : nullptr;
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!schema_.empty()) {
    const char* url = std::getenv("SAMSKAB_TEST_PG_URL");
    auto admin = storage::OpenPostgres(url ? url : "");
    if (admin.ok()) (void)(*admin)->ExecuteScript("DROP SCHEMA " + schema_ + " CASCADE");
  }
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

namespace {

HttpResult ReadResponse(tcp::socket& socket, std::chrono::milliseconds timeout, bool head) {
  HttpResult result;
  beast::flat_buffer buffer;
  beast::http::response_parser<beast::http::string_body> parser;
  parser.skip(head);  // a response to HEAD has Content-Length but no body
  parser.body_limit(std::uint64_t{64} * 1024 * 1024);
  // A blocking read with SO_RCVTIMEO keeps the helper simple.
  struct timeval tv {};
  tv.tv_sec = static_cast<long>(timeout.count() / 1000);
  tv.tv_usec = static_cast<long>(timeout.count() % 1000) * 1000;
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  boost::system::error_code ec;
  beast::http::read(socket, buffer, parser, ec);
  if (ec) {
    result.closed_without_response = true;
    return result;
  }
  const auto& message = parser.get();
  result.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(c));
    result.headers[name] = std::string(field.value());
  }
  result.body = message.body();
  return result;
}

}  // namespace

HttpResult RawExchange(uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout) {
  asio::io_context io;
  tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
  if (ec) {
    HttpResult refused;
    refused.closed_without_response = true;
    return refused;
  }
  asio::write(socket, asio::buffer(bytes), ec);
  return ReadResponse(socket, timeout, bytes.rfind("HEAD ", 0) == 0);
}

HttpResult Send(uint16_t port, const std::string& method, const std::string& target, const std::string& body,
                const std::map<std::string, std::string>& headers) {
  std::string request =
      fmt::format("{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n", method, target);
  for (const auto& [name, value] : headers) request += fmt::format("{}: {}\r\n", name, value);
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
    request += fmt::format("Content-Length: {}\r\n", body.size());
  }
  request += "\r\n" + body;
  return RawExchange(port, request);
}

HttpResult Get(uint16_t port, const std::string& target, const std::map<std::string, std::string>& headers) {
  return Send(port, "GET", target, "", headers);
}

TestServer::TestServer(const std::function<void(app::Config&)>& tweak, storage::Backend backend)
    : clock_(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000))) {
  (void)logging::Init("warn", "-");
  database_ = TestDatabase::Create(backend);
  if (!database_) throw std::runtime_error("no test database");
  app::Config config;
  config.database_url = database_->url();
  config.server_listen = "127.0.0.1:0";
  config.server_worker_threads = 2;
  config.site_assets_dir = SourceRoot().string();
  config.auth_password_cost = "minimal";
  if (tweak) tweak(config);
  Status demo = app::SetUpDemo(database_->db(), clock_, config.site_municipality);
  if (!demo.ok()) throw std::runtime_error(demo.log_message());
  auto app = app::App::Create(config, clock_);
  if (!app.ok()) throw std::runtime_error(app.status().log_message());
  app_ = std::move(app).value();
  server_ =
      std::make_unique<http::Server>(app_->ServerOptionsFromConfig(), app_->dispatcher(), app_->metrics());
  port_ = server_->Bind();
  std::promise<void> ready;
  auto started = ready.get_future();
  thread_ = std::thread([this, &ready] { server_->Run(false, [&ready] { ready.set_value(); }); });
  started.wait();
}

void TestServer::Stop() {
  if (!thread_.joinable()) return;
  server_->Stop();
  thread_.join();
}

std::string CsrfFromPage(const std::string& html) {
  constexpr std::string_view kNeedle = "name=\"csrf_token\" value=\"";
  const size_t at = html.find(kNeedle);
  return at == std::string::npos ? "" : html.substr(at + kNeedle.size(), 64);
}

int64_t TestServer::AddUser(const std::string& email, const std::string& password,
                            std::optional<domain::Grant> grant) {
  auto hash = app_->authenticator().HashPassword(password);
  if (!hash.ok()) throw std::runtime_error(hash.status().log_message());
  domain::User user;
  user.email = email;
  user.display_name = email.substr(0, email.find('@'));
  user.password_hash = *hash;
  user.email_verified_at = "2026-11-01T00:00:00Z";
  std::vector<domain::Grant> grants;
  if (grant) grants.push_back(*grant);
  auto created = app_->accounts().CreateUser(domain::Actor::System("test", "test"), user, grants);
  if (!created.ok()) throw std::runtime_error(created.status().log_message());
  return created->id;
}

std::string TestServer::Login(const std::string& email, const std::string& password) {
  const HttpResult form = Get(port_, "/login");
  const std::string csrf_cookie = form.header("set-cookie").substr(0, form.header("set-cookie").find(';'));
  const std::string token = CsrfFromPage(form.body);
  if (token.empty()) return "";
  const HttpResult result =
      Send(port_, "POST", "/login",
           "csrf_token=" + token + "&email=" + text::PercentEncode(email) +
               "&password=" + text::PercentEncode(password),
           {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", csrf_cookie}});
  if (result.status != 303) return "";
  const std::string set_cookie = result.header("set-cookie");
  return set_cookie.substr(0, set_cookie.find(';'));
}

std::string TestServer::AddToken(domain::Role role, const std::string& municipality_code) {
  domain::ApiToken token;
  token.name = "test token";
  token.role = role;
  token.municipality_code = municipality_code;
  auto created = app_->account_service().CreateApiToken(domain::Actor::System("test", "test"), token);
  if (!created.ok()) throw std::runtime_error(created.status().log_message());
  return created->secret;
}

std::string TestServer::CsrfFor(const std::string& session_cookie) {
  const HttpResult page = Get(port_, "/account", {{"Cookie", session_cookie}});
  return CsrfFromPage(page.body);
}

TestServer::~TestServer() {
  Stop();
  server_.reset();
  app_.reset();
}

HttpResult GetPage(uint16_t port, const PageSession& session, const std::string& target) {
  return Get(port, target, {{"Cookie", session.cookie}});
}

HttpResult PostPage(uint16_t port, const PageSession& session, const std::string& target,
                    const FormFields& fields, bool with_csrf) {
  std::string body = with_csrf ? "csrf_token=" + session.csrf : "";
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += "&";
    body += name + "=" + text::PercentEncode(value);
  }
  return Send(port, "POST", target, body,
              {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", session.cookie}});
}

PageSession TestServer::LogInNew(const std::string& name, std::optional<domain::Grant> grant) {
  static std::atomic<int> counter{0};
  const std::string email = fmt::format("{}-{}@pages.example", name, ++counter);
  constexpr char kPassword[] = "korrekt-hest-batteri";
  PageSession session;
  session.user_id = AddUser(email, kPassword, std::move(grant));
  session.cookie = Login(email, kPassword);
  EXPECT_FALSE(session.cookie.empty()) << "login of " << email;
  session.csrf = CsrfFor(session.cookie);
  EXPECT_EQ(session.csrf.size(), 64U);
  return session;
}

domain::Unit TestServer::AddUnit(const std::string& code, domain::UnitKind kind, const std::string& name,
                                 std::optional<int64_t> parent) {
  domain::Unit unit;
  unit.kind = kind;
  unit.name = name;
  unit.parent_id = parent;
  auto created =
      app_->units().Create(domain::MunicipalityScope(code), domain::Actor::System("test", "test"), unit);
  EXPECT_TRUE(created.ok()) << created.status().log_message();
  return created.ok() ? *created : domain::Unit{};
}

}  // namespace samskab::testing
