// Retention on both backends: old rows go, fresh ones stay, and a second run deletes nothing.
#include "storage/retention.h"

#include <gtest/gtest.h>

#include "app/app.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

class Retention : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), clock_).ok());
  }
  void Run(const std::string& sql, const Params& params = {}) {
    auto lease = db().Acquire();
    ASSERT_TRUE(lease.ok());
    auto done = (*lease)->Execute(sql, params);
    ASSERT_TRUE(done.ok()) << done.status().log_message() << "\n" << sql;
  }
  int64_t Count(const std::string& table) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  FixedClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1795000000))};  // 2026-11-18
};

TEST_P(Retention, DeletesWhatIsPastItsPeriodAndKeepsTheRest) {
  Run("INSERT INTO users (email, display_name, password_hash, created_at) VALUES ('a@b.dk', 'A', '', "
      "'2026-01-01T00:00:00Z')");
  for (const char* expires : {"2026-11-18T10:00:00Z", "2026-11-18T12:00:00Z"}) {
    Run("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, 1, "
        "'2026-11-18T00:00:00Z', '2026-11-18T00:00:00Z', ?)",
        {std::string("s") + expires, std::string(expires)});
  }
  Run("INSERT INTO one_time_tokens (token_hash, purpose, email, created_at, expires_at) VALUES "
      "('old', 'reset_password', 'a@b.dk', '2026-11-10T00:00:00Z', '2026-11-10T01:00:00Z'), "
      "('new', 'reset_password', 'a@b.dk', '2026-11-18T11:00:00Z', '2026-11-18T12:00:00Z')");
  Run("INSERT INTO login_failures (subject, failures, window_start) VALUES ('account:a', 3, "
      "'2026-11-01T00:00:00Z'), "
      "('account:b', 1, '2026-11-18T11:00:00Z')");
  Run("INSERT INTO outbox (recipient, subject, body, created_at) VALUES ('a@b.dk', 's', 'b', "
      "'2026-09-01T00:00:00Z'), "
      "('a@b.dk', 's', 'b', '2026-11-18T00:00:00Z')");
  Run("INSERT INTO inquiries (municipality_code, name, email, topic, message, request_id, created_at) VALUES "
      "('0190', 'N', 'n@b.dk', 'help', 'm', 'r', '2025-10-01T00:00:00Z'), "
      "('0190', 'N', 'n@b.dk', 'help', 'm', 'r', '2026-06-01T00:00:00Z')");
  Run("INSERT INTO audit_log (actor_label, request_id, action, entity, entity_id, at) VALUES "
      "('x', 'r', 'unit.create', 'unit', '1', '2020-01-01T00:00:00Z'), "
      "('x', 'r', 'unit.create', 'unit', '2', '2026-01-01T00:00:00Z')");
  // A CSV upload is kept a week (the clock is 2026-11-18).
  Run("INSERT INTO collaboration_imports (municipality_code, user_id, filename, content, content_hash, "
      "mapping, "
      "created_at) VALUES ('0190', 1, 'a.csv', 'x', 'h', '[]', '2026-11-10T00:00:00Z'), "
      "('0190', 1, 'b.csv', 'x', 'h', '[]', '2026-11-17T00:00:00Z')");

  // Applications: declined, withdrawn and unconfirmed ones go three years after their last change
  // (with their messages); one taken on (ended) stays, and so does a fresh declined one.
  Run("INSERT INTO organisations (name, kind, created_at, updated_at) VALUES ('O', 'association', "
      "'2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')");
  Run("INSERT INTO opportunities (municipality_code, organisation_id, title, capacity, status, created_at, "
      "updated_at) SELECT '0190', MAX(id), 'O', 1, 'open', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z' "
      "FROM organisations");
  Run("INSERT INTO applications (opportunity_id, email, name, state, created_at, updated_at) VALUES "
      "(1, 'a@x.dk', 'A', 'declined', '2023-01-01T00:00:00Z', '2023-11-17T00:00:00Z'), "
      "(1, 'b@x.dk', 'B', 'withdrawn', '2023-01-01T00:00:00Z', '2023-11-17T00:00:00Z'), "
      "(1, 'c@x.dk', 'C', 'unverified', '2023-01-01T00:00:00Z', '2023-11-17T00:00:00Z'), "
      "(1, 'd@x.dk', 'D', 'ended', '2020-01-01T00:00:00Z', '2020-06-01T00:00:00Z'), "
      "(1, 'e@x.dk', 'E', 'declined', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
  Run("INSERT INTO application_messages (application_id, from_applicant, body, created_at) VALUES "
      "(1, 0, 'Desværre', '2023-11-17T00:00:00Z'), (4, 1, 'Tak', '2020-05-01T00:00:00Z')");

  auto report = ApplyRetention(db(), clock_.Now(), RetentionPolicy{});
  ASSERT_TRUE(report.ok()) << report.status().log_message();
  EXPECT_EQ(report->applications, 3);
  EXPECT_EQ(Count("applications"), 2);
  EXPECT_EQ(Count("application_messages"), 1);
  EXPECT_EQ(report->sessions, 1);
  EXPECT_EQ(report->one_time_tokens, 1);
  EXPECT_EQ(report->login_failures, 1);
  EXPECT_EQ(report->outbox, 1);
  EXPECT_EQ(report->inquiries, 1);
  EXPECT_EQ(report->audit, 1);
  EXPECT_EQ(report->imports, 1);
  for (const char* table : {"sessions", "one_time_tokens", "login_failures", "outbox", "inquiries",
                            "audit_log", "collaboration_imports"}) {
    EXPECT_EQ(Count(table), 1) << table;
  }
  EXPECT_EQ(ApplyRetention(db(), clock_.Now(), RetentionPolicy{})->total(), 0);
}

TEST_P(Retention, AVolunteerProfileGoesAYearAfterTheVolunteerStopped) {
  for (const char* email : {"a@b.dk", "b@b.dk", "c@b.dk"})
    Run("INSERT INTO users (email, display_name, password_hash, created_at) VALUES (?, 'A', '', "
        "'2020-01-01T00:00:00Z')",
        {std::string(email)});
  // Stopped more than a year ago; stopped half a year ago; active for years without a change.
  Run("INSERT INTO volunteer_profiles (user_id, active, created_at, updated_at) VALUES "
      "(1, 0, '2020-01-01T00:00:00Z', '2025-10-01T00:00:00Z'), "
      "(2, 0, '2020-01-01T00:00:00Z', '2026-06-01T00:00:00Z'), "
      "(3, 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')");
  auto report = ApplyRetention(db(), clock_.Now(), RetentionPolicy{});
  ASSERT_TRUE(report.ok()) << report.status().log_message();
  EXPECT_EQ(report->volunteers, 1);
  EXPECT_EQ(Count("volunteer_profiles"), 2);
  EXPECT_EQ(Count("market_changes"), 1) << "the matching index learns of the deletion";
}

INSTANTIATE_TEST_SUITE_P(Backends, Retention, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
