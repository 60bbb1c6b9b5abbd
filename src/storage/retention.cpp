#include "storage/retention.h"

#include "core/clock.h"
#include "storage/market_changes.h"

namespace samskab::storage {

Result<RetentionReport> ApplyRetention(Database& database, std::chrono::system_clock::time_point now,
                                       const RetentionPolicy& policy) {
  const auto before = [&](std::chrono::hours age) { return FormatUtc(now - age); };
  const std::string current = FormatUtc(now);
  return InWriteTransaction<RetentionReport>(
      database, [&](Connection& connection) -> Result<RetentionReport> {
        RetentionReport report;
        int64_t application_messages = 0;  // counted with their applications
        struct Step {
          const char* sql;
          std::string cutoff;
          int64_t* count;
        };
        const Step steps[] = {
            {"DELETE FROM sessions WHERE expires_at <= ?", current, &report.sessions},
            {"DELETE FROM one_time_tokens WHERE expires_at <= ? OR used_at <= ?", before(policy.used_links),
             &report.one_time_tokens},
            {"DELETE FROM login_failures WHERE window_start <= ?", before(policy.login_failures),
             &report.login_failures},
            {"DELETE FROM outbox WHERE created_at <= ?", before(policy.outbox), &report.outbox},
            {"DELETE FROM inquiries WHERE created_at <= ?", before(policy.inquiries), &report.inquiries},
            {"DELETE FROM audit_log WHERE at <= ?", before(policy.audit), &report.audit},
            {"DELETE FROM collaboration_imports WHERE created_at <= ?", before(policy.imports),
             &report.imports},
            // The messages first: they refer to their application.
            {"DELETE FROM application_messages WHERE application_id IN (SELECT id FROM applications WHERE "
             "state IN ('declined', 'withdrawn', 'unverified') AND updated_at <= ?)",
             before(policy.applications), &application_messages},
            {"DELETE FROM applications WHERE state IN ('declined', 'withdrawn', 'unverified') AND updated_at "
             "<= ?",
             before(policy.applications), &report.applications},
        };
        for (const auto& step : steps) {
          Params params = {step.cutoff};
          if (std::string_view(step.sql).find("OR used_at") != std::string_view::npos)
            params.push_back(step.cutoff);
          auto deleted = connection.Execute(step.sql, params);
          if (!deleted.ok()) return deleted.status();
          *step.count = *deleted;
        }
        // Stopped volunteers: each deletion is a change the matching index must follow.
        auto stopped =
            connection.Query("SELECT id FROM volunteer_profiles WHERE active = 0 AND updated_at <= ?",
                             {before(policy.stopped_volunteers)});
        if (!stopped.ok()) return stopped.status();
        const FixedClock clock(now);
        for (const Row& row : *stopped) {
          auto deleted = connection.Execute("DELETE FROM volunteer_profiles WHERE id = ?", {row.Int(0)});
          if (!deleted.ok()) return deleted.status();
          SAMSKAB_RETURN_IF_ERROR(RecordVolunteerChange(connection, row.Int(0), clock));
          report.volunteers += *deleted;
        }
        // After the volunteers' deletions, which add to it. An index further behind than the oldest
        // entry left loads everything again (volunteer_index.cpp).
        auto pruned = connection.Execute(
            "DELETE FROM market_changes WHERE changed_at <= ? AND id < (SELECT MAX(id) FROM market_changes)",
            {before(policy.market_changes)});
        if (!pruned.ok()) return pruned.status();
        report.market_changes = *pruned;
        return report;
      });
}

}  // namespace samskab::storage
