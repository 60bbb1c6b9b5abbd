// The collaboration registry for a municipality's staff (issue 4, items 2, 5 and 10), under
// /admin/{municipality}/…: the overview (the memo's appendix 1: filters, sorting, paging, the
// exports), a collaboration's page with its place in the model and why, one form to create and
// edit, deletion, and the inspiration list every employee of the municipality can search.
//
// The pages read filters with the API's ParseOverviewQuery and posted fields with its
// ReadCollaborationFields, and ask api::CheckUnitReach who may record for which unit, so that a
// page and the API never disagree.
#pragma once

#include "api/collaboration_fields.h"
#include "api/collaborations_api.h"
#include "http/router.h"
#include "storage/agreement_store.h"
#include "storage/database.h"
#include "web/forms.h"
#include "web/pages.h"

namespace samskab::web {

struct CollaborationPageDependencies {
  const PageDependencies& pages;
  const api::CollaborationApiDependencies& api;  // the store, the units, vocabulary labels
  storage::Database& database;                   // the partners a municipality may choose
  storage::AgreementStore& agreements;           // the partnership agreements on a collaboration's page
};

// How many collaborations one page of the overview and of the inspiration list shows.
inline constexpr int64_t kCollaborationsPerPage = 25;

void RegisterCollaborationPages(http::Router& router, const CollaborationPageDependencies& deps);

// The overview's filters as the request's query gives them, and the GET form (to `action`) that
// shows and changes them: the overview and the matrix read and show the same filters.
struct OverviewFilters {
  api::OverviewQuery query;            // valid only when `problems` is empty
  std::vector<FieldProblem> problems;  // bad filter values, by query name
  Form form;
};
Result<OverviewFilters> ReadOverviewFilters(const CollaborationPageDependencies& deps,
                                            const http::Request& request, std::string action);

}  // namespace samskab::web
