// The rules of needs and offers that need no database: every bad field named, the kinds' required
// fields, and seed 004's vulnerable rule.
#include <gtest/gtest.h>

#include "domain/market/need.h"
#include "domain/market/offer.h"
#include "web/i18n.h"

namespace samskab::domain {
namespace {

const PostcodeDirectory& Postcodes() {
  static const PostcodeDirectory kDirectory = *PostcodeDirectory::LoadEmbedded();
  return kDirectory;
}

Need ValidNeed() {
  Need n;
  n.unit_id = 1;
  n.title = "  Lektiehjælp i Lillevang  ";
  n.skills = {"teaching", "teaching"};
  n.languages = {"ar", "da"};
  n.postcode = " 3520 ";
  n.places = 4;
  n.starts_on = "2027-01-10";
  n.ends_on = "2027-06-30";
  return n;
}

TEST(Need, IsNormalisedWhenValid) {
  Need n = ValidNeed();
  EXPECT_TRUE(NormaliseNeed(n, Postcodes()).empty());
  EXPECT_EQ(n.title, "Lektiehjælp i Lillevang");
  EXPECT_EQ(n.skills, (std::vector<std::string>{"teaching"}));
  EXPECT_EQ(n.postcode, "3520");
  EXPECT_EQ(n.town, "Farum");
}

TEST(Need, NamesEveryBadField) {
  Need n = ValidNeed();
  n.title = " ";
  n.description = std::string(kMaxMarketDescriptionLength + 1, 'x');
  n.skills = {"juggling"};
  n.languages = {"xx"};
  n.postcode = "9999";
  n.places = 0;
  n.starts_on = "2027-06-30";
  n.ends_on = "2027-01-10";
  EXPECT_EQ(NormaliseNeed(n, Postcodes()),
            (std::vector<FieldProblem>{{"title", "validation.required"},
                                       {"description", "market.error.description_too_long"},
                                       {"skills", "skill.error.unknown"},
                                       {"languages", "spoken_language.error.unknown"},
                                       {"postcode", "validation.postcode_unknown"},
                                       {"places", "market.error.places"},
                                       {"ends_on", "market.error.ends_before_start"}}));
  n = ValidNeed();
  n.title = std::string(kMaxMarketTitleLength + 1, 'a');
  n.places = kMaxPlaces + 1;
  n.starts_on = "1. januar";
  EXPECT_EQ(NormaliseNeed(n, Postcodes()),
            (std::vector<FieldProblem>{{"title", "market.error.title_too_long"},
                                       {"places", "market.error.places"},
                                       {"starts_on", "validation.date"}}));
}

TEST(Need, AVulnerableTargetGroupNamesItsPartnerAndHasNoDirectContactByDefault) {
  Need n = ValidNeed();
  n.vulnerable = true;
  EXPECT_EQ(NormaliseNeed(n, Postcodes()),
            (std::vector<FieldProblem>{{"partner_organisation_id", "need.error.partner_required"}}));
  n.partner_organisation_id = 7;
  EXPECT_TRUE(NormaliseNeed(n, Postcodes()).empty());

  // Becoming vulnerable without a word about contact: no direct contact.
  Need becoming = ValidNeed();
  becoming.vulnerable = true;
  ApplyVulnerableDefault(becoming, /*was_vulnerable=*/false, /*direct_contact_given=*/false);
  EXPECT_FALSE(becoming.direct_contact);
  // Set deliberately in the same change: kept.
  Need deliberate = ValidNeed();
  deliberate.vulnerable = true;
  ApplyVulnerableDefault(deliberate, false, true);
  EXPECT_TRUE(deliberate.direct_contact);
  // Already vulnerable: an earlier deliberate choice is not undone by an unrelated change.
  Need already = ValidNeed();
  already.vulnerable = true;
  already.direct_contact = true;
  ApplyVulnerableDefault(already, true, false);
  EXPECT_TRUE(already.direct_contact);
}

Offer ValidOffer(OfferKind kind) {
  Offer o;
  o.organisation_id = 3;
  o.kind = kind;
  o.title = "Medarbejderdag";
  o.welfare_areas = {"elderly"};
  return o;
}

TEST(Offer, EachKindHasItsRequiredFields) {
  Offer event = ValidOffer(OfferKind::kEventDay);
  EXPECT_EQ(NormaliseOffer(event, Postcodes()),
            (std::vector<FieldProblem>{{"event_on", "offer.error.event_on_required"},
                                       {"event_capacity", "offer.error.event_capacity_required"}}));
  event.event_on = "2027-05-01";
  event.event_capacity = 25;
  EXPECT_TRUE(NormaliseOffer(event, Postcodes()).empty());
  event.event_capacity = kMaxEventCapacity + 1;
  event.event_on = "1/5";
  EXPECT_EQ(NormaliseOffer(event, Postcodes()),
            (std::vector<FieldProblem>{{"event_on", "validation.date"},
                                       {"event_capacity", "offer.error.event_capacity"}}));

  Offer hours = ValidOffer(OfferKind::kHours);
  EXPECT_EQ(NormaliseOffer(hours, Postcodes()),
            (std::vector<FieldProblem>{{"hours", "offer.error.hours_required"}}));
  hours.hours = 40;
  hours.event_on = "2027-05-01";  // belongs to event days only: cleared
  EXPECT_TRUE(NormaliseOffer(hours, Postcodes()).empty());
  EXPECT_FALSE(hours.event_on.has_value());
}

TEST(Offer, NamesEveryBadField) {
  Offer o = ValidOffer(OfferKind::kSkills);
  o.user_id = 5;  // two owners
  o.title = "";
  o.welfare_areas = {"our_own_term"};
  o.target_groups = {"nobody"};
  o.hours = 0;
  o.travel_km = 501;
  o.postcode = "12";
  o.municipalities = {"0190", " "};
  EXPECT_EQ(NormaliseOffer(o, Postcodes()),
            (std::vector<FieldProblem>{{"organisation_id", "offer.error.owner"},
                                       {"title", "validation.required"},
                                       {"welfare_areas", "offer.error.unknown_term"},
                                       {"target_groups", "offer.error.unknown_term"},
                                       {"hours", "offer.error.hours"},
                                       {"travel_km", "offer.error.travel_km"},
                                       {"postcode", "validation.postcode"},
                                       {"municipalities", "offer.error.unknown_municipality"}}));
}

TEST(Offer, IsSeenAndChangedByItsOwnerOnly) {
  Principal member;
  member.kind = Principal::Kind::kUser;
  member.user_id = 9;
  member.grants = {{Role::kOrganisationMember, "", std::nullopt, 3},
                   {Role::kMunicipalEmployee, "0190", 4, std::nullopt}};
  const OfferViewer viewer = OfferViewerOf(member);
  EXPECT_EQ(viewer.organisation_ids, (std::vector<int64_t>{3}));
  EXPECT_EQ(viewer.municipality_codes, (std::vector<std::string>{"0190"}));
  EXPECT_TRUE(OwnsOffer(viewer, ValidOffer(OfferKind::kSkills)));
  Offer other = ValidOffer(OfferKind::kSkills);
  other.organisation_id = 4;
  EXPECT_FALSE(OwnsOffer(viewer, other));
  Offer own;
  own.user_id = 9;
  EXPECT_TRUE(OwnsOffer(viewer, own));
  own.user_id = 10;
  EXPECT_FALSE(OwnsOffer(viewer, own));
}

TEST(Offer, JsonSaysAllForEveryMunicipality) {
  Offer o = ValidOffer(OfferKind::kRooms);
  EXPECT_EQ(OfferToJson(o)["municipalities"], "all");
  o.municipalities = {"0190"};
  EXPECT_EQ(OfferToJson(o)["municipalities"], nlohmann::json::array({"0190"}));
}

TEST(NeedAndOffer, EveryMessageIsInEveryCatalog) {
  auto catalog = web::Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok());
  std::vector<std::string_view> keys = AllNeedMessageKeys();
  for (const auto key : AllOfferMessageKeys()) keys.push_back(key);
  for (const auto key : keys) {
    for (const auto lang : web::kLanguages) EXPECT_TRUE(catalog->Has(lang, key)) << lang << " " << key;
  }
}

}  // namespace
}  // namespace samskab::domain
