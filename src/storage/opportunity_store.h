// Opportunities (recruitment posts, domain/market/opportunity.h) on the storage seam, written once
// for both backends. Who manages which (docs/decisions/0011-volunteers.md):
//  - the staff of a municipality see every opportunity in it, drafts included; they post and
//    change those of the units in their reach (the API checks the reach, like collaborations);
//  - the admins and members of an organisation see and change their organisation's, in whichever
//    municipality it posted them;
//  - everyone sees open ones.
// An opportunity outside the caller's reach is "not found", exactly like one that does not exist.
// Every write is audited in its transaction, in the opportunity's municipality.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/market/opportunity.h"
#include "domain/place/postcodes.h"
#include "storage/database.h"

namespace samskab::storage {

// Whose opportunities a caller manages: a municipality's (its staff: the policy's decision) and
// organisations' (the organisations the caller is an admin or member of).
struct OpportunityManager {
  std::string municipality_code;
  std::vector<int64_t> organisation_ids;
  bool Covers(const domain::Opportunity& opportunity) const;
  bool empty() const { return municipality_code.empty() && organisation_ids.empty(); }
};

struct OpportunityPage {
  std::vector<domain::Opportunity> items;  // newest first
  int64_t total = 0;
};

class OpportunityStore {
 public:
  OpportunityStore(Database& database, const Clock& clock, const domain::PostcodeDirectory& postcodes)
      : database_(database), clock_(clock), postcodes_(postcodes) {}

  std::vector<FieldProblem> Normalise(domain::Opportunity& opportunity) const;

  // kNotFound "opportunity.error.not_found" unless the manager covers it.
  Result<domain::Opportunity> Get(const OpportunityManager& manager, int64_t id);
  // An open opportunity, for everyone; drafts and closed ones are "not found".
  Result<domain::Opportunity> GetOpen(int64_t id);
  // The manager's opportunities, optionally of one status.
  Result<OpportunityPage> List(const OpportunityManager& manager,
                               std::optional<domain::OpportunityStatus> status, int64_t offset,
                               int64_t limit);

  // Posts an opportunity in `opportunity.municipality_code`, which must exist and be active
  // ("municipality_code": opportunity.error.municipality); a unit must be the municipality's
  // ("unit_id": opportunity.error.unknown_unit), an organisation must exist. Sets the language
  // from the municipality's country and organisation_kind from the organisation.
  Result<domain::Opportunity> Create(const domain::Actor& actor, domain::Opportunity opportunity);
  // Changes the manager's opportunity at the revision the caller read. The municipality and the
  // organisation stay; a unit-posted one may move to another unit of the municipality.
  // kPreconditionFailed "opportunity.error.stale" when stale, nothing changed.
  Result<domain::Opportunity> Update(const OpportunityManager& manager, const domain::Actor& actor,
                                     domain::Opportunity opportunity, int64_t expected_revision);
  // Deletes it; kFailedPrecondition "opportunity.error.has_applications" once someone applied
  // (close it instead: the applications are the applicants' data).
  Status Delete(const OpportunityManager& manager, const domain::Actor& actor, int64_t id,
                int64_t expected_revision);

 private:
  Database& database_;
  const Clock& clock_;
  const domain::PostcodeDirectory& postcodes_;
};

// The organisation's kind copied onto the opportunities it posted (organisation_kind: the search's
// facet reads it there). The organisation store calls it in the transaction that changes the kind,
// so the facet never disagrees with the profile. The posts' revisions stay: the kind is derived
// from the organisation, not part of what their posters wrote.
Status RefreshOpportunityOrganisationKind(Connection& connection, int64_t organisation_id,
                                          std::string_view kind);

}  // namespace samskab::storage
