// /api/v1/units end to end, on SQLite and PostgreSQL: the hierarchy's CRUD with ETag/If-Match,
// roles (staff read, admins write), tenants (another municipality's ids are "not found", in the
// URL and in the JSON body), bad input, and the audit log.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace samskab {
namespace {

using domain::Role;
using nlohmann::json;
using testing::Get;
using testing::HttpResult;
using testing::Send;
using testing::TestServer;

class UnitsApi : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    admin_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalAdmin, "0190")},
              {"Content-Type", "application/json"}};
    employee_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalEmployee, "0190")},
                 {"Content-Type", "application/json"}};
    aalborg_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalAdmin, "0851")},
                {"Content-Type", "application/json"}};
  }
  HttpResult Post(const json& body, const std::map<std::string, std::string>& headers) {
    return Send(server_->port(), "POST", "/api/v1/units", body.dump(), headers);
  }
  json Create(const std::string& kind, const std::string& name,
              std::optional<int64_t> parent = std::nullopt) {
    json body = {{"kind", kind}, {"name", name}};
    if (parent) body["parent_id"] = *parent;
    const HttpResult result = Post(body, admin_);
    EXPECT_EQ(result.status, 201) << result.body;
    return json::parse(result.body, nullptr, false);
  }
  static std::map<std::string, std::string> With(std::map<std::string, std::string> headers,
                                                 const std::string& name, const std::string& value) {
    headers[name] = value;
    return headers;
  }
  int64_t AuditCount() {
    auto entries = server_->app().audit().List(domain::MunicipalityScope("0190"), 1000, 0);
    if (!entries.ok()) return -1;
    return std::count_if(entries->begin(), entries->end(), [](const auto& e) { return e.entity == "unit"; });
  }
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::string> admin_, employee_, aalborg_;
};

TEST_P(UnitsApi, AnAdminBuildsTheHierarchyAndStaffReadIt) {
  const json administration = Create("administration", "Social- og Sundhedsforvaltningen");
  const json center = Create("center", "Center for Sundhed og Omsorg", administration["id"].get<int64_t>());
  Create("department", "Plejecenter Lillevang", center["id"].get<int64_t>());
  const HttpResult list = Get(server_->port(), "/api/v1/units", employee_);
  ASSERT_EQ(list.status, 200) << list.body;
  const json items = json::parse(list.body)["items"];
  ASSERT_EQ(items.size(), 3U);
  EXPECT_EQ(items[0]["kind"], "administration");
  EXPECT_EQ(items[1]["parent_id"], administration["id"]);
  EXPECT_EQ(items[2]["name"], "Plejecenter Lillevang");
  EXPECT_EQ(items[2]["municipality_code"], "0190");
  // Staff may read but not write.
  EXPECT_EQ(Post({{"kind", "administration"}, {"name", "X"}}, employee_).status, 403);
  // Each write is in the municipality's audit log.
  EXPECT_EQ(AuditCount(), 3);
}

TEST_P(UnitsApi, UpdatesAndDeletesNeedTheCurrentEtag) {
  const json unit = Create("administration", "Forvaltningen");
  const std::string path = "/api/v1/units/" + std::to_string(unit["id"].get<int64_t>());
  const HttpResult read = Get(server_->port(), path, employee_);
  ASSERT_EQ(read.status, 200);
  const std::string etag = read.header("etag");
  EXPECT_EQ(Get(server_->port(), path, With(employee_, "If-None-Match", etag)).status, 304);
  const std::string rename = json{{"name", "Borgerforvaltningen"}}.dump();
  EXPECT_EQ(Send(server_->port(), "PATCH", path, rename, admin_).status, 428);
  const HttpResult renamed = Send(server_->port(), "PATCH", path, rename, With(admin_, "If-Match", etag));
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(json::parse(renamed.body)["name"], "Borgerforvaltningen");
  EXPECT_NE(renamed.header("etag"), etag);
  // The old ETag is stale now: someone changed it first.
  EXPECT_EQ(Send(server_->port(), "PATCH", path, rename, With(admin_, "If-Match", etag)).status, 412);
  EXPECT_EQ(Send(server_->port(), "DELETE", path, "", With(admin_, "If-Match", etag)).status, 412);
  EXPECT_EQ(
      Send(server_->port(), "DELETE", path, "", With(admin_, "If-Match", renamed.header("etag"))).status,
      204);
  EXPECT_EQ(Get(server_->port(), path, employee_).status, 404);
}

TEST_P(UnitsApi, AnotherMunicipalitysUnitLooksExactlyLikeOneThatDoesNotExist) {
  const json furesoe = Create("administration", "Furesøs forvaltning");
  const std::string path = "/api/v1/units/" + std::to_string(furesoe["id"].get<int64_t>());
  const HttpResult foreign = Get(server_->port(), path, aalborg_);
  const HttpResult missing = Get(server_->port(), "/api/v1/units/999999", aalborg_);
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(missing.status, 404);
  // Same body apart from the request id and the path.
  auto strip = [](const std::string& body) {
    json problem = json::parse(body);
    problem.erase("request_id");
    problem.erase("instance");
    return problem;
  };
  EXPECT_EQ(strip(foreign.body), strip(missing.body));
  const std::string etag = "\"unit-" + std::to_string(furesoe["id"].get<int64_t>()) + "-1\"";
  EXPECT_EQ(
      Send(server_->port(), "PATCH", path, R"({"name":"Stjålet"})", With(aalborg_, "If-Match", etag)).status,
      404);
  EXPECT_EQ(Send(server_->port(), "DELETE", path, "", With(aalborg_, "If-Match", etag)).status, 404);
  // A parent id from another municipality in the body is "not found" too, and nothing is created.
  const HttpResult child =
      Post({{"kind", "center"}, {"name", "Snyltecenter"}, {"parent_id", furesoe["id"]}}, aalborg_);
  EXPECT_EQ(child.status, 422);
  EXPECT_NE(json::parse(child.body)["detail"].get<std::string>().find("findes ikke"), std::string::npos);
  EXPECT_EQ(json::parse(Get(server_->port(), "/api/v1/units", aalborg_).body)["items"].size(), 0U);
  EXPECT_EQ(Get(server_->port(), path, employee_).status, 200);
  EXPECT_EQ(json::parse(Get(server_->port(), path, employee_).body)["name"], "Furesøs forvaltning");
  // A token cannot pick another municipality with ?municipality=.
  EXPECT_EQ(Get(server_->port(), "/api/v1/units?municipality=0190", aalborg_).status, 404);
}

TEST_P(UnitsApi, BadInputGetsAClearMessageAndChangesNothing) {
  const int64_t before = AuditCount();
  struct Case {
    std::string body;
    std::string content_type;
    int status;
    std::string detail;  // a part of the Danish message
  };
  const std::vector<Case> cases = {
      {R"({"kind":"administration","name":"x")", "application/json", 400, ""},
      {R"({"kind":"administration","name":"x"})", "text/plain", 415, ""},
      {R"(["kind"])", "application/json", 422, ""},
      {R"({"kind":"kontor","name":"x"})", "application/json", 422, "enhedstype"},
      {R"({"name":"x"})", "application/json", 422, "enhedstype"},
      {R"({"kind":"administration"})", "application/json", 422, "udfyldes"},
      {R"({"kind":"administration","name":42})", "application/json", 422, "tekst"},
      {R"({"kind":"administration","name":"   "})", "application/json", 422, "udfyldes"},
      {R"({"kind":"administration","name":")" + std::string(201, 'x') + R"("})", "application/json", 422,
       "lang"},
      {R"({"kind":"center","name":"Uden forvaltning"})", "application/json", 422, "forvaltning"},
      {R"({"kind":"administration","name":"x","parent_id":"1"})", "application/json", 422, "parent_id"},
      {R"({"kind":"administration","name":"x","colour":"red"})", "application/json", 422, "felt"},
  };
  for (const auto& c : cases) {
    const HttpResult result =
        Send(server_->port(), "POST", "/api/v1/units", c.body, With(admin_, "Content-Type", c.content_type));
    EXPECT_EQ(result.status, c.status) << c.body << " → " << result.body;
    EXPECT_EQ(result.header("content-type"), "application/problem+json") << c.body;
    if (!c.detail.empty()) {
      EXPECT_NE(json::parse(result.body)["detail"].get<std::string>().find(c.detail), std::string::npos)
          << c.body << " → " << result.body;
    }
  }
  EXPECT_EQ(AuditCount(), before);
  EXPECT_EQ(json::parse(Get(server_->port(), "/api/v1/units", admin_).body)["items"].size(), 0U);
  // Ids that are not numbers are simply not found.
  EXPECT_EQ(Get(server_->port(), "/api/v1/units/abc", admin_).status, 404);
  EXPECT_EQ(Get(server_->port(), "/api/v1/units/-1", admin_).status, 404);
}

TEST_P(UnitsApi, MarkupAndSqlInNamesAreStoredVerbatimAndReturnedAsData) {
  const std::string hostile = "<script>alert(1)</script>'; DROP TABLE units; --";
  const json unit = Create("administration", hostile);
  EXPECT_EQ(unit["name"], hostile);
  const HttpResult list = Get(server_->port(), "/api/v1/units", admin_);
  EXPECT_EQ(list.header("content-type"), "application/json");
  EXPECT_EQ(json::parse(list.body)["items"][0]["name"], hostile);
}

TEST_P(UnitsApi, CallersWithoutAValidTokenAreTurnedAway) {
  EXPECT_EQ(Get(server_->port(), "/api/v1/units").status, 401);
  const HttpResult forged = Get(server_->port(), "/api/v1/units", {{"Authorization", "Bearer smk_forged"}});
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(forged.header("www-authenticate"), "Bearer realm=\"samskab\"");
  EXPECT_EQ(Get(server_->port(), "/api/v1/units", {{"Authorization", "Basic YTpi"}}).status, 401);
  // A revoked token stops working at once.
  const std::string secret = server_->AddToken(Role::kMunicipalAdmin, "0190");
  const std::map<std::string, std::string> headers = {{"Authorization", "Bearer " + secret}};
  ASSERT_EQ(Get(server_->port(), "/api/v1/units", headers).status, 200);
  auto tokens = server_->app().accounts().ListApiTokens(domain::MunicipalityScope("0190"));
  ASSERT_TRUE(tokens.ok());
  ASSERT_TRUE(server_->app()
                  .accounts()
                  .RevokeApiToken(domain::Actor::System("test", "t"), domain::MunicipalityScope("0190"),
                                  tokens->front().id)
                  .ok());
  EXPECT_EQ(Get(server_->port(), "/api/v1/units", headers).status, 401);
  // /api/v1/me says who a token is.
  const json me = json::parse(Get(server_->port(), "/api/v1/me", employee_).body);
  EXPECT_EQ(me["kind"], "token");
  EXPECT_EQ(me["roles"][0]["role"], "municipal_employee");
  EXPECT_EQ(me["roles"][0]["municipality_code"], "0190");
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitsApi,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
