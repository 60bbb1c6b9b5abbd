// The model on the staff pages: the matrix (the memo's appendix 2) as a server-drawn SVG with
// the overview's filters, a printable version, and the advisor, where a planner answers a few
// questions about a collaboration not yet started, sees where it will land and what to expect,
// and can save it as an idea.
#pragma once

#include "http/router.h"
#include "web/collaboration_pages.h"

namespace samskab::web {

// The matrix shares the registry's dependencies (its store, units and vocabularies) and filters.
void RegisterMatrixPages(http::Router& router, const CollaborationPageDependencies& deps);

}  // namespace samskab::web
