// The CSV import for a municipality's staff (issue 4 item 6), under
// /admin/{municipality}/collaborations/import, without JavaScript: an upload form (multipart, the
// CSRF token as a form field), then one page per upload with the mapping (a select per column),
// the preview (the counts and every problem by row and column) and the choice between all or
// nothing and only the valid rows, and after the import the same address shows the result. The
// upload waits in collaboration_imports between the requests (storage/collaboration_import_store.h);
// only its uploader sees it. The pages run the API's importer (api/collaboration_import.h), so a
// page and the API never disagree.
#pragma once

#include "api/collaboration_import.h"
#include "http/router.h"
#include "storage/collaboration_import_store.h"
#include "web/pages.h"

namespace samskab::web {

struct CollaborationImportPageDependencies {
  const PageDependencies& pages;
  api::CollaborationImporter& importer;
  storage::CollaborationImportStore& uploads;
  Translate translate;
};

// Problems shown on one preview page; the API lists all of them.
inline constexpr size_t kProblemsShown = 500;

// Registers the routes. They must come before /admin/{municipality}/collaborations/{id}: the router
// takes the first pattern that matches.
void RegisterCollaborationImportPages(http::Router& router, const CollaborationImportPageDependencies& deps);

}  // namespace samskab::web
