// Partnership agreements in the API: /api/v1/collaborations/{id}/agreements (list, create),
// /api/v1/agreements/{id} (read, change with If-Match, delete), and a person's reminders at
// /api/v1/me/tasks. Writing needs the collaboration's units in the caller's reach, as for the
// collaboration itself.
#pragma once

#include <functional>
#include <string>

#include "domain/unit/unit.h"
#include "http/router.h"
#include "storage/agreement_store.h"
#include "storage/collaboration_store.h"

namespace samskab::api {

struct AgreementApiDependencies {
  storage::AgreementStore& agreements;
  storage::CollaborationStore& collaborations;
  domain::UnitRepository& units;
  std::function<std::string()> today;  // YYYY-MM-DD
};

void RegisterAgreementApi(http::Router& router, const AgreementApiDependencies& deps);

// Sets the fields `body` names; every problem at once; unknown fields refused.
Status ReadAgreementFields(const nlohmann::json& body, domain::PartnershipAgreement& agreement);

}  // namespace samskab::api
