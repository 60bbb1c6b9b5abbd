// The whole application over real HTTP on loopback: pages, API, errors, limits, bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "api/openapi.h"
#include "support/test_support.h"

namespace samskab {
namespace {

using testing::Get;
using testing::HttpResult;
using testing::RawExchange;
using testing::Send;
using testing::TestServer;

domain::Actor TestActor() { return domain::Actor::System("test", "test"); }

class HttpServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer([](app::Config& config) {
      config.server_header_limit_bytes = 4096;
      config.server_body_limit_bytes = 64 * 1024;
      config.server_request_timeout_ms = 400;
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static uint16_t port() { return server_->port(); }
  static int64_t CountInquiries() {
    auto rows = server_->app().inquiries().ListForMunicipality("0190", 1000);
    return rows.ok() ? static_cast<int64_t>(rows->size()) : -1;
  }
  static TestServer* server_;
};
TestServer* HttpServerTest::server_ = nullptr;

// --- pages ---------------------------------------------------------------------------------

TEST_F(HttpServerTest, StartPageIsDanishByDefaultWithTheMunicipalityAndSecurityHeaders) {
  const HttpResult r = Get(port(), "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<html lang=\"da\">"), std::string::npos);
  EXPECT_NE(r.body.find("Samskabelse i Furesø"), std::string::npos);
  EXPECT_NE(r.body.find("/static/dkfds/css/dkfds.min.css?v="), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_NE(r.header("content-security-policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(r.header("content-security-policy").find("unsafe-inline"), std::string::npos);
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_FALSE(r.header("x-request-id").empty());
  EXPECT_EQ(r.body.find("<script>"), std::string::npos) << "no inline scripts";
}

TEST_F(HttpServerTest, LanguageFollowsCookieThenAcceptLanguage) {
  EXPECT_NE(Get(port(), "/", {{"Accept-Language", "en-GB,en;q=0.8"}}).body.find("Co-creation in Furesø"),
            std::string::npos);
  EXPECT_NE(
      Get(port(), "/", {{"Cookie", "lang=nb"}, {"Accept-Language", "en"}}).body.find("Samskaping i Furesø"),
      std::string::npos);
}

TEST_F(HttpServerTest, LanguageSwitchSetsTheCookieAndRedirectsOnlyToLocalPaths) {
  const HttpResult r = Get(port(), "/language?set=en&return=%2Fcontact");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/contact");
  EXPECT_NE(r.header("set-cookie").find("lang=en"), std::string::npos);
  for (const char* evil :
       {"https%3A%2F%2Fevil.example", "%2F%2Fevil.example", "%2F%5Cevil.example", "javascript:x"}) {
    EXPECT_EQ(Get(port(), std::string("/language?set=da&return=") + evil).header("location"), "/") << evil;
  }
  const HttpResult bad = Get(port(), "/language?set=xx", {{"Accept-Language", "en"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("That language does not exist"), std::string::npos);
  EXPECT_TRUE(bad.header("set-cookie").empty());
}

TEST_F(HttpServerTest, UnknownPageIsAnHtmlPageInTheUsersLanguage) {
  const HttpResult da = Get(port(), "/findes-ikke");
  EXPECT_EQ(da.status, 404);
  EXPECT_NE(da.body.find("Siden findes ikke"), std::string::npos);
  EXPECT_NE(da.body.find(da.header("x-request-id")), std::string::npos) << "the page shows the request id";
  const HttpResult en = Get(port(), "/missing", {{"Accept-Language", "en"}});
  EXPECT_NE(en.body.find("Page not found"), std::string::npos);
}

TEST_F(HttpServerTest, WrongMethodIs405WithAllow) {
  const HttpResult r = Send(port(), "DELETE", "/contact", "");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, HEAD, POST");
  const HttpResult unknown = Send(port(), "BREW", "/", "");
  EXPECT_EQ(unknown.status, 405);
  EXPECT_EQ(unknown.header("allow"), "GET, HEAD");
}

TEST_F(HttpServerTest, HeadHasTheHeadersOfGetButNoBody) {
  const HttpResult get = Get(port(), "/api/v1/municipalities/0190");
  const HttpResult head = Send(port(), "HEAD", "/api/v1/municipalities/0190", "");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
  EXPECT_TRUE(head.body.empty());
}

// --- contact form: CSRF, validation, escaping, nothing stored on failure ---------------------

struct FormSession {
  std::string cookie;  // "samskab_csrf=…"
  std::string token;
};

FormSession OpenForm(uint16_t port) {
  const HttpResult page = Get(port, "/contact");
  FormSession session;
  const std::string set_cookie = page.header("set-cookie");
  session.cookie = set_cookie.substr(0, set_cookie.find(';'));
  std::smatch match;
  std::regex token_re("name=\"csrf_token\" value=\"([0-9a-f]{64})\"");
  if (std::regex_search(page.body, match, token_re)) session.token = match[1];
  return session;
}

HttpResult PostForm(uint16_t port, const std::string& body, const std::string& cookie,
                    const std::string& lang = "da") {
  return Send(port, "POST", "/contact", body,
              {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie + "; lang=" + lang}});
}

TEST_F(HttpServerTest, ContactFormWithoutCsrfTokenIs403AndStoresNothing) {
  const auto before = CountInquiries();
  const FormSession session = OpenForm(port());
  ASSERT_EQ(session.token.size(), 64u);
  const std::string fields = "name=Anne&email=anne%40example.dk&topic=help&message=Hej";
  EXPECT_EQ(PostForm(port(), fields, session.cookie).status, 403);
  EXPECT_EQ(PostForm(port(), fields + "&csrf_token=" + std::string(64, 'a'), session.cookie).status, 403);
  EXPECT_EQ(PostForm(port(), fields + "&csrf_token=" + session.token, "samskab_csrf=" + std::string(64, 'b'))
                .status,
            403);
  const HttpResult no_cookie = Send(port(), "POST", "/contact", fields + "&csrf_token=" + session.token,
                                    {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(no_cookie.status, 403);
  EXPECT_NE(no_cookie.body.find("Formularen er udløbet"), std::string::npos);
  EXPECT_EQ(no_cookie.body.find("href=\"#csrf_token\""), std::string::npos)
      << "a form problem is no field link";
  EXPECT_EQ(CountInquiries(), before);
}

TEST_F(HttpServerTest, ContactFormValidationErrorsAreShownTheDkfdsWayAndNothingIsStored) {
  const auto before = CountInquiries();
  const FormSession session = OpenForm(port());
  const HttpResult r = PostForm(
      port(), "csrf_token=" + session.token + "&name=&email=nope&topic=help&message=Hej", session.cookie);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Der er problemer med formularen"), std::string::npos);
  EXPECT_NE(r.body.find("form-group form-error"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#email\""), std::string::npos);
  EXPECT_NE(r.body.find("Din e-mailadresse: Skriv en gyldig e-mailadresse"), std::string::npos)
      << "each summary link names its field";
  EXPECT_NE(r.body.find("Skriv en gyldig e-mailadresse"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"nope\""), std::string::npos) << "the user's input is kept";
  EXPECT_EQ(CountInquiries(), before);
  const HttpResult english = PostForm(
      port(), "csrf_token=" + session.token + "&name=&email=x&topic=help&message=", session.cookie, "en");
  EXPECT_NE(english.body.find("This field is required."), std::string::npos);
}

TEST_F(HttpServerTest, HtmlInEveryFieldComesBackEscaped) {
  const FormSession session = OpenForm(port());
  const std::string evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg+src%3Dx%3E";
  const HttpResult r = PostForm(
      port(),
      "csrf_token=" + session.token + "&name=" + evil + "&email=" + evil + "&topic=help&message=" + evil,
      session.cookie);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(r.body.find("<img src=x>"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST_F(HttpServerTest, AValidMessageIsStoredOnceAndRedirectsToTheReceipt) {
  const auto before = CountInquiries();
  const FormSession session = OpenForm(port());
  const HttpResult r =
      PostForm(port(),
               "csrf_token=" + session.token +
                   "&name=Anne+Hansen&email=anne%40example.dk&topic=idea&message=Vi+har+en+id%C3%A9",
               session.cookie);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/contact/sent");
  EXPECT_EQ(CountInquiries(), before + 1);
  auto stored = server_->app().inquiries().ListForMunicipality("0190", 1);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->front().message, "Vi har en idé");
  EXPECT_EQ(stored->front().request_id, r.header("x-request-id"));
  EXPECT_EQ(Get(port(), "/contact/sent").status, 200);
}

TEST_F(HttpServerTest, ContactFormRefusesOtherContentTypesAndBrokenEncoding) {
  const auto before = CountInquiries();
  const FormSession session = OpenForm(port());
  const HttpResult json = Send(port(), "POST", "/contact", "{}",
                               {{"Content-Type", "application/json"}, {"Cookie", session.cookie}});
  EXPECT_EQ(json.status, 415);
  const HttpResult broken = PostForm(port(), "csrf_token=" + session.token + "&name=%FF%FE", session.cookie);
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(CountInquiries(), before);
}

// --- API -----------------------------------------------------------------------------------

TEST_F(HttpServerTest, ApiReadHasEtagAndAnswers304) {
  const HttpResult r = Get(port(), "/api/v1/municipalities/0190");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json");
  const auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["name"], "Furesø");
  EXPECT_EQ(body["region_name"], "Region Hovedstaden");
  ASSERT_FALSE(r.header("etag").empty());
  const HttpResult again = Get(port(), "/api/v1/municipalities/0190", {{"If-None-Match", r.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(HttpServerTest, ApiShowsTheOfficialCodeOfDanishAndNorwegianMunicipalities) {
  const auto furesoe = nlohmann::json::parse(Get(port(), "/api/v1/municipalities/0190").body);
  EXPECT_EQ(furesoe["code"], "0190");
  EXPECT_EQ(furesoe["official_code"], "0190");
  EXPECT_EQ(furesoe["country"], "dk");

  EXPECT_EQ(Get(port(), "/api/v1/municipalities/no-0301").status, 404) << "loaded, but not active";
  auto& store = server_->app().municipalities();
  ASSERT_TRUE(store.SetActive(TestActor(), "no-0301", true, std::nullopt).ok());
  const HttpResult r = Get(port(), "/api/v1/municipalities/no-0301");
  const HttpResult list = Get(port(), "/api/v1/municipalities?limit=100");
  ASSERT_TRUE(store.SetActive(TestActor(), "no-0301", false, std::nullopt).ok());
  ASSERT_EQ(r.status, 200);
  const auto oslo = nlohmann::json::parse(r.body);
  EXPECT_EQ(oslo["code"], "no-0301");
  EXPECT_EQ(oslo["official_code"], "0301");
  EXPECT_EQ(oslo["country"], "no");
  EXPECT_EQ(oslo["name"], "Oslo");
  EXPECT_EQ(oslo["region_code"], "03");
  EXPECT_EQ(oslo["region_name"], "Oslo");
  const auto page = nlohmann::json::parse(list.body);
  std::vector<std::string> listed;
  for (const auto& item : page["items"]) listed.push_back(item["code"]);
  EXPECT_EQ(listed, (std::vector<std::string>{"0190", "no-0301"})) << list.body;
}

TEST_F(HttpServerTest, ApiErrorsAreProblemJsonInTheCallersLanguage) {
  const HttpResult missing = Get(port(), "/api/v1/municipalities/0101", {{"Accept-Language", "en"}});
  EXPECT_EQ(missing.status, 404) << "inactive looks like missing";
  EXPECT_EQ(missing.header("content-type"), "application/problem+json");
  const auto problem = nlohmann::json::parse(missing.body);
  EXPECT_EQ(problem["status"], 404);
  EXPECT_EQ(problem["type"], "urn:samskab:problem:not_found");
  EXPECT_EQ(problem["title"], "Page not found");
  EXPECT_EQ(problem["request_id"], missing.header("x-request-id"));
  const HttpResult bad_limit = Get(port(), "/api/v1/municipalities?limit=1000");
  EXPECT_EQ(bad_limit.status, 422);
  EXPECT_EQ(nlohmann::json::parse(bad_limit.body)["detail"], "limit skal være et helt tal fra 1 til 100.");
  const HttpResult unknown = Get(port(), "/api/v1/nothing");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
}

TEST_F(HttpServerTest, ApiListPagesWithCursors) {
  auto& store = server_->app().municipalities();
  for (const char* code : {"0101", "0147", "0151"})
    ASSERT_TRUE(store.SetActive(TestActor(), code, true, std::nullopt).ok());
  std::vector<std::string> codes;
  std::string target = "/api/v1/municipalities?limit=2";
  for (int i = 0; i < 10; ++i) {
    const auto body = nlohmann::json::parse(Get(port(), target).body);
    for (const auto& item : body["items"]) codes.push_back(item["code"]);
    if (body["next_cursor"].is_null()) break;
    target = "/api/v1/municipalities?limit=2&cursor=" + body["next_cursor"].get<std::string>();
  }
  for (const char* code : {"0101", "0147", "0151"})
    ASSERT_TRUE(store.SetActive(TestActor(), code, false, std::nullopt).ok());
  EXPECT_EQ(codes, (std::vector<std::string>{"0101", "0147", "0151", "0190"}));
}

TEST_F(HttpServerTest, OpenApiDocumentsExactlyTheApiRoutes) {
  const auto document = nlohmann::json::parse(Get(port(), "/api/v1/openapi.json").body);
  EXPECT_EQ(document["openapi"], "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;  // shared by the path's operations, not one
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(c));
      upper.append(" ").append(path);
      documented.insert(upper);
    }
  }
  std::set<std::string> routed;
  for (const auto& route : server_->app().router().routes()) {
    if (route.pattern.rfind("/api/v1/", 0) == 0) routed.insert(route.method + " " + route.pattern);
  }
  EXPECT_EQ(documented, routed);
}

// --- operations ----------------------------------------------------------------------------

TEST_F(HttpServerTest, HealthReadinessAndMetrics) {
  EXPECT_EQ(Get(port(), "/healthz").status, 200);
  const HttpResult ready = Get(port(), "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(nlohmann::json::parse(ready.body)["status"], "ready");
  Get(port(), "/");
  // Metrics are the operator's: anonymous callers are sent to log in, others need platform_admin.
  EXPECT_EQ(Get(port(), "/metrics").status, 303);
  const std::string municipal = server_->AddToken(domain::Role::kMunicipalAdmin, "0190");
  EXPECT_EQ(Get(port(), "/metrics", {{"Authorization", "Bearer " + municipal}}).status, 403);
  const std::string operator_token = server_->AddToken(domain::Role::kPlatformAdmin, "");
  const HttpResult metrics = Get(port(), "/metrics", {{"Authorization", "Bearer " + operator_token}});
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("samskab_http_requests_total{method=\"GET\",route=\"/\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("samskab_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(metrics.body.find("samskab_db_pool_connections_open"), std::string::npos);
}

TEST_F(HttpServerTest, ARequestIdFromAProxyIsKeptAndAHostileOneReplaced) {
  EXPECT_EQ(Get(port(), "/healthz", {{"X-Request-Id", "nginx-abc123"}}).header("x-request-id"),
            "nginx-abc123");
  const std::string replaced =
      Get(port(), "/healthz", {{"X-Request-Id", "a b<script>"}}).header("x-request-id");
  EXPECT_NE(replaced, "a b<script>");
  EXPECT_EQ(replaced.size(), 16u);
}

// --- static files ----------------------------------------------------------------------------

TEST_F(HttpServerTest, StaticAssetsAreServedWithLongCacheWhenHashed) {
  const HttpResult page = Get(port(), "/");
  std::smatch match;
  ASSERT_TRUE(
      std::regex_search(page.body, match, std::regex("/static/dkfds/css/dkfds\\.min\\.css\\?v=[0-9a-f]+")));
  const HttpResult css = Get(port(), match[0], {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(css.header("content-encoding"), "gzip");
  EXPECT_EQ(Get(port(), "/static/dkfds/fonts/IBMPlexSans/woff2/IBMPlexSans-Regular.woff2").status == 200 ||
                Get(port(), "/static/dkfds/img/all-svg-icons.svg").status == 200,
            true);
}

TEST_F(HttpServerTest, PathTraversalNeverLeavesTheAssetTree) {
  const char* attempts[] = {
      "/static/../../../../etc/passwd",
      "/static/dkfds/../../package.json",
      "/static/dkfds/%2e%2e/%2e%2e/package.json",
      "/static/dkfds/%2E%2E%2F%2E%2E%2Fpackage.json",
      "/static/dkfds/..%2f..%2fpackage.json",
      "/static/app/%2e%2e%5c%2e%2e%5cpackage.json",
      "/static/dkfds/css/%00.css",
      "/static/app/.hidden",
      "/static//etc/passwd",
      "/static/app/../../CMakeLists.txt",
  };
  for (const char* target : attempts) {
    const HttpResult r = RawExchange(port(), std::string("GET ") + target + " HTTP/1.1\r\nHost: a\r\n\r\n");
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " -> " << r.status;
    EXPECT_EQ(r.body.find("root:x:0"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("\"devDependencies\""), std::string::npos) << target;
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << target;
  }
}

// --- the wire: malformed requests, limits, timeouts ------------------------------------------

TEST_F(HttpServerTest, MalformedRequestsGet400AndTheServerLivesOn) {
  const char* garbage[] = {
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 tls hello\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "GET /\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n",
      "GET http://other.example/ HTTP/1.1\r\nHost: a\r\n\r\n",
      "POST /contact HTTP/1.1\r\nHost: a\r\nContent-Length: -5\r\n\r\n",
      "POST /contact HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n",
      "GET /%ff%fe HTTP/1.1\r\nHost: a\r\n\r\n",
      "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n",
  };
  for (const char* bytes : garbage) {
    const HttpResult r = RawExchange(port(), bytes);
    EXPECT_EQ(r.status, 400) << ::testing::PrintToString(std::string(bytes));
  }
  EXPECT_EQ(Get(port(), "/healthz").status, 200);
}

TEST_F(HttpServerTest, OversizedHeadersGet431AndOversizedBodies413) {
  const HttpResult big_header =
      RawExchange(port(), "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + std::string(8000, 'x') + "\r\n\r\n");
  EXPECT_EQ(big_header.status, 431);
  const HttpResult big_body = RawExchange(port(),
                                          "POST /contact HTTP/1.1\r\nHost: a\r\nContent-Length: 70000\r\n"
                                          "Content-Type: application/x-www-form-urlencoded\r\n\r\n" +
                                              std::string(70000, 'a'));
  EXPECT_EQ(big_body.status, 413);
  const HttpResult api_body = RawExchange(port(),
                                          "POST /api/v1/municipalities HTTP/1.1\r\nHost: a\r\n"
                                          "Content-Length: 70000\r\n\r\n" +
                                              std::string(70000, 'a'));
  EXPECT_EQ(api_body.status, 413);
  EXPECT_EQ(api_body.header("content-type"), "application/problem+json");
  EXPECT_EQ(Get(port(), "/healthz").status, 200);
}

TEST_F(HttpServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  const std::string two = "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\nGET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";
  // The helper reads one response; the server must answer the first without closing.
  const HttpResult first = RawExchange(port(), two);
  EXPECT_EQ(first.status, 200);
  EXPECT_NE(first.header("connection"), "close");
}

TEST_F(HttpServerTest, ASlowClientIsCutOffAfterTheRequestTimeout) {
  // Only half a request, then silence: the server closes the connection (request_timeout 400 ms).
  const auto started = std::chrono::steady_clock::now();
  const HttpResult r = RawExchange(port(), "GET / HTTP/1.1\r\nHost: a\r\nX-Slow:", std::chrono::seconds(5));
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_TRUE(r.closed_without_response || r.status == 408);
  EXPECT_LT(waited, std::chrono::seconds(3));
  EXPECT_EQ(Get(port(), "/healthz").status, 200);
}

}  // namespace
}  // namespace samskab
