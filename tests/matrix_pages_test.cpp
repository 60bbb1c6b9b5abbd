// The matrix and the advisor pages end to end over HTTP: the SVG with its counts and links, the
// printable version, tenants, and the advisor's placement, attention points and "save as idea".
#include <gtest/gtest.h>

#include <fmt/format.h>

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

class MatrixPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>();
    const domain::MunicipalityScope scope("0190");
    const auto actor = domain::Actor::System("test", "t");
    domain::Unit center;
    center.kind = domain::UnitKind::kAdministration;
    center.name = "Forvaltningen";
    auto administration = server_->app().units().Create(scope, actor, center);
    ASSERT_TRUE(administration.ok());
    center.kind = domain::UnitKind::kCenter;
    center.name = "Center for Sundhed";
    center.parent_id = administration->id;
    auto created = server_->app().units().Create(scope, actor, center);
    ASSERT_TRUE(created.ok());
    unit_ = created->id;
    server_->AddUser("ansat@matrix.test", kPassword,
                     Grant{Role::kMunicipalEmployee, "0190", unit_, std::nullopt});
    cookie_ = server_->Login("ansat@matrix.test", kPassword);
    csrf_ = server_->CsrfFor(cookie_);
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO organisations (name, kind, is_public, created_at, updated_at) VALUES ('Spejderne', "
        "'popular_education_association', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id");
    ASSERT_TRUE(rows.ok());
    scouts_ = rows->front().Int(0);
  }
  int64_t AddCollaboration(const std::string& title, domain::InvolvementFacts facts, bool with_partner) {
    domain::Collaboration c;
    c.title = title;
    c.unit_ids = {unit_};
    c.facts = facts;
    if (with_partner) c.partner_ids = {scouts_};
    auto created = server_->app().collaborations().Create(domain::MunicipalityScope("0190"),
                                                          domain::Actor::System("test", "t"), c);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? created->id : 0;
  }
  HttpResult Page(const std::string& target) { return Get(server_->port(), target, {{"Cookie", cookie_}}); }
  HttpResult PostForm(const std::string& target, const std::string& body) {
    return Send(server_->port(), "POST", target, body,
                {{"Cookie", cookie_}, {"Content-Type", "application/x-www-form-urlencoded"}});
  }
  int64_t Count(const std::string& where) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM collaborations WHERE " + where);
    return rows.ok() ? rows->front().Int(0) : -1;
  }

  std::unique_ptr<TestServer> server_;
  int64_t unit_ = 0, scouts_ = 0;
  std::string cookie_, csrf_;
};

TEST_F(MatrixPagesTest, TheMatrixDrawsEveryPlacedCollaborationWithItsCountsAndLinks) {
  domain::InvolvementFacts high;
  high.staff_take_part = true;
  domain::InvolvementFacts low;
  low.rooms_lent = true;
  const int64_t first = AddCollaboration("Spejder <på> plejehjem", high, true);
  AddCollaboration("Lån af hal", low, true);
  AddCollaboration("Uden partner", low, false);
  const HttpResult page = Page("/admin/0190/matrix");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<svg"), std::string::npos);
  EXPECT_NE(page.body.find(fmt::format("href=\"/admin/0190/collaborations/{}\"", first)), std::string::npos);
  EXPECT_NE(page.body.find("Spejder &lt;på&gt; plejehjem"), std::string::npos);
  EXPECT_EQ(page.body.find("Spejder <på>"), std::string::npos);
  // The counts table: one in quadrant 1, one in quadrant 3, one without a partner.
  EXPECT_NE(page.body.find("href=\"/admin/0190/collaborations?quadrant=1\">1</a>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin/0190/collaborations?quadrant=3\">1</a>"), std::string::npos);
  EXPECT_NE(page.body.find("<td>1</td>"), std::string::npos);
  // The overview's filters apply and travel with the links.
  const HttpResult filtered = Page("/admin/0190/matrix?level=low&q=hal");
  ASSERT_EQ(filtered.status, 200);
  EXPECT_EQ(filtered.body.find(fmt::format("collaborations/{}\"", first)), std::string::npos);
  EXPECT_NE(filtered.body.find("quadrant=3&amp;q=hal"), std::string::npos);
  // The overview's filter form, open while filters are in use and keeping their values.
  EXPECT_NE(filtered.body.find("<details class=\"samskab-noprint mt-5\" open>"), std::string::npos);
  EXPECT_NE(filtered.body.find("<form method=\"get\" action=\"/admin/0190/matrix\""), std::string::npos)
      << filtered.body;
  EXPECT_NE(filtered.body.find("<option value=\"low\" selected>"), std::string::npos);
  EXPECT_NE(page.body.find("<details class=\"samskab-noprint mt-5\">"), std::string::npos);
  // A bad value: the form names it, the matrix shows every collaboration meanwhile.
  const HttpResult bad = Page("/admin/0190/matrix?quadrant=9");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find(web::EscapeHtml(server_->app().catalog().Get("da", "overview.error.quadrant"))),
            std::string::npos);
  EXPECT_NE(bad.body.find(fmt::format("collaborations/{}\"", first)), std::string::npos);
  // The printable version has the drawing, not the menu.
  const HttpResult print = Page("/admin/0190/matrix/print");
  ASSERT_EQ(print.status, 200);
  EXPECT_NE(print.body.find("<svg"), std::string::npos);
  EXPECT_EQ(print.body.find("samskab-sidenav"), std::string::npos);
  EXPECT_NE(page.body.find("samskab-sidenav"), std::string::npos);
  // Another municipality's matrix is not there for this employee.
  EXPECT_EQ(Page("/admin/0851/matrix").status, 404);
}

TEST_F(MatrixPagesTest, TheAdvisorPlacesAPlannedCollaborationAndSavesItAsAnIdea) {
  const HttpResult advice = Page("/admin/0190/advisor?ask=1&kind=community&fact=staff_take_part");
  ASSERT_EQ(advice.status, 200) << advice.body;
  EXPECT_NE(advice.body.find("Høj grad af kommunal involvering · Kvadrant 2"), std::string::npos);
  EXPECT_NE(advice.body.find("/model/quadrants/2"), std::string::npos);
  EXPECT_NE(advice.body.find("name=\"title\""), std::string::npos);
  const HttpResult medium = Page("/admin/0190/advisor?ask=1&kind=humanitarian_association&fact=coordination");
  EXPECT_NE(medium.body.find("mellem kvadrant 1 og 3"), std::string::npos);
  // Saving needs a title; the problem is shown at the field and nothing is stored.
  const std::string answers = "ask=1&kind=community&fact=staff_take_part&unit_id=" + std::to_string(unit_);
  const HttpResult missing =
      PostForm("/admin/0190/advisor/save", "csrf_token=" + csrf_ + "&title=&" + answers);
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("href=\"#title\""), std::string::npos);
  EXPECT_EQ(Count("1 = 1"), 0);
  // Without the CSRF token: refused, nothing stored.
  EXPECT_EQ(PostForm("/admin/0190/advisor/save", "title=Naboer&" + answers).status, 403);
  EXPECT_EQ(Count("1 = 1"), 0);
  const HttpResult saved =
      PostForm("/admin/0190/advisor/save",
               "csrf_token=" + csrf_ + "&title=" + text::PercentEncode("Naboer hjælper") + "&" + answers);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location").rfind("/admin/0190/collaborations/", 0), 0U);
  EXPECT_EQ(Count("status = 'idea' AND staff_take_part = 1 AND title = 'Naboer hjælper' AND description LIKE "
                  "'%Fællesskab%'"),
            1);
}

}  // namespace
}  // namespace samskab
