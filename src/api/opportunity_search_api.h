// The public search of opportunities (issue 5 item 2; decisions/0015-search.md):
//   GET /api/v1/opportunities/search?q=…&welfare_area=&target_group=&near=POSTCODE&within_km=
//       &weekday=mon&organisation_kind=&municipality=&page=&per_page=
// Public: it only ever finds open opportunities. Every parameter is optional; a bad one is
// refused with 422 naming every bad parameter, in the caller's language.
//
// The reader of the parameters is shared with the public page (web/opportunity_search_pages):
// one set of rules and messages for both.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "core/text.h"
#include "domain/place/postcodes.h"
#include "http/router.h"
#include "storage/database.h"
#include "storage/municipality_store.h"
#include "storage/opportunity_search.h"

namespace samskab::api {

inline constexpr int kDefaultWithinKm = 10;
inline constexpr int kMaxWithinKm = 200;

struct OpportunitySearchDependencies {
  storage::Database& database;
  storage::MunicipalityStore& municipalities;
  const domain::PostcodeDirectory& postcodes;
  std::function<std::string()> today;  // YYYY-MM-DD (the injected clock)
};

// The parameters named above, checked: kInvalidArgument with a FieldProblem per bad parameter
// (the field is the parameter's name). Unknown parameters are ignored.
Result<storage::OpportunitySearchRequest> ReadOpportunitySearch(const OpportunitySearchDependencies& deps,
                                                                const text::Params& params);

// A snippet as JSON: a list of parts [{"text": "…", "match": true|false}] (never markup).
nlohmann::json SnippetToJson(std::string_view marked);

// Runs the search; the whole JSON body the API answers with.
Result<nlohmann::json> SearchOpportunitiesJson(const OpportunitySearchDependencies& deps,
                                               const storage::OpportunitySearchRequest& request);

void RegisterOpportunitySearchApi(http::Router& router, const OpportunitySearchDependencies& deps);

}  // namespace samskab::api
