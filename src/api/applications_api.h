// Applications in the API (issue 5, decisions/0012): /api/v1/applications — a person's own list,
// or an opportunity's applications for its poster (?opportunity_id=); apply (a logged-in person);
// one application; a state change with If-Match; the messages between applicant and poster.
// Who a caller is to an application (its applicant or its poster) is decided here, for the API
// and the pages alike; anyone else gets 404, as for an application that does not exist.
#pragma once

#include <functional>
#include <string>

#include "domain/market/application.h"
#include "domain/unit/unit.h"
#include "http/router.h"
#include "storage/application_store.h"

namespace samskab::api {

struct ApplicationApiDependencies {
  storage::ApplicationStore& applications;
  domain::UnitRepository& units;
};

void RegisterApplicationApi(http::Router& router, const ApplicationApiDependencies& deps);

// The caller is the opportunity's poster (its unit in their reach, its organisation's people).
Result<bool> IsPosterOf(const domain::Principal& principal, const domain::OpportunityFacts& opportunity,
                        domain::UnitRepository& units);

// The caller's side of an application: its applicant (their account applied) or its poster (not
// before it is verified). kNotFound for anyone else.
Result<domain::Party> PartyFor(const domain::Principal& principal, const domain::Application& application,
                               domain::UnitRepository& units);

}  // namespace samskab::api
