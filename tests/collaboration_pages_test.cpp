// The collaboration pages end to end over HTTP: the overview with its filters, sorting, paging
// and export links; a collaboration's page with its place in the model and why; the one form for
// create and edit (problems at their inputs, stale revisions, CSRF, unit reach); deletion; the
// inspiration list; and the staff menu. The suite shares one server: every test names its own
// collaborations with a word of its own and filters on it.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "core/text.h"
#include "storage/collaboration_store.h"
#include "support/test_support.h"
#include "web/views.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using testing::HttpResult;
using testing::TestServer;

using Fields = testing::FormFields;

using Session = testing::PageSession;

struct Tree {
  int64_t administration = 0, health = 0, nursing_home = 0, daycare = 0, aalborg = 0;
  int64_t red_cross = 0, scouts = 0, knitters = 0, aalborg_private = 0;
};

class CollaborationPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    tree_ = new Tree();
    tree_->administration = AddUnit("0190", domain::UnitKind::kAdministration, "Velfærd", std::nullopt);
    tree_->health = AddUnit("0190", domain::UnitKind::kCenter, "Center for Sundhed", tree_->administration);
    tree_->nursing_home =
        AddUnit("0190", domain::UnitKind::kDepartment, "Plejecenter Lillevang", tree_->health);
    tree_->daycare =
        AddUnit("0190", domain::UnitKind::kCenter, "Center for Dagtilbud", tree_->administration);
    const int64_t aalborg_top =
        AddUnit("0851", domain::UnitKind::kAdministration, "Forvaltning", std::nullopt);
    tree_->aalborg = AddUnit("0851", domain::UnitKind::kCenter, "Aalborg center", aalborg_top);
    tree_->red_cross = AddOrganisation("Røde Kors Furesø", "humanitarian_association", true, "");
    tree_->scouts = AddOrganisation("KFUM-Spejderne", "popular_education_association", true, "");
    tree_->knitters = AddOrganisation("Strikkecaféen", "community", false, "0190");
    tree_->aalborg_private = AddOrganisation("Aalborg Naboer", "community", false, "0851");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    delete tree_;
    tree_ = nullptr;
  }
  static uint16_t port() { return server_->port(); }
  static app::App& app() { return server_->app(); }
  static const Tree& tree() { return *tree_; }

  static int64_t AddUnit(const std::string& code, domain::UnitKind kind, const std::string& name,
                         std::optional<int64_t> parent) {
    return server_->AddUnit(code, kind, name, parent).id;
  }
  // By SQL: the organisation store is not there yet (as in tests/collaborations_api_test.cpp).
  static int64_t AddOrganisation(const std::string& name, const std::string& kind, bool is_public,
                                 const std::string& municipality) {
    auto lease = app().database().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO organisations (name, kind, is_public, municipality_code, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
        {name, kind, int64_t{is_public}, storage::NullIfEmpty(municipality)});
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows->front().Int(0) : 0;
  }

  static Session LoginAs(const std::string& name, Grant grant) {
    return server_->LogInNew(name, std::move(grant));
  }
  static Session Admin(const std::string& code = "0190") {
    return LoginAs("admin", Grant{Role::kMunicipalAdmin, code, std::nullopt, std::nullopt});
  }
  static Session Employee(int64_t unit) {
    return LoginAs("employee", Grant{Role::kMunicipalEmployee, "0190", unit, std::nullopt});
  }

  static HttpResult GetAs(const Session& session, const std::string& target) {
    return testing::GetPage(port(), session, target);
  }
  static HttpResult PostAs(const Session& session, const std::string& target, const Fields& fields,
                           bool with_csrf = true) {
    return testing::PostPage(port(), session, target, fields, with_csrf);
  }

  // A collaboration stored directly (the form is tested on its own).
  static domain::Collaboration Store(const std::string& title, std::vector<int64_t> units,
                                     std::vector<int64_t> partners = {}, domain::InvolvementFacts facts = {},
                                     const std::string& code = "0190") {
    domain::Collaboration c;
    c.title = title;
    c.unit_ids = std::move(units);
    c.partner_ids = std::move(partners);
    c.facts = facts;
    auto created =
        app().collaborations().Create(domain::MunicipalityScope(code), domain::Actor::System("test", "t"), c);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? *created : domain::Collaboration{};
  }
  static std::optional<domain::Collaboration> Find(const std::string& word) {
    storage::CollaborationFilter filter;
    filter.text = word;
    auto page = app().collaborations().List(domain::MunicipalityScope("0190"), filter, {}, 0, 10);
    EXPECT_TRUE(page.ok());
    if (!page.ok() || page->items.empty()) return std::nullopt;
    return page->items.front();
  }
  static int64_t Count() {
    auto lease = app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM collaborations");
    return rows.ok() ? rows->front().Int(0) : -1;
  }

  // A catalog message as a page shows it (HTML-escaped), in Danish.
  static std::string Message(std::string_view key) { return web::EscapeHtml(app().catalog().Get("da", key)); }

  static TestServer* server_;
  static Tree* tree_;
};
TestServer* CollaborationPagesTest::server_ = nullptr;
Tree* CollaborationPagesTest::tree_ = nullptr;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

size_t Occurrences(const std::string& haystack, const std::string& needle) {
  size_t count = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++count;
  return count;
}

std::string HiddenRevision(const std::string& html) {
  std::smatch match;
  static const std::regex kRevision(R"re(name="revision" value="(\d+)")re");
  return std::regex_search(html, match, kRevision) ? match[1].str() : "";
}

// --- create through the form, and the collaboration's page ------------------------------------

TEST_F(CollaborationPagesTest, AnEmployeeCreatesACollaborationThroughTheFormAndSeesItsPlaceInTheModel) {
  const Session employee = Employee(tree().health);
  const HttpResult form = GetAs(employee, "/admin/0190/collaborations/new");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(Contains(form.body, "action=\"/admin/0190/collaborations/new\""));
  // Their center and its department are offered; another center is not.
  EXPECT_TRUE(Contains(form.body, fmt::format("value=\"{}\"", tree().health)));
  EXPECT_TRUE(Contains(form.body, "Plejecenter Lillevang"));
  EXPECT_FALSE(Contains(form.body, "Center for Dagtilbud"));
  // Partners the municipality may see, not Aalborg's private one; the facts in the memo's words.
  EXPECT_TRUE(Contains(form.body, "Røde Kors Furesø (Humanitær forening)"));
  EXPECT_TRUE(Contains(form.body, "Strikkecaféen"));
  EXPECT_FALSE(Contains(form.body, "Aalborg Naboer"));
  EXPECT_TRUE(Contains(form.body, Message("collaboration.reason.fact.staff_take_part")));
  EXPECT_TRUE(Contains(form.body, "<legend class=\"form-label\">"));

  const HttpResult created = PostAs(employee, "/admin/0190/collaborations/new",
                                    {{"title", "Besøgsvenner C1"},
                                     {"description", "Frivillige besøger beboerne.\nHver uge."},
                                     {"unit_ids", std::to_string(tree().nursing_home)},
                                     {"partner_ids", std::to_string(tree().red_cross)},
                                     {"welfare_area", "elderly"},
                                     {"target_group", "lonely"},
                                     {"starts_on", "2026-03-01"},
                                     {"status", "active"},
                                     {"form", "partnership"},
                                     {"budget_dkk", "12500"},
                                     {"postcode", "3520"},
                                     {"involvement_facts", "staff_take_part"},
                                     {"involvement_facts", "rooms_lent"},
                                     {"override_level", ""},
                                     {"activity_registered", "1"}});
  ASSERT_EQ(created.status, 303) << created.body;
  const auto stored = Find("C1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(created.header("location"),
            fmt::format("/admin/0190/collaborations/{}?notice=collaboration_created", stored->id));
  EXPECT_EQ(stored->unit_ids, std::vector<int64_t>{tree().nursing_home});
  EXPECT_TRUE(stored->facts.staff_take_part);
  EXPECT_TRUE(stored->facts.rooms_lent);
  EXPECT_FALSE(stored->facts.coordination);
  EXPECT_EQ(stored->budget_dkk, 12500);
  EXPECT_TRUE(stored->activity_registered);
  EXPECT_FALSE(stored->evaluated);

  const HttpResult page = GetAs(employee, created.header("location"));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, Message("notice.collaboration_created")));
  EXPECT_TRUE(Contains(page.body, "<h1>Besøgsvenner C1</h1>"));
  EXPECT_TRUE(Contains(page.body, "Høj grad af kommunal involvering · Kvadrant 1")) << page.body;
  // Why: the deciding fact and the partner's kind, from the catalog.
  EXPECT_TRUE(Contains(page.body, Message("collaboration.reason.fact.staff_take_part")));
  EXPECT_TRUE(Contains(page.body, Message("collaboration.reason.kind.humanitarian_association")));
  EXPECT_TRUE(Contains(page.body, "href=\"/model/quadrants/1\""));
  EXPECT_TRUE(Contains(page.body, "Røde Kors Furesø (Humanitær forening)"));
  EXPECT_TRUE(Contains(page.body, "Plejecenter Lillevang"));
  EXPECT_TRUE(Contains(page.body, "<dd><span class=\"samskab-pre-line\">Ældre</span></dd>"));
  EXPECT_TRUE(Contains(page.body, "12.500"));
  EXPECT_TRUE(Contains(page.body, "Frivillige besøger beboerne.\nHver uge."));
  EXPECT_FALSE(Contains(page.body, "id=\"override\""));
  // They may change it: edit link and delete button.
  EXPECT_TRUE(Contains(page.body, fmt::format("href=\"/admin/0190/collaborations/{}/edit\"", stored->id)));
  EXPECT_TRUE(
      Contains(page.body, fmt::format("action=\"/admin/0190/collaborations/{}/delete\"", stored->id)));
}

TEST_F(CollaborationPagesTest, EveryProblemIsShownAtItsInputWith422AndNothingIsStored) {
  const Session admin = Admin();
  const int64_t before = Count();
  const HttpResult result = PostAs(admin, "/admin/0190/collaborations/new",
                                   {{"title", ""},
                                    {"description", "Beholdes C2"},
                                    {"starts_on", "2026-05-01"},
                                    {"ends_on", "2026-04-01"},
                                    {"staff_hours_per_year", "mange"},
                                    {"postcode", "9999"},
                                    {"status", "idea"},
                                    {"form", "ad_hoc"},
                                    {"override_level", "high"},
                                    {"override_reason", "  "}});
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(Count(), before);
  EXPECT_TRUE(Contains(result.body, "<title>" + Message("form.error_prefix")));
  for (const auto& [input, key] : std::vector<std::pair<std::string, std::string>>{
           {"title", "validation.required"},
           {"unit_ids", "validation.required"},
           {"ends_on", "collaboration.error.ends_before_start"},
           {"staff_hours_per_year", "validation.number"},
           {"postcode", "validation.postcode_unknown"},
           {"override_reason", "collaboration.error.override_reason"}}) {
    EXPECT_TRUE(Contains(result.body, fmt::format("<a href=\"#{}\" class=\"function-link\">", input)))
        << input;
    EXPECT_TRUE(Contains(result.body, fmt::format("id=\"{}-error\"", input))) << input;
    EXPECT_TRUE(Contains(result.body, Message(key))) << key;
  }
  // What was typed comes back.
  EXPECT_TRUE(Contains(result.body, "Beholdes C2"));
  EXPECT_TRUE(Contains(result.body, "value=\"mange\""));
  EXPECT_TRUE(Contains(result.body, "<option value=\"high\" selected>"));
}

TEST_F(CollaborationPagesTest, AnOverrideIsShownWithTheDerivedLevelAndTheWrittenReason) {
  const Session admin = Admin();
  const HttpResult created = PostAs(admin, "/admin/0190/collaborations/new",
                                    {{"title", "Lektiecafé C3"},
                                     {"unit_ids", std::to_string(tree().daycare)},
                                     {"partner_ids", std::to_string(tree().scouts)},
                                     {"involvement_facts", "rooms_lent"},
                                     {"status", "idea"},
                                     {"form", "ad_hoc"},
                                     {"override_level", "high"},
                                     {"override_reason", "Pædagogerne deltager hver uge."}});
  ASSERT_EQ(created.status, 303) << created.body;
  const HttpResult page = GetAs(admin, created.header("location"));
  EXPECT_TRUE(Contains(page.body, "Høj grad af kommunal involvering · Kvadrant 1"));
  EXPECT_TRUE(Contains(page.body, "id=\"override\""));
  EXPECT_TRUE(Contains(page.body, "Pædagogerne deltager hver uge."));
  // The derived level is named in the override's explanation.
  EXPECT_TRUE(Contains(page.body, "Ud fra det registrerede er graden: Lav grad af kommunal involvering"))
      << page.body;
}

TEST_F(CollaborationPagesTest, MarkupInTypedTextIsShownAsText) {
  const Session admin = Admin();
  domain::Collaboration c;
  c.title = "<script>alert('t')</script> C11";
  c.description = "<b>fed</b>\n& mere";
  c.unit_ids = {tree().daycare};
  c.inspiration = true;
  c.inspiration_note = "<img src=x onerror=alert(1)>";
  auto created =
      app().collaborations().Create(domain::MunicipalityScope("0190"), domain::Actor::System("test", "t"), c);
  ASSERT_TRUE(created.ok());
  for (const std::string& path : {fmt::format("/admin/0190/collaborations/{}", created->id),
                                  std::string("/admin/0190/collaborations?q=C11"),
                                  fmt::format("/admin/0190/collaborations/{}/edit", created->id),
                                  std::string("/admin/0190/inspiration?q=C11")}) {
    const HttpResult page = GetAs(admin, path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_FALSE(Contains(page.body, "<script>alert")) << path;
    EXPECT_FALSE(Contains(page.body, "<img src=x")) << path;
    EXPECT_TRUE(Contains(page.body, "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; C11")) << path;
  }
  const HttpResult page = GetAs(admin, fmt::format("/admin/0190/collaborations/{}", created->id));
  EXPECT_TRUE(Contains(page.body, "&lt;b&gt;fed&lt;/b&gt;\n&amp; mere"));
}

TEST_F(CollaborationPagesTest, MediumInvolvementLiesBetweenTwoQuadrantsWithBothGuidancePages) {
  const Session admin = Admin();
  domain::InvolvementFacts facts;
  facts.contact_person = true;
  const auto c = Store("Strikkeklub C4", {tree().daycare}, {tree().knitters}, facts);
  const HttpResult page = GetAs(admin, fmt::format("/admin/0190/collaborations/{}", c.id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Mellem grad af kommunal involvering · Mellem kvadrant 2 og 4"));
  EXPECT_TRUE(Contains(page.body, "href=\"/model/quadrants/2\""));
  EXPECT_TRUE(Contains(page.body, "href=\"/model/quadrants/4\""));
  const HttpResult overview = GetAs(admin, "/admin/0190/collaborations?q=C4");
  EXPECT_TRUE(Contains(overview.body, "<td>mellem 2 og 4</td>")) << overview.body;
  EXPECT_TRUE(Contains(overview.body, "<td>Mellem</td>"));
}

// --- edit: the lifecycle, a stale revision, reach, CSRF -------------------------------------

TEST_F(CollaborationPagesTest, EditingWithAStaleRevisionKeepsTheInputAndSaysWhatHappened) {
  const Session admin = Admin();
  const auto c = Store("Gammel titel C5", {tree().daycare});
  const HttpResult form = GetAs(admin, fmt::format("/admin/0190/collaborations/{}/edit", c.id));
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(HiddenRevision(form.body), "1");
  EXPECT_TRUE(Contains(form.body, "value=\"Gammel titel C5\""));

  // Someone else saves first.
  domain::Collaboration other = c;
  other.description = "Ændret af en kollega";
  ASSERT_TRUE(app()
                  .collaborations()
                  .Update(domain::MunicipalityScope("0190"), domain::Actor::System("test", "t"), other, 1)
                  .ok());
  const Fields fields = {{"title", "Ny titel C5"},
                         {"unit_ids", std::to_string(tree().daycare)},
                         {"status", "planned"},
                         {"form", "ongoing"},
                         {"revision", "1"}};
  const std::string action = fmt::format("/admin/0190/collaborations/{}/edit", c.id);
  const HttpResult stale = PostAs(admin, action, fields);
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_TRUE(Contains(stale.body, Message("collaborations.form.stale")));
  EXPECT_TRUE(Contains(stale.body, "value=\"Ny titel C5\"")) << "the typed input is kept";
  EXPECT_EQ(HiddenRevision(stale.body), "2") << "the next save knowingly replaces the newer version";
  EXPECT_EQ(Find("C5")->title, "Gammel titel C5");

  Fields again = fields;
  again.back() = {"revision", "2"};
  const HttpResult saved = PostAs(admin, action, again);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"),
            fmt::format("/admin/0190/collaborations/{}?notice=collaboration_updated", c.id));
  const auto after = Find("C5");
  EXPECT_EQ(after->title, "Ny titel C5");
  EXPECT_EQ(after->status, domain::CollaborationStatus::kPlanned);
  EXPECT_EQ(after->revision, 3);
}

TEST_F(CollaborationPagesTest, TheStatusOffersOnlyTheLifecyclesNextStates) {
  const Session admin = Admin();
  auto c = Store("Afsluttet forløb C6", {tree().daycare});
  c.status = domain::CollaborationStatus::kEnded;
  auto ended = app().collaborations().Update(domain::MunicipalityScope("0190"),
                                             domain::Actor::System("test", "t"), c, c.revision);
  ASSERT_TRUE(ended.ok());
  const HttpResult form = GetAs(admin, fmt::format("/admin/0190/collaborations/{}/edit", c.id));
  EXPECT_TRUE(Contains(form.body, "<option value=\"ended\" selected>"));
  for (const char* other : {"idea", "planned", "active", "paused"})
    EXPECT_FALSE(Contains(form.body, fmt::format("<option value=\"{}\"", other))) << other;
  // A forged status is refused at the field.
  const HttpResult forged = PostAs(admin, fmt::format("/admin/0190/collaborations/{}/edit", c.id),
                                   {{"title", "Afsluttet forløb C6"},
                                    {"unit_ids", std::to_string(tree().daycare)},
                                    {"status", "active"},
                                    {"form", "ad_hoc"},
                                    {"revision", std::to_string(ended->revision)}});
  EXPECT_EQ(forged.status, 422);
  EXPECT_TRUE(Contains(forged.body, "id=\"status-error\""));
  EXPECT_TRUE(Contains(forged.body, Message("collaboration.error.status_change")));
}

TEST_F(CollaborationPagesTest, PostsWithoutTheCsrfTokenAre403AndChangeNothing) {
  const Session admin = Admin();
  const int64_t before = Count();
  const HttpResult create = PostAs(admin, "/admin/0190/collaborations/new",
                                   {{"title", "Uden token C7"},
                                    {"unit_ids", std::to_string(tree().daycare)},
                                    {"status", "idea"},
                                    {"form", "ad_hoc"}},
                                   false);
  EXPECT_EQ(create.status, 403);
  EXPECT_TRUE(Contains(create.body, Message("validation.csrf")));
  EXPECT_TRUE(Contains(create.body, "value=\"Uden token C7\"")) << "the typed title comes back";
  EXPECT_EQ(Count(), before);

  const auto c = Store("Med token C7", {tree().daycare});
  const HttpResult edit = PostAs(admin, fmt::format("/admin/0190/collaborations/{}/edit", c.id),
                                 {{"csrf_token", std::string(64, 'a')},
                                  {"title", "Forfalsket C7"},
                                  {"unit_ids", std::to_string(tree().daycare)},
                                  {"status", "idea"},
                                  {"form", "ad_hoc"},
                                  {"revision", "1"}},
                                 false);
  EXPECT_EQ(edit.status, 403);
  const HttpResult remove =
      PostAs(admin, fmt::format("/admin/0190/collaborations/{}/delete", c.id), {{"revision", "1"}}, false);
  EXPECT_EQ(remove.status, 403);
  EXPECT_TRUE(Contains(remove.body, Message("validation.csrf")));
  const auto after = Find("Med token C7");
  ASSERT_TRUE(after) << "not deleted";
  EXPECT_EQ(after->title, "Med token C7");
  EXPECT_EQ(after->revision, 1);
}

TEST_F(CollaborationPagesTest, AnEmployeePostingAUnitOutsideTheirReachGetsTheFieldError) {
  const Session employee = Employee(tree().health);
  const int64_t before = Count();
  const HttpResult result = PostAs(employee, "/admin/0190/collaborations/new",
                                   {{"title", "Andres center C8"},
                                    {"unit_ids", std::to_string(tree().daycare)},
                                    {"status", "idea"},
                                    {"form", "ad_hoc"}});
  EXPECT_EQ(result.status, 422) << result.body;
  EXPECT_TRUE(Contains(result.body, "id=\"unit_ids-error\""));
  EXPECT_TRUE(Contains(result.body, "<a href=\"#unit_ids\" class=\"function-link\">"));
  EXPECT_TRUE(Contains(result.body, Message("collaboration.error.unit_not_yours")));
  EXPECT_EQ(Count(), before);

  // Another center's collaboration: visible, but not theirs to change.
  const auto other = Store("Dagtilbuddets forløb C8", {tree().daycare});
  const HttpResult page = GetAs(employee, fmt::format("/admin/0190/collaborations/{}", other.id));
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(Contains(page.body, "/edit\""));
  EXPECT_FALSE(Contains(page.body, "/delete\""));
  EXPECT_EQ(GetAs(employee, fmt::format("/admin/0190/collaborations/{}/edit", other.id)).status, 403);
  EXPECT_EQ(
      PostAs(employee, fmt::format("/admin/0190/collaborations/{}/delete", other.id), {{"revision", "1"}})
          .status,
      403);
  EXPECT_TRUE(Find("Dagtilbuddets forløb C8"));
}

TEST_F(CollaborationPagesTest, AnotherMunicipalitysCollaborationIsNotFound) {
  const Session admin = Admin("0190");
  const auto aalborg = Store("Aalborgs forløb C9", {tree().aalborg}, {}, {}, "0851");
  ASSERT_GT(aalborg.id, 0);
  for (const std::string& path :
       {fmt::format("/admin/0190/collaborations/{}", aalborg.id),
        fmt::format("/admin/0190/collaborations/{}/edit", aalborg.id),
        fmt::format("/admin/0851/collaborations/{}", aalborg.id), std::string("/admin/0851/collaborations"),
        std::string("/admin/0851/inspiration")})
    EXPECT_EQ(GetAs(admin, path).status, 404) << path;
  EXPECT_EQ(
      PostAs(admin, fmt::format("/admin/0190/collaborations/{}/delete", aalborg.id), {{"revision", "1"}})
          .status,
      404);
  EXPECT_EQ(PostAs(admin, fmt::format("/admin/0190/collaborations/{}/edit", aalborg.id),
                   {{"title", "Kapret C9"}, {"unit_ids", std::to_string(tree().daycare)}, {"revision", "1"}})
                .status,
            404);
  auto still = app().collaborations().Get(domain::MunicipalityScope("0851"), aalborg.id);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->title, "Aalborgs forløb C9");
  EXPECT_EQ(GetAs(admin, "/admin/0190/collaborations/abc").status, 404);
}

TEST_F(CollaborationPagesTest, DeletingThroughTheButtonRemovesItAndSaysSo) {
  const Session admin = Admin();
  const auto c = Store("Slettes C10", {tree().daycare});
  const HttpResult stale =
      PostAs(admin, fmt::format("/admin/0190/collaborations/{}/delete", c.id), {{"revision", "7"}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_TRUE(Contains(stale.body, Message("collaborations.stale_delete")));
  EXPECT_TRUE(Find("Slettes C10"));
  const HttpResult deleted =
      PostAs(admin, fmt::format("/admin/0190/collaborations/{}/delete", c.id), {{"revision", "1"}});
  ASSERT_EQ(deleted.status, 303) << deleted.body;
  EXPECT_EQ(deleted.header("location"), "/admin/0190/collaborations?notice=collaboration_deleted");
  EXPECT_FALSE(Find("Slettes C10"));
  EXPECT_TRUE(
      Contains(GetAs(admin, deleted.header("location")).body, Message("notice.collaboration_deleted")));
}

// --- the overview ---------------------------------------------------------------------------

TEST_F(CollaborationPagesTest, TheOverviewFiltersSortsAndPagesKeepingTheFiltersInEveryLink) {
  const Session employee = Employee(tree().daycare);
  domain::InvolvementFacts high;
  high.staff_take_part = true;
  for (int i = 0; i < 30; ++i) {
    Store(fmt::format("Løbeklub {:02d} Xq11", i), {i % 2 == 0 ? tree().daycare : tree().nursing_home},
          {tree().scouts}, i < 3 ? high : domain::InvolvementFacts{});
  }
  const HttpResult first = GetAs(employee, "/admin/0190/collaborations?q=Xq11");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(Contains(first.body, "Samarbejdsforløb i alt: 30"));
  EXPECT_TRUE(Contains(first.body, "Side 1 af 2"));
  EXPECT_EQ(Occurrences(first.body, "<th scope=\"row\">"), 25u);
  EXPECT_TRUE(
      Contains(first.body,
               "href=\"/admin/0190/collaborations?q=Xq11&amp;page=2\" class=\"function-link\" rel=\"next\""))
      << first.body;
  EXPECT_FALSE(Contains(first.body, "rel=\"prev\""));
  // The filter form is a GET form keeping its value, without a CSRF token.
  EXPECT_TRUE(Contains(first.body, "<form method=\"get\" action=\"/admin/0190/collaborations\""));
  EXPECT_TRUE(Contains(first.body, "id=\"q\" name=\"q\" value=\"Xq11\""));
  EXPECT_EQ(Occurrences(first.body, "name=\"csrf_token\""), 1u) << "only the log-out form carries one";
  // Sorted by title ascending: the header says so, and its link turns the order around.
  EXPECT_TRUE(Contains(first.body,
                       "<th scope=\"col\" aria-sort=\"ascending\"><a "
                       "href=\"/admin/0190/collaborations?q=Xq11&amp;sort=-title\""));
  EXPECT_TRUE(Contains(first.body, "<a href=\"/admin/0190/collaborations?q=Xq11&amp;sort=status\""));
  // The exports carry the same filters.
  EXPECT_TRUE(
      Contains(first.body, "href=\"/api/v1/collaborations?format=csv&amp;municipality=0190&amp;q=Xq11\""));
  EXPECT_TRUE(
      Contains(first.body, "href=\"/api/v1/collaborations?format=xlsx&amp;municipality=0190&amp;q=Xq11\""));
  EXPECT_TRUE(Contains(first.body, Message("collaborations.export_csv")));

  const HttpResult second = GetAs(employee, "/admin/0190/collaborations?q=Xq11&sort=-title&page=2");
  ASSERT_EQ(second.status, 200);
  EXPECT_TRUE(Contains(second.body, "Side 2 af 2"));
  EXPECT_EQ(Occurrences(second.body, "<th scope=\"row\">"), 5u);
  EXPECT_TRUE(Contains(second.body, "aria-sort=\"descending\""));
  EXPECT_TRUE(Contains(second.body, "Løbeklub 00 Xq11")) << "descending: the first title comes last";
  EXPECT_FALSE(Contains(second.body, "Løbeklub 29 Xq11"));
  EXPECT_TRUE(Contains(second.body, "href=\"/admin/0190/collaborations?q=Xq11&amp;sort=-title&amp;page=1\""));
  EXPECT_TRUE(Contains(second.body, "<input type=\"hidden\" name=\"sort\" value=\"-title\">"));

  // Filters combine: a center includes its departments; the level is the effective one.
  const HttpResult health =
      GetAs(employee, fmt::format("/admin/0190/collaborations?q=Xq11&unit_id={}", tree().health));
  EXPECT_TRUE(Contains(health.body, "Samarbejdsforløb i alt: 15"));
  EXPECT_TRUE(Contains(health.body, fmt::format("<option value=\"{}\" selected>", tree().health)));
  const HttpResult level = GetAs(employee, "/admin/0190/collaborations?q=Xq11&level=high&quadrant=1");
  EXPECT_TRUE(Contains(level.body, "Samarbejdsforløb i alt: 3")) << level.body;
  EXPECT_TRUE(Contains(level.body, "<td>Høj</td><td>1</td>"));
  const HttpResult kind = GetAs(employee, "/admin/0190/collaborations?q=Xq11&organisation_kind=community");
  EXPECT_TRUE(Contains(kind.body, Message("collaborations.none")));

  // The CSV link works with the person's session and holds the filtered rows.
  const HttpResult csv =
      GetAs(employee, "/api/v1/collaborations?format=csv&municipality=0190&q=Xq11&level=high");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(Occurrences(csv.body, "Xq11"), 3u);
}

TEST_F(CollaborationPagesTest, BadFilterValuesShowTheErrorSummaryWith422) {
  const Session admin = Admin();
  const HttpResult bad = GetAs(admin, "/admin/0190/collaborations?q=x&level=extreme&quadrant=9&page=0");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(Contains(bad.body, "id=\"error-summary\""));
  EXPECT_TRUE(Contains(bad.body, "<a href=\"#level\" class=\"function-link\">"));
  EXPECT_TRUE(Contains(bad.body, "<a href=\"#quadrant\" class=\"function-link\">"));
  EXPECT_TRUE(Contains(bad.body, Message("overview.error.level")));
  EXPECT_TRUE(Contains(bad.body, Message("validation.number"))) << "the page number";
  EXPECT_TRUE(Contains(bad.body, "id=\"q\" name=\"q\" value=\"x\"")) << "good values are kept";
  EXPECT_FALSE(Contains(bad.body, "<table")) << "no results for filters that cannot be read";
  EXPECT_EQ(GetAs(admin, "/admin/0190/collaborations?sort=colour").status, 422);
}

// --- inspiration ----------------------------------------------------------------------------

TEST_F(CollaborationPagesTest, InspirationIsListedAcrossCentersForEveryEmployeeAndIsSearchable) {
  domain::Collaboration marked;
  marked.title = "Madklub for enlige Yz12";
  marked.unit_ids = {tree().nursing_home};
  marked.partner_ids = {tree().red_cross};
  marked.inspiration = true;
  marked.inspiration_note = "Start småt, og lad de frivillige lave menuen.";
  ASSERT_TRUE(app()
                  .collaborations()
                  .Create(domain::MunicipalityScope("0190"), domain::Actor::System("test", "t"), marked)
                  .ok());
  Store("Ikke markeret Yz12", {tree().nursing_home});
  domain::Collaboration other = marked;
  other.title = "Naturvandring Yz12";
  other.inspiration_note.clear();
  ASSERT_TRUE(app()
                  .collaborations()
                  .Create(domain::MunicipalityScope("0190"), domain::Actor::System("test", "t"), other)
                  .ok());

  // An employee of another center sees the health center's marked collaborations.
  const Session employee = Employee(tree().daycare);
  const HttpResult page = GetAs(employee, "/admin/0190/inspiration?q=Yz12");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "Madklub for enlige Yz12"));
  EXPECT_TRUE(Contains(page.body, "Naturvandring Yz12"));
  EXPECT_FALSE(Contains(page.body, "Ikke markeret Yz12"));
  EXPECT_TRUE(Contains(page.body, "Start småt, og lad de frivillige lave menuen."));
  EXPECT_TRUE(Contains(page.body, "Plejecenter Lillevang"));
  EXPECT_TRUE(Contains(page.body, "Røde Kors Furesø"));
  EXPECT_TRUE(Contains(page.body, "<dd>3</dd>")) << "an association with low involvement";
  EXPECT_TRUE(Contains(page.body, "href=\"/admin/0190/collaborations/"));
  EXPECT_TRUE(Contains(page.body, "Forløb i alt: 2"));
  const HttpResult narrowed = GetAs(employee, "/admin/0190/inspiration?q=madklub+Yz12");
  EXPECT_TRUE(Contains(narrowed.body, "Madklub for enlige Yz12"));
  EXPECT_FALSE(Contains(narrowed.body, "Naturvandring Yz12"));
  // Other filters of the overview do not narrow this list: it is the inspiration, searchable.
  const HttpResult ignored = GetAs(employee, "/admin/0190/inspiration?q=Yz12&level=high");
  EXPECT_EQ(ignored.status, 200);
  EXPECT_TRUE(Contains(ignored.body, "Forløb i alt: 2"));
}

// --- navigation -----------------------------------------------------------------------------

TEST_F(CollaborationPagesTest, EmployeesFindTheRegistryFromAdminAndTheirMenuShowsOnlyWhatTheyMayUse) {
  const Session employee = Employee(tree().health);
  const HttpResult home = GetAs(employee, "/admin");
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(Contains(home.body, "href=\"/admin/0190/collaborations\""));
  EXPECT_TRUE(Contains(home.body, "href=\"/admin/0190/inspiration\""));
  EXPECT_FALSE(Contains(home.body, Message("admin.nothing")));
  EXPECT_TRUE(Contains(home.body, "<a href=\"/admin\" class=\"nav-link\"")) << "the main menu's item";
  const HttpResult overview = GetAs(employee, "/admin/0190/collaborations");
  EXPECT_TRUE(Contains(overview.body, "<li class=\"active current\"><a href=\"/admin/0190/collaborations\""));
  EXPECT_FALSE(Contains(overview.body, "href=\"/admin/0190/units\"")) << "not theirs";
  const Session admin = Admin();
  const HttpResult admin_overview = GetAs(admin, "/admin/0190/collaborations");
  EXPECT_TRUE(Contains(admin_overview.body, "href=\"/admin/0190/units\""));
  EXPECT_TRUE(Contains(admin_overview.body, "href=\"/admin/0190/inspiration\""));
}

}  // namespace
}  // namespace samskab
