#include "domain/municipality/municipality.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace samskab::domain {
namespace {

// The string `key` of the JSON object `item`, or nullptr when `item` is not an object or the
// field is missing or not a string (so that wrong types become a Status, not an exception).
const std::string* StringField(const nlohmann::json& item, const char* key) {
  if (!item.is_object()) return nullptr;
  const auto found = item.find(key);
  if (found == item.end() || !found->is_string()) return nullptr;
  return found->get_ptr<const std::string*>();
}

bool IsFourDigits(const std::string& code) {
  return code.size() == 4 && code.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

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
    m.official_code = m.code;
    m.country = "dk";
    m.name = item["navn"].get<std::string>();
    m.region_code = region->value("kode", "");
    m.region_name = region->value("navn", "");
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<Municipality>> ParseNorwegianMunicipalities(std::string_view kommuner_json,
                                                               std::string_view fylker_json) {
  const auto fylker = nlohmann::json::parse(fylker_json, nullptr, /*allow_exceptions=*/false);
  if (!fylker.is_array()) return InvalidArgument("county (fylke) list is not a JSON array");
  std::map<std::string, std::string> county_names;  // f_id -> f_name
  for (const auto& item : fylker) {
    const std::string* id = StringField(item, "f_id");
    const std::string* name = StringField(item, "f_name");
    if (!id || !name) return InvalidArgument("county (fylke) entry without f_id or f_name");
    county_names[*id] = *name;
  }

  const auto kommuner = nlohmann::json::parse(kommuner_json, nullptr, /*allow_exceptions=*/false);
  if (!kommuner.is_array()) return InvalidArgument("municipality list is not a JSON array");
  std::vector<Municipality> out;
  out.reserve(kommuner.size());
  for (const auto& item : kommuner) {
    const std::string* id = StringField(item, "k_id");
    const std::string* name = StringField(item, "k_name_no");
    if (!name || name->empty()) name = StringField(item, "k_name");
    if (!id || !name) return InvalidArgument("municipality entry without k_id or k_name");
    if (!IsFourDigits(*id)) {
      return InvalidArgument(fmt::format("kommunenummer \"{}\" is not four digits", *id));
    }
    const std::string county = id->substr(0, 2);
    const auto county_name = county_names.find(county);
    if (county_name == county_names.end()) {
      return InvalidArgument(fmt::format("municipality {} lies in unknown county {}", *id, county));
    }
    Municipality m;
    m.code = "no-" + *id;
    m.official_code = *id;
    m.country = "no";
    m.name = *name;
    m.region_code = county;
    m.region_name = county_name->second;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace samskab::domain
