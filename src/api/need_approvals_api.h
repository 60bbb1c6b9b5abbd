// The partner organisation's approval of offers for vulnerable needs over JSON (issue 5 item 4,
// seed 004; docs/decisions/0018-approval.md):
//  - the need's municipality: GET and POST /api/v1/needs/{id}/approvals (read the need's
//    approvals; ask the partner for an offer: 201, or 200 when it already waits);
//  - the partner organisation's admins: GET /api/v1/organisations/{organisation}/need-approvals
//    (?decision=pending|approved|declined, paged), GET and PUT
//    /api/v1/organisations/{organisation}/need-approvals/{need}/{offer} (decide, with If-Match).
#pragma once

#include <optional>

#include "domain/market/need_approval.h"
#include "domain/unit/unit.h"
#include "http/router.h"
#include "storage/need_approval_store.h"
#include "storage/need_store.h"

namespace samskab::api {

struct NeedApprovalApiDependencies {
  storage::NeedStore& needs;
  domain::UnitRepository& units;
  storage::NeedApprovalStore& approvals;
};

void RegisterNeedApprovalApi(http::Router& router, const NeedApprovalApiDependencies& deps);

// Only the organisation's own admins decide: a platform admin passes the organisation routes'
// policy, but the decision is the partner's (kPermissionDenied "need_approval.error.not_partner").
Status CheckDecidesFor(const http::Request& request, int64_t organisation_id);

// The partner's choice from a body {"decision", "direct_contact", "note"}: every problem named.
Result<domain::ApprovalChoice> ReadApprovalChoice(const nlohmann::json& body);

}  // namespace samskab::api
