// The offer's side of matchmaking: whose needs and units an offer's matches show to whom (the
// owner every offered municipality's public needs; staff their own municipalities, private needs
// too; anyone else nothing), and the query built from an offer ranking a hand-built set of needs
// with the offer's travel_km as a hard limit.
#include "domain/market/offer_matching.h"

#include <gtest/gtest.h>

#include <limits>

namespace samskab::domain {
namespace {

const PostcodeDirectory& Postcodes() {
  static const PostcodeDirectory kPostcodes = *PostcodeDirectory::LoadEmbedded();
  return kPostcodes;
}

Offer CompanyOffer(std::vector<std::string> municipalities) {
  Offer o;
  o.id = 7;
  o.organisation_id = 3;
  o.title = "Besøgsven til ældre";
  o.description = "Kaffe og gåture med ensomme ældre.";
  o.skills = {"visiting_friend"};
  o.languages = {"da"};
  o.welfare_areas = {"elderly"};
  o.target_groups = {"lonely"};
  o.postcode = "3520";
  o.travel_km = 20;
  o.municipalities = std::move(municipalities);
  return o;
}

TEST(OfferMatchReach, TheOwnerSeesEveryOfferedMunicipalityStaffOnlyTheirOwn) {
  OfferViewer owner;
  owner.user_id = 1;
  owner.organisation_ids = {3};
  auto reach = ReachOf(owner, CompanyOffer({"0190", "0851"}));
  ASSERT_TRUE(reach);
  EXPECT_FALSE(reach->all_municipalities);
  EXPECT_EQ(reach->municipalities, (std::vector<std::string>{"0190", "0851"}));
  EXPECT_TRUE(reach->private_in.empty());
  EXPECT_FALSE(reach->private_everywhere);
  reach = ReachOf(owner, CompanyOffer({}));
  ASSERT_TRUE(reach);
  EXPECT_TRUE(reach->all_municipalities);

  OfferViewer staff;
  staff.user_id = 2;
  staff.municipality_codes = {"0101", "0190"};
  reach = ReachOf(staff, CompanyOffer({"0190", "0851"}));
  ASSERT_TRUE(reach);
  EXPECT_EQ(reach->municipalities, std::vector<std::string>{"0190"});
  EXPECT_EQ(reach->private_in, std::vector<std::string>{"0190"});
  reach = ReachOf(staff, CompanyOffer({}));  // offered to all: both of theirs
  ASSERT_TRUE(reach);
  EXPECT_EQ(reach->municipalities, (std::vector<std::string>{"0101", "0190"}));

  OfferViewer elsewhere;
  elsewhere.municipality_codes = {"0101"};
  EXPECT_FALSE(ReachOf(elsewhere, CompanyOffer({"0190"})));
  OfferViewer stranger;
  stranger.user_id = 9;
  stranger.organisation_ids = {4};
  EXPECT_FALSE(ReachOf(stranger, CompanyOffer({"0190"})));

  OfferViewer platform;
  platform.everything = true;
  reach = ReachOf(platform, CompanyOffer({"0190"}));
  ASSERT_TRUE(reach);
  EXPECT_TRUE(reach->private_everywhere);
  EXPECT_EQ(reach->municipalities, std::vector<std::string>{"0190"});
}

MatchProfile NeedAt(int64_t id, const char* postcode) {
  MatchProfile p;
  p.id = id;
  p.flags = kMatchEligible;
  p.lat = p.lon = std::numeric_limits<float>::quiet_NaN();
  if (postcode) {
    if (auto found = Postcodes().Lookup(postcode); found && found->centroid) {
      p.lat = static_cast<float>(found->centroid->lat);
      p.lon = static_cast<float>(found->centroid->lon);
    }
  }
  return p;
}

TEST(OfferMatchQuery, RanksNeedsByTheOffersFactorsWithinItsTravelLimit) {
  const MatchQuery query = QueryForOffer(CompanyOffer({"0190"}), Postcodes());
  EXPECT_EQ(query.travel_km, 20);
  EXPECT_FALSE(query.requires_certificate);
  EXPECT_TRUE(query.place.has_value());

  MatchProfile same = NeedAt(1, "3520");
  same.skills = SkillListMask(",visiting_friend,");
  same.languages = LanguageListMask(",da,");
  same.welfare_areas = WelfareAreaListMask(",elderly,");
  same.target_groups = TargetGroupListMask(",lonely,");
  same.text_mask = TextMask("Besøgsven til ældre. Kaffe og gåture med ensomme ældre.");
  MatchProfile area_only = NeedAt(2, nullptr);
  area_only.welfare_areas = WelfareAreaListMask(",elderly,");
  MatchProfile far = same;  // everything in common, but in Aalborg
  far.id = 3;
  far.lat = NeedAt(3, "9000").lat;
  far.lon = NeedAt(3, "9000").lon;

  const std::vector<MatchResult> ranked =
      RankCandidates(query, std::vector<MatchProfile>{area_only, far, same});
  ASSERT_EQ(ranked.size(), 2U);
  EXPECT_EQ(ranked[0].id, 1);
  EXPECT_DOUBLE_EQ(ranked[0].score, 90);  // every factor but the weekly grid the offer has not given
  EXPECT_DOUBLE_EQ(ranked[0].factors.skills, 30);
  EXPECT_DOUBLE_EQ(ranked[0].factors.distance, 15);
  EXPECT_DOUBLE_EQ(ranked[0].factors.text, 5);
  EXPECT_EQ(ranked[1].id, 2);
  EXPECT_DOUBLE_EQ(ranked[1].score, 15);
}

}  // namespace
}  // namespace samskab::domain
