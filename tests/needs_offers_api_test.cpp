// /api/v1/needs and /api/v1/offers end to end, on SQLite and PostgreSQL: create, read with its
// ETag, change with If-Match, delete; every bad field named at once and nothing changed; another
// municipality's need (private or public) in the URL is 404; the public sees public open needs
// only; an employee posts for the units in reach; the vulnerable rule; offers seen by the
// municipalities they are offered to and changed by their owners only.
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

class NeedsOffersApi : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    admin_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalAdmin, "0190")},
              {"Content-Type", "application/json"}};
    aalborg_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalAdmin, "0851")},
                {"Content-Type", "application/json"}};
    const auto administration =
        server_->AddUnit("0190", domain::UnitKind::kAdministration, "Social og Sundhed", std::nullopt);
    health_ = server_->AddUnit("0190", domain::UnitKind::kCenter, "Center for Sundhed", administration.id).id;
    daycare_ =
        server_->AddUnit("0190", domain::UnitKind::kCenter, "Center for Dagtilbud", administration.id).id;
    aalborg_unit_ =
        server_->AddUnit("0851", domain::UnitKind::kAdministration, "Forvaltning", std::nullopt).id;
    partner_ = AddOrganisation("Dansk Flygtningehjælp Furesø", "humanitarian_association");
    company_ = AddOrganisation("Byggefirma A/S", "company");
    server_->AddUser("medarbejder@furesoe.test", "en lang adgangskode",
                     domain::Grant{Role::kMunicipalEmployee, "0190", health_, std::nullopt});
    employee_ = {{"Cookie", server_->Login("medarbejder@furesoe.test", "en lang adgangskode")},
                 {"Content-Type", "application/json"}};
    server_->AddUser("firma@byggefirma.test", "en lang adgangskode",
                     domain::Grant{Role::kOrganisationMember, "", std::nullopt, company_});
    company_member_ = {{"Cookie", server_->Login("firma@byggefirma.test", "en lang adgangskode")},
                       {"Content-Type", "application/json"}};
  }
  int64_t AddOrganisation(const std::string& name, const std::string& kind) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO organisations (name, kind, is_public, created_at, updated_at) VALUES (?, ?, 1, "
        "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
        {name, kind});
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows->front().Int(0) : 0;
  }
  int64_t Count(const std::string& table) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  HttpResult Call(const std::string& method, const std::string& target, const json& body, Headers headers,
                  const std::string& etag = "") {
    if (!etag.empty()) headers["If-Match"] = etag;
    return Send(server_->port(), method, target, body.is_null() ? "" : body.dump(), headers);
  }
  json NeedBody(int64_t unit) const {
    return {{"unit_id", unit},
            {"title", "Lektiehjælp til nyankomne børn"},
            {"description", "To eftermiddage om ugen på biblioteket."},
            {"skills", {"teaching"}},
            {"languages", {"ar", "da"}},
            {"welfare_area", "refugees_and_integration"},
            {"target_group", "refugees_and_immigrants"},
            {"availability", {{"tue", {"afternoon"}}, {"thu", {"afternoon"}}}},
            {"postcode", "3520"},
            {"places", 3},
            {"visibility", "public"}};
  }

  std::unique_ptr<TestServer> server_;
  Headers admin_, aalborg_, employee_, company_member_;
  int64_t health_ = 0, daycare_ = 0, aalborg_unit_ = 0, partner_ = 0, company_ = 0;
};

TEST_P(NeedsOffersApi, ANeedIsCreatedReadChangedWithIfMatchAndDeleted) {
  HttpResult created = Call("POST", "/api/v1/needs", NeedBody(health_), admin_);
  ASSERT_EQ(created.status, 201) << created.body;
  const json need = json::parse(created.body);
  EXPECT_EQ(need["unit_name"], "Center for Sundhed");
  EXPECT_EQ(need["town"], "Farum");
  EXPECT_EQ(need["availability"], json::parse(R"({"thu": ["afternoon"], "tue": ["afternoon"]})"));
  const std::string path = "/api/v1/needs/" + std::to_string(need["id"].get<int64_t>());
  EXPECT_EQ(created.header("location"), path);
  const std::string etag = created.header("etag");

  HttpResult read = Get(server_->port(), path, admin_);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.header("etag"), etag);
  EXPECT_EQ(Get(server_->port(), path, {{"Authorization", admin_["Authorization"]}, {"If-None-Match", etag}})
                .status,
            304);

  // Without If-Match 428; a stale one 412; PATCH closes it.
  EXPECT_EQ(Call("PATCH", path, {{"status", "closed"}}, admin_).status, 428);
  EXPECT_EQ(
      Call("PATCH", path, {{"status", "closed"}}, admin_, "\"need-" + need["id"].dump() + "-9\"").status,
      412);
  HttpResult closed = Call("PATCH", path, {{"status", "closed"}}, admin_, etag);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(json::parse(closed.body)["status"], "closed");
  EXPECT_EQ(json::parse(closed.body)["title"], "Lektiehjælp til nyankomne børn");

  // PUT replaces: what is not sent takes its default.
  HttpResult replaced =
      Call("PUT", path, {{"unit_id", health_}, {"title", "Kun en titel"}}, admin_, closed.header("etag"));
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(json::parse(replaced.body)["skills"], json::array());
  EXPECT_EQ(json::parse(replaced.body)["status"], "open");

  HttpResult list = Get(server_->port(), "/api/v1/needs?status=open&limit=1", admin_);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(json::parse(list.body)["total"], 1);

  EXPECT_EQ(Call("DELETE", path, nullptr, admin_, replaced.header("etag")).status, 204);
  EXPECT_EQ(Get(server_->port(), path, admin_).status, 404);
  EXPECT_EQ(Count("needs"), 0);
}

TEST_P(NeedsOffersApi, AnotherMunicipalitysPrivateNeedInTheUrlIsNotFound) {
  json body = NeedBody(aalborg_unit_);
  body["visibility"] = "private";
  body["welfare_area"] = nullptr;
  body["target_group"] = nullptr;
  HttpResult created = Call("POST", "/api/v1/needs", body, aalborg_);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/needs/" + json::parse(created.body)["id"].dump();
  const std::string etag = created.header("etag");

  for (const auto& headers : {admin_, employee_}) {
    EXPECT_EQ(Get(server_->port(), path, headers).status, 404);
    EXPECT_EQ(Call("PATCH", path, {{"title", "Overtaget"}}, headers, etag).status, 404);
    EXPECT_EQ(Call("DELETE", path, nullptr, headers, etag).status, 404);
    EXPECT_EQ(json::parse(Get(server_->port(), "/api/v1/needs", headers).body)["total"], 0);
  }
  // Nor does the public see it.
  EXPECT_EQ(Get(server_->port(), "/api/v1/public/needs/" + json::parse(created.body)["id"].dump()).status,
            404);
  EXPECT_EQ(json::parse(Get(server_->port(), "/api/v1/public/needs").body)["total"], 0);
  EXPECT_EQ(Get(server_->port(), path, aalborg_).status, 200);
  EXPECT_EQ(json::parse(Get(server_->port(), path, aalborg_).body)["title"],
            "Lektiehjælp til nyankomne børn");
}

TEST_P(NeedsOffersApi, ThePublicSeesPublicOpenNeedsWithoutWhoCreatedThem) {
  json private_body = NeedBody(health_);
  private_body["visibility"] = "private";
  ASSERT_EQ(Call("POST", "/api/v1/needs", private_body, admin_).status, 201);
  HttpResult shown = Call("POST", "/api/v1/needs", NeedBody(health_), admin_);
  ASSERT_EQ(shown.status, 201);
  HttpResult list = Get(server_->port(), "/api/v1/public/needs?municipality=0190");
  ASSERT_EQ(list.status, 200);
  const json items = json::parse(list.body)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["id"], json::parse(shown.body)["id"]);
  EXPECT_FALSE(items[0].contains("created_by"));
  EXPECT_EQ(Get(server_->port(), "/api/v1/needs").status, 401);
}

TEST_P(NeedsOffersApi, BadNeedsAreRefusedNamingEveryFieldAndNothingChanges) {
  json body = NeedBody(health_);
  body["title"] = "";
  body["places"] = 0;
  body["postcode"] = "9999";
  body["skills"] = {"juggling"};
  body["availability"] = {{"monday", {"morning"}}};
  body["ends_on"] = "2027-01-01";
  body["starts_on"] = "2027-02-01";
  body["colour"] = "blue";
  const int64_t audit = Count("audit_log");
  HttpResult refused = Call("POST", "/api/v1/needs", body, admin_);
  ASSERT_EQ(refused.status, 422) << refused.body;
  std::set<std::string> fields;
  json problems = json::parse(refused.body)["errors"];
  for (const auto& problem : problems) fields.insert(problem["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"availability", "colour"}));
  body.erase("colour");
  body["availability"] = json::object();
  refused = Call("POST", "/api/v1/needs", body, admin_);
  ASSERT_EQ(refused.status, 422);
  fields.clear();
  problems = json::parse(refused.body)["errors"];
  for (const auto& problem : problems) fields.insert(problem["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"title", "places", "postcode", "skills", "ends_on"}));
  EXPECT_EQ(Count("needs"), 0);
  EXPECT_EQ(Count("audit_log"), audit);
}

TEST_P(NeedsOffersApi, AnEmployeePostsForTheUnitsInReachOnly) {
  EXPECT_EQ(Call("POST", "/api/v1/needs", NeedBody(health_), employee_).status, 201);
  HttpResult other = Call("POST", "/api/v1/needs", NeedBody(daycare_), employee_);
  EXPECT_EQ(other.status, 422) << other.body;
  EXPECT_NE(other.body.find("need.error.unit_not_yours"), std::string::npos) << other.body;
  HttpResult daycare = Call("POST", "/api/v1/needs", NeedBody(daycare_), admin_);
  ASSERT_EQ(daycare.status, 201);
  // The employee sees it but cannot change it.
  const std::string path = "/api/v1/needs/" + json::parse(daycare.body)["id"].dump();
  EXPECT_EQ(Get(server_->port(), path, employee_).status, 200);
  EXPECT_EQ(Call("PATCH", path, {{"status", "closed"}}, employee_, daycare.header("etag")).status, 403);
}

TEST_P(NeedsOffersApi, AVulnerableTargetGroupNeedsItsPartnerAndHasNoDirectContactByDefault) {
  json body = NeedBody(health_);
  body["vulnerable"] = true;
  HttpResult refused = Call("POST", "/api/v1/needs", body, admin_);
  ASSERT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("partner_organisation_id"), std::string::npos);
  body["partner_organisation_id"] = partner_;
  HttpResult created = Call("POST", "/api/v1/needs", body, admin_);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json::parse(created.body)["direct_contact"], false);
  EXPECT_EQ(json::parse(created.body)["partner_organisation_name"], "Dansk Flygtningehjælp Furesø");
  // Set deliberately (with the partner's approval, decision 0011): kept.
  const std::string path = "/api/v1/needs/" + json::parse(created.body)["id"].dump();
  HttpResult deliberate = Call("PATCH", path, {{"direct_contact", true}}, admin_, created.header("etag"));
  ASSERT_EQ(deliberate.status, 200);
  EXPECT_EQ(json::parse(deliberate.body)["direct_contact"], true);
}

TEST_P(NeedsOffersApi, AnOfferIsSeenByTheMunicipalitiesItIsOfferedToAndChangedByItsOwner) {
  const json body = {
      {"organisation_id", company_}, {"kind", "event_day"},  {"title", "Medarbejderdag: vi maler klubhuset"},
      {"event_on", "2027-05-12"},    {"event_capacity", 20}, {"municipalities", {"0190"}}};
  // Someone else's organisation: 403; a bad offer: 422 naming the fields.
  EXPECT_EQ(Call("POST", "/api/v1/offers", body, employee_).status, 403);
  json bad = body;
  bad.erase("event_on");
  bad["travel_km"] = 900;
  HttpResult refused = Call("POST", "/api/v1/offers", bad, company_member_);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find("event_on"), std::string::npos);
  EXPECT_NE(refused.body.find("travel_km"), std::string::npos);
  EXPECT_EQ(Count("offers"), 0);

  HttpResult created = Call("POST", "/api/v1/offers", body, company_member_);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/offers/" + json::parse(created.body)["id"].dump();
  EXPECT_EQ(json::parse(created.body)["owner_name"], "Byggefirma A/S");
  EXPECT_EQ(Get(server_->port(), path, admin_).status, 200);
  EXPECT_EQ(Get(server_->port(), path, aalborg_).status, 404);
  EXPECT_EQ(Call("PATCH", path, {{"title", "Overtaget"}}, admin_, created.header("etag")).status, 403);
  HttpResult everywhere =
      Call("PATCH", path, {{"municipalities", "all"}}, company_member_, created.header("etag"));
  ASSERT_EQ(everywhere.status, 200) << everywhere.body;
  EXPECT_EQ(json::parse(everywhere.body)["municipalities"], "all");
  EXPECT_EQ(Get(server_->port(), path, aalborg_).status, 200);
  EXPECT_EQ(
      json::parse(Get(server_->port(), "/api/v1/public/offers?organisation_kind=company").body)["total"], 1);
  EXPECT_EQ(Call("DELETE", path, nullptr, company_member_, everywhere.header("etag")).status, 204);
  EXPECT_EQ(Count("offers"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, NeedsOffersApi,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
