// Organisation pages (issue 4, item 1; docs/decisions/0008-organisation-visibility.md):
//   /organisations                              the public directory (search by text, filter by kind)
//   /organisations/{id}                         a public profile (404 unless it is public)
//   /organisations/{organisation}/profile       its admins edit the organisation's own profile
//   /admin/{municipality}/organisations         staff: the organisations the municipality sees,
//                                               and registering one (a community, an individual)
//   /admin/{municipality}/organisations/{id}    staff: edit their municipality's record, or read
//                                               a profile the organisation keeps itself
// Every page works without JavaScript.
#pragma once

#include "http/router.h"
#include "web/pages.h"

namespace samskab::web {

void RegisterOrganisationPages(http::Router& router, const PageDependencies& deps);

}  // namespace samskab::web
