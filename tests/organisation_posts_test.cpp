// An organisation's opportunities on its own pages and its posters' pipeline, end to end over
// HTTP on both backends (decisions/0017-orgposts.md): its admins and members list, post, edit and
// close its posts and work their applications (moves within the transition table, the
// child-protection certificate, messages); everyone else gets "not found"; forms without their
// CSRF token are refused; bad input says why and changes nothing; the application lists page.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "support/market_fixture.h"
#include "support/test_support.h"
#include "web/views.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using testing::GetPage;
using testing::HttpResult;
using testing::OpportunityRow;
using testing::PageSession;
using testing::PostPage;
using testing::TestServer;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class OrganisationPosts : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    const auto actor = domain::Actor::System("test", "t");
    organisation_ = *server_->app().accounts().CreateOrganisation(actor, "Spejderne Farum",
                                                                  "popular_education_association");
    other_ =
        *server_->app().accounts().CreateOrganisation(actor, "Røde Kors Farum", "humanitarian_association");
    unit_ = server_->AddUnit("0190", domain::UnitKind::kAdministration, "Børn og Unge", std::nullopt).id;
  }
  storage::Database& db() { return server_->app().database(); }
  uint16_t port() { return server_->port(); }
  std::string Message(std::string_view key) {
    return web::EscapeHtml(server_->app().catalog().Get("da", key));
  }
  int64_t Count(const std::string& sql, const storage::Params& params = {}) {
    return testing::CountRows(db(), sql, params);
  }
  PageSession Member(int64_t organisation) {
    return server_->LogInNew("medlem", Grant{Role::kOrganisationMember, "", std::nullopt, organisation});
  }
  PageSession Admin(int64_t organisation) {
    return server_->LogInNew("formand", Grant{Role::kOrganisationAdmin, "", std::nullopt, organisation});
  }
  std::string Base(int64_t organisation) { return fmt::format("/account/organisations/{}", organisation); }
  // An application straight into the table (the applying itself is tested in application_pages_test).
  int64_t Application(int64_t opportunity, const std::string& name,
                      std::optional<int64_t> user = std::nullopt, const std::string& email = "") {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO applications (opportunity_id, user_id, email, name, state, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, 'new', '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z') RETURNING id",
        {opportunity, storage::NullIfEmpty(user), email.empty() ? name + "@example.dk" : email, name});
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    return rows.ok() ? rows->front().Int(0) : 0;
  }

  std::unique_ptr<TestServer> server_;
  int64_t organisation_ = 0;
  int64_t other_ = 0;
  int64_t unit_ = 0;
};

TEST_P(OrganisationPosts, ItsPeoplePostEditAndCloseItsOpportunitiesAndNobodyElseSeesThePages) {
  const PageSession member = Member(organisation_);
  const std::string list = Base(organisation_) + "/opportunities";
  HttpResult page = GetPage(port(), member, list);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "Spejderne Farum"));
  EXPECT_TRUE(Contains(page.body, Message("opportunity_form.none")));
  // The account page leads there.
  EXPECT_TRUE(Contains(GetPage(port(), member, "/account").body, list));
  // The form asks for the municipality when the post is new.
  page = GetPage(port(), member, list + "/new");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "name=\"municipality_code\""));
  EXPECT_FALSE(Contains(page.body, "name=\"unit_id\""));

  const testing::FormFields good = {
      {"municipality_code", "0190"}, {"title", "Lejrhjælper"}, {"capacity", "4"}, {"status", "open"},
      {"involves_children", "1"},    {"revision", "0"}};
  const int64_t before = Count("SELECT COUNT(*) FROM opportunities");
  // Without the CSRF token: refused, nothing stored.
  EXPECT_EQ(PostPage(port(), member, list + "/new", good, false).status, 403);
  // Bad input: each problem at its field, nothing stored.
  HttpResult bad = PostPage(port(), member, list + "/new",
                            {{"municipality_code", "9999"},
                             {"title", "Lejrhjælper"},
                             {"capacity", "mange"},
                             {"status", "open"},
                             {"revision", "0"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, Message("opportunity.error.capacity")));
  bad = PostPage(port(), member, list + "/new",
                 {{"municipality_code", "9999"},
                  {"title", "Lejrhjælper"},
                  {"capacity", "4"},
                  {"status", "open"},
                  {"revision", "0"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, Message("opportunity.error.municipality")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opportunities"), before);

  const HttpResult created = PostPage(port(), member, list + "/new", good);
  ASSERT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(created.header("location"), list + "?notice=market.opportunity_saved");
  const int64_t id = Count("SELECT MAX(id) FROM opportunities");
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM opportunities WHERE id = ? AND organisation_id = ? AND unit_id IS NULL "
            "AND municipality_code = '0190' AND organisation_kind = 'popular_education_association' AND "
            "created_by = ?",
            {id, organisation_, member.user_id}),
      1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'opportunity.create' AND entity_id = ?",
                  {std::to_string(id)}),
            1);
  page = GetPage(port(), member, list + "?notice=market.opportunity_saved");
  EXPECT_TRUE(Contains(page.body, "Lejrhjælper"));
  EXPECT_TRUE(Contains(page.body, fmt::format("{}/{}/applications", list, id)));

  // Another admin or member of the organisation edits it; the municipality is no longer asked.
  const PageSession admin = Admin(organisation_);
  const std::string edit = fmt::format("{}/{}/edit", list, id);
  page = GetPage(port(), admin, edit);
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(Contains(page.body, "name=\"municipality_code\""));
  HttpResult saved = PostPage(port(), admin, edit,
                              {{"title", "Lejrhjælper i sommerferien"},
                               {"capacity", "5"},
                               {"status", "open"},
                               {"involves_children", "1"},
                               {"revision", "1"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  // A stale revision: a clear message, nothing changed.
  saved = PostPage(port(), admin, edit,
                   {{"title", "Forældet"}, {"capacity", "5"}, {"status", "open"}, {"revision", "1"}});
  EXPECT_EQ(saved.status, 412);
  EXPECT_TRUE(Contains(saved.body, Message("opportunity.error.stale")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opportunities WHERE title = 'Lejrhjælper i sommerferien' AND "
                  "municipality_code = '0190'"),
            1);

  // Everyone else: "not found", for the pages and the forms (with their CSRF token).
  const std::vector<PageSession> others = {
      Member(other_), Admin(other_), server_->LogInNew("frivillig", std::nullopt),
      server_->LogInNew("ansat", Grant{Role::kMunicipalEmployee, "0190", unit_, std::nullopt}),
      server_->LogInNew("platform", Grant{Role::kPlatformAdmin, "", std::nullopt, std::nullopt})};
  for (const auto& stranger : others) {
    EXPECT_EQ(GetPage(port(), stranger, list).status, 404);
    EXPECT_EQ(GetPage(port(), stranger, list + "/new").status, 404);
    EXPECT_EQ(GetPage(port(), stranger, edit).status, 404);
    EXPECT_EQ(PostPage(port(), stranger, list + "/new", good).status, 404);
    EXPECT_EQ(PostPage(port(), stranger, fmt::format("{}/{}/close", list, id), {{"revision", "2"}}).status,
              404);
  }
  // The other organisation's people see their own (empty) list, not this post, and cannot reach
  // it through their own organisation's URL either.
  const PageSession other_member = Member(other_);
  EXPECT_FALSE(Contains(GetPage(port(), other_member, Base(other_) + "/opportunities").body, "Lejrhjælper"));
  EXPECT_EQ(GetPage(port(), other_member, fmt::format("{}/opportunities/{}/edit", Base(other_), id)).status,
            404);
  // A form without its token is refused before anything is looked up, also for what does not exist.
  EXPECT_EQ(PostPage(port(), member, list + "/999999/close", {{"revision", "1"}}, false).status, 403);
  EXPECT_EQ(PostPage(port(), member, "/account/organisations/999999/opportunities/new", good, false).status,
            403);

  const HttpResult closed =
      PostPage(port(), member, fmt::format("{}/{}/close", list, id), {{"revision", "2"}});
  ASSERT_EQ(closed.status, 303) << closed.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opportunities WHERE id = ? AND status = 'closed'", {id}), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'opportunity.update' AND entity_id = ?",
                  {std::to_string(id)}),
            2);
}

TEST_P(OrganisationPosts, ItsPeopleWorkThePipelineAndOthersCannot) {
  OpportunityRow row;
  row.organisation_id = organisation_;
  row.involves_children = true;
  row.title = "Spejderleder for de yngste";
  const int64_t id = testing::InsertOpportunity(db(), row);
  const int64_t volunteer = testing::InsertUser(db(), "frida@example.dk", "Frida Friis");
  testing::InsertProfile(db(), volunteer, "requested", std::nullopt);
  const int64_t app_id = Application(id, "Frida Friis", volunteer, "frida@example.dk");
  const PageSession member = Member(organisation_);
  const std::string pipeline = fmt::format("{}/opportunities/{}/applications", Base(organisation_), id);
  HttpResult page = GetPage(port(), member, pipeline);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "Frida Friis"));
  EXPECT_TRUE(Contains(page.body, Message("application.certificate_column")));
  EXPECT_TRUE(Contains(page.body, Message("application.certificate.requested")));
  EXPECT_TRUE(Contains(page.body, Message("application.agree_confirmed")));
  const std::string state = fmt::format("{}/applications/{}/state", Base(organisation_), app_id);
  EXPECT_TRUE(Contains(page.body, state));

  // Others: not found, for the page and the forms; the staff's pipeline is not the organisation's.
  const PageSession stranger = Admin(other_);
  EXPECT_EQ(GetPage(port(), stranger, pipeline).status, 404);
  EXPECT_EQ(
      GetPage(port(), stranger, fmt::format("{}/opportunities/{}/applications", Base(other_), id)).status,
      404);
  EXPECT_EQ(PostPage(port(), stranger, state, {{"state", "contacted"}, {"revision", "1"}}).status, 404);
  EXPECT_EQ(PostPage(port(), stranger, fmt::format("{}/applications/{}/state", Base(other_), app_id),
                     {{"state", "contacted"}, {"revision", "1"}})
                .status,
            404);
  const PageSession admin_0190 =
      server_->LogInNew("admin", Grant{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt});
  EXPECT_EQ(GetPage(port(), admin_0190, fmt::format("/admin/0190/opportunities/{}/applications", id)).status,
            404);
  EXPECT_EQ(PostPage(port(), admin_0190, fmt::format("/admin/0190/applications/{}/state", app_id),
                     {{"state", "contacted"}, {"revision", "1"}})
                .status,
            404);
  // Without the CSRF token: refused, also for an application that does not exist.
  EXPECT_EQ(PostPage(port(), member, state, {{"state", "contacted"}, {"revision", "1"}}, false).status, 403);
  EXPECT_EQ(PostPage(port(), member, Base(organisation_) + "/applications/999999/messages",
                     {{"message_999999", "Hej"}}, false)
                .status,
            403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE id = ? AND state = 'new'", {app_id}), 1);

  // Agreeing without a certificate on the profile: a clear message, nothing changed.
  HttpResult refused = PostPage(port(), member, state, {{"state", "agreed"}, {"revision", "1"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(Contains(refused.body, Message("application.error.certificate")));
  // Outside the transition table: refused.
  refused = PostPage(port(), member, state, {{"state", "ended"}, {"revision", "1"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(Contains(refused.body, Message("application.error.transition")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE id = ? AND state = 'new'", {app_id}), 1);
  // With the poster's confirmation that they saw it.
  const HttpResult agreed =
      PostPage(port(), member, state,
               {{"state", "agreed"}, {"revision", "1"}, {"child_certificate_confirmed", "1"}, {"page", "1"}});
  ASSERT_EQ(agreed.status, 303) << agreed.body;
  EXPECT_EQ(agreed.header("location"),
            fmt::format("{}?page=1&notice=state#application-{}", pipeline, app_id));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE id = ? AND state = 'agreed'", {app_id}), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'application.state' AND entity_id = ? AND "
                  "after_json LIKE '%confirmed_by_poster%'",
                  {std::to_string(app_id)}),
            1);
  page = GetPage(port(), member, pipeline + "?notice=state");
  EXPECT_TRUE(Contains(page.body, Message("application.certificate.confirmed")));
  EXPECT_TRUE(Contains(page.body, Message("application.notice_state")));
  // A message to the applicant, shown on the pipeline; the applicant is told by e-mail.
  const HttpResult message =
      PostPage(port(), member, fmt::format("{}/applications/{}/messages", Base(organisation_), app_id),
               {{fmt::format("message_{}", app_id), "Velkommen i flokken!"}});
  EXPECT_EQ(message.status, 303);
  EXPECT_TRUE(Contains(GetPage(port(), member, pipeline).body, "Velkommen i flokken!"));
  EXPECT_GE(Count("SELECT COUNT(*) FROM outbox WHERE recipient = 'frida@example.dk'"), 2);
}

TEST_P(OrganisationPosts, ThePipelineAndAPersonsApplicationsPage) {
  OpportunityRow row;
  row.organisation_id = organisation_;
  row.capacity = 40;
  const int64_t id = testing::InsertOpportunity(db(), row);
  for (int i = 1; i <= 25; ++i) Application(id, fmt::format("ansoeger-{:02}", i));
  const PageSession member = Member(organisation_);
  const std::string pipeline = fmt::format("{}/opportunities/{}/applications", Base(organisation_), id);
  const HttpResult first = GetPage(port(), member, pipeline);
  const HttpResult second = GetPage(port(), member, pipeline + "?page=2");
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(second.status, 200);
  EXPECT_TRUE(Contains(first.body, "ansoeger-01"));
  EXPECT_TRUE(Contains(first.body, "ansoeger-20"));
  EXPECT_FALSE(Contains(first.body, "ansoeger-21"));
  EXPECT_TRUE(Contains(first.body, pipeline + "?page=2"));
  EXPECT_TRUE(Contains(second.body, "ansoeger-21"));
  EXPECT_TRUE(Contains(second.body, "ansoeger-25"));
  EXPECT_FALSE(Contains(second.body, "ansoeger-01"));
  // The counts are the whole pipeline's on every page.
  EXPECT_TRUE(Contains(second.body, fmt::format("{} (25)", Message("application.state.new"))));

  // The staff's pipeline pages the same way.
  OpportunityRow unit_row;
  unit_row.unit_id = unit_;
  unit_row.capacity = 40;
  const int64_t unit_post = testing::InsertOpportunity(db(), unit_row);
  for (int i = 1; i <= 21; ++i) Application(unit_post, fmt::format("kommune-{:02}", i));
  const PageSession staff =
      server_->LogInNew("ansat", Grant{Role::kMunicipalEmployee, "0190", unit_, std::nullopt});
  const std::string staff_pipeline = fmt::format("/admin/0190/opportunities/{}/applications", unit_post);
  EXPECT_FALSE(Contains(GetPage(port(), staff, staff_pipeline).body, "kommune-21"));
  const HttpResult staff_second = GetPage(port(), staff, staff_pipeline + "?page=2");
  EXPECT_TRUE(Contains(staff_second.body, "kommune-21"));
  EXPECT_FALSE(Contains(staff_second.body, "kommune-01"));

  // A person's own applications: newest first, 20 a page.
  const PageSession frida = server_->LogInNew("frida", std::nullopt);
  for (int i = 1; i <= 21; ++i) {
    OpportunityRow mine = row;
    mine.title = fmt::format("Opslag-{:02}", i);
    Application(testing::InsertOpportunity(db(), mine), "frida", frida.user_id);
  }
  const HttpResult newest = GetPage(port(), frida, "/account/applications");
  const HttpResult oldest = GetPage(port(), frida, "/account/applications?page=2");
  EXPECT_TRUE(Contains(newest.body, "Opslag-21"));
  EXPECT_FALSE(Contains(newest.body, "Opslag-01"));
  EXPECT_TRUE(Contains(newest.body, "/account/applications?page=2"));
  EXPECT_TRUE(Contains(oldest.body, "Opslag-01"));
  EXPECT_FALSE(Contains(oldest.body, "Opslag-21"));
}

INSTANTIATE_TEST_SUITE_P(Backends, OrganisationPosts,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
