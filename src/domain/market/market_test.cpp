#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/market/availability.h"
#include "domain/market/skills.h"

namespace samskab::domain {
namespace {

TEST(WeeklyAvailability, ReadsAndWritesTheApiGrid) {
  auto grid = WeeklyAvailability::FromJson(
      nlohmann::json::parse(R"({"mon": ["morning", "evening"], "sun": ["evening"]})"));
  ASSERT_TRUE(grid.ok());
  EXPECT_TRUE(grid->Has(0, 0));
  EXPECT_FALSE(grid->Has(0, 1));
  EXPECT_TRUE(grid->Has(6, 2));
  EXPECT_EQ(grid->Count(), 3);
  EXPECT_EQ(grid->bits(), (1U << 0) | (1U << 2) | (1U << 20));
  EXPECT_EQ(grid->ToJson(), nlohmann::json::parse(R"({"mon": ["morning", "evening"], "sun": ["evening"]})"));
  EXPECT_EQ(grid->CellKeys(), (std::vector<std::string>{"mon_morning", "mon_evening", "sun_evening"}));
}

TEST(WeeklyAvailability, RefusesGridsOfTheWrongShape) {
  for (const char* bad : {R"([["morning"]])", R"({"monday": ["morning"]})", R"({"mon": "morning"})",
                          R"({"mon": ["night"]})", R"({"mon": [1]})", R"({"mon": ["morning", "morning"]})"}) {
    auto grid = WeeklyAvailability::FromJson(nlohmann::json::parse(bad));
    ASSERT_FALSE(grid.ok()) << bad;
    EXPECT_EQ(grid.status().code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(grid.status().user_message_key(), "availability.error.shape") << bad;
  }
  auto cells = WeeklyAvailability::FromCellKeys({"mon_morning", "fri_night"});
  ASSERT_FALSE(cells.ok());
  EXPECT_EQ(cells.status().user_message_key(), "availability.error.shape");
}

TEST(WeeklyAvailability, OverlapCountsTheCellsBothHave) {
  auto a = WeeklyAvailability::FromCellKeys({"mon_morning", "tue_evening", "sat_afternoon"});
  auto b = WeeklyAvailability::FromCellKeys({"tue_evening", "sat_afternoon", "sun_morning"});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Overlap(*b), 2);
  EXPECT_TRUE(a->OnDay(5));
  EXPECT_FALSE(a->OnDay(6));
}

TEST(Skills, MasksFollowTheCatalogOrder) {
  ASSERT_EQ(SkillBit("visiting_friend"), 0);
  ASSERT_EQ(SkillBit("driving"), 2);
  EXPECT_EQ(SkillBit("flying"), std::nullopt);
  const std::vector<std::string> keys = {"driving", "visiting_friend"};
  EXPECT_EQ(SkillMask(keys), 0b101U);
  const std::vector<std::string> languages = {"ar", "da"};
  EXPECT_EQ(LanguageMask(languages), (uint64_t{1} << *LanguageBit("ar")) | 1U);
}

TEST(Skills, NormalisingRefusesUnknownKeysAndSortsTheRest) {
  auto skills = NormaliseSkills({"driving", " cooking", "driving"});
  ASSERT_TRUE(skills.ok());
  EXPECT_EQ(*skills, (std::vector<std::string>{"cooking", "driving"}));
  auto unknown = NormaliseSkills({"driving", "juggling"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().user_message_key(), "skill.error.unknown");
  auto language = NormaliseLanguages({"klingon"});
  ASSERT_FALSE(language.ok());
  EXPECT_EQ(language.status().user_message_key(), "spoken_language.error.unknown");
}

TEST(Skills, FreeTagsAreFoldedAndLimited) {
  auto tags = NormaliseSkillTags({"  Tysk Konversation ", "ÆBLEPLUKNING", "", "tysk konversation"});
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (std::vector<std::string>{"tysk konversation", "æbleplukning"}));
  EXPECT_EQ(NormaliseSkillTags({"a,b"}).status().user_message_key(), "skill.error.tag");
  EXPECT_EQ(NormaliseSkillTags({std::string(41, 'x')}).status().user_message_key(), "skill.error.tag");
  std::vector<std::string> many;
  many.reserve(21);
  for (int i = 0; i < 21; ++i) many.push_back("tag" + std::to_string(i));
  EXPECT_EQ(NormaliseSkillTags(many).status().user_message_key(), "skill.error.tag");
}

}  // namespace
}  // namespace samskab::domain
