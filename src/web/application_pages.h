// The applications' pages (issue 5, decisions/0012): the public apply form of an opportunity
// with its "check your e-mail" page and the verification link's page; a person's own
// applications (state, withdraw, messages) at /account/applications; and the poster's pipeline
// for municipal staff at /admin/{municipality}/opportunities/{id}/applications and for an
// organisation's admins and members at /account/organisations/{organisation}/opportunities/{id}/
// applications (by state, the child-protection certificate when children take part, the allowed
// moves, a message thread). The lists page by ?page= (20 a page).
#pragma once

#include "http/router.h"
#include "storage/application_store.h"
#include "web/pages.h"

namespace samskab::web {

struct ApplicationPageDependencies {
  const PageDependencies& pages;
  storage::ApplicationStore& applications;
};

void RegisterApplicationPages(http::Router& router, const ApplicationPageDependencies& deps);

}  // namespace samskab::web
