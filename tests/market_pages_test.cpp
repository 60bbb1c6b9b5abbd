// The market's pages end to end over HTTP: "Min frivilligprofil" (the availability grid as a
// table of boxes with headers, save and revisit, errors next to their fields with nothing
// changed, a stale revision, deletion), the public page of an open opportunity (404 for drafts),
// and the staff's opportunity pages (create, edit, close; units out of reach refused).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <regex>

#include "support/test_support.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using testing::FormFields;
using testing::GetPage;
using testing::HttpResult;
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

FormFields ProfileFields(const std::string& revision) {
  return {{"revision", revision},
          {"about", "Pensioneret lærer"},
          {"skills", "homework_help"},
          {"skills", "walking_company"},
          {"skill_tags", "Skak, tysk konversation"},
          {"languages", "da"},
          {"availability", "mon_morning"},
          {"availability", "thu_evening"},
          {"postcode", "3520"},
          {"travel_km", "15"},
          {"welfare_areas", "elderly"},
          {"child_certificate", "none"},
          {"child_certificate_on", ""},
          {"visibility", "municipalities"},
          {"consent_matching", "1"},
          {"active", "1"}};
}

class MarketPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    unit_ = server_->AddUnit("0190", domain::UnitKind::kAdministration, "Ældre og Sundhed", std::nullopt).id;
    other_unit_ = server_->AddUnit("0190", domain::UnitKind::kAdministration, "Kultur", std::nullopt).id;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static int64_t Count(const std::string& table) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  static TestServer* server_;
  static int64_t unit_, other_unit_;
};
TestServer* MarketPagesTest::server_ = nullptr;
int64_t MarketPagesTest::unit_ = 0;
int64_t MarketPagesTest::other_unit_ = 0;

TEST_F(MarketPagesTest, APersonSavesRevisitsAndDeletesTheirVolunteerProfile) {
  const PageSession karen = server_->LogInNew("karen", std::nullopt);
  HttpResult account = GetPage(server_->port(), karen, "/account");
  EXPECT_TRUE(Contains(account.body, "href=\"/account/volunteer\"")) << "the account page links to it";
  EXPECT_TRUE(Contains(account.body, "href=\"/account/applications\"")) << "Mine ansøgninger";
  EXPECT_TRUE(Contains(account.body, "href=\"/account/offers\"")) << "Mine tilbud";

  HttpResult empty = GetPage(server_->port(), karen, "/account/volunteer");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(Contains(empty.body, "<h1>Min frivilligprofil</h1>"));
  // The grid: a table with a column header per part of the day and a row header per day; every
  // box has a label naming its day and part of the day.
  EXPECT_TRUE(Contains(empty.body, "<th scope=\"col\">Formiddag</th>"));
  EXPECT_TRUE(Contains(empty.body, "<th scope=\"row\">Mandag</th>"));
  EXPECT_TRUE(Contains(empty.body, "value=\"sun_evening\""));
  EXPECT_TRUE(Contains(empty.body, "<span class=\"sr-only\">Søndag, Aften</span>"));
  EXPECT_EQ(HiddenRevision(empty.body), "0");

  HttpResult saved = PostPage(server_->port(), karen, "/account/volunteer", ProfileFields("0"));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), "/account/volunteer?notice=market.volunteer_saved");
  HttpResult again = GetPage(server_->port(), karen, saved.header("location"));
  EXPECT_TRUE(Contains(again.body, "Din frivilligprofil er gemt."));
  EXPECT_TRUE(Contains(again.body, "value=\"thu_evening\" checked"));
  EXPECT_TRUE(Contains(again.body, "value=\"skak, tysk konversation\""));
  EXPECT_EQ(HiddenRevision(again.body), "1");
  // The profile is part of the person's data export (GDPR art. 15).
  const auto data = nlohmann::json::parse(GetPage(server_->port(), karen, "/account/data.json").body);
  EXPECT_EQ(data["volunteer_profile"]["postcode"], "3520");
  EXPECT_EQ(data["volunteer_profile"]["about"], "Pensioneret lærer");
  EXPECT_TRUE(data["applications"].is_array());
  auto profile = server_->app().volunteers().GetOwn(karen.user_id);
  ASSERT_TRUE(profile.ok());
  EXPECT_EQ(profile->availability.Count(), 2);
  EXPECT_EQ(profile->town, "Farum");

  // A stale revision keeps what was typed, says so, and changes nothing.
  FormFields stale = ProfileFields("0");
  stale[1] = {"about", "Ny tekst"};
  HttpResult refused = PostPage(server_->port(), karen, "/account/volunteer", stale);
  EXPECT_EQ(refused.status, 412);
  EXPECT_TRUE(Contains(refused.body, "Ny tekst"));
  EXPECT_EQ(server_->app().volunteers().GetOwn(karen.user_id)->about, "Pensioneret lærer");

  HttpResult deleted = PostPage(server_->port(), karen, "/account/volunteer/delete", {{"revision", "1"}});
  ASSERT_EQ(deleted.status, 303) << deleted.body;
  EXPECT_EQ(server_->app().volunteers().GetOwn(karen.user_id).status().code(), ErrorCode::kNotFound);
}

TEST_F(MarketPagesTest, BadProfileFieldsAreShownNextToTheirFieldsAndNothingIsSaved) {
  const PageSession ali = server_->LogInNew("ali", std::nullopt);
  FormFields bad = ProfileFields("0");
  bad[7] = {"availability", "thu_night"};
  bad[8] = {"postcode", "9999"};
  bad[9] = {"travel_km", "langt"};
  bad[2] = {"skills", "juggling"};
  bad[11] = {"child_certificate", "obtained"};
  const int64_t before = Count("volunteer_profiles");
  HttpResult refused = PostPage(server_->port(), ali, "/account/volunteer", bad);
  ASSERT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "<title>Fejl:"));
  for (const char* id : {"availability-error", "postcode-error", "travel_km-error", "skills-error",
                         "child_certificate_on-error"})
    EXPECT_TRUE(Contains(refused.body, std::string("id=\"") + id + "\"")) << id;
  EXPECT_TRUE(Contains(refused.body, "Postnummeret findes ikke"));
  EXPECT_EQ(Count("volunteer_profiles"), before);
  EXPECT_EQ(
      PostPage(server_->port(), ali, "/account/volunteer", ProfileFields("0"), /*with_csrf=*/false).status,
      403);
  EXPECT_EQ(Count("volunteer_profiles"), before);
}

TEST_F(MarketPagesTest, StaffPostEditAndCloseAndTheOpenOneHasAPublicPage) {
  const PageSession employee =
      server_->LogInNew("ansat", Grant{Role::kMunicipalEmployee, "0190", unit_, std::nullopt});
  HttpResult list = GetPage(server_->port(), employee, "/admin/0190/opportunities");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "Frivilligopslag"));
  HttpResult form = GetPage(server_->port(), employee, "/admin/0190/opportunities/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_FALSE(Contains(form.body, ">Kultur</option>")) << "only the units in reach";
  EXPECT_TRUE(Contains(form.body, ">Ældre og Sundhed</option>"));
  const FormFields fields = {{"revision", "0"},
                             {"unit_id", std::to_string(unit_)},
                             {"title", "Besøgsven på Solgården"},
                             {"description", "Kaffe og snak.\nGåture i haven."},
                             {"skills", "visiting_friend"},
                             {"welfare_areas", "elderly"},
                             {"availability", "tue_afternoon"},
                             {"time_note", "Hver tirsdag kl. 14-16"},
                             {"starts_on", "2027-01-01"},
                             {"ends_on", "2027-06-30"},
                             {"postcode", "3520"},
                             {"capacity", "4"},
                             {"involves_children", "1"},
                             {"status", "open"}};
  FormFields bad = fields;
  bad[9] = {"ends_on", "2026-01-01"};
  bad[11] = {"capacity", "0"};
  bad[1] = {"unit_id", std::to_string(other_unit_)};
  HttpResult refused = PostPage(server_->port(), employee, "/admin/0190/opportunities/new", bad);
  ASSERT_EQ(refused.status, 422);
  for (const char* id : {"ends_on-error", "capacity-error", "unit_id-error"})
    EXPECT_TRUE(Contains(refused.body, std::string("id=\"") + id + "\"")) << id;
  EXPECT_EQ(Count("opportunities"), 0);

  HttpResult created = PostPage(server_->port(), employee, "/admin/0190/opportunities/new", fields);
  ASSERT_EQ(created.status, 303) << created.body;
  auto posted = server_->app().opportunities().List({"0190", {}}, std::nullopt, 0, 10);
  ASSERT_EQ(posted->items.size(), 1U);
  const int64_t id = posted->items[0].id;
  const std::string public_path = "/opportunities/" + std::to_string(id);

  HttpResult page = testing::Get(server_->port(), public_path);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<h1>Besøgsven på Solgården</h1>"));
  EXPECT_TRUE(Contains(page.body, "Ældre og Sundhed"));
  EXPECT_TRUE(Contains(page.body, "Børneattest kræves"));
  EXPECT_TRUE(Contains(page.body, "3520 Farum"));
  EXPECT_TRUE(Contains(page.body, "<th scope=\"row\">Tirsdag</th>"));
  EXPECT_TRUE(Contains(page.body, "href=\"/opportunities/" + std::to_string(id) + "/apply\""));
  // The staff's list leads to the post's applications (application_pages).
  EXPECT_TRUE(Contains(GetPage(server_->port(), employee, "/admin/0190/opportunities").body,
                       "href=\"/admin/0190/opportunities/" + std::to_string(id) + "/applications\""));

  const std::string edit = "/admin/0190/opportunities/" + std::to_string(id) + "/edit";
  HttpResult edit_form = GetPage(server_->port(), employee, edit);
  ASSERT_EQ(edit_form.status, 200);
  EXPECT_EQ(HiddenRevision(edit_form.body), "1");
  FormFields draft = fields;
  draft[0] = {"revision", "1"};
  draft[13] = {"status", "draft"};
  ASSERT_EQ(PostPage(server_->port(), employee, edit, draft).status, 303);
  EXPECT_EQ(testing::Get(server_->port(), public_path).status, 404) << "a draft has no public page";
  EXPECT_EQ(PostPage(server_->port(), employee, edit, draft).status, 412) << "revision 1 is stale now";

  const std::string close = "/admin/0190/opportunities/" + std::to_string(id) + "/close";
  EXPECT_EQ(PostPage(server_->port(), employee, close, {{"revision", "2"}}, /*with_csrf=*/false).status, 403);
  ASSERT_EQ(PostPage(server_->port(), employee, close, {{"revision", "2"}}).status, 303);
  EXPECT_EQ(server_->app().opportunities().Get({"0190", {}}, id)->status, domain::OpportunityStatus::kClosed);

  // Another unit's employee sees the post in the list but may not change it.
  const PageSession colleague =
      server_->LogInNew("kultur", Grant{Role::kMunicipalEmployee, "0190", other_unit_, std::nullopt});
  HttpResult colleague_list = GetPage(server_->port(), colleague, "/admin/0190/opportunities");
  EXPECT_TRUE(Contains(colleague_list.body, "Besøgsven"));
  EXPECT_FALSE(Contains(colleague_list.body, "/applications\"")) << "not their unit's applications";
  EXPECT_EQ(GetPage(server_->port(), colleague, edit).status, 403);
  EXPECT_EQ(testing::Get(server_->port(), "/opportunities/999999").status, 404);
}

}  // namespace
}  // namespace samskab
