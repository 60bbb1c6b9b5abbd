#include "storage/market_changes.h"

#include <algorithm>

namespace samskab::storage {
namespace {

// An arbitrary constant naming the market change log among PostgreSQL advisory locks.
constexpr int64_t kChangeLogLockKey = 0x6d61726b6574;

}  // namespace

Status RecordVolunteerChange(Connection& connection, int64_t profile_id, const Clock& clock) {
  if (connection.backend() == Backend::kPostgres) {
    auto locked = connection.Query("SELECT pg_advisory_xact_lock(?)", {kChangeLogLockKey});
    if (!locked.ok()) return locked.status();
  }
  auto inserted = connection.Execute(
      "INSERT INTO market_changes (kind, record_id, changed_at) VALUES ('volunteer', ?, ?)",
      {profile_id, FormatUtc(clock.Now())});
  return inserted.ok() ? Status::Ok() : inserted.status();
}

Status RecordVolunteerChanges(Connection& connection, const std::vector<int64_t>& profile_ids,
                              const Clock& clock) {
  if (connection.backend() == Backend::kPostgres) {
    auto locked = connection.Query("SELECT pg_advisory_xact_lock(?)", {kChangeLogLockKey});
    if (!locked.ok()) return locked.status();
  }
  constexpr size_t kRowsPerInsert = 500;
  const std::string now = FormatUtc(clock.Now());
  for (size_t from = 0; from < profile_ids.size(); from += kRowsPerInsert) {
    const size_t n = std::min(kRowsPerInsert, profile_ids.size() - from);
    std::string sql = "INSERT INTO market_changes (kind, record_id, changed_at) VALUES ";
    Params params;
    params.reserve(n * 2);
    for (size_t i = 0; i < n; ++i) {
      sql += i == 0 ? "('volunteer', ?, ?)" : ", ('volunteer', ?, ?)";
      params.emplace_back(profile_ids[from + i]);
      params.emplace_back(now);
    }
    auto inserted = connection.Execute(sql, params);
    if (!inserted.ok()) return inserted.status();
  }
  return Status::Ok();
}

Result<std::vector<MarketChange>> ChangesAfter(Connection& connection, int64_t after_id, int limit) {
  auto rows = connection.Query("SELECT id, record_id FROM market_changes WHERE id > ? ORDER BY id LIMIT ?",
                               {after_id, int64_t{limit}});
  if (!rows.ok()) return rows.status();
  std::vector<MarketChange> changes;
  changes.reserve(rows->size());
  for (const Row& row : *rows) changes.push_back({row.Int(0), row.Int(1)});
  return changes;
}

Result<int64_t> LatestChangeId(Connection& connection) {
  auto rows = connection.Query("SELECT COALESCE(MAX(id), 0) FROM market_changes");
  if (!rows.ok()) return rows.status();
  return rows->at(0).Int(0);
}

Result<int64_t> OldestChangeId(Connection& connection) {
  auto rows = connection.Query("SELECT COALESCE(MIN(id), 0) FROM market_changes");
  if (!rows.ok()) return rows.status();
  return rows->at(0).Int(0);
}

}  // namespace samskab::storage
