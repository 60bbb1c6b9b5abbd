// Reading collaborations from JSON and the overview's query string: one reader for the API, the
// advisor, the pages and the exports, so a field or filter means the same everywhere.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "core/text.h"
#include "domain/collaboration/collaboration.h"
#include "storage/collaboration_store.h"

namespace samskab::api {

// {"rooms_lent": true, …}: unknown facts and non-booleans are refused (collaboration.error.facts).
// Facts not named keep their value in `facts`.
Status ReadFacts(const nlohmann::json& value, domain::InvolvementFacts& facts);
// ["community", …]: collaboration.error.partner_kind for anything else.
Result<std::vector<domain::OrganisationKind>> ReadKinds(const nlohmann::json& value);

// Sets the fields `body` names on `collaboration` (a PATCH names only what changes). Every
// problem is reported at once (ValidationFailed naming each field); unknown fields are refused.
// With `creating`, title, unit_ids and form default as documented and title is required.
Status ReadCollaborationFields(const nlohmann::json& body, domain::Collaboration& collaboration,
                               bool creating);

enum class ExportFormat { kJson, kCsv, kXlsx };

// The overview's query: filters, order, page, and the format (`format=csv|xlsx`).
struct OverviewQuery {
  storage::CollaborationFilter filter;
  storage::CollaborationOrder order;
  int64_t offset = 0;
  int64_t limit = 25;
  ExportFormat format = ExportFormat::kJson;
};
inline constexpr int64_t kMaxOverviewLimit = 100;

// Reads unit_id, welfare_area, target_group, organisation_kind, level, quadrant, form, status, q,
// inspiration, sort (title|status|level|starts_on|updated_at, "-" first for descending), offset,
// limit (1-100) and format. Empty values do not filter (an HTML form sends every field). A bad
// value is kInvalidArgument naming each bad parameter.
Result<OverviewQuery> ParseOverviewQuery(const text::Params& params);

}  // namespace samskab::api
