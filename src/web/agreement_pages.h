// Partnership agreements on the pages (issue 4 item 4): the agreements of a collaboration on its
// page, one form to create and edit an agreement, deletion, and a person's task list ("Mine
// opgaver") with the agreements whose review is coming up. The form is read through the API's
// ReadAgreementFields and saved by the same store, so the pages and the API never disagree; who
// may change an agreement is who may change its collaboration (api::CheckUnitReach).
#pragma once

#include <ctemplate/template.h>

#include "domain/collaboration/collaboration.h"
#include "http/router.h"
#include "web/collaboration_pages.h"

namespace samskab::web {

// The agreements of `collaboration` into the collaboration page's dictionary (section AGREEMENTS),
// with links to change them when `may_change`.
Status FillAgreements(const CollaborationPageDependencies& deps, const http::Request& request,
                      const domain::Collaboration& collaboration, bool may_change,
                      ctemplate::TemplateDictionary& body);

// /admin/{municipality}/collaborations/{id}/agreements/new, /admin/{municipality}/agreements/{id}/…,
// and /admin/tasks.
void RegisterAgreementPages(http::Router& router, const CollaborationPageDependencies& deps);

}  // namespace samskab::web
