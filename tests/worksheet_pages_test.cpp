// The center worksheet pages end to end over HTTP: start a unit's worksheet from the list, save,
// revisit, print; a stale revision keeps the typed answers and changes nothing; another
// municipality's unit (404), a unit out of the employee's reach (403), a bad year (a clear
// message), a post without its CSRF token (refused, nothing changed).
#include <gtest/gtest.h>

#include <fmt/format.h>

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
using Fields = std::vector<std::pair<std::string, std::string>>;

struct Session {
  std::string cookie;
  std::string csrf;
};

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string HiddenRevision(const std::string& html) {
  std::smatch match;
  static const std::regex kRevision(R"re(name="revision" value="(\d+)")re");
  return std::regex_search(html, match, kRevision) ? match[1].str() : "";
}

class WorksheetPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    const int64_t administration =
        AddUnit("0190", domain::UnitKind::kAdministration, "Velfærd", std::nullopt);
    health_ = AddUnit("0190", domain::UnitKind::kCenter, "Center for Sundhed", administration);
    nursing_home_ = AddUnit("0190", domain::UnitKind::kDepartment, "Plejecenter Lillevang", health_);
    daycare_ = AddUnit("0190", domain::UnitKind::kCenter, "Center for Dagtilbud", administration);
    aalborg_ = AddUnit("0851", domain::UnitKind::kAdministration, "Aalborg forvaltning", std::nullopt);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static app::App& app() { return server_->app(); }
  static int64_t AddUnit(const std::string& code, domain::UnitKind kind, const std::string& name,
                         std::optional<int64_t> parent) {
    return server_->AddUnit(code, kind, name, parent).id;
  }
  static Session LoginAs(Grant grant) {
    static std::atomic<int> counter{0};
    const std::string email = fmt::format("person-{}@worksheets.example", ++counter);
    server_->AddUser(email, kPassword, std::move(grant));
    Session session;
    session.cookie = server_->Login(email, kPassword);
    EXPECT_FALSE(session.cookie.empty());
    session.csrf = server_->CsrfFor(session.cookie);
    return session;
  }
  static Session Admin() { return LoginAs(Grant{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt}); }
  static Session Employee(int64_t unit) {
    return LoginAs(Grant{Role::kMunicipalEmployee, "0190", unit, std::nullopt});
  }
  static HttpResult GetAs(const Session& session, const std::string& target) {
    return Get(server_->port(), target, {{"Cookie", session.cookie}});
  }
  static HttpResult PostAs(const Session& session, const std::string& target, const Fields& fields,
                           bool with_csrf = true) {
    std::string body = with_csrf ? "csrf_token=" + session.csrf : "";
    for (const auto& [name, value] : fields)
      body += (body.empty() ? "" : "&") + name + "=" + text::PercentEncode(value);
    return Send(server_->port(), "POST", target, body,
                {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", session.cookie}});
  }
  static std::string Path(int64_t unit, int year) {
    return fmt::format("/admin/0190/worksheets/{}/{}", unit, year);
  }
  static int64_t Count(const std::string& table) {
    auto lease = app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  static std::string Message(std::string_view key) { return web::EscapeHtml(app().catalog().Get("da", key)); }

  static TestServer* server_;
  static int64_t health_, nursing_home_, daycare_, aalborg_;
};
TestServer* WorksheetPagesTest::server_ = nullptr;
int64_t WorksheetPagesTest::health_ = 0;
int64_t WorksheetPagesTest::nursing_home_ = 0;
int64_t WorksheetPagesTest::daycare_ = 0;
int64_t WorksheetPagesTest::aalborg_ = 0;

TEST_F(WorksheetPagesTest, AnEmployeeStartsSavesRevisitsAndPrintsTheirCentersWorksheet) {
  const Session employee = Employee(health_);
  const HttpResult list = GetAs(employee, "/admin/0190/worksheets");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(
      Contains(list.body, "href=\"/admin/0190/worksheets\" class=\"nav-link\" aria-current=\"page\""));
  // The open form offers the center and its department, not another center.
  EXPECT_TRUE(Contains(list.body, "action=\"/admin/0190/worksheets/open\""));
  EXPECT_TRUE(Contains(list.body, "Plejecenter Lillevang"));
  EXPECT_FALSE(Contains(list.body, "Center for Dagtilbud"));

  const HttpResult open =
      GetAs(employee, fmt::format("/admin/0190/worksheets/open?unit_id={}&year=2026", health_));
  ASSERT_EQ(open.status, 303) << open.body;
  EXPECT_EQ(open.header("location"), Path(health_, 2026));

  const HttpResult form = GetAs(employee, Path(health_, 2026));
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(Contains(form.body, "Drøftelsesguide: Center for Sundhed, 2026"));
  EXPECT_TRUE(Contains(form.body, Message("worksheet.question.priorities")));
  EXPECT_TRUE(Contains(form.body, Message("worksheet.not_saved_yet")));
  EXPECT_TRUE(Contains(form.body, "href=\"/model/quadrants/3\""));
  EXPECT_TRUE(Contains(form.body, "name=\"quadrants\" value=\"4\""));
  EXPECT_EQ(HiddenRevision(form.body), "0");

  const HttpResult saved = PostAs(employee, Path(health_, 2026),
                                  {{"revision", "0"},
                                   {"work_areas", "Besøg på plejecentre\nMotion for ældre"},
                                   {"priorities", "Besøgsvenner"},
                                   {"quadrants", "1"},
                                   {"quadrants", "3"},
                                   {"relatives", "Pårørenderådet <b>Lillevang</b>"},
                                   {"contact_owner", "Centerlederen"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), Path(health_, 2026) + "?notice=worksheet.saved");

  const HttpResult again = GetAs(employee, saved.header("location"));
  ASSERT_EQ(again.status, 200);
  EXPECT_TRUE(Contains(again.body, Message("notice.worksheet.saved")));
  EXPECT_TRUE(Contains(again.body, "Besøg på plejecentre\nMotion for ældre</textarea>"));
  EXPECT_TRUE(Contains(again.body, "value=\"Centerlederen\""));
  EXPECT_TRUE(Contains(again.body, "value=\"3\" checked"));
  EXPECT_FALSE(Contains(again.body, "value=\"2\" checked"));
  EXPECT_EQ(HiddenRevision(again.body), "1");
  EXPECT_TRUE(Contains(again.body, "href=\"" + Path(health_, 2026) + "/print\""));

  const HttpResult print = GetAs(employee, Path(health_, 2026) + "/print");
  ASSERT_EQ(print.status, 200) << print.body;
  EXPECT_FALSE(Contains(print.body, "samskab-sidenav"));
  EXPECT_TRUE(Contains(print.body, Message("worksheet.question.relatives")));
  EXPECT_TRUE(Contains(print.body, "Pårørenderådet &lt;b&gt;Lillevang&lt;/b&gt;"));
  EXPECT_TRUE(Contains(print.body, Message("collaboration.quadrant.q3.title")));
  EXPECT_FALSE(Contains(print.body, Message("collaboration.quadrant.q2.title")));
  EXPECT_TRUE(Contains(print.body, Message("worksheet.not_answered")));  // spreading was left empty

  // The list shows it; a colleague of another center may read (print) but not fill it in.
  const HttpResult listed = GetAs(Employee(daycare_), "/admin/0190/worksheets");
  EXPECT_TRUE(Contains(listed.body, "Center for Sundhed"));
  EXPECT_TRUE(Contains(listed.body, "href=\"" + Path(health_, 2026) + "/print\""));
  EXPECT_FALSE(Contains(listed.body, "href=\"" + Path(health_, 2026) + "\""));
}

TEST_F(WorksheetPagesTest, AStaleRevisionKeepsTheTypedAnswersAndChangesNothing) {
  const Session admin = Admin();
  ASSERT_EQ(PostAs(admin, Path(daycare_, 2027), {{"revision", "0"}, {"priorities", "Første udgave"}}).status,
            303);
  ASSERT_EQ(PostAs(admin, Path(daycare_, 2027), {{"revision", "1"}, {"priorities", "Anden udgave"}}).status,
            303);
  const int64_t audit_before = Count("audit_log");
  const HttpResult stale =
      PostAs(admin, Path(daycare_, 2027), {{"revision", "1"}, {"priorities", "Min udgave"}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_TRUE(Contains(stale.body, Message("worksheet.error.stale")));
  EXPECT_TRUE(Contains(stale.body, "Min udgave"));
  EXPECT_EQ(HiddenRevision(stale.body), "2");  // the next save knowingly replaces the newer one
  // Starting one that someone else started meanwhile is stale as well.
  EXPECT_EQ(PostAs(admin, Path(daycare_, 2027), {{"revision", "0"}, {"priorities", "Ny"}}).status, 412);
  EXPECT_EQ(app().worksheets().Get(domain::MunicipalityScope("0190"), daycare_, 2027)->priorities,
            "Anden udgave");
  EXPECT_EQ(Count("audit_log"), audit_before);
}

TEST_F(WorksheetPagesTest, UnitsOutsideTheMunicipalityOrTheReachBadYearsAndMissingCsrfAreRefused) {
  const Session employee = Employee(nursing_home_);
  const int64_t before = Count("center_worksheets");
  // Another municipality's unit: not found, for the form, the post and the print.
  EXPECT_EQ(GetAs(employee, Path(aalborg_, 2026)).status, 404);
  EXPECT_EQ(PostAs(employee, Path(aalborg_, 2026), {{"revision", "0"}}).status, 404);
  EXPECT_EQ(GetAs(Admin(), Path(aalborg_, 2026) + "/print").status, 404);
  // The center above the employee's department is not theirs to fill in.
  const HttpResult above = GetAs(employee, Path(health_, 2028));
  EXPECT_EQ(above.status, 403);
  EXPECT_TRUE(Contains(above.body, Message("worksheet.error.not_your_unit")));
  EXPECT_EQ(PostAs(employee, Path(health_, 2028), {{"revision", "0"}, {"priorities", "x"}}).status, 403);
  // A year out of range or not a year: a clear message.
  for (const char* year : {"1999", "2101", "tyve"}) {
    const HttpResult bad = GetAs(employee, fmt::format("/admin/0190/worksheets/{}/{}", nursing_home_, year));
    EXPECT_EQ(bad.status, 422) << year;
    EXPECT_TRUE(Contains(bad.body, Message("worksheet.error.year"))) << year;
  }
  const HttpResult open =
      GetAs(employee, fmt::format("/admin/0190/worksheets/open?unit_id={}&year=19", nursing_home_));
  EXPECT_EQ(open.status, 422);
  EXPECT_TRUE(Contains(open.body, Message("worksheet.error.year")));
  EXPECT_TRUE(Contains(open.body, "href=\"#year\""));
  // No CSRF token: refused.
  const HttpResult forged = PostAs(employee, Path(nursing_home_, 2026),
                                   {{"revision", "0"}, {"priorities", "x"}}, /*with_csrf=*/false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_TRUE(Contains(forged.body, Message("validation.csrf")));
  // An answer too long is named at its field.
  const HttpResult too_long = PostAs(employee, Path(nursing_home_, 2026),
                                     {{"revision", "0"}, {"contact_owner", std::string(501, 'x')}});
  EXPECT_EQ(too_long.status, 422);
  EXPECT_TRUE(Contains(too_long.body, "href=\"#contact_owner\""));
  EXPECT_EQ(Count("center_worksheets"), before);
}

}  // namespace
}  // namespace samskab
