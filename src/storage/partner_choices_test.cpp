// The partners a municipality may choose, on SQLite and PostgreSQL: public organisations, its
// own, and those shared with it; never another municipality's private ones.
#include "storage/partner_choices.h"

#include <gtest/gtest.h>

#include "app/app.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

class PartnerChoices : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), kClock).ok());
  }
  int64_t Add(const std::string& name, const std::string& kind, bool is_public,
              const std::string& municipality) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO organisations (name, kind, is_public, municipality_code, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
        {name, kind, int64_t{is_public}, NullIfEmpty(municipality)});
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    return rows.ok() ? rows->front().Int(0) : 0;
  }
};

TEST_P(PartnerChoices, AreTheOrganisationsTheMunicipalityMaySeeByName) {
  Add("Røde Kors", "humanitarian_association", true, "");
  Add("Strikkecaféen", "community", false, "0190");
  Add("Aalborg Naboer", "community", false, "0851");
  const int64_t shared = Add("Delt forening", "popular_education_association", false, "0851");
  {
    auto lease = db().Acquire();
    ASSERT_TRUE(
        (*lease)
            ->Execute("INSERT INTO organisation_shares (organisation_id, municipality_code, created_at) "
                      "VALUES (?, ?, '2026-01-01T00:00:00Z')",
                      {shared, std::string("0190")})
            .ok());
  }
  auto choices = ListPartnerChoices(db(), domain::MunicipalityScope("0190"));
  ASSERT_TRUE(choices.ok()) << choices.status().log_message();
  std::vector<std::string> names;
  for (const auto& choice : *choices) names.push_back(choice.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Delt forening", "Røde Kors", "Strikkecaféen"}));
  EXPECT_EQ(choices->front().kind, domain::OrganisationKind::kPopularEducationAssociation);
  auto aalborg = ListPartnerChoices(db(), domain::MunicipalityScope("0851"));
  ASSERT_TRUE(aalborg.ok());
  EXPECT_EQ(aalborg->size(), 3u) << "its own two and the public one";
}

INSTANTIATE_TEST_SUITE_P(Backends, PartnerChoices, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
