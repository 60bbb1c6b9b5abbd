// The storage contract: every repository and the migration runner behave the same on SQLite and
// PostgreSQL. Written once, run on both backends.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <thread>
#include <tuple>

#include "core/embedded.h"
#include "storage/audit_store.h"
#include "storage/database.h"
#include "storage/inquiry_store.h"
#include "storage/migrations.h"
#include "storage/municipality_store.h"
#include "storage/opportunity_search.h"
#include "storage/postgres/postgres_connection.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using samskab::testing::BackendName;
using samskab::testing::BackendTest;

domain::Actor TestActor() { return domain::Actor::System("test", "test"); }

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

domain::Municipality Furesoe() {
  return {"0190", "0190", "dk", "Furesø", "1084", "Region Hovedstaden", false, 1, ""};
}

// Halden had kommunenummer 0101 until 2020 (3101 since 2024); 0101 is København in Denmark.
domain::Municipality Koebenhavn() {
  return {"0101", "0101", "dk", "København", "1084", "Region Hovedstaden", false, 1, ""};
}
domain::Municipality HaldenBefore2020() {
  return {"no-0101", "0101", "no", "Halden", "01", "Østfold", false, 1, ""};
}

// The schema before `version`, as a database migrated by an older samskab has it: the earlier
// migrations applied and recorded the way Migrate does.
void MigrateBefore(Connection& connection, Backend backend, int version) {
  ASSERT_TRUE(connection
                  .ExecuteScript("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT "
                                 "NOT NULL, applied_at TEXT NOT NULL)")
                  .ok());
  for (const Migration& migration : AllMigrations()) {
    if (migration.version >= version) break;
    ASSERT_TRUE(connection.ExecuteScript(SqlFor(migration, backend)).ok()) << migration.name;
    ASSERT_TRUE(connection
                    .Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                             {int64_t{migration.version}, migration.name, std::string("then")})
                    .ok());
  }
}

class StorageContract : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto migrated = Migrate(db(), TestClock());
    ASSERT_TRUE(migrated.ok()) << migrated.status().log_message();
  }
};

TEST_P(StorageContract, MigrationsAreRecordedAndApplyOnlyOnce) {
  auto version = CurrentSchemaVersion(db());
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, LatestSchemaVersion());
  EXPECT_TRUE(CheckSchemaCurrent(db()).ok());
  auto again = Migrate(db(), TestClock());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  auto lease = db().Acquire();
  ASSERT_TRUE(lease.ok());
  auto rows = (*lease)->Query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), AllMigrations().size());
  EXPECT_EQ(rows->front().Int(0), 1);
  EXPECT_EQ(rows->front().Text(1), "core");
  EXPECT_EQ(rows->front().Text(2), "2026-11-18T11:06:40Z");
}

TEST_P(StorageContract, ADatabaseNewerThanTheBinaryIsRefusedWithAClearMessage) {
  auto lease = db().Acquire();
  ASSERT_TRUE(lease.ok());
  ASSERT_TRUE((*lease)
                  ->Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                            {int64_t{9999}, std::string("future"), std::string("2030-01-01T00:00:00Z")})
                  .ok());
  const Status status = CheckSchemaCurrent(db());
  EXPECT_EQ(status.code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(status.log_message().find("newer than this samskab"), std::string::npos);
}

TEST_P(StorageContract, AnEmptyDatabaseAsksForMigrate) {
  auto fresh = samskab::testing::TestDatabase::Create(GetParam());
  ASSERT_TRUE(fresh);
  auto version = CurrentSchemaVersion(fresh->db());
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 0);
  const Status status = CheckSchemaCurrent(fresh->db());
  EXPECT_EQ(status.code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(status.log_message().find("samskab migrate"), std::string::npos);
}

TEST_P(StorageContract, ConcurrentMigratorsApplyEachMigrationOnce) {
  auto fresh = samskab::testing::TestDatabase::Create(GetParam());
  ASSERT_TRUE(fresh);
  std::atomic<int> applied{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  threads.reserve(3);
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&] {
      auto db = fresh->OpenAgain(1);
      auto result = Migrate(*db, TestClock());
      if (result.ok()) {
        applied += *result;
      } else {
        ++failed;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(applied.load(), static_cast<int>(AllMigrations().size()));
}

TEST_P(StorageContract, MunicipalityUpsertIsIdempotentAndKeepsActive) {
  MunicipalityStore store(db(), TestClock());
  auto inserted = store.UpsertReference(Furesoe());
  ASSERT_TRUE(inserted.ok());
  EXPECT_TRUE(*inserted);
  auto again = store.UpsertReference(Furesoe());
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again) << "an unchanged import must not bump the revision";
  ASSERT_TRUE(store.SetActive(TestActor(), "0190", true, std::nullopt).ok());
  auto renamed = Furesoe();
  renamed.name = "Furesø Kommune";
  ASSERT_TRUE(*store.UpsertReference(renamed));
  auto got = store.Get("0190");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->name, "Furesø Kommune");
  EXPECT_TRUE(got->active);
  EXPECT_EQ(got->revision, 3);
  EXPECT_EQ(got->updated_at, "2026-11-18T11:06:40Z");
}

TEST_P(StorageContract, ADanishAndANorwegianMunicipalityWithTheSameOfficialCodeCoexist) {
  MunicipalityStore store(db(), TestClock());
  ASSERT_TRUE(*store.UpsertReference(Koebenhavn()));
  ASSERT_TRUE(*store.UpsertReference(HaldenBefore2020()));
  auto danish = store.Get("0101");
  auto norwegian = store.Get("no-0101");
  ASSERT_TRUE(danish.ok()) << danish.status().log_message();
  ASSERT_TRUE(norwegian.ok()) << norwegian.status().log_message();
  EXPECT_EQ(danish->country, "dk");
  EXPECT_EQ(danish->official_code, "0101");
  EXPECT_EQ(danish->name, "København");
  EXPECT_EQ(norwegian->country, "no");
  EXPECT_EQ(norwegian->official_code, "0101");
  EXPECT_EQ(norwegian->name, "Halden");
  EXPECT_EQ(norwegian->region_code, "01");
  EXPECT_EQ(norwegian->region_name, "Østfold");
  EXPECT_FALSE(*store.UpsertReference(HaldenBefore2020())) << "an unchanged import changes nothing";

  // Activating one leaves the other alone.
  ASSERT_TRUE(store.SetActive(TestActor(), "no-0101", true, std::nullopt).ok());
  auto active = store.ListActive(10, "");
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->size(), 1u);
  EXPECT_EQ(active->front().code, "no-0101");
  EXPECT_FALSE(store.Get("0101")->active);

  auto lease = db().Acquire();
  ASSERT_TRUE(lease.ok());
  auto rows =
      (*lease)->Query("SELECT country, code FROM municipalities WHERE official_code = ? ORDER BY country",
                      {std::string("0101")});
  ASSERT_TRUE(rows.ok()) << rows.status().log_message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).Text(0), "dk");
  EXPECT_EQ(rows->at(0).Text(1), "0101");
  EXPECT_EQ(rows->at(1).Text(0), "no");
  EXPECT_EQ(rows->at(1).Text(1), "no-0101");
}

TEST_P(StorageContract, UpsertFillsTheOfficialCodeOfAnOlderRow) {
  {
    auto lease = db().Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)
                    ->Execute("INSERT INTO municipalities (code, country, name, region_code, region_name, "
                              "updated_at) VALUES ('0190', 'dk', 'Furesø', '1084', 'Region Hovedstaden', "
                              "'now')")
                    .ok());
  }
  MunicipalityStore store(db(), TestClock());
  EXPECT_EQ(store.Get("0190")->official_code, "");
  EXPECT_TRUE(*store.UpsertReference(Furesoe()));
  EXPECT_EQ(store.Get("0190")->official_code, "0190");
}

// 0004_norway adds official_code to a database that already holds Danish municipalities and
// fills it in for them.
TEST_P(StorageContract, TheNorwayMigrationBackfillsTheOfficialCodeOfDanishRows) {
  auto fresh = samskab::testing::TestDatabase::Create(GetParam());
  ASSERT_TRUE(fresh);
  {  // The schema before 0004, as a database migrated by an older samskab has it, with one row.
    auto lease = fresh->db().Acquire();
    ASSERT_TRUE(lease.ok());
    Connection& connection = **lease;
    MigrateBefore(connection, GetParam(), 4);
    if (HasFatalFailure()) return;
    ASSERT_TRUE(connection
                    .Execute("INSERT INTO municipalities (code, country, name, region_code, region_name, "
                             "active, updated_at) VALUES ('0190', 'dk', 'Furesø', '1084', 'Region "
                             "Hovedstaden', 1, 'then')")
                    .ok());
  }
  auto applied = Migrate(fresh->db(), TestClock());
  ASSERT_TRUE(applied.ok()) << applied.status().log_message();
  EXPECT_GE(*applied, 1);
  MunicipalityStore store(fresh->db(), TestClock());
  auto furesoe = store.Get("0190");
  ASSERT_TRUE(furesoe.ok()) << furesoe.status().log_message();
  EXPECT_EQ(furesoe->official_code, "0190");
  EXPECT_TRUE(furesoe->active);
  EXPECT_EQ(furesoe->revision, 1) << "the migration is not a change of the municipality";
  EXPECT_FALSE(*store.UpsertReference(Furesoe())) << "after the backfill the import finds nothing to change";
}

// 0011_search_lexemes indexes the posts of an older database again: each language's posts in its
// own full-text index (SQLite's view holds both languages), the closed ones not public.
TEST_P(StorageContract, TheSearchLexemesMigrationIndexesEachLanguagesPostsOnce) {
  auto fresh = samskab::testing::TestDatabase::Create(GetParam());
  ASSERT_TRUE(fresh);
  {
    auto lease = fresh->db().Acquire();
    ASSERT_TRUE(lease.ok());
    Connection& connection = **lease;
    MigrateBefore(connection, GetParam(), 11);
    if (HasFatalFailure()) return;
    ASSERT_TRUE(connection
                    .ExecuteScript(
                        "INSERT INTO municipalities (code, country, name, region_code, region_name, active, "
                        "updated_at, official_code) VALUES ('0190', 'dk', 'Furesø', '1084', 'Region "
                        "Hovedstaden', 1, 'then', '0190');"
                        "INSERT INTO units (municipality_code, kind, name, created_at, updated_at) "
                        "VALUES ('0190', 'administration', 'Center for Ældre', 'then', 'then');")
                    .ok());
    for (const auto& [title, language, status] :
         {std::tuple{"Zumba for ældre", "da", "open"}, std::tuple{"Zumba for eldre", "nb", "open"},
          std::tuple{"Zumba om aftenen", "da", "closed"}}) {
      ASSERT_TRUE(
          connection
              .Execute("INSERT INTO opportunities (municipality_code, unit_id, title, capacity, status, "
                       "language, created_at, updated_at) VALUES ('0190', (SELECT MIN(id) FROM units), "
                       "?, 3, ?, ?, 'then', 'then')",
                       {std::string(title), std::string(status), std::string(language)})
              .ok());
    }
  }
  auto applied = Migrate(fresh->db(), TestClock());
  ASSERT_TRUE(applied.ok()) << applied.status().log_message();
  EXPECT_EQ(*applied, LatestSchemaVersion() - 10);
  OpportunitySearchRequest request;
  request.words = {"zumba"};
  request.today = "2026-11-18";
  auto found = SearchOpportunities(fresh->db(), request);
  ASSERT_TRUE(found.ok()) << found.status().log_message();
  EXPECT_EQ(found->total, 2);
  std::vector<std::string> languages;
  for (const auto& hit : found->hits) languages.push_back(hit.language);
  std::sort(languages.begin(), languages.end());
  EXPECT_EQ(languages, (std::vector<std::string>{"da", "nb"}));
}

TEST_P(StorageContract, UnknownMunicipalityIsNotFound) {
  MunicipalityStore store(db(), TestClock());
  EXPECT_EQ(store.Get("9999").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store.SetActive(TestActor(), "9999", true, std::nullopt).status().code(), ErrorCode::kNotFound);
}

TEST_P(StorageContract, SetActiveWithAStaleRevisionFailsAndChangesNothing) {
  MunicipalityStore store(db(), TestClock());
  ASSERT_TRUE(store.UpsertReference(Furesoe()).ok());
  auto stale = store.SetActive(TestActor(), "0190", true, int64_t{7});
  EXPECT_EQ(stale.status().code(), ErrorCode::kPreconditionFailed);
  auto unchanged = store.Get("0190");
  EXPECT_FALSE(unchanged->active);
  EXPECT_EQ(unchanged->revision, 1);
  auto fresh = store.SetActive(TestActor(), "0190", true, int64_t{1});
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE(fresh->active);
  EXPECT_EQ(fresh->revision, 2);
}

TEST_P(StorageContract, SetActiveRecordsTheChangeInTheAuditLogAndAFailedOneNothing) {
  MunicipalityStore store(db(), TestClock());
  AuditStore audit(db());
  const domain::MunicipalityScope scope("0190");
  ASSERT_TRUE(store.UpsertReference(Furesoe()).ok());
  ASSERT_FALSE(store.SetActive(TestActor(), "0190", true, int64_t{7}).ok());
  EXPECT_TRUE(audit.List(scope, 10, 0)->empty()) << "a refused change leaves no entry";

  domain::Actor platform_admin = TestActor();
  platform_admin.user_id = 42;
  platform_admin.label = "user:42";
  ASSERT_TRUE(store.SetActive(platform_admin, "0190", true, std::nullopt).ok());
  ASSERT_TRUE(store.SetActive(platform_admin, "0190", false, std::nullopt).ok());
  auto entries = audit.List(scope, 10, 0);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 2u);
  const auto& activated = (*entries)[1];
  EXPECT_EQ(activated.action, "municipality.activate");
  EXPECT_EQ(activated.entity, "municipality");
  EXPECT_EQ(activated.entity_id, "0190");
  EXPECT_EQ(activated.actor_user_id, 42);
  EXPECT_EQ(activated.actor_label, "user:42");
  const auto before = nlohmann::json::parse(activated.before_json.value_or("null"));
  const auto after = nlohmann::json::parse(activated.after_json.value_or("null"));
  EXPECT_EQ(before["active"], false);
  EXPECT_EQ(after["active"], true);
  EXPECT_EQ(after["revision"], before["revision"].get<int64_t>() + 1);
  EXPECT_EQ((*entries)[0].action, "municipality.deactivate");
}

TEST_P(StorageContract, ListAllHasActiveAndInactiveMunicipalitiesByCountryThenCode) {
  MunicipalityStore store(db(), TestClock());
  ASSERT_TRUE(store.UpsertReference(HaldenBefore2020()).ok());
  ASSERT_TRUE(store.UpsertReference(Furesoe()).ok());
  ASSERT_TRUE(store.UpsertReference(Koebenhavn()).ok());
  ASSERT_TRUE(store.SetActive(TestActor(), "0190", true, std::nullopt).ok());
  auto all = store.ListAll();
  ASSERT_TRUE(all.ok());
  std::vector<std::pair<std::string, bool>> listed;
  for (const auto& m : *all) listed.emplace_back(m.code, m.active);
  EXPECT_EQ(listed,
            (std::vector<std::pair<std::string, bool>>{{"0101", false}, {"0190", true}, {"no-0101", false}}));
}

TEST_P(StorageContract, ListActivePagesByCodeWithoutGapsOrRepeats) {
  MunicipalityStore store(db(), TestClock());
  auto all = domain::ParseDanishMunicipalities(embedded::Find("data/dk/kommuner_dataforsyningen_2024.json"));
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 98u);
  for (const auto& m : *all) ASSERT_TRUE(store.UpsertReference(m).ok());
  for (size_t i = 0; i < all->size(); i += 3)
    ASSERT_TRUE(store.SetActive(TestActor(), (*all)[i].code, true, std::nullopt).ok());
  std::vector<std::string> seen;
  std::string after;
  for (int page = 0; page < 20; ++page) {
    auto rows = store.ListActive(7, after);
    ASSERT_TRUE(rows.ok());
    if (rows->empty()) break;
    for (const auto& m : *rows) {
      EXPECT_TRUE(m.active);
      seen.push_back(m.code);
    }
    after = rows->back().code;
  }
  EXPECT_EQ(seen.size(), 33u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
}

TEST_P(StorageContract, InquiriesRoundTripIncludingHostileText) {
  MunicipalityStore municipalities(db(), TestClock());
  ASSERT_TRUE(municipalities.UpsertReference(Furesoe()).ok());
  InquiryStore store(db());
  domain::Inquiry inquiry{0,
                          "0190",
                          "Robert'); DROP TABLE inquiries;--",
                          "a@b.dk",
                          "help",
                          "<script>alert(1)</script> æøå \"quoted\" ?",
                          "req1",
                          "2026-11-23T10:00:00Z"};
  auto id = store.Add(inquiry);
  ASSERT_TRUE(id.ok()) << id.status().log_message();
  EXPECT_GT(*id, 0);
  auto listed = store.ListForMunicipality("0190", 10);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().name, inquiry.name);
  EXPECT_EQ(listed->front().message, inquiry.message);
  EXPECT_EQ(listed->front().id, *id);
}

TEST_P(StorageContract, ForeignKeyViolationsBecomeFailedPrecondition) {
  InquiryStore store(db());
  auto id = store.Add({0, "9999", "A", "a@b.dk", "help", "x", "r", "2026-11-23T10:00:00Z"});
  EXPECT_EQ(id.status().code(), ErrorCode::kFailedPrecondition) << id.status().log_message();
}

TEST_P(StorageContract, UniqueViolationsBecomeAlreadyExists) {
  auto lease = db().Acquire();
  ASSERT_TRUE(lease.ok());
  const char* sql =
      "INSERT INTO municipalities (code, country, name, region_code, region_name, updated_at) VALUES (?, "
      "'dk', 'X', "
      "'1', 'R', 'now')";
  ASSERT_TRUE((*lease)->Execute(sql, {std::string("1234")}).ok());
  EXPECT_EQ((*lease)->Execute(sql, {std::string("1234")}).status().code(), ErrorCode::kAlreadyExists);
}

TEST_P(StorageContract, ATransactionThatIsNotCommittedLeavesNoTrace) {
  {
    auto lease = db().Acquire();
    ASSERT_TRUE(lease.ok());
    auto tx = Transaction::Begin(**lease, true);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*lease)
                    ->Execute("INSERT INTO municipalities (code, country, name, region_code, region_name, "
                              "updated_at) VALUES ('4321', 'dk', 'X', '1', 'R', 'now')")
                    .ok());
  }  // rolled back here
  MunicipalityStore store(db(), TestClock());
  EXPECT_EQ(store.Get("4321").status().code(), ErrorCode::kNotFound);
}

TEST_P(StorageContract, ACommittedWriteIsSeenByAnotherConnection) {
  MunicipalityStore store(db(), TestClock());
  ASSERT_TRUE(store.UpsertReference(Furesoe()).ok());
  auto other = database_->OpenAgain();
  MunicipalityStore other_store(*other, TestClock());
  auto seen = other_store.Get("0190");
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->name, "Furesø");
}

TEST_P(StorageContract, TypesRoundTrip) {
  auto lease = db().Acquire();
  ASSERT_TRUE(lease.ok());
  auto rows = (*lease)->Query("SELECT CAST(? AS BIGINT), ?, CAST(NULL AS TEXT), 1.5",
                              {int64_t{9007199254740993}, std::string("æ")});
  ASSERT_TRUE(rows.ok()) << rows.status().log_message();
  EXPECT_EQ(rows->at(0).Int(0), 9007199254740993);
  EXPECT_EQ(rows->at(0).Text(1), "æ");
  EXPECT_TRUE(rows->at(0).IsNull(2));
  EXPECT_EQ(rows->at(0).OptionalText(2), std::nullopt);
  EXPECT_DOUBLE_EQ(rows->at(0).Real(3), 1.5);
}

TEST_P(StorageContract, APoolNeverHandsOutMoreConnectionsThanItsSize) {
  auto small = database_->OpenAgain(2);
  auto a = small->Acquire();
  auto b = small->Acquire();
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  auto c = small->Acquire(std::chrono::milliseconds(50));
  EXPECT_EQ(c.status().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(small->Stats().in_use, 2);
  EXPECT_EQ(small->Stats().waits, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageContract, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

TEST(DatabaseUrl, ParsesBothSchemesAndRefusesOthers) {
  EXPECT_EQ(ParseDatabaseUrl("sqlite:demo.db")->target, "demo.db");
  EXPECT_EQ(ParseDatabaseUrl("sqlite:///tmp/x.db")->target, "/tmp/x.db");
  EXPECT_EQ(ParseDatabaseUrl("postgresql://u@h/db")->backend, Backend::kPostgres);
  EXPECT_EQ(ParseDatabaseUrl("postgres://u@h/db")->backend, Backend::kPostgres);
  EXPECT_EQ(ParseDatabaseUrl("mysql://x").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseDatabaseUrl("sqlite:").status().code(), ErrorCode::kInvalidArgument);
}

TEST(Postgres, PlaceholdersAreNumberedOutsideQuotesOnly) {
  EXPECT_EQ(RewritePlaceholders("SELECT ? , '?', \"a?\", ?"), "SELECT $1 , '?', \"a?\", $2");
}

TEST(Migrations, BackendSectionsAreKeptForTheirBackendOnly) {
  const std::string sql =
      "CREATE TABLE a (x INTEGER);\n-- @sqlite-only\nCREATE VIRTUAL TABLE f USING fts5(x);\n-- @end\n"
      "-- @postgres-only\nCREATE INDEX g ON a USING gin (x);\n-- @end\nCREATE TABLE b (y INTEGER);\n";
  EXPECT_EQ(
      KeepBackendSections(sql, Backend::kSqlite),
      "CREATE TABLE a (x INTEGER);\nCREATE VIRTUAL TABLE f USING fts5(x);\nCREATE TABLE b (y INTEGER);\n");
  EXPECT_EQ(KeepBackendSections(sql, Backend::kPostgres),
            "CREATE TABLE a (x INTEGER);\nCREATE INDEX g ON a USING gin (x);\nCREATE TABLE b (y INTEGER);\n");
}

}  // namespace
}  // namespace samskab::storage
