// `samskab gen --opportunities M` (issue 5 item 7): realistic synthetic recruitment posts for
// benchmarks and demos. Titles and texts are composed from phrase lists written for this
// generator (Danish; bokmål for a Norwegian municipality: the language follows the
// municipality's country), with real postcodes clustered around one part of the country,
// welfare areas, target groups, skills and weekly times that belong together, some posted by the
// municipality's units and some by organisations it sees. Seeded and deterministic (the same
// seed gives the same rows on every machine). Rows go in with multi-row INSERTs in one
// transaction, with one audit entry for the run; the search index follows by itself.
#pragma once

#include <cstdint>
#include <string>

#include "app/app.h"

namespace samskab::app {

struct OpportunityGeneratorOptions {
  std::string municipality_code;
  int64_t opportunities = 0;
  uint64_t seed = 1;
};

struct OpportunityGeneratorReport {
  int64_t opportunities = 0;
  int64_t units_created = 0;          // when the municipality had none
  int64_t organisations_created = 0;  // when it saw none
};

Result<OpportunityGeneratorReport> GenerateOpportunities(App& app,
                                                         const OpportunityGeneratorOptions& options);

}  // namespace samskab::app
