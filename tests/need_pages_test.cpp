// The staff's need pages end to end over HTTP: post a need through the form, see it on its page
// (with the place of the matching's proposals) and in the filtered list, edit it with its
// revision, close it; bad input names every field and changes nothing; the vulnerable rule in the
// form; another municipality's need is 404; a post without its CSRF token changes nothing. And the
// demo's needs and offers.
#include <gtest/gtest.h>

#include <regex>

#include "app/needs_demo.h"
#include "app/sample_data.h"
#include "support/test_support.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using testing::FormFields;
using testing::GetPage;
using testing::PageSession;
using testing::PostPage;
using testing::TestServer;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string HiddenRevision(const std::string& html) {
  std::smatch match;
  static const std::regex kRevision(R"re(name="revision" value="(\d+)")re");
  return std::regex_search(html, match, kRevision) ? match[1].str() : "";
}

class NeedPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>();
    const auto administration =
        server_->AddUnit("0190", domain::UnitKind::kAdministration, "Velfærd", std::nullopt);
    health_ = server_->AddUnit("0190", domain::UnitKind::kCenter, "Center for Sundhed", administration.id).id;
    daycare_ =
        server_->AddUnit("0190", domain::UnitKind::kCenter, "Center for Dagtilbud", administration.id).id;
    employee_ =
        server_->LogInNew("medarbejder", Grant{Role::kMunicipalEmployee, "0190", health_, std::nullopt});
  }
  FormFields Valid() const {
    return {{"unit_id", std::to_string(health_)},
            {"title", "Havedag i sansehaven"},
            {"description", "Nye højbede og stier."},
            {"skills", "gardening"},
            {"availability", "tue_morning"},
            {"availability", "thu_morning"},
            {"welfare_area", "elderly"},
            {"target_group", "elderly"},
            {"places", "12"},
            {"postcode", "3520"},
            {"visibility", "public"}};
  }
  int64_t Count(const std::string& table) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }

  std::unique_ptr<TestServer> server_;
  PageSession employee_;
  int64_t health_ = 0, daycare_ = 0;
};

TEST_F(NeedPagesTest, ANeedIsPostedShownListedEditedAndClosed) {
  auto form = GetPage(server_->port(), employee_, "/admin/0190/needs/new");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(Contains(form.body, "name=\"availability\" value=\"mon_morning\""));
  auto created = PostPage(server_->port(), employee_, "/admin/0190/needs/new", Valid());
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string location = created.header("location");
  ASSERT_TRUE(location.starts_with("/admin/0190/needs/")) << location;
  const std::string path = location.substr(0, location.find('?'));

  auto page = GetPage(server_->port(), employee_, location);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Havedag i sansehaven"));
  EXPECT_TRUE(Contains(page.body, "3520 Farum"));
  EXPECT_TRUE(Contains(page.body, path + "/matches")) << "the link to the matching's proposals";
  EXPECT_TRUE(Contains(page.body, "Behovet er oprettet."));

  auto list =
      GetPage(server_->port(), employee_, "/admin/0190/needs?status=open&unit_id=" + std::to_string(health_));
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "Havedag i sansehaven"));
  EXPECT_TRUE(Contains(list.body, "href=\"/admin/0190/needs\""));  // the side menu's "Behov"
  EXPECT_FALSE(Contains(GetPage(server_->port(), employee_, "/admin/0190/needs?status=closed").body,
                        "Havedag i sansehaven"));

  auto edit = GetPage(server_->port(), employee_, path + "/edit");
  ASSERT_EQ(edit.status, 200);
  FormFields changed = Valid();
  changed.emplace_back("revision", HiddenRevision(edit.body));
  changed.emplace_back("status", "open");
  changed[1].second = "Havedag i sansehaven på Lillevang";
  auto saved = PostPage(server_->port(), employee_, path + "/edit", changed);
  ASSERT_EQ(saved.status, 303) << saved.body;
  // The same revision again: someone else saved first; nothing changes.
  changed[1].second = "Noget andet";
  EXPECT_EQ(PostPage(server_->port(), employee_, path + "/edit", changed).status, 412);

  page = GetPage(server_->port(), employee_, path);
  EXPECT_TRUE(Contains(page.body, "Havedag i sansehaven på Lillevang"));
  auto closed = PostPage(server_->port(), employee_, path + "/status",
                         {{"revision", HiddenRevision(page.body)}, {"status", "closed"}});
  ASSERT_EQ(closed.status, 303);
  EXPECT_TRUE(Contains(GetPage(server_->port(), employee_, path).body, "Lukket"));
}

TEST_F(NeedPagesTest, BadInputNamesEveryFieldAndChangesNothing) {
  FormFields bad = Valid();
  bad[1].second = "";                   // title
  bad[8].second = "0";                  // places
  bad[9].second = "9999";               // postcode
  bad.emplace_back("vulnerable", "1");  // without a partner
  const int64_t audit = Count("audit_log");
  auto refused = PostPage(server_->port(), employee_, "/admin/0190/needs/new", bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  for (const char* field : {"#title", "#places", "#postcode", "#partner_organisation_id"})
    EXPECT_TRUE(Contains(refused.body, field)) << field;
  EXPECT_TRUE(Contains(refused.body, "Postnummeret findes ikke"));
  EXPECT_TRUE(Contains(refused.body, "value=\"Nye højbede og stier.\"") ||
              Contains(refused.body, "Nye højbede og stier."));
  // Another unit than the employee's own.
  FormFields other = Valid();
  other[0].second = std::to_string(daycare_);
  EXPECT_EQ(PostPage(server_->port(), employee_, "/admin/0190/needs/new", other).status, 422);
  // Without the CSRF token: refused.
  EXPECT_EQ(PostPage(server_->port(), employee_, "/admin/0190/needs/new", Valid(), false).status, 403);
  EXPECT_EQ(Count("needs"), 0);
  EXPECT_EQ(Count("audit_log"), audit);
}

TEST_F(NeedPagesTest, AVulnerableNeedGetsNoDirectContactUntilItIsChosenDeliberately) {
  auto lease = server_->app().database().Acquire();
  auto partner = (*lease)->Query(
      "INSERT INTO organisations (name, kind, is_public, created_at, updated_at) VALUES ('Dansk "
      "Flygtningehjælp', 'humanitarian_association', 1, 'x', 'x') RETURNING id");
  ASSERT_TRUE(partner.ok());
  FormFields vulnerable = Valid();
  vulnerable.emplace_back("vulnerable", "1");
  vulnerable.emplace_back("direct_contact", "1");  // ticked, but the need only now becomes vulnerable
  vulnerable.emplace_back("partner_organisation_id", std::to_string(partner->front().Int(0)));
  auto created = PostPage(server_->port(), employee_, "/admin/0190/needs/new", vulnerable);
  ASSERT_EQ(created.status, 303) << created.body;
  auto need = server_->app().needs().List(domain::MunicipalityScope("0190"), {});
  ASSERT_TRUE(need.ok());
  ASSERT_EQ(need->items.size(), 1u);
  EXPECT_TRUE(need->items.front().vulnerable);
  EXPECT_FALSE(need->items.front().direct_contact);
  auto page = GetPage(server_->port(), employee_, created.header("location"));
  EXPECT_TRUE(Contains(page.body, "id=\"vulnerable\""));
}

TEST_F(NeedPagesTest, AnotherMunicipalitysNeedIsNotFound) {
  const auto aalborg =
      server_->AddUnit("0851", domain::UnitKind::kAdministration, "Forvaltning", std::nullopt);
  domain::Need n;
  n.unit_id = aalborg.id;
  n.title = "Aalborgs interne behov";
  auto created =
      server_->app().needs().Create(domain::MunicipalityScope("0851"), domain::Actor::System("test", "t"), n);
  ASSERT_TRUE(created.ok()) << created.status().log_message();
  const std::string path = "/admin/0190/needs/" + std::to_string(created->id);
  EXPECT_EQ(GetPage(server_->port(), employee_, path).status, 404);
  EXPECT_EQ(GetPage(server_->port(), employee_, path + "/edit").status, 404);
  EXPECT_EQ(PostPage(server_->port(), employee_, path + "/status", {{"revision", "1"}, {"status", "closed"}})
                .status,
            404);
  EXPECT_EQ(server_->app().needs().Get(domain::MunicipalityScope("0851"), created->id)->status,
            domain::MarketStatus::kOpen);
}

TEST_F(NeedPagesTest, TheDemoHasNeedsAndOffers) {
  ASSERT_TRUE(app::SetUpDemoCollaborations(server_->app()).ok());
  ASSERT_TRUE(app::SetUpDemoNeeds(server_->app()).ok());
  ASSERT_TRUE(app::SetUpDemoNeeds(server_->app()).ok());  // idempotent
  EXPECT_EQ(Count("needs"), 4);
  EXPECT_EQ(Count("offers"), 3);
  EXPECT_EQ(Count("needs WHERE visibility = 'private'"), 1);
  EXPECT_EQ(
      Count("needs WHERE vulnerable = 1 AND partner_organisation_id IS NOT NULL AND direct_contact = 0"), 1);
  // The company's mentors wait for the vulnerable need's partner, whose admin is a demo person.
  EXPECT_EQ(Count("need_approvals WHERE decision = 'pending' AND direct_contact = 0"), 1);
  EXPECT_EQ(Count("role_grants WHERE role = 'organisation_admin' AND organisation_id = (SELECT "
                  "partner_organisation_id FROM needs WHERE vulnerable = 1)"),
            1);
}

}  // namespace
}  // namespace samskab
