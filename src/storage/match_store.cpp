#include "storage/match_store.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "storage/match_candidates.h"
#include "storage/match_marks.h"
#include "storage/organisation_visibility.h"

namespace samskab::storage {
namespace {

constexpr std::string_view kNeedColumns =
    "id, municipality_code, unit_id, title, description, skills, languages, welfare_area, target_group, "
    "involves_children, availability, postcode, status";

NeedSubject NeedFromRow(const Row& row) {
  NeedSubject n;
  n.id = row.Int(0);
  n.municipality_code = row.Text(1);
  n.unit_id = row.Int(2);
  n.title = row.Text(3);
  n.description = row.Text(4);
  n.skills = row.Text(5);
  n.languages = row.Text(6);
  n.welfare_area = row.OptionalText(7);
  n.target_group = row.OptionalText(8);
  n.involves_children = row.Int(9) == 1;
  n.availability = static_cast<uint32_t>(row.Int(10));
  n.postcode = row.OptionalText(11);
  n.status = row.Text(12);
  return n;
}

// The volunteers' names: proposals are visible to municipalities by construction (kMatchVisible).
Result<std::unordered_map<int64_t, std::string>> VolunteerNames(Connection& connection,
                                                                const std::vector<int64_t>& ids) {
  std::unordered_map<int64_t, std::string> names;
  for (int64_t id : ids) {
    auto rows = connection.Query(
        "SELECT u.display_name FROM volunteer_profiles p JOIN users u ON u.id = p.user_id "
        "WHERE p.id = ? AND p.visibility IN ('municipalities', 'public') AND u.erased_at IS NULL",
        {id});
    if (!rows.ok()) return rows.status();
    if (!rows->empty()) names.emplace(id, rows->front().Text(0));
  }
  return names;
}

Result<bool> CandidateExists(Connection& connection, CandidateKind kind, int64_t id) {
  const char* sql = kind == CandidateKind::kVolunteer      ? "SELECT 1 FROM volunteer_profiles WHERE id = ?"
                    : kind == CandidateKind::kOrganisation ? "SELECT 1 FROM organisations WHERE id = ?"
                                                           : "SELECT 1 FROM offers WHERE id = ?";
  auto rows = connection.Query(sql, {id});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

MarkSubject NeedMarks(const NeedSubject& need) { return {"need", need.id, need.municipality_code}; }

}  // namespace

std::string_view CandidateKindName(CandidateKind kind) {
  switch (kind) {
    case CandidateKind::kVolunteer:
      return "volunteer";
    case CandidateKind::kOrganisation:
      return "organisation";
    case CandidateKind::kOffer:
      return "offer";
    case CandidateKind::kNeed:
      return "need";
    case CandidateKind::kUnit:
      return "unit";
  }
  return "volunteer";
}

std::optional<CandidateKind> ParseCandidateKind(std::string_view name) {
  if (name == "volunteer") return CandidateKind::kVolunteer;
  if (name == "organisation") return CandidateKind::kOrganisation;
  if (name == "offer") return CandidateKind::kOffer;
  if (name == "need") return CandidateKind::kNeed;
  if (name == "unit") return CandidateKind::kUnit;
  return std::nullopt;
}

bool ProposedForNeed(CandidateKind kind) {
  return kind == CandidateKind::kVolunteer || kind == CandidateKind::kOrganisation ||
         kind == CandidateKind::kOffer;
}

Result<NeedSubject> MatchStore::Need(const domain::MunicipalityScope& scope, int64_t need_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(
      fmt::format("SELECT {} FROM needs WHERE id = ? AND municipality_code = ?", kNeedColumns),
      {need_id, scope.code()});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound(fmt::format("need {} not in {}", need_id, scope.code()));
  return NeedFromRow(rows->front());
}

domain::MatchQuery MatchStore::QueryFor(const NeedSubject& need) const {
  domain::MatchQuery q;
  q.skills = domain::SkillListMask(need.skills);
  q.languages = domain::LanguageListMask(need.languages);
  q.welfare_areas = WelfareAreaMaskOf(need.welfare_area.value_or(""));
  q.target_groups = TargetGroupMaskOf(need.target_group.value_or(""));
  q.availability = need.availability;
  if (need.postcode) {
    if (auto found = postcodes_.Lookup(*need.postcode)) q.place = found->centroid;
  }
  q.requires_certificate = need.involves_children;
  q.words = domain::QueryWords(need.title + " " + need.description);
  return q;
}

Result<std::vector<MatchCandidate>> MatchStore::RankRows(Connection& connection, const NeedSubject& need,
                                                         CandidateKind kind, domain::MatchQuery query) {
  // The marks on this need's candidates of this kind: not relevant ones leave the ranking.
  auto marks = ReadMarks(connection, NeedMarks(need), CandidateKindName(kind));
  if (!marks.ok()) return marks.status();
  std::unordered_map<int64_t, std::string> mark_of = std::move(*marks);
  for (const auto& [id, mark] : mark_of) {
    if (mark == "not_relevant") query.excluded.push_back(id);
  }
  std::vector<domain::MatchResult> ranked;
  LoadedCandidates named;  // the names (volunteers: only theirs)
  if (kind == CandidateKind::kVolunteer) {
    auto results = volunteers_.Rank(query);
    if (!results.ok()) return results.status();
    ranked = std::move(*results);
    std::vector<int64_t> ids;
    ids.reserve(ranked.size());
    for (const auto& r : ranked) ids.push_back(r.id);
    auto found = VolunteerNames(connection, ids);
    if (!found.ok()) return found.status();
    named.names = std::move(*found);
  } else {
    const PostcodeCentroids centroids(postcodes_);
    // Organisations and offers are no volunteers: the child-protection certificate is theirs to
    // obtain for their own people, so it is no hard constraint here.
    query.requires_certificate = false;
    // Organisations the municipality may see (the one visibility rule, organisation_visibility.h);
    // open offers made to this municipality or to every municipality.
    auto loaded =
        kind == CandidateKind::kOrganisation
            ? LoadOrganisationCandidates(connection, kOrganisationVisibleIn,
                                         {need.municipality_code, need.municipality_code}, centroids)
            : LoadOfferCandidates(connection,
                                  "f.status = 'open' AND (f.municipalities = ',' OR f.municipalities LIKE ?)",
                                  {fmt::format("%,{},%", need.municipality_code)}, centroids);
    if (!loaded.ok()) return loaded.status();
    ranked = domain::RankCandidates(query, loaded->profiles);
    named = std::move(*loaded);
  }
  return ToMatchCandidates(kind, ranked, named, mark_of);
}

Result<std::vector<MatchCandidate>> MatchStore::MatchesForNeed(const domain::MunicipalityScope& scope,
                                                               int64_t need_id, CandidateKind kind,
                                                               int limit) {
  if (!ProposedForNeed(kind)) return InvalidArgument("not a need's candidate kind", "matches.error.kind");
  auto need = Need(scope, need_id);
  if (!need.ok()) return need.status();
  domain::MatchQuery query = QueryFor(*need);
  query.limit = std::clamp(limit, 1, kMaxMatches);
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return RankRows(**lease, *need, kind, std::move(query));
}

Status MatchStore::SetMark(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                           int64_t need_id, CandidateKind kind, int64_t candidate_id,
                           const std::string& mark) {
  if (!ProposedForNeed(kind))
    return NotFound("not a need's candidate kind", "offer_matches.error.candidate_kind");
  auto need = Need(scope, need_id);
  if (!need.ok()) return need.status();
  return WriteMark(database_, clock_, actor, NeedMarks(*need), CandidateKindName(kind), candidate_id, mark,
                   [&](Connection& c) { return CandidateExists(c, kind, candidate_id); });
}

Status MatchStore::ClearMark(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                             int64_t need_id, CandidateKind kind, int64_t candidate_id) {
  auto need = Need(scope, need_id);
  if (!need.ok()) return need.status();
  return DeleteMark(database_, clock_, actor, NeedMarks(*need), CandidateKindName(kind), candidate_id);
}

}  // namespace samskab::storage
