// The center worksheet (issue 4, item 9; the memo's discussion guide) for a municipality's staff,
// under /admin/{municipality}/worksheets: the list with a small form to open or start a unit's
// worksheet for a year, the form (saved with its revision, so two people editing at once do not
// overwrite each other silently) and a printable page.
//
// Every staff member may read the municipality's worksheets (list and print), as with the
// registry; the form is for the unit's own people and the admins: the collaborations' reach rule
// (domain::UnitsInReach) decides, so an employee of a center also fills in its departments'.
#pragma once

#include "http/router.h"
#include "storage/worksheet_store.h"
#include "web/pages.h"

namespace samskab::web {

struct WorksheetPageDependencies {
  const PageDependencies& pages;
  storage::WorksheetStore& worksheets;
};

void RegisterWorksheetPages(http::Router& router, const WorksheetPageDependencies& deps);

}  // namespace samskab::web
