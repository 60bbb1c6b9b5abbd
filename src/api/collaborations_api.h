// /api/v1/collaborations: the registry as JSON (CRUD with If-Match), the overview's filters, and
// format=csv / format=xlsx for the exports. /api/v1/matrix: counts per quadrant and the points.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "domain/unit/unit.h"
#include "http/router.h"
#include "storage/collaboration_store.h"
#include "storage/vocabulary_store.h"
#include "web/collaboration_export.h"

namespace samskab::api {

struct CollaborationApiDependencies {
  storage::CollaborationStore& collaborations;
  domain::UnitRepository& units;
  web::Translate translate;
  // The municipality's welfare areas and target groups: the forms' choices and every label shown
  // or exported (built-in and the municipality's own terms).
  storage::VocabularyStore& vocabularies;
  std::function<std::string()> today;  // YYYY-MM-DD, for export file names
};

void RegisterCollaborationApi(http::Router& router, const CollaborationApiDependencies& deps);

// Whether the caller may change collaboration `current` (and, when given, its new unit list):
// a unit in their reach must take part, and every unit they add must be in their reach.
// kPermissionDenied "collaboration.error.not_your_unit" or kInvalidArgument naming unit_ids.
Status CheckUnitReach(const http::Request& request, domain::UnitRepository& units,
                      const domain::Collaboration* current, const std::vector<int64_t>& new_unit_ids);

}  // namespace samskab::api
