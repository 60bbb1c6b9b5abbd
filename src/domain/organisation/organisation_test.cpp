// The organisation profile's rules, one row per rule; its names; its public and full views.
#include "domain/organisation/organisation.h"

#include <functional>

#include <gtest/gtest.h>

#include "web/i18n.h"

namespace samskab::domain {
namespace {

const PostcodeDirectory& Postcodes() {
  static const PostcodeDirectory kPostcodes = *PostcodeDirectory::LoadEmbedded();
  return kPostcodes;
}

const IcnpoCatalog& Icnpo() {
  static const IcnpoCatalog kIcnpo = *IcnpoCatalog::LoadEmbedded();
  return kIcnpo;
}

Organisation Valid() {
  Organisation o;
  o.name = "Farum Spejderne";
  o.kind = OrganisationKind::kPopularEducationAssociation;
  return o;
}

struct RuleCase {
  const char* rule;
  std::function<void(Organisation&)> change;
  const char* field;  // "" when the profile stays valid
  const char* key;
};

std::vector<RuleCase> Cases() {
  return {
      {"name required", [](Organisation& o) { o.name = "   "; }, "name", "validation.required"},
      {"name at most 200 characters", [](Organisation& o) { o.name = std::string(201, 'x'); }, "name",
       "validation.too_long"},
      {"name of 200 Danish letters is fine",
       [](Organisation& o) {
         o.name.clear();
         for (int i = 0; i < 200; ++i) o.name += "æ";
       },
       "", ""},
      {"cvr format", [](Organisation& o) { o.cvr = "1234"; }, "cvr", "validation.cvr_format"},
      {"cvr checksum", [](Organisation& o) { o.cvr = "29188549"; }, "cvr", "validation.cvr_checksum"},
      {"cvr blank is no cvr", [](Organisation& o) { o.cvr = "  "; }, "", ""},
      {"postcode format", [](Organisation& o) { o.postcode = "352"; }, "postcode", "validation.postcode"},
      {"postcode unknown", [](Organisation& o) { o.postcode = "0000"; }, "postcode",
       "validation.postcode_unknown"},
      {"street at most 200", [](Organisation& o) { o.street = std::string(201, 's'); }, "street",
       "validation.too_long"},
      {"website other scheme", [](Organisation& o) { o.website = "javascript:alert(1)"; }, "website",
       "validation.website"},
      {"website without host", [](Organisation& o) { o.website = "https:///x"; }, "website",
       "validation.website"},
      {"website with space", [](Organisation& o) { o.website = "https://a b.dk"; }, "website",
       "validation.website"},
      {"icnpo unknown", [](Organisation& o) { o.icnpo = "9999"; }, "icnpo", "organisation.error.icnpo"},
      {"welfare area not built in",
       [](Organisation& o) {
         o.welfare_areas = {"elderly", "astrology"};
       },
       "welfare_areas", "vocabulary.error.unknown_term"},
      {"target group not built in", [](Organisation& o) { o.target_groups = {"cats"}; }, "target_groups",
       "vocabulary.error.unknown_term"},
      {"role can unknown",
       [](Organisation& o) {
         o.roles_can = {"advocate", "king"};
       },
       "roles_can", "organisation.error.role"},
      {"role cannot unknown", [](Organisation& o) { o.roles_cannot = {"fortaler"}; }, "roles_cannot",
       "organisation.error.role"},
      {"can and cannot overlap",
       [](Organisation& o) {
         o.roles_can = {"advocate", "provider"};
         o.roles_cannot = {"provider"};
       },
       "roles_cannot", "organisation.error.roles_overlap"},
      {"description at most 5000", [](Organisation& o) { o.description = std::string(5001, 'd'); },
       "description", "validation.too_long"},
      {"resources at most 5000", [](Organisation& o) { o.resources = std::string(5001, 'r'); }, "resources",
       "validation.too_long"},
      {"frames at most 5000", [](Organisation& o) { o.frames = std::string(5001, 'f'); }, "frames",
       "validation.too_long"},
      {"at most 20 contacts",
       [](Organisation& o) {
         o.contacts.assign(21, OrganisationContact{"Anna", "", "", "", false});
       },
       "contacts", "organisation.error.too_many_contacts"},
      {"contact name required",
       [](Organisation& o) {
         o.contacts = {{" ", "Formand", "", "", false}};
       },
       "contacts.0.name", "validation.required"},
      {"contact name at most 200",
       [](Organisation& o) {
         o.contacts = {{std::string(201, 'n'), "", "", "", false}};
       },
       "contacts.0.name", "validation.too_long"},
      {"contact title at most 200",
       [](Organisation& o) {
         o.contacts = {{"Anna", std::string(201, 't'), "", "", false}};
       },
       "contacts.0.title", "validation.too_long"},
      {"contact e-mail valid when given",
       [](Organisation& o) {
         o.contacts = {{"Anna", "", "anna@farum.dk", "", true}, {"Bo", "", "bo-at-farum", "", false}};
       },
       "contacts.1.email", "validation.email"},
      {"contact phone characters",
       [](Organisation& o) {
         o.contacts = {{"Anna", "", "", "22 33 x", false}};
       },
       "contacts.0.phone", "validation.phone"},
      {"contact phone at most 40",
       [](Organisation& o) {
         o.contacts = {{"Anna", "", "", std::string(41, '1'), false}};
       },
       "contacts.0.phone", "validation.phone"},
  };
}

TEST(OrganisationRules, OneRowPerRule) {
  for (const auto& c : Cases()) {
    Organisation o = Valid();
    c.change(o);
    const auto problems = NormaliseOrganisation(o, Postcodes(), Icnpo());
    if (std::string(c.field).empty()) {
      EXPECT_TRUE(problems.empty()) << c.rule << ": " << (problems.empty() ? "" : problems[0].message_key);
    } else {
      ASSERT_EQ(problems.size(), 1U) << c.rule;
      EXPECT_EQ(problems[0], (FieldProblem{c.field, c.key})) << c.rule;
    }
  }
}

TEST(OrganisationRules, EveryProblemIsNamedAtOnce) {
  Organisation o = Valid();
  o.name = "";
  o.cvr = "29188549";
  o.postcode = "0000";
  o.contacts = {{"", "", "nope", "", false}};
  const auto problems = NormaliseOrganisation(o, Postcodes(), Icnpo());
  const std::vector<FieldProblem> expected = {{"name", "validation.required"},
                                              {"cvr", "validation.cvr_checksum"},
                                              {"postcode", "validation.postcode_unknown"},
                                              {"contacts.0.name", "validation.required"},
                                              {"contacts.0.email", "validation.email"}};
  EXPECT_EQ(problems, expected);
}

TEST(OrganisationRules, ValidValuesAreMadeCanonical) {
  Organisation o = Valid();
  o.name = "  Farum Spejderne ";
  o.cvr = " DK 29 18 85 48 ";
  o.postcode = " 3520 ";
  o.town = "typed in";
  o.website = "www.farumspejderne.dk";
  o.icnpo = "4110";
  o.welfare_areas = {"elderly", "culture_and_leisure", "elderly"};
  o.target_groups = {"young_people", "children"};
  o.roles_can = {"supplier", "advocate", "advocate"};
  o.roles_cannot = {"critic"};
  o.contacts = {{" Anna Berg ", " Formand ", " anna@farumspejderne.dk ", " +45 22 33 44 55 ", true}};
  ASSERT_TRUE(NormaliseOrganisation(o, Postcodes(), Icnpo()).empty());
  EXPECT_EQ(o.name, "Farum Spejderne");
  EXPECT_EQ(o.cvr, "29188548");
  EXPECT_EQ(o.postcode, "3520");
  EXPECT_EQ(o.town, "Farum") << "the town comes from the postcode, never from the input";
  EXPECT_EQ(o.website, "https://www.farumspejderne.dk");
  EXPECT_EQ(o.welfare_areas, (std::vector<std::string>{"culture_and_leisure", "elderly"}));
  EXPECT_EQ(o.target_groups, (std::vector<std::string>{"children", "young_people"}));
  EXPECT_EQ(o.roles_can, (std::vector<std::string>{"advocate", "supplier"}));
  EXPECT_EQ(o.contacts[0],
            (OrganisationContact{"Anna Berg", "Formand", "anna@farumspejderne.dk", "+45 22 33 44 55", true}));
  o.postcode.reset();
  ASSERT_TRUE(NormaliseOrganisation(o, Postcodes(), Icnpo()).empty());
  EXPECT_EQ(o.town, "") << "no postcode, no town";
  o.website = "HTTP://Example.dk/om-os";
  ASSERT_TRUE(NormaliseOrganisation(o, Postcodes(), Icnpo()).empty());
  EXPECT_EQ(o.website, "HTTP://Example.dk/om-os");
}

TEST(OrganisationRoles, SeedFoursRolesHaveNamesAndLabelsInEveryLanguage) {
  const std::vector<std::string> names = {"advocate", "provider",  "partner", "critic",
                                          "watchdog", "developer", "supplier"};
  auto catalog = web::Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok());
  ASSERT_EQ(std::size(kAllOrganisationRoles), names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    const OrganisationRole role = kAllOrganisationRoles[i];
    EXPECT_EQ(OrganisationRoleName(role), names[i]);
    EXPECT_EQ(ParseOrganisationRole(names[i]), role);
    for (const auto lang : web::kLanguages)
      EXPECT_TRUE(catalog->Has(lang, OrganisationRoleLabelKey(role))) << lang << " " << names[i];
  }
  EXPECT_EQ(catalog->Get("da", "organisation.roles.watchdog"), "Spørge-Jørgen");
  EXPECT_FALSE(ParseOrganisationRole("Advocate"));
  for (const auto key : AllOrganisationMessageKeys()) {
    for (const auto lang : web::kLanguages) EXPECT_TRUE(catalog->Has(lang, key)) << lang << " " << key;
  }
}

TEST(OrganisationJson, ThePublicSeesThePublicContactsOnly) {
  Organisation o = Valid();
  o.id = 7;
  o.municipality_code = "0190";
  o.contacts = {{"Anna", "Formand", "anna@x.dk", "", true}, {"Bo", "Kasserer", "bo@x.dk", "", false}};
  nlohmann::json hidden = OrganisationToJson(o, false);
  EXPECT_TRUE(hidden["contacts"].empty()) << "a profile that is not public shows no contact";
  EXPECT_FALSE(hidden.contains("municipality_code"));
  EXPECT_FALSE(hidden.contains("is_public"));
  o.is_public = true;
  nlohmann::json shown = OrganisationToJson(o, false);
  ASSERT_EQ(shown["contacts"].size(), 1U);
  EXPECT_EQ(shown["contacts"][0]["name"], "Anna");
  EXPECT_FALSE(shown["contacts"][0].contains("is_public"));
  nlohmann::json full = OrganisationToJson(o, true);
  EXPECT_EQ(full["contacts"].size(), 2U);
  EXPECT_EQ(full["contacts"][1]["is_public"], false);
  EXPECT_EQ(full["municipality_code"], "0190");
  EXPECT_EQ(full["kind"], "popular_education_association");
  EXPECT_EQ(full["cvr"], nullptr);
}

}  // namespace
}  // namespace samskab::domain
