// Municipal units: administration (forvaltning) -> center -> department (afdeling). Every unit
// belongs to one municipality; staff (municipal_employee) are placed in a unit (issue 3).
//
// Rules (CheckPlacement): an administration has no parent; a center's parent is an
// administration; a department's parent is a center; a parent is in the same municipality.
// A unit with children cannot be deleted. Names are 1-200 characters, unique among siblings.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "domain/audit/audit.h"

namespace samskab::domain {

enum class UnitKind { kAdministration, kCenter, kDepartment };

const char* UnitKindName(UnitKind kind);
std::optional<UnitKind> ParseUnitKind(std::string_view name);

struct Unit {
  int64_t id = 0;
  std::string municipality_code;
  std::optional<int64_t> parent_id;
  UnitKind kind = UnitKind::kDepartment;
  std::string name;
  int64_t revision = 1;
  std::string created_at;
  std::string updated_at;
};

// The municipality whose data a caller may touch. Tenant repositories take one on every call, so
// no query can forget the municipality; the policy module (issue 3) decides which scope a
// request gets. An id from another municipality is simply not found.
class MunicipalityScope {
 public:
  explicit MunicipalityScope(std::string municipality_code) : code_(std::move(municipality_code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// The unit as the API shows it and the audit log records it (one representation for both).
nlohmann::json UnitToJson(const Unit& unit);

// Checks that a unit of `kind` may hang below `parent` (nullopt: at the top). kInvalidArgument
// with a catalog key naming the rule when it may not.
Status CheckPlacement(UnitKind kind, const std::optional<Unit>& parent);

// Each unit's depth in the hierarchy (0 at the top), for lists that indent the tree. `units` comes
// parents before children, as UnitRepository::List returns them.
std::map<int64_t, int> UnitDepths(const std::vector<Unit>& units);

// Trims the name and checks its length (1-200 characters).
Status NormaliseUnitName(std::string& name);

class UnitRepository {
 public:
  virtual ~UnitRepository() = default;
  virtual Result<Unit> Get(const MunicipalityScope& scope, int64_t id) = 0;
  // All units of the municipality, parents before children, siblings by name.
  virtual Result<std::vector<Unit>> List(const MunicipalityScope& scope) = 0;
  // Writes record `actor` in the audit log, in the same transaction.
  // Checks the placement rules; kAlreadyExists when a sibling has the same name.
  virtual Result<Unit> Create(const MunicipalityScope& scope, const Actor& actor, Unit unit) = 0;
  // Renames (and may move) a unit. kPreconditionFailed when `expected_revision` is stale.
  virtual Result<Unit> Update(const MunicipalityScope& scope, const Actor& actor, Unit unit,
                              int64_t expected_revision) = 0;
  // kFailedPrecondition while the unit has children.
  virtual Status Delete(const MunicipalityScope& scope, const Actor& actor, int64_t id,
                        int64_t expected_revision) = 0;
};

}  // namespace samskab::domain
