// UnitRepository on the storage seam; the same SQL serves SQLite and PostgreSQL. Every
// statement is restricted to the scope's municipality.
#pragma once

#include "core/clock.h"
#include "domain/unit/unit.h"
#include "storage/database.h"

namespace samskab::storage {

class UnitStore final : public domain::UnitRepository {
 public:
  UnitStore(Database& database, const Clock& clock) : database_(database), clock_(clock) {}
  Result<domain::Unit> Get(const domain::MunicipalityScope& scope, int64_t id) override;
  Result<std::vector<domain::Unit>> List(const domain::MunicipalityScope& scope) override;
  Result<domain::Unit> Create(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                              domain::Unit unit) override;
  Result<domain::Unit> Update(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                              domain::Unit unit, int64_t expected_revision) override;
  Status Delete(const domain::MunicipalityScope& scope, const domain::Actor& actor, int64_t id,
                int64_t expected_revision) override;

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace samskab::storage
