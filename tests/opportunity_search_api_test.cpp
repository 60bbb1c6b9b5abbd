// GET /api/v1/opportunities/search end to end, on SQLite and PostgreSQL: public, the hits with
// their snippets as plain parts (never markup), paging with a total, and bad parameters refused
// with 422 naming each one in the caller's language.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace samskab {
namespace {

using nlohmann::json;
using testing::Get;
using testing::HttpResult;
using testing::TestServer;

class OpportunitySearchApi : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    unit_ =
        server_->AddUnit("0190", domain::UnitKind::kAdministration, "Center for Ældre & Omsorg", std::nullopt)
            .id;
  }
  int64_t Add(const std::string& title, const std::string& description,
              const std::string& postcode = "3500") {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO opportunities (municipality_code, unit_id, title, description, postcode, capacity, "
        "status, "
        "welfare_areas, availability, created_at, updated_at) "
        "VALUES ('0190', ?, ?, ?, ?, 2, 'open', ',elderly,', 7, '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z') "
        "RETURNING id",
        {unit_, title, description, postcode});
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    return rows.ok() ? rows->front().Int(0) : 0;
  }
  json Search(const std::string& query, int expected_status = 200) {
    const HttpResult result = Get(server_->port(), "/api/v1/opportunities/search?" + query);
    EXPECT_EQ(result.status, expected_status) << query << ": " << result.body;
    return json::parse(result.body, nullptr, false);
  }
  static std::map<std::string, std::string> Errors(const json& problem) {
    std::map<std::string, std::string> out;
    for (const auto& error : problem.value("errors", json::array()))
      out[error["field"].get<std::string>()] = error["code"].get<std::string>();
    return out;
  }
  std::unique_ptr<TestServer> server_;
  int64_t unit_ = 0;
};

TEST_P(OpportunitySearchApi, FindsStemmedWordsWithTheSnippetAsPlainParts) {
  const int64_t id =
      Add("Besøgsven <b>", "Vi søger frivillige til <script>alert(1)</script> ældres eftermiddage.");
  const json body = Search("q=frivillig%20%C3%A6ldre");
  ASSERT_EQ(body["total"], 1);
  const json& hit = body["items"][0];
  EXPECT_EQ(hit["id"], id);
  EXPECT_EQ(hit["title"], "Besøgsven <b>");
  EXPECT_EQ(hit["poster_name"], "Center for Ældre & Omsorg");
  EXPECT_EQ(hit["postcode"], "3500");
  EXPECT_EQ(hit["town"], "Værløse") << "the town from the postcode list";
  EXPECT_EQ(hit["url"], "/opportunities/" + std::to_string(id));
  std::string text;
  std::vector<std::string> matched;
  for (const auto& part : hit["snippet"]) {
    text += part["text"].get<std::string>();
    if (part["match"].get<bool>()) matched.push_back(part["text"]);
  }
  EXPECT_EQ(matched, (std::vector<std::string>{"frivillige", "ældres"}));
  // Text stays text, for the reader to escape. (PostgreSQL's ts_headline reads "<…>" as a tag
  // and leaves it out of the snippet; SQLite's snippet() keeps it.)
  if (GetParam() == storage::Backend::kSqlite) {
    EXPECT_NE(text.find("<script>"), std::string::npos);
  }
  EXPECT_EQ(text.find('\x02'), std::string::npos) << "no marker leaks";
}

TEST_P(OpportunitySearchApi, PagesCarryTheTotalAndFacetsNarrow) {
  for (int i = 0; i < 3; ++i) Add("Lektiehjælp", "Hjælp med lektier", "3500");
  Add("Lektiehjælp", "Hjælp med lektier", "9000");
  const json first = Search("q=lektiehj%C3%A6lp&per_page=3");
  EXPECT_EQ(first["total"], 4);
  EXPECT_EQ(first["pages"], 2);
  EXPECT_EQ(first["items"].size(), 3U);
  EXPECT_EQ(Search("q=lektiehj%C3%A6lp&per_page=3&page=2")["items"].size(), 1U);
  EXPECT_EQ(Search("q=lektiehj%C3%A6lp&near=3450&within_km=15")["total"], 3) << "Allerød is near Værløse";
  EXPECT_EQ(
      Search("q=lektiehj%C3%A6lp&weekday=mon&welfare_area=elderly&organisation_kind=municipality")["total"],
      4);
  EXPECT_EQ(Search("q=lektiehj%C3%A6lp&weekday=tue")["total"], 0);
  EXPECT_EQ(Search("q=lektiehj%C3%A6lp&municipality=0190")["total"], 4);
  EXPECT_EQ(Search("")["total"], 4) << "no words: everything open";
  EXPECT_EQ(Search("q=%22lektiehj%C3%A6lp*%20NEAR(-x%3A%5E")["total"], 0)
      << "syntax is only words (x must occur)";
  EXPECT_EQ(Search("q=%22lektiehj%C3%A6lp*%22%20(hj%C3%A6lp")["total"], 4);
}

TEST_P(OpportunitySearchApi, BadParametersAreRefusedNamingEachInTheCallersLanguage) {
  const json problem = Search(
      "q=" + std::string(201, 'a') +
          "&welfare_area=nope&target_group=x&near=12&within_km=0&weekday=someday&organisation_kind=guild"
          "&municipality=9999&page=0&per_page=51",
      422);
  EXPECT_EQ(Errors(problem),
            (std::map<std::string, std::string>{{"q", "search.error.query_too_long"},
                                                {"welfare_area", "search.error.welfare_area"},
                                                {"target_group", "search.error.target_group"},
                                                {"near", "validation.postcode"},
                                                {"within_km", "search.error.within_km"},
                                                {"weekday", "search.error.weekday"},
                                                {"organisation_kind", "search.error.organisation_kind"},
                                                {"municipality", "search.error.municipality"},
                                                {"page", "search.error.page"},
                                                {"per_page", "search.error.per_page"}}));
  std::string words;
  for (int i = 0; i < 21; ++i) words += "ord+";
  EXPECT_EQ(Errors(Search("q=" + words, 422)),
            (std::map<std::string, std::string>{{"q", "search.error.query_too_long"}}));
  EXPECT_EQ(Errors(Search("near=0000", 422)),
            (std::map<std::string, std::string>{{"near", "validation.postcode_unknown"}}));
  EXPECT_EQ(Search("within_km=5")["total"], 0) << "a distance without a postcode is ignored";
  const HttpResult english =
      Get(server_->port(), "/api/v1/opportunities/search?weekday=x", {{"Accept-Language", "en"}});
  EXPECT_EQ(english.status, 422);
  EXPECT_NE(english.body.find("The weekday does not exist"), std::string::npos) << english.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, OpportunitySearchApi,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
