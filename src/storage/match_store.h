// Matches for a need (issue 5 item 5, docs/decisions/0014-matching.md): the need read from table
// needs in the caller's municipality, turned into the engine's query, and ranked against the
// volunteers' index (VolunteerIndex) or against organisations or offers loaded per request; the
// marks users put on proposals (table match_marks): "not_relevant" removes a candidate from the
// need's proposals, "contacted" is shown beside it. Reads the market's tables directly with its
// own small SELECTs, so it stands apart from the stores that write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/market/matching.h"
#include "domain/place/postcodes.h"
#include "domain/unit/unit.h"
#include "storage/database.h"
#include "storage/volunteer_index.h"

namespace samskab::storage {

// What is proposed: the `candidate_kind` of match_marks. A need's proposals are volunteers,
// organisations and offers; an offer's are needs and municipal units (storage/offer_match_store.h).
enum class CandidateKind { kVolunteer, kOrganisation, kOffer, kNeed, kUnit };
// "volunteer", "organisation", "offer", "need", "unit"
std::string_view CandidateKindName(CandidateKind kind);
std::optional<CandidateKind> ParseCandidateKind(std::string_view name);
// Whether a need's proposals include this kind (volunteers, organisations, offers).
bool ProposedForNeed(CandidateKind kind);

// The need's fields the matching reads.
struct NeedSubject {
  int64_t id = 0;
  std::string municipality_code;
  int64_t unit_id = 0;
  std::string title;
  std::string description;
  std::string skills;     // ",a,b,"
  std::string languages;  // ",a,b,"
  std::optional<std::string> welfare_area;
  std::optional<std::string> target_group;
  bool involves_children = false;
  uint32_t availability = 0;
  std::optional<std::string> postcode;
  std::string status;
};

struct MatchCandidate {
  CandidateKind kind = CandidateKind::kVolunteer;
  int64_t id = 0;
  std::string display_name;  // a volunteer's name (only proposed when visible to municipalities), a title
  domain::MatchResult result;
  std::optional<std::string> mark;  // "contacted" (not-relevant ones are not proposed)
  std::string municipality_code;    // an offer's proposals (needs, units): whose they are
};

inline constexpr int kMaxMatches = 100;

class MatchStore {
 public:
  MatchStore(Database& database, VolunteerIndex& volunteers, const domain::PostcodeDirectory& postcodes,
             const Clock& clock)
      : database_(database), volunteers_(volunteers), postcodes_(postcodes), clock_(clock) {}

  // The need, if it belongs to the scope's municipality; kNotFound otherwise.
  Result<NeedSubject> Need(const domain::MunicipalityScope& scope, int64_t need_id);
  // The engine's query for a need (marks not yet applied).
  domain::MatchQuery QueryFor(const NeedSubject& need) const;

  // The best `limit` (1..kMaxMatches) candidates of `kind` for the need, with their marks.
  Result<std::vector<MatchCandidate>> MatchesForNeed(const domain::MunicipalityScope& scope, int64_t need_id,
                                                     CandidateKind kind, int limit);

  // Marks a candidate for the need ("contacted" or "not_relevant"; anything else:
  // kInvalidArgument naming the field "mark" with "matches.error.mark"); an unknown need or
  // candidate, or a kind no need is proposed ("matches.error.candidate_kind"): kNotFound. Audited
  // in the same transaction (storage/match_marks.h).
  Status SetMark(const domain::MunicipalityScope& scope, const domain::Actor& actor, int64_t need_id,
                 CandidateKind kind, int64_t candidate_id, const std::string& mark);
  // Removes the mark (no mark: kNotFound). Audited.
  Status ClearMark(const domain::MunicipalityScope& scope, const domain::Actor& actor, int64_t need_id,
                   CandidateKind kind, int64_t candidate_id);

 private:
  Result<std::vector<MatchCandidate>> RankRows(Connection& connection, const NeedSubject& need,
                                               CandidateKind kind, domain::MatchQuery query);

  Database& database_;
  VolunteerIndex& volunteers_;
  const domain::PostcodeDirectory& postcodes_;
  const Clock& clock_;
};

}  // namespace samskab::storage
