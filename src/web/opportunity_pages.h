// Opportunities as pages (issue 5, item 2; docs/decisions/0011-volunteers.md):
//   GET  /opportunities/{id}                           the public page of an open opportunity
//                                                      (404 otherwise), with the "Søg" link to
//                                                      /opportunities/{id}/apply
//   GET  /admin/{municipality}/opportunities           the municipality's opportunities (staff)
//   GET/POST /admin/{municipality}/opportunities/new   a unit's new post (units in reach)
//   GET/POST /admin/{municipality}/opportunities/{id}/edit, POST …/{id}/close
//   the same under /account/organisations/{organisation}/opportunities for the organisation's
//   admins and members (its posts; a new one names its municipality; decisions/0017-orgposts.md)
// One set of handlers serves both sides (web/poster_side.h). The form reads and checks like the
// API (api/opportunities_api.h); the lists page by ?page=.
#pragma once

#include "domain/unit/unit.h"
#include "http/router.h"
#include "storage/opportunity_store.h"
#include "web/pages.h"

namespace samskab::web {

struct OpportunityPageDependencies {
  const PageDependencies& pages;
  storage::OpportunityStore& opportunities;
};

void RegisterOpportunityPages(http::Router& router, const OpportunityPageDependencies& deps);

}  // namespace samskab::web
