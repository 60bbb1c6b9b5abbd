// Matches in the API (issue 5 item 6): GET /api/v1/needs/{id}/matches?kind=volunteers|
// organisations|offers&limit= (staff of the need's municipality; another municipality's need is
// not found), and PUT/DELETE /api/v1/needs/{id}/matches/{candidate_kind}/{candidate_id}/mark to
// mark a proposal "contacted" or "not_relevant" (audited; not relevant ones are no longer
// proposed). Each result carries its score and every factor's points with what matched.
#pragma once

#include <nlohmann/json.hpp>

#include "http/router.h"
#include "storage/match_store.h"

namespace samskab::api {

void RegisterMatchesApi(http::Router& router, storage::MatchStore& matches);

// One proposal as JSON: candidate_id, candidate_kind, display_name, score, distance_km, mark,
// factors [{"factor", "points", "detail"}] (the pages read the same).
nlohmann::json MatchToJson(const storage::MatchCandidate& candidate);

// "volunteers" -> kVolunteer …: the `kind` query parameter.
std::optional<storage::CandidateKind> ParseMatchListKind(std::string_view kind);

}  // namespace samskab::api
