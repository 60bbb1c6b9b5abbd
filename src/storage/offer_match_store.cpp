#include "storage/offer_match_store.h"

#include <algorithm>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "storage/match_candidates.h"
#include "storage/match_marks.h"
#include "storage/offer_store.h"

namespace samskab::storage {
namespace {

std::string Placeholders(size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

// " AND <column> IN (…)" unless the reach is every municipality.
void AppendMunicipalities(const domain::OfferMatchReach& reach, std::string_view column, std::string& where,
                          Params& params) {
  if (reach.all_municipalities) return;
  where += fmt::format(" AND {} IN ({})", column, Placeholders(reach.municipalities.size()));
  for (const auto& code : reach.municipalities) params.emplace_back(code);
}

// The needs (alias n) the viewer may be proposed, open or not: in reach, and public or in one of
// the viewer's own municipalities (a private need never leaves its municipality).
std::string NeedsInReach(const domain::OfferMatchReach& reach, Params& params) {
  std::string where = "1 = 1";
  AppendMunicipalities(reach, "n.municipality_code", where, params);
  if (reach.private_everywhere) return where;
  where += " AND (n.visibility = 'public'";
  if (!reach.private_in.empty()) {
    where += fmt::format(" OR n.municipality_code IN ({})", Placeholders(reach.private_in.size()));
    for (const auto& code : reach.private_in) params.emplace_back(code);
  }
  return where + ")";
}

MarkSubject OfferMarks(const domain::Offer& offer) { return {"offer", offer.id, ""}; }

// Each unit in reach as one profile: the union of its open needs in reach (skills, languages,
// welfare area, target group, weekly grid, words) and of the welfare areas and target groups of
// its collaborations that have not ended, plus the words of its name. A unit has no address, so
// it gets no distance points and no distance limit. Units with neither needs nor collaborations
// are not proposed: nothing says they fit.
Result<LoadedCandidates> LoadUnitCandidates(Connection& connection, const domain::OfferMatchReach& reach,
                                            const PostcodeCentroids& centroids) {
  Params need_params;
  const std::string open_needs = "n.status = 'open' AND " + NeedsInReach(reach, need_params);
  auto needs = LoadNeedCandidates(connection, open_needs, need_params, centroids);
  if (!needs.ok()) return needs.status();
  std::map<int64_t, domain::MatchProfile> by_unit;  // ordered: the profiles come out in id order
  const auto unit_profile = [&](int64_t unit) -> domain::MatchProfile& {
    auto [it, added] = by_unit.try_emplace(unit);
    if (added) {
      it->second.id = unit;
      it->second.lat = it->second.lon = std::numeric_limits<float>::quiet_NaN();
      it->second.flags = domain::kMatchEligible;
    }
    return it->second;
  };
  for (const domain::MatchProfile& need : needs->profiles) {
    domain::MatchProfile& u = unit_profile(needs->units.at(need.id));
    u.skills |= need.skills;
    u.languages |= need.languages;
    u.welfare_areas |= need.welfare_areas;
    u.target_groups |= need.target_groups;
    u.availability |= need.availability;
    u.text_mask |= need.text_mask;
  }
  std::string where = "c.status <> 'ended'";
  Params params;
  AppendMunicipalities(reach, "cu.municipality_code", where, params);
  auto collaborations = connection.Query(
      "SELECT cu.unit_id, c.welfare_area, c.target_group FROM collaboration_units cu JOIN collaborations c "
      "ON "
      "c.municipality_code = cu.municipality_code AND c.id = cu.collaboration_id WHERE " +
          where,
      params);
  if (!collaborations.ok()) return collaborations.status();
  for (const Row& row : *collaborations) {
    domain::MatchProfile& u = unit_profile(row.Int(0));
    u.welfare_areas |= WelfareAreaMaskOf(row.OptionalText(1).value_or(""));
    u.target_groups |= TargetGroupMaskOf(row.OptionalText(2).value_or(""));
  }
  where = "1 = 1";
  params.clear();
  AppendMunicipalities(reach, "u.municipality_code", where, params);
  auto units =
      connection.Query("SELECT u.id, u.name, u.municipality_code FROM units u WHERE " + where, params);
  if (!units.ok()) return units.status();
  LoadedCandidates out;
  for (const Row& row : *units) {
    auto found = by_unit.find(row.Int(0));
    if (found == by_unit.end()) continue;
    found->second.text_mask |= domain::TextMask(row.Text(1));
    out.names.emplace(row.Int(0), row.Text(1));
    out.municipalities.emplace(row.Int(0), row.Text(2));
  }
  for (const auto& [id, profile] : by_unit) {
    if (out.names.contains(id)) out.profiles.push_back(profile);
  }
  return out;
}

Result<bool> InReach(Connection& connection, const domain::OfferMatchReach& reach, CandidateKind kind,
                     int64_t id) {
  Params params{id};
  std::string sql;
  if (kind == CandidateKind::kNeed) {
    sql = "SELECT 1 FROM needs n WHERE n.id = ? AND " + NeedsInReach(reach, params);
  } else {
    sql = "SELECT 1 FROM units u WHERE u.id = ?";
    AppendMunicipalities(reach, "u.municipality_code", sql, params);
  }
  auto rows = connection.Query(sql, params);
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

}  // namespace

bool ProposedForOffer(CandidateKind kind) {
  return kind == CandidateKind::kNeed || kind == CandidateKind::kUnit;
}

Result<std::vector<MatchCandidate>> OfferMatchStore::MatchesForOffer(const domain::Offer& offer,
                                                                     const domain::OfferMatchReach& reach,
                                                                     CandidateKind kind, int limit) {
  if (!ProposedForOffer(kind))
    return InvalidArgument("not an offer's candidate kind", "offer_matches.error.kind");
  if (reach.Empty()) return std::vector<MatchCandidate>{};
  domain::MatchQuery query = domain::QueryForOffer(offer, postcodes_);
  query.limit = std::clamp(limit, 1, kMaxMatches);
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  Connection& connection = **lease;
  auto marks = ReadMarks(connection, OfferMarks(offer), CandidateKindName(kind));
  if (!marks.ok()) return marks.status();
  for (const auto& [id, mark] : *marks) {
    if (mark == "not_relevant") query.excluded.push_back(id);
  }
  const PostcodeCentroids centroids(postcodes_);
  Result<LoadedCandidates> loaded = LoadedCandidates{};
  if (kind == CandidateKind::kNeed) {
    Params params;
    const std::string where = "n.status = 'open' AND " + NeedsInReach(reach, params);
    loaded = LoadNeedCandidates(connection, where, params, centroids);
  } else {
    loaded = LoadUnitCandidates(connection, reach, centroids);
  }
  if (!loaded.ok()) return loaded.status();
  return ToMatchCandidates(kind, domain::RankCandidates(query, loaded->profiles), *loaded, *marks);
}

Status OfferMatchStore::SetMark(const domain::Offer& offer, const domain::OfferMatchReach& reach,
                                const domain::Actor& actor, CandidateKind kind, int64_t candidate_id,
                                const std::string& mark) {
  if (!ProposedForOffer(kind))
    return NotFound("not an offer's candidate kind", "offer_matches.error.candidate_kind");
  return WriteMark(database_, clock_, actor, OfferMarks(offer), CandidateKindName(kind), candidate_id, mark,
                   [&](Connection& c) { return InReach(c, reach, kind, candidate_id); });
}

Status OfferMatchStore::ClearMark(const domain::Offer& offer, const domain::OfferMatchReach& reach,
                                  const domain::Actor& actor, CandidateKind kind, int64_t candidate_id) {
  if (!ProposedForOffer(kind))
    return NotFound("not an offer's candidate kind", "offer_matches.error.candidate_kind");
  {
    // A mark on a candidate out of the viewer's reach is not theirs to remove.
    auto lease = database_.Acquire();
    if (!lease.ok()) return lease.status();
    auto in_reach = InReach(**lease, reach, kind, candidate_id);
    if (!in_reach.ok()) return in_reach.status();
    if (!*in_reach) return NotFound("candidate out of reach");
  }
  return DeleteMark(database_, clock_, actor, OfferMarks(offer), CandidateKindName(kind), candidate_id);
}

Result<OrganisationMatches> OfferMatchStore::MatchesForOrganisation(int64_t organisation_id, int limit) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  Connection& connection = **lease;
  auto rows = connection.Query(
      "SELECT o.kind, o.welfare_areas, o.target_groups, o.postcode, o.description, o.resources FROM "
      "organisations o WHERE o.id = ?",
      {organisation_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no such organisation", "organisation.error.not_found");
  const Row& org = rows->front();
  OrganisationMatches out;
  out.organisation_id = organisation_id;
  out.company = org.Text(0) == "company";
  domain::MatchQuery query;
  query.limit = std::clamp(limit, 1, kMaxMatches);
  query.welfare_areas = domain::WelfareAreaListMask(org.Text(1));
  query.target_groups = domain::TargetGroupListMask(org.Text(2));
  if (auto postcode = org.OptionalText(3)) {
    if (auto found = postcodes_.Lookup(*postcode)) query.place = found->centroid;
  }
  std::string words = org.Text(4) + " " + org.Text(5);
  const PostcodeCentroids centroids(postcodes_);
  Result<LoadedCandidates> loaded = LoadedCandidates{};
  if (out.company) {
    // A company asks with its profile and what its open offers are about (their words first).
    auto offers = connection.Query(
        "SELECT f.welfare_areas, f.target_groups, f.title, f.description FROM offers f WHERE "
        "f.organisation_id "
        "= ? AND f.status = 'open' ORDER BY f.id",
        {organisation_id});
    if (!offers.ok()) return offers.status();
    std::string offer_words;
    for (const Row& row : *offers) {
      query.welfare_areas |= domain::WelfareAreaListMask(row.Text(0));
      query.target_groups |= domain::TargetGroupListMask(row.Text(1));
      offer_words += row.Text(2) + " " + row.Text(3) + " ";
    }
    words = offer_words + words;
    out.kind = CandidateKind::kOrganisation;
    loaded = LoadOrganisationCandidates(
        connection, "o.is_public = 1 AND o.municipality_code IS NULL AND o.kind <> 'company' AND o.id <> ?",
        {organisation_id}, centroids);
  } else {
    out.kind = CandidateKind::kOffer;
    loaded = LoadOfferCandidates(
        connection, std::string("1 = 1") + kPublicOfferWhere + " AND o.kind = 'company'", {}, centroids);
  }
  if (!loaded.ok()) return loaded.status();
  query.words = domain::QueryWords(words);
  out.items = ToMatchCandidates(out.kind, domain::RankCandidates(query, loaded->profiles), *loaded, {});
  return out;
}

}  // namespace samskab::storage
