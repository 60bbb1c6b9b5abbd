#include "domain/place/postcodes.h"

#include <gtest/gtest.h>

#include <string>

#include "core/embedded.h"

namespace samskab::domain {
namespace {

const PostcodeDirectory& Directory() {
  static const PostcodeDirectory directory = [] {
    auto loaded = PostcodeDirectory::LoadEmbedded();
    if (!loaded.ok()) ADD_FAILURE() << loaded.status().log_message();
    return loaded.ok() ? std::move(*loaded) : PostcodeDirectory();
  }();
  return directory;
}

std::string KeyOf(std::string_view input) {
  return Directory().NormalisePostcode(input).status().user_message_key();
}

TEST(Postcodes, TheWholeDawaListLoads) {
  const auto& all = Directory().All();
  // 1,109 rows in DAWA's 2021 list (it has no final newline, so `wc -l` says one fewer).
  EXPECT_EQ(all.size(), 1109u);
  size_t large_recipients = 0, with_centroid = 0;
  for (const auto& p : all) {
    if (p.is_large_recipient) ++large_recipients;
    if (p.centroid) ++with_centroid;
    EXPECT_FALSE(p.is_large_recipient && p.centroid) << p.code << ": a large recipient has no district";
  }
  EXPECT_EQ(large_recipients, 19u);
  // Every district of the GeoJSON (1,089) is in the list; 1431 København K is the one ordinary
  // code in the list without a district there.
  EXPECT_EQ(with_centroid, 1089u);
  const auto without_district = Directory().Lookup("1431");
  ASSERT_TRUE(without_district);
  EXPECT_FALSE(without_district->centroid);
}

TEST(Postcodes, HedehusenWithItsDistrictCentre) {
  const auto p = Directory().Lookup("2640");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->code, "2640");
  EXPECT_EQ(p->town, "Hedehusene");
  EXPECT_FALSE(p->is_large_recipient);
  ASSERT_TRUE(p->centroid);
  EXPECT_NEAR(p->centroid->lon, 12.1995, 0.0001);
  EXPECT_NEAR(p->centroid->lat, 55.6636, 0.0001);
}

TEST(Postcodes, LeadingZerosDawaDropsAreRestored) {
  const auto taastrup = Directory().Lookup("0800");
  ASSERT_TRUE(taastrup);
  EXPECT_EQ(taastrup->town, "Høje Taastrup");
  EXPECT_TRUE(taastrup->is_large_recipient);
  EXPECT_FALSE(taastrup->centroid);
  // DAWA's row is "999;København C; true", with a stray space before the flag.
  const auto copenhagen = Directory().Lookup("0999");
  ASSERT_TRUE(copenhagen);
  EXPECT_EQ(copenhagen->town, "København C");
  EXPECT_TRUE(copenhagen->is_large_recipient);
  EXPECT_FALSE(Directory().Lookup("800"));
}

TEST(Postcodes, AarhusC) {
  const auto p = Directory().NormalisePostcode(" 8000\t");
  ASSERT_TRUE(p.ok()) << p.status().log_message();
  EXPECT_EQ(p->code, "8000");
  EXPECT_EQ(p->town, "Aarhus C");
  EXPECT_FALSE(p->is_large_recipient);
  EXPECT_TRUE(p->centroid);
}

TEST(Postcodes, UnknownWellFormedCode) {
  EXPECT_FALSE(Directory().Lookup("0000"));
  const auto p = Directory().NormalisePostcode("0000");
  EXPECT_EQ(p.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(p.status().user_message_key(), "validation.postcode_unknown");
  EXPECT_EQ(KeyOf("9999"), "validation.postcode_unknown");
}

TEST(Postcodes, MalformedInputIsRefusedNotGuessed) {
  for (const std::string_view input : {"", "   ", "800", "26400", "26 40", "2640a", "abcd", "DK-2640", "-264",
                                       "+2640", "2640.", "２６４０"}) {
    EXPECT_EQ(Directory().NormalisePostcode(input).status().code(), ErrorCode::kInvalidArgument) << input;
    EXPECT_EQ(KeyOf(input), "validation.postcode") << input;
    EXPECT_FALSE(Directory().Lookup(input)) << input;
  }
  EXPECT_EQ(KeyOf(std::string_view("26\0"
                                   "40",
                                   5)),
            "validation.postcode");
}

// Reads the raw file independently of the parser: every code DAWA lists, padded as a letter
// would show it, is accepted and gets DAWA's town.
TEST(Postcodes, EveryRowOfTheCsvValidates) {
  std::string_view csv = embedded::Find("data/dk/postnumre_dawa.csv");
  ASSERT_FALSE(csv.empty());
  csv.remove_prefix(csv.find('\n') + 1);  // header
  size_t rows = 0;
  while (!csv.empty()) {
    const size_t end = csv.find('\n');
    const std::string_view line = csv.substr(0, end);
    csv.remove_prefix(end == std::string_view::npos ? csv.size() : end + 1);
    const size_t first = line.find(';'), second = line.find(';', first + 1);
    const std::string raw(line.substr(0, first));
    const std::string code = std::string(4 - raw.size(), '0') + raw;
    const auto p = Directory().NormalisePostcode(code);
    ASSERT_TRUE(p.ok()) << line;
    EXPECT_EQ(p->town, line.substr(first + 1, second - first - 1)) << line;
    ++rows;
  }
  EXPECT_EQ(rows, Directory().All().size());
}

TEST(Postcodes, DistanceCopenhagenToAarhus) {
  const auto copenhagen = Directory().Lookup("1050");
  const auto aarhus = Directory().Lookup("8000");
  ASSERT_TRUE(copenhagen && copenhagen->centroid && aarhus && aarhus->centroid);
  const double km = DistanceKm(*copenhagen->centroid, *aarhus->centroid);
  EXPECT_GT(km, 150.0);  // about 156 km as the crow flies
  EXPECT_LT(km, 170.0);
  EXPECT_DOUBLE_EQ(km, DistanceKm(*aarhus->centroid, *copenhagen->centroid));
  EXPECT_DOUBLE_EQ(DistanceKm(*aarhus->centroid, *aarhus->centroid), 0.0);
}

TEST(Postcodes, CoastalDistrictsAreCentredOnLand) {
  // DAWA's visual centre for 6950 Ringkøbing is at 4.07 E, in the North Sea; the derived file
  // has the centre of its land instead, east of the Ringkøbing Fjord's western shore.
  const auto ringkobing = Directory().Lookup("6950");
  ASSERT_TRUE(ringkobing && ringkobing->centroid);
  EXPECT_NEAR(ringkobing->centroid->lon, 8.28, 0.05);
  EXPECT_NEAR(ringkobing->centroid->lat, 56.12, 0.05);
  const auto aarhus = Directory().Lookup("8000");
  ASSERT_TRUE(aarhus && aarhus->centroid);
  EXPECT_LT(DistanceKm(*ringkobing->centroid, *aarhus->centroid), 150.0);
}

TEST(Postcodes, DistanceOfOneDegreeOfLatitude) {
  // On a sphere of radius 6371.0088 km one degree along a meridian is 111.195 km.
  EXPECT_NEAR(DistanceKm({55.0, 12.0}, {56.0, 12.0}), 111.195, 0.001);
}

TEST(Postcodes, BrokenReferenceDataFailsTheLoad) {
  const std::string_view header = "postnr;navn;stormodtager\n";
  const std::string_view centroids = "postnr;lon;lat\n";
  const auto fails = [&](std::string_view postcodes, std::string_view centroid_csv) {
    const auto loaded = PostcodeDirectory::Parse(postcodes, centroid_csv);
    return !loaded.ok() && loaded.status().code() == ErrorCode::kInternal;
  };
  EXPECT_FALSE(fails(std::string(header) + "2640;Hedehusene;false", centroids));
  EXPECT_TRUE(fails("postnr,navn,stormodtager\n2640,Hedehusene,false", centroids));
  EXPECT_TRUE(fails(std::string(header) + "2640;Hedehusene;ja", centroids));
  EXPECT_TRUE(fails(std::string(header) + "2640;Hedehusene", centroids));
  EXPECT_TRUE(fails(std::string(header) + "26400;Hedehusene;false", centroids));
  EXPECT_TRUE(fails(std::string(header) + "2640;;false", centroids));
  EXPECT_TRUE(fails(std::string(header) + "2640;Hedehusene;false\n2640;Hedehusene;false", centroids));
  EXPECT_TRUE(fails(std::string(header) + "2640;Hedehusene;false\n\n8000;Aarhus C;false", centroids));
  const std::string one = std::string(header) + "2640;Hedehusene;false";
  EXPECT_FALSE(fails(one, "postnr;lon;lat\n2640;12.19945854;55.66357137\n"));
  EXPECT_TRUE(fails(one, "postnr;lon;lat\n8000;10.2;56.15\n"));                 // unknown code
  EXPECT_TRUE(fails(one, "postnr;lon;lat\n2640;55.66357137;12.19945854\n"));    // swapped
  EXPECT_TRUE(fails(one, "postnr;lon;lat\n2640;12.2;north\n"));                 // not a number
  EXPECT_TRUE(fails(one, "postnr;lat;lon\n2640;12.2;55.7\n"));                  // wrong header
  EXPECT_TRUE(fails(one, "postnr;lon;lat\n2640;12.2;55.7\n2640;12.2;55.7\n"));  // twice
}

}  // namespace
}  // namespace samskab::domain
