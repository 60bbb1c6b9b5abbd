// Partnership agreements on the storage seam (same SQL for SQLite and PostgreSQL), scoped to the
// municipality, audited. A signed agreement sets its collaboration's `partnership_agreement` fact
// (and so its placement), in the same transaction: the fact and the agreement cannot disagree.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/agreement/agreement.h"
#include "domain/audit/audit.h"
#include "domain/unit/unit.h"
#include "storage/database.h"

namespace samskab::storage {

class AgreementStore {
 public:
  AgreementStore(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  Result<domain::PartnershipAgreement> Get(const domain::MunicipalityScope& scope, int64_t id);
  Result<std::vector<domain::PartnershipAgreement>> ListForCollaboration(
      const domain::MunicipalityScope& scope, int64_t collaboration_id);
  // kNotFound for a collaboration of another municipality; kInvalidArgument naming every field.
  Result<domain::PartnershipAgreement> Create(const domain::MunicipalityScope& scope,
                                              const domain::Actor& actor,
                                              domain::PartnershipAgreement agreement);
  Result<domain::PartnershipAgreement> Update(const domain::MunicipalityScope& scope,
                                              const domain::Actor& actor,
                                              domain::PartnershipAgreement agreement,
                                              int64_t expected_revision);
  Status Delete(const domain::MunicipalityScope& scope, const domain::Actor& actor, int64_t id,
                int64_t expected_revision);

  // A person's reminders, in every municipality they work in: agreements they are responsible for,
  // not ended, whose reminder has started by `today` (YYYY-MM-DD), soonest review first.
  Result<std::vector<domain::PartnershipAgreement>> DueFor(int64_t user_id, const std::string& today);

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace samskab::storage
