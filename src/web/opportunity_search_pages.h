// The public search page of opportunities (issue 5 item 2; decisions/0015-search.md):
//   GET /opportunities   a GET form (the words and the facets), the result count, the results
//                        with their snippets (the matched words as <mark>), paging links.
// The parameters and their rules are the API's (api/opportunity_search_api.h). Bad input gives
// the page again with status 422, the form keeping what was typed and the problems named.
// Results link to /opportunities/{id}, the opportunity's own public page. Works without
// JavaScript.
#pragma once

#include "api/opportunity_search_api.h"
#include "http/router.h"
#include "web/pages.h"

namespace samskab::web {

struct OpportunitySearchPageDependencies {
  const PageDependencies& pages;
  const api::OpportunitySearchDependencies& search;
};

void RegisterOpportunitySearchPages(http::Router& router, const OpportunitySearchPageDependencies& deps);

}  // namespace samskab::web
