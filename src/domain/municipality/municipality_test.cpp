#include "domain/municipality/municipality.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/embedded.h"

namespace samskab::domain {
namespace {

std::string_view Kommuner() { return embedded::Find("data/no/kommuner-2025.json"); }
std::string_view Fylker() { return embedded::Find("data/no/fylker-2025.json"); }

const Municipality* FindOfficial(const std::vector<Municipality>& all, const std::string& official_code) {
  for (const auto& m : all) {
    if (m.official_code == official_code) return &m;
  }
  return nullptr;
}

TEST(NorwegianMunicipalities, AllOfThe2025ListWithPlatformCodesAndCounties) {
  ASSERT_FALSE(Kommuner().empty()) << "data/no/kommuner-2025.json is not embedded";
  ASSERT_FALSE(Fylker().empty()) << "data/no/fylker-2025.json is not embedded";
  auto all = ParseNorwegianMunicipalities(Kommuner(), Fylker());
  ASSERT_TRUE(all.ok()) << all.status().log_message();
  ASSERT_EQ(all->size(), 357u);
  std::set<std::string> codes;
  std::map<std::string, int> per_county;
  for (const auto& m : *all) {
    EXPECT_EQ(m.country, "no");
    EXPECT_EQ(m.code, "no-" + m.official_code);
    EXPECT_EQ(m.region_code, m.official_code.substr(0, 2));
    EXPECT_FALSE(m.name.empty());
    EXPECT_FALSE(m.region_name.empty());
    EXPECT_FALSE(m.active) << "a municipality is inactive until the platform activates it";
    codes.insert(m.code);
    ++per_county[m.region_name];
  }
  EXPECT_EQ(codes.size(), 357u) << "platform codes are unique";
  EXPECT_EQ(per_county.size(), 15u);
  EXPECT_EQ(per_county["Oslo"], 1);
  EXPECT_EQ(per_county["Innlandet"], 46);
  EXPECT_EQ(per_county["Rogaland"], 23);
}

TEST(NorwegianMunicipalities, OsloIsNo0301InTheCountyOslo) {
  auto all = ParseNorwegianMunicipalities(Kommuner(), Fylker());
  ASSERT_TRUE(all.ok());
  const Municipality* oslo = FindOfficial(*all, "0301");
  ASSERT_NE(oslo, nullptr);
  EXPECT_EQ(oslo->code, "no-0301");
  EXPECT_EQ(oslo->official_code, "0301");
  EXPECT_EQ(oslo->country, "no");
  EXPECT_EQ(oslo->name, "Oslo");
  EXPECT_EQ(oslo->region_code, "03");
  EXPECT_EQ(oslo->region_name, "Oslo");
}

TEST(NorwegianMunicipalities, TheCountyIsTheFirstTwoDigitsAndTheNameIsTheNorwegianOne) {
  auto all = ParseNorwegianMunicipalities(Kommuner(), Fylker());
  ASSERT_TRUE(all.ok());
  const Municipality* stavanger = FindOfficial(*all, "1103");
  ASSERT_NE(stavanger, nullptr);
  EXPECT_EQ(stavanger->code, "no-1103");
  EXPECT_EQ(stavanger->name, "Stavanger");
  EXPECT_EQ(stavanger->region_code, "11");
  EXPECT_EQ(stavanger->region_name, "Rogaland");
  // k_name is the Sami name "Guovdageaidnu", k_name_no the Norwegian "Kautokeino".
  const Municipality* kautokeino = FindOfficial(*all, "5612");
  ASSERT_NE(kautokeino, nullptr);
  EXPECT_EQ(kautokeino->name, "Kautokeino");
  EXPECT_EQ(kautokeino->region_code, "56");
  EXPECT_EQ(kautokeino->region_name, "Finnmark");
}

TEST(NorwegianMunicipalities, WithoutANorwegianNameTheMainNameIsUsed) {
  auto parsed = ParseNorwegianMunicipalities(R"([{"k_id": "0301", "k_name": "Oslo"}])",
                                             R"([{"f_id": "03", "f_name": "Oslo"}])");
  ASSERT_TRUE(parsed.ok()) << parsed.status().log_message();
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ(parsed->front().name, "Oslo");
}

TEST(NorwegianMunicipalities, BadInputIsAFailedStatusNotAnException) {
  const std::string fylker = R"([{"f_id": "03", "f_name": "Oslo"}])";
  const std::string kommuner = R"([{"k_id": "0301", "k_name": "Oslo", "k_name_no": "Oslo"}])";
  struct Case {
    const char* what;
    std::string kommuner;
    std::string fylker;
  };
  const Case cases[] = {
      {"kommuner is not JSON", "[{", fylker},
      {"fylker is not JSON", kommuner, "not json"},
      {"kommuner is empty", "", fylker},
      {"kommuner is an object", R"({"k_id": "0301"})", fylker},
      {"fylker is an object", kommuner, R"({"f_id": "03"})"},
      {"an entry is not an object", "[42]", fylker},
      {"k_id missing", R"([{"k_name": "Oslo"}])", fylker},
      {"k_id is a number", R"([{"k_id": 301, "k_name": "Oslo"}])", fylker},
      {"no name at all", R"([{"k_id": "0301", "k_name_no": 7}])", fylker},
      {"k_id is not four digits", R"([{"k_id": "301", "k_name": "Oslo"}])", fylker},
      {"k_id has letters", R"([{"k_id": "03a1", "k_name": "Oslo"}])", fylker},
      {"unknown county", R"([{"k_id": "9901", "k_name": "Nowhere"}])", fylker},
      {"county without a name", kommuner, R"([{"f_id": "03"}])"},
      {"county id is a number", kommuner, R"([{"f_id": 3, "f_name": "Oslo"}])"},
  };
  for (const auto& c : cases) {
    Result<std::vector<Municipality>> parsed = std::vector<Municipality>{};
    EXPECT_NO_THROW(parsed = ParseNorwegianMunicipalities(c.kommuner, c.fylker)) << c.what;
    EXPECT_FALSE(parsed.ok()) << c.what;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidArgument) << c.what;
  }
}

TEST(DanishMunicipalities, TheOfficialCodeIsThePlatformCode) {
  auto all = ParseDanishMunicipalities(embedded::Find("data/dk/kommuner_dataforsyningen_2024.json"));
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 98u);
  for (const auto& m : *all) {
    EXPECT_EQ(m.country, "dk");
    EXPECT_EQ(m.official_code, m.code);
  }
}

}  // namespace
}  // namespace samskab::domain
