// /api/v1/organisations end to end, on SQLite and PostgreSQL: municipal staff register, list,
// read and change their municipality's organisations; organisation admins keep their own profile
// and share it; who sees what follows docs/decisions/0008-organisation-visibility.md; bad input
// is refused naming every bad field, and changes nothing.
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

using Headers = std::map<std::string, std::string>;

class OrganisationsApi : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    employee_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalEmployee, "0190")},
                 {"Content-Type", "application/json"}};
    aalborg_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalEmployee, "0851")},
                {"Content-Type", "application/json"}};
  }
  HttpResult Post(const json& body, const Headers& headers) {
    return Send(server_->port(), "POST", "/api/v1/organisations", body.dump(), headers);
  }
  json Create(const json& body) {
    const HttpResult result = Post(body, employee_);
    EXPECT_EQ(result.status, 201) << result.body;
    return json::parse(result.body, nullptr, false);
  }
  static Headers With(Headers headers, const std::string& name, const std::string& value) {
    headers[name] = value;
    return headers;
  }
  static std::string Path(const json& organisation) {
    return "/api/v1/organisations/" + std::to_string(organisation["id"].get<int64_t>());
  }
  int64_t Count(const std::string& table) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  // The errors[] of a problem as {field: code}.
  static std::map<std::string, std::string> Errors(const HttpResult& result) {
    std::map<std::string, std::string> out;
    const json problem = json::parse(result.body, nullptr, false);
    for (const auto& error : problem.value("errors", json::array()))
      out[error["field"].get<std::string>()] = error["code"].get<std::string>();
    return out;
  }
  // An organisation keeping its own profile with a logged-in admin; returns its id and the cookie.
  std::pair<int64_t, Headers> OrganisationWithAdmin(const std::string& name, const std::string& email) {
    auto id = server_->app().accounts().CreateOrganisation(domain::Actor::System("test", "t"), name,
                                                           "humanitarian_association");
    EXPECT_TRUE(id.ok());
    server_->AddUser(email, "en lang adgangskode",
                     domain::Grant{Role::kOrganisationAdmin, "", std::nullopt, *id});
    return {*id,
            {{"Cookie", server_->Login(email, "en lang adgangskode")}, {"Content-Type", "application/json"}}};
  }
  std::unique_ptr<TestServer> server_;
  Headers employee_, aalborg_;
};

json FullBody() {
  return {{"name", "Strikkecaféen i Farum"},
          {"kind", "community"},
          {"cvr", "DK 29 18 85 48"},
          {"street", "Stavnsholtvej 3"},
          {"postcode", "3520"},
          {"description", "Vi strikker og drikker kaffe hver tirsdag."},
          {"website", "www.strikkecafeen.dk"},
          {"icnpo", "1300"},
          {"welfare_areas", {"elderly", "inclusion"}},
          {"target_groups", {"lonely"}},
          {"resources", "Otte frivillige og garn."},
          {"roles_can", {"provider", "partner"}},
          {"roles_cannot", {"supplier"}},
          {"frames", "Ingen vedtægter, ingen økonomi."},
          {"is_public", false},
          {"contacts", {{{"name", "Birthe Holm"}, {"email", "birthe@example.dk"}, {"is_public", true}}}}};
}

TEST_P(OrganisationsApi, StaffRegisterListAndReadTheirMunicipalitysOrganisations) {
  const json created = Create(FullBody());
  EXPECT_EQ(created["municipality_code"], "0190");
  EXPECT_EQ(created["cvr"], "29188548");
  EXPECT_EQ(created["town"], "Farum");
  EXPECT_EQ(created["website"], "https://www.strikkecafeen.dk");
  EXPECT_EQ(created["roles_can"], json({"provider", "partner"}));
  EXPECT_EQ(created["contacts"][0]["name"], "Birthe Holm");
  EXPECT_EQ(created["revision"], 1);
  Create({{"name", "Farum Boldklub"},
          {"kind", "popular_education_association"},
          {"welfare_areas", {"culture_and_leisure"}}});
  Create({{"name", "Værløse Gåklub"}, {"kind", "community"}});

  const HttpResult one = Get(server_->port(), Path(created), employee_);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.header("etag"), "\"organisation-" + std::to_string(created["id"].get<int64_t>()) + "-1\"");
  EXPECT_EQ(Get(server_->port(), Path(created), With(employee_, "If-None-Match", one.header("etag"))).status,
            304);

  const auto names = [&](const std::string& query) {
    const json body = json::parse(Get(server_->port(), "/api/v1/organisations" + query, employee_).body);
    std::vector<std::string> out;
    for (const auto& item : body["items"]) out.push_back(item["name"]);
    return out;
  };
  EXPECT_EQ(names(""),
            (std::vector<std::string>{"Farum Boldklub", "Strikkecaféen i Farum", "Værløse Gåklub"}));
  EXPECT_EQ(names("?q=STRIKKE"), (std::vector<std::string>{"Strikkecaféen i Farum"}));
  EXPECT_EQ(names("?q=v%C3%86rl%C3%B8se"), (std::vector<std::string>{"Værløse Gåklub"}));
  EXPECT_EQ(names("?kind=community"), (std::vector<std::string>{"Strikkecaféen i Farum", "Værløse Gåklub"}));
  EXPECT_EQ(names("?welfare_area=culture_and_leisure"), (std::vector<std::string>{"Farum Boldklub"}));
  // Paging: limit and the opaque cursor, with the total.
  const json first = json::parse(Get(server_->port(), "/api/v1/organisations?limit=2", employee_).body);
  EXPECT_EQ(first["total"], 3);
  ASSERT_EQ(first["items"].size(), 2U);
  ASSERT_TRUE(first["next_cursor"].is_string());
  const json second = json::parse(
      Get(server_->port(), "/api/v1/organisations?limit=2&cursor=" + first["next_cursor"].get<std::string>(),
          employee_)
          .body);
  ASSERT_EQ(second["items"].size(), 1U);
  EXPECT_EQ(second["items"][0]["name"], "Værløse Gåklub");
  EXPECT_TRUE(second["next_cursor"].is_null());
  // Bad filters name the parameter.
  const HttpResult bad =
      Get(server_->port(), "/api/v1/organisations?kind=club&welfare_area=astrology", employee_);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Errors(bad),
            (std::map<std::string, std::string>{{"kind", "organisation.error.kind"},
                                                {"welfare_area", "vocabulary.error.unknown_term"}}));
  EXPECT_EQ(Get(server_->port(), "/api/v1/organisations?cursor=bm90YW51bWJlcg", employee_).status, 422);

  auto audit = server_->app().audit().List(domain::MunicipalityScope("0190"), 100, 0);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(std::count_if(audit->begin(), audit->end(),
                          [](const auto& e) { return e.action == "organisation.create"; }),
            3);
}

TEST_P(OrganisationsApi, BadInputNamesEveryBadFieldAndChangesNothing) {
  const int64_t before = Count("organisations");
  const int64_t audit_before = Count("audit_log");
  json body = FullBody();
  body["cvr"] = "29188549";
  body["postcode"] = "0000";
  body["kind"] = "club";
  body["roles_cannot"] = {"provider"};
  body["contacts"] = {{{"name", ""}, {"email", "ikke en adresse"}, {"shoe_size", 42}}};
  body["colour"] = "red";
  const HttpResult result = Post(body, employee_);
  EXPECT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(result.header("content-type"), "application/problem+json");
  EXPECT_EQ(Errors(result), (std::map<std::string, std::string>{
                                {"cvr", "validation.cvr_checksum"},
                                {"postcode", "validation.postcode_unknown"},
                                {"kind", "organisation.error.kind"},
                                {"roles_cannot", "organisation.error.roles_overlap"},
                                {"contacts.0.name", "validation.required"},
                                {"contacts.0.email", "validation.email"},
                                {"contacts.0.shoe_size", "error.unknown_field"},
                                {"colour", "error.unknown_field"},
                            }));
  // Each error has a message in the caller's language.
  for (const auto& error : json::parse(result.body)["errors"])
    EXPECT_FALSE(error["detail"].get<std::string>().empty());

  struct Case {
    json body;
    std::string field;
    std::string code;
  };
  const std::vector<Case> cases = {
      {{{"name", "X"}, {"kind", "community"}, {"cvr", "1234"}}, "cvr", "validation.cvr_format"},
      {{{"name", "X"}, {"kind", "community"}, {"postcode", "35200"}}, "postcode", "validation.postcode"},
      {{{"name", "X"}}, "kind", "validation.required"},
      {{{"kind", "community"}}, "name", "validation.required"},
      {{{"name", 42}, {"kind", "community"}}, "name", "validation.type_text"},
      {{{"name", "X"}, {"kind", "community"}, {"is_public", "ja"}}, "is_public", "validation.type_boolean"},
      {{{"name", "X"}, {"kind", "community"}, {"welfare_areas", "elderly"}},
       "welfare_areas",
       "validation.type_list"},
      {{{"name", "X"}, {"kind", "community"}, {"icnpo", "9999"}}, "icnpo", "organisation.error.icnpo"},
      {{{"name", "X"}, {"kind", "community"}, {"website", "javascript:alert(1)"}},
       "website",
       "validation.website"},
      {{{"name", "X"}, {"kind", "community"}, {"roles_can", {"king"}}},
       "roles_can",
       "organisation.error.role"},
      {{{"name", "X"}, {"kind", "community"}, {"contacts", {"Anna"}}},
       "contacts.0",
       "organisation.error.contact_type"},
  };
  for (const auto& c : cases) {
    const HttpResult refused = Post(c.body, employee_);
    EXPECT_EQ(refused.status, 422) << c.body.dump();
    EXPECT_EQ(Errors(refused), (std::map<std::string, std::string>{{c.field, c.code}})) << c.body.dump();
  }
  EXPECT_EQ(Send(server_->port(), "POST", "/api/v1/organisations", "{\"name\":", employee_).status, 400);
  EXPECT_EQ(Send(server_->port(), "POST", "/api/v1/organisations", FullBody().dump(),
                 With(employee_, "Content-Type", "text/plain"))
                .status,
            415);
  EXPECT_EQ(Count("organisations"), before);
  EXPECT_EQ(Count("organisation_contacts"), 0);
  EXPECT_EQ(Count("audit_log"), audit_before);
}

TEST_P(OrganisationsApi, AnotherMunicipalitysPrivateOrganisationIsNotFoundAndItsPublicOneReadOnly) {
  const json private_one = Create(FullBody());
  const std::string etag = "\"organisation-" + std::to_string(private_one["id"].get<int64_t>()) + "-1\"";
  const HttpResult foreign = Get(server_->port(), Path(private_one), aalborg_);
  const HttpResult missing = Get(server_->port(), "/api/v1/organisations/999999", aalborg_);
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(missing.status, 404);
  const auto strip = [](const std::string& body) {
    json problem = json::parse(body);
    problem.erase("request_id");
    problem.erase("instance");
    return problem;
  };
  EXPECT_EQ(strip(foreign.body), strip(missing.body));
  EXPECT_EQ(Send(server_->port(), "PATCH", Path(private_one), R"({"name":"Overtaget"})",
                 With(aalborg_, "If-Match", etag))
                .status,
            404);
  EXPECT_EQ(json::parse(Get(server_->port(), "/api/v1/organisations", aalborg_).body)["total"], 0);

  json public_body = FullBody();
  public_body["name"] = "Offentlig forening";
  public_body["is_public"] = true;
  const json public_one = Create(public_body);
  const HttpResult seen = Get(server_->port(), Path(public_one), aalborg_);
  ASSERT_EQ(seen.status, 200) << "a public profile is visible in every municipality";
  const HttpResult refused = Send(server_->port(), "PATCH", Path(public_one), R"({"name":"Overtaget"})",
                                  With(aalborg_, "If-Match", seen.header("etag")));
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(json::parse(refused.body)["detail"].get<std::string>().find("kommune"), std::string::npos);
  EXPECT_EQ(json::parse(Get(server_->port(), Path(private_one), employee_).body)["name"],
            "Strikkecaféen i Farum");
  EXPECT_EQ(json::parse(Get(server_->port(), Path(public_one), employee_).body)["name"],
            "Offentlig forening");
}

TEST_P(OrganisationsApi, PatchNeedsTheCurrentEtagAndReplacesContactsWhole) {
  const json created = Create(FullBody());
  const std::string path = Path(created);
  const std::string etag = Get(server_->port(), path, employee_).header("etag");
  const std::string change = json{{"name", "Strikkecaféen Stavnsholt"},
                                  {"contacts", {{{"name", "Karen Lund"}}, {{"name", "Ole Lund"}}}}}
                                 .dump();
  EXPECT_EQ(Send(server_->port(), "PATCH", path, change, employee_).status, 428);
  const HttpResult changed = Send(server_->port(), "PATCH", path, change, With(employee_, "If-Match", etag));
  ASSERT_EQ(changed.status, 200) << changed.body;
  const json after = json::parse(changed.body);
  EXPECT_EQ(after["name"], "Strikkecaféen Stavnsholt");
  EXPECT_EQ(after["cvr"], "29188548") << "fields not sent are kept";
  ASSERT_EQ(after["contacts"].size(), 2U);
  EXPECT_EQ(after["contacts"][0]["name"], "Karen Lund");
  EXPECT_NE(changed.header("etag"), etag);
  EXPECT_EQ(Send(server_->port(), "PATCH", path, change, With(employee_, "If-Match", etag)).status, 412);
  // A refused change leaves everything as it was.
  const HttpResult refused =
      Send(server_->port(), "PATCH", path, R"({"postcode":"0000","name":"Andet navn"})",
           With(employee_, "If-Match", changed.header("etag")));
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(Errors(refused),
            (std::map<std::string, std::string>{{"postcode", "validation.postcode_unknown"}}));
  EXPECT_EQ(json::parse(Get(server_->port(), path, employee_).body), after);
}

TEST_P(OrganisationsApi, OrganisationAdminsKeepTheirOwnProfileAndShareIt) {
  const auto [id, admin] = OrganisationWithAdmin("Røde Kors Furesø", "rk@example.dk");
  const auto [other_id, other_admin] = OrganisationWithAdmin("Ældre Sagen", "as@example.dk");
  const std::string profile = "/api/v1/organisations/" + std::to_string(id) + "/profile";
  const HttpResult read = Get(server_->port(), profile, admin);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(json::parse(read.body)["municipality_code"], nullptr);
  EXPECT_EQ(json::parse(read.body)["shared_with"], json::array());
  // Another organisation's admin: not found.
  EXPECT_EQ(Get(server_->port(), profile, other_admin).status, 404);

  const std::string change = json{
      {"resources", "120 frivillige"},
      {"roles_can", {"advocate", "provider"}},
      {"postcode", "3500"}}.dump();
  const HttpResult changed =
      Send(server_->port(), "PATCH", profile, change, With(admin, "If-Match", read.header("etag")));
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(json::parse(changed.body)["town"], "Værløse");
  const HttpResult refused = Send(server_->port(), "PATCH", profile, R"({"cvr":"29188549"})",
                                  With(admin, "If-Match", changed.header("etag")));
  EXPECT_EQ(Errors(refused), (std::map<std::string, std::string>{{"cvr", "validation.cvr_checksum"}}));

  // Staff of 0190 do not see the private profile until it is shared with 0190.
  const std::string staff_path = "/api/v1/organisations/" + std::to_string(id);
  EXPECT_EQ(Get(server_->port(), staff_path, employee_).status, 404);
  const std::string share = "/api/v1/organisations/" + std::to_string(id) + "/shares/0190";
  EXPECT_EQ(Send(server_->port(), "PUT", share, "", admin).status, 204);
  const HttpResult seen = Get(server_->port(), staff_path, employee_);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(json::parse(seen.body)["resources"], "120 frivillige");
  EXPECT_EQ(Get(server_->port(), staff_path, aalborg_).status, 404) << "shared with 0190 only";
  EXPECT_EQ(json::parse(Get(server_->port(), profile, admin).body)["shared_with"], json({"0190"}));
  // Shared is not theirs: staff cannot change it.
  EXPECT_EQ(Send(server_->port(), "PATCH", staff_path, R"({"name":"x"})",
                 With(employee_, "If-Match", seen.header("etag")))
                .status,
            403);
  EXPECT_EQ(
      Send(server_->port(), "PUT", "/api/v1/organisations/" + std::to_string(id) + "/shares/9999", "", admin)
          .status,
      404);
  EXPECT_EQ(Send(server_->port(), "PUT", "/api/v1/organisations/" + std::to_string(other_id) + "/shares/0190",
                 "", admin)
                .status,
            404);
  EXPECT_EQ(Send(server_->port(), "DELETE", share, "", admin).status, 204);
  EXPECT_EQ(Get(server_->port(), staff_path, employee_).status, 404);
  // Staff tokens cannot use the organisation's own routes.
  EXPECT_EQ(Get(server_->port(), profile, employee_).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrganisationsApi,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
