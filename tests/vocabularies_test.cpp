// A municipality's own vocabularies end to end: the API (list with labels in the request's
// language, add with every bad field named, remove refused while in use or built in), the admin
// page (add, remove, the count of collaborations that use a term), and the registry using the
// municipality's terms in its form, its filters, a collaboration's page and the CSV export.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "support/test_support.h"
#include "web/views.h"

namespace samskab {
namespace {

using domain::Role;
using testing::Get;
using testing::HttpResult;
using testing::Send;
using testing::TestServer;

using Headers = std::map<std::string, std::string>;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class VocabulariesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    admin_ = new Headers{{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalAdmin, "0190")},
                         {"Content-Type", "application/json"}};
    employee_ =
        new Headers{{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalEmployee, "0190")},
                    {"Content-Type", "application/json"}};
    domain::Unit unit;
    unit.kind = domain::UnitKind::kAdministration;
    unit.name = "Velfærd";
    unit_ = server_->app()
                .units()
                .Create(domain::MunicipalityScope("0190"), domain::Actor::System("t", "t"), unit)
                ->id;
  }
  static void TearDownTestSuite() {
    delete server_;
    delete admin_;
    delete employee_;
  }
  static app::App& app() { return server_->app(); }
  static HttpResult Api(const std::string& method, const std::string& target, const Headers& headers,
                        const std::string& body = "") {
    return method == "GET" ? Get(server_->port(), target, headers)
                           : Send(server_->port(), method, target, body, headers);
  }
  static std::string Term(const std::string& key, const std::string& da) {
    return nlohmann::json{{"key", key}, {"label_da", da}, {"label_nb", da + " NB"}, {"label_en", da + " EN"}}
        .dump();
  }
  static int64_t Count(const std::string& table) {
    auto lease = app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  static std::string Message(std::string_view key) { return web::EscapeHtml(app().catalog().Get("da", key)); }
  static domain::Collaboration Collaboration(const std::string& title, const std::string& welfare_area) {
    domain::Collaboration c;
    c.title = title;
    c.unit_ids = {unit_};
    c.welfare_area = welfare_area;
    auto created =
        app().collaborations().Create(domain::MunicipalityScope("0190"), domain::Actor::System("t", "t"), c);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? *created : domain::Collaboration{};
  }

  static TestServer* server_;
  static Headers* admin_;
  static Headers* employee_;
  static int64_t unit_;
};
TestServer* VocabulariesTest::server_ = nullptr;
Headers* VocabulariesTest::admin_ = nullptr;
Headers* VocabulariesTest::employee_ = nullptr;
int64_t VocabulariesTest::unit_ = 0;

TEST_F(VocabulariesTest, TheApiListsAddsAndRemovesTheMunicipalitysOwnTerms) {
  const HttpResult added =
      Api("POST", "/api/v1/vocabularies/welfare_area", *admin_, Term("vaagetjeneste", "Vågetjeneste"));
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.header("location"), "/api/v1/vocabularies/welfare_area/vaagetjeneste");
  // Staff list the terms, the built-in ones first; labels in the request's language.
  Headers english = *employee_;
  english["Accept-Language"] = "en";
  const HttpResult list = Api("GET", "/api/v1/vocabularies/welfare_area", english);
  ASSERT_EQ(list.status, 200) << list.body;
  const auto items = nlohmann::json::parse(list.body)["items"];
  EXPECT_EQ(items.front()["key"], "health");
  EXPECT_EQ(items.front()["built_in"], true);
  EXPECT_EQ(items.front()["label"], app().catalog().Get("en", "vocabulary.welfare_area.health"));
  EXPECT_FALSE(items.front().contains("label_da"));
  EXPECT_EQ(items.back()["key"], "vaagetjeneste");
  EXPECT_EQ(items.back()["built_in"], false);
  EXPECT_EQ(items.back()["label"], "Vågetjeneste EN");
  EXPECT_EQ(items.back()["label_nb"], "Vågetjeneste NB");
  // Employees may not add or remove; an unknown vocabulary is not found.
  EXPECT_EQ(Api("POST", "/api/v1/vocabularies/welfare_area", *employee_, Term("x", "X")).status, 403);
  EXPECT_EQ(Api("GET", "/api/v1/vocabularies/colours", *employee_).status, 404);

  EXPECT_EQ(Api("DELETE", "/api/v1/vocabularies/welfare_area/vaagetjeneste", *admin_).status, 204);
  EXPECT_EQ(Api("DELETE", "/api/v1/vocabularies/welfare_area/vaagetjeneste", *admin_).status, 404);
}

TEST_F(VocabulariesTest, BadTermsAnswer422NamingEachFieldAndRemovingABuiltInOrUsedTermIs409) {
  const int64_t before = Count("vocabulary_terms");
  const HttpResult bad =
      Api("POST", "/api/v1/vocabularies/target_group", *admin_,
          nlohmann::json{{"key", "Æ!"}, {"label_da", ""}, {"label_nb", "ok"}, {"label_en", 7}}.dump());
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.header("content-type"), "application/problem+json");
  const auto problem = nlohmann::json::parse(bad.body);
  ASSERT_EQ(problem["errors"].size(), 1u);  // the type is checked first
  EXPECT_EQ(problem["errors"][0]["field"], "label_en");
  const HttpResult fields =
      Api("POST", "/api/v1/vocabularies/target_group", *admin_,
          nlohmann::json{{"key", "Æ!"}, {"label_da", ""}, {"label_nb", "ok"}, {"label_en", "ok"}}.dump());
  ASSERT_EQ(fields.status, 422);
  const auto errors = nlohmann::json::parse(fields.body)["errors"];
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0]["field"], "key");
  EXPECT_EQ(errors[0]["code"], "vocabulary.error.key");
  EXPECT_EQ(errors[1]["field"], "label_da");
  const HttpResult taken =
      Api("POST", "/api/v1/vocabularies/target_group", *admin_, Term("elderly", "Ældre"));
  ASSERT_EQ(taken.status, 422);
  EXPECT_EQ(nlohmann::json::parse(taken.body)["errors"][0]["code"], "vocabularies.error.key_taken");
  EXPECT_EQ(Count("vocabulary_terms"), before);

  const HttpResult built_in = Api("DELETE", "/api/v1/vocabularies/target_group/elderly", *admin_);
  EXPECT_EQ(built_in.status, 409);
  EXPECT_EQ(nlohmann::json::parse(built_in.body)["detail"],
            app().catalog().Get("da", "vocabularies.error.built_in"));
  ASSERT_EQ(Api("POST", "/api/v1/vocabularies/welfare_area", *admin_, Term("natcafe", "Natcafé")).status,
            201);
  Collaboration("Natcafé i Farum", "natcafe");
  const HttpResult in_use = Api("DELETE", "/api/v1/vocabularies/welfare_area/natcafe", *admin_);
  EXPECT_EQ(in_use.status, 409);
  EXPECT_EQ(nlohmann::json::parse(in_use.body)["detail"],
            app().catalog().Get("da", "vocabularies.error.in_use"));
  EXPECT_EQ(Count("vocabulary_terms"), before + 1);
}

TEST_F(VocabulariesTest, AdminsAddAndRemoveTermsOnTheirPageAndTheRegistryOffersAndShowsThem) {
  const std::string email = "admin@vocabularies.example";
  server_->AddUser(email, "korrekt-hest-batteri",
                   domain::Grant{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt});
  const std::string cookie = server_->Login(email, "korrekt-hest-batteri");
  const std::string csrf = server_->CsrfFor(cookie);
  const Headers form = {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}};
  const auto post = [&](const std::string& target, const std::string& body) {
    return Send(server_->port(), "POST", target, "csrf_token=" + csrf + "&" + body, form);
  };

  const HttpResult page = Get(server_->port(), "/admin/0190/vocabularies", {{"Cookie", cookie}});
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, Message("vocabularies.built_in")));
  EXPECT_TRUE(
      Contains(page.body, "href=\"/admin/0190/vocabularies\" class=\"nav-link\" aria-current=\"page\""));

  const HttpResult bad =
      post("/admin/0190/vocabularies", "vocabulary=target_group&key=Bad+Key&label_da=&label_nb=x&label_en=y");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "href=\"#key\""));
  EXPECT_TRUE(Contains(bad.body, "href=\"#label_da\""));
  EXPECT_TRUE(Contains(bad.body, "value=\"Bad Key\""));

  const HttpResult added = post("/admin/0190/vocabularies",
                                "vocabulary=target_group&key=bedsteforaeldre&label_da=Bedsteforældre&label_"
                                "nb=Besteforeldre&label_en=Grandparents");
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(added.header("location"), "/admin/0190/vocabularies?notice=vocabulary.term_added");
  const HttpResult listed = Get(server_->port(), added.header("location"), {{"Cookie", cookie}});
  EXPECT_TRUE(Contains(listed.body, Message("notice.vocabulary.term_added")));
  EXPECT_TRUE(
      Contains(listed.body, "action=\"/admin/0190/vocabularies/target_group/bedsteforaeldre/delete\""));

  // The registry offers the term in its form and its filters, shows it on a collaboration's page
  // and in the export.
  const HttpResult new_form = Get(server_->port(), "/admin/0190/collaborations/new", {{"Cookie", cookie}});
  EXPECT_TRUE(Contains(new_form.body, "<option value=\"bedsteforaeldre\">Bedsteforældre</option>"));
  const HttpResult overview = Get(server_->port(), "/admin/0190/collaborations", {{"Cookie", cookie}});
  EXPECT_TRUE(Contains(overview.body, "<option value=\"bedsteforaeldre\">Bedsteforældre</option>"));
  domain::Collaboration c;
  c.title = "Læsevenner med bedsteforældre";
  c.unit_ids = {unit_};
  c.target_group = "bedsteforaeldre";
  auto created =
      app().collaborations().Create(domain::MunicipalityScope("0190"), domain::Actor::System("t", "t"), c);
  ASSERT_TRUE(created.ok());
  const HttpResult shown =
      Get(server_->port(), fmt::format("/admin/0190/collaborations/{}", created->id), {{"Cookie", cookie}});
  EXPECT_TRUE(Contains(shown.body, "Bedsteforældre"));
  Headers english = *admin_;
  english["Accept-Language"] = "en";
  const HttpResult csv =
      Get(server_->port(), "/api/v1/collaborations?format=csv&q=" + text::PercentEncode("bedsteforældre"),
          english);
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(Contains(csv.body, "Grandparents"));

  // In use: not removed, and the message says by how many.
  const HttpResult in_use = post("/admin/0190/vocabularies/target_group/bedsteforaeldre/delete", "");
  EXPECT_EQ(in_use.status, 409);
  EXPECT_TRUE(Contains(in_use.body, "»Bedsteforældre« kan ikke fjernes, fordi den bruges af samarbejdsforløb, behov eller opgaver (antal: 1)"));
  ASSERT_TRUE(app()
                  .collaborations()
                  .Delete(domain::MunicipalityScope("0190"), domain::Actor::System("t", "t"), created->id,
                          created->revision)
                  .ok());
  const HttpResult removed = post("/admin/0190/vocabularies/target_group/bedsteforaeldre/delete", "");
  ASSERT_EQ(removed.status, 303);
  EXPECT_EQ(removed.header("location"), "/admin/0190/vocabularies?notice=vocabulary.term_removed");
  const HttpResult built_in = post("/admin/0190/vocabularies/target_group/elderly/delete", "");
  EXPECT_EQ(built_in.status, 409);
  EXPECT_TRUE(Contains(built_in.body, Message("vocabularies.error.built_in")));
}

}  // namespace
}  // namespace samskab
