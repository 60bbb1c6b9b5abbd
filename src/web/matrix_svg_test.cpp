#include "web/matrix_svg.h"

#include <regex>

#include <gtest/gtest.h>

namespace samskab::web {
namespace {

using domain::InvolvementLevel;
using domain::VolunteerType;

storage::MatrixPoint Point(int64_t id, InvolvementLevel level, std::optional<VolunteerType> type,
                           std::optional<int> quadrant, std::string title = "Forløb") {
  return {id, std::move(title), level, type, quadrant};
}

MatrixLabels Labels() {
  MatrixLabels labels;
  labels.title = "Samarbejdsforløb i modellen";
  labels.description = "Fire kvadranter";
  labels.quadrant_names = {"Kvadrant 1", "Kvadrant 2", "Kvadrant 3", "Kvadrant 4"};
  labels.quadrant_hrefs = {"/o?quadrant=1", "/o?quadrant=2", "/o?quadrant=3", "/o?quadrant=4"};
  labels.medium = "Mellem";
  labels.count_suffix = " forløb";
  labels.point_href_prefix = "/admin/0190/collaborations/";
  return labels;
}

// The centre of the circle that links to `id`.
std::pair<double, double> Position(const std::string& svg, int64_t id) {
  const std::regex pattern("collaborations/" + std::to_string(id) +
                           R"re("><circle cx="([0-9.]+)" cy="([0-9.]+)")re");
  std::smatch match;
  if (!std::regex_search(svg, match, pattern)) return {-1, -1};
  return {std::stod(match[1]), std::stod(match[2])};
}

TEST(MatrixSvg, CountsQuadrantsTheMediumBandAndTheUnplaced) {
  const std::vector<storage::MatrixPoint> points = {
      Point(1, InvolvementLevel::kHigh, VolunteerType::kAssociations, 1),
      Point(2, InvolvementLevel::kHigh, VolunteerType::kAssociations, 1),
      Point(3, InvolvementLevel::kLow, VolunteerType::kCommunitiesAndIndividuals, 4),
      Point(4, InvolvementLevel::kMedium, VolunteerType::kCommunitiesAndIndividuals, std::nullopt),
      Point(5, InvolvementLevel::kLow, std::nullopt, std::nullopt),
  };
  const MatrixCounts counts = CountMatrix(points);
  EXPECT_EQ(counts.quadrants, (std::array<int64_t, 4>{2, 0, 0, 1}));
  EXPECT_EQ(counts.medium_communities, 1);
  EXPECT_EQ(counts.medium_associations, 0);
  EXPECT_EQ(counts.unplaced, 1);
  const std::string svg = RenderMatrixSvg(points, counts, Labels());
  EXPECT_NE(svg.find(R"(<a href="/o?quadrant=1"><text)"), std::string::npos);
  EXPECT_NE(svg.find(">2 forløb</text>"), std::string::npos);
  EXPECT_EQ(Position(svg, 5).first, -1);  // no partner: counted, not drawn
}

TEST(MatrixSvg, EachPointLiesInItsCellAndStaysPut) {
  const std::vector<storage::MatrixPoint> points = {
      Point(10, InvolvementLevel::kHigh, VolunteerType::kAssociations, 1),
      Point(11, InvolvementLevel::kHigh, VolunteerType::kCommunitiesAndIndividuals, 2),
      Point(12, InvolvementLevel::kMedium, VolunteerType::kAssociations, std::nullopt),
      Point(13, InvolvementLevel::kLow, VolunteerType::kCommunitiesAndIndividuals, 4),
  };
  const std::string svg = RenderMatrixSvg(points, CountMatrix(points), Labels());
  const auto [x1, y1] = Position(svg, 10);
  const auto [x2, y2] = Position(svg, 11);
  const auto [x3, y3] = Position(svg, 12);
  const auto [x4, y4] = Position(svg, 13);
  EXPECT_LT(x1, 435);  // associations on the left
  EXPECT_GT(x2, 435);  // communities and individuals on the right
  EXPECT_LT(y1, 230);  // high at the top
  EXPECT_GT(y3, 230);  // medium between
  EXPECT_LT(y3, 350);
  EXPECT_GT(y4, 350);  // low at the bottom
  // The same picture on every load, and with more points the old ones do not move.
  std::vector<storage::MatrixPoint> more = points;
  more.push_back(Point(14, InvolvementLevel::kLow, VolunteerType::kAssociations, 3));
  EXPECT_EQ(Position(RenderMatrixSvg(more, CountMatrix(more), Labels()), 10), std::make_pair(x1, y1));
}

TEST(MatrixSvg, EscapesEveryText) {
  const std::vector<storage::MatrixPoint> points = {
      Point(1, InvolvementLevel::kHigh, VolunteerType::kAssociations, 1, "<script>alert(1)</script> & co")};
  MatrixLabels labels = Labels();
  labels.title = "\"quoted\" <title>";
  const std::string svg = RenderMatrixSvg(points, CountMatrix(points), labels);
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), std::string::npos);
  EXPECT_NE(svg.find("&quot;quoted&quot; &lt;title&gt;"), std::string::npos);
}

}  // namespace
}  // namespace samskab::web
