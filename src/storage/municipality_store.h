// MunicipalityRepository on the storage seam; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "core/clock.h"
#include "domain/municipality/municipality.h"
#include "storage/database.h"

namespace samskab::storage {

class MunicipalityStore final : public domain::MunicipalityRepository {
 public:
  MunicipalityStore(Database& database, const Clock& clock) : database_(database), clock_(clock) {}
  Result<domain::Municipality> Get(const std::string& code) override;
  Result<std::vector<domain::Municipality>> ListActive(int limit, const std::string& after_code) override;
  Result<std::vector<domain::Municipality>> ListAll() override;
  Result<bool> UpsertReference(const domain::Municipality& municipality) override;
  Result<domain::Municipality> SetActive(const domain::Actor& actor, const std::string& code, bool active,
                                         std::optional<int64_t> expected_revision) override;

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace samskab::storage
