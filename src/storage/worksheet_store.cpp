#include "storage/worksheet_store.h"

#include <fmt/format.h>

#include "storage/audit_store.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Worksheet;

#define SAMSKAB_COLUMNS                                                                              \
  "w.id, w.municipality_code, w.unit_id, u.name, w.year, w.work_areas, w.priorities, w.quadrants, "  \
  "w.quadrants_note, w.spreading, w.relatives, w.local_possibilities, w.contact_owner, w.revision, " \
  "w.created_at, w.updated_at FROM center_worksheets w JOIN units u ON u.municipality_code = "       \
  "w.municipality_code AND u.id = w.unit_id"
constexpr char kSelectOne[] =
    "SELECT " SAMSKAB_COLUMNS " WHERE w.municipality_code = ? AND w.unit_id = ? AND w.year = ?";
constexpr char kSelectAll[] =
    "SELECT " SAMSKAB_COLUMNS " WHERE w.municipality_code = ? ORDER BY w.year DESC, u.name, w.id";
#undef SAMSKAB_COLUMNS
constexpr char kUnitExists[] = "SELECT COUNT(*) FROM units WHERE municipality_code = ? AND id = ?";
constexpr char kInsert[] =
    "INSERT INTO center_worksheets (municipality_code, unit_id, year, work_areas, priorities, quadrants, "
    "quadrants_note, spreading, relatives, local_possibilities, contact_owner, revision, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
constexpr char kUpdate[] =
    "UPDATE center_worksheets SET work_areas = ?, priorities = ?, quadrants = ?, quadrants_note = ?, "
    "spreading = ?, relatives = ?, local_possibilities = ?, contact_owner = ?, revision = revision + 1, "
    "updated_at = ? WHERE municipality_code = ? AND unit_id = ? AND year = ? AND revision = ?";

Worksheet FromRow(const Row& row) {
  Worksheet w;
  w.id = row.Int(0);
  w.municipality_code = row.Text(1);
  w.unit_id = row.Int(2);
  w.unit_name = row.Text(3);
  w.year = static_cast<int>(row.Int(4));
  w.work_areas = row.Text(5);
  w.priorities = row.Text(6);
  w.quadrants = domain::SplitQuadrants(row.Text(7));
  w.quadrants_note = row.Text(8);
  w.spreading = row.Text(9);
  w.relatives = row.Text(10);
  w.local_possibilities = row.Text(11);
  w.contact_owner = row.Text(12);
  w.revision = row.Int(13);
  w.created_at = row.Text(14);
  w.updated_at = row.Text(15);
  return w;
}

Result<std::optional<Worksheet>> Find(Connection& connection, const MunicipalityScope& scope, int64_t unit_id,
                                      int year) {
  auto rows = connection.Query(kSelectOne, {scope.code(), unit_id, int64_t{year}});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Worksheet>();
  return std::optional<Worksheet>(FromRow(rows->front()));
}

Status Stale(const Worksheet& w) {
  return Status(ErrorCode::kPreconditionFailed,
                fmt::format("stale worksheet revision for unit {} year {}", w.unit_id, w.year),
                "worksheet.error.stale");
}

}  // namespace

Result<Worksheet> WorksheetStore::Get(const MunicipalityScope& scope, int64_t unit_id, int year) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto found = Find(**lease, scope, unit_id, year);
  if (!found.ok()) return found.status();
  if (!found->has_value())
    return NotFound(fmt::format("no worksheet for unit {} in {} for {}", unit_id, scope.code(), year),
                    "worksheet.error.not_found");
  return std::move(**found);
}

Result<std::vector<Worksheet>> WorksheetStore::List(const MunicipalityScope& scope) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSelectAll, {scope.code()});
  if (!rows.ok()) return rows.status();
  std::vector<Worksheet> list;
  for (const Row& row : *rows) list.push_back(FromRow(row));
  return list;
}

Result<Worksheet> WorksheetStore::Save(const MunicipalityScope& scope, const domain::Actor& actor,
                                       Worksheet w, int64_t expected_revision) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Worksheet>(database_, [&](Connection& connection) -> Result<Worksheet> {
    auto unit = connection.Query(kUnitExists, {scope.code(), w.unit_id});
    if (!unit.ok()) return unit.status();
    if (unit->front().Int(0) == 0)
      return NotFound(fmt::format("unit {} not in {}", w.unit_id, scope.code()),
                      "worksheet.error.unit_not_found");
    std::vector<FieldProblem> problems = domain::NormaliseWorksheet(w);
    if (!problems.empty()) return ValidationFailed(std::move(problems));
    auto current = Find(connection, scope, w.unit_id, w.year);
    if (!current.ok()) return current.status();
    const std::string quadrants = domain::JoinQuadrants(w.quadrants);
    if (!current->has_value()) {
      if (expected_revision != 0) return Stale(w);
      auto inserted =
          connection.Execute(kInsert, {scope.code(), w.unit_id, int64_t{w.year}, w.work_areas, w.priorities,
                                       quadrants, w.quadrants_note, w.spreading, w.relatives,
                                       w.local_possibilities, w.contact_owner, now, now});
      // Started by two people at once: the second learns it exists, as with a stale revision.
      if (!inserted.ok())
        return inserted.status().code() == ErrorCode::kAlreadyExists ? Stale(w) : inserted.status();
    } else {
      if ((*current)->revision != expected_revision) return Stale(w);
      auto updated =
          connection.Execute(kUpdate, {w.work_areas, w.priorities, quadrants, w.quadrants_note, w.spreading,
                                       w.relatives, w.local_possibilities, w.contact_owner, now, scope.code(),
                                       w.unit_id, int64_t{w.year}, expected_revision});
      if (!updated.ok()) return updated.status();
      if (*updated == 0) return Stale(w);
    }
    auto saved = Find(connection, scope, w.unit_id, w.year);
    if (!saved.ok()) return saved.status();
    if (!saved->has_value()) return Internal("saved worksheet not found");
    const bool created = !current->has_value();
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(
        connection, actor, scope.code(), created ? "worksheet.create" : "worksheet.update", "worksheet",
        std::to_string((*saved)->id),
        created ? std::nullopt : std::optional<std::string>(domain::WorksheetToJson(**current).dump()),
        domain::WorksheetToJson(**saved).dump(), now));
    return std::move(**saved);
  });
}

}  // namespace samskab::storage
