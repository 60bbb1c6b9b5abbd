#include "domain/collaboration/model.h"

#include <gtest/gtest.h>

#include "web/i18n.h"

namespace samskab::domain {
namespace {

constexpr auto kPopular = OrganisationKind::kPopularEducationAssociation;
constexpr auto kHumanitarian = OrganisationKind::kHumanitarianAssociation;
constexpr auto kCommunity = OrganisationKind::kCommunity;
constexpr auto kIndividual = OrganisationKind::kIndividual;
constexpr auto kCompany = OrganisationKind::kCompany;
constexpr auto kSocialEnterprise = OrganisationKind::kSocialEnterprise;
constexpr auto kLow = InvolvementLevel::kLow;
constexpr auto kMedium = InvolvementLevel::kMedium;
constexpr auto kHigh = InvolvementLevel::kHigh;
constexpr std::string_view kReasonPrefix = "collaboration.reason.";

constexpr InvolvementFacts kStaff{.staff_take_part = true};
constexpr InvolvementFacts kRooms{.rooms_lent = true};
constexpr InvolvementFacts kContact{.contact_person = true};

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// A reason as the table below writes it: "fact.<name>", "kind.<name>", or the rule's key without
// the prefix ("no_facts"). The key itself is checked against this form separately.
std::string Short(const PlacementReason& reason) {
  switch (reason.subject) {
    case PlacementReason::Subject::kFact:
      return "fact." + std::string(reason.name);
    case PlacementReason::Subject::kKind:
      return "kind." + std::string(reason.name);
    case PlacementReason::Subject::kRule:
      return std::string(reason.key.substr(kReasonPrefix.size()));
  }
  return "?";
}

struct PlacementCase {
  const char* what;
  InvolvementFacts facts;
  std::vector<OrganisationKind> partners;
  std::optional<InvolvementLevel> override;
  std::string override_reason;
  // Expected. `level` is the effective level's name, or the error key when the override fails.
  std::string level;
  std::string derived;
  std::string kept_override_reason;  // empty: no override kept
  std::string volunteer_type;        // empty: none
  std::optional<int> quadrant;
  std::vector<int> adjacent;
  std::vector<std::string> reasons;
};

TEST(CollaborationModel, PlacementTable) {
  const std::string reason_2000 = Repeat("æ", 2000);  // characters, not bytes (4000 bytes)
  const std::string error = std::string(kOverrideReasonError);
  const std::string assoc = "associations";
  const std::string comm = "communities_and_individuals";
  // One row per case: what, facts, partners, override, override reason | effective level (or the
  // error key), derived level, kept override reason, volunteer type, quadrant, adjacent, reasons.
  // clang-format off
  const PlacementCase cases[] = {
      // Each fact alone, with one association as partner.
      {"no facts: low, said so", {}, {kHumanitarian}, {}, "",
       "low", "low", "", assoc, 3, {}, {"no_facts", "kind.humanitarian_association"}},
      {"rooms lent", kRooms, {kHumanitarian}, {}, "",
       "low", "low", "", assoc, 3, {}, {"fact.rooms_lent", "kind.humanitarian_association"}},
      {"citizens referred", {.citizens_referred = true}, {kHumanitarian}, {}, "",
       "low", "low", "", assoc, 3, {}, {"fact.citizens_referred", "kind.humanitarian_association"}},
      {"contact person", kContact, {kHumanitarian}, {}, "",
       "medium", "medium", "", assoc, {}, {1, 3}, {"fact.contact_person", "kind.humanitarian_association"}},
      {"coordination", {.coordination = true}, {kHumanitarian}, {}, "",
       "medium", "medium", "", assoc, {}, {1, 3}, {"fact.coordination", "kind.humanitarian_association"}},
      {"staff take part", kStaff, {kHumanitarian}, {}, "",
       "high", "high", "", assoc, 1, {}, {"fact.staff_take_part", "kind.humanitarian_association"}},
      {"partnership agreement", {.partnership_agreement = true}, {kHumanitarian}, {}, "",
       "high", "high", "", assoc, 1, {}, {"fact.partnership_agreement", "kind.humanitarian_association"}},
      {"dedicated budget", {.dedicated_budget = true}, {kHumanitarian}, {}, "",
       "high", "high", "", assoc, 1, {}, {"fact.dedicated_budget", "kind.humanitarian_association"}},
      // Several facts: the highest level present wins; only its facts are reasons.
      {"both low facts", {.rooms_lent = true, .citizens_referred = true}, {kHumanitarian}, {}, "",
       "low", "low", "", assoc, 3, {},
       {"fact.rooms_lent", "fact.citizens_referred", "kind.humanitarian_association"}},
      {"both medium facts", {.contact_person = true, .coordination = true}, {kHumanitarian}, {}, "",
       "medium", "medium", "", assoc, {}, {1, 3},
       {"fact.contact_person", "fact.coordination", "kind.humanitarian_association"}},
      {"low and medium: medium", {.rooms_lent = true, .coordination = true}, {kHumanitarian}, {}, "",
       "medium", "medium", "", assoc, {}, {1, 3}, {"fact.coordination", "kind.humanitarian_association"}},
      {"low and high: high", {.citizens_referred = true, .dedicated_budget = true}, {kHumanitarian}, {}, "",
       "high", "high", "", assoc, 1, {}, {"fact.dedicated_budget", "kind.humanitarian_association"}},
      {"medium and high: high", {.contact_person = true, .staff_take_part = true}, {kHumanitarian}, {}, "",
       "high", "high", "", assoc, 1, {}, {"fact.staff_take_part", "kind.humanitarian_association"}},
      {"all seven: high", {true, true, true, true, true, true, true}, {kHumanitarian}, {}, "",
       "high", "high", "", assoc, 1, {},
       {"fact.staff_take_part", "fact.partnership_agreement", "fact.dedicated_budget",
        "kind.humanitarian_association"}},
      // Every partner kind alone, at high involvement.
      {"popular education association", kStaff, {kPopular}, {}, "",
       "high", "high", "", assoc, 1, {}, {"fact.staff_take_part", "kind.popular_education_association"}},
      {"community", kStaff, {kCommunity}, {}, "",
       "high", "high", "", comm, 2, {}, {"fact.staff_take_part", "kind.community"}},
      {"individual", kStaff, {kIndividual}, {}, "",
       "high", "high", "", comm, 2, {}, {"fact.staff_take_part", "kind.individual"}},
      {"company: associations", kStaff, {kCompany}, {}, "",
       "high", "high", "", assoc, 1, {}, {"fact.staff_take_part", "kind.company"}},
      {"social enterprise: associations", kStaff, {kSocialEnterprise}, {}, "",
       "high", "high", "", assoc, 1, {}, {"fact.staff_take_part", "kind.social_enterprise"}},
      // Several partners.
      {"community and individual", kStaff, {kIndividual, kCommunity}, {}, "",
       "high", "high", "", comm, 2, {}, {"fact.staff_take_part", "kind.community", "kind.individual"}},
      {"both association kinds", kRooms, {kHumanitarian, kPopular}, {}, "",
       "low", "low", "", assoc, 3, {},
       {"fact.rooms_lent", "kind.popular_education_association", "kind.humanitarian_association"}},
      {"duplicate kinds count once", kStaff, {kCommunity, kCommunity}, {}, "",
       "high", "high", "", comm, 2, {}, {"fact.staff_take_part", "kind.community"}},
      {"mixed: association wins", kStaff, {kCommunity, kPopular, kIndividual}, {}, "",
       "high", "high", "", assoc, 1, {},
       {"fact.staff_take_part", "kind.popular_education_association", "mixed_partners"}},
      {"mixed: company wins over individual", kRooms, {kIndividual, kCompany}, {}, "",
       "low", "low", "", assoc, 3, {}, {"fact.rooms_lent", "kind.company", "mixed_partners"}},
      {"no partners: no type, no quadrant", kStaff, {}, {}, "",
       "high", "high", "", "", {}, {}, {"fact.staff_take_part", "no_partners"}},
      {"no partners and medium: no adjacent quadrants", kContact, {}, {}, "",
       "medium", "medium", "", "", {}, {}, {"fact.contact_person", "no_partners"}},
      {"nothing at all", {}, {}, {}, "",
       "low", "low", "", "", {}, {}, {"no_facts", "no_partners"}},
      // Low and medium for communities and individuals.
      {"community, low", kRooms, {kCommunity}, {}, "",
       "low", "low", "", comm, 4, {}, {"fact.rooms_lent", "kind.community"}},
      {"individual, medium", kContact, {kIndividual}, {}, "",
       "medium", "medium", "", comm, {}, {2, 4}, {"fact.contact_person", "kind.individual"}},
      // Overrides: the quadrant follows the override; the derivation is kept beside it.
      {"override high to low", kStaff, {kPopular}, kLow, "Kommunen trækker sig fra 2025",
       "low", "high", "Kommunen trækker sig fra 2025", assoc, 3, {},
       {"fact.staff_take_part", "kind.popular_education_association"}},
      {"override low to high, community", kRooms, {kCommunity}, kHigh, "Vi deltager i alle møder",
       "high", "low", "Vi deltager i alle møder", comm, 2, {}, {"fact.rooms_lent", "kind.community"}},
      {"override to medium", {}, {kCompany}, kMedium, "Fast kontaktperson fra næste år",
       "medium", "low", "Fast kontaktperson fra næste år", assoc, {}, {1, 3}, {"no_facts", "kind.company"}},
      {"override reason is trimmed", kStaff, {kCommunity}, kHigh, "  \tSom beregnet \n",
       "high", "high", "Som beregnet", comm, 2, {}, {"fact.staff_take_part", "kind.community"}},
      {"override reason of 2000 characters", kStaff, {kCommunity}, kLow, reason_2000,
       "low", "high", reason_2000, comm, 4, {}, {"fact.staff_take_part", "kind.community"}},
      {"no override: a sent reason is ignored", kStaff, {kCommunity}, {}, "tekst",
       "high", "high", "", comm, 2, {}, {"fact.staff_take_part", "kind.community"}},
      {"override without reason", kStaff, {kCommunity}, kLow, "",
       error, "", "", "", {}, {}, {}},
      {"override with a blank reason", kStaff, {kCommunity}, kLow, " \n\t ",
       error, "", "", "", {}, {}, {}},
      {"override reason of 2001 characters", kStaff, {kCommunity}, kLow, reason_2000 + "x",
       error, "", "", "", {}, {}, {}},
  };
  // clang-format on
  for (const PlacementCase& c : cases) {
    SCOPED_TRACE(c.what);
    const Result<Placement> result = PlaceCollaboration(c.facts, c.partners, c.override, c.override_reason);
    if (!result.ok()) {
      EXPECT_EQ(result.status().code(), ErrorCode::kInvalidArgument);
      EXPECT_EQ(result.status().user_message_key(), c.level);
      continue;
    }
    const Placement& p = *result;
    EXPECT_EQ(InvolvementLevelName(p.effective_level), c.level);
    EXPECT_EQ(InvolvementLevelName(p.level), c.derived);
    EXPECT_EQ(p.override ? p.override->reason : "", c.kept_override_reason);
    EXPECT_EQ(p.override.has_value(), c.override.has_value());
    EXPECT_EQ(p.volunteer_type ? std::string(VolunteerTypeName(*p.volunteer_type)) : "", c.volunteer_type);
    EXPECT_EQ(p.quadrant, c.quadrant);
    EXPECT_EQ(p.adjacent_quadrants, c.adjacent);
    std::vector<std::string> reasons;
    for (const PlacementReason& reason : p.reasons) {
      reasons.push_back(Short(reason));
      EXPECT_EQ(reason.key, std::string(kReasonPrefix) + reasons.back());
    }
    EXPECT_EQ(reasons, c.reasons);
  }
}

TEST(CollaborationModel, NamesRoundTrip) {
  for (auto kind : {kPopular, kHumanitarian, kCommunity, kIndividual, kCompany, kSocialEnterprise})
    EXPECT_EQ(ParseOrganisationKind(OrganisationKindName(kind)), kind);
  EXPECT_EQ(OrganisationKindName(kSocialEnterprise), "social_enterprise");
  EXPECT_EQ(OrganisationKindName(kPopular), "popular_education_association");
  for (auto level : {kLow, kMedium, kHigh})
    EXPECT_EQ(ParseInvolvementLevel(InvolvementLevelName(level)), level);
  EXPECT_EQ(InvolvementLevelName(kMedium), "medium");
  for (std::string_view bad : {"", "Community", "association", "ngo", "high "}) {
    EXPECT_EQ(ParseOrganisationKind(bad), std::nullopt) << bad;
    EXPECT_EQ(ParseInvolvementLevel(bad), std::nullopt) << bad;
  }
}

TEST(CollaborationModel, ApplyOverrideKeepsBoth) {
  const DerivedInvolvement derived = DeriveInvolvement(kContact);
  const Result<Involvement> involvement =
      ApplyOverride(derived, kHigh, "Partnerskabsaftale underskrives i maj");
  ASSERT_TRUE(involvement.ok());
  EXPECT_EQ(involvement->derived.level, kMedium);
  EXPECT_EQ(involvement->derived.reasons, derived.reasons);
  EXPECT_EQ(involvement->override, (InvolvementOverride{kHigh, "Partnerskabsaftale underskrives i maj"}));
  EXPECT_EQ(involvement->effective(), kHigh);
}

TEST(CollaborationModel, PlacementJson) {
  const Result<Placement> medium = PlaceCollaboration(kContact, std::vector{kIndividual}, {}, "");
  ASSERT_TRUE(medium.ok());
  EXPECT_EQ(PlacementToJson(*medium), nlohmann::json::parse(R"({
    "involvement_level": "medium", "involvement_level_derived": "medium", "involvement_override": null,
    "volunteer_type": "communities_and_individuals", "quadrant": null, "adjacent_quadrants": [2, 4],
    "reasons": [{"fact": "contact_person", "key": "collaboration.reason.fact.contact_person"},
                {"kind": "individual", "key": "collaboration.reason.kind.individual"}]})"));

  const Result<Placement> overridden = PlaceCollaboration({}, {}, kHigh, "Demenscafé med personale");
  ASSERT_TRUE(overridden.ok());
  EXPECT_EQ(PlacementToJson(*overridden), nlohmann::json::parse(R"({
    "involvement_level": "high", "involvement_level_derived": "low",
    "involvement_override": {"level": "high", "reason": "Demenscafé med personale"},
    "volunteer_type": null, "quadrant": null, "adjacent_quadrants": [],
    "reasons": [{"key": "collaboration.reason.no_facts"}, {"key": "collaboration.reason.no_partners"}]})"));

  const Result<Placement> quadrant_one = PlaceCollaboration(kStaff, std::vector{kCompany}, {}, "");
  ASSERT_TRUE(quadrant_one.ok());
  EXPECT_EQ(PlacementToJson(*quadrant_one)["quadrant"], 1);
}

// Every key the rules can produce, and the labels a page shows for the names, exist in all three
// catalogs.
TEST(CollaborationModel, EveryKeyIsInTheCatalogs) {
  const Result<web::Catalog> catalog = web::Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok()) << catalog.status().log_message();
  std::vector<std::string> keys;
  for (std::string_view key : AllPlacementMessageKeys()) keys.emplace_back(key);
  for (auto level : {kLow, kMedium, kHigh})
    keys.push_back("collaboration.level." + std::string(InvolvementLevelName(level)));
  for (auto kind : {kPopular, kHumanitarian, kCommunity, kIndividual, kCompany, kSocialEnterprise})
    keys.push_back("collaboration.kind." + std::string(OrganisationKindName(kind)));
  for (auto type : {VolunteerType::kAssociations, VolunteerType::kCommunitiesAndIndividuals})
    keys.push_back("collaboration.volunteer_type." + std::string(VolunteerTypeName(type)));
  EXPECT_EQ(AllPlacementMessageKeys().size(), 17u);  // 7 facts, 6 kinds, 3 rules, 1 error
  for (std::string_view lang : web::kLanguages)
    for (const std::string& key : keys) EXPECT_TRUE(catalog->Has(lang, key)) << lang << ": " << key;
}

}  // namespace
}  // namespace samskab::domain
