// /api/v1/needs: a municipality's needs for its staff (CRUD, If-Match on changes, the unit reach
// rule of the registry: staff post and change needs for the units in their reach), and
// /api/v1/public/needs: the public open needs of every municipality for everyone
// (docs/decisions/0013-needs-offers.md: two routes, since a public route has no municipality).
#pragma once

#include "domain/unit/unit.h"
#include "http/router.h"
#include "storage/need_store.h"

namespace samskab::api {

struct NeedApiDependencies {
  storage::NeedStore& needs;
  domain::UnitRepository& units;
};

void RegisterNeedApi(http::Router& router, const NeedApiDependencies& deps);

// Whether the caller may post or change a need of `unit_id` (and, changing one, of the need's
// current unit): the unit must be in their reach (domain::UnitsInReach). kPermissionDenied
// "need.error.unit_not_yours" for a unit of the municipality out of reach; an unknown unit is
// left to the store (need.error.unknown_unit).
Status CheckNeedUnitReach(const http::Request& request, domain::UnitRepository& units,
                          const domain::Need* current, int64_t unit_id);

// The list's query: status, unit_id, visibility, limit, cursor. kInvalidArgument naming each bad
// parameter.
Result<storage::NeedFilter> ReadNeedFilter(const http::Request& request);

}  // namespace samskab::api
