// The applications' pages end to end over HTTP: the public apply form with and without an
// account, the e-mail link, every bad case with its message and nothing changed, CSRF, a
// person's own applications (withdraw, messages), and the poster's pipeline (moves, the
// child-protection certificate, messages, other units' staff kept out).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <regex>

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

class ApplicationPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    const auto top = server_->AddUnit("0190", domain::UnitKind::kAdministration, "Velfærd", std::nullopt);
    unit_ = server_->AddUnit("0190", domain::UnitKind::kCenter, "Center for Børn", top.id).id;
    other_unit_ = server_->AddUnit("0190", domain::UnitKind::kCenter, "Center for Ældre", top.id).id;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static uint16_t port() { return server_->port(); }
  static storage::Database& db() { return server_->app().database(); }
  static int64_t Opportunity(OpportunityRow row = {}) {
    row.unit_id = unit_;
    return testing::InsertOpportunity(db(), row);
  }
  static std::string Message(std::string_view key) {
    return web::EscapeHtml(server_->app().catalog().Get("da", key));
  }
  static int64_t Count(const std::string& sql) { return testing::CountRows(db(), sql); }
  // An anonymous visitor: the CSRF cookie and token of the form page.
  static PageSession Visitor(const std::string& path) {
    const HttpResult form = testing::Get(port(), path);
    EXPECT_EQ(form.status, 200) << form.body;
    const std::string set = form.header("set-cookie");
    return PageSession{set.substr(0, set.find(';')), testing::CsrfFromPage(form.body), 0};
  }
  static PageSession Employee(int64_t unit) {
    return server_->LogInNew("ansat", Grant{Role::kMunicipalEmployee, "0190", unit, std::nullopt});
  }
  // The latest link of the kind in the outbox to `email`.
  static std::string LinkTo(const std::string& email) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query("SELECT body FROM outbox WHERE recipient = ? ORDER BY id DESC", {email});
    if (!rows.ok() || rows->empty()) return "";
    std::smatch match;
    const std::string body = rows->front().Text(0);
    return std::regex_search(body, match, std::regex("token=([0-9a-f]+)")) ? match[1].str() : "";
  }

  static TestServer* server_;
  static int64_t unit_;
  static int64_t other_unit_;
};
TestServer* ApplicationPagesTest::server_ = nullptr;
int64_t ApplicationPagesTest::unit_ = 0;
int64_t ApplicationPagesTest::other_unit_ = 0;

TEST_F(ApplicationPagesTest, AnAnonymousVolunteerAppliesAndConfirmsByTheLink) {
  const int64_t id = Opportunity();
  const std::string path = fmt::format("/opportunities/{}/apply", id);
  const HttpResult form = testing::Get(port(), path);
  EXPECT_TRUE(Contains(form.body, "Lektiehjælp i Farum"));
  EXPECT_TRUE(Contains(form.body, "name=\"email\""));
  const PageSession visitor = Visitor(path);
  // Without the CSRF token nothing is stored.
  const int64_t before = Count("SELECT COUNT(*) FROM applications");
  EXPECT_EQ(PostPage(port(), visitor, path, {{"name", "Ole"}, {"email", "ole@example.dk"}}, false).status,
            403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications"), before);
  // A bad address: its message at the field, nothing stored.
  HttpResult bad = PostPage(port(), visitor, path, {{"name", "Ole"}, {"email", "ole-example.dk"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, Message("validation.email")));
  EXPECT_TRUE(Contains(bad.body, "ole-example.dk"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications"), before);
  const HttpResult sent = PostPage(port(), visitor, path,
                                   {{"name", "Ole"}, {"email", "ole@example.dk"}, {"motivation", "Gerne!"}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.header("location"), path + "/sent");
  EXPECT_TRUE(Contains(testing::Get(port(), path + "/sent").body, Message("application.sent_heading")));
  // Twice: a clear message.
  const HttpResult twice = PostPage(port(), visitor, path, {{"name", "Ole"}, {"email", "OLE@example.dk"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(Contains(twice.body, Message("application.error.duplicate")));
  // The link confirms it once.
  const std::string token = LinkTo("ole@example.dk");
  ASSERT_FALSE(token.empty());
  const HttpResult verified = testing::Get(port(), "/applications/verify?token=" + token);
  EXPECT_EQ(verified.status, 200);
  EXPECT_TRUE(Contains(verified.body, Message("application.verified_heading")));
  EXPECT_EQ(
      Count(fmt::format("SELECT COUNT(*) FROM applications WHERE opportunity_id = {} AND state = 'new'", id)),
      1);
  const HttpResult again = testing::Get(port(), "/applications/verify?token=" + token);
  EXPECT_EQ(again.status, 404);
  EXPECT_TRUE(Contains(again.body, Message("application.error.link")));
}

TEST_F(ApplicationPagesTest, ClosedFullAndDraftOpportunitiesSayWhy) {
  OpportunityRow closed;
  closed.status = "closed";
  const int64_t closed_id = Opportunity(closed);
  const HttpResult page = testing::Get(port(), fmt::format("/opportunities/{}/apply", closed_id));
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, Message("application.error.closed")));
  EXPECT_FALSE(Contains(page.body, "name=\"email\""));
  OpportunityRow draft;
  draft.status = "draft";
  EXPECT_EQ(testing::Get(port(), fmt::format("/opportunities/{}/apply", Opportunity(draft))).status, 404);
  EXPECT_EQ(testing::Get(port(), "/opportunities/999999/apply").status, 404);
  // Full: the one place is taken.
  OpportunityRow one;
  one.capacity = 1;
  const int64_t full = Opportunity(one);
  {
    auto lease = db().Acquire();
    ASSERT_TRUE(
        (*lease)
            ->Execute("INSERT INTO applications (opportunity_id, email, name, state, created_at, updated_at) "
                      "VALUES (?, 'x@example.dk', 'X', 'active', 'now', 'now')",
                      {full})
            .ok());
  }
  const std::string path = fmt::format("/opportunities/{}/apply", full);
  const HttpResult refused =
      PostPage(port(), Visitor(path), path, {{"name", "Ole"}, {"email", "ole2@example.dk"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(Contains(refused.body, Message("application.error.full")));
}

TEST_F(ApplicationPagesTest, APersonAppliesWithTheirAccountAndFollowsItOnTheirPage) {
  const PageSession poster = Employee(unit_);
  OpportunityRow row;
  row.created_by = poster.user_id;
  const int64_t id = Opportunity(row);
  const PageSession frida = server_->LogInNew("frida", std::nullopt);
  const std::string path = fmt::format("/opportunities/{}/apply", id);
  const HttpResult form = GetPage(port(), frida, path);
  EXPECT_FALSE(Contains(form.body, "name=\"email\""));  // the account's address is used
  EXPECT_TRUE(Contains(form.body, "frida-"));
  const HttpResult applied =
      PostPage(port(), frida, path, {{"name", "Frida"}, {"motivation", "Jeg vil gerne"}});
  ASSERT_EQ(applied.status, 303) << applied.body;
  EXPECT_EQ(applied.header("location"), "/account/applications?notice=applied");
  HttpResult mine = GetPage(port(), frida, "/account/applications?notice=applied");
  EXPECT_EQ(mine.status, 200);
  EXPECT_TRUE(Contains(mine.body, "Lektiehjælp i Farum"));
  EXPECT_TRUE(Contains(mine.body, Message("application.state.new")));
  EXPECT_TRUE(Contains(mine.body, Message("application.notice_applied")));
  const int64_t app_id = Count(fmt::format("SELECT MAX(id) FROM applications WHERE opportunity_id = {}", id));
  // A message to the poster, then withdrawal.
  const HttpResult message = PostPage(port(), frida, fmt::format("/account/applications/{}/messages", app_id),
                                      {{fmt::format("message_{}", app_id), "Hvornår starter vi?"}});
  EXPECT_EQ(message.status, 303);
  EXPECT_TRUE(Contains(GetPage(port(), frida, "/account/applications").body, "Hvornår starter vi?"));
  // Someone else cannot withdraw it.
  const PageSession other = server_->LogInNew("anden", std::nullopt);
  EXPECT_EQ(
      PostPage(port(), other, fmt::format("/account/applications/{}/withdraw", app_id), {{"revision", "1"}})
          .status,
      404);
  const HttpResult withdrawn =
      PostPage(port(), frida, fmt::format("/account/applications/{}/withdraw", app_id), {{"revision", "1"}});
  EXPECT_EQ(withdrawn.status, 303);
  mine = GetPage(port(), frida, "/account/applications");
  EXPECT_TRUE(Contains(mine.body, Message("application.state.withdrawn")));
  EXPECT_EQ(
      Count(fmt::format("SELECT COUNT(*) FROM outbox WHERE recipient LIKE 'ansat-%' AND subject LIKE '%{}%'",
                        "Lektiehjælp")),
      3);  // received, message, withdrawn
}

TEST_F(ApplicationPagesTest, ThePosterWorksThePipelineAndTheCertificateIsRequired) {
  OpportunityRow row;
  row.involves_children = true;
  row.title = "Spejder for de små";
  const int64_t id = Opportunity(row);
  const PageSession frida = server_->LogInNew("frida", std::nullopt);
  const std::string apply = fmt::format("/opportunities/{}/apply", id);
  ASSERT_EQ(PostPage(port(), frida, apply, {{"name", "Frida Friis"}}).status, 303);
  const int64_t app_id = Count(fmt::format("SELECT MAX(id) FROM applications WHERE opportunity_id = {}", id));
  const PageSession poster = Employee(unit_);
  const std::string pipeline = fmt::format("/admin/0190/opportunities/{}/applications", id);
  HttpResult page = GetPage(port(), poster, pipeline);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "Frida Friis"));
  EXPECT_TRUE(Contains(page.body, Message("application.certificate_column")));
  EXPECT_TRUE(Contains(page.body, Message("application.certificate.no_profile")));
  EXPECT_TRUE(Contains(page.body, Message("application.agree_confirmed")));
  // Another unit's employee does not see it.
  EXPECT_EQ(GetPage(port(), Employee(other_unit_), pipeline).status, 404);
  // Agreeing without the certificate: a clear message, nothing changed.
  const std::string state = fmt::format("/admin/0190/applications/{}/state", app_id);
  HttpResult refused = PostPage(port(), poster, state, {{"state", "agreed"}, {"revision", "1"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(Contains(refused.body, Message("application.error.certificate")));
  EXPECT_EQ(Count(fmt::format("SELECT COUNT(*) FROM applications WHERE id = {} AND state = 'new'", app_id)),
            1);
  // Without CSRF: refused.
  EXPECT_EQ(PostPage(port(), poster, state, {{"state", "contacted"}, {"revision", "1"}}, false).status, 403);
  ASSERT_EQ(PostPage(port(), poster, state, {{"state", "contacted"}, {"revision", "1"}}).status, 303);
  // A stale revision.
  EXPECT_EQ(PostPage(port(), poster, state, {{"state", "declined"}, {"revision", "1"}}).status, 412);
  const HttpResult agreed = PostPage(
      port(), poster, state, {{"state", "agreed"}, {"revision", "2"}, {"child_certificate_confirmed", "1"}});
  ASSERT_EQ(agreed.status, 303) << agreed.body;
  page = GetPage(port(), poster, pipeline + "?notice=state");
  EXPECT_TRUE(Contains(page.body, Message("application.certificate.confirmed")));
  EXPECT_TRUE(Contains(page.body, Message("application.notice_state")));
  // A message to the applicant, shown on both sides.
  const HttpResult message =
      PostPage(port(), poster, fmt::format("/admin/0190/applications/{}/messages", app_id),
               {{fmt::format("message_{}", app_id), "Velkommen, Frida!"}});
  EXPECT_EQ(message.status, 303);
  EXPECT_TRUE(Contains(GetPage(port(), poster, pipeline).body, "Velkommen, Frida!"));
  EXPECT_TRUE(Contains(GetPage(port(), frida, "/account/applications").body, "Velkommen, Frida!"));
  const HttpResult empty =
      PostPage(port(), poster, fmt::format("/admin/0190/applications/{}/messages", app_id),
               {{fmt::format("message_{}", app_id), "  "}});
  EXPECT_EQ(empty.status, 422);
}

}  // namespace
}  // namespace samskab
