// /api/v1/applications end to end over HTTP: a person applies, the bad cases answer clearly with
// nothing changed, the poster (staff with the unit in reach, the organisation's people) lists and
// moves applications with If-Match, the applicant withdraws, messages go both ways, and anyone
// else gets 404.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "support/market_fixture.h"
#include "support/test_support.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using testing::HttpResult;
using testing::OpportunityRow;
using testing::PageSession;
using testing::TestServer;

class ApplicationsApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    const auto top = server_->AddUnit("0190", domain::UnitKind::kAdministration, "Velfærd", std::nullopt);
    unit_ = server_->AddUnit("0190", domain::UnitKind::kCenter, "Center for Børn", top.id).id;
    other_unit_ = server_->AddUnit("0190", domain::UnitKind::kCenter, "Center for Ældre", top.id).id;
    auto org = server_->app().accounts().CreateOrganisation(domain::Actor::System("test", "t"), "Spejderne",
                                                            "popular_education_association");
    ASSERT_TRUE(org.ok());
    organisation_ = *org;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static storage::Database& db() { return server_->app().database(); }
  static int64_t Opportunity(const OpportunityRow& row) { return testing::InsertOpportunity(db(), row); }
  static int64_t UnitOpportunity(int64_t capacity = 2, bool children = false, int64_t created_by = 0) {
    OpportunityRow row;
    row.unit_id = unit_;
    row.capacity = capacity;
    row.involves_children = children;
    if (created_by) row.created_by = created_by;
    return Opportunity(row);
  }
  static PageSession Person(const std::string& name, std::optional<Grant> grant = std::nullopt) {
    return server_->LogInNew(name, std::move(grant));
  }
  static PageSession Employee(int64_t unit) {
    return Person("ansat", Grant{Role::kMunicipalEmployee, "0190", unit, std::nullopt});
  }
  static HttpResult Call(const PageSession& who, const std::string& method, const std::string& path,
                         const nlohmann::json& body = nullptr,
                         std::map<std::string, std::string> headers = {}) {
    headers["Cookie"] = who.cookie;
    if (method == "GET") return testing::Get(server_->port(), path, headers);
    headers["Content-Type"] = "application/json";
    return testing::Send(server_->port(), method, path, body.is_null() ? "" : body.dump(), headers);
  }
  static nlohmann::json JsonOf(const HttpResult& result) {
    return nlohmann::json::parse(result.body, nullptr, false);
  }
  static nlohmann::json Apply(const PageSession& who, int64_t opportunity, int expected = 201) {
    const HttpResult r =
        Call(who, "POST", "/api/v1/applications",
             {{"opportunity_id", opportunity}, {"motivation", "Jeg elsker spejderarbejde."}});
    EXPECT_EQ(r.status, expected) << r.body;
    return JsonOf(r);
  }
  static HttpResult Move(const PageSession& who, int64_t id, int64_t revision, const std::string& state,
                         bool confirmed = false) {
    nlohmann::json body = {{"state", state}};
    if (confirmed) body["child_certificate_confirmed"] = true;
    return Call(who, "POST", fmt::format("/api/v1/applications/{}/state", id), body,
                {{"If-Match", fmt::format("\"application-{}-{}\"", id, revision)}});
  }
  static int64_t Count(const std::string& sql) { return testing::CountRows(db(), sql); }

  static TestServer* server_;
  static int64_t unit_;
  static int64_t other_unit_;
  static int64_t organisation_;
};
TestServer* ApplicationsApiTest::server_ = nullptr;
int64_t ApplicationsApiTest::unit_ = 0;
int64_t ApplicationsApiTest::other_unit_ = 0;
int64_t ApplicationsApiTest::organisation_ = 0;

TEST_F(ApplicationsApiTest, APersonAppliesWithTheirAccountsAddressAndSeesItInTheirList) {
  const PageSession poster = Employee(unit_);
  const int64_t id = UnitOpportunity(2, false, poster.user_id);
  const PageSession frida = Person("frida");
  const nlohmann::json created = Apply(frida, id);
  EXPECT_EQ(created["state"], "new");
  EXPECT_EQ(created["user_id"], frida.user_id);
  EXPECT_TRUE(created["email"].get<std::string>().starts_with("frida-"));
  EXPECT_FALSE(created.contains("child_certificate"));
  const nlohmann::json mine = JsonOf(Call(frida, "GET", "/api/v1/applications"));
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["opportunity_id"], id);
  // The poster is told.
  EXPECT_EQ(Count(fmt::format("SELECT COUNT(*) FROM outbox WHERE recipient LIKE 'ansat-%' AND subject LIKE "
                              "'%Lektiehjælp%'")),
            1);
}

TEST_F(ApplicationsApiTest, BadApplicationsAnswerClearlyAndChangeNothing) {
  const PageSession frida = Person("frida");
  const int64_t open = UnitOpportunity(1);
  Apply(frida, open);
  OpportunityRow closed;
  closed.unit_id = unit_;
  closed.status = "closed";
  const int64_t closed_id = Opportunity(closed);
  const int64_t before = Count("SELECT COUNT(*) FROM applications");
  // Twice.
  nlohmann::json problem = Apply(frida, open, 409);
  EXPECT_EQ(problem["detail"], server_->app().catalog().Get("da", "application.error.duplicate")) << problem;
  // Full: the one place is agreed.
  const PageSession poster = Employee(unit_);
  const nlohmann::json first = JsonOf(Call(frida, "GET", "/api/v1/applications"))["items"][0];
  ASSERT_EQ(Move(poster, first["id"], first["revision"], "agreed").status, 200);
  problem = Apply(Person("anden"), open, 409);
  EXPECT_EQ(problem["detail"], server_->app().catalog().Get("da", "application.error.full"));
  problem = Apply(frida, closed_id, 409);
  EXPECT_EQ(problem["detail"], server_->app().catalog().Get("da", "application.error.closed"));
  Apply(frida, 999999, 404);
  // Malformed bodies.
  EXPECT_EQ(Call(frida, "POST", "/api/v1/applications", {{"opportunity_id", "x"}, {"colour", 1}}).status,
            422);
  EXPECT_EQ(Call(frida, "POST", "/api/v1/applications", nlohmann::json::object()).status, 422);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications"), before);
  // An API token applies for nobody.
  const std::string token = server_->AddToken(Role::kMunicipalEmployee, "0190");
  EXPECT_EQ(testing::Send(server_->port(), "POST", "/api/v1/applications", R"({"opportunity_id": 1})",
                          {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}})
                .status,
            403);
}

TEST_F(ApplicationsApiTest, ThePosterMovesApplicationsWithIfMatchAndOthersSeeNothing) {
  const PageSession poster = Employee(unit_);
  const int64_t id = UnitOpportunity(2, false, poster.user_id);
  const PageSession frida = Person("frida");
  const nlohmann::json a = Apply(frida, id);
  const int64_t app_id = a["id"];
  // The poster's list of the opportunity; another unit's employee and a stranger see nothing.
  EXPECT_EQ(
      JsonOf(Call(poster, "GET", fmt::format("/api/v1/applications?opportunity_id={}", id)))["items"].size(),
      1u);
  const PageSession stranger = Employee(other_unit_);
  EXPECT_EQ(Call(stranger, "GET", fmt::format("/api/v1/applications?opportunity_id={}", id)).status, 404);
  EXPECT_EQ(Call(stranger, "GET", fmt::format("/api/v1/applications/{}", app_id)).status, 404);
  EXPECT_EQ(Call(Person("nysgerrig"), "GET", fmt::format("/api/v1/applications/{}", app_id)).status, 404);
  EXPECT_EQ(Move(stranger, app_id, 1, "contacted").status, 404);
  // If-Match is required and checked.
  EXPECT_EQ(
      Call(poster, "POST", fmt::format("/api/v1/applications/{}/state", app_id), {{"state", "contacted"}})
          .status,
      428);
  EXPECT_EQ(Move(poster, app_id, 5, "contacted").status, 412);
  EXPECT_EQ(Move(poster, app_id, 1, "flying").status, 422);
  // The poster cannot withdraw; the applicant cannot agree.
  EXPECT_EQ(Move(poster, app_id, 1, "withdrawn").status, 409);
  EXPECT_EQ(Move(frida, app_id, 1, "agreed").status, 409);
  const HttpResult contacted = Move(poster, app_id, 1, "contacted");
  ASSERT_EQ(contacted.status, 200) << contacted.body;
  EXPECT_EQ(contacted.header("etag"), fmt::format("\"application-{}-2\"", app_id));
  EXPECT_EQ(
      Count(fmt::format("SELECT COUNT(*) FROM audit_log WHERE action = 'application.state' AND entity_id = "
                        "'{}'",
                        app_id)),
      1);
  const HttpResult withdrawn = Move(frida, app_id, 2, "withdrawn");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(JsonOf(withdrawn)["state"], "withdrawn");
}

TEST_F(ApplicationsApiTest, AVolunteerWithoutTheCertificateIsNotAgreedForWorkWithChildren) {
  const PageSession poster = Employee(unit_);
  const int64_t id = UnitOpportunity(3, true);
  const PageSession frida = Person("frida");
  const nlohmann::json a = Apply(frida, id);
  EXPECT_EQ(a["child_certificate"]["status"], "no_profile");
  const HttpResult refused = Move(poster, a["id"], 1, "agreed");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(JsonOf(refused)["detail"], server_->app().catalog().Get("da", "application.error.certificate"));
  EXPECT_EQ(
      JsonOf(Call(frida, "GET", fmt::format("/api/v1/applications/{}", a["id"].get<int64_t>())))["state"],
      "new");
  // With a certificate on the profile.
  const PageSession holder = Person("attest");
  testing::InsertProfile(db(), holder.user_id, "obtained", "2026-03-01");
  const nlohmann::json b = Apply(holder, id);
  EXPECT_EQ(b["child_certificate"]["status"], "obtained");
  EXPECT_EQ(b["child_certificate"]["on"], "2026-03-01");
  EXPECT_EQ(Move(poster, b["id"], 1, "agreed").status, 200);
  // Or with the poster's confirmation.
  EXPECT_EQ(Move(poster, a["id"], 1, "agreed", true).status, 200);
}

TEST_F(ApplicationsApiTest, TheOrganisationsPeoplePostItsOpportunities) {
  OpportunityRow row;
  row.organisation_id = organisation_;
  const int64_t id = Opportunity(row);
  const PageSession frida = Person("frida");
  const nlohmann::json a = Apply(frida, id);
  const PageSession member =
      Person("medlem", Grant{Role::kOrganisationMember, "", std::nullopt, organisation_});
  EXPECT_EQ(
      JsonOf(Call(member, "GET", fmt::format("/api/v1/applications?opportunity_id={}", id)))["items"].size(),
      1u);
  EXPECT_EQ(Move(member, a["id"], 1, "contacted").status, 200);
  // Municipal staff do not post an organisation's opportunity.
  EXPECT_EQ(
      Call(Employee(unit_), "GET", fmt::format("/api/v1/applications/{}", a["id"].get<int64_t>())).status,
      404);
}

TEST_F(ApplicationsApiTest, MessagesGoBetweenTheApplicantAndThePoster) {
  const PageSession poster = Employee(unit_);
  const int64_t id = UnitOpportunity();
  const PageSession frida = Person("frida");
  const int64_t app_id = Apply(frida, id)["id"];
  const std::string path = fmt::format("/api/v1/applications/{}/messages", app_id);
  EXPECT_EQ(Call(poster, "POST", path, {{"body", "Hej Frida, kan du komme tirsdag?"}}).status, 201);
  EXPECT_EQ(Call(frida, "POST", path, {{"body", "Ja!"}}).status, 201);
  EXPECT_EQ(Call(frida, "POST", path, {{"body", ""}}).status, 422);
  EXPECT_EQ(Call(frida, "POST", path, {{"text", "x"}}).status, 422);
  EXPECT_EQ(Call(Person("fremmed"), "POST", path, {{"body", "Hej"}}).status, 404);
  const nlohmann::json thread = JsonOf(Call(frida, "GET", path));
  ASSERT_EQ(thread["items"].size(), 2u);
  EXPECT_EQ(thread["items"][0]["from"], "poster");
  EXPECT_EQ(thread["items"][1]["from"], "applicant");
  EXPECT_EQ(JsonOf(Call(poster, "GET", path))["items"].size(), 2u);
}

// The lists page with limit and the cursor: page 2 holds what page 1 did not, the last page has
// no next cursor, and a broken cursor or limit is a clear 422.
TEST_F(ApplicationsApiTest, TheListsPageWithTheCursor) {
  OpportunityRow row;
  row.unit_id = unit_;
  row.capacity = 10;
  row.title = "Paging-opslag";
  const int64_t id = Opportunity(row);
  std::vector<int64_t> applied;
  applied.reserve(3);
  for (int i = 0; i < 3; ++i) applied.push_back(Apply(Person(fmt::format("side{}", i)), id)["id"]);
  const PageSession poster = Employee(unit_);
  const std::string list = fmt::format("/api/v1/applications?opportunity_id={}&limit=2", id);
  const nlohmann::json first = JsonOf(Call(poster, "GET", list));
  ASSERT_EQ(first["items"].size(), 2u);
  EXPECT_EQ(first["total"], 3);
  ASSERT_TRUE(first["next_cursor"].is_string());
  const nlohmann::json second =
      JsonOf(Call(poster, "GET", list + "&cursor=" + first["next_cursor"].get<std::string>()));
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_TRUE(second["next_cursor"].is_null());
  std::vector<int64_t> seen;
  for (const auto* page : {&first, &second}) {
    for (const auto& item : (*page)["items"]) seen.push_back(item["id"]);
  }
  EXPECT_EQ(seen, applied);
  EXPECT_EQ(Call(poster, "GET", list + "&cursor=broken").status, 422);
  EXPECT_EQ(Call(poster, "GET", fmt::format("/api/v1/applications?opportunity_id={}&limit=0", id)).status,
            422);

  // A person's own list pages the same way, newest first.
  const PageSession frida = Person("frida-paging");
  for (int i = 0; i < 3; ++i) {
    OpportunityRow more = row;
    more.title = fmt::format("Opslag {}", i);
    Apply(frida, Opportunity(more));
  }
  const nlohmann::json mine = JsonOf(Call(frida, "GET", "/api/v1/applications?limit=2"));
  ASSERT_EQ(mine["items"].size(), 2u);
  EXPECT_EQ(mine["total"], 3);
  const nlohmann::json rest = JsonOf(
      Call(frida, "GET", "/api/v1/applications?limit=2&cursor=" + mine["next_cursor"].get<std::string>()));
  ASSERT_EQ(rest["items"].size(), 1u);
  EXPECT_LT(rest["items"][0]["id"].get<int64_t>(), mine["items"][1]["id"].get<int64_t>());
}

}  // namespace
}  // namespace samskab
