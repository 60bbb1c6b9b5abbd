// The matching engine: the hand-judged relevance cases, the hard constraints, the factors that
// explain a score, rarer skills weighing more, the tie rule, the parallel scan giving the same
// answer, and the index's size per profile.
#include "domain/market/matching.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "domain/market/availability.h"
#include "domain/market/relevance_cases.h"
#include "domain/market/skills.h"

namespace samskab::domain {
namespace {

const PostcodeDirectory& Postcodes() {
  static const PostcodeDirectory kPostcodes = *PostcodeDirectory::LoadEmbedded();
  return kPostcodes;
}

VolunteerIndex JudgedIndex() {
  VolunteerIndex index;
  for (const JudgedVolunteer& v : JudgedVolunteers()) index.Append(ToMatchProfile(v, Postcodes()));
  return index;
}

MatchProfile Plain(int64_t id, uint64_t skills) {
  MatchProfile p;
  p.id = id;
  p.skills = skills;
  p.lat = p.lon = std::numeric_limits<float>::quiet_NaN();
  p.flags = kMatchEligible;
  return p;
}

TEST(MatchingRelevance, EveryJudgedCaseFindsItsVolunteersAndNeverTheExcluded) {
  const VolunteerIndex index = JudgedIndex();
  for (const JudgedNeed& need : JudgedNeeds()) {
    const auto results = index.Rank(ToMatchQuery(need, Postcodes()));
    ASSERT_LE(results.size(), 10U) << need.title;
    for (int64_t id : need.relevant) {
      EXPECT_TRUE(
          std::any_of(results.begin(), results.end(), [&](const MatchResult& r) { return r.id == id; }))
          << need.title << ": volunteer " << id << " is not in the top 10";
    }
    for (const MatchResult& r : results) {
      EXPECT_EQ(std::count(need.excluded.begin(), need.excluded.end(), r.id), 0)
          << need.title << ": volunteer " << r.id << " must never be proposed";
      // The hard constraints hold for every proposal, judged or not.
      const JudgedVolunteer& v = JudgedVolunteers()[static_cast<size_t>(r.id - 1)];
      EXPECT_TRUE(v.active && v.consent && v.visible) << need.title << ": " << v.name;
      if (need.involves_children) {
        EXPECT_TRUE(v.certificate) << need.title << ": " << v.name;
      }
      ASSERT_TRUE(r.distance_km.has_value());
      EXPECT_LE(*r.distance_km, v.travel_km) << need.title << ": " << v.name;
    }
  }
  const RelevanceScore score = ScoreRelevance(Postcodes());
  EXPECT_EQ(score.excluded_proposed, 0);
  EXPECT_DOUBLE_EQ(score.recall_at_10, 1.0);
}

TEST(MatchingRelevance, TheBestFitComesFirst) {
  const VolunteerIndex index = JudgedIndex();
  const auto& needs = JudgedNeeds();
  EXPECT_EQ(index.Rank(ToMatchQuery(needs[0], Postcodes())).front().id, 1);  // Anna, the visiting friend
  EXPECT_EQ(index.Rank(ToMatchQuery(needs[1], Postcodes())).front().id, 3);  // Camilla, with a certificate
  EXPECT_EQ(index.Rank(ToMatchQuery(needs[2], Postcodes())).front().id, 5);  // Erik, who consented
}

TEST(Matching, EachResultExplainsItsScoreFactorByFactor) {
  const VolunteerIndex index = JudgedIndex();
  const auto results = index.Rank(ToMatchQuery(JudgedNeeds()[0], Postcodes()));
  ASSERT_FALSE(results.empty());
  const MatchResult& anna = results.front();
  EXPECT_DOUBLE_EQ(anna.score, anna.factors.Total());
  EXPECT_DOUBLE_EQ(anna.factors.welfare_area, 15);
  EXPECT_DOUBLE_EQ(anna.factors.target_group, 15);
  EXPECT_DOUBLE_EQ(anna.factors.skills, 30);        // the one skill asked for
  EXPECT_DOUBLE_EQ(anna.factors.languages, 10);     // Danish
  EXPECT_DOUBLE_EQ(anna.factors.availability, 10);  // every afternoon asked for
  EXPECT_DOUBLE_EQ(anna.factors.distance, 15);      // same postcode
  EXPECT_GT(anna.factors.text, 0);                  // "gåture", "kaffe" in the need's text
  EXPECT_EQ(anna.matched_skills, uint64_t{1} << *SkillBit("visiting_friend"));
  EXPECT_EQ(anna.availability_overlap, 5);
  EXPECT_DOUBLE_EQ(*anna.distance_km, 0);
}

TEST(Matching, RarerSkillsWeighMore) {
  VolunteerIndex index;
  const uint64_t driving = uint64_t{1} << *SkillBit("driving");
  const uint64_t legal = uint64_t{1} << *SkillBit("legal_advice");
  int64_t id = 1;
  for (int i = 0; i < 50; ++i) index.Append(Plain(id++, driving));
  index.Append(Plain(id++, legal));
  EXPECT_GT(index.skill_weights().Weight(*SkillBit("legal_advice")),
            index.skill_weights().Weight(*SkillBit("driving")));
  MatchQuery query;
  query.skills = driving | legal;
  const auto results = index.Rank(query);
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results.front().id, 51);  // the one lawyer before the fifty drivers
  EXPECT_GT(results.front().factors.skills, 15);
}

TEST(Matching, TiesGoToTheNearerThenTheLowerId) {
  auto result = [](int64_t id, std::optional<double> km) {
    MatchResult r;
    r.id = id;
    r.score = 10;
    r.distance_km = km;
    return r;
  };
  const MatchResult a = result(7, 3.0);
  const MatchResult b = result(2, 5.0);
  const MatchResult c = result(1, std::nullopt);
  const MatchResult d = result(3, 3.0);
  EXPECT_TRUE(RanksBefore(a, b));
  EXPECT_TRUE(RanksBefore(b, c));  // an unknown distance comes after every known one
  EXPECT_TRUE(RanksBefore(d, a));
  EXPECT_FALSE(RanksBefore(a, a));
  VolunteerIndex index;
  for (int64_t id = 10; id >= 1; --id) index.Upsert(Plain(id, 1));
  MatchQuery query;
  query.skills = 1;
  query.limit = 3;
  const auto results = index.Rank(query);
  ASSERT_EQ(results.size(), 3U);
  EXPECT_EQ(results[0].id, 1);
  EXPECT_EQ(results[1].id, 2);
  EXPECT_EQ(results[2].id, 3);
}

TEST(Matching, NotRelevantMarksAndRemovedProfilesAreNotProposed) {
  VolunteerIndex index = JudgedIndex();
  MatchQuery query = ToMatchQuery(JudgedNeeds()[0], Postcodes());
  query.excluded = {1};
  auto results = index.Rank(query);
  EXPECT_TRUE(std::none_of(results.begin(), results.end(), [](const MatchResult& r) { return r.id == 1; }));
  query.excluded.clear();
  index.Remove(13);
  MatchProfile anna = ToMatchProfile(JudgedVolunteers()[0], Postcodes());
  anna.flags = static_cast<uint8_t>(anna.flags & ~kMatchConsent);  // consent withdrawn
  index.Upsert(anna);
  results = index.Rank(query);
  for (const MatchResult& r : results) {
    EXPECT_NE(r.id, 1);
    EXPECT_NE(r.id, 13);
  }
  EXPECT_EQ(index.Find(13), nullptr);
}

TEST(Matching, TwoThreadsRankExactlyLikeOne) {
  VolunteerIndex index;
  uint64_t state = 42;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  const auto& all = Postcodes().All();
  for (int64_t id = 1; id <= 120000; ++id) {
    MatchProfile p = Plain(id, next() & ((uint64_t{1} << 28) - 1) & next());
    p.languages = 1 | (next() & 0xF);
    p.availability = static_cast<uint32_t>(next() & kFullWeek);
    p.welfare_areas = static_cast<uint16_t>(next() & 0x3FFF);
    const auto& postcode = all[next() % all.size()];
    if (postcode.centroid) {
      p.lat = static_cast<float>(postcode.centroid->lat);
      p.lon = static_cast<float>(postcode.centroid->lon);
    }
    p.travel_km = static_cast<uint16_t>(5 + next() % 40);
    index.Append(p);
  }
  EXPECT_LE(index.BytesUsed() / index.size(), 200U);
  MatchQuery query;
  query.skills = 0b1011;
  query.languages = 1;
  query.availability = 0b111000111;
  query.welfare_areas = 0b100;
  query.place = Postcodes().Lookup("3520")->centroid;
  const auto one = index.Rank(query, 1);
  const auto two = index.Rank(query, 2);
  ASSERT_EQ(one.size(), 20U);
  ASSERT_EQ(two.size(), one.size());
  for (size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].id, two[i].id);
    EXPECT_DOUBLE_EQ(one[i].score, two[i].score);
    if (i > 0) {
      EXPECT_TRUE(RanksBefore(one[i - 1], one[i]));
    }
  }
}

TEST(Matching, TextWordsFoldAndMeetOnTheirStems) {
  EXPECT_EQ(TextWords("Frivillige til LEKTIEHJÆLP og ældre"),
            (std::vector<std::string>{"frivi", "lekti", "ældre"}));
  EXPECT_EQ(TextWordBits("frivi"), TextMask("frivillig"));
  EXPECT_EQ(TextMask("og i at"), 0U);
  EXPECT_EQ(QueryWords("mad mad mad").size(), 1U);
  EXPECT_EQ(SkillListMask(",driving,unknown,cooking,"),
            (uint64_t{1} << *SkillBit("driving")) | (uint64_t{1} << *SkillBit("cooking")));
  EXPECT_EQ(WelfareAreaListMask(",health,elderly,"), 0b101);
  EXPECT_EQ(DaysFromIsoDate("1970-01-02"), 1);
  EXPECT_EQ(DaysFromIsoDate("2026-12-07"), 20794);
  EXPECT_EQ(DaysFromIsoDate("bad"), 0);
}

}  // namespace
}  // namespace samskab::domain
