#include "domain/market/volunteer.h"

#include <gtest/gtest.h>

#include "web/i18n.h"

namespace samskab::domain {
namespace {

const PostcodeDirectory& Postcodes() {
  static const PostcodeDirectory directory = *PostcodeDirectory::LoadEmbedded();
  return directory;
}

VolunteerProfile Valid() {
  VolunteerProfile p;
  p.user_id = 3;
  p.about = "  Pensioneret lærer, kan lide at gå ture.  ";
  p.skills = {"walking_company", "homework_help", "walking_company"};
  p.skill_tags = {"  Tysk Konversation ", ""};
  p.languages = {"de", "da"};
  p.availability = *WeeklyAvailability::FromCellKeys({"mon_morning", "thu_evening"});
  p.postcode = " 3520 ";
  p.travel_km = 15;
  p.welfare_areas = {"elderly"};
  p.target_groups = {};
  p.visibility = VolunteerVisibility::kMunicipalities;
  return p;
}

std::vector<std::string> Fields(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> fields;
  for (const auto& problem : problems) fields.push_back(problem.field);
  return fields;
}

TEST(VolunteerProfile, AValidProfileIsNormalised) {
  VolunteerProfile p = Valid();
  EXPECT_TRUE(NormaliseVolunteerProfile(p, Postcodes(), "2026-12-07").empty());
  EXPECT_EQ(p.about, "Pensioneret lærer, kan lide at gå ture.");
  EXPECT_EQ(p.skills, (std::vector<std::string>{"homework_help", "walking_company"}));
  EXPECT_EQ(p.skill_tags, (std::vector<std::string>{"tysk konversation"}));
  EXPECT_EQ(p.languages, (std::vector<std::string>{"da", "de"}));
  EXPECT_EQ(p.postcode, "3520");
  EXPECT_EQ(p.town, "Farum");
}

TEST(VolunteerProfile, EveryBadFieldIsNamed) {
  VolunteerProfile p = Valid();
  p.about = std::string(2001, 'a');
  p.skills = {"juggling"};
  p.skill_tags = {"a,b"};
  p.languages = {"xx"};
  p.postcode = "9999";
  p.travel_km = 501;
  p.welfare_areas = {"space_travel"};
  p.target_groups = {"martians"};
  p.child_certificate = ChildCertificate::kObtained;
  const auto problems = NormaliseVolunteerProfile(p, Postcodes(), "2026-12-07");
  EXPECT_EQ(Fields(problems),
            (std::vector<std::string>{"about", "skills", "skill_tags", "languages", "welfare_areas",
                                      "target_groups", "postcode", "travel_km", "child_certificate_on"}));
  EXPECT_EQ(problems[1].message_key, "skill.error.unknown");
  EXPECT_EQ(problems[6].message_key, "validation.postcode_unknown");
  EXPECT_EQ(problems[8].message_key, "volunteer.error.certificate_date");
}

TEST(VolunteerProfile, TheCertificatesDateIsRequiredWhenObtainedAndNeverInTheFuture) {
  VolunteerProfile p = Valid();
  p.child_certificate = ChildCertificate::kObtained;
  p.child_certificate_on = "2026-12-08";
  auto problems = NormaliseVolunteerProfile(p, Postcodes(), "2026-12-07");
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].message_key, "volunteer.error.certificate_future");
  p.child_certificate_on = "7/12 2026";
  problems = NormaliseVolunteerProfile(p, Postcodes(), "2026-12-07");
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].message_key, "validation.date");
  p.child_certificate_on = "2026-12-07";
  EXPECT_TRUE(NormaliseVolunteerProfile(p, Postcodes(), "2026-12-07").empty());
  // Without a certificate a date means nothing and is not kept.
  p.child_certificate = ChildCertificate::kNone;
  EXPECT_TRUE(NormaliseVolunteerProfile(p, Postcodes(), "2026-12-07").empty());
  EXPECT_FALSE(p.child_certificate_on);
  // Requested: the date is optional (when it was requested).
  p.child_certificate = ChildCertificate::kRequested;
  EXPECT_TRUE(NormaliseVolunteerProfile(p, Postcodes(), "2026-12-07").empty());
}

TEST(VolunteerProfile, NamesRoundTrip) {
  for (const auto status : kAllChildCertificates)
    EXPECT_EQ(ParseChildCertificate(ChildCertificateName(status)), status);
  for (const auto visibility : kAllVolunteerVisibilities)
    EXPECT_EQ(ParseVolunteerVisibility(VolunteerVisibilityName(visibility)), visibility);
  EXPECT_FALSE(ParseVolunteerVisibility("everyone"));
  EXPECT_FALSE(ParseChildCertificate("yes"));
}

TEST(VolunteerJson, EachViewShowsNoMoreThanTheVolunteerAllows) {
  VolunteerProfile p = Valid();
  ASSERT_TRUE(NormaliseVolunteerProfile(p, Postcodes(), "2026-12-07").empty());
  p.id = 9;
  p.display_name = "Karen Jensen";
  p.email = "karen@example.dk";
  p.child_certificate = ChildCertificate::kRequested;

  const auto own = VolunteerOwnJson(p);
  EXPECT_EQ(own["email"], "karen@example.dk");
  EXPECT_EQ(own["visibility"], "municipalities");
  EXPECT_EQ(own["availability"], nlohmann::json::parse(R"({"mon": ["morning"], "thu": ["evening"]})"));

  EXPECT_TRUE(SharedWithMunicipalities(p));
  auto staff = VolunteerStaffJson(p);
  EXPECT_EQ(staff["display_name"], "Karen Jensen");
  EXPECT_EQ(staff["email"], nullptr) << "no e-mail without consent to be proposed";
  EXPECT_FALSE(staff.contains("visibility"));
  p.consent_matching = true;
  EXPECT_EQ(VolunteerStaffJson(p)["email"], "karen@example.dk");

  EXPECT_FALSE(VolunteerPublicJson(p)) << "shared with municipalities only";
  p.visibility = VolunteerVisibility::kPublic;
  const auto open = VolunteerPublicJson(p);
  ASSERT_TRUE(open);
  for (const char* hidden : {"email", "display_name", "user_id", "child_certificate", "consent_matching"})
    EXPECT_FALSE(open->contains(hidden)) << hidden;
  EXPECT_EQ((*open)["town"], "Farum");

  p.active = false;
  EXPECT_FALSE(SharedWithMunicipalities(p));
  EXPECT_FALSE(VolunteerPublicJson(p));
  p.active = true;
  p.visibility = VolunteerVisibility::kPrivate;
  EXPECT_FALSE(SharedWithMunicipalities(p));
}

TEST(VolunteerProfile, EveryMessageIsInEveryCatalog) {
  auto catalog = web::Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok());
  for (const auto key : AllVolunteerMessageKeys()) {
    for (const auto lang : web::kLanguages) EXPECT_TRUE(catalog->Has(lang, key)) << lang << " " << key;
  }
}

}  // namespace
}  // namespace samskab::domain
