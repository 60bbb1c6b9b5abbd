#include "domain/market/opportunity.h"

#include <gtest/gtest.h>

#include "web/i18n.h"

namespace samskab::domain {
namespace {

const PostcodeDirectory& Postcodes() {
  static const PostcodeDirectory directory = *PostcodeDirectory::LoadEmbedded();
  return directory;
}

Opportunity Valid() {
  Opportunity o;
  o.municipality_code = "0190";
  o.unit_id = 4;
  o.title = "  Besøgsven på Plejecenter Solgården ";
  o.description = "Kom og drik kaffe med beboerne.";
  o.skills = {"visiting_friend"};
  o.welfare_areas = {"elderly"};
  o.availability = *WeeklyAvailability::FromCellKeys({"tue_afternoon"});
  o.postcode = "3520";
  o.capacity = 4;
  o.starts_on = "2027-01-01";
  o.ends_on = "2027-06-30";
  o.status = OpportunityStatus::kOpen;
  return o;
}

std::vector<std::string> Fields(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> fields;
  for (const auto& problem : problems) fields.push_back(problem.field);
  return fields;
}

TEST(Opportunity, AValidOpportunityIsNormalised) {
  Opportunity o = Valid();
  EXPECT_TRUE(NormaliseOpportunity(o, Postcodes()).empty());
  EXPECT_EQ(o.title, "Besøgsven på Plejecenter Solgården");
  EXPECT_EQ(o.town, "Farum");
  o.starts_on = "";
  o.ends_on = " ";
  o.postcode = "";
  EXPECT_TRUE(NormaliseOpportunity(o, Postcodes()).empty());
  EXPECT_FALSE(o.starts_on);
  EXPECT_FALSE(o.postcode);
}

TEST(Opportunity, EveryBadFieldIsNamedWithItsMessage) {
  Opportunity o = Valid();
  o.title = "";
  o.description = std::string(5001, 'x');
  o.time_note = std::string(501, 'x');
  o.skills = {"juggling"};
  o.welfare_areas = {"nowhere"};
  o.target_groups = {"nobody"};
  o.postcode = "0001";
  o.capacity = 0;
  o.starts_on = "2027-06-30";
  o.ends_on = "2027-01-01";
  o.organisation_id = 2;  // and a unit: one poster only
  const auto problems = NormaliseOpportunity(o, Postcodes());
  EXPECT_EQ(Fields(problems),
            (std::vector<std::string>{"title", "description", "time_note", "skills", "welfare_areas",
                                      "target_groups", "postcode", "capacity", "ends_on", "unit_id"}));
  EXPECT_EQ(problems[0].message_key, "validation.required");
  EXPECT_EQ(problems[6].message_key, "validation.postcode_unknown");
  EXPECT_EQ(problems[7].message_key, "opportunity.error.capacity");
  EXPECT_EQ(problems[8].message_key, "opportunity.error.ends_before_start");
  EXPECT_EQ(problems[9].message_key, "opportunity.error.poster");
}

TEST(Opportunity, TheTitleHasALimitAndCapacityAnUpperBound) {
  Opportunity o = Valid();
  o.title = std::string(201, 'a');
  o.capacity = 10001;
  EXPECT_EQ(Fields(NormaliseOpportunity(o, Postcodes())), (std::vector<std::string>{"title", "capacity"}));
  o.title = std::string(200, 'a');
  o.capacity = 10000;
  EXPECT_TRUE(NormaliseOpportunity(o, Postcodes()).empty());
  o.starts_on = "2027-02-30";
  EXPECT_EQ(Fields(NormaliseOpportunity(o, Postcodes())), (std::vector<std::string>{"starts_on"}));
}

TEST(Opportunity, LanguageFollowsTheCountryAndStatusNamesRoundTrip) {
  EXPECT_EQ(OpportunityLanguage("dk"), "da");
  EXPECT_EQ(OpportunityLanguage("no"), "nb");
  for (const auto status : kAllOpportunityStatuses)
    EXPECT_EQ(ParseOpportunityStatus(OpportunityStatusName(status)), status);
  EXPECT_FALSE(ParseOpportunityStatus("published"));
}

TEST(OpportunityJson, NamesThePoster) {
  Opportunity o = Valid();
  o.id = 5;
  o.unit_name = "Plejecenter Solgården";
  auto json = OpportunityToJson(o);
  EXPECT_EQ(json["posted_by"]["kind"], "unit");
  EXPECT_EQ(json["posted_by"]["name"], "Plejecenter Solgården");
  EXPECT_EQ(json["organisation_kind"], nullptr);
  EXPECT_EQ(json["availability"], nlohmann::json::parse(R"({"tue": ["afternoon"]})"));
  EXPECT_EQ(json["status"], "open");
  o.unit_id.reset();
  o.organisation_id = 2;
  o.organisation_name = "Røde Kors Furesø";
  o.organisation_kind = "humanitarian_association";
  json = OpportunityToJson(o);
  EXPECT_EQ(json["posted_by"]["kind"], "organisation");
  EXPECT_EQ(json["organisation_kind"], "humanitarian_association");
}

TEST(Opportunity, EveryMessageIsInEveryCatalog) {
  auto catalog = web::Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok());
  for (const auto key : AllOpportunityMessageKeys()) {
    for (const auto lang : web::kLanguages) EXPECT_TRUE(catalog->Has(lang, key)) << lang << " " << key;
  }
}

}  // namespace
}  // namespace samskab::domain
