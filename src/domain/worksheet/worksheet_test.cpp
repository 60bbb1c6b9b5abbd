#include "domain/worksheet/worksheet.h"

#include <gtest/gtest.h>

namespace samskab::domain {
namespace {

TEST(Worksheet, YearsOutsideTheSaneRangeOrNotNumbersAreRefused) {
  EXPECT_EQ(ParseWorksheetYear("2026"), 2026);
  EXPECT_EQ(ParseWorksheetYear("2000"), 2000);
  EXPECT_EQ(ParseWorksheetYear("2100"), 2100);
  for (const char* bad : {"", "1999", "2101", "20x6", "+2026", "-2026", " 2026", "99999999999"})
    EXPECT_EQ(ParseWorksheetYear(bad), std::nullopt) << bad;
}

TEST(Worksheet, NormalisingTrimsSortsQuadrantsAndNamesEveryBadField) {
  Worksheet w;
  w.year = 2026;
  w.quadrants = {3, 1, 3};
  w.work_areas = "  Besøg på plejecentre \n";
  EXPECT_TRUE(NormaliseWorksheet(w).empty());
  EXPECT_EQ(w.quadrants, (std::vector<int>{1, 3}));
  EXPECT_EQ(w.work_areas, "Besøg på plejecentre");

  Worksheet bad;
  bad.year = 1850;
  bad.quadrants = {0, 5};
  bad.contact_owner = std::string(kMaxContactOwnerLength + 1, 'x');
  bad.spreading = std::string(kMaxWorksheetAnswerLength, 'y');  // at the limit: fine
  const auto problems = NormaliseWorksheet(bad);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0], (FieldProblem{"year", "worksheet.error.year"}));
  EXPECT_EQ(problems[1], (FieldProblem{"quadrants", "worksheet.error.quadrants"}));
  EXPECT_EQ(problems[2], (FieldProblem{"contact_owner", "validation.too_long"}));
}

TEST(Worksheet, QuadrantsAreStoredAsAKeyList) {
  EXPECT_EQ(JoinQuadrants({1, 3}), ",1,3,");
  EXPECT_EQ(JoinQuadrants({}), ",");
  EXPECT_EQ(SplitQuadrants(",1,3,"), (std::vector<int>{1, 3}));
  EXPECT_TRUE(SplitQuadrants(",").empty());
}

}  // namespace
}  // namespace samskab::domain
