// /api/v1/needs/{id}/matches end to end, on SQLite and PostgreSQL: volunteers ranked with their
// factors, the hard constraints (no certificate for a need with children, no consent, too far),
// organisations and offers, marks (contacted shown, not relevant no longer proposed, cleared
// again, each audited), another municipality's need "not found", and bad input refused.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "storage/market_changes.h"
#include "support/test_support.h"

namespace samskab {
namespace {

using domain::Role;
using nlohmann::json;
using testing::Get;
using testing::HttpResult;
using testing::Send;
using testing::TestServer;

class MatchesApi : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    staff_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalEmployee, "0190")},
              {"Content-Type", "application/json"}};
    aalborg_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalAdmin, "0851")},
                {"Content-Type", "application/json"}};
    unit_ = server_->AddUnit("0190", domain::UnitKind::kAdministration, "Social og Sundhed", std::nullopt).id;
  }

  int64_t Insert(const std::string& sql, const storage::Params& params) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : 0;
  }

  // A volunteer profile and its change log entry in one transaction, as the profile pages write.
  int64_t Volunteer(const std::string& name, const std::string& skills, const std::string& postcode,
                    const std::string& certificate = "none", int consent = 1) {
    const std::string now = FormatUtc(server_->clock().Now());
    auto id = storage::InWriteTransaction<
        int64_t>(server_->app().database(), [&](storage::Connection& c) -> Result<int64_t> {
      auto user = c.Query(
          "INSERT INTO users (email, display_name, password_hash, created_at) VALUES (?, ?, 'x', ?) "
          "RETURNING id",
          {name + "@example.org", name, now});
      if (!user.ok()) return user.status();
      auto profile = c.Query(
          "INSERT INTO volunteer_profiles (user_id, skills, languages, availability, postcode, travel_km, "
          "welfare_areas, target_groups, child_certificate, child_certificate_on, visibility, "
          "consent_matching, "
          "created_at, updated_at) VALUES (?, ?, ',da,', 7, ?, 15, ',elderly,', ',lonely,', ?, ?, "
          "'municipalities', ?, ?, ?) RETURNING id",
          {user->front().Int(0), skills, postcode, certificate,
           certificate == "obtained" ? storage::Value(std::string("2025-01-01"))
                                     : storage::Value(storage::Null{}),
           int64_t{consent}, now, now});
      if (!profile.ok()) return profile.status();
      SAMSKAB_RETURN_IF_ERROR(storage::RecordVolunteerChange(c, profile->front().Int(0), server_->clock()));
      return profile->front().Int(0);
    });
    EXPECT_TRUE(id.ok()) << id.status().log_message();
    return id.ok() ? *id : 0;
  }

  int64_t Need(const std::string& municipality, int64_t unit, int involves_children) {
    const std::string now = FormatUtc(server_->clock().Now());
    return Insert(
        "INSERT INTO needs (municipality_code, unit_id, title, description, skills, languages, welfare_area, "
        "target_group, involves_children, availability, postcode, created_at, updated_at) VALUES (?, ?, "
        "'Besøgsven til ældre', 'Kaffe og gåture med ensomme ældre.', ',visiting_friend,', ',da,', "
        "'elderly', "
        "'lonely', ?, 7, '3520', ?, ?) RETURNING id",
        {municipality, unit, int64_t{involves_children}, now, now});
  }

  json Matches(int64_t need, const std::string& query = "") {
    const HttpResult result =
        Get(server_->port(), "/api/v1/needs/" + std::to_string(need) + "/matches" + query, staff_);
    EXPECT_EQ(result.status, 200) << result.body;
    return json::parse(result.body, nullptr, false);
  }
  static std::vector<int64_t> Ids(const json& body) {
    std::vector<int64_t> ids;
    for (const auto& item : body["items"]) ids.push_back(item["candidate_id"].get<int64_t>());
    return ids;
  }
  HttpResult Mark(int64_t need, int64_t volunteer, const std::string& body,
                  const std::string& method = "PUT") {
    return Send(
        server_->port(), method,
        "/api/v1/needs/" + std::to_string(need) + "/matches/volunteer/" + std::to_string(volunteer) + "/mark",
        body, staff_);
  }
  int64_t Count(const std::string& sql) { return Insert(sql, {}); }

  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::string> staff_, aalborg_;
  int64_t unit_ = 0;
};

TEST_P(MatchesApi, VolunteersAreRankedWithTheirFactorsAndTheHardConstraintsHold) {
  const int64_t anna = Volunteer("Anna Nielsen", ",visiting_friend,", "3520", "obtained");
  const int64_t bent = Volunteer("Bent Hansen", ",visiting_friend,", "3500");
  const int64_t carl = Volunteer("Carl Jensen", ",visiting_friend,", "3520", "none", /*consent=*/0);
  const int64_t dorte = Volunteer("Dorte Holm", ",visiting_friend,", "8000");  // Aarhus: too far
  const int64_t need = Need("0190", unit_, 0);

  json body = Matches(need);
  EXPECT_EQ(Ids(body), (std::vector<int64_t>{anna, bent}));
  const json& first = body["items"][0];
  EXPECT_EQ(first["display_name"], "Anna Nielsen");
  EXPECT_EQ(first["candidate_kind"], "volunteer");
  EXPECT_EQ(first["mark"], nullptr);
  EXPECT_EQ(first["distance_km"], 0.0);
  double sum = 0;
  std::set<std::string> factors;
  for (const auto& f : first["factors"]) {
    sum += f["points"].get<double>();
    factors.insert(f["factor"].get<std::string>());
  }
  EXPECT_NEAR(sum, first["score"].get<double>(), 0.05);
  EXPECT_EQ(factors, (std::set<std::string>{"welfare_area", "target_group", "skills", "languages", "distance",
                                            "availability", "text"}));
  EXPECT_EQ(first["factors"][2]["detail"], json::array({"visiting_friend"}));
  (void)carl;
  (void)dorte;

  // A need that involves children: only the volunteer with a certificate.
  const int64_t with_children = Need("0190", unit_, 1);
  EXPECT_EQ(Ids(Matches(with_children)), std::vector<int64_t>{anna});
  EXPECT_EQ(Ids(Matches(need, "?limit=1")), std::vector<int64_t>{anna});
}

TEST_P(MatchesApi, MarksAreShownRemoveNotRelevantOnesAndAreAudited) {
  const int64_t anna = Volunteer("Anna Nielsen", ",visiting_friend,", "3520");
  const int64_t bent = Volunteer("Bent Hansen", ",visiting_friend,", "3500");
  const int64_t need = Need("0190", unit_, 0);
  const int64_t audit_before = Count("SELECT COUNT(*) FROM audit_log");

  EXPECT_EQ(Mark(need, anna, R"({"mark": "contacted"})").status, 200);
  EXPECT_EQ(Mark(need, bent, R"({"mark": "not_relevant"})").status, 200);
  json body = Matches(need);
  EXPECT_EQ(Ids(body), std::vector<int64_t>{anna});
  EXPECT_EQ(body["items"][0]["mark"], "contacted");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit_before + 2);

  // Cleared: proposed again.
  EXPECT_EQ(Mark(need, bent, "", "DELETE").status, 204);
  EXPECT_EQ(Ids(Matches(need)), (std::vector<int64_t>{anna, bent}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit_before + 3);
  EXPECT_EQ(Mark(need, bent, "", "DELETE").status, 404);

  // Bad input changes nothing.
  EXPECT_EQ(Mark(need, anna, R"({"mark": "maybe"})").status, 422);
  EXPECT_EQ(Mark(need, anna, R"({"mark": "contacted", "extra": 1})").status, 422);
  EXPECT_EQ(Mark(need, 999999, R"({"mark": "contacted"})").status, 404);
  EXPECT_EQ(
      Send(server_->port(), "PUT",
           "/api/v1/needs/" + std::to_string(need) + "/matches/citizen/" + std::to_string(anna) + "/mark",
           R"({"mark": "contacted"})", staff_)
          .status,
      404);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM match_marks"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit_before + 3);
}

TEST_P(MatchesApi, AnotherMunicipalitysNeedIsNotFoundAndBadParametersAreRefused) {
  Volunteer("Anna Nielsen", ",visiting_friend,", "3520");
  const int64_t need = Need("0190", unit_, 0);
  const HttpResult other =
      Get(server_->port(), "/api/v1/needs/" + std::to_string(need) + "/matches", aalborg_);
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(
      Send(server_->port(), "PUT", "/api/v1/needs/" + std::to_string(need) + "/matches/volunteer/1/mark",
           R"({"mark": "contacted"})", aalborg_)
          .status,
      404);
  for (const char* query : {"?kind=citizens", "?limit=0", "?limit=101", "?limit=x"}) {
    const HttpResult result =
        Get(server_->port(), "/api/v1/needs/" + std::to_string(need) + "/matches" + query, staff_);
    EXPECT_EQ(result.status, 422) << query;
    EXPECT_NE(result.header("content-type").find("application/problem+json"), std::string::npos);
  }
  EXPECT_EQ(Get(server_->port(), "/api/v1/needs/999999/matches", staff_).status, 404);
}

TEST_P(MatchesApi, OrganisationsAndOffersAreRankedFromTheirRows) {
  const int64_t need = Need("0190", unit_, 0);
  const std::string now = FormatUtc(server_->clock().Now());
  const int64_t club = Insert(
      "INSERT INTO organisations (name, kind, is_public, postcode, welfare_areas, target_groups, "
      "description, "
      "created_at, updated_at) VALUES ('Farum Besøgsvenner', 'humanitarian_association', 1, '3520', "
      "',elderly,', "
      "',lonely,', 'Besøgsvenner til ensomme ældre', ?, ?) RETURNING id",
      {now, now});
  Insert(
      "INSERT INTO organisations (name, kind, is_public, postcode, welfare_areas, created_at, updated_at) "
      "VALUES ('Skjult forening', 'community', 0, '3520', ',elderly,', ?, ?) RETURNING id",
      {now, now});
  const int64_t offer = Insert(
      "INSERT INTO offers (organisation_id, kind, title, skills, welfare_areas, postcode, municipalities, "
      "created_at, updated_at) VALUES (?, 'hours', 'Besøg hos ældre', ',visiting_friend,', ',elderly,', "
      "'3520', "
      "',0190,', ?, ?) RETURNING id",
      {club, now, now});
  Insert(
      "INSERT INTO offers (organisation_id, kind, title, skills, municipalities, created_at, updated_at) "
      "VALUES (?, 'hours', 'Kun til Aalborg', ',visiting_friend,', ',0851,', ?, ?) RETURNING id",
      {club, now, now});
  const json organisations = Matches(need, "?kind=organisations");
  EXPECT_EQ(Ids(organisations), std::vector<int64_t>{club});
  EXPECT_EQ(organisations["items"][0]["display_name"], "Farum Besøgsvenner");
  const json offers = Matches(need, "?kind=offers");
  EXPECT_EQ(Ids(offers), std::vector<int64_t>{offer});
  EXPECT_GT(offers["items"][0]["score"].get<double>(), 50);
}

// The staff's page: the proposals with their reasons in plain words, marks by small forms with
// the CSRF token; another municipality's staff get "not found".
TEST_P(MatchesApi, TheNeedsMatchesPageExplainsAndMarks) {
  const int64_t anna = Volunteer("Anna Nielsen", ",visiting_friend,", "3520");
  const int64_t need = Need("0190", unit_, 0);
  const auto staff = server_->LogInNew("matcher", domain::Grant{Role::kMunicipalAdmin, "0190", {}, {}});
  const std::string page = "/admin/0190/needs/" + std::to_string(need) + "/matches";
  HttpResult shown = testing::GetPage(server_->port(), staff, page);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_NE(shown.body.find("Anna Nielsen"), std::string::npos);
  EXPECT_NE(shown.body.find("Kan: Besøgsven (+30,0)"), std::string::npos);
  EXPECT_NE(shown.body.find("Samme velfærdsområde"), std::string::npos);
  EXPECT_NE(shown.body.find("Ikke relevant"), std::string::npos);

  const testing::FormFields not_relevant = {
      {"candidate_kind", "volunteer"}, {"candidate_id", std::to_string(anna)}, {"mark", "not_relevant"}};
  EXPECT_EQ(
      testing::PostPage(server_->port(), staff, page + "/mark", not_relevant, /*with_csrf=*/false).status,
      403);
  EXPECT_EQ(testing::PostPage(server_->port(), staff, "/admin/0190/needs/999999/matches/mark", not_relevant,
                              /*with_csrf=*/false)
                .status,
            403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM match_marks"), 0);
  HttpResult bad = testing::PostPage(
      server_->port(), staff, page + "/mark",
      {{"candidate_kind", "volunteer"}, {"candidate_id", std::to_string(anna)}, {"mark", "maybe"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Markér forslaget"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM match_marks"), 0);

  HttpResult marked = testing::PostPage(server_->port(), staff, page + "/mark", not_relevant);
  EXPECT_EQ(marked.status, 303);
  shown = testing::GetPage(server_->port(), staff, page);
  EXPECT_EQ(shown.body.find("Anna Nielsen"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM match_marks"), 1);

  const auto aalborg = server_->LogInNew("aalborg", domain::Grant{Role::kMunicipalAdmin, "0851", {}, {}});
  EXPECT_EQ(
      testing::GetPage(server_->port(), aalborg, "/admin/0851/needs/" + std::to_string(need) + "/matches")
          .status,
      404);
}

INSTANTIATE_TEST_SUITE_P(Backends, MatchesApi,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
