#include "storage/match_store.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
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

void SetPlace(domain::MatchProfile& p, const PostcodeCentroids& centroids, const std::string& postcode) {
  p.lat = p.lon = std::numeric_limits<float>::quiet_NaN();
  if (auto centre = centroids.Find(postcode)) {
    p.lat = centre->first;
    p.lon = centre->second;
  }
}

// The candidates of one kind as the engine's records, with their names.
struct Loaded {
  std::vector<domain::MatchProfile> profiles;
  std::unordered_map<int64_t, std::string> names;
};

// Organisations the municipality may see (the one visibility rule, organisation_visibility.h).
Result<Loaded> LoadOrganisations(Connection& connection, const std::string& code,
                                 const PostcodeCentroids& centroids) {
  auto rows =
      connection.Query(std::string("SELECT o.id, o.name, o.welfare_areas, o.target_groups, o.postcode, "
                                   "o.description, o.resources FROM organisations o WHERE ") +
                           kOrganisationVisibleIn + " ORDER BY o.id",
                       {code, code});
  if (!rows.ok()) return rows.status();
  Loaded out;
  out.profiles.reserve(rows->size());
  for (const Row& row : *rows) {
    domain::MatchProfile p;
    p.id = row.Int(0);
    p.welfare_areas = domain::WelfareAreaListMask(row.Text(2));
    p.target_groups = domain::TargetGroupListMask(row.Text(3));
    SetPlace(p, centroids, row.Text(4));
    p.text_mask = domain::TextMask(row.Text(1) + " " + row.Text(5) + " " + row.Text(6));
    // An organisation is always reachable and has no certificate status of its own: it answers
    // for its own people (docs/decisions/0014-matching.md).
    p.flags = domain::kMatchEligible;
    out.names.emplace(p.id, row.Text(1));
    out.profiles.push_back(p);
  }
  return out;
}

// Open offers made to this municipality (or to every municipality).
Result<Loaded> LoadOffers(Connection& connection, const std::string& code,
                          const PostcodeCentroids& centroids) {
  auto rows = connection.Query(
      "SELECT id, title, skills, languages, welfare_areas, target_groups, availability, postcode, travel_km, "
      "description FROM offers WHERE status = 'open' AND (municipalities = ',' OR municipalities LIKE ?) "
      "ORDER BY id",
      {fmt::format("%,{},%", code)});
  if (!rows.ok()) return rows.status();
  Loaded out;
  out.profiles.reserve(rows->size());
  for (const Row& row : *rows) {
    domain::MatchProfile p;
    p.id = row.Int(0);
    p.skills = domain::SkillListMask(row.Text(2));
    p.languages = domain::LanguageListMask(row.Text(3));
    p.welfare_areas = domain::WelfareAreaListMask(row.Text(4));
    p.target_groups = domain::TargetGroupListMask(row.Text(5));
    p.availability = static_cast<uint32_t>(row.Int(6));
    SetPlace(p, centroids, row.Text(7));
    p.travel_km = static_cast<uint16_t>(std::clamp<int64_t>(row.Int(8), 0, 500));
    p.text_mask = domain::TextMask(row.Text(1) + " " + row.Text(9));
    p.flags = domain::kMatchEligible;
    out.names.emplace(p.id, row.Text(1));
    out.profiles.push_back(p);
  }
  return out;
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

}  // namespace

std::string_view CandidateKindName(CandidateKind kind) {
  switch (kind) {
    case CandidateKind::kVolunteer:
      return "volunteer";
    case CandidateKind::kOrganisation:
      return "organisation";
    case CandidateKind::kOffer:
      return "offer";
  }
  return "volunteer";
}

std::optional<CandidateKind> ParseCandidateKind(std::string_view name) {
  if (name == "volunteer") return CandidateKind::kVolunteer;
  if (name == "organisation") return CandidateKind::kOrganisation;
  if (name == "offer") return CandidateKind::kOffer;
  return std::nullopt;
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
  if (need.welfare_area) {
    if (auto bit = domain::WelfareAreaBit(*need.welfare_area))
      q.welfare_areas = static_cast<uint16_t>(1U << *bit);
  }
  if (need.target_group) {
    if (auto bit = domain::TargetGroupBit(*need.target_group))
      q.target_groups = static_cast<uint16_t>(1U << *bit);
  }
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
  auto marks = connection.Query(
      "SELECT candidate_id, mark FROM match_marks WHERE subject_kind = 'need' AND subject_id = ? AND "
      "candidate_kind = ?",
      {need.id, std::string(CandidateKindName(kind))});
  if (!marks.ok()) return marks.status();
  std::unordered_map<int64_t, std::string> mark_of;
  for (const Row& row : *marks) {
    if (row.Text(1) == "not_relevant") query.excluded.push_back(row.Int(0));
    mark_of.emplace(row.Int(0), row.Text(1));
  }
  std::vector<domain::MatchResult> ranked;
  std::unordered_map<int64_t, std::string> names;
  if (kind == CandidateKind::kVolunteer) {
    auto results = volunteers_.Rank(query);
    if (!results.ok()) return results.status();
    ranked = std::move(*results);
    std::vector<int64_t> ids;
    ids.reserve(ranked.size());
    for (const auto& r : ranked) ids.push_back(r.id);
    auto found = VolunteerNames(connection, ids);
    if (!found.ok()) return found.status();
    names = std::move(*found);
  } else {
    const PostcodeCentroids centroids(postcodes_);
    // Organisations and offers are no volunteers: the child-protection certificate is theirs to
    // obtain for their own people, so it is no hard constraint here.
    query.requires_certificate = false;
    auto loaded = kind == CandidateKind::kOrganisation
                      ? LoadOrganisations(connection, need.municipality_code, centroids)
                      : LoadOffers(connection, need.municipality_code, centroids);
    if (!loaded.ok()) return loaded.status();
    ranked = domain::RankCandidates(query, loaded->profiles);
    names = std::move(loaded->names);
  }
  std::vector<MatchCandidate> out;
  out.reserve(ranked.size());
  for (const auto& r : ranked) {
    MatchCandidate c;
    c.kind = kind;
    c.id = r.id;
    auto name = names.find(r.id);
    if (name != names.end()) c.display_name = name->second;
    auto mark = mark_of.find(r.id);
    if (mark != mark_of.end()) c.mark = mark->second;
    c.result = r;
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<MatchCandidate>> MatchStore::MatchesForNeed(const domain::MunicipalityScope& scope,
                                                               int64_t need_id, CandidateKind kind,
                                                               int limit) {
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
  if (mark != "contacted" && mark != "not_relevant")
    return ValidationFailed({{"mark", "matches.error.mark"}});
  auto need = Need(scope, need_id);
  if (!need.ok()) return need.status();
  auto done = InWriteTransaction<bool>(database_, [&](Connection& c) -> Result<bool> {
    auto exists = CandidateExists(c, kind, candidate_id);
    if (!exists.ok()) return exists.status();
    if (!*exists) return NotFound(fmt::format("{} {} does not exist", CandidateKindName(kind), candidate_id));
    const std::string kind_name(CandidateKindName(kind));
    auto before = c.Query(
        "SELECT mark FROM match_marks WHERE subject_kind = 'need' AND subject_id = ? AND candidate_kind = ? "
        "AND "
        "candidate_id = ?",
        {need_id, kind_name, candidate_id});
    if (!before.ok()) return before.status();
    const std::string now = FormatUtc(clock_.Now());
    auto removed = c.Execute(
        "DELETE FROM match_marks WHERE subject_kind = 'need' AND subject_id = ? AND candidate_kind = ? AND "
        "candidate_id = ?",
        {need_id, kind_name, candidate_id});
    if (!removed.ok()) return removed.status();
    auto inserted = c.Execute(
        "INSERT INTO match_marks (subject_kind, subject_id, candidate_kind, candidate_id, mark, marked_by, "
        "marked_at) "
        "VALUES ('need', ?, ?, ?, ?, ?, ?)",
        {need_id, kind_name, candidate_id, mark, NullIfEmpty(actor.user_id), now});
    if (!inserted.ok()) return inserted.status();
    const nlohmann::json entry = {
        {"candidate_kind", kind_name}, {"candidate_id", candidate_id}, {"mark", mark}};
    std::optional<std::string> before_json;
    if (!before->empty()) {
      before_json = nlohmann::json{{"candidate_kind", kind_name},
                                   {"candidate_id", candidate_id},
                                   {"mark", before->front().Text(0)}}
                        .dump();
    }
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(c, actor, scope.code(), "need.match_mark", "need",
                                        std::to_string(need_id), before_json, entry.dump(), now));
    return true;
  });
  return done.ok() ? Status::Ok() : done.status();
}

Status MatchStore::ClearMark(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                             int64_t need_id, CandidateKind kind, int64_t candidate_id) {
  auto need = Need(scope, need_id);
  if (!need.ok()) return need.status();
  auto done = InWriteTransaction<bool>(database_, [&](Connection& c) -> Result<bool> {
    const std::string kind_name(CandidateKindName(kind));
    auto before = c.Query(
        "SELECT mark FROM match_marks WHERE subject_kind = 'need' AND subject_id = ? AND candidate_kind = ? "
        "AND "
        "candidate_id = ?",
        {need_id, kind_name, candidate_id});
    if (!before.ok()) return before.status();
    if (before->empty()) return NotFound("no mark");
    auto removed = c.Execute(
        "DELETE FROM match_marks WHERE subject_kind = 'need' AND subject_id = ? AND candidate_kind = ? AND "
        "candidate_id = ?",
        {need_id, kind_name, candidate_id});
    if (!removed.ok()) return removed.status();
    const nlohmann::json entry = {
        {"candidate_kind", kind_name}, {"candidate_id", candidate_id}, {"mark", before->front().Text(0)}};
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(c, actor, scope.code(), "need.match_unmark", "need",
                                        std::to_string(need_id), entry.dump(), std::nullopt,
                                        FormatUtc(clock_.Now())));
    return true;
  });
  return done.ok() ? Status::Ok() : done.status();
}

}  // namespace samskab::storage
