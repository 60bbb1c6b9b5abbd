// The administration pages end to end over HTTP: a municipality's units, staff, API tokens and
// audit log; the platform's municipalities and outbox; an organisation's members. Each test
// logs in as its own people (unique e-mails) and names its own units, so the tests do not
// depend on each other's data.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <regex>

#include "core/text.h"
#include "support/test_support.h"
#include "web/views.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using testing::Get;
using testing::HttpResult;
using testing::Send;
using testing::TestServer;

constexpr char kPassword[] = "korrekt-hest-batteri";
constexpr char kForm[] = "application/x-www-form-urlencoded";

using Session = testing::PageSession;

class AdminPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static uint16_t port() { return server_->port(); }
  static app::App& app() { return server_->app(); }

  // A fresh person with one role, logged in.
  static Session LoginAs(const std::string& name, std::optional<Grant> grant) {
    return server_->LogInNew(name, std::move(grant));
  }
  static Session MunicipalAdmin(const std::string& code = "0190") {
    return LoginAs("admin", Grant{Role::kMunicipalAdmin, code, std::nullopt, std::nullopt});
  }
  static Session PlatformAdmin() {
    return LoginAs("platform", Grant{Role::kPlatformAdmin, "", std::nullopt, std::nullopt});
  }

  static HttpResult GetAs(const Session& session, const std::string& target) {
    return testing::GetPage(port(), session, target);
  }
  // A form post; the session's CSRF token is added unless told not to.
  static HttpResult PostAs(const Session& session, const std::string& target,
                           const testing::FormFields& fields, bool with_csrf = true) {
    return testing::PostPage(port(), session, target, fields, with_csrf);
  }

  // A catalog message as a page shows it (HTML-escaped), in Danish.
  static std::string Message(std::string_view key) { return web::EscapeHtml(app().catalog().Get("da", key)); }

  static std::vector<domain::Unit> Units(const std::string& code = "0190") {
    auto units = app().units().List(domain::MunicipalityScope(code));
    EXPECT_TRUE(units.ok());
    return units.ok() ? *units : std::vector<domain::Unit>{};
  }
  static std::optional<domain::Unit> UnitNamed(const std::string& name, const std::string& code = "0190") {
    for (const auto& unit : Units(code)) {
      if (unit.name == name) return unit;
    }
    return std::nullopt;
  }
  static domain::Unit CreateUnit(domain::UnitKind kind, const std::string& name,
                                 std::optional<int64_t> parent) {
    return server_->AddUnit("0190", kind, name, parent);
  }
  static std::optional<domain::OutboxMessage> MailTo(const std::string& recipient) {
    auto outbox = app().accounts().ListOutbox(1000);
    EXPECT_TRUE(outbox.ok());
    for (const auto& message : *outbox) {
      if (message.recipient == recipient) return message;
    }
    return std::nullopt;
  }

  static TestServer* server_;
};
TestServer* AdminPagesTest::server_ = nullptr;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// --- units ---------------------------------------------------------------------------------

TEST_F(AdminPagesTest, MunicipalAdminCreatesAUnitThroughThePageAndSeesItListed) {
  const Session admin = MunicipalAdmin();
  const HttpResult page = GetAs(admin, "/admin/0190/units");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("cache-control"), "no-store");
  EXPECT_TRUE(Contains(page.body, "<h1>Enheder i Furesø</h1>")) << page.body;
  EXPECT_TRUE(Contains(page.body, "action=\"/admin/0190/units\""));
  EXPECT_TRUE(Contains(page.body, "<label class=\"form-label\" for=\"name\">"));

  const HttpResult created =
      PostAs(admin, "/admin/0190/units",
             {{"kind", "administration"}, {"name", "Kulturforvaltningen A1"}, {"parent_id", ""}});
  ASSERT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(created.header("location"), "/admin/0190/units?notice=unit_created");
  const auto stored = UnitNamed("Kulturforvaltningen A1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->kind, domain::UnitKind::kAdministration);

  const HttpResult center = PostAs(
      admin, "/admin/0190/units",
      {{"kind", "center"}, {"name", "Center for Idræt A1"}, {"parent_id", std::to_string(stored->id)}});
  ASSERT_EQ(center.status, 303) << center.body;
  const HttpResult listed = GetAs(admin, created.header("location"));
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(Contains(listed.body, Message("notice.unit_created")));
  EXPECT_TRUE(Contains(listed.body, "<span class=\"samskab-depth-0\">Kulturforvaltningen A1</span>"))
      << listed.body;
  EXPECT_TRUE(Contains(listed.body, "<span class=\"samskab-depth-1\">Center for Idræt A1</span>"));
  // The change is in the municipality's audit log, with the admin as actor.
  const HttpResult audit = GetAs(admin, "/admin/0190/audit");
  ASSERT_EQ(audit.status, 200);
  EXPECT_TRUE(Contains(audit.body, "<code>unit.create</code>"));
  EXPECT_TRUE(Contains(audit.body, fmt::format("user:{}", admin.user_id)));
  EXPECT_TRUE(Contains(audit.body, "Kulturforvaltningen A1"));
  EXPECT_TRUE(Contains(audit.body, "<details class=\"details\">"));
}

TEST_F(AdminPagesTest, AUnitPostWithoutTheCsrfTokenIs403AndCreatesNothing) {
  const Session admin = MunicipalAdmin();
  const size_t before = Units().size();
  const HttpResult missing =
      PostAs(admin, "/admin/0190/units", {{"kind", "administration"}, {"name", "Uden token A2"}}, false);
  EXPECT_EQ(missing.status, 403);
  EXPECT_TRUE(Contains(missing.body, Message("validation.csrf")));
  EXPECT_TRUE(Contains(missing.body, "value=\"Uden token A2\"")) << "the typed name comes back";
  const HttpResult forged = PostAs(
      admin, "/admin/0190/units",
      {{"csrf_token", std::string(64, 'a')}, {"kind", "administration"}, {"name", "Forfalsket A2"}}, false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(Units().size(), before);
  EXPECT_FALSE(UnitNamed("Uden token A2"));
  EXPECT_FALSE(UnitNamed("Forfalsket A2"));
}

TEST_F(AdminPagesTest, MarkupInAUnitNameIsShownAsTextAndSqlCharactersAreStoredVerbatim) {
  const Session admin = MunicipalAdmin();
  const std::string markup = "<script>alert('x')</script> A3";
  ASSERT_EQ(PostAs(admin, "/admin/0190/units", {{"kind", "administration"}, {"name", markup}}).status, 303);
  const HttpResult page = GetAs(admin, "/admin/0190/units");
  EXPECT_TRUE(Contains(page.body, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; A3")) << page.body;
  EXPECT_FALSE(Contains(page.body, "<script>alert("));

  const std::string sql = "Robert'); DROP TABLE units;-- \"A3\" 100% _ \\";
  ASSERT_EQ(PostAs(admin, "/admin/0190/units", {{"kind", "administration"}, {"name", sql}}).status, 303);
  const auto stored = UnitNamed(sql);
  ASSERT_TRUE(stored) << "stored exactly as typed";
  EXPECT_TRUE(UnitNamed(markup)) << "the table is still there";
}

TEST_F(AdminPagesTest, AnAdminOfAnotherMunicipalityGets404AndCannotPostThere) {
  const Session admin = MunicipalAdmin("0190");
  for (const char* page :
       {"/admin/0851/units", "/admin/0851/staff", "/admin/0851/tokens", "/admin/0851/audit"})
    EXPECT_EQ(GetAs(admin, page).status, 404) << page;
  const HttpResult post =
      PostAs(admin, "/admin/0851/units", {{"kind", "administration"}, {"name", "Fremmed forvaltning A4"}});
  EXPECT_EQ(post.status, 404);
  EXPECT_TRUE(Units("0851").empty());
  EXPECT_EQ(PostAs(admin, "/admin/0851/tokens", {{"name", "Fremmed A4"}, {"role", "municipal_admin"}}).status,
            404);
  auto tokens = app().accounts().ListApiTokens(domain::MunicipalityScope("0851"));
  ASSERT_TRUE(tokens.ok());
  EXPECT_TRUE(tokens->empty());
}

// Ids of another municipality's rows, in the URL or in a form, are "not found" exactly like ids
// that do not exist, and nothing of theirs changes.
TEST_F(AdminPagesTest, IdsOfAnotherMunicipalityInAUrlOrAFormAreNotFound) {
  const auto actor = domain::Actor::System("test", "test");
  const domain::MunicipalityScope aalborg("0851");
  auto foreign_unit = app().units().Create(
      aalborg, actor,
      {0, "0851", std::nullopt, domain::UnitKind::kAdministration, "Aalborgs forvaltning X1", 1, "", ""});
  ASSERT_TRUE(foreign_unit.ok());
  const Session aalborg_admin = MunicipalAdmin("0851");
  domain::ApiToken token;
  token.name = "Aalborgs nøgle X1";
  token.role = Role::kMunicipalEmployee;
  token.municipality_code = "0851";
  auto foreign_token = app().account_service().CreateApiToken(actor, token);
  ASSERT_TRUE(foreign_token.ok());
  auto aalborg_staff = app().accounts().ListStaff(aalborg);
  ASSERT_TRUE(aalborg_staff.ok());
  ASSERT_FALSE(aalborg_staff->empty());
  const int64_t foreign_grant = aalborg_staff->front().grant_id;

  const Session admin = MunicipalAdmin("0190");
  const std::string unit_id = std::to_string(foreign_unit->id);
  // URLs: the same answer as for an id that does not exist.
  for (const auto& [foreign, missing] : std::vector<std::pair<std::string, std::string>>{
           {"/admin/0190/units/" + unit_id + "/delete", "/admin/0190/units/99999999/delete"},
           {"/admin/0190/staff/" + std::to_string(foreign_grant) + "/remove",
            "/admin/0190/staff/99999999/remove"},
           {"/admin/0190/tokens/" + std::to_string(foreign_token->token.id) + "/revoke",
            "/admin/0190/tokens/99999999/revoke"}}) {
    const HttpResult a = PostAs(admin, foreign, {{"revision", "1"}});
    const HttpResult b = PostAs(admin, missing, {{"revision", "1"}});
    EXPECT_EQ(a.status, 404) << foreign;
    EXPECT_EQ(a.status, b.status) << foreign;
  }
  // Forms: a parent unit or a unit for an invitation from Aalborg is "not in this municipality".
  const HttpResult parent = PostAs(admin, "/admin/0190/units",
                                   {{"kind", "center"}, {"name", "Snylter X1"}, {"parent_id", unit_id}});
  EXPECT_EQ(parent.status, 422);
  EXPECT_TRUE(Contains(parent.body, Message("unit.error.parent_not_found")));
  const HttpResult invite =
      PostAs(admin, "/admin/0190/staff/invite",
             {{"email", "x1@furesoe.dk"}, {"role", "municipal_employee"}, {"unit_id", unit_id}});
  EXPECT_EQ(invite.status, 422);
  EXPECT_TRUE(Contains(invite.body, Message("unit.error.not_found")));
  EXPECT_FALSE(MailTo("x1@furesoe.dk").has_value());
  // Nothing of Aalborg's changed.
  EXPECT_TRUE(app().units().Get(aalborg, foreign_unit->id).ok());
  EXPECT_TRUE(app().accounts().LookupApiToken(auth::Authenticator::TokenHash(foreign_token->secret)).ok());
  EXPECT_EQ(app().accounts().ListStaff(aalborg)->size(), aalborg_staff->size());
  EXPECT_FALSE(UnitNamed("Snylter X1"));
  (void)aalborg_admin;
}

TEST_F(AdminPagesTest, EmployeesVolunteersAndThePublicCannotAdministerUnits) {
  const auto department = CreateUnit(domain::UnitKind::kAdministration, "Forvaltning A5", std::nullopt);
  const Session employee =
      LoginAs("employee", Grant{Role::kMunicipalEmployee, "0190", department.id, std::nullopt});
  EXPECT_EQ(GetAs(employee, "/admin/0190/units").status, 403);
  EXPECT_EQ(PostAs(employee, "/admin/0190/units", {{"kind", "administration"}, {"name", "Medarbejderens A5"}})
                .status,
            403);
  EXPECT_FALSE(UnitNamed("Medarbejderens A5"));
  EXPECT_EQ(GetAs(employee, "/platform/municipalities").status, 403);
  const Session volunteer = LoginAs("volunteer", Grant{Role::kVolunteer, "", std::nullopt, std::nullopt});
  EXPECT_EQ(GetAs(volunteer, "/admin/0190/staff").status, 403);
  const HttpResult overview = GetAs(volunteer, "/admin");
  EXPECT_EQ(overview.status, 200);
  EXPECT_TRUE(Contains(overview.body, Message("admin.nothing")));
  const HttpResult anonymous = Get(port(), "/admin/0190/units");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.header("location"), "/login?return=%2Fadmin%2F0190%2Funits");
}

TEST_F(AdminPagesTest, TheStoresComplaintsAboutAUnitAreShownAtTheRightFieldWith422) {
  const Session admin = MunicipalAdmin();
  const HttpResult orphan =
      PostAs(admin, "/admin/0190/units", {{"kind", "center"}, {"name", "Center uden forvaltning A6"}});
  EXPECT_EQ(orphan.status, 422);
  EXPECT_TRUE(Contains(orphan.body, "<a href=\"#parent_id\" class=\"function-link\">"));
  EXPECT_TRUE(Contains(orphan.body, Message("unit.error.center_parent")));
  EXPECT_TRUE(Contains(orphan.body, "id=\"parent_id-error\""));
  EXPECT_TRUE(Contains(orphan.body, "<title>" + Message("form.error_prefix")));

  const HttpResult empty = PostAs(admin, "/admin/0190/units", {{"kind", "administration"}, {"name", "   "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Contains(empty.body, "id=\"name-error\""));
  EXPECT_TRUE(Contains(empty.body, Message("validation.required")));

  const HttpResult too_long =
      PostAs(admin, "/admin/0190/units", {{"kind", "administration"}, {"name", std::string(201, 'x')}});
  EXPECT_EQ(too_long.status, 422);
  EXPECT_TRUE(Contains(too_long.body, Message("validation.too_long")));

  CreateUnit(domain::UnitKind::kAdministration, "Dobbelt A6", std::nullopt);
  const HttpResult taken =
      PostAs(admin, "/admin/0190/units", {{"kind", "administration"}, {"name", "Dobbelt A6"}});
  EXPECT_EQ(taken.status, 422);
  EXPECT_TRUE(Contains(taken.body, Message("unit.error.name_taken")));
  EXPECT_TRUE(Contains(taken.body, "id=\"name-error\""));

  const HttpResult bad_kind =
      PostAs(admin, "/admin/0190/units", {{"kind", "ministry"}, {"name", "Ministeriet A6"}});
  EXPECT_EQ(bad_kind.status, 422);
  EXPECT_TRUE(Contains(bad_kind.body, "id=\"kind-error\""));
  EXPECT_FALSE(UnitNamed("Center uden forvaltning A6"));
  EXPECT_FALSE(UnitNamed("Ministeriet A6"));
}

TEST_F(AdminPagesTest, DeletingAUnitNeedsItsRevisionAndNoChildren) {
  const Session admin = MunicipalAdmin();
  const auto parent = CreateUnit(domain::UnitKind::kAdministration, "Forælder A7", std::nullopt);
  const auto child = CreateUnit(domain::UnitKind::kCenter, "Barn A7", parent.id);
  const std::string delete_parent = fmt::format("/admin/0190/units/{}/delete", parent.id);

  const HttpResult with_children =
      PostAs(admin, delete_parent, {{"revision", std::to_string(parent.revision)}});
  EXPECT_EQ(with_children.status, 409);
  EXPECT_TRUE(Contains(with_children.body, Message("unit.error.has_children")));
  EXPECT_TRUE(Contains(with_children.body, "role=\"alert\""));

  const std::string delete_child = fmt::format("/admin/0190/units/{}/delete", child.id);
  const HttpResult stale = PostAs(admin, delete_child, {{"revision", std::to_string(child.revision + 5)}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_TRUE(Contains(stale.body, Message("error.precondition_failed")));
  EXPECT_EQ(PostAs(admin, delete_child, {{"revision", std::to_string(child.revision)}}, false).status, 403);
  EXPECT_TRUE(UnitNamed("Barn A7"));

  const HttpResult deleted = PostAs(admin, delete_child, {{"revision", std::to_string(child.revision)}});
  EXPECT_EQ(deleted.status, 303);
  EXPECT_EQ(deleted.header("location"), "/admin/0190/units?notice=unit_deleted");
  EXPECT_FALSE(UnitNamed("Barn A7"));
  EXPECT_EQ(PostAs(admin, delete_child, {{"revision", std::to_string(child.revision)}}).status, 404);
  EXPECT_EQ(PostAs(admin, delete_parent, {{"revision", std::to_string(parent.revision)}}).status, 303);
  EXPECT_FALSE(UnitNamed("Forælder A7"));
}

// --- staff -----------------------------------------------------------------------------------

TEST_F(AdminPagesTest, AnInvitationPutsALinkInTheOutboxAndIsListedAsPending) {
  const Session admin = MunicipalAdmin();
  const auto unit = CreateUnit(domain::UnitKind::kAdministration, "Forvaltning B1", std::nullopt);
  const std::string email = "ny.medarbejder.b1@example.dk";
  const HttpResult invited = PostAs(admin, "/admin/0190/staff/invite",
                                    {{"email", "  Ny.Medarbejder.B1@Example.dk "},
                                     {"role", "municipal_employee"},
                                     {"unit_id", std::to_string(unit.id)}});
  ASSERT_EQ(invited.status, 303) << invited.body;
  EXPECT_EQ(invited.header("location"), "/admin/0190/staff?notice=invitation_sent");
  const auto mail = MailTo(email);
  ASSERT_TRUE(mail) << "an e-mail to the invited address";
  EXPECT_TRUE(Contains(mail->body, "/invitation/")) << mail->body;

  const HttpResult staff = GetAs(admin, invited.header("location"));
  ASSERT_EQ(staff.status, 200);
  EXPECT_TRUE(Contains(staff.body, Message("notice.invitation_sent")));
  EXPECT_TRUE(Contains(staff.body, "<td>" + email + "</td>")) << "pending invitation listed";
  EXPECT_TRUE(Contains(staff.body, "<td>Forvaltning B1</td>"));

  // The platform admin reads it in the outbox.
  const Session platform = PlatformAdmin();
  const HttpResult outbox = GetAs(platform, "/platform/outbox");
  ASSERT_EQ(outbox.status, 200);
  EXPECT_TRUE(Contains(outbox.body, "<td>" + email + "</td>"));
  EXPECT_TRUE(Contains(outbox.body, "<pre class=\"samskab-pre\">"));
  EXPECT_TRUE(Contains(outbox.body, "/invitation/"));
  EXPECT_EQ(GetAs(admin, "/platform/outbox").status, 403);
}

TEST_F(AdminPagesTest, AnInvitationWithABadAddressOrWithoutAUnitIs422AtTheField) {
  const Session admin = MunicipalAdmin();
  const HttpResult bad_email =
      PostAs(admin, "/admin/0190/staff/invite", {{"email", "ikke en adresse"}, {"role", "municipal_admin"}});
  EXPECT_EQ(bad_email.status, 422);
  EXPECT_TRUE(Contains(bad_email.body, "id=\"email-error\""));
  EXPECT_TRUE(Contains(bad_email.body, Message("validation.email")));
  EXPECT_TRUE(Contains(bad_email.body, "value=\"ikke en adresse\""));

  const HttpResult no_unit =
      PostAs(admin, "/admin/0190/staff/invite",
             {{"email", "uden.enhed.b2@example.dk"}, {"role", "municipal_employee"}, {"unit_id", ""}});
  EXPECT_EQ(no_unit.status, 422);
  EXPECT_TRUE(Contains(no_unit.body, "id=\"unit_id-error\""));
  EXPECT_TRUE(Contains(no_unit.body, Message("account.error.unit_required")));

  const HttpResult bad_role = PostAs(admin, "/admin/0190/staff/invite",
                                     {{"email", "platform.b2@example.dk"}, {"role", "platform_admin"}});
  EXPECT_EQ(bad_role.status, 422);
  EXPECT_TRUE(Contains(bad_role.body, "id=\"role-error\""));

  const HttpResult no_csrf =
      PostAs(admin, "/admin/0190/staff/invite",
             {{"email", "uden.token.b2@example.dk"}, {"role", "municipal_admin"}}, false);
  EXPECT_EQ(no_csrf.status, 403);
  for (const char* email : {"uden.enhed.b2@example.dk", "platform.b2@example.dk", "uden.token.b2@example.dk"})
    EXPECT_FALSE(MailTo(email)) << email;
}

TEST_F(AdminPagesTest, AnAdminRemovesAStaffRoleButNotTheirOwn) {
  const Session admin = MunicipalAdmin();
  const auto unit = CreateUnit(domain::UnitKind::kAdministration, "Forvaltning B3", std::nullopt);
  const int64_t employee = server_->AddUser("fjernes.b3@example.dk", kPassword,
                                            Grant{Role::kMunicipalEmployee, "0190", unit.id, std::nullopt});
  auto staff = app().accounts().ListStaff(domain::MunicipalityScope("0190"));
  ASSERT_TRUE(staff.ok());
  int64_t employee_grant = 0;
  int64_t own_grant = 0;
  for (const auto& member : *staff) {
    if (member.user_id == employee) employee_grant = member.grant_id;
    if (member.user_id == admin.user_id) own_grant = member.grant_id;
  }
  ASSERT_NE(employee_grant, 0);
  ASSERT_NE(own_grant, 0);
  const HttpResult page = GetAs(admin, "/admin/0190/staff");
  EXPECT_TRUE(Contains(page.body, "<td>fjernes.b3@example.dk</td>"));
  EXPECT_TRUE(Contains(page.body, fmt::format("action=\"/admin/0190/staff/{}/remove\"", employee_grant)));

  const std::string remove = fmt::format("/admin/0190/staff/{}/remove", employee_grant);
  EXPECT_EQ(PostAs(admin, remove, {}, false).status, 403);
  const HttpResult removed = PostAs(admin, remove, {});
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(removed.header("location"), "/admin/0190/staff?notice=staff_removed");
  auto after = app().accounts().GetUser(employee);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->grants.empty());
  EXPECT_EQ(PostAs(admin, remove, {}).status, 404) << "already removed";

  const HttpResult own = PostAs(admin, fmt::format("/admin/0190/staff/{}/remove", own_grant), {});
  EXPECT_EQ(own.status, 409);
  EXPECT_TRUE(Contains(own.body, Message("admin.staff.own_role")));
  EXPECT_EQ(GetAs(admin, "/admin/0190/staff").status, 200) << "still an admin";
}

// --- API tokens ------------------------------------------------------------------------------

TEST_F(AdminPagesTest, ANewTokenIsShownOnceWorksAsBearerAndStopsWorkingWhenRevoked) {
  const Session admin = MunicipalAdmin();
  const HttpResult created =
      PostAs(admin, "/admin/0190/tokens", {{"name", "Fagsystem C1"}, {"role", "municipal_employee"}});
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.header("cache-control"), "no-store");
  EXPECT_TRUE(Contains(created.body, Message("admin.tokens.created_note")));
  std::smatch match;
  ASSERT_TRUE(
      std::regex_search(created.body, match, std::regex("<code class=\"samskab-secret\">([^<]+)</code>")))
      << created.body;
  const std::string secret = match[1];

  const HttpResult me = Get(port(), "/api/v1/me", {{"Authorization", "Bearer " + secret}});
  ASSERT_EQ(me.status, 200) << me.body;
  const auto body = nlohmann::json::parse(me.body);
  EXPECT_EQ(body["kind"], "token");
  EXPECT_EQ(body["roles"][0]["role"], "municipal_employee");
  EXPECT_EQ(body["roles"][0]["municipality_code"], "0190");

  const HttpResult listed = GetAs(admin, "/admin/0190/tokens");
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(Contains(listed.body, "<td>Fagsystem C1</td>"));
  EXPECT_FALSE(Contains(listed.body, secret)) << "the secret is shown only once";

  auto tokens = app().accounts().ListApiTokens(domain::MunicipalityScope("0190"));
  ASSERT_TRUE(tokens.ok());
  auto token =
      std::find_if(tokens->begin(), tokens->end(), [](const auto& t) { return t.name == "Fagsystem C1"; });
  ASSERT_NE(token, tokens->end());
  EXPECT_EQ(token->created_by, admin.user_id);
  const std::string revoke = fmt::format("/admin/0190/tokens/{}/revoke", token->id);
  EXPECT_EQ(PostAs(admin, revoke, {}, false).status, 403);
  EXPECT_EQ(Get(port(), "/api/v1/me", {{"Authorization", "Bearer " + secret}}).status, 200);
  const HttpResult revoked = PostAs(admin, revoke, {});
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(revoked.header("location"), "/admin/0190/tokens?notice=token_revoked");
  EXPECT_EQ(Get(port(), "/api/v1/me", {{"Authorization", "Bearer " + secret}}).status, 401);
  EXPECT_TRUE(Contains(GetAs(admin, "/admin/0190/tokens").body, Message("admin.tokens.revoked")));
}

TEST_F(AdminPagesTest, ATokenNeedsANameAndAMunicipalRole) {
  const Session admin = MunicipalAdmin();
  const HttpResult unnamed =
      PostAs(admin, "/admin/0190/tokens", {{"name", " "}, {"role", "municipal_admin"}});
  EXPECT_EQ(unnamed.status, 422);
  EXPECT_TRUE(Contains(unnamed.body, "id=\"name-error\""));
  EXPECT_FALSE(Contains(unnamed.body, "samskab-secret"));
  const HttpResult platform =
      PostAs(admin, "/admin/0190/tokens", {{"name", "Operatør C2"}, {"role", "platform_admin"}});
  EXPECT_EQ(platform.status, 422);
  EXPECT_TRUE(Contains(platform.body, "id=\"role-error\""));
  EXPECT_EQ(
      PostAs(admin, "/admin/0190/tokens", {{"name", "Uden token C2"}, {"role", "municipal_admin"}}, false)
          .status,
      403);
  auto tokens = app().accounts().ListApiTokens(domain::MunicipalityScope("0190"));
  ASSERT_TRUE(tokens.ok());
  for (const auto& token : *tokens) {
    EXPECT_NE(token.name, "Operatør C2");
    EXPECT_NE(token.name, "Uden token C2");
  }
}

// --- audit log -------------------------------------------------------------------------------

TEST_F(AdminPagesTest, TheAuditLogPagesBackwardsAndRejectsABadCursor) {
  const Session admin = MunicipalAdmin();
  for (const char* bad : {"abc", "0", "-3", "1.5", "99999999999999999999999"})
    EXPECT_EQ(GetAs(admin, std::string("/admin/0190/audit?before=") + bad).status, 400) << bad;
  const auto parent = CreateUnit(domain::UnitKind::kAdministration, "Forvaltning D1", std::nullopt);
  for (int i = 0; i < 51; ++i)
    CreateUnit(domain::UnitKind::kCenter, fmt::format("Center D1-{:02}", i), parent.id);
  const HttpResult newest = GetAs(admin, "/admin/0190/audit");
  ASSERT_EQ(newest.status, 200);
  std::smatch match;
  ASSERT_TRUE(
      std::regex_search(newest.body, match, std::regex("href=\"(/admin/0190/audit\\?before=[0-9]+)\"")))
      << "a link to older entries";
  EXPECT_FALSE(Contains(newest.body, Message("admin.audit.newest")));
  const HttpResult older = GetAs(admin, match[1]);
  ASSERT_EQ(older.status, 200);
  EXPECT_TRUE(Contains(older.body, Message("admin.audit.newest")));
  EXPECT_TRUE(Contains(older.body, "Forvaltning D1")) << "the oldest of the batch is on the second page";
  // Nothing can change the log: there are no such routes.
  EXPECT_EQ(PostAs(admin, "/admin/0190/audit", {}).status, 405);
}

// --- the platform --------------------------------------------------------------------------

TEST_F(AdminPagesTest, APlatformAdminActivatesAMunicipalityAndTheChangeIsAudited) {
  const Session platform = PlatformAdmin();
  const HttpResult list = GetAs(platform, "/platform/municipalities");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, Message("platform.country_dk")));
  EXPECT_TRUE(Contains(list.body, Message("platform.country_no")));
  EXPECT_TRUE(Contains(list.body, "af 98 kommuner er aktive")) << "98 Danish municipalities";
  EXPECT_TRUE(Contains(list.body, "af 357 kommuner er aktive")) << "357 Norwegian municipalities";
  EXPECT_TRUE(Contains(list.body, "action=\"/platform/municipalities/0860\""));

  EXPECT_EQ(Get(port(), "/api/v1/municipalities/0860").status, 404);
  EXPECT_EQ(PostAs(platform, "/platform/municipalities/0860", {{"active", "1"}}, false).status, 403);
  EXPECT_EQ(Get(port(), "/api/v1/municipalities/0860").status, 404) << "nothing changed without CSRF";
  EXPECT_EQ(PostAs(platform, "/platform/municipalities/0860", {{"active", "yes"}}).status, 400);
  EXPECT_EQ(PostAs(platform, "/platform/municipalities/9999", {{"active", "1"}}).status, 404);

  const HttpResult activated = PostAs(platform, "/platform/municipalities/0860", {{"active", "1"}});
  ASSERT_EQ(activated.status, 303);
  EXPECT_EQ(activated.header("location"), "/platform/municipalities?notice=municipality_activated#m-0860");
  EXPECT_EQ(Get(port(), "/api/v1/municipalities/0860").status, 200);
  auto entries = app().audit().List(domain::MunicipalityScope("0860"), 10, 0);
  ASSERT_TRUE(entries.ok());
  ASSERT_FALSE(entries->empty());
  EXPECT_EQ(entries->front().action, "municipality.activate");
  EXPECT_EQ(entries->front().actor_user_id, platform.user_id);
  EXPECT_EQ(nlohmann::json::parse(*entries->front().before_json)["active"], false);
  EXPECT_EQ(nlohmann::json::parse(*entries->front().after_json)["active"], true);

  ASSERT_EQ(PostAs(platform, "/platform/municipalities/0860", {{"active", "0"}}).status, 303);
  EXPECT_EQ(Get(port(), "/api/v1/municipalities/0860").status, 404);
  entries = app().audit().List(domain::MunicipalityScope("0860"), 10, 0);
  EXPECT_EQ(entries->front().action, "municipality.deactivate");
  // The municipal admin of 0190 cannot do this.
  const Session admin = MunicipalAdmin();
  EXPECT_EQ(PostAs(admin, "/platform/municipalities/0860", {{"active", "1"}}).status, 403);
  EXPECT_EQ(Get(port(), "/api/v1/municipalities/0860").status, 404);
}

TEST_F(AdminPagesTest, TheOverviewLinksWhatEachRoleAdministers) {
  const Session admin = MunicipalAdmin();
  const HttpResult municipal = GetAs(admin, "/admin");
  ASSERT_EQ(municipal.status, 200);
  EXPECT_TRUE(Contains(municipal.body, "<a href=\"/admin/0190/units\" class=\"function-link\">Furesø</a>"));
  EXPECT_FALSE(Contains(municipal.body, "/platform/outbox"));
  EXPECT_TRUE(Contains(municipal.body, "<a href=\"/admin\" class=\"nav-link\" aria-current=\"page\">"))
      << "the menu item for administrators";

  const HttpResult platform = GetAs(PlatformAdmin(), "/admin");
  EXPECT_TRUE(Contains(platform.body, "href=\"/platform/municipalities\""));
  EXPECT_TRUE(Contains(platform.body, "href=\"/platform/outbox\""));

  auto organisation = app().accounts().CreateOrganisation(domain::Actor::System("test", "test"),
                                                          "Forening E1", "association");
  ASSERT_TRUE(organisation.ok());
  const Session org_admin = LoginAs("org", Grant{Role::kOrganisationAdmin, "", std::nullopt, *organisation});
  const HttpResult org = GetAs(org_admin, "/admin");
  EXPECT_TRUE(Contains(org.body, fmt::format("href=\"/organisations/{}/members\"", *organisation)));
  EXPECT_TRUE(Contains(org.body, "Forening E1"));
}

// --- organisations ---------------------------------------------------------------------------

TEST_F(AdminPagesTest, AnOrganisationAdminInvitesAMemberOfTheirOwnOrganisationOnly) {
  auto organisation = app().accounts().CreateOrganisation(domain::Actor::System("test", "test"),
                                                          "Idrætsforeningen F1", "association");
  auto other = app().accounts().CreateOrganisation(domain::Actor::System("test", "test"), "Anden forening F1",
                                                   "association");
  ASSERT_TRUE(organisation.ok() && other.ok());
  const Session org_admin = LoginAs("org", Grant{Role::kOrganisationAdmin, "", std::nullopt, *organisation});
  const std::string members = fmt::format("/organisations/{}/members", *organisation);
  const HttpResult page = GetAs(org_admin, members);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<h1>Medlemmer af Idrætsforeningen F1</h1>"));

  const HttpResult bad =
      PostAs(org_admin, members + "/invite", {{"email", "nej"}, {"role", "organisation_member"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, Message("validation.email")));
  const HttpResult wrong_role =
      PostAs(org_admin, members + "/invite", {{"email", "admin.f1@example.dk"}, {"role", "municipal_admin"}});
  EXPECT_EQ(wrong_role.status, 422);
  EXPECT_EQ(PostAs(org_admin, members + "/invite",
                   {{"email", "csrf.f1@example.dk"}, {"role", "organisation_member"}}, false)
                .status,
            403);
  const HttpResult invited = PostAs(org_admin, members + "/invite",
                                    {{"email", "medlem.f1@example.dk"}, {"role", "organisation_member"}});
  ASSERT_EQ(invited.status, 303) << invited.body;
  EXPECT_EQ(invited.header("location"), members + "?notice=invitation_sent");
  const auto mail = MailTo("medlem.f1@example.dk");
  ASSERT_TRUE(mail);
  EXPECT_TRUE(Contains(mail->body, "/invitation/"));
  EXPECT_FALSE(MailTo("csrf.f1@example.dk"));
  EXPECT_FALSE(MailTo("admin.f1@example.dk"));

  const std::string theirs = fmt::format("/organisations/{}/members", *other);
  EXPECT_EQ(GetAs(org_admin, theirs).status, 404);
  EXPECT_EQ(PostAs(org_admin, theirs + "/invite",
                   {{"email", "fremmed.f1@example.dk"}, {"role", "organisation_member"}})
                .status,
            404);
  EXPECT_FALSE(MailTo("fremmed.f1@example.dk"));
  EXPECT_EQ(GetAs(org_admin, "/admin/0190/units").status, 403);
}

TEST_F(AdminPagesTest, TheMembersPageListsTheOrganisationsPeopleOnly) {
  const auto actor = domain::Actor::System("test", "test");
  auto organisation =
      app().accounts().CreateOrganisation(actor, "Spejderne M1", "popular_education_association");
  auto other = app().accounts().CreateOrganisation(actor, "Andre M1", "community");
  ASSERT_TRUE(organisation.ok() && other.ok());
  const Session org_admin =
      LoginAs("org-m1", Grant{Role::kOrganisationAdmin, "", std::nullopt, *organisation});
  domain::User marked;
  marked.email = "medlem-m1@example.dk";
  marked.display_name = "<b>medlem</b> M1";
  marked.password_hash = "-x-";
  ASSERT_TRUE(
      app()
          .accounts()
          .CreateUser(actor, marked, {Grant{Role::kOrganisationMember, "", std::nullopt, *organisation}})
          .ok());
  server_->AddUser("fremmed-m1@example.dk", kPassword,
                   Grant{Role::kOrganisationMember, "", std::nullopt, *other});
  const HttpResult page = GetAs(org_admin, fmt::format("/organisations/{}/members", *organisation));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "&lt;b&gt;medlem&lt;/b&gt;"));
  EXPECT_FALSE(Contains(page.body, "<b>medlem</b>"));
  EXPECT_TRUE(Contains(page.body, Message("role.organisation_member")));
  EXPECT_TRUE(Contains(page.body, Message("role.organisation_admin")));
  EXPECT_FALSE(Contains(page.body, "fremmed-m1@example.dk"));
}

TEST_F(AdminPagesTest, AdminsReadTheirMunicipalitysContactMessagesEscaped) {
  const HttpResult form = Get(port(), "/contact");
  const std::string csrf = testing::CsrfFromPage(form.body);
  const std::string cookie = form.header("set-cookie").substr(0, form.header("set-cookie").find(';'));
  const HttpResult sent =
      Send(port(), "POST", "/contact",
           "csrf_token=" + csrf + "&name=Ida+I1&email=ida%40example.dk&topic=idea&message=" +
               text::PercentEncode("<script>alert('I1')</script> Vi vil gerne hjælpe"),
           {{"Content-Type", kForm}, {"Cookie", cookie}});
  ASSERT_EQ(sent.status, 303);
  const Session admin = MunicipalAdmin("0190");
  const HttpResult page = GetAs(admin, "/admin/0190/inquiries");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Ida I1"));
  EXPECT_TRUE(Contains(page.body, "&lt;script&gt;alert(&#39;I1&#39;)&lt;/script&gt; Vi vil gerne hjælpe"));
  EXPECT_FALSE(Contains(page.body, "<script>alert"));
  EXPECT_TRUE(Contains(page.body, Message("contact.topic_option.idea")));
  // Aalborg's admin sees none of Furesø's messages.
  const Session aalborg = MunicipalAdmin("0851");
  EXPECT_EQ(GetAs(aalborg, "/admin/0190/inquiries").status, 404);
  const HttpResult own = GetAs(aalborg, "/admin/0851/inquiries");
  EXPECT_EQ(own.status, 200);
  EXPECT_FALSE(Contains(own.body, "Ida I1"));
}

// --- organisation profiles --------------------------------------------------------------------

TEST_F(AdminPagesTest, AnOrganisationAdminEditsTheProfileWithSeedFoursQuestions) {
  auto organisation = app().accounts().CreateOrganisation(domain::Actor::System("test", "test"),
                                                          "Spejderne P1", "popular_education_association");
  ASSERT_TRUE(organisation.ok());
  const Session org_admin = LoginAs("org", Grant{Role::kOrganisationAdmin, "", std::nullopt, *organisation});
  const std::string path = fmt::format("/organisations/{}/profile", *organisation);
  const HttpResult page = GetAs(org_admin, path);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<h1>Profil for Spejderne P1</h1>"));
  EXPECT_TRUE(Contains(page.body, "Kan du beskrive de ressourcer, din organisation har?"));
  EXPECT_TRUE(Contains(
      page.body,
      "<legend class=\"form-label\">Kan I beskrive den(de) rolle(r), din organisation kan spille?</legend>"));
  EXPECT_TRUE(Contains(page.body, "id=\"roles_cannot-watchdog\" name=\"roles_cannot\" value=\"watchdog\""));
  EXPECT_TRUE(Contains(page.body, "Har du stikord, der kan beskrive de rammer, I arbejder under?"));
  auto current = app().organisations().GetOwn(*organisation);
  ASSERT_TRUE(current.ok());
  const std::string revision = std::to_string(current->revision);

  // Every problem at its field; nothing is saved.
  const HttpResult bad = PostAs(org_admin, path,
                                {{"revision", revision},
                                 {"name", "Spejderne P1"},
                                 {"kind", "popular_education_association"},
                                 {"cvr", "29188549"},
                                 {"postcode", "0000"},
                                 {"roles_can", "advocate"},
                                 {"roles_cannot", "advocate"},
                                 {"contacts.0.name", "Anna"},
                                 {"contacts.0.email", "ikke-en-adresse"}});
  EXPECT_EQ(bad.status, 422);
  for (const char* field : {"cvr", "postcode", "roles_cannot", "contacts.0.email"})
    EXPECT_TRUE(Contains(bad.body, fmt::format("href=\"#{}\"", field))) << field;
  EXPECT_TRUE(Contains(bad.body, Message("validation.cvr_checksum")));
  EXPECT_TRUE(Contains(bad.body, Message("organisation.error.roles_overlap")));
  EXPECT_TRUE(Contains(bad.body, "value=\"ikke-en-adresse\"")) << "the typed values come back";
  EXPECT_EQ(app().organisations().GetOwn(*organisation)->revision, current->revision);
  EXPECT_EQ(
      PostAs(org_admin, path, {{"revision", revision}, {"name", "Uden CSRF"}, {"kind", "community"}}, false)
          .status,
      403);

  const HttpResult saved = PostAs(org_admin, path,
                                  {{"revision", revision},
                                   {"name", "Spejderne P1"},
                                   {"kind", "popular_education_association"},
                                   {"postcode", "3520"},
                                   {"resources", "40 ledere og en hytte"},
                                   {"roles_can", "provider"},
                                   {"roles_can", "partner"},
                                   {"roles_cannot", "supplier"},
                                   {"welfare_areas", "children_and_young_people"},
                                   {"frames", "Korpsets vedtægter"},
                                   {"is_public", "1"},
                                   {"contacts.0.name", "Anna Leder"},
                                   {"contacts.0.email", "anna@spejder.dk"},
                                   {"contacts.0.public", "1"},
                                   {"contacts.1.name", ""}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), path + "?notice=profile_saved");
  const auto after = app().organisations().GetOwn(*organisation);
  EXPECT_EQ(after->town, "Farum");
  EXPECT_EQ(after->roles_can, (std::vector<std::string>{"provider", "partner"}));
  ASSERT_EQ(after->contacts.size(), 1U);
  EXPECT_TRUE(after->contacts[0].is_public);
  // A stale form (loaded before that save) does not overwrite it.
  EXPECT_EQ(
      PostAs(org_admin, path, {{"revision", revision}, {"name", "Gammel"}, {"kind", "community"}}).status,
      412);
  EXPECT_EQ(app().organisations().GetOwn(*organisation)->name, "Spejderne P1");

  // Now public: in the directory and on its public page, with the public contact.
  const HttpResult directory = Get(port(), "/organisations?q=spejderne+p1");
  ASSERT_EQ(directory.status, 200);
  EXPECT_TRUE(Contains(directory.body, fmt::format("href=\"/organisations/{}\"", *organisation)));
  const HttpResult profile = Get(port(), fmt::format("/organisations/{}", *organisation));
  ASSERT_EQ(profile.status, 200);
  EXPECT_TRUE(Contains(profile.body, "40 ledere og en hytte"));
  EXPECT_TRUE(Contains(profile.body, "anna@spejder.dk"));
  EXPECT_TRUE(Contains(profile.body, Message("organisation.roles.partner")));
  EXPECT_EQ(GetAs(org_admin, "/organisations/999999/profile").status, 404);
}

TEST_F(AdminPagesTest, TheDirectoryAndPublicPagesShowPublicProfilesOnly) {
  const auto actor = domain::Actor::System("test", "test");
  domain::Organisation hidden;
  hidden.name = "Skjult fællesskab Q1";
  auto hidden_one = app().organisations().Create(domain::MunicipalityScope("0190"), actor, hidden);
  domain::Organisation shown;
  shown.name = "Åben gåklub Q1";
  shown.is_public = true;
  shown.contacts = {{"Privat Person", "", "privat@example.dk", "", false}};
  auto shown_one = app().organisations().Create(domain::MunicipalityScope("0190"), actor, shown);
  ASSERT_TRUE(hidden_one.ok() && shown_one.ok());
  const HttpResult directory = Get(port(), "/organisations?q=Q1");
  ASSERT_EQ(directory.status, 200);
  EXPECT_TRUE(Contains(directory.body, "Åben gåklub Q1"));
  EXPECT_FALSE(Contains(directory.body, "Skjult fællesskab Q1"));
  EXPECT_TRUE(Contains(directory.body,
                       "href=\"/organisations\" class=\"function-link\">" + Message("nav.organisations")))
      << "the directory is linked from every page's footer";
  const HttpResult filtered = Get(port(), "/organisations?q=%C3%A5BEN+q1&kind=company");
  EXPECT_FALSE(Contains(filtered.body, "Åben gåklub Q1"));
  EXPECT_EQ(Get(port(), fmt::format("/organisations/{}", hidden_one->id)).status, 404);
  const HttpResult page = Get(port(), fmt::format("/organisations/{}", shown_one->id));
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(Contains(page.body, "privat@example.dk")) << "a contact not marked public stays hidden";
  EXPECT_EQ(Get(port(), "/organisations/abc").status, 404);
}

TEST_F(AdminPagesTest, StaffRegisterAndEditTheirMunicipalitysOrganisationsAndOnlyReadOthers) {
  auto unit = CreateUnit(domain::UnitKind::kAdministration, "Forvaltningen R1", std::nullopt);
  const Session employee =
      LoginAs("employee", Grant{Role::kMunicipalEmployee, "0190", unit.id, std::nullopt});
  const HttpResult list = GetAs(employee, "/admin/0190/organisations");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(Contains(list.body, "<h1>Organisationer i Furesø</h1>"));
  EXPECT_FALSE(Contains(list.body, "href=\"/admin/0190/units\""))
      << "the admins' pages are not in an employee's menu";
  EXPECT_EQ(GetAs(employee, "/admin/0851/organisations").status, 404);

  const HttpResult bad = PostAs(employee, "/admin/0190/organisations",
                                {{"name", ""}, {"kind", "club"}, {"cvr", "1234"}, {"postcode", "99"}});
  EXPECT_EQ(bad.status, 422);
  for (const char* field : {"name", "kind", "cvr", "postcode"})
    EXPECT_TRUE(Contains(bad.body, fmt::format("href=\"#{}\"", field))) << field;
  EXPECT_TRUE(Contains(bad.body, Message("validation.cvr_format")));

  const HttpResult created = PostAs(employee, "/admin/0190/organisations",
                                    {{"name", "Naboskabet R1"}, {"kind", "community"}, {"postcode", "3500"}});
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string location = created.header("location");
  ASSERT_EQ(location.rfind("/admin/0190/organisations/", 0), 0U) << location;
  const std::string edit = location.substr(0, location.find('?'));
  const HttpResult form = GetAs(employee, location);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, Message("notice.organisation_created")));
  EXPECT_TRUE(Contains(form.body, "value=\"Naboskabet R1\""));
  const std::regex revision_field("name=\"revision\" value=\"([0-9]+)\"");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(form.body, match, revision_field));
  const HttpResult saved = PostAs(employee, edit,
                                  {{"revision", match[1]},
                                   {"name", "Naboskabet Stavnsholt R1"},
                                   {"kind", "community"},
                                   {"target_groups", "lonely"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_TRUE(
      Contains(GetAs(employee, "/admin/0190/organisations?q=stavnsholt").body, "Naboskabet Stavnsholt R1"));

  // Aalborg's staff do not see it; an organisation's own shared profile is read-only for staff.
  const Session aalborg = MunicipalAdmin("0851");
  EXPECT_EQ(GetAs(aalborg, "/admin/0851" + edit.substr(std::string("/admin/0190").size())).status, 404);
  auto own = app().accounts().CreateOrganisation(domain::Actor::System("test", "test"), "Egen profil R1",
                                                 "humanitarian_association");
  ASSERT_TRUE(app().organisations().Share(domain::Actor::System("test", "test"), *own, "0190").ok());
  const std::string own_path = fmt::format("/admin/0190/organisations/{}", *own);
  const HttpResult read_only = GetAs(employee, own_path);
  ASSERT_EQ(read_only.status, 200);
  EXPECT_TRUE(Contains(read_only.body, Message("admin.organisations.readonly_lead")));
  EXPECT_FALSE(Contains(read_only.body, "name=\"revision\""));
  const HttpResult refused =
      PostAs(employee, own_path, {{"revision", "1"}, {"name", "Overtaget"}, {"kind", "community"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(app().organisations().GetOwn(*own)->name, "Egen profil R1");
}

}  // namespace
}  // namespace samskab
