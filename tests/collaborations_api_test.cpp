// /api/v1/collaborations and /api/v1/matrix end to end, on SQLite and PostgreSQL: the model's
// placement with its reasons, the lifecycle, who may record for which unit, partners the
// municipality may see, every bad field named at once, the overview's filters, the CSV and XLSX
// exports (formulas escaped), the matrix, and the audit log.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/agreement/agreement.h"
#include "storage/collaboration_store.h"
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

class CollaborationsApi : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    admin_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalAdmin, "0190")},
              {"Content-Type", "application/json"}};
    aalborg_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalAdmin, "0851")},
                {"Content-Type", "application/json"}};
    // Center for Sundhed og Omsorg with a department; Center for Dagtilbud beside it.
    administration_ =
        AddUnit("0190", domain::UnitKind::kAdministration, "Velfærdsforvaltningen", std::nullopt);
    health_ = AddUnit("0190", domain::UnitKind::kCenter, "Center for Sundhed og Omsorg", administration_);
    nursing_home_ = AddUnit("0190", domain::UnitKind::kDepartment, "Plejecenter Lillevang", health_);
    daycare_ = AddUnit("0190", domain::UnitKind::kCenter, "Center for Dagtilbud", administration_);
    const int64_t aalborg_admin =
        AddUnit("0851", domain::UnitKind::kAdministration, "Forvaltning", std::nullopt);
    aalborg_unit_ = AddUnit("0851", domain::UnitKind::kCenter, "Aalborg center", aalborg_admin);
    // Partners: public ones, one registered by this municipality, one private to Aalborg.
    red_cross_ = AddOrganisation("Røde Kors Furesø", "humanitarian_association", true, "");
    scouts_ = AddOrganisation("KFUM-Spejderne", "popular_education_association", true, "");
    knitters_ = AddOrganisation("Strikkecaféen", "community", false, "0190");
    aalborg_private_ = AddOrganisation("Aalborg Naboer", "community", false, "0851");
    employee_id_ = server_->AddUser("medarbejder@furesoe.test", "en lang adgangskode",
                                    domain::Grant{Role::kMunicipalEmployee, "0190", health_, std::nullopt});
    employee_ = {{"Cookie", server_->Login("medarbejder@furesoe.test", "en lang adgangskode")},
                 {"Content-Type", "application/json"}};
  }

  int64_t AddUnit(const std::string& municipality, domain::UnitKind kind, const std::string& name,
                  std::optional<int64_t> parent) {
    domain::Unit unit;
    unit.kind = kind;
    unit.name = name;
    unit.parent_id = parent;
    auto created = server_->app().units().Create(domain::MunicipalityScope(municipality),
                                                 domain::Actor::System("test", "t"), unit);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? created->id : 0;
  }
  int64_t AddOrganisation(const std::string& name, const std::string& kind, bool is_public,
                          const std::string& municipality) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO organisations (name, kind, is_public, municipality_code, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
        {name, kind, int64_t{is_public}, storage::NullIfEmpty(municipality)});
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows->front().Int(0) : 0;
  }
  int64_t Count(const std::string& table) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  HttpResult Post(const json& body, const Headers& headers) {
    return Send(server_->port(), "POST", "/api/v1/collaborations", body.dump(), headers);
  }
  json Create(const json& body) {
    const HttpResult result = Post(body, admin_);
    EXPECT_EQ(result.status, 201) << result.body;
    return json::parse(result.body, nullptr, false);
  }
  HttpResult Patch(const json& collaboration, const json& body, const Headers& headers) {
    Headers with = headers;
    with["If-Match"] = "\"collaboration-" + std::to_string(collaboration["id"].get<int64_t>()) + "-" +
                       std::to_string(collaboration["revision"].get<int64_t>()) + "\"";
    return Send(server_->port(), "PATCH",
                "/api/v1/collaborations/" + std::to_string(collaboration["id"].get<int64_t>()), body.dump(),
                with);
  }
  json List(const std::string& query) {
    const HttpResult result = Get(server_->port(), "/api/v1/collaborations?" + query, admin_);
    EXPECT_EQ(result.status, 200) << query << ": " << result.body;
    return json::parse(result.body, nullptr, false);
  }
  static std::vector<std::string> Fields(const HttpResult& result) {
    std::vector<std::string> fields;
    const json problem = json::parse(result.body, nullptr, false);
    if (!problem.contains("errors")) return fields;
    for (const auto& error : problem["errors"])
      fields.push_back(error["field"].get<std::string>() + "=" + error["code"].get<std::string>());
    return fields;
  }

  std::unique_ptr<TestServer> server_;
  Headers admin_, aalborg_, employee_;
  int64_t administration_ = 0, health_ = 0, nursing_home_ = 0, daycare_ = 0, aalborg_unit_ = 0;
  int64_t red_cross_ = 0, scouts_ = 0, knitters_ = 0, aalborg_private_ = 0;
  int64_t employee_id_ = 0;
};

TEST_P(CollaborationsApi, ACollaborationIsPlacedInTheModelWithItsReasons) {
  const json created = Create({{"title", "Besøgsvenner på plejecentret"},
                               {"unit_ids", {nursing_home_}},
                               {"partner_ids", {red_cross_}},
                               {"status", "active"},
                               {"form", "partnership"},
                               {"welfare_area", "elderly"},
                               {"target_group", "lonely"},
                               {"postcode", "3520"},
                               {"involvement_facts", {{"staff_take_part", true}, {"rooms_lent", true}}}});
  EXPECT_EQ(created["involvement_level"], "high");
  EXPECT_EQ(created["volunteer_type"], "associations");
  EXPECT_EQ(created["quadrant"], 1);
  EXPECT_EQ(created["adjacent_quadrants"], json::array());
  EXPECT_EQ(created["reasons"][0]["fact"], "staff_take_part");
  EXPECT_EQ(created["reasons"][1]["kind"], "humanitarian_association");
  EXPECT_EQ(created["units"][0]["name"], "Plejecenter Lillevang");
  EXPECT_EQ(created["partners"][0]["name"], "Røde Kors Furesø");
  EXPECT_EQ(created["postcode"], "3520");

  // Medium involvement with a community: no quadrant, between 2 and 4.
  const json medium = Create({{"title", "Strikkeklub"},
                              {"unit_ids", {daycare_}},
                              {"partner_ids", {knitters_}},
                              {"involvement_facts", {{"contact_person", true}}}});
  EXPECT_EQ(medium["involvement_level"], "medium");
  EXPECT_TRUE(medium["quadrant"].is_null());
  EXPECT_EQ(medium["adjacent_quadrants"], json::array({2, 4}));
  EXPECT_EQ(medium["status"], "idea");  // the default
  EXPECT_EQ(medium["form"], "ad_hoc");

  // Both creations are in the audit log, with the placement.
  auto entries = server_->app().audit().List(domain::MunicipalityScope("0190"), 100, 0);
  ASSERT_TRUE(entries.ok());
  const auto count = std::count_if(entries->begin(), entries->end(),
                                   [](const auto& e) { return e.action == "collaboration.create"; });
  EXPECT_EQ(count, 2);
}

TEST_P(CollaborationsApi, AnOverrideNeedsAReasonAndMovesTheCollaboration) {
  const json created = Create({{"title", "Lektiecafé"},
                               {"unit_ids", {daycare_}},
                               {"partner_ids", {scouts_}},
                               {"involvement_facts", {{"rooms_lent", true}}}});
  EXPECT_EQ(created["quadrant"], 3);
  const HttpResult refused =
      Patch(created, {{"involvement_override", {{"level", "high"}, {"reason", "   "}}}}, admin_);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(Fields(refused),
            std::vector<std::string>{"involvement_override.reason=collaboration.error.override_reason"});
  const HttpResult overridden = Patch(
      created, {{"involvement_override", {{"level", "high"}, {"reason", "Pædagogerne deltager hver uge."}}}},
      admin_);
  ASSERT_EQ(overridden.status, 200) << overridden.body;
  const json after = json::parse(overridden.body);
  EXPECT_EQ(after["involvement_level"], "high");
  EXPECT_EQ(after["involvement_level_derived"], "low");
  EXPECT_EQ(after["involvement_override"]["reason"], "Pædagogerne deltager hver uge.");
  EXPECT_EQ(after["quadrant"], 1);
  // The stored placement follows, so the filter finds it in quadrant 1.
  EXPECT_EQ(List("quadrant=1")["total"], 1);
  EXPECT_EQ(List("quadrant=3")["total"], 0);
}

TEST_P(CollaborationsApi, EveryBadFieldIsNamedAndNothingIsStored) {
  const HttpResult result = Post({{"title", ""},
                                  {"unit_ids", {daycare_}},
                                  {"partner_ids", {aalborg_private_}},
                                  {"starts_on", "2026-05-01"},
                                  {"ends_on", "2026-04-01"},
                                  {"welfare_area", "astrology"},
                                  {"postcode", "9999"},
                                  {"budget_dkk", -5}},
                                 admin_);
  ASSERT_EQ(result.status, 422) << result.body;
  const std::vector<std::string> expected = {"title=validation.required",
                                             "ends_on=collaboration.error.ends_before_start",
                                             "budget_dkk=validation.not_negative",
                                             "partner_ids=collaboration.error.unknown_partner",
                                             "welfare_area=collaboration.error.unknown_term",
                                             "postcode=validation.postcode_unknown"};
  EXPECT_EQ(Fields(result), expected);
  EXPECT_EQ(json::parse(result.body)["errors"][1]["detail"], "Slutdatoen ligger før startdatoen.");
  // Types and unknown fields are named before anything is looked up.
  const HttpResult types = Post({{"title", 7},
                                 {"unit_ids", "alle"},
                                 {"status", "done"},
                                 {"involvement_facts", {{"free_coffee", true}}},
                                 {"colour", "red"}},
                                admin_);
  ASSERT_EQ(types.status, 422);
  EXPECT_EQ(
      Fields(types),
      (std::vector<std::string>{
          "colour=error.unknown_field", "involvement_facts.free_coffee=collaboration.error.facts",
          "status=collaboration.error.status", "title=validation.type_text", "unit_ids=validation.id_list"}));
  const HttpResult dates =
      Post({{"title", "X"}, {"unit_ids", {daycare_}}, {"starts_on", "1. maj 2026"}}, admin_);
  EXPECT_EQ(Fields(dates), std::vector<std::string>{"starts_on=validation.date"});
  EXPECT_EQ(Count("collaborations"), 0);
  EXPECT_EQ(Count("audit_log WHERE entity = 'collaboration'"), 0);
}

TEST_P(CollaborationsApi, UnitsAreTheCallersAndTenantsStaySeparate) {
  // Another municipality's unit is unknown here.
  const HttpResult foreign = Post({{"title", "X"}, {"unit_ids", {aalborg_unit_}}}, admin_);
  EXPECT_EQ(Fields(foreign), std::vector<std::string>{"unit_ids=collaboration.error.unknown_unit"});
  // An employee of the health center records for its department, not for day care.
  const HttpResult own = Post({{"title", "Gåtur"}, {"unit_ids", {nursing_home_}}}, employee_);
  EXPECT_EQ(own.status, 201) << own.body;
  const HttpResult other = Post({{"title", "Gåtur"}, {"unit_ids", {daycare_}}}, employee_);
  EXPECT_EQ(Fields(other), std::vector<std::string>{"unit_ids=collaboration.error.unit_not_yours"});
  // … nor change day care's collaborations, though they may read them.
  const json daycare = Create({{"title", "Skovbørnehave"}, {"unit_ids", {daycare_}}});
  const std::string path = "/api/v1/collaborations/" + std::to_string(daycare["id"].get<int64_t>());
  EXPECT_EQ(Get(server_->port(), path, employee_).status, 200);
  EXPECT_EQ(Patch(daycare, {{"title", "Min nu"}}, employee_).status, 403);
  // Aalborg does not see Furesø's collaboration at all.
  EXPECT_EQ(Get(server_->port(), path, aalborg_).status, 404);
  EXPECT_EQ(Patch(daycare, {{"title", "Vores nu"}}, aalborg_).status, 404);
  EXPECT_EQ(json::parse(Get(server_->port(), path, admin_).body)["title"], "Skovbørnehave");
  // No units: refused.
  EXPECT_EQ(Fields(Post({{"title", "X"}, {"unit_ids", json::array()}}, admin_)),
            std::vector<std::string>{"unit_ids=validation.required"});
}

TEST_P(CollaborationsApi, TheStatusFollowsTheLifecycle) {
  json c = Create({{"title", "Motion for seniorer"}, {"unit_ids", {health_}}, {"status", "planned"}});
  HttpResult step = Patch(c, {{"status", "active"}}, admin_);
  ASSERT_EQ(step.status, 200);
  c = json::parse(step.body);
  const HttpResult back = Patch(c, {{"status", "idea"}}, admin_);
  EXPECT_EQ(Fields(back), std::vector<std::string>{"status=collaboration.error.status_change"});
  step = Patch(c, {{"status", "ended"}}, admin_);
  ASSERT_EQ(step.status, 200);
  c = json::parse(step.body);
  EXPECT_EQ(Patch(c, {{"status", "active"}}, admin_).status, 422);  // ended is final
  // A stale revision is 412.
  json stale = c;
  stale["revision"] = 1;
  EXPECT_EQ(Patch(stale, {{"title", "Y"}}, admin_).status, 412);
}

TEST_P(CollaborationsApi, TheOverviewFiltersSortsAndPages) {
  Create({{"title", "Besøgsven"},
          {"unit_ids", {nursing_home_}},
          {"partner_ids", {red_cross_}},
          {"status", "active"},
          {"welfare_area", "elderly"},
          {"description", "For ÆLDRE borgere"},
          {"involvement_facts", {{"staff_take_part", true}}}});
  Create({{"title", "Spejder i børnehaven"},
          {"unit_ids", {daycare_}},
          {"partner_ids", {scouts_}},
          {"status", "planned"},
          {"form", "ongoing"},
          {"involvement_facts", {{"rooms_lent", true}}}});
  Create({{"title", "Strikkecafé"},
          {"unit_ids", {health_}},
          {"partner_ids", {knitters_}},
          {"involvement_facts", {{"coordination", true}}}});
  EXPECT_EQ(List("")["total"], 3);
  EXPECT_EQ(List("unit_id=" + std::to_string(health_))["total"], 2);  // the center and its department
  EXPECT_EQ(List("unit_id=" + std::to_string(nursing_home_))["total"], 1);
  EXPECT_EQ(List("level=medium")["items"][0]["title"], "Strikkecafé");
  EXPECT_EQ(List("quadrant=3")["items"][0]["title"], "Spejder i børnehaven");
  EXPECT_EQ(List("organisation_kind=community")["total"], 1);
  EXPECT_EQ(List("welfare_area=elderly")["total"], 1);
  EXPECT_EQ(List("form=ongoing")["total"], 1);
  EXPECT_EQ(List("status=active")["total"], 1);
  EXPECT_EQ(List("q=%C3%A6ldre+borgere")["items"][0]["title"], "Besøgsven");  // "ældre" finds "ÆLDRE"
  EXPECT_EQ(List("q=100%25")["total"], 0);                                    // % is a literal
  const json page = List("sort=-title&limit=2");
  EXPECT_EQ(page["items"][0]["title"], "Strikkecafé");
  EXPECT_EQ(page["next_offset"], 2);
  EXPECT_EQ(List("sort=-title&limit=2&offset=2")["items"][0]["title"], "Besøgsven");
  EXPECT_EQ(List("sort=level")["items"][2]["title"], "Besøgsven");
  const HttpResult bad =
      Get(server_->port(), "/api/v1/collaborations?quadrant=7&level=huge&sort=colour", admin_);
  EXPECT_EQ(Fields(bad),
            (std::vector<std::string>{"quadrant=overview.error.quadrant", "level=overview.error.level",
                                      "sort=overview.error.sort"}));
}

TEST_P(CollaborationsApi, ExportsAreSpreadsheetSafe) {
  Create({{"title", "=HYPERLINK(\"http://evil.example\";\"Klik\")"},
          {"unit_ids", {daycare_}},
          {"partner_ids", {scouts_}},
          {"locality", "Farum; Værløse"},
          {"staff_hours_per_year", 40}});
  const HttpResult csv = Get(server_->port(), "/api/v1/collaborations?format=csv", admin_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("content-disposition").find("attachment; filename=\"samarbejdsforloeb-0190-"),
            std::string::npos);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.body.substr(3, 16), "Nr.;Titel;Enhede");
  EXPECT_NE(csv.body.find(";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Klik\"\")\";"), std::string::npos);
  EXPECT_NE(csv.body.find("\"Farum; Værløse\""), std::string::npos);
  EXPECT_NE(csv.body.find(";Folkeoplysende forening;"), std::string::npos);
  EXPECT_NE(csv.body.find(";40;"), std::string::npos);
  const HttpResult xlsx = Get(server_->port(), "/api/v1/collaborations?format=xlsx", admin_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");  // a ZIP container
  EXPECT_GT(xlsx.body.size(), 1000U);
  EXPECT_EQ(Get(server_->port(), "/api/v1/collaborations?format=pdf", admin_).status, 422);
}

TEST_P(CollaborationsApi, TheMatrixCountsQuadrantsAndTheMediumBand) {
  Create({{"title", "A"},
          {"unit_ids", {daycare_}},
          {"partner_ids", {scouts_}},
          {"involvement_facts", {{"dedicated_budget", true}}}});
  Create({{"title", "B"},
          {"unit_ids", {daycare_}},
          {"partner_ids", {knitters_}},
          {"involvement_facts", {{"rooms_lent", true}}}});
  Create({{"title", "C"},
          {"unit_ids", {daycare_}},
          {"partner_ids", {knitters_}},
          {"involvement_facts", {{"coordination", true}}}});
  Create({{"title", "D"}, {"unit_ids", {daycare_}}});
  const HttpResult result = Get(server_->port(), "/api/v1/matrix", admin_);
  ASSERT_EQ(result.status, 200);
  const json matrix = json::parse(result.body);
  EXPECT_EQ(matrix["counts"], json({{"1", 1}, {"2", 0}, {"3", 0}, {"4", 1}}));
  EXPECT_EQ(matrix["medium"]["communities_and_individuals"], 1);
  EXPECT_EQ(matrix["unplaced"], 1);
  EXPECT_EQ(matrix["total"], 4);
  EXPECT_EQ(matrix["points"][0]["href"].get<std::string>().rfind("/admin/0190/collaborations/", 0), 0U);
  // B (rooms lent) and D (no facts recorded: low, decision 0006).
  EXPECT_EQ(json::parse(Get(server_->port(), "/api/v1/matrix?level=low", admin_).body)["total"], 2);
}

TEST_P(CollaborationsApi, APartnersNewKindMovesItsCollaborations) {
  const json c = Create({{"title", "Naboskab"},
                         {"unit_ids", {daycare_}},
                         {"partner_ids", {knitters_}},
                         {"involvement_facts", {{"rooms_lent", true}}}});
  EXPECT_EQ(c["quadrant"], 4);
  {
    auto lease = server_->app().database().Acquire();
    ASSERT_TRUE(
        (*lease)
            ->Execute("UPDATE organisations SET kind = 'humanitarian_association' WHERE id = ?", {knitters_})
            .ok());
    ASSERT_TRUE(storage::RefreshPartnerPlacements(**lease, knitters_, "2026-11-23T00:00:00Z").ok());
  }
  EXPECT_EQ(List("quadrant=3")["total"], 1);
  EXPECT_EQ(List("quadrant=4")["total"], 0);
}

TEST_P(CollaborationsApi, ASignedAgreementSetsTheFactAndRemindsTheResponsibleBeforeReview) {
  const json c = Create({{"title", "Besøgsvenner"},
                         {"unit_ids", {nursing_home_}},
                         {"partner_ids", {red_cross_}},
                         {"involvement_facts", {{"rooms_lent", true}}}});
  EXPECT_EQ(c["quadrant"], 3);
  const std::string base = "/api/v1/collaborations/" + std::to_string(c["id"].get<int64_t>()) + "/agreements";
  const std::string today = FormatUtc(server_->clock().Now()).substr(0, 10);
  // Every bad field at once; nothing stored.
  const HttpResult bad =
      Send(server_->port(), "POST", base,
           json({{"status", "signed"}, {"review_on", "2020-01-01"}, {"colour", "red"}}).dump(), admin_);
  EXPECT_EQ(Fields(bad), std::vector<std::string>{"colour=error.unknown_field"});
  const HttpResult rules =
      Send(server_->port(), "POST", base,
           json({{"status", "signed"}, {"review_on", domain::AddDays(today, 20)}}).dump(), admin_);
  EXPECT_EQ(Fields(rules),
            (std::vector<std::string>{"signed_on=agreement.error.signed_on_required",
                                      "responsible_user_id=agreement.error.responsible_required"}));
  EXPECT_EQ(Count("partnership_agreements"), 0);
  // A signed agreement, reviewed in 20 days, with the employee responsible.
  const HttpResult created = Send(server_->port(), "POST", base,
                                  json({{"status", "signed"},
                                        {"signed_on", "2025-01-10"},
                                        {"review_on", domain::AddDays(today, 20)},
                                        {"municipality_obligations", "Lokaler og en kontaktperson."},
                                        {"partner_obligations", "Faste besøgsvenner hver uge."},
                                        {"responsible_user_id", employee_id_}})
                                      .dump(),
                                  admin_);
  ASSERT_EQ(created.status, 201) << created.body;
  // The collaboration now has the fact, and is placed high (quadrant 1).
  const json after = json::parse(
      Get(server_->port(), "/api/v1/collaborations/" + std::to_string(c["id"].get<int64_t>()), admin_).body);
  EXPECT_EQ(after["involvement_facts"]["partnership_agreement"], true);
  EXPECT_EQ(after["quadrant"], 1);
  EXPECT_EQ(List("quadrant=1")["total"], 1);
  // The responsible employee has the reminder; the admin (not responsible) has none.
  const HttpResult tasks = Get(server_->port(), "/api/v1/me/tasks", employee_);
  ASSERT_EQ(tasks.status, 200);
  const json items = json::parse(tasks.body)["items"];
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0]["kind"], "agreement_review");
  EXPECT_EQ(items[0]["agreement"]["collaboration_title"], "Besøgsvenner");
  EXPECT_EQ(items[0]["overdue"], false);
  // Moved to a review date 40 days ahead: not yet in the list; ended: never.
  json agreement = json::parse(created.body);
  Headers with = admin_;
  with["If-Match"] = created.header("etag");
  const HttpResult later =
      Send(server_->port(), "PATCH", "/api/v1/agreements/" + std::to_string(agreement["id"].get<int64_t>()),
           json({{"review_on", domain::AddDays(today, 40)}}).dump(), with);
  ASSERT_EQ(later.status, 200) << later.body;
  EXPECT_EQ(json::parse(Get(server_->port(), "/api/v1/me/tasks", employee_).body)["items"].size(), 0U);
  // Back to draft is not a step in the lifecycle.
  with["If-Match"] = later.header("etag");
  const HttpResult draft =
      Send(server_->port(), "PATCH", "/api/v1/agreements/" + std::to_string(agreement["id"].get<int64_t>()),
           json({{"status", "draft"}}).dump(), with);
  EXPECT_EQ(Fields(draft), std::vector<std::string>{"status=agreement.error.status_change"});
  // Another municipality does not see it; an employee outside the units may read but not change.
  EXPECT_EQ(
      Get(server_->port(), "/api/v1/agreements/" + std::to_string(agreement["id"].get<int64_t>()), aalborg_)
          .status,
      404);
  const json daycare = Create({{"title", "Dagtilbud"}, {"unit_ids", {daycare_}}});
  const HttpResult foreign =
      Send(server_->port(), "POST",
           "/api/v1/collaborations/" + std::to_string(daycare["id"].get<int64_t>()) + "/agreements",
           json({{"status", "draft"}}).dump(), employee_);
  EXPECT_EQ(foreign.status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, CollaborationsApi,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
