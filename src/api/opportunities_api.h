// Opportunities over JSON (issue 5, items 2 and 6; docs/decisions/0011-volunteers.md):
//   GET  /api/v1/opportunities       what the caller manages: their municipality's (staff, drafts
//                                    included) and their organisations' (admins and members);
//                                    `status`, `limit`, `cursor`
//   POST /api/v1/opportunities       a unit's post (staff, unit_id in their reach, in their own
//                                    municipality) or an organisation's (its admins and members,
//                                    organisation_id, in the active municipality they choose)
//   GET  /api/v1/opportunities/{id}  open ones for everyone; drafts and closed ones for who manages
//   PUT/DELETE /api/v1/opportunities/{id}  who posted it (the unit's reach, or the organisation's
//                                    people), with If-Match
// The routes admit every signed-in caller and decide here, since staff and organisations share
// them; the municipality of staff is still the policy's decision (domain::Authorise).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/market/opportunity.h"
#include "domain/unit/unit.h"
#include "http/router.h"
#include "storage/opportunity_store.h"

namespace samskab::api {

struct OpportunityApiDependencies {
  storage::OpportunityStore& opportunities;
  domain::UnitRepository& units;
};

// Whose opportunities the request's caller manages. Staff's municipality comes from the policy
// (with ?municipality= for callers in several); kPermissionDenied and the like only when the
// caller manages nothing at all and asked as staff.
Result<storage::OpportunityManager> OpportunityManagerOf(const http::Request& request);

// Whether the caller may change `current` (and move it to `new_unit_id`): an organisation's post
// by the organisation's admins and members, a unit's post by staff with the unit in their reach.
Status CheckMayChangeOpportunity(const http::Request& request, domain::UnitRepository& units,
                                 const domain::Opportunity* current, const domain::Opportunity& wanted);

// Reads a POST or PUT body onto `opportunity` (fields not named keep their value; capacity and
// title are required). Every problem is reported at once, with the domain's rules.
Status ReadOpportunityBody(const nlohmann::json& body, const storage::OpportunityStore& store,
                           domain::Opportunity& opportunity, bool creating);

void RegisterOpportunityApi(http::Router& router, const OpportunityApiDependencies& deps);

}  // namespace samskab::api
