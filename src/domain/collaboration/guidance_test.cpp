// The quadrants' attention points: what the memo says per quadrant, and which points a
// placement gets (its quadrant's, both neighbours' for medium, none without partners).
#include "domain/collaboration/guidance.h"

#include <gtest/gtest.h>

#include <set>

#include "web/i18n.h"

namespace samskab::domain {
namespace {

Expectation ExpectationOf(int quadrant, Aspect aspect) {
  for (const auto& point : GuidanceFor(quadrant)) {
    if (point.aspect == aspect) return point.expectation;
  }
  ADD_FAILURE() << "quadrant " << quadrant << " says nothing about " << AspectName(aspect);
  return Expectation::kSome;
}

TEST(Guidance, EachQuadrantSaysWhatTheMemoSays) {
  struct Row {
    int quadrant;
    Aspect aspect;
    Expectation expectation;
  };
  const Row rows[] = {
      {1, Aspect::kStaffResources, Expectation::kSome},
      {1, Aspect::kBudget, Expectation::kMuch},
      {1, Aspect::kInfluence, Expectation::kMuch},
      {1, Aspect::kPartnershipAgreement, Expectation::kSome},
      {2, Aspect::kStaffResources, Expectation::kMuch},
      {2, Aspect::kBudget, Expectation::kLittle},
      {2, Aspect::kLocalAnchoring, Expectation::kMuch},
      {3, Aspect::kStaffResources, Expectation::kLittle},
      {3, Aspect::kInfluence, Expectation::kLittle},
      {3, Aspect::kEvaluation, Expectation::kLittle},
      {4, Aspect::kBudget, Expectation::kMuch},
      {4, Aspect::kRegistration, Expectation::kLittle},
      {4, Aspect::kLocalAnchoring, Expectation::kMuch},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(ExpectationOf(row.quadrant, row.aspect), row.expectation)
        << "quadrant " << row.quadrant << ", " << AspectName(row.aspect);
  }
  // What the memo does not say is not guessed: no budget statement for quadrant 3, no
  // partnership agreement outside quadrant 1.
  for (const auto& point : GuidanceFor(3)) EXPECT_NE(point.aspect, Aspect::kBudget);
  for (int quadrant : {2, 3, 4}) {
    for (const auto& point : GuidanceFor(quadrant)) EXPECT_NE(point.aspect, Aspect::kPartnershipAgreement);
  }
  EXPECT_TRUE(GuidanceFor(0).empty());
  EXPECT_TRUE(GuidanceFor(5).empty());
}

TEST(Guidance, APlacementGetsItsQuadrantsPointsOrBothNeighboursForMedium) {
  const OrganisationKind scouts[] = {OrganisationKind::kPopularEducationAssociation};
  InvolvementFacts low;
  low.rooms_lent = true;
  auto q3 = PlaceCollaboration(low, scouts, std::nullopt, "");
  ASSERT_TRUE(q3.ok());
  const auto points = AttentionPointsFor(*q3);
  ASSERT_FALSE(points.empty());
  for (const auto& point : points) EXPECT_EQ(point.quadrant, 3);

  InvolvementFacts medium;
  medium.contact_person = true;
  const OrganisationKind neighbours[] = {OrganisationKind::kCommunity};
  auto between = PlaceCollaboration(medium, neighbours, std::nullopt, "");
  ASSERT_TRUE(between.ok());
  std::set<int> quadrants;
  for (const auto& point : AttentionPointsFor(*between)) quadrants.insert(point.quadrant);
  EXPECT_EQ(quadrants, (std::set<int>{2, 4}));

  auto nobody = PlaceCollaboration(low, {}, std::nullopt, "");
  ASSERT_TRUE(nobody.ok());
  EXPECT_TRUE(AttentionPointsFor(*nobody).empty());
}

TEST(Guidance, EveryTextIsInTheCatalogs) {
  const auto catalog = web::Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok());
  std::vector<std::string> keys;
  for (std::string_view key : AllGuidanceMessageKeys()) keys.emplace_back(key);
  for (auto aspect : {Aspect::kStaffResources, Aspect::kBudget, Aspect::kInfluence, Aspect::kRegistration,
                      Aspect::kEvaluation, Aspect::kPartnershipAgreement, Aspect::kLocalAnchoring})
    keys.push_back("collaboration.aspect." + std::string(AspectName(aspect)));
  for (auto expectation : {Expectation::kMuch, Expectation::kSome, Expectation::kLittle})
    keys.push_back("collaboration.expectation." + std::string(ExpectationName(expectation)));
  for (std::string_view lang : web::kLanguages) {
    for (const auto& key : keys) EXPECT_TRUE(catalog->Has(lang, key)) << lang << ": " << key;
  }
}

}  // namespace
}  // namespace samskab::domain
