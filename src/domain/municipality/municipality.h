// A municipality: the tenant that owns municipal data. Plain value type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/audit/audit.h"

namespace samskab::domain {

struct Municipality {
  // The platform key, unique across countries: the official code in Denmark ("0190"), "no-" and
  // the kommunenummer in Norway ("no-0301"). See docs/decisions/0004-municipality-keys.md.
  std::string code;
  std::string official_code;  // the country's own four-digit code: "0190", "0301"
  std::string country;        // "dk" or "no"
  std::string name;
  std::string region_code;
  std::string region_name;
  bool active = false;
  int64_t revision = 1;  // grows on every change; the API's ETag
  std::string updated_at;
};

// Storage of municipalities. Implementations are thread-safe.
class MunicipalityRepository {
 public:
  virtual ~MunicipalityRepository() = default;
  virtual Result<Municipality> Get(const std::string& code) = 0;
  // Active municipalities ordered by code, starting after `after_code` (keyset pagination).
  virtual Result<std::vector<Municipality>> ListActive(int limit, const std::string& after_code) = 0;
  // Every municipality, active or not, by country and code (the platform admin's list).
  virtual Result<std::vector<Municipality>> ListAll() = 0;
  // Inserts or refreshes the reference fields (official code, name, region); keeps `active`.
  // Returns true when anything changed, so that an idempotent import does not bump revisions.
  virtual Result<bool> UpsertReference(const Municipality& municipality) = 0;
  // Sets `active`. With `expected_revision`, fails with kPreconditionFailed when the stored
  // revision differs (optimistic concurrency for If-Match). Records "municipality.activate" or
  // "municipality.deactivate" for `actor` in the audit log, in the same transaction.
  virtual Result<Municipality> SetActive(const Actor& actor, const std::string& code, bool active,
                                         std::optional<int64_t> expected_revision) = 0;
};

// Reads DAWA's municipality list (data/dk/kommuner_dataforsyningen_2024.json). Christiansø,
// which lies outside the municipal division, is left out: 98 municipalities.
Result<std::vector<Municipality>> ParseDanishMunicipalities(std::string_view json);

// Reads the Norwegian municipality and county lists (data/no/kommuner-2025.json and
// fylker-2025.json): 357 municipalities. The county (fylke) is the first two digits of the
// kommunenummer; the name is the Norwegian one (`k_name_no`), which differs from `k_name` where
// that is the Sami name (e.g. Guovdageaidnu / Kautokeino).
Result<std::vector<Municipality>> ParseNorwegianMunicipalities(std::string_view kommuner_json,
                                                               std::string_view fylker_json);

}  // namespace samskab::domain
