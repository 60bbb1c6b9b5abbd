// /api/v1/volunteers and /api/v1/opportunities end to end, on SQLite and PostgreSQL: a person's
// own profile (create, If-Match, replace, delete), what staff see of shared profiles, opportunities
// posted by a unit (reach) and by an organisation (its people, the municipality it chooses), the
// public read of open ones; bad input (availability of the wrong shape, unknown postcodes and
// skills, ends before starts, capacity 0) refused with its message key and nothing changed.
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

const char kPassword[] = "en lang adgangskode";

class MarketApi : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    staff_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalEmployee, "0190")},
              {"Content-Type", "application/json"}};
    karen_ = Person("karen@example.dk", std::nullopt);
    unit_ = server_->AddUnit("0190", domain::UnitKind::kAdministration, "Ældre og Sundhed", std::nullopt).id;
    other_unit_ = server_->AddUnit("0190", domain::UnitKind::kAdministration, "Kultur", std::nullopt).id;
  }
  Headers Person(const std::string& email, std::optional<domain::Grant> grant) {
    server_->AddUser(email, kPassword, grant);
    return {{"Cookie", server_->Login(email, kPassword)}, {"Content-Type", "application/json"}};
  }
  HttpResult Call(const std::string& method, const std::string& path, const Headers& headers,
                  const json& body = nullptr) {
    if (method == "GET") return Get(server_->port(), path, headers);
    return Send(server_->port(), method, path, body.is_null() ? "" : body.dump(), headers);
  }
  static Headers With(Headers headers, const std::string& name, const std::string& value) {
    headers[name] = value;
    return headers;
  }
  int64_t Count(const std::string& table) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  static std::map<std::string, std::string> Errors(const HttpResult& result) {
    std::map<std::string, std::string> out;
    const json problem = json::parse(result.body, nullptr, false);
    for (const auto& error : problem.value("errors", json::array()))
      out[error["field"].get<std::string>()] = error["code"].get<std::string>();
    return out;
  }
  json Opportunity() const {
    return {{"unit_id", unit_},
            {"title", "Besøgsven på Plejecenter Solgården"},
            {"description", "Kaffe, snak og gåture med beboerne."},
            {"skills", {"visiting_friend", "walking_company"}},
            {"welfare_areas", {"elderly"}},
            {"availability", {{"tue", {"afternoon"}}, {"thu", {"afternoon"}}}},
            {"postcode", "3520"},
            {"capacity", 4},
            {"starts_on", "2027-01-01"},
            {"ends_on", "2027-06-30"},
            {"status", "open"}};
  }
  std::unique_ptr<TestServer> server_;
  Headers staff_, karen_;
  int64_t unit_ = 0, other_unit_ = 0;
};

json Profile() {
  return {{"about", "Pensioneret lærer, glad for at gå ture."},
          {"skills", {"homework_help", "walking_company"}},
          {"skill_tags", {"Skak"}},
          {"languages", {"da", "de"}},
          {"availability", {{"mon", {"morning"}}, {"thu", {"evening"}}}},
          {"postcode", "3520"},
          {"travel_km", 15},
          {"welfare_areas", {"elderly"}},
          {"target_groups", json::array()},
          {"child_certificate", "none"},
          {"visibility", "municipalities"},
          {"consent_matching", true}};
}

TEST_P(MarketApi, APersonKeepsTheirOwnProfileWithItsRevision) {
  EXPECT_EQ(Call("GET", "/api/v1/volunteers/me", karen_).status, 404);
  HttpResult created = Call("PUT", "/api/v1/volunteers/me", karen_, Profile());
  ASSERT_EQ(created.status, 201) << created.body;
  const json profile = json::parse(created.body);
  EXPECT_EQ(profile["email"], "karen@example.dk");
  EXPECT_EQ(profile["town"], "Farum");
  EXPECT_EQ(profile["skill_tags"], json({"skak"}));
  EXPECT_EQ(profile["revision"], 1);
  const std::string etag = created.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(created.header("cache-control"), "no-store");

  // The person now holds the volunteer role.
  auto lease = server_->app().database().Acquire();
  auto grants = (*lease)->Query(
      "SELECT COUNT(*) FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.email = ? AND g.role = "
      "'volunteer'",
      {std::string("karen@example.dk")});
  EXPECT_EQ(grants->front().Int(0), 1);

  EXPECT_EQ(Call("PUT", "/api/v1/volunteers/me", karen_, Profile()).status, 428)
      << "replacing needs If-Match";
  json changed = Profile();
  changed["travel_km"] = 40;
  HttpResult replaced = Call("PUT", "/api/v1/volunteers/me", With(karen_, "If-Match", etag), changed);
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(json::parse(replaced.body)["travel_km"], 40);
  EXPECT_EQ(Call("PUT", "/api/v1/volunteers/me", With(karen_, "If-Match", etag), changed).status, 412);
  EXPECT_EQ(Call("GET", "/api/v1/volunteers/me", karen_).status, 200);
  EXPECT_EQ(Call("DELETE", "/api/v1/volunteers/me", karen_).status, 428);
  EXPECT_EQ(Call("DELETE", "/api/v1/volunteers/me", With(karen_, "If-Match", replaced.header("etag"))).status,
            204);
  EXPECT_EQ(Call("GET", "/api/v1/volunteers/me", karen_).status, 404);
  EXPECT_EQ(Count("market_changes"), 3);
}

TEST_P(MarketApi, BadProfilesAreRefusedNamingEveryFieldAndChangeNothing) {
  json bad = Profile();
  bad["availability"] = json::array({"mon_morning"});
  bad["postcode"] = "9999";
  bad["skills"] = {"juggling"};
  bad["visibility"] = "everyone";
  bad["child_certificate"] = "obtained";
  bad["colour"] = "blue";
  const int64_t audit = Count("audit_log");
  HttpResult refused = Call("PUT", "/api/v1/volunteers/me", karen_, bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.header("content-type"), "application/problem+json");
  const auto errors = Errors(refused);
  EXPECT_EQ(errors.at("availability"), "availability.error.shape");
  EXPECT_EQ(errors.at("postcode"), "validation.postcode_unknown");
  EXPECT_EQ(errors.at("skills"), "skill.error.unknown");
  EXPECT_EQ(errors.at("visibility"), "volunteer.error.visibility");
  EXPECT_EQ(errors.at("child_certificate_on"), "volunteer.error.certificate_date");
  EXPECT_EQ(errors.at("colour"), "error.unknown_field");
  json grid = Profile();
  grid["availability"] = {{"mon", {"night"}}};
  EXPECT_EQ(Errors(Call("PUT", "/api/v1/volunteers/me", karen_, grid)).at("availability"),
            "availability.error.shape");
  EXPECT_EQ(Count("volunteer_profiles"), 0);
  EXPECT_EQ(Count("market_changes"), 0);
  EXPECT_EQ(Count("audit_log"), audit);
}

TEST_P(MarketApi, StaffSeeSharedProfilesOnlyAndTheEmailOnlyWithConsent) {
  ASSERT_EQ(Call("PUT", "/api/v1/volunteers/me", karen_, Profile()).status, 201);
  Headers ali = Person("ali@example.dk", std::nullopt);
  json hidden = Profile();
  hidden["visibility"] = "private";
  HttpResult ali_profile = Call("PUT", "/api/v1/volunteers/me", ali, hidden);
  ASSERT_EQ(ali_profile.status, 201);
  Headers bo = Person("bo@example.dk", std::nullopt);
  json no_consent = Profile();
  no_consent["consent_matching"] = false;
  no_consent["languages"] = {"ar"};
  ASSERT_EQ(Call("PUT", "/api/v1/volunteers/me", bo, no_consent).status, 201);

  HttpResult list = Call("GET", "/api/v1/volunteers", staff_);
  ASSERT_EQ(list.status, 200) << list.body;
  const json body = json::parse(list.body);
  EXPECT_EQ(body["total"], 2);
  for (const auto& item : body["items"]) {
    EXPECT_FALSE(item.contains("visibility"));
    if (item["consent_matching"] == true) {
      EXPECT_EQ(item["email"], "karen@example.dk");
    } else {
      EXPECT_EQ(item["email"], nullptr);
    }
  }
  EXPECT_EQ(json::parse(Call("GET", "/api/v1/volunteers?language=ar", staff_).body)["total"], 1);
  EXPECT_EQ(
      json::parse(Call("GET", "/api/v1/volunteers?skill=homework_help&postcode=3520", staff_).body)["total"],
      2);
  HttpResult paged = Call("GET", "/api/v1/volunteers?limit=1", staff_);
  ASSERT_FALSE(json::parse(paged.body)["next_cursor"].is_null());
  EXPECT_EQ(Errors(Call("GET", "/api/v1/volunteers?skill=juggling&postcode=9999", staff_)),
            (std::map<std::string, std::string>{{"skill", "skill.error.unknown"},
                                                {"postcode", "validation.postcode_unknown"}}));
  const auto hidden_id = json::parse(ali_profile.body)["id"].get<int64_t>();
  EXPECT_EQ(Call("GET", "/api/v1/volunteers/" + std::to_string(hidden_id), staff_).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/volunteers", karen_).status, 403) << "volunteers do not list each other";
}

TEST_P(MarketApi, StaffPostForUnitsInTheirReachAndTheOpenOnesArePublic) {
  Headers employee =
      Person("ansat@furesoe.dk", domain::Grant{Role::kMunicipalEmployee, "0190", unit_, std::nullopt});
  HttpResult created = Call("POST", "/api/v1/opportunities", employee, Opportunity());
  ASSERT_EQ(created.status, 201) << created.body;
  const json o = json::parse(created.body);
  EXPECT_EQ(o["municipality_code"], "0190");
  EXPECT_EQ(o["language"], "da");
  EXPECT_EQ(o["organisation_kind"], nullptr);
  EXPECT_EQ(o["posted_by"]["name"], "Ældre og Sundhed");
  const std::string path = created.header("location");
  ASSERT_EQ(path, "/api/v1/opportunities/" + std::to_string(o["id"].get<int64_t>()));

  json elsewhere = Opportunity();
  elsewhere["unit_id"] = other_unit_;
  EXPECT_EQ(Errors(Call("POST", "/api/v1/opportunities", employee, elsewhere)).at("unit_id"),
            "opportunity.error.unit_not_yours");
  elsewhere["unit_id"] = 999999;
  EXPECT_EQ(Errors(Call("POST", "/api/v1/opportunities", employee, elsewhere)).at("unit_id"),
            "opportunity.error.unknown_unit");

  // Open: everyone reads it; a draft only who manages it.
  EXPECT_EQ(Call("GET", path, {}).status, 200);
  json draft = Opportunity();
  draft["status"] = "draft";
  HttpResult changed = Call("PUT", path, With(employee, "If-Match", created.header("etag")), draft);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(Call("GET", path, {}).status, 404);
  EXPECT_EQ(Call("GET", path, karen_).status, 404);
  EXPECT_EQ(Call("GET", path, staff_).status, 200);
  EXPECT_EQ(json::parse(Call("GET", "/api/v1/opportunities", staff_).body)["total"], 1);
  EXPECT_EQ(json::parse(Call("GET", "/api/v1/opportunities?status=open", staff_).body)["total"], 0);
  EXPECT_EQ(json::parse(Call("GET", "/api/v1/opportunities", karen_).body)["total"], 0);

  // Another unit's employee may read it but not change it.
  Headers colleague =
      Person("kultur@furesoe.dk", domain::Grant{Role::kMunicipalEmployee, "0190", other_unit_, std::nullopt});
  EXPECT_EQ(Call("GET", path, colleague).status, 200);
  EXPECT_EQ(Errors(Call("DELETE", path, With(colleague, "If-Match", changed.header("etag")))).at("unit_id"),
            "opportunity.error.unit_not_yours");
  EXPECT_EQ(Call("DELETE", path, With(employee, "If-Match", created.header("etag"))).status, 412);
  EXPECT_EQ(Call("DELETE", path, With(employee, "If-Match", changed.header("etag"))).status, 204);
  EXPECT_EQ(Count("opportunities"), 0);
}

TEST_P(MarketApi, AnOrganisationPostsInAnActiveMunicipalityOfItsChoice) {
  auto organisation = server_->app().accounts().CreateOrganisation(
      domain::Actor::System("test", "t"), "Røde Kors Furesø", "humanitarian_association");
  ASSERT_TRUE(organisation.ok());
  Headers member =
      Person("medlem@rodekors.dk", domain::Grant{Role::kOrganisationMember, "", std::nullopt, *organisation});
  json body = Opportunity();
  body.erase("unit_id");
  body["organisation_id"] = *organisation;
  EXPECT_EQ(Errors(Call("POST", "/api/v1/opportunities", member, body)).at("municipality_code"),
            "validation.required");
  body["municipality_code"] = "0851";  // Aalborg does not use the platform
  EXPECT_EQ(Errors(Call("POST", "/api/v1/opportunities", member, body)).at("municipality_code"),
            "opportunity.error.municipality");
  body["municipality_code"] = "0190";
  HttpResult created = Call("POST", "/api/v1/opportunities", member, body);
  ASSERT_EQ(created.status, 201) << created.body;
  const json o = json::parse(created.body);
  EXPECT_EQ(o["organisation_kind"], "humanitarian_association");
  EXPECT_EQ(o["posted_by"]["kind"], "organisation");
  const std::string path = created.header("location");

  // The municipality's staff see it but cannot change an organisation's post; outsiders cannot post for it.
  EXPECT_EQ(Call("GET", path, staff_).status, 200);
  json update = Opportunity();
  update.erase("unit_id");
  update["capacity"] = 10;
  EXPECT_EQ(Call("PUT", path, With(staff_, "If-Match", created.header("etag")), update).status, 403);
  EXPECT_EQ(Errors(Call("POST", "/api/v1/opportunities", karen_, body)).at("organisation_id"),
            "opportunity.error.organisation_not_yours");
  EXPECT_EQ(
      Errors(Call("PUT", path, With(member, "If-Match", created.header("etag")), body)).at("organisation_id"),
      "error.unknown_field")
      << "the poster stays";
  HttpResult changed = Call("PUT", path, With(member, "If-Match", created.header("etag")), update);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(json::parse(changed.body)["capacity"], 10);
  EXPECT_EQ(json::parse(Call("GET", "/api/v1/opportunities", member).body)["total"], 1);
}

TEST_P(MarketApi, BadOpportunitiesAreRefusedWithTheirMessagesAndChangeNothing) {
  const int64_t audit = Count("audit_log");
  json bad = Opportunity();
  bad["availability"] = {{"mon", "morning"}};
  bad["postcode"] = "0001";
  bad["skills"] = {"juggling"};
  bad["starts_on"] = "2027-06-30";
  bad["ends_on"] = "2027-01-01";
  bad["capacity"] = 0;
  HttpResult refused = Call("POST", "/api/v1/opportunities", staff_, bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Errors(refused), (std::map<std::string, std::string>{
                                 {"availability", "availability.error.shape"},
                                 {"postcode", "validation.postcode_unknown"},
                                 {"skills", "skill.error.unknown"},
                                 {"ends_on", "opportunity.error.ends_before_start"},
                                 {"capacity", "opportunity.error.capacity"},
                             }));
  json missing = Opportunity();
  missing.erase("capacity");
  missing["title"] = "";
  EXPECT_EQ(Errors(Call("POST", "/api/v1/opportunities", staff_, missing)),
            (std::map<std::string, std::string>{{"capacity", "validation.required"},
                                                {"title", "validation.required"}}));
  EXPECT_EQ(Count("opportunities"), 0);
  EXPECT_EQ(Count("audit_log"), audit);
  EXPECT_EQ(Call("GET", "/api/v1/opportunities/abc", {}).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/opportunities/424242", staff_).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, MarketApi,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
