// POST /api/v1/advisor end to end: placement and attention points for a planned collaboration,
// in the caller's language; bad input is 422 with a clear message; only municipal staff.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace samskab {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::Send;
using testing::TestServer;

class AdvisorApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    token_ = new std::string(server_->AddToken(domain::Role::kMunicipalEmployee, "0190"));
  }
  static void TearDownTestSuite() {
    delete token_;
    delete server_;
  }
  static HttpResult Ask(const std::string& body, const std::string& lang = "da") {
    return Send(server_->port(), "POST", "/api/v1/advisor", body,
                {{"Authorization", "Bearer " + *token_},
                 {"Content-Type", "application/json"},
                 {"Accept-Language", lang}});
  }
  static TestServer* server_;
  static std::string* token_;
};
TestServer* AdvisorApi::server_ = nullptr;
std::string* AdvisorApi::token_ = nullptr;

TEST_F(AdvisorApi, ALargeOrganisationDoingTheWorkLandsInQuadrantThreeWithItsAttentionPoints) {
  // The memo's own example: a large organisation does most of the work; the municipality lends rooms.
  const HttpResult result =
      Ask(R"({"partner_kinds":["humanitarian_association"],"involvement_facts":{"rooms_lent":true}})");
  ASSERT_EQ(result.status, 200) << result.body;
  const json answer = json::parse(result.body);
  EXPECT_EQ(answer["involvement_level"], "low");
  EXPECT_EQ(answer["volunteer_type"], "associations");
  EXPECT_EQ(answer["quadrant"], 3);
  bool little_influence = false;
  for (const auto& point : answer["attention_points"]) {
    EXPECT_EQ(point["quadrant"], 3);
    if (point["aspect"] == "influence") {
      little_influence = point["expectation"] == "little";
      EXPECT_NE(point["text"].get<std::string>().find("indflydelse"), std::string::npos);
      EXPECT_EQ(point["aspect_label"], "Indflydelse på forløbet");
    }
  }
  EXPECT_TRUE(little_influence);
}

TEST_F(AdvisorApi, MediumInvolvementGetsBothNeighboursInTheCallersLanguage) {
  const HttpResult result = Ask(
      R"({"partner_kinds":["community","individual"],"involvement_facts":{"contact_person":true,"coordination":true}})",
      "en");
  ASSERT_EQ(result.status, 200) << result.body;
  const json answer = json::parse(result.body);
  EXPECT_EQ(answer["involvement_level"], "medium");
  EXPECT_TRUE(answer["quadrant"].is_null());
  EXPECT_EQ(answer["adjacent_quadrants"], json::array({2, 4}));
  std::set<int> quadrants;
  for (const auto& point : answer["attention_points"]) quadrants.insert(point["quadrant"].get<int>());
  EXPECT_EQ(quadrants, (std::set<int>{2, 4}));
  EXPECT_EQ(answer["attention_points"][0]["aspect_label"], "Staff resources");
}

TEST_F(AdvisorApi, BadInputIsAClear422) {
  struct Case {
    std::string body;
    int status;
    std::string detail;
  };
  const std::vector<Case> cases = {
      {R"({"partner_kinds":["ministry"]})", 422, "organisationstyper"},
      {R"({"partner_kinds":"community"})", 422, "organisationstyper"},
      {R"({"partner_kinds":[42]})", 422, "organisationstyper"},
      {R"({"involvement_facts":{"rooms_lent":"yes"}})", 422, "sand/falsk"},
      {R"({"involvement_facts":{"free_coffee":true}})", 422, "sand/falsk"},
      {R"({"involvement_facts":[]})", 422, "sand/falsk"},
      {R"({"budget":1})", 422, "felt"},
      {R"({"partner_kinds":[})", 400, ""},
  };
  for (const auto& c : cases) {
    const HttpResult result = Ask(c.body);
    EXPECT_EQ(result.status, c.status) << c.body << " → " << result.body;
    if (!c.detail.empty()) {
      EXPECT_NE(json::parse(result.body)["detail"].get<std::string>().find(c.detail), std::string::npos)
          << c.body << " → " << result.body;
    }
  }
  // Only municipal staff (tests/access_table_test.cpp covers every role): the public is turned away.
  EXPECT_EQ(
      Send(server_->port(), "POST", "/api/v1/advisor", "{}", {{"Content-Type", "application/json"}}).status,
      401);
}

}  // namespace
}  // namespace samskab
