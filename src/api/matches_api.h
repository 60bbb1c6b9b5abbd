// Matches in the API (issue 5 item 6). A need's: GET /api/v1/needs/{id}/matches?kind=volunteers|
// organisations|offers&limit= (staff of the need's municipality; another municipality's need is
// not found), and PUT/DELETE /api/v1/needs/{id}/matches/{candidate_kind}/{candidate_id}/mark to
// mark a proposal "contacted" or "not_relevant" (audited; not relevant ones are no longer
// proposed). Each result carries its score and every factor's points with what matched.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/market/offer_matching.h"
#include "http/router.h"
#include "storage/match_store.h"
#include "storage/offer_match_store.h"
#include "storage/offer_store.h"

namespace samskab::api {

void RegisterMatchesApi(http::Router& router, storage::MatchStore& matches);

// One proposal as JSON: candidate_id, candidate_kind, display_name, score, distance_km, mark,
// factors [{"factor", "points", "detail"}] (the pages read the same).
nlohmann::json MatchToJson(const storage::MatchCandidate& candidate);

// "volunteers" -> kVolunteer …: the `kind` query parameter.
std::optional<storage::CandidateKind> ParseMatchListKind(std::string_view kind);

// The offer's side (docs/decisions/0016-offermatch.md): GET /api/v1/offers/{id}/matches?kind=
// needs|units&limit= and PUT/DELETE /api/v1/offers/{id}/matches/{candidate_kind}/{candidate_id}/mark
// for whoever may see the offer (its owner, the staff of a municipality it is offered to: they see
// only their own municipalities' needs and units; anyone else: not found), and
// GET /api/v1/organisations/{id}/matches for the organisation's admins and members and platform
// admins (an association: companies' offers; a company: associations).
void RegisterOfferMatchesApi(http::Router& router, storage::OfferStore& offers,
                             storage::OfferMatchStore& matches);

// The offer in the URL as the caller may see it, and the reach of its matches for them
// (kNotFound "offer.error.not_found" otherwise). The offer's pages use it too.
struct OfferInReach {
  domain::Offer offer;
  domain::OfferMatchReach reach;
};
Result<OfferInReach> ReadOfferInReach(const http::Request& request, storage::OfferStore& offers);

// "needs" -> kNeed, "units" -> kUnit.
std::optional<storage::CandidateKind> ParseOfferMatchListKind(std::string_view kind);

}  // namespace samskab::api
