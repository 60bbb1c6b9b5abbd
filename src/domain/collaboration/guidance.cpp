#include "domain/collaboration/guidance.h"

namespace samskab::domain {
namespace {

struct Row {
  int quadrant;
  Aspect aspect;
  Expectation expectation;
  std::string_view key;
};

// The memo's descriptions of the four quadrants, aspect by aspect. Quadrant 1: associations with
// high involvement; 2: communities and individuals, high; 3: associations, low; 4: communities and
// individuals, low.
constexpr Row kGuidance[] = {
    // 1: "kræver ofte ... de passende personaleressourcer samt en økonomisk ramme fx til aflønning
    // af instruktører ... muligt at få indflydelse ... løbende registrering og evaluering. I nogle
    // tilfælde ... partnerskabsaftale".
    {1, Aspect::kStaffResources, Expectation::kSome, "collaboration.guidance.q1.staff_resources"},
    {1, Aspect::kBudget, Expectation::kMuch, "collaboration.guidance.q1.budget"},
    {1, Aspect::kInfluence, Expectation::kMuch, "collaboration.guidance.q1.influence"},
    {1, Aspect::kRegistration, Expectation::kMuch, "collaboration.guidance.q1.registration"},
    {1, Aspect::kEvaluation, Expectation::kMuch, "collaboration.guidance.q1.evaluation"},
    {1, Aspect::kPartnershipAgreement, Expectation::kSome, "collaboration.guidance.q1.partnership_agreement"},
    // 2: "en høj grad af kommunale personaleressourcer ... i mindre grad en særskilt økonomisk
    // ramme ... muligt at have indflydelse ... løbende registrering og evaluering ... ofte ...
    // lokale samarbejdsforløb".
    {2, Aspect::kStaffResources, Expectation::kMuch, "collaboration.guidance.q2.staff_resources"},
    {2, Aspect::kBudget, Expectation::kLittle, "collaboration.guidance.q2.budget"},
    {2, Aspect::kInfluence, Expectation::kMuch, "collaboration.guidance.q2.influence"},
    {2, Aspect::kRegistration, Expectation::kMuch, "collaboration.guidance.q2.registration"},
    {2, Aspect::kEvaluation, Expectation::kMuch, "collaboration.guidance.q2.evaluation"},
    {2, Aspect::kLocalAnchoring, Expectation::kMuch, "collaboration.guidance.q2.local_anchoring"},
    // 3: "større organisationer ... få kommunale personaleressourcer ... ikke ... den samme
    // indflydelse på indsatsen, løbende registrering eller evaluering".
    {3, Aspect::kStaffResources, Expectation::kLittle, "collaboration.guidance.q3.staff_resources"},
    {3, Aspect::kInfluence, Expectation::kLittle, "collaboration.guidance.q3.influence"},
    {3, Aspect::kRegistration, Expectation::kLittle, "collaboration.guidance.q3.registration"},
    {3, Aspect::kEvaluation, Expectation::kLittle, "collaboration.guidance.q3.evaluation"},
    // 4: "kræver en økonomisk ramme fx puljemidler ... primært indsatser som der henvises til ...
    // få kommunale personaleressourcer ... ikke ... den samme grad af registrering, evaluering
    // eller indflydelse ... ofte ... lokale samarbejdsforløb".
    {4, Aspect::kStaffResources, Expectation::kLittle, "collaboration.guidance.q4.staff_resources"},
    {4, Aspect::kBudget, Expectation::kMuch, "collaboration.guidance.q4.budget"},
    {4, Aspect::kInfluence, Expectation::kLittle, "collaboration.guidance.q4.influence"},
    {4, Aspect::kRegistration, Expectation::kLittle, "collaboration.guidance.q4.registration"},
    {4, Aspect::kEvaluation, Expectation::kLittle, "collaboration.guidance.q4.evaluation"},
    {4, Aspect::kLocalAnchoring, Expectation::kMuch, "collaboration.guidance.q4.local_anchoring"},
};

}  // namespace

std::string_view AspectName(Aspect aspect) {
  switch (aspect) {
    case Aspect::kStaffResources:
      return "staff_resources";
    case Aspect::kBudget:
      return "budget";
    case Aspect::kInfluence:
      return "influence";
    case Aspect::kRegistration:
      return "registration";
    case Aspect::kEvaluation:
      return "evaluation";
    case Aspect::kPartnershipAgreement:
      return "partnership_agreement";
    case Aspect::kLocalAnchoring:
      return "local_anchoring";
  }
  return "";
}

std::string_view ExpectationName(Expectation expectation) {
  switch (expectation) {
    case Expectation::kMuch:
      return "much";
    case Expectation::kSome:
      return "some";
    case Expectation::kLittle:
      return "little";
  }
  return "";
}

std::vector<AttentionPoint> GuidanceFor(int quadrant) {
  std::vector<AttentionPoint> points;
  for (const Row& row : kGuidance) {
    if (row.quadrant == quadrant) points.push_back({row.quadrant, row.aspect, row.expectation, row.key});
  }
  return points;
}

std::vector<AttentionPoint> AttentionPointsFor(const Placement& placement) {
  if (placement.quadrant) return GuidanceFor(*placement.quadrant);
  std::vector<AttentionPoint> points;
  for (const int quadrant : placement.adjacent_quadrants) {
    auto more = GuidanceFor(quadrant);
    points.insert(points.end(), more.begin(), more.end());
  }
  return points;
}

std::vector<std::string_view> AllGuidanceMessageKeys() {
  std::vector<std::string_view> keys;
  for (const Row& row : kGuidance) keys.push_back(row.key);
  return keys;
}

}  // namespace samskab::domain
