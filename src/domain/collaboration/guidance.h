// What to expect in each quadrant of the model (the Furesø memo, seed 003): staff resources,
// budget, influence on the course, ongoing registration, evaluation, partnership agreement and
// local anchoring. The advisor shows these as attention points before a collaboration starts;
// for medium involvement, the points of both adjacent quadrants. One table in guidance.cpp;
// what the memo does not say about a quadrant is left out, not guessed.
#pragma once

#include <string_view>
#include <vector>

#include "domain/collaboration/model.h"

namespace samskab::domain {

enum class Aspect {
  kStaffResources,
  kBudget,
  kInfluence,
  kRegistration,
  kEvaluation,
  kPartnershipAgreement,
  kLocalAnchoring,
};
std::string_view AspectName(Aspect aspect);  // "staff_resources", "budget", …

// How much of an aspect to expect, in the memo's words: "much" (høj grad), "some" (passende,
// nogle tilfælde), "little" (få, i mindre grad, ikke den samme grad).
enum class Expectation { kMuch, kSome, kLittle };
std::string_view ExpectationName(Expectation expectation);  // "much", "some", "little"

struct AttentionPoint {
  int quadrant = 0;
  Aspect aspect = Aspect::kStaffResources;
  Expectation expectation = Expectation::kSome;
  std::string_view key;  // "collaboration.guidance.q1.budget": the memo's statement, in the catalog
  bool operator==(const AttentionPoint&) const = default;
};

// The memo's points for one quadrant (1-4), in the order of the aspects; empty for others.
std::vector<AttentionPoint> GuidanceFor(int quadrant);

// The points for a placement: its quadrant's, or for medium both adjacent quadrants'; none
// without a volunteer type.
std::vector<AttentionPoint> AttentionPointsFor(const Placement& placement);

// Every catalog key the guidance table uses (for the catalog test).
std::vector<std::string_view> AllGuidanceMessageKeys();

}  // namespace samskab::domain
