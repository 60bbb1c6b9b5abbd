// The unit hierarchy over JSON: GET/POST /api/v1/units, GET/PATCH/DELETE /api/v1/units/{id}.
// Staff read their municipality's units; municipal admins change them (If-Match required).
// The municipality is the one the policy decided; an id from another municipality is 404.
#pragma once

#include "domain/unit/unit.h"
#include "http/router.h"

namespace samskab::api {

void RegisterUnitApi(http::Router& router, domain::UnitRepository& units);

}  // namespace samskab::api
