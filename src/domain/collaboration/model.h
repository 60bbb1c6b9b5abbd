// The collaboration model of the Furesø memo (seed 003): every collaboration between the
// municipality and volunteers is placed by two axes, the degree of municipal involvement (low,
// medium, high) and the type of volunteers (associations vs. communities and individuals). The
// high and low levels give the memo's four quadrants; medium lies between two of them.
//
// Pure rules, no storage and no HTTP. The rules are tables in model.cpp; every derived value
// carries the reasons (the facts or partner kinds that decided it, with a catalog key) so a page
// can show *why*. The decisions the memo leaves open are in docs/decisions/0006-model-placement.md:
//  - no facts recorded      -> level low, reason "collaboration.reason.no_facts";
//  - facts of several levels -> the highest level whose facts are present wins; only that level's
//                               facts are the reasons;
//  - companies and social enterprises -> the associations axis (organised partners);
//  - mixed partners         -> associations win, with the reason "collaboration.reason.mixed_partners";
//  - no partners            -> no volunteer type, no quadrant ("collaboration.reason.no_partners").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace samskab::domain {

// What the municipality does in a collaboration, as recorded by its employees. The level is
// derived from these, never typed in directly (only overridden, with a reason).
struct InvolvementFacts {
  bool rooms_lent = false;             // lends rooms the volunteers use (low)
  bool citizens_referred = false;      // refers citizens to the activity (low)
  bool contact_person = false;         // one or more dedicated contact persons (medium)
  bool coordination = false;           // books rooms, coordinates, supports communication (medium)
  bool staff_take_part = false;        // municipal staff take part in carrying it out (high)
  bool partnership_agreement = false;  // a partnership agreement binds both sides (high)
  bool dedicated_budget = false;       // a budget set aside for this collaboration (high)
};

enum class InvolvementLevel { kLow, kMedium, kHigh };
std::string_view InvolvementLevelName(InvolvementLevel level);  // "low", "medium", "high"
std::optional<InvolvementLevel> ParseInvolvementLevel(std::string_view name);

enum class OrganisationKind {
  kPopularEducationAssociation,  // folkeoplysende forening (culture, sport, scouts)
  kHumanitarianAssociation,      // humanitær forening
  kCommunity,                    // fællesskab
  kIndividual,                   // enkeltperson
  kCompany,                      // virksomhed
  kSocialEnterprise,             // socialøkonomisk virksomhed
};
std::string_view OrganisationKindName(OrganisationKind kind);  // "popular_education_association", …
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view name);

enum class VolunteerType { kAssociations, kCommunitiesAndIndividuals };
std::string_view VolunteerTypeName(VolunteerType type);  // "associations", "communities_and_individuals"

// One reason behind a derived value: the fact or partner kind that decided it, or a rule about
// something absent or mixed (subject kRule, empty name). `key` is a message catalog key.
struct PlacementReason {
  enum class Subject { kFact, kKind, kRule };
  Subject subject = Subject::kRule;
  std::string_view name;  // "staff_take_part", "community", or empty for kRule
  std::string_view key;   // "collaboration.reason.fact.staff_take_part"
  bool operator==(const PlacementReason&) const = default;
};

struct DerivedInvolvement {
  InvolvementLevel level = InvolvementLevel::kLow;
  std::vector<PlacementReason> reasons;  // the facts of the winning level, or the no-facts rule
};

// The highest level whose facts are present; low with the no-facts reason when none is set.
DerivedInvolvement DeriveInvolvement(const InvolvementFacts& facts);

struct DerivedVolunteerType {
  std::optional<VolunteerType> type;     // empty when there are no partners
  std::vector<PlacementReason> reasons;  // each distinct deciding kind, then mixed/no-partner rules
};

// From the kinds of all partners of one collaboration (duplicates and order do not matter).
DerivedVolunteerType DeriveVolunteerType(std::span<const OrganisationKind> partner_kinds);

inline constexpr size_t kMaxOverrideReasonLength = 2000;  // characters (code points)
inline constexpr std::string_view kOverrideReasonError = "collaboration.error.override_reason";

struct InvolvementOverride {
  InvolvementLevel level = InvolvementLevel::kLow;
  std::string reason;  // trimmed, 1-2000 characters
  bool operator==(const InvolvementOverride&) const = default;
};

// The derived level with its reasons and, when an employee overrode it, the override; both are
// kept so a page can show what the facts say and what was decided instead.
struct Involvement {
  DerivedInvolvement derived;
  std::optional<InvolvementOverride> override;
  InvolvementLevel effective() const { return override ? override->level : derived.level; }
};

// An override needs a written reason (trimmed, at most 2000 characters), else kInvalidArgument
// with kOverrideReasonError. Without an override the reason is ignored: a form may send the
// text field even when "use the derived level" is chosen.
Result<Involvement> ApplyOverride(DerivedInvolvement derived, std::optional<InvolvementLevel> override,
                                  const std::string& reason);

struct Placement {
  InvolvementLevel level = InvolvementLevel::kLow;            // derived from the facts
  InvolvementLevel effective_level = InvolvementLevel::kLow;  // after the override, if any
  std::optional<InvolvementOverride> override;
  std::optional<VolunteerType> volunteer_type;
  std::optional<int> quadrant;           // 1-4 for high/low with a volunteer type; empty for medium
  std::vector<int> adjacent_quadrants;   // the two a medium placement lies between, else empty
  std::vector<PlacementReason> reasons;  // involvement reasons, then volunteer-type reasons
};

// The quadrant follows the effective level, so an override moves the collaboration in the matrix.
Placement Place(const Involvement& involvement, const DerivedVolunteerType& volunteer_type);

// Facts, partner kinds and an optional override in one step (the API and the advisor).
Result<Placement> PlaceCollaboration(const InvolvementFacts& facts,
                                     std::span<const OrganisationKind> partner_kinds,
                                     std::optional<InvolvementLevel> override,
                                     const std::string& override_reason);

// {involvement_level, involvement_level_derived, involvement_override, volunteer_type, quadrant,
//  adjacent_quadrants, reasons: [{fact|kind, key}]}.
nlohmann::json PlacementToJson(const Placement& placement);

// Every catalog key the rules can produce (reasons and errors), so a test can hold the catalogs
// to them.
std::vector<std::string_view> AllPlacementMessageKeys();

}  // namespace samskab::domain
