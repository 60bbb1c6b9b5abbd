#include "domain/unit/unit.h"

#include "core/text.h"
#include "domain/inquiry/inquiry.h"

namespace samskab::domain {

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kAdministration:
      return "administration";
    case UnitKind::kCenter:
      return "center";
    case UnitKind::kDepartment:
      return "department";
  }
  return "department";
}

nlohmann::json UnitToJson(const Unit& unit) {
  return {{"id", unit.id},
          {"municipality_code", unit.municipality_code},
          {"parent_id", unit.parent_id ? nlohmann::json(*unit.parent_id) : nlohmann::json(nullptr)},
          {"kind", UnitKindName(unit.kind)},
          {"name", unit.name},
          {"revision", unit.revision},
          {"created_at", unit.created_at},
          {"updated_at", unit.updated_at}};
}

std::optional<UnitKind> ParseUnitKind(std::string_view name) {
  for (const UnitKind kind : {UnitKind::kAdministration, UnitKind::kCenter, UnitKind::kDepartment}) {
    if (name == UnitKindName(kind)) return kind;
  }
  return std::nullopt;
}

Status CheckPlacement(UnitKind kind, const std::optional<Unit>& parent) {
  switch (kind) {
    case UnitKind::kAdministration:
      if (parent)
        return InvalidArgument("an administration has no parent", "unit.error.administration_parent");
      return Status::Ok();
    case UnitKind::kCenter:
      if (!parent || parent->kind != UnitKind::kAdministration) {
        return InvalidArgument("a center belongs to an administration", "unit.error.center_parent");
      }
      return Status::Ok();
    case UnitKind::kDepartment:
      if (!parent || parent->kind != UnitKind::kCenter) {
        return InvalidArgument("a department belongs to a center", "unit.error.department_parent");
      }
      return Status::Ok();
  }
  return InvalidArgument("unknown unit kind");
}

Status NormaliseUnitName(std::string& name) {
  name = std::string(text::Trim(name));
  if (name.empty()) return InvalidArgument("unit name is empty", "validation.required");
  if (CharacterCount(name) > 200) return InvalidArgument("unit name is too long", "validation.too_long");
  return Status::Ok();
}

std::map<int64_t, int> UnitDepths(const std::vector<Unit>& units) {
  std::map<int64_t, int> depth;
  for (const auto& unit : units) {
    const auto parent = unit.parent_id ? depth.find(*unit.parent_id) : depth.end();
    depth[unit.id] = parent == depth.end() ? 0 : parent->second + 1;
  }
  return depth;
}

}  // namespace samskab::domain
