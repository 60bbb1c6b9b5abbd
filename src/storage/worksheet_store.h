// Center worksheets (the memo's discussion guide, domain/worksheet) on the storage seam: one per
// unit of the municipality and year, saved with a revision check and audited. Who may fill in
// which unit's worksheet is the pages' question (the collaborations' reach rule); the store makes
// sure the unit is the municipality's.
#pragma once

#include <cstdint>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/unit/unit.h"
#include "domain/worksheet/worksheet.h"
#include "storage/database.h"

namespace samskab::storage {

class WorksheetStore {
 public:
  WorksheetStore(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  // kNotFound when the unit has no worksheet for the year (or is not the municipality's).
  Result<domain::Worksheet> Get(const domain::MunicipalityScope& scope, int64_t unit_id, int year);
  // The municipality's worksheets with their unit's name, newest year first, then by unit name.
  Result<std::vector<domain::Worksheet>> List(const domain::MunicipalityScope& scope);
  // Creates the unit's worksheet for the year (`expected_revision` 0) or updates it (the revision
  // the caller read). A stale revision, or 0 when someone created it in between:
  // kPreconditionFailed "worksheet.error.stale", nothing changed. kNotFound
  // "worksheet.error.unit_not_found" for a unit of another municipality; kInvalidArgument naming
  // every bad field.
  Result<domain::Worksheet> Save(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                                 domain::Worksheet worksheet, int64_t expected_revision);

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace samskab::storage
