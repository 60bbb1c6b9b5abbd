// Organisations over JSON (issue 4, item 11; docs/decisions/0008-organisation-visibility.md):
//   municipal staff   GET/POST /api/v1/organisations, GET/PATCH /api/v1/organisations/{id}
//                     (the organisations visible in their municipality; they change only the ones
//                     their municipality registered)
//   organisation admins GET/PATCH /api/v1/organisations/{organisation}/profile,
//                     PUT/DELETE /api/v1/organisations/{organisation}/shares/{municipality}
// Updates need If-Match. A body naming an unknown field, or bad values, is refused with 422
// naming every bad field at once; nothing is changed.
#pragma once

#include "http/router.h"
#include "storage/organisation_store.h"

namespace samskab::api {

void RegisterOrganisationApi(http::Router& router, storage::OrganisationStore& organisations);

}  // namespace samskab::api
