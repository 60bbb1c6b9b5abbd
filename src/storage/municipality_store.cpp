#include "storage/municipality_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "storage/audit_store.h"

namespace samskab::storage {
namespace {

// The column list of FromRow(), in its order.
#define SAMSKAB_COLUMNS \
  "code, official_code, country, name, region_code, region_name, active, revision, updated_at"
constexpr char kSelectOne[] = "SELECT " SAMSKAB_COLUMNS " FROM municipalities WHERE code = ?";
constexpr char kSelectActive[] =
    "SELECT " SAMSKAB_COLUMNS " FROM municipalities WHERE active = 1 AND code > ? ORDER BY code LIMIT ?";
constexpr char kSelectAll[] = "SELECT " SAMSKAB_COLUMNS " FROM municipalities ORDER BY country, code";
#undef SAMSKAB_COLUMNS
constexpr char kInsert[] =
    "INSERT INTO municipalities (code, official_code, country, name, region_code, region_name, active, "
    "revision, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, 0, 1, ?)";
constexpr char kUpdateReference[] =
    "UPDATE municipalities SET official_code = ?, name = ?, region_code = ?, region_name = ?, "
    "revision = revision + 1, updated_at = ? WHERE code = ? "
    "AND (official_code <> ? OR name <> ? OR region_code <> ? OR region_name <> ?)";
constexpr char kUpdateActive[] =
    "UPDATE municipalities SET active = ?, revision = revision + 1, updated_at = ? WHERE code = ?";

domain::Municipality FromRow(const Row& row) {
  return {row.Text(0), row.Text(1),     row.Text(2), row.Text(3), row.Text(4),
          row.Text(5), row.Int(6) != 0, row.Int(7),  row.Text(8)};
}

// The municipality as the audit log records it.
std::string Snapshot(const domain::Municipality& m) {
  return nlohmann::json{{"code", m.code}, {"name", m.name}, {"active", m.active}, {"revision", m.revision}}
      .dump();
}

Result<domain::Municipality> GetOn(Connection& connection, const std::string& code) {
  auto rows = connection.Query(kSelectOne, {code});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound(fmt::format("municipality {} not found", code));
  return FromRow(rows->front());
}

}  // namespace

Result<domain::Municipality> MunicipalityStore::Get(const std::string& code) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetOn(**lease, code);
}

Result<std::vector<domain::Municipality>> MunicipalityStore::ListActive(int limit,
                                                                        const std::string& after_code) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSelectActive, {after_code, static_cast<int64_t>(limit)});
  if (!rows.ok()) return rows.status();
  std::vector<domain::Municipality> out;
  out.reserve(rows->size());
  for (const Row& row : *rows) out.push_back(FromRow(row));
  return out;
}

Result<std::vector<domain::Municipality>> MunicipalityStore::ListAll() {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSelectAll, {});
  if (!rows.ok()) return rows.status();
  std::vector<domain::Municipality> out;
  out.reserve(rows->size());
  for (const Row& row : *rows) out.push_back(FromRow(row));
  return out;
}

Result<bool> MunicipalityStore::UpsertReference(const domain::Municipality& m) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<bool>(database_, [&](Connection& connection) -> Result<bool> {
    auto existing = GetOn(connection, m.code);
    if (!existing.ok() && existing.status().code() == ErrorCode::kNotFound) {
      auto inserted = connection.Execute(
          kInsert, {m.code, m.official_code, m.country, m.name, m.region_code, m.region_name, now});
      if (!inserted.ok()) return inserted.status();
      return true;
    }
    if (!existing.ok()) return existing.status();
    auto updated =
        connection.Execute(kUpdateReference, {m.official_code, m.name, m.region_code, m.region_name, now,
                                              m.code, m.official_code, m.name, m.region_code, m.region_name});
    if (!updated.ok()) return updated.status();
    return *updated > 0;
  });
}

Result<domain::Municipality> MunicipalityStore::SetActive(const domain::Actor& actor, const std::string& code,
                                                          bool active,
                                                          std::optional<int64_t> expected_revision) {
  return InWriteTransaction<domain::Municipality>(
      database_, [&](Connection& connection) -> Result<domain::Municipality> {
        auto current = GetOn(connection, code);
        if (!current.ok()) return current.status();
        if (expected_revision && *expected_revision != current->revision) {
          return Status(ErrorCode::kPreconditionFailed,
                        fmt::format("municipality {} is at revision {}, not {}", code, current->revision,
                                    *expected_revision),
                        "error.precondition_failed");
        }
        const std::string now = FormatUtc(clock_.Now());
        auto updated = connection.Execute(kUpdateActive, {static_cast<int64_t>(active ? 1 : 0), now, code});
        if (!updated.ok()) return updated.status();
        auto after = GetOn(connection, code);
        if (!after.ok()) return after;
        SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, code,
                                            active ? "municipality.activate" : "municipality.deactivate",
                                            "municipality", code, Snapshot(*current), Snapshot(*after), now));
        return after;
      });
}

}  // namespace samskab::storage
