#include "domain/collaboration/model.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount

namespace samskab::domain {
namespace {

using Subject = PlacementReason::Subject;

// ---------------------------------------------------------------------------------------------
// The rules. Everything the model decides is read from these tables; the functions below only
// walk them. Changing a decision of docs/decisions/0006-model-placement.md means changing a row.
// ---------------------------------------------------------------------------------------------

// Each fact signals one level of municipal involvement, in the memo's words (seed 003):
// low = rooms lent or citizens referred; medium = dedicated contact person(s) with a coordinating
// role; high = staff take part in carrying out the activities, often a partnership agreement,
// sometimes a dedicated budget.
struct FactRule {
  std::string_view name;
  bool InvolvementFacts::*fact;
  InvolvementLevel level;
  std::string_view key;
};
constexpr FactRule kFactRules[] = {
    {"rooms_lent", &InvolvementFacts::rooms_lent, InvolvementLevel::kLow,
     "collaboration.reason.fact.rooms_lent"},
    {"citizens_referred", &InvolvementFacts::citizens_referred, InvolvementLevel::kLow,
     "collaboration.reason.fact.citizens_referred"},
    {"contact_person", &InvolvementFacts::contact_person, InvolvementLevel::kMedium,
     "collaboration.reason.fact.contact_person"},
    {"coordination", &InvolvementFacts::coordination, InvolvementLevel::kMedium,
     "collaboration.reason.fact.coordination"},
    {"staff_take_part", &InvolvementFacts::staff_take_part, InvolvementLevel::kHigh,
     "collaboration.reason.fact.staff_take_part"},
    {"partnership_agreement", &InvolvementFacts::partnership_agreement, InvolvementLevel::kHigh,
     "collaboration.reason.fact.partnership_agreement"},
    {"dedicated_budget", &InvolvementFacts::dedicated_budget, InvolvementLevel::kHigh,
     "collaboration.reason.fact.dedicated_budget"},
};
// When facts of several levels are set, the first level here with a fact present wins: the
// memo's levels are cumulative (a high collaboration usually also has a contact person).
constexpr InvolvementLevel kLevelPrecedence[] = {InvolvementLevel::kHigh, InvolvementLevel::kMedium,
                                                 InvolvementLevel::kLow};
// No fact set: the lowest level, marked as such (see 0006).
constexpr InvolvementLevel kLevelWithoutFacts = InvolvementLevel::kLow;
constexpr std::string_view kNoFactsKey = "collaboration.reason.no_facts";

// Each partner kind belongs to one side of the volunteer-type axis. The memo's four groups are
// the first four rows; companies and social enterprises are organised partners (see 0006).
struct KindRule {
  OrganisationKind kind;
  std::string_view name;
  VolunteerType type;
  std::string_view key;
};
constexpr KindRule kKindRules[] = {
    {OrganisationKind::kPopularEducationAssociation, "popular_education_association",
     VolunteerType::kAssociations, "collaboration.reason.kind.popular_education_association"},
    {OrganisationKind::kHumanitarianAssociation, "humanitarian_association", VolunteerType::kAssociations,
     "collaboration.reason.kind.humanitarian_association"},
    {OrganisationKind::kCommunity, "community", VolunteerType::kCommunitiesAndIndividuals,
     "collaboration.reason.kind.community"},
    {OrganisationKind::kIndividual, "individual", VolunteerType::kCommunitiesAndIndividuals,
     "collaboration.reason.kind.individual"},
    {OrganisationKind::kCompany, "company", VolunteerType::kAssociations,
     "collaboration.reason.kind.company"},
    {OrganisationKind::kSocialEnterprise, "social_enterprise", VolunteerType::kAssociations,
     "collaboration.reason.kind.social_enterprise"},
};
// Mixed partners: an organised partner carries the structure the association quadrants describe,
// so associations win over communities and individuals (see 0006).
constexpr VolunteerType kTypePrecedence[] = {VolunteerType::kAssociations,
                                             VolunteerType::kCommunitiesAndIndividuals};
constexpr std::string_view kMixedPartnersKey = "collaboration.reason.mixed_partners";
constexpr std::string_view kNoPartnersKey = "collaboration.reason.no_partners";

// The memo's numbering; medium has no quadrant of its own and lies between the high and the low
// quadrant of its column. 0 means "none".
struct QuadrantRule {
  VolunteerType type;
  InvolvementLevel level;
  int quadrant;
  std::array<int, 2> adjacent;
};
constexpr QuadrantRule kQuadrantRules[] = {
    {VolunteerType::kAssociations, InvolvementLevel::kHigh, 1, {0, 0}},
    {VolunteerType::kCommunitiesAndIndividuals, InvolvementLevel::kHigh, 2, {0, 0}},
    {VolunteerType::kAssociations, InvolvementLevel::kLow, 3, {0, 0}},
    {VolunteerType::kCommunitiesAndIndividuals, InvolvementLevel::kLow, 4, {0, 0}},
    {VolunteerType::kAssociations, InvolvementLevel::kMedium, 0, {1, 3}},
    {VolunteerType::kCommunitiesAndIndividuals, InvolvementLevel::kMedium, 0, {2, 4}},
};

struct LevelName {
  InvolvementLevel level;
  std::string_view name;
};
constexpr LevelName kLevelNames[] = {{InvolvementLevel::kLow, "low"},
                                     {InvolvementLevel::kMedium, "medium"},
                                     {InvolvementLevel::kHigh, "high"}};

struct TypeName {
  VolunteerType type;
  std::string_view name;
};
constexpr TypeName kTypeNames[] = {
    {VolunteerType::kAssociations, "associations"},
    {VolunteerType::kCommunitiesAndIndividuals, "communities_and_individuals"}};

// ---------------------------------------------------------------------------------------------
// Walking the tables.
// ---------------------------------------------------------------------------------------------

template <class Rows, class Enum>
std::string_view NameIn(const Rows& rows, Enum value, auto field) {
  for (const auto& row : rows)
    if (row.*field == value) return row.name;
  return {};
}

template <class Enum, class Rows>
std::optional<Enum> ParseIn(const Rows& rows, std::string_view name, auto field) {
  for (const auto& row : rows)
    if (row.name == name) return row.*field;
  return std::nullopt;
}

// The first outcome in `precedence` that some present rule leads to. Levels and volunteer types
// are decided the same way: by the strongest rule present.
template <class Outcome, size_t N, class Rules>
std::optional<Outcome> Strongest(const Outcome (&precedence)[N], const Rules& rules, auto outcome,
                                 auto is_present) {
  for (Outcome candidate : precedence)
    for (const auto& rule : rules)
      if (rule.*outcome == candidate && is_present(rule)) return candidate;
  return std::nullopt;
}

bool HasKind(std::span<const OrganisationKind> kinds, OrganisationKind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

std::string_view InvolvementLevelName(InvolvementLevel level) {
  return NameIn(kLevelNames, level, &LevelName::level);
}
std::optional<InvolvementLevel> ParseInvolvementLevel(std::string_view name) {
  return ParseIn<InvolvementLevel>(kLevelNames, name, &LevelName::level);
}
std::string_view OrganisationKindName(OrganisationKind kind) {
  return NameIn(kKindRules, kind, &KindRule::kind);
}
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view name) {
  return ParseIn<OrganisationKind>(kKindRules, name, &KindRule::kind);
}
std::string_view VolunteerTypeName(VolunteerType type) { return NameIn(kTypeNames, type, &TypeName::type); }

DerivedInvolvement DeriveInvolvement(const InvolvementFacts& facts) {
  const auto is_set = [&facts](const FactRule& rule) { return facts.*rule.fact; };
  const std::optional<InvolvementLevel> level =
      Strongest(kLevelPrecedence, kFactRules, &FactRule::level, is_set);
  if (!level) return {kLevelWithoutFacts, {{Subject::kRule, {}, kNoFactsKey}}};
  DerivedInvolvement derived{*level, {}};
  for (const FactRule& rule : kFactRules)
    if (rule.level == *level && is_set(rule))
      derived.reasons.push_back({Subject::kFact, rule.name, rule.key});
  return derived;
}

DerivedVolunteerType DeriveVolunteerType(std::span<const OrganisationKind> partner_kinds) {
  const auto is_partner = [partner_kinds](const KindRule& rule) { return HasKind(partner_kinds, rule.kind); };
  const std::optional<VolunteerType> type =
      Strongest(kTypePrecedence, kKindRules, &KindRule::type, is_partner);
  if (!type) return {std::nullopt, {{Subject::kRule, {}, kNoPartnersKey}}};
  DerivedVolunteerType derived{type, {}};
  bool outvoted = false;  // a partner of the other side is present too
  for (const KindRule& rule : kKindRules) {
    if (!is_partner(rule)) continue;
    if (rule.type == *type) {
      derived.reasons.push_back({Subject::kKind, rule.name, rule.key});
    } else {
      outvoted = true;
    }
  }
  if (outvoted) derived.reasons.push_back({Subject::kRule, {}, kMixedPartnersKey});
  return derived;
}

Result<Involvement> ApplyOverride(DerivedInvolvement derived, std::optional<InvolvementLevel> override,
                                  const std::string& reason) {
  if (!override) return Involvement{std::move(derived), std::nullopt};
  const std::string_view trimmed = text::Trim(reason);
  if (trimmed.empty())
    return InvalidArgument("involvement override without a reason", std::string(kOverrideReasonError));
  if (CharacterCount(trimmed) > kMaxOverrideReasonLength)
    return InvalidArgument("involvement override reason over 2000 characters",
                           std::string(kOverrideReasonError));
  return Involvement{std::move(derived), InvolvementOverride{*override, std::string(trimmed)}};
}

Placement Place(const Involvement& involvement, const DerivedVolunteerType& volunteer_type) {
  Placement placement;
  placement.level = involvement.derived.level;
  placement.effective_level = involvement.effective();
  placement.override = involvement.override;
  placement.volunteer_type = volunteer_type.type;
  placement.reasons = involvement.derived.reasons;
  placement.reasons.insert(placement.reasons.end(), volunteer_type.reasons.begin(),
                           volunteer_type.reasons.end());
  if (!volunteer_type.type) return placement;  // no partners: not in the matrix yet
  for (const QuadrantRule& rule : kQuadrantRules) {
    if (rule.type != *volunteer_type.type || rule.level != placement.effective_level) continue;
    if (rule.quadrant != 0) placement.quadrant = rule.quadrant;
    for (int adjacent : rule.adjacent)
      if (adjacent != 0) placement.adjacent_quadrants.push_back(adjacent);
  }
  return placement;
}

Result<Placement> PlaceCollaboration(const InvolvementFacts& facts,
                                     std::span<const OrganisationKind> partner_kinds,
                                     std::optional<InvolvementLevel> override,
                                     const std::string& override_reason) {
  Result<Involvement> involvement = ApplyOverride(DeriveInvolvement(facts), override, override_reason);
  if (!involvement.ok()) return involvement.status();
  return Place(*involvement, DeriveVolunteerType(partner_kinds));
}

nlohmann::json PlacementToJson(const Placement& placement) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const PlacementReason& reason : placement.reasons) {
    nlohmann::json item = {{"key", reason.key}};
    if (reason.subject == Subject::kFact) item["fact"] = reason.name;
    if (reason.subject == Subject::kKind) item["kind"] = reason.name;
    reasons.push_back(std::move(item));
  }
  const auto optional_json = [](const auto& value, auto convert) {
    return value ? nlohmann::json(convert(*value)) : nlohmann::json(nullptr);
  };
  return {
      {"involvement_level", InvolvementLevelName(placement.effective_level)},
      {"involvement_level_derived", InvolvementLevelName(placement.level)},
      {"involvement_override",
       optional_json(placement.override,
                     [](const InvolvementOverride& o) {
                       return nlohmann::json{{"level", InvolvementLevelName(o.level)}, {"reason", o.reason}};
                     })},
      {"volunteer_type", optional_json(placement.volunteer_type, VolunteerTypeName)},
      {"quadrant", optional_json(placement.quadrant, [](int q) { return q; })},
      {"adjacent_quadrants", placement.adjacent_quadrants},
      {"reasons", std::move(reasons)},
  };
}

std::vector<std::string_view> AllPlacementMessageKeys() {
  std::vector<std::string_view> keys;
  for (const FactRule& rule : kFactRules) keys.push_back(rule.key);
  for (const KindRule& rule : kKindRules) keys.push_back(rule.key);
  keys.insert(keys.end(), {kNoFactsKey, kMixedPartnersKey, kNoPartnersKey, kOverrideReasonError});
  return keys;
}

}  // namespace samskab::domain
