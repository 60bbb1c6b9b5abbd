#include "storage/unit_store.h"

#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "storage/audit_store.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Unit;

// The column list of FromRow(), in its order.
#define SAMSKAB_COLUMNS "id, municipality_code, parent_id, kind, name, revision, created_at, updated_at"
constexpr char kSelectOne[] = "SELECT " SAMSKAB_COLUMNS " FROM units WHERE municipality_code = ? AND id = ?";
constexpr char kSelectAll[] =
    "SELECT " SAMSKAB_COLUMNS " FROM units WHERE municipality_code = ? ORDER BY name, id";
#undef SAMSKAB_COLUMNS
constexpr char kSiblingNamed[] =
    "SELECT COUNT(*) FROM units WHERE municipality_code = ? AND COALESCE(parent_id, 0) = ? AND name = ? AND "
    "id <> ?";
constexpr char kInsert[] =
    "INSERT INTO units (municipality_code, parent_id, kind, name, revision, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr char kUpdate[] =
    "UPDATE units SET parent_id = ?, name = ?, revision = revision + 1, updated_at = ? "
    "WHERE municipality_code = ? AND id = ? AND revision = ?";
constexpr char kChildren[] = "SELECT COUNT(*) FROM units WHERE municipality_code = ? AND parent_id = ?";
constexpr char kDelete[] = "DELETE FROM units WHERE municipality_code = ? AND id = ? AND revision = ?";

Unit FromRow(const Row& row) {
  Unit unit;
  unit.id = row.Int(0);
  unit.municipality_code = row.Text(1);
  if (!row.IsNull(2)) unit.parent_id = row.Int(2);
  unit.kind = domain::ParseUnitKind(row.Text(3)).value_or(domain::UnitKind::kDepartment);
  unit.name = row.Text(4);
  unit.revision = row.Int(5);
  unit.created_at = row.Text(6);
  unit.updated_at = row.Text(7);
  return unit;
}

Result<Unit> GetOn(Connection& connection, const MunicipalityScope& scope, int64_t id) {
  auto rows = connection.Query(kSelectOne, {scope.code(), id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound(fmt::format("unit {} not found in municipality {}", id, scope.code()));
  return FromRow(rows->front());
}

// The placement rules and the sibling-name rule, checked inside the write transaction.
Status CheckRules(Connection& connection, const MunicipalityScope& scope, const Unit& unit) {
  std::optional<Unit> parent;
  if (unit.parent_id) {
    auto found = GetOn(connection, scope, *unit.parent_id);
    if (!found.ok()) {
      if (found.status().code() == ErrorCode::kNotFound) {
        return InvalidArgument("parent unit not found in this municipality", "unit.error.parent_not_found");
      }
      return found.status();
    }
    if (found->id == unit.id)
      return InvalidArgument("a unit cannot be its own parent", "unit.error.center_parent");
    parent = std::move(found).value();
  }
  SAMSKAB_RETURN_IF_ERROR(domain::CheckPlacement(unit.kind, parent));
  auto same_name =
      connection.Query(kSiblingNamed, {scope.code(), unit.parent_id.value_or(0), unit.name, unit.id});
  if (!same_name.ok()) return same_name.status();
  if (same_name->front().Int(0) > 0) {
    return Status(ErrorCode::kAlreadyExists, "a sibling unit has that name", "unit.error.name_taken");
  }
  return Status::Ok();
}

}  // namespace

Result<Unit> UnitStore::Get(const MunicipalityScope& scope, int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetOn(**lease, scope, id);
}

Result<std::vector<Unit>> UnitStore::List(const MunicipalityScope& scope) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSelectAll, {scope.code()});
  if (!rows.ok()) return rows.status();
  // Parents before children: walk the tree from the top, siblings in name order.
  std::multimap<int64_t, Unit> by_parent;  // 0: top level
  for (const Row& row : *rows) {
    Unit unit = FromRow(row);
    by_parent.emplace(unit.parent_id.value_or(0), std::move(unit));
  }
  std::vector<Unit> ordered;
  ordered.reserve(rows->size());
  std::function<void(int64_t)> visit = [&](int64_t parent) {
    auto [begin, end] = by_parent.equal_range(parent);
    std::vector<Unit> level;
    for (auto it = begin; it != end; ++it) level.push_back(it->second);
    std::stable_sort(level.begin(), level.end(),
                     [](const Unit& a, const Unit& b) { return a.name < b.name; });
    for (auto& unit : level) {
      const int64_t id = unit.id;
      ordered.push_back(std::move(unit));
      visit(id);
    }
  };
  visit(0);
  return ordered;
}

Result<Unit> UnitStore::Create(const MunicipalityScope& scope, const domain::Actor& actor, Unit unit) {
  SAMSKAB_RETURN_IF_ERROR(domain::NormaliseUnitName(unit.name));
  unit.id = 0;
  unit.municipality_code = scope.code();
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Unit>(database_, [&](Connection& connection) -> Result<Unit> {
    SAMSKAB_RETURN_IF_ERROR(CheckRules(connection, scope, unit));
    auto rows =
        connection.Query(kInsert, {scope.code(), NullIfEmpty(unit.parent_id),
                                   std::string(domain::UnitKindName(unit.kind)), unit.name, now, now});
    if (!rows.ok()) return rows.status();
    auto created = GetOn(connection, scope, rows->front().Int(0));
    if (!created.ok()) return created;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "unit.create", "unit",
                                        std::to_string(created->id), std::nullopt,
                                        domain::UnitToJson(*created).dump(), now));
    return created;
  });
}

Result<Unit> UnitStore::Update(const MunicipalityScope& scope, const domain::Actor& actor, Unit unit,
                               int64_t expected_revision) {
  SAMSKAB_RETURN_IF_ERROR(domain::NormaliseUnitName(unit.name));
  return InWriteTransaction<Unit>(database_, [&](Connection& connection) -> Result<Unit> {
    auto current = GetOn(connection, scope, unit.id);
    if (!current.ok()) return current.status();
    if (current->revision != expected_revision) {
      return Status(
          ErrorCode::kPreconditionFailed,
          fmt::format("unit {} is at revision {}, not {}", unit.id, current->revision, expected_revision),
          "error.precondition_failed");
    }
    unit.kind = current->kind;  // a unit keeps its kind; moving it must respect the rules
    SAMSKAB_RETURN_IF_ERROR(CheckRules(connection, scope, unit));
    const std::string now = FormatUtc(clock_.Now());
    auto updated = connection.Execute(
        kUpdate, {NullIfEmpty(unit.parent_id), unit.name, now, scope.code(), unit.id, expected_revision});
    if (!updated.ok()) return updated.status();
    auto after = GetOn(connection, scope, unit.id);
    if (!after.ok()) return after;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "unit.update", "unit",
                                        std::to_string(unit.id), domain::UnitToJson(*current).dump(),
                                        domain::UnitToJson(*after).dump(), now));
    return after;
  });
}

Status UnitStore::Delete(const MunicipalityScope& scope, const domain::Actor& actor, int64_t id,
                         int64_t expected_revision) {
  auto result = InWriteTransaction<int64_t>(database_, [&](Connection& connection) -> Result<int64_t> {
    auto current = GetOn(connection, scope, id);
    if (!current.ok()) return current.status();
    if (current->revision != expected_revision) {
      return Status(ErrorCode::kPreconditionFailed, "stale revision", "error.precondition_failed");
    }
    auto children = connection.Query(kChildren, {scope.code(), id});
    if (!children.ok()) return children.status();
    if (children->front().Int(0) > 0) {
      return Status(ErrorCode::kFailedPrecondition, "unit has children", "unit.error.has_children");
    }
    auto deleted = connection.Execute(kDelete, {scope.code(), id, expected_revision});
    if (!deleted.ok()) return deleted;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "unit.delete", "unit",
                                        std::to_string(id), domain::UnitToJson(*current).dump(), std::nullopt,
                                        FormatUtc(clock_.Now())));
    return deleted;
  });
  return result.status();
}

}  // namespace samskab::storage
