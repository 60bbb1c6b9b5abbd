// An offer's and an organisation's matches end to end, on SQLite and PostgreSQL
// (docs/decisions/0016-offermatch.md): needs ranked for an offer with every factor's points, the
// hard constraints (closed needs, another municipality's private needs, the offer's travel_km),
// the tie rule, municipal units ranked from their needs and collaborations, marks (not relevant
// no longer proposed, contacted shown, a candidate out of reach refused), who may ask (the owner,
// the staff of an offered municipality who see only their own, anyone else "not found"), bad
// input, and an association's and a company's matches.
#include <gtest/gtest.h>

#include <set>

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

class OfferMatchesApi : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    furesoe_ = Bearer(server_->AddToken(Role::kMunicipalEmployee, "0190"));
    aalborg_ = Bearer(server_->AddToken(Role::kMunicipalAdmin, "0851"));
    copenhagen_ = Bearer(server_->AddToken(Role::kMunicipalAdmin, "0101"));
    elderly_unit_ =
        server_->AddUnit("0190", domain::UnitKind::kAdministration, "Ældre og Sundhed", std::nullopt).id;
    children_unit_ =
        server_->AddUnit("0190", domain::UnitKind::kAdministration, "Børn og Unge", std::nullopt).id;
    culture_unit_ =
        server_->AddUnit("0190", domain::UnitKind::kAdministration, "Kultur og Fritid", std::nullopt).id;
    empty_unit_ =
        server_->AddUnit("0190", domain::UnitKind::kAdministration, "Teknik og Miljø", std::nullopt).id;
    aalborg_unit_ =
        server_->AddUnit("0851", domain::UnitKind::kAdministration, "Forvaltning", std::nullopt).id;
    company_ = Organisation("Byggefirma A/S", "company", ",elderly,", ",lonely,", "3500", "Vi bygger huse.");
    association_ = Organisation("Farum Besøgsvenner", "humanitarian_association", ",elderly,", ",lonely,",
                                "3520", "Besøgsvenner til ensomme ældre.");
    server_->AddUser("firma@byggefirma.test", "en lang adgangskode",
                     domain::Grant{Role::kOrganisationMember, "", std::nullopt, company_});
    owner_ = Session("firma@byggefirma.test");
    server_->AddUser("forening@besoeg.test", "en lang adgangskode",
                     domain::Grant{Role::kOrganisationAdmin, "", std::nullopt, association_});
    association_admin_ = Session("forening@besoeg.test");
    server_->AddUser("frivillig@example.test", "en lang adgangskode", std::nullopt);
    stranger_ = Session("frivillig@example.test");

    const HttpResult created = Send(server_->port(), "POST", "/api/v1/offers", OfferBody().dump(), owner_);
    EXPECT_EQ(created.status, 201) << created.body;
    offer_ = json::parse(created.body, nullptr, false).value("id", int64_t{0});
  }

  static Headers Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
  }
  Headers Session(const std::string& email) {
    return {{"Cookie", server_->Login(email, "en lang adgangskode")}, {"Content-Type", "application/json"}};
  }
  json OfferBody() const {
    return {{"organisation_id", company_},
            {"kind", "skills"},
            {"title", "Besøgsven til ældre"},
            {"description", "Kaffe og gåture med ensomme ældre."},
            {"skills", {"visiting_friend"}},
            {"languages", {"da"}},
            {"welfare_areas", {"elderly"}},
            {"target_groups", {"lonely"}},
            {"availability", {{"mon", {"morning"}}}},
            {"postcode", "3520"},
            {"travel_km", 20},
            {"municipalities", {"0190", "0851"}}};
  }

  int64_t Insert(const std::string& sql, const storage::Params& params) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : 0;
  }
  int64_t Organisation(const std::string& name, const std::string& kind, const std::string& areas,
                       const std::string& groups, const std::string& postcode,
                       const std::string& description) {
    return Insert(
        "INSERT INTO organisations (name, kind, is_public, welfare_areas, target_groups, postcode, "
        "description, "
        "created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z') "
        "RETURNING id",
        {name, kind, areas, groups, postcode, description});
  }
  struct NeedRow {
    std::string municipality = "0190";
    int64_t unit = 0;
    std::string title = "Besøgsven til ældre";
    std::string description = "Kaffe og gåture med ensomme ældre.";
    std::string skills = ",visiting_friend,";
    std::string languages = ",da,";
    std::optional<std::string> welfare_area = "elderly";
    std::optional<std::string> target_group = "lonely";
    int64_t availability = 1;  // Monday morning
    std::optional<std::string> postcode = "3520";
    std::string visibility = "public";
    std::string status = "open";
  };
  int64_t Need(const NeedRow& n) {
    const auto opt = [](const std::optional<std::string>& v) {
      return v ? storage::Value(*v) : storage::Value(storage::Null{});
    };
    return Insert(
        "INSERT INTO needs (municipality_code, unit_id, title, description, skills, languages, welfare_area, "
        "target_group, availability, postcode, visibility, status, created_at, updated_at) VALUES (?, ?, ?, "
        "?, "
        "?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
        {n.municipality, n.unit, n.title, n.description, n.skills, n.languages, opt(n.welfare_area),
         opt(n.target_group), n.availability, opt(n.postcode), n.visibility, n.status});
  }
  // An unrelated need: only what the test sets scores.
  NeedRow Plain(const std::string& municipality, int64_t unit) const {
    NeedRow n;
    n.municipality = municipality;
    n.unit = unit;
    n.title = "Telefonkæde";
    n.description = "Opkald hver uge.";
    n.skills = ",";
    n.languages = ",";
    n.welfare_area.reset();
    n.target_group.reset();
    n.availability = 0;
    n.postcode.reset();
    return n;
  }

  std::string Path(const std::string& rest = "") const {
    return "/api/v1/offers/" + std::to_string(offer_) + "/matches" + rest;
  }
  json Matches(const Headers& who, const std::string& query = "") {
    const HttpResult result = Get(server_->port(), Path(query), who);
    EXPECT_EQ(result.status, 200) << result.body;
    return json::parse(result.body, nullptr, false);
  }
  static std::vector<int64_t> Ids(const json& body) {
    std::vector<int64_t> ids;
    for (const auto& item : body["items"]) ids.push_back(item["candidate_id"].get<int64_t>());
    return ids;
  }
  static std::map<std::string, double> Factors(const json& item) {
    std::map<std::string, double> out;
    for (const auto& f : item["factors"]) out[f["factor"].get<std::string>()] = f["points"].get<double>();
    return out;
  }
  HttpResult Mark(const Headers& who, const std::string& kind, int64_t candidate, const std::string& body,
                  const std::string& method = "PUT") {
    return Send(server_->port(), method, Path("/" + kind + "/" + std::to_string(candidate) + "/mark"), body,
                who);
  }
  int64_t Count(const std::string& sql) { return Insert(sql, {}); }

  std::unique_ptr<TestServer> server_;
  Headers furesoe_, aalborg_, copenhagen_, owner_, association_admin_, stranger_;
  int64_t elderly_unit_ = 0, children_unit_ = 0, culture_unit_ = 0, empty_unit_ = 0, aalborg_unit_ = 0;
  int64_t company_ = 0, association_ = 0, offer_ = 0;
};

TEST_P(OfferMatchesApi, NeedsAreRankedWithTheirFactorsTheHardConstraintsAndTheTieRule) {
  const int64_t best = Need({.unit = elderly_unit_});
  NeedRow near = Plain("0190", children_unit_);
  near.welfare_area = "elderly";
  near.postcode = "3500";  // Værløse, a few km from Farum
  const int64_t nearby = Need(near);
  NeedRow private_need{.unit = elderly_unit_};
  private_need.visibility = "private";
  const int64_t furesoe_private = Need(private_need);
  NeedRow closed{.unit = elderly_unit_};
  closed.status = "closed";
  Need(closed);
  NeedRow far{.municipality = "0851", .unit = aalborg_unit_};
  far.postcode = "9000";  // Aalborg: beyond the offer's 20 km
  Need(far);
  NeedRow aalborg_private = Plain("0851", aalborg_unit_);
  aalborg_private.target_group = "lonely";
  aalborg_private.visibility = "private";
  const int64_t aalborg_hidden = Need(aalborg_private);
  NeedRow unplaced = Plain("0851", aalborg_unit_);
  unplaced.target_group = "lonely";
  const int64_t tie_a = Need(unplaced);
  const int64_t tie_b = Need(unplaced);

  // The owner: public open needs of both municipalities, never the closed, private or too far ones.
  json body = Matches(owner_);
  EXPECT_EQ(body["kind"], "needs");
  EXPECT_EQ(body["offer_id"], offer_);
  EXPECT_EQ(Ids(body), (std::vector<int64_t>{best, nearby, tie_a, tie_b}));
  const json& first = body["items"][0];
  EXPECT_EQ(first["candidate_kind"], "need");
  EXPECT_EQ(first["display_name"], "Besøgsven til ældre");
  EXPECT_EQ(first["municipality_code"], "0190");
  EXPECT_EQ(first["score"], 100.0);
  EXPECT_EQ(Factors(first), (std::map<std::string, double>{{"welfare_area", 15},
                                                           {"target_group", 15},
                                                           {"skills", 30},
                                                           {"languages", 10},
                                                           {"distance", 15},
                                                           {"availability", 10},
                                                           {"text", 5}}));
  const json& second = body["items"][1];
  EXPECT_EQ(Factors(second)["welfare_area"], 15);
  EXPECT_GT(Factors(second)["distance"], 0);
  EXPECT_EQ(Factors(second)["skills"], 0);
  // Equal scores, both without a place: the lower id first.
  EXPECT_EQ(body["items"][2]["score"], 15.0);
  EXPECT_EQ(body["items"][3]["score"], 15.0);
  EXPECT_EQ(body["items"][2]["distance_km"], nullptr);

  // Furesø's staff: Furesø's open needs, its private one too (tied with the best: the lower id).
  EXPECT_EQ(Ids(Matches(furesoe_)), (std::vector<int64_t>{best, furesoe_private, nearby}));
  // Aalborg's staff: Aalborg's open needs, its private one too.
  EXPECT_EQ(Ids(Matches(aalborg_)), (std::vector<int64_t>{aalborg_hidden, tie_a, tie_b}));
  EXPECT_EQ(Ids(Matches(owner_, "?limit=1")), std::vector<int64_t>{best});
}

TEST_P(OfferMatchesApi, UnitsAreRankedFromTheirNeedsAndCollaborations) {
  Need({.unit = elderly_unit_});
  NeedRow children = Plain("0190", children_unit_);
  children.welfare_area = "elderly";
  Need(children);
  NeedRow aalborg = Plain("0851", aalborg_unit_);
  aalborg.target_group = "lonely";
  Need(aalborg);
  const int64_t collaboration = Insert(
      "INSERT INTO collaborations (municipality_code, title, welfare_area, status, form, derived_level, "
      "level, "
      "created_at, updated_at) VALUES ('0190', 'Seniorcafé', 'elderly', 'active', 'ongoing', 'low', 'low', "
      "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
      {});
  Insert(
      "INSERT INTO collaboration_units (collaboration_id, municipality_code, unit_id) VALUES (?, '0190', ?) "
      "RETURNING unit_id",
      {collaboration, culture_unit_});

  json body = Matches(owner_, "?kind=units");
  EXPECT_EQ(body["kind"], "units");
  // The unit with the fitting need first (everything but distance: a unit has no address);
  // the others 15 each, by id. A unit with neither needs nor collaborations is not proposed.
  EXPECT_EQ(Ids(body), (std::vector<int64_t>{elderly_unit_, children_unit_, culture_unit_, aalborg_unit_}));
  EXPECT_EQ(body["items"][0]["score"], 85.0);
  EXPECT_EQ(body["items"][0]["display_name"], "Ældre og Sundhed");
  EXPECT_EQ(body["items"][0]["candidate_kind"], "unit");
  EXPECT_EQ(Factors(body["items"][0])["distance"], 0);
  EXPECT_EQ(Factors(body["items"][2])["welfare_area"], 15);
  EXPECT_EQ(body["items"][3]["municipality_code"], "0851");
  // Furesø's staff see Furesø's units only.
  EXPECT_EQ(Ids(Matches(furesoe_, "?kind=units")),
            (std::vector<int64_t>{elderly_unit_, children_unit_, culture_unit_}));
}

TEST_P(OfferMatchesApi, MarksStopProposalsAreShownAndStayInReach) {
  const int64_t best = Need({.unit = elderly_unit_});
  NeedRow near = Plain("0190", children_unit_);
  near.welfare_area = "elderly";
  const int64_t other = Need(near);
  NeedRow private_need{.unit = elderly_unit_};
  private_need.visibility = "private";
  const int64_t hidden = Need(private_need);
  const int64_t audit_before = Count("SELECT COUNT(*) FROM audit_log");

  EXPECT_EQ(Mark(owner_, "need", best, R"({"mark": "not_relevant"})").status, 200);
  EXPECT_EQ(Mark(furesoe_, "need", other, R"({"mark": "contacted"})").status, 200);
  json body = Matches(owner_);
  EXPECT_EQ(Ids(body), std::vector<int64_t>{other});
  EXPECT_EQ(body["items"][0]["mark"], "contacted");
  EXPECT_EQ(Ids(Matches(furesoe_)), (std::vector<int64_t>{hidden, other}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'offer.match_mark'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM match_marks WHERE subject_kind = 'offer'"), 2);

  // Units are marked the same way.
  EXPECT_EQ(Mark(owner_, "unit", elderly_unit_, R"({"mark": "contacted"})").status, 200);
  EXPECT_EQ(Matches(owner_, "?kind=units")["items"][0]["mark"], "contacted");

  // Cleared: proposed again.
  EXPECT_EQ(Mark(owner_, "need", best, "", "DELETE").status, 204);
  EXPECT_EQ(Ids(Matches(owner_)), (std::vector<int64_t>{best, other}));
  EXPECT_EQ(Mark(owner_, "need", best, "", "DELETE").status, 404);
  const int64_t audit_after = Count("SELECT COUNT(*) FROM audit_log");
  EXPECT_EQ(audit_after, audit_before + 4);

  // Out of reach, unknown, or of a kind an offer is never proposed: not found, nothing written.
  EXPECT_EQ(Mark(owner_, "need", hidden, R"({"mark": "contacted"})").status, 404);
  EXPECT_EQ(Mark(owner_, "need", 999999, R"({"mark": "contacted"})").status, 404);
  EXPECT_EQ(Mark(aalborg_, "unit", elderly_unit_, R"({"mark": "contacted"})").status, 404);
  const HttpResult wrong_kind = Mark(owner_, "volunteer", 1, R"({"mark": "contacted"})");
  EXPECT_EQ(wrong_kind.status, 404);
  EXPECT_NE(wrong_kind.header("content-type").find("application/problem+json"), std::string::npos);
  EXPECT_NE(wrong_kind.body.find("tilbud får foreslået behov"), std::string::npos) << wrong_kind.body;
  EXPECT_EQ(Mark(owner_, "citizen", 1, R"({"mark": "contacted"})").status, 404);
  EXPECT_EQ(Mark(owner_, "need", other, R"({"mark": "maybe"})").status, 422);
  EXPECT_EQ(Mark(owner_, "need", other, R"({"mark": "contacted", "extra": 1})").status, 422);
  // A need's marks are not an offer's: the need side refuses the offer's kinds.
  EXPECT_EQ(Send(server_->port(), "PUT",
                 "/api/v1/needs/" + std::to_string(best) + "/matches/unit/" + std::to_string(elderly_unit_) +
                     "/mark",
                 R"({"mark": "contacted"})", furesoe_)
                .status,
            404);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit_after);
}

TEST_P(OfferMatchesApi, OnlyTheOwnerAndTheStaffOfAnOfferedMunicipalityMayAsk) {
  Need({.unit = elderly_unit_});
  EXPECT_EQ(Get(server_->port(), Path(), owner_).status, 200);
  EXPECT_EQ(Get(server_->port(), Path(), furesoe_).status, 200);
  EXPECT_EQ(Get(server_->port(), Path(), aalborg_).status, 200);
  for (const Headers* other : {&copenhagen_, &stranger_, &association_admin_}) {
    EXPECT_EQ(Get(server_->port(), Path(), *other).status, 404);
    EXPECT_EQ(Mark(*other, "need", 1, R"({"mark": "contacted"})").status, 404);
  }
  EXPECT_EQ(Get(server_->port(), Path(), {}).status, 401);
  EXPECT_EQ(Get(server_->port(), "/api/v1/offers/999999/matches", owner_).status, 404);
  EXPECT_EQ(Get(server_->port(), "/api/v1/offers/x/matches", owner_).status, 404);
  for (const char* query : {"?kind=volunteers", "?limit=0", "?limit=101", "?limit=x"}) {
    const HttpResult result = Get(server_->port(), Path(query), owner_);
    EXPECT_EQ(result.status, 422) << query;
    EXPECT_NE(result.header("content-type").find("application/problem+json"), std::string::npos);
  }
}

TEST_P(OfferMatchesApi, AnAssociationFindsCompaniesOffersAndACompanyFindsAssociations) {
  // A person's offer is never proposed (personal data); nor a closed one.
  json personal = OfferBody();
  personal.erase("organisation_id");
  EXPECT_EQ(Send(server_->port(), "POST", "/api/v1/offers", personal.dump(), stranger_).status, 201);

  const std::string association_path = "/api/v1/organisations/" + std::to_string(association_) + "/matches";
  HttpResult found = Get(server_->port(), association_path, association_admin_);
  ASSERT_EQ(found.status, 200) << found.body;
  json body = json::parse(found.body);
  EXPECT_EQ(body["kind"], "offers");
  EXPECT_EQ(Ids(body), std::vector<int64_t>{offer_});
  // Same area, same group, same postcode, three words in common; the association asks for no
  // skills, languages or times.
  EXPECT_EQ(body["items"][0]["score"], 50.0);
  EXPECT_EQ(Factors(body["items"][0])["distance"], 15);

  const std::string company_path = "/api/v1/organisations/" + std::to_string(company_) + "/matches";
  found = Get(server_->port(), company_path, owner_);
  ASSERT_EQ(found.status, 200) << found.body;
  body = json::parse(found.body);
  EXPECT_EQ(body["kind"], "organisations");
  ASSERT_FALSE(body["items"].empty());
  EXPECT_EQ(body["items"][0]["candidate_id"], association_);
  for (const auto& item : body["items"]) EXPECT_NE(item["candidate_id"], company_);

  // Not the caller's organisation: not found; bad input refused.
  EXPECT_EQ(Get(server_->port(), company_path, association_admin_).status, 404);
  EXPECT_EQ(Get(server_->port(), company_path, furesoe_).status, 404);
  EXPECT_EQ(Get(server_->port(), company_path, stranger_).status, 404);
  EXPECT_EQ(Get(server_->port(), company_path + "?limit=0", owner_).status, 422);
  EXPECT_EQ(Get(server_->port(), "/api/v1/organisations/999999/matches", owner_).status, 404);
}

TEST_P(OfferMatchesApi, TheOwnersPageShowsTheProposalsAndMarksThemWithItsCsrfToken) {
  const int64_t need = Need({.unit = elderly_unit_});
  const auto owner = server_->LogInNew("ejer", domain::Grant{Role::kOrganisationAdmin, "", {}, company_});
  const std::string page = "/account/offers/" + std::to_string(offer_) + "/matches";
  HttpResult shown = testing::GetPage(server_->port(), owner, page);
  ASSERT_EQ(shown.status, 200) << shown.body;
  // The need's row (the offer has the same title: the row's cell tells them apart).
  EXPECT_NE(shown.body.find("<td>Besøgsven til ældre"), std::string::npos);
  EXPECT_NE(shown.body.find("Ældre og Sundhed"), std::string::npos);
  EXPECT_NE(shown.body.find("Samme velfærdsområde"), std::string::npos);
  // The offer's page links here again.
  EXPECT_NE(testing::GetPage(server_->port(), owner, "/account/offers/" + std::to_string(offer_))
                .body.find("href=\"" + page + "\""),
            std::string::npos);

  const testing::FormFields not_relevant = {
      {"candidate_kind", "need"}, {"candidate_id", std::to_string(need)}, {"mark", "not_relevant"}};
  // Without the CSRF token: refused, also for an offer that does not exist; nothing written.
  EXPECT_EQ(testing::PostPage(server_->port(), owner, page + "/mark", not_relevant, false).status, 403);
  EXPECT_EQ(
      testing::PostPage(server_->port(), owner, "/account/offers/999999/matches/mark", not_relevant, false)
          .status,
      403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM match_marks"), 0);
  // A kind an offer is never proposed, or a bad mark: the page with the problem, nothing written.
  EXPECT_EQ(testing::PostPage(server_->port(), owner, page + "/mark",
                              {{"candidate_kind", "volunteer"}, {"candidate_id", "1"}, {"mark", "contacted"}})
                .status,
            422);
  EXPECT_EQ(
      testing::PostPage(server_->port(), owner, page + "/mark",
                        {{"candidate_kind", "need"}, {"candidate_id", std::to_string(need)}, {"mark", "x"}})
          .status,
      422);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM match_marks"), 0);

  const HttpResult marked = testing::PostPage(server_->port(), owner, page + "/mark", not_relevant);
  EXPECT_EQ(marked.status, 303);
  EXPECT_EQ(marked.header("location"), page + "?notice=matches.marked");
  shown = testing::GetPage(server_->port(), owner, page);
  EXPECT_EQ(shown.body.find("<td>Besøgsven til ældre"), std::string::npos);

  // Not the owner (staff of an offered municipality included: they use the API): not found.
  const auto staff =
      server_->LogInNew("medarbejder", domain::Grant{Role::kMunicipalEmployee, "0190", elderly_unit_, {}});
  EXPECT_EQ(testing::GetPage(server_->port(), staff, page).status, 404);
  const auto other = server_->LogInNew("anden", std::nullopt);
  EXPECT_EQ(testing::GetPage(server_->port(), other, page).status, 404);
  EXPECT_EQ(testing::PostPage(server_->port(), other, page + "/mark", not_relevant).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, OfferMatchesApi,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
