// The reference municipalities of both countries, loaded by `samskab migrate` and `samskab demo`,
// on both backends.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <string>

#include "app/app.h"
#include "storage/migrations.h"
#include "storage/municipality_store.h"
#include "support/test_support.h"

namespace samskab::app {
namespace {

using samskab::testing::BackendName;
using samskab::testing::BackendTest;

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

class ReferenceData : public BackendTest {
 protected:
  // country -> {municipalities, active ones, highest revision}
  std::map<std::string, std::array<int64_t, 3>> CountPerCountry() {
    std::map<std::string, std::array<int64_t, 3>> out;
    auto lease = db().Acquire();
    EXPECT_TRUE(lease.ok());
    if (!lease.ok()) return out;
    auto rows = (*lease)->Query(
        "SELECT country, COUNT(*), SUM(active), MAX(revision) FROM municipalities GROUP BY country "
        "ORDER BY country");
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    if (!rows.ok()) return out;
    for (const auto& row : *rows) out[row.Text(0)] = {row.Int(1), row.Int(2), row.Int(3)};
    return out;
  }
};

using Counts = std::map<std::string, std::array<int64_t, 3>>;

TEST_P(ReferenceData, MigrateLoadsBothCountriesInactiveAndIsIdempotent) {
  auto applied = MigrateAndLoadReferenceData(db(), TestClock());
  ASSERT_TRUE(applied.ok()) << applied.status().log_message();
  EXPECT_EQ(*applied, static_cast<int>(storage::AllMigrations().size()));
  EXPECT_EQ(CountPerCountry(), (Counts{{"dk", {98, 0, 1}}, {"no", {357, 0, 1}}}));

  auto again = MigrateAndLoadReferenceData(db(), TestClock());
  ASSERT_TRUE(again.ok()) << again.status().log_message();
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(CountPerCountry(), (Counts{{"dk", {98, 0, 1}}, {"no", {357, 0, 1}}}))
      << "a second load changes nothing, not even a revision";

  storage::MunicipalityStore store(db(), TestClock());
  auto oslo = store.Get("no-0301");
  ASSERT_TRUE(oslo.ok()) << oslo.status().log_message();
  EXPECT_EQ(oslo->official_code, "0301");
  EXPECT_EQ(oslo->country, "no");
  EXPECT_EQ(oslo->name, "Oslo");
  EXPECT_EQ(oslo->region_code, "03");
  EXPECT_EQ(oslo->region_name, "Oslo");
  auto furesoe = store.Get("0190");
  ASSERT_TRUE(furesoe.ok());
  EXPECT_EQ(furesoe->official_code, "0190");
  EXPECT_EQ(store.Get("0301").status().code(), ErrorCode::kNotFound)
      << "a bare kommunenummer is not a platform code";
}

TEST_P(ReferenceData, ANorwegianMunicipalityIsActivatedLikeADanishOneAndStaysActive) {
  ASSERT_TRUE(SetUpDemo(db(), TestClock(), "no-0301").ok());
  ASSERT_TRUE(SetUpDemo(db(), TestClock(), "0190").ok());
  EXPECT_EQ(CountPerCountry(), (Counts{{"dk", {98, 1, 2}}, {"no", {357, 1, 2}}}));
  ASSERT_TRUE(MigrateAndLoadReferenceData(db(), TestClock()).ok());
  storage::MunicipalityStore store(db(), TestClock());
  auto active = store.ListActive(10, "");
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->size(), 2u);
  EXPECT_EQ(active->at(0).code, "0190");
  EXPECT_EQ(active->at(1).code, "no-0301");
  EXPECT_EQ(active->at(1).revision, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferenceData,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace samskab::app
