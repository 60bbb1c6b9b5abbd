// Partnership agreements on the pages end to end over HTTP: adding one from a collaboration's
// page, every problem at its input, the responsible person's task list before the review date,
// stale revisions, CSRF, who may change what, and deletion.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <regex>

#include "domain/agreement/agreement.h"
#include "support/test_support.h"
#include "web/views.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using testing::GetPage;
using testing::HttpResult;
using testing::PageSession;
using testing::PostPage;
using testing::TestServer;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class AgreementPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    const int64_t top = AddUnit("0190", domain::UnitKind::kAdministration, "Velfærd", std::nullopt);
    health_ = AddUnit("0190", domain::UnitKind::kCenter, "Center for Sundhed", top);
    daycare_ = AddUnit("0190", domain::UnitKind::kCenter, "Center for Dagtilbud", top);
    const int64_t aalborg = AddUnit("0851", domain::UnitKind::kAdministration, "Forvaltning", std::nullopt);
    aalborg_collaboration_ = StoreCollaboration("Aalborgs forløb", aalborg, "0851").id;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static uint16_t port() { return server_->port(); }
  static app::App& app() { return server_->app(); }

  static int64_t AddUnit(const std::string& code, domain::UnitKind kind, const std::string& name,
                         std::optional<int64_t> parent) {
    return server_->AddUnit(code, kind, name, parent).id;
  }
  static domain::Collaboration StoreCollaboration(const std::string& title, int64_t unit,
                                                  const std::string& code = "0190") {
    domain::Collaboration c;
    c.title = title;
    c.unit_ids = {unit};
    auto created =
        app().collaborations().Create(domain::MunicipalityScope(code), domain::Actor::System("test", "t"), c);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? *created : domain::Collaboration{};
  }
  static domain::PartnershipAgreement StoreAgreement(int64_t collaboration, domain::PartnershipAgreement a,
                                                     const std::string& code = "0190") {
    a.collaboration_id = collaboration;
    auto created =
        app().agreements().Create(domain::MunicipalityScope(code), domain::Actor::System("test", "t"), a);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? *created : domain::PartnershipAgreement{};
  }
  static std::vector<domain::PartnershipAgreement> AgreementsOf(int64_t collaboration) {
    auto list = app().agreements().ListForCollaboration(domain::MunicipalityScope("0190"), collaboration);
    EXPECT_TRUE(list.ok());
    return list.ok() ? *list : std::vector<domain::PartnershipAgreement>{};
  }
  static PageSession Employee(int64_t unit) {
    return server_->LogInNew("ansat", Grant{Role::kMunicipalEmployee, "0190", unit, std::nullopt});
  }
  static std::string Today() { return FormatUtc(server_->clock().Now()).substr(0, 10); }
  // A catalog message as a page shows it (HTML-escaped), in Danish.
  static std::string Message(std::string_view key) { return web::EscapeHtml(app().catalog().Get("da", key)); }

  static TestServer* server_;
  static int64_t health_, daycare_, aalborg_collaboration_;
};
TestServer* AgreementPagesTest::server_ = nullptr;
int64_t AgreementPagesTest::health_ = 0;
int64_t AgreementPagesTest::daycare_ = 0;
int64_t AgreementPagesTest::aalborg_collaboration_ = 0;

std::string HiddenRevision(const std::string& html) {
  std::smatch match;
  static const std::regex kRevision(R"re(name="revision" value="(\d+)")re");
  return std::regex_search(html, match, kRevision) ? match[1].str() : "";
}

TEST_F(AgreementPagesTest, AnEmployeeAddsASignedAgreementFromTheCollaborationsPage) {
  const PageSession employee = Employee(health_);
  const auto c = StoreCollaboration("Besøgsvenner A1", health_);
  const std::string page_path = fmt::format("/admin/0190/collaborations/{}", c.id);
  const HttpResult page = GetPage(port(), employee, page_path);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, Message("agreements.none")));
  const std::string new_path = page_path + "/agreements/new";
  EXPECT_TRUE(Contains(page.body, fmt::format("href=\"{}\"", new_path)));

  const HttpResult form = GetPage(port(), employee, new_path);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(Contains(form.body, "Ny partnerskabsaftale for Besøgsvenner A1"));
  // The person recording it is proposed as responsible.
  EXPECT_TRUE(Contains(form.body, fmt::format("<option value=\"{}\" selected", employee.user_id)))
      << form.body;

  const HttpResult created =
      PostPage(port(), employee, new_path,
               {{"municipality_obligations", "Lokaler hver tirsdag.\nEn kontaktperson."},
                {"partner_obligations", "Fire frivillige <b>hver uge</b>."},
                {"signed_on", "2026-01-15"},
                {"review_on", "2027-01-15"},
                {"status", "signed"},
                {"responsible_user_id", std::to_string(employee.user_id)}});
  ASSERT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(created.header("location"), page_path + "?notice=agreement_created#agreements");
  const auto stored = AgreementsOf(c.id);
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0].status, domain::AgreementStatus::kSigned);
  EXPECT_EQ(stored[0].review_on, "2027-01-15");
  EXPECT_EQ(stored[0].responsible_user_id, employee.user_id);
  // A signed agreement is the collaboration's partnership_agreement fact.
  auto after = app().collaborations().Get(domain::MunicipalityScope("0190"), c.id);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->facts.partnership_agreement);

  const HttpResult shown = GetPage(port(), employee, page_path + "?notice=agreement_created");
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Contains(shown.body, Message("notice.agreement_created")));
  EXPECT_TRUE(Contains(shown.body, "Lokaler hver tirsdag.\nEn kontaktperson."));
  EXPECT_TRUE(Contains(shown.body, "Fire frivillige &lt;b&gt;hver uge&lt;/b&gt;."));
  EXPECT_TRUE(Contains(shown.body, "<dd>Underskrevet</dd>"));
  EXPECT_TRUE(Contains(shown.body, "<dd>2027-01-15</dd>"));
  EXPECT_TRUE(Contains(shown.body, fmt::format("href=\"/admin/0190/agreements/{}/edit\"", stored[0].id)));
}

TEST_F(AgreementPagesTest, EveryProblemIsShownAtItsInputAndNothingIsStored) {
  const PageSession employee = Employee(health_);
  const auto c = StoreCollaboration("Besøgsvenner A2", health_);
  const std::string path = fmt::format("/admin/0190/collaborations/{}/agreements/new", c.id);
  // Signed without a date; review before signing can only be seen with both dates.
  HttpResult result =
      PostPage(port(), employee, path,
               {{"status", "signed"}, {"review_on", "2027-01-01"}, {"responsible_user_id", ""}});
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_TRUE(Contains(result.body, Message("agreement.error.signed_on_required")));
  EXPECT_TRUE(Contains(result.body, Message("agreement.error.responsible_required")));
  EXPECT_TRUE(Contains(result.body, "<title>Fejl:"));
  EXPECT_TRUE(Contains(result.body, "href=\"#signed_on\""));

  result = PostPage(port(), employee, path,
                    {{"status", "signed"},
                     {"signed_on", "2026-05-01"},
                     {"review_on", "2026-04-01"},
                     {"responsible_user_id", std::to_string(employee.user_id)}});
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_TRUE(Contains(result.body, Message("agreement.error.review_before_signing")));

  result = PostPage(port(), employee, path, {{"status", "draft"}, {"signed_on", "15-01-2026"}});
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_TRUE(Contains(result.body, Message("validation.date"))) << result.body;

  // Someone who does not work for the municipality cannot be responsible.
  const PageSession aalborg =
      server_->LogInNew("aalborg", Grant{Role::kMunicipalAdmin, "0851", std::nullopt, std::nullopt});
  result = PostPage(port(), employee, path,
                    {{"status", "draft"}, {"responsible_user_id", std::to_string(aalborg.user_id)}});
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_TRUE(Contains(result.body, Message("collaboration.error.unknown_responsible")));
  result = PostPage(port(), employee, path, {{"status", "draft"}, {"responsible_user_id", "Hanne"}});
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_TRUE(Contains(result.body, Message("validation.number")));
  // The typed text comes back.
  result =
      PostPage(port(), employee, path, {{"status", "nonsense"}, {"partner_obligations", "Kaffe og kage"}});
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_TRUE(Contains(result.body, Message("agreement.error.status_change")));
  EXPECT_TRUE(Contains(result.body, "Kaffe og kage"));

  EXPECT_TRUE(AgreementsOf(c.id).empty());
}

TEST_F(AgreementPagesTest, TheResponsiblePersonSeesTheAgreementInTheirTasksBeforeTheReviewDate) {
  const PageSession responsible = Employee(health_);
  const PageSession colleague = Employee(health_);
  const auto c = StoreCollaboration("Læsehunde A3", health_);
  domain::PartnershipAgreement soon;
  soon.status = domain::AgreementStatus::kSigned;
  soon.signed_on = "2025-01-01";
  soon.review_on = domain::AddDays(Today(), 10);
  soon.responsible_user_id = responsible.user_id;
  const auto due = StoreAgreement(c.id, soon);
  domain::PartnershipAgreement later = soon;
  later.review_on = domain::AddDays(Today(), domain::kReminderDays + 5);
  StoreAgreement(c.id, later);
  domain::PartnershipAgreement overdue = soon;
  overdue.review_on = domain::AddDays(Today(), -3);
  StoreAgreement(c.id, overdue);

  const HttpResult home = GetPage(port(), responsible, "/admin");
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(Contains(home.body, "href=\"/admin/tasks\""));

  const HttpResult tasks = GetPage(port(), responsible, "/admin/tasks");
  ASSERT_EQ(tasks.status, 200) << tasks.body;
  EXPECT_TRUE(Contains(tasks.body, "<h1>Mine opgaver</h1>"));
  EXPECT_TRUE(Contains(tasks.body, fmt::format("href=\"/admin/0190/agreements/{}/edit\"", due.id)));
  EXPECT_TRUE(Contains(tasks.body, *soon.review_on));
  // Overdue first and marked; the one reviewed after the reminder period is not there yet.
  EXPECT_LT(tasks.body.find(*overdue.review_on), tasks.body.find(*soon.review_on));
  EXPECT_TRUE(Contains(tasks.body, Message("tasks.overdue")));
  EXPECT_FALSE(Contains(tasks.body, *later.review_on));
  EXPECT_TRUE(Contains(tasks.body, "Furesø"));

  const HttpResult others = GetPage(port(), colleague, "/admin/tasks");
  ASSERT_EQ(others.status, 200);
  EXPECT_FALSE(Contains(others.body, "Læsehunde A3"));
  EXPECT_TRUE(Contains(others.body, Message("tasks.none")));
}

TEST_F(AgreementPagesTest, EditingWithAStaleRevisionKeepsTheInputAndChangesNothing) {
  const PageSession employee = Employee(health_);
  const auto c = StoreCollaboration("Motion A4", health_);
  domain::PartnershipAgreement a;
  a.partner_obligations = "Første udgave";
  const auto stored = StoreAgreement(c.id, a);
  const std::string edit = fmt::format("/admin/0190/agreements/{}/edit", stored.id);
  const HttpResult form = GetPage(port(), employee, edit);
  ASSERT_EQ(form.status, 200) << form.body;
  const std::string revision = HiddenRevision(form.body);
  ASSERT_EQ(revision, "1");

  // Someone else saves in between.
  domain::PartnershipAgreement theirs = stored;
  theirs.partner_obligations = "Deres udgave";
  ASSERT_TRUE(app()
                  .agreements()
                  .Update(domain::MunicipalityScope("0190"), domain::Actor::System("test", "t"), theirs, 1)
                  .ok());

  HttpResult result =
      PostPage(port(), employee, edit,
               {{"partner_obligations", "Min udgave"}, {"status", "draft"}, {"revision", revision}});
  ASSERT_EQ(result.status, 412) << result.body;
  EXPECT_TRUE(Contains(result.body, Message("agreements.stale")));
  EXPECT_TRUE(Contains(result.body, "Min udgave"));
  EXPECT_EQ(AgreementsOf(c.id).at(0).partner_obligations, "Deres udgave");
  // Saving again knowingly replaces theirs.
  result = PostPage(port(), employee, edit,
                    {{"partner_obligations", "Min udgave"},
                     {"status", "draft"},
                     {"revision", HiddenRevision(result.body)}});
  ASSERT_EQ(result.status, 303) << result.body;
  EXPECT_EQ(AgreementsOf(c.id).at(0).partner_obligations, "Min udgave");
}

TEST_F(AgreementPagesTest, WithoutTheCsrfTokenNothingIsStoredOrDeleted) {
  const PageSession employee = Employee(health_);
  const auto c = StoreCollaboration("Havefællesskab A5", health_);
  HttpResult result =
      PostPage(port(), employee, fmt::format("/admin/0190/collaborations/{}/agreements/new", c.id),
               {{"status", "draft"}}, false);
  EXPECT_EQ(result.status, 403);
  EXPECT_TRUE(Contains(result.body, Message("validation.csrf")));
  EXPECT_TRUE(AgreementsOf(c.id).empty());
  const auto stored = StoreAgreement(c.id, {});
  result = PostPage(port(), employee, fmt::format("/admin/0190/agreements/{}/delete", stored.id),
                    {{"revision", "1"}}, false);
  EXPECT_EQ(result.status, 403);
  EXPECT_EQ(AgreementsOf(c.id).size(), 1U);
}

TEST_F(AgreementPagesTest, OnlyThoseWhoMayChangeTheCollaborationChangeItsAgreements) {
  const PageSession daycare = Employee(daycare_);
  const auto c = StoreCollaboration("Besøgsvenner A6", health_);
  const auto stored = StoreAgreement(c.id, {});
  // They see the collaboration and its agreement, but no links to change it.
  const HttpResult page = GetPage(port(), daycare, fmt::format("/admin/0190/collaborations/{}", c.id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "id=\"agreements\""));
  EXPECT_FALSE(Contains(page.body, "/agreements/new"));
  EXPECT_FALSE(Contains(page.body, fmt::format("/admin/0190/agreements/{}/edit", stored.id)));
  EXPECT_EQ(
      GetPage(port(), daycare, fmt::format("/admin/0190/collaborations/{}/agreements/new", c.id)).status,
      403);
  EXPECT_EQ(PostPage(port(), daycare, fmt::format("/admin/0190/agreements/{}/edit", stored.id),
                     {{"status", "draft"}, {"revision", "1"}})
                .status,
            403);
  EXPECT_EQ(PostPage(port(), daycare, fmt::format("/admin/0190/agreements/{}/delete", stored.id),
                     {{"revision", "1"}})
                .status,
            403);
  EXPECT_EQ(AgreementsOf(c.id).size(), 1U);
  // Another municipality's collaboration and agreement are not found, also through 0190's URL.
  const PageSession admin =
      server_->LogInNew("admin", Grant{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt});
  EXPECT_EQ(GetPage(port(), admin,
                    fmt::format("/admin/0190/collaborations/{}/agreements/new", aalborg_collaboration_))
                .status,
            404);
  const auto aalborgs = StoreAgreement(aalborg_collaboration_, {}, "0851");
  EXPECT_EQ(GetPage(port(), admin, fmt::format("/admin/0190/agreements/{}/edit", aalborgs.id)).status, 404);
  EXPECT_EQ(GetPage(port(), admin, "/admin/0190/agreements/abc/edit").status, 404);
}

TEST_F(AgreementPagesTest, DeletingThroughTheButtonRemovesItAndSaysSo) {
  const PageSession employee = Employee(health_);
  const auto c = StoreCollaboration("Strikkeklub A7", health_);
  const auto stored = StoreAgreement(c.id, {});
  const HttpResult form = GetPage(port(), employee, fmt::format("/admin/0190/agreements/{}/edit", stored.id));
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, fmt::format("action=\"/admin/0190/agreements/{}/delete\"", stored.id)));
  const HttpResult deleted = PostPage(
      port(), employee, fmt::format("/admin/0190/agreements/{}/delete", stored.id), {{"revision", "1"}});
  ASSERT_EQ(deleted.status, 303) << deleted.body;
  EXPECT_EQ(deleted.header("location"),
            fmt::format("/admin/0190/collaborations/{}?notice=agreement_deleted#agreements", c.id));
  EXPECT_TRUE(AgreementsOf(c.id).empty());
}

}  // namespace
}  // namespace samskab
