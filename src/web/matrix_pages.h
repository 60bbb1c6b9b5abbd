// The model on the staff pages: the matrix (the memo's appendix 2) as a server-drawn SVG with
// the overview's filters, a printable version, and the advisor, where a planner answers a few
// questions about a collaboration not yet started, sees where it will land and what to expect,
// and can save it as an idea.
#pragma once

#include "domain/unit/unit.h"
#include "http/router.h"
#include "storage/collaboration_store.h"
#include "web/pages.h"

namespace samskab::web {

struct ModelPageDependencies {
  const PageDependencies& pages;
  storage::CollaborationStore& collaborations;
};

void RegisterMatrixPages(http::Router& router, const ModelPageDependencies& deps);

}  // namespace samskab::web
