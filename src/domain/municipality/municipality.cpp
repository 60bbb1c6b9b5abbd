#include "domain/municipality/municipality.h"

#include <nlohmann/json.hpp>

namespace samskab::domain {

Result<std::vector<Municipality>> ParseDanishMunicipalities(std::string_view json) {
  const auto document = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!document.is_array()) return InvalidArgument("municipality list is not a JSON array");
  std::vector<Municipality> out;
  for (const auto& item : document) {
    if (item.value("udenforkommuneinddeling", false)) continue;
    const auto* region = item.contains("region") ? &item["region"] : nullptr;
    if (!item.contains("kode") || !item.contains("navn") || !region || !region->is_object()) {
      return InvalidArgument("municipality entry without kode, navn or region");
    }
    Municipality m;
    m.code = item["kode"].get<std::string>();
    m.country = "dk";
    m.name = item["navn"].get<std::string>();
    m.region_code = region->value("kode", "");
    m.region_name = region->value("navn", "");
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace samskab::domain
