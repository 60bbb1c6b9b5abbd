// The volunteers' index kept right, on SQLite and PostgreSQL: two independent Database instances
// on one database (as two `samskab serve` instances), each with its own index. A profile written
// through one (with its change log entry in the same transaction) is seen by the other's next
// match; a deleted profile and a withdrawn consent disappear from the proposals.
#include "storage/volunteer_index.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "app/app.h"
#include "storage/market_changes.h"
#include "storage/retention.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

const domain::PostcodeDirectory& Postcodes() {
  static const domain::PostcodeDirectory kPostcodes = *domain::PostcodeDirectory::LoadEmbedded();
  return kPostcodes;
}

class VolunteerIndexContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), TestClock()).ok());
    other_ = database_->OpenAgain();
    ASSERT_TRUE(other_);
  }

  // A volunteer written as the profile pages will: the row and its change log entry in one
  // transaction. Returns the profile id.
  int64_t AddVolunteer(Database& database, const std::string& email, const std::string& skills,
                       const std::string& postcode) {
    auto id = InWriteTransaction<int64_t>(database, [&](Connection& c) -> Result<int64_t> {
      auto user = c.Query(
          "INSERT INTO users (email, display_name, password_hash, created_at) VALUES (?, ?, 'x', ?) "
          "RETURNING id",
          {email, email, FormatUtc(TestClock().Now())});
      if (!user.ok()) return user.status();
      auto profile = c.Query(
          "INSERT INTO volunteer_profiles (user_id, skills, languages, availability, postcode, travel_km, "
          "welfare_areas, visibility, consent_matching, active, created_at, updated_at) "
          "VALUES (?, ?, ',da,', 7, ?, 20, ',elderly,', 'municipalities', 1, 1, ?, ?) RETURNING id",
          {user->front().Int(0), skills, postcode, FormatUtc(TestClock().Now()),
           FormatUtc(TestClock().Now())});
      if (!profile.ok()) return profile.status();
      const int64_t profile_id = profile->front().Int(0);
      SAMSKAB_RETURN_IF_ERROR(RecordVolunteerChange(c, profile_id, TestClock()));
      return profile_id;
    });
    EXPECT_TRUE(id.ok()) << id.status().log_message();
    return id.ok() ? *id : 0;
  }

  void Change(Database& database, int64_t profile_id, const std::string& sql) {
    auto done = InWriteTransaction<bool>(database, [&](Connection& c) -> Result<bool> {
      auto changed = c.Execute(sql, {profile_id});
      if (!changed.ok()) return changed.status();
      SAMSKAB_RETURN_IF_ERROR(RecordVolunteerChange(c, profile_id, TestClock()));
      return true;
    });
    ASSERT_TRUE(done.ok()) << done.status().log_message();
  }

  static std::vector<int64_t> Proposed(VolunteerIndex& index, const std::string& skill) {
    domain::MatchQuery query;
    query.skills = domain::SkillListMask("," + skill + ",");
    query.place = Postcodes().Lookup("3520")->centroid;
    auto results = index.Rank(query);
    EXPECT_TRUE(results.ok()) << results.status().log_message();
    std::vector<int64_t> ids;
    if (results.ok()) {
      for (const auto& r : *results) {
        if (r.factors.skills > 0) ids.push_back(r.id);
      }
    }
    return ids;
  }

  std::unique_ptr<Database> other_;
};

TEST_P(VolunteerIndexContract, AChangeThroughOneInstanceIsSeenByTheOthersNextMatch) {
  const int64_t anna = AddVolunteer(db(), "anna@example.org", ",driving,", "3520");
  VolunteerIndex mine(db(), Postcodes());
  VolunteerIndex theirs(*other_, Postcodes());
  EXPECT_EQ(Proposed(mine, "driving"), std::vector<int64_t>{anna});
  EXPECT_EQ(Proposed(theirs, "driving"), std::vector<int64_t>{anna});
  EXPECT_EQ(theirs.size(), 1U);

  // Written through the other instance, seen by this one (and the reverse).
  const int64_t bent = AddVolunteer(*other_, "bent@example.org", ",driving,", "3500");
  EXPECT_EQ(Proposed(mine, "driving"), (std::vector<int64_t>{anna, bent}));
  Change(db(), bent,
         "UPDATE volunteer_profiles SET skills = ',cooking,', revision = revision + 1 WHERE id = ?");
  EXPECT_EQ(Proposed(theirs, "driving"), std::vector<int64_t>{anna});
  EXPECT_EQ(Proposed(theirs, "cooking"), std::vector<int64_t>{bent});

  // Consent withdrawn: no longer proposed by either.
  Change(*other_, anna, "UPDATE volunteer_profiles SET consent_matching = 0 WHERE id = ?");
  EXPECT_TRUE(Proposed(mine, "driving").empty());
  EXPECT_TRUE(Proposed(theirs, "driving").empty());

  // Deleted: gone from both indexes.
  Change(db(), bent, "DELETE FROM volunteer_profiles WHERE id = ?");
  EXPECT_TRUE(Proposed(theirs, "cooking").empty());
  EXPECT_FALSE(theirs.Find(bent).has_value());
  EXPECT_TRUE(Proposed(mine, "cooking").empty());
  EXPECT_EQ(mine.size(), 1U);
  EXPECT_EQ(mine.applied_change(), theirs.applied_change());
}

TEST_P(VolunteerIndexContract, AnIndexBehindThePrunedChangeLogLoadsEverythingAgain) {
  const int64_t anna = AddVolunteer(db(), "anna@example.org", ",driving,", "3520");
  VolunteerIndex behind(db(), Postcodes());
  EXPECT_EQ(Proposed(behind, "driving"), std::vector<int64_t>{anna});

  // While this instance sleeps: Anna changes twice, Bent arrives, and a week later retention
  // prunes the log down to its newest entry.
  Change(db(), anna, "UPDATE volunteer_profiles SET skills = ',cooking,' WHERE id = ?");
  Change(db(), anna, "UPDATE volunteer_profiles SET skills = ',cooking,gardening,' WHERE id = ?");
  const int64_t bent = AddVolunteer(*other_, "bent@example.org", ",driving,", "3500");
  const auto week_later = TestClock().Now() + std::chrono::hours(24 * 8);
  auto pruned = ApplyRetention(db(), week_later, {});
  ASSERT_TRUE(pruned.ok()) << pruned.status().log_message();
  EXPECT_EQ(pruned->market_changes, 3) << "all but the newest entry";
  {
    auto lease = db().Acquire();
    auto left = (*lease)->Query("SELECT COUNT(*) FROM market_changes");
    ASSERT_TRUE(left.ok());
    EXPECT_EQ(left->front().Int(0), 1);
  }

  EXPECT_EQ(Proposed(behind, "driving"), std::vector<int64_t>{bent}) << "Anna's changes were not missed";
  EXPECT_EQ(Proposed(behind, "gardening"), std::vector<int64_t>{anna});
  EXPECT_EQ(behind.size(), 2U);

  // A new entry after the pruning is applied as usual, and the ids keep growing.
  Change(db(), bent, "UPDATE volunteer_profiles SET skills = ',gardening,' WHERE id = ?");
  EXPECT_EQ(Proposed(behind, "gardening"), (std::vector<int64_t>{anna, bent}));
}

TEST_P(VolunteerIndexContract, TheFullLoadReadsEveryProfileAcrossPages) {
  for (int i = 0; i < 25; ++i) AddVolunteer(db(), fmt::format("v{}@example.org", i), ",music,", "3520");
  VolunteerIndex index(db(), Postcodes());
  ASSERT_TRUE(index.Refresh().ok());
  EXPECT_EQ(index.size(), 25U);
  auto latest = [&] {
    auto lease = db().Acquire();
    return *LatestChangeId(**lease);
  }();
  EXPECT_EQ(index.applied_change(), latest);
  const auto profile = index.Find(Proposed(index, "music").front());
  ASSERT_TRUE(profile.has_value());
  EXPECT_EQ(profile->flags & domain::kMatchEligible, domain::kMatchEligible);
  EXPECT_EQ(profile->travel_km, 20);
  EXPECT_EQ(profile->availability, 7U);
  EXPECT_TRUE(profile->HasPlace());
}

INSTANTIATE_TEST_SUITE_P(Backends, VolunteerIndexContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
