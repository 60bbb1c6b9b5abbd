// The public search page /opportunities: the GET form, the count, results with the matched words
// as <mark> and everything else escaped, paging links that keep the facets, and bad input shown
// again with 422, the form keeping what was typed.
#include <gtest/gtest.h>

#include "storage/opportunity_search.h"
#include "support/test_support.h"

namespace samskab {
namespace {

using testing::Get;
using testing::HttpResult;
using testing::TestServer;

class OpportunitySearchPage : public ::testing::Test {
 protected:
  void SetUp() override {
    unit_ = server_.AddUnit("0190", domain::UnitKind::kAdministration, "Center <for> Ældre", std::nullopt).id;
  }
  int64_t Add(const std::string& title, const std::string& description) {
    auto lease = server_.app().database().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO opportunities (municipality_code, unit_id, title, description, postcode, capacity, "
        "status, "
        "created_at, updated_at) VALUES ('0190', ?, ?, ?, '3500', 2, 'open', '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z') RETURNING id",
        {unit_, title, description});
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    return rows.ok() ? rows->front().Int(0) : 0;
  }
  TestServer server_;
  int64_t unit_ = 0;
};

TEST_F(OpportunitySearchPage, ShowsResultsWithTheMatchedWordsMarkedAndAllTextEscaped) {
  const int64_t id = Add("Besøgsven <i>", "Vi søger <b>frivillige</b> til ældres hverdag.");
  const HttpResult page = Get(server_.port(), "/opportunities?q=frivillig");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("href=\"/opportunities/" + std::to_string(id) + "\""), std::string::npos);
  EXPECT_NE(page.body.find("Besøgsven &lt;i&gt;"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;b&gt;<mark>frivillige</mark>&lt;/b&gt;"), std::string::npos) << page.body;
  EXPECT_EQ(page.body.find("<b>"), std::string::npos);
  EXPECT_NE(page.body.find("Center &lt;for&gt; Ældre"), std::string::npos);
  EXPECT_NE(page.body.find("3500 Værløse"), std::string::npos);
  EXPECT_NE(page.body.find("1 opgaver fundet"), std::string::npos);
  EXPECT_NE(page.body.find("method=\"get\""), std::string::npos);
  EXPECT_EQ(page.body.find('\x02'), std::string::npos);
}

TEST_F(OpportunitySearchPage, ASearchBeyondTheHorizonSaysThatOlderPostsMayMatchToo) {
  {
    // One more post than the horizon, in one statement (the index's triggers run for each).
    auto lease = server_.app().database().Acquire();
    auto added = (*lease)->Query(
        "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        "INSERT INTO opportunities (municipality_code, unit_id, title, description, capacity, status, "
        "created_at, "
        "updated_at) SELECT '0190', ?, 'Lektiehjælp', 'Hjælp med lektier', 2, 'open', "
        "'2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z' FROM n RETURNING id",
        {int64_t{storage::kSearchHorizon + 1}, unit_});
    ASSERT_TRUE(added.ok()) << added.status().log_message();
  }
  const HttpResult page = Get(server_.port(), "/opportunities?q=lektier");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Mindst 5000 opgaver passer til søgningen"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("Side 1 af 250"), std::string::npos);
  const HttpResult api = Get(server_.port(), "/api/v1/opportunities/search?q=lektier");
  EXPECT_NE(api.body.find("\"horizon_reached\":true"), std::string::npos) << api.body;
  EXPECT_NE(api.body.find("\"total\":5000"), std::string::npos);
  const HttpResult one = Get(server_.port(), "/opportunities?q=lektier&page=1&near=9000");
  EXPECT_EQ(one.body.find("Mindst"), std::string::npos) << "no horizon when fewer match";
  const HttpResult few = Get(server_.port(), "/api/v1/opportunities/search?q=lektier&near=9000");
  EXPECT_NE(few.body.find("\"horizon_reached\":false"), std::string::npos) << few.body;
}

TEST_F(OpportunitySearchPage, PagingLinksKeepTheWordsAndFacets) {
  for (int i = 0; i < 25; ++i) Add("Lektiehjælp", "Hjælp med lektier");
  const HttpResult first = Get(server_.port(), "/opportunities?q=lektier&weekday=&near=3500&within_km=25");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_NE(first.body.find("25 opgaver fundet"), std::string::npos);
  EXPECT_NE(first.body.find("Side 1 af 2"), std::string::npos);
  EXPECT_NE(first.body.find("href=\"/opportunities?q=lektier&amp;near=3500&amp;within_km=25&amp;page=2\""),
            std::string::npos)
      << first.body;
  const HttpResult second = Get(server_.port(), "/opportunities?q=lektier&near=3500&within_km=25&page=2");
  EXPECT_NE(second.body.find("Side 2 af 2"), std::string::npos);
  EXPECT_NE(second.body.find("rel=\"prev\""), std::string::npos);
  const HttpResult browse = Get(server_.port(), "/opportunities");
  EXPECT_NE(browse.body.find("25 opgaver fundet"), std::string::npos);
}

TEST_F(OpportunitySearchPage, BadInputIsShownAgainWith422AndTheFormKeepsWhatWasTyped) {
  Add("Lektiehjælp", "Hjælp med lektier");
  const HttpResult page =
      Get(server_.port(), "/opportunities?q=%22lektier%3Cscript%3E&near=0000&weekday=someday&within_km=25");
  ASSERT_EQ(page.status, 422) << page.body;
  EXPECT_NE(page.body.find("value=\"&quot;lektier&lt;script&gt;\""), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("value=\"0000\""), std::string::npos);
  EXPECT_NE(page.body.find("Ugedagen findes ikke"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"#near\""), std::string::npos) << "the summary links to the field";
  EXPECT_EQ(page.body.find("opgaver fundet"), std::string::npos) << "no results under a refused search";
  const HttpResult too_long = Get(server_.port(), "/opportunities?q=" + std::string(201, 'a'));
  EXPECT_EQ(too_long.status, 422);
  EXPECT_NE(too_long.body.find("Søgningen er for lang"), std::string::npos);
}

}  // namespace
}  // namespace samskab
