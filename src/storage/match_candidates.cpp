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

uint16_t WelfareAreaMaskOf(std::string_view key) {
  const auto bit = domain::WelfareAreaBit(key);
  return bit ? static_cast<uint16_t>(1U << *bit) : uint16_t{0};
}

uint16_t TargetGroupMaskOf(std::string_view key) {
  const auto bit = domain::TargetGroupBit(key);
  return bit ? static_cast<uint16_t>(1U << *bit) : uint16_t{0};
}

Result<LoadedCandidates> LoadOrganisationCandidates(Connection& connection, std::string_view where,
                                                    const Params& params,
                                                    const PostcodeCentroids& centroids) {
  auto rows =
      connection.Query(std::string("SELECT o.id, o.name, o.welfare_areas, o.target_groups, o.postcode, "
                                   "o.description, o.resources FROM organisations o WHERE ") +
                           std::string(where) + " ORDER BY o.id",
                       params);
  if (!rows.ok()) return rows.status();
  LoadedCandidates out;
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

Result<LoadedCandidates> LoadOfferCandidates(Connection& connection, std::string_view where,
                                             const Params& params, const PostcodeCentroids& centroids) {
  auto rows = connection.Query(
      std::string(
          "SELECT f.id, f.title, f.skills, f.languages, f.welfare_areas, f.target_groups, f.availability, "
          "f.postcode, f.travel_km, f.description FROM offers f LEFT JOIN organisations o ON o.id = "
          "f.organisation_id WHERE ") +
          std::string(where) + " ORDER BY f.id",
      params);
  if (!rows.ok()) return rows.status();
  LoadedCandidates out;
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

Result<LoadedCandidates> LoadNeedCandidates(Connection& connection, std::string_view where,
                                            const Params& params, const PostcodeCentroids& centroids) {
  auto rows = connection.Query(
      std::string(
          "SELECT n.id, n.title, n.description, n.skills, n.languages, n.welfare_area, n.target_group, "
          "n.availability, n.postcode, n.municipality_code, n.unit_id FROM needs n WHERE ") +
          std::string(where) + " ORDER BY n.id",
      params);
  if (!rows.ok()) return rows.status();
  LoadedCandidates out;
  out.profiles.reserve(rows->size());
  for (const Row& row : *rows) {
    domain::MatchProfile p;
    p.id = row.Int(0);
    p.skills = domain::SkillListMask(row.Text(3));
    p.languages = domain::LanguageListMask(row.Text(4));
    p.welfare_areas = WelfareAreaMaskOf(row.OptionalText(5).value_or(""));
    p.target_groups = TargetGroupMaskOf(row.OptionalText(6).value_or(""));
    p.availability = static_cast<uint32_t>(row.Int(7));
    SetPlace(p, centroids, row.OptionalText(8).value_or(""));
    p.text_mask = domain::TextMask(row.Text(1) + " " + row.Text(2));
    // Only open needs are read; a need involving children asks the offer's owner for
    // certificates, which the owner answers for (as organisations do for a need's matches).
    p.flags = domain::kMatchEligible;
    out.names.emplace(p.id, row.Text(1));
    out.municipalities.emplace(p.id, row.Text(9));
    out.units.emplace(p.id, row.Int(10));
    out.profiles.push_back(p);
  }
  return out;
}

}  // namespace samskab::storage
