// The candidates the matchmaking engine ranks per request (organisations, offers, needs), read
// from their tables as the engine's records (domain::MatchProfile) with the names the results
// show. One builder per table, used by every direction (a need's matches, an offer's, an
// organisation's), so each direction differs only in which rows it reads: its WHERE clause.
// docs/decisions/0014-matching.md, 0016-offermatch.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/market/matching.h"
#include "storage/database.h"
#include "storage/match_store.h"
#include "storage/volunteer_index.h"

namespace samskab::storage {

struct LoadedCandidates {
  std::vector<domain::MatchProfile> profiles;  // in id order
  std::unordered_map<int64_t, std::string> names;
  std::unordered_map<int64_t, std::string> municipalities;  // needs: their municipality's code
  std::unordered_map<int64_t, int64_t> units;               // needs: the unit that posted it
};

// The postcode's centre, or NaN (no distance points, no distance exclusion).
void SetPlace(domain::MatchProfile& profile, const PostcodeCentroids& centroids, std::string_view postcode);

// Organisations (table alias `o`) satisfying `where`: their welfare areas, target groups,
// postcode and the words of their name, description and resources. Always eligible: an
// organisation answers for its own people's certificates.
Result<LoadedCandidates> LoadOrganisationCandidates(Connection& connection, std::string_view where,
                                                    const Params& params, const PostcodeCentroids& centroids);

// Offers (alias `f`, their organisation `o` left-joined) satisfying `where`; the offer's own
// travel_km limits its distance.
Result<LoadedCandidates> LoadOfferCandidates(Connection& connection, std::string_view where,
                                             const Params& params, const PostcodeCentroids& centroids);

// Needs (alias `n`) satisfying `where`. A need has no travel limit of its own.
Result<LoadedCandidates> LoadNeedCandidates(Connection& connection, std::string_view where,
                                            const Params& params, const PostcodeCentroids& centroids);

// The ranked results as proposals: their kind, names, municipalities and marks.
std::vector<MatchCandidate> ToMatchCandidates(CandidateKind kind,
                                              const std::vector<domain::MatchResult>& ranked,
                                              const LoadedCandidates& loaded,
                                              const std::unordered_map<int64_t, std::string>& marks);

// The engine's bit for one welfare area or target group key (0 for a municipality's own term).
uint16_t WelfareAreaMaskOf(std::string_view key);
uint16_t TargetGroupMaskOf(std::string_view key);

}  // namespace samskab::storage
