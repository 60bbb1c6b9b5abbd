#include "storage/match_candidates.h"

#include <algorithm>
#include <limits>

namespace samskab::storage {

void SetPlace(domain::MatchProfile& p, const PostcodeCentroids& centroids, std::string_view postcode) {
  p.lat = p.lon = std::numeric_limits<float>::quiet_NaN();
  if (auto centre = centroids.Find(postcode)) {
    p.lat = centre->first;
    p.lon = centre->second;
  }
}

namespace {

// Runs `sql` (id and name first) and builds one eligible profile per row with `fill`: only
// open or visible rows are selected, so every candidate read is eligible.
template <typename Fill>
Result<LoadedCandidates> Load(Connection& connection, const std::string& sql, const Params& params,
                              Fill fill) {
  auto rows = connection.Query(sql, params);
  if (!rows.ok()) return rows.status();
  LoadedCandidates out;
  out.profiles.reserve(rows->size());
  for (const Row& row : *rows) {
    domain::MatchProfile p;
    p.id = row.Int(0);
    p.flags = domain::kMatchEligible;
    fill(row, p, out);
    out.names.emplace(p.id, row.Text(1));
    out.profiles.push_back(p);
  }
  return out;
}

}  // namespace

std::vector<MatchCandidate> ToMatchCandidates(CandidateKind kind,
                                              const std::vector<domain::MatchResult>& ranked,
                                              const LoadedCandidates& loaded,
                                              const std::unordered_map<int64_t, std::string>& marks) {
  std::vector<MatchCandidate> out;
  out.reserve(ranked.size());
  for (const auto& r : ranked) {
    MatchCandidate c;
    c.kind = kind;
    c.id = r.id;
    if (auto name = loaded.names.find(r.id); name != loaded.names.end()) c.display_name = name->second;
    if (auto code = loaded.municipalities.find(r.id); code != loaded.municipalities.end())
      c.municipality_code = code->second;
    if (auto mark = marks.find(r.id); mark != marks.end()) c.mark = mark->second;
    c.result = r;
    out.push_back(std::move(c));
  }
  return out;
}

uint16_t WelfareAreaMaskOf(std::string_view key) {
  const auto bit = domain::WelfareAreaBit(key);
  return bit ? static_cast<uint16_t>(1U << *bit) : uint16_t{0};
}

uint16_t TargetGroupMaskOf(std::string_view key) {
  const auto bit = domain::TargetGroupBit(key);
  return bit ? static_cast<uint16_t>(1U << *bit) : uint16_t{0};
}

// An organisation is always reachable and has no certificate status of its own: it answers for
// its own people (docs/decisions/0014-matching.md).
Result<LoadedCandidates> LoadOrganisationCandidates(Connection& connection, std::string_view where,
                                                    const Params& params,
                                                    const PostcodeCentroids& centroids) {
  return Load(
      connection,
      "SELECT o.id, o.name, o.welfare_areas, o.target_groups, o.postcode, o.description, o.resources FROM "
      "organisations o WHERE " +
          std::string(where) + " ORDER BY o.id",
      params, [&](const Row& row, domain::MatchProfile& p, LoadedCandidates&) {
        p.welfare_areas = domain::WelfareAreaListMask(row.Text(2));
        p.target_groups = domain::TargetGroupListMask(row.Text(3));
        SetPlace(p, centroids, row.Text(4));
        p.text_mask = domain::TextMask(row.Text(1) + " " + row.Text(5) + " " + row.Text(6));
      });
}

Result<LoadedCandidates> LoadOfferCandidates(Connection& connection, std::string_view where,
                                             const Params& params, const PostcodeCentroids& centroids) {
  return Load(
      connection,
      "SELECT f.id, f.title, f.skills, f.languages, f.welfare_areas, f.target_groups, f.availability, "
      "f.postcode, f.travel_km, f.description FROM offers f LEFT JOIN organisations o ON o.id = "
      "f.organisation_id WHERE " +
          std::string(where) + " ORDER BY f.id",
      params, [&](const Row& row, domain::MatchProfile& p, LoadedCandidates&) {
        p.skills = domain::SkillListMask(row.Text(2));
        p.languages = domain::LanguageListMask(row.Text(3));
        p.welfare_areas = domain::WelfareAreaListMask(row.Text(4));
        p.target_groups = domain::TargetGroupListMask(row.Text(5));
        p.availability = static_cast<uint32_t>(row.Int(6));
        SetPlace(p, centroids, row.Text(7));
        p.travel_km = static_cast<uint16_t>(std::clamp<int64_t>(row.Int(8), 0, 500));
        p.text_mask = domain::TextMask(row.Text(1) + " " + row.Text(9));
      });
}

// A need involving children is not excluded: the offer's owner answers for its own people's
// certificates, as organisations do for a need's matches (docs/decisions/0016-offermatch.md).
Result<LoadedCandidates> LoadNeedCandidates(Connection& connection, std::string_view where,
                                            const Params& params, const PostcodeCentroids& centroids) {
  return Load(connection,
              "SELECT n.id, n.title, n.description, n.skills, n.languages, n.welfare_area, n.target_group, "
              "n.availability, n.postcode, n.municipality_code, n.unit_id FROM needs n WHERE " +
                  std::string(where) + " ORDER BY n.id",
              params, [&](const Row& row, domain::MatchProfile& p, LoadedCandidates& out) {
                p.skills = domain::SkillListMask(row.Text(3));
                p.languages = domain::LanguageListMask(row.Text(4));
                p.welfare_areas = WelfareAreaMaskOf(row.OptionalText(5).value_or(""));
                p.target_groups = TargetGroupMaskOf(row.OptionalText(6).value_or(""));
                p.availability = static_cast<uint32_t>(row.Int(7));
                SetPlace(p, centroids, row.OptionalText(8).value_or(""));
                p.text_mask = domain::TextMask(row.Text(1) + " " + row.Text(2));
                out.municipalities.emplace(p.id, row.Text(9));
                out.units.emplace(p.id, row.Int(10));
              });
}

}  // namespace samskab::storage
