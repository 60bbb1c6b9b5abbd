#include "storage/volunteer_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "storage/market_changes.h"

namespace samskab::storage {
namespace {

constexpr int64_t kLoadPage = 20000;
constexpr int kChangePage = 5000;

}  // namespace

PostcodeCentroids::PostcodeCentroids(const domain::PostcodeDirectory& postcodes) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  by_number_.assign(10000, {nan, nan});
  for (const domain::Postcode& postcode : postcodes.All()) {
    if (!postcode.centroid || postcode.code.size() != 4) continue;
    by_number_[static_cast<size_t>(std::stoi(postcode.code))] = {static_cast<float>(postcode.centroid->lat),
                                                                 static_cast<float>(postcode.centroid->lon)};
  }
}

std::optional<std::pair<float, float>> PostcodeCentroids::Find(std::string_view code) const {
  if (code.size() != 4) return std::nullopt;
  size_t number = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + static_cast<size_t>(c - '0');
  }
  const auto& point = by_number_[number];
  if (std::isnan(point[0])) return std::nullopt;
  return std::make_pair(point[0], point[1]);
}

domain::MatchProfile VolunteerProfileFromRow(const Row& row, const PostcodeCentroids& centroids) {
  domain::MatchProfile p;
  p.id = row.Int(0);
  p.skills = domain::SkillListMask(row.Text(1));
  p.text_mask = domain::TextMask(row.Text(2));  // the free tags; commas separate words too
  p.languages = domain::LanguageListMask(row.Text(3));
  p.availability = static_cast<uint32_t>(row.Int(4));
  p.lat = p.lon = std::numeric_limits<float>::quiet_NaN();
  if (auto centre = centroids.Find(row.Text(5))) {
    p.lat = centre->first;
    p.lon = centre->second;
  }
  p.travel_km = static_cast<uint16_t>(std::clamp<int64_t>(row.Int(6), 0, 500));
  p.welfare_areas = domain::WelfareAreaListMask(row.Text(7));
  p.target_groups = domain::TargetGroupListMask(row.Text(8));
  uint8_t flags = 0;
  if (row.Text(9) == "obtained") {
    flags |= domain::kMatchCertificate;
    p.certificate_day = domain::DaysFromIsoDate(row.Text(10));
  }
  const std::string& visibility = row.Text(11);
  if (visibility == "municipalities" || visibility == "public") flags |= domain::kMatchVisible;
  if (row.Int(12) == 1) flags |= domain::kMatchConsent;
  if (row.Int(13) == 1) flags |= domain::kMatchActive;
  p.flags = flags;
  return p;
}

VolunteerIndex::VolunteerIndex(Database& database, const domain::PostcodeDirectory& postcodes)
    : database_(database), centroids_(postcodes) {}

Status VolunteerIndex::LoadAll(Connection& connection) {
  // The log's position first: a profile written during the load is then applied again after it,
  // which is harmless (applying a change reads the profile as it is now).
  auto latest = LatestChangeId(connection);
  if (!latest.ok()) return latest.status();
  domain::VolunteerIndex fresh;
  auto count = connection.Query("SELECT COUNT(*) FROM volunteer_profiles");
  if (!count.ok()) return count.status();
  fresh.Reserve(static_cast<size_t>(count->at(0).Int(0)) + 1024);
  const std::string sql = fmt::format("SELECT {} FROM volunteer_profiles WHERE id > ? ORDER BY id LIMIT ?",
                                      kVolunteerIndexColumns);
  int64_t after = 0;
  while (true) {
    auto rows = connection.Query(sql, {after, kLoadPage});
    if (!rows.ok()) return rows.status();
    for (const Row& row : *rows) fresh.Append(VolunteerProfileFromRow(row, centroids_));
    if (static_cast<int64_t>(rows->size()) < kLoadPage) break;
    after = rows->back().Int(0);
  }
  std::unique_lock lock(mutex_);
  index_ = std::move(fresh);
  applied_change_ = *latest;
  loaded_ = true;
  return Status::Ok();
}

Status VolunteerIndex::ApplyChanges(Connection& connection) {
  const std::string sql =
      fmt::format("SELECT {} FROM volunteer_profiles WHERE id = ?", kVolunteerIndexColumns);
  while (true) {
    auto changes = ChangesAfter(connection, applied_change_, kChangePage);
    if (!changes.ok()) return changes.status();
    if (changes->empty()) return Status::Ok();
    // Retention prunes the log. Checked after the read: when the oldest entry left lies past the
    // one after ours, entries this index never applied may be gone, and it loads everything again
    // (a gap a rolled-back write left can cause a needless reload, never a missed change).
    auto oldest = OldestChangeId(connection);
    if (!oldest.ok()) return oldest.status();
    if (*oldest > applied_change_ + 1) return LoadAll(connection);
    std::vector<int64_t> ids;
    ids.reserve(changes->size());
    for (const MarketChange& change : *changes) ids.push_back(change.record_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<std::pair<int64_t, std::optional<domain::MatchProfile>>> now;
    now.reserve(ids.size());
    for (int64_t id : ids) {
      auto rows = connection.Query(sql, {id});
      if (!rows.ok()) return rows.status();
      if (rows->empty()) {
        now.emplace_back(id, std::nullopt);
      } else {
        now.emplace_back(id, VolunteerProfileFromRow(rows->front(), centroids_));
      }
    }
    std::unique_lock lock(mutex_);
    for (const auto& [id, profile] : now) {
      if (profile) {
        index_.Upsert(*profile);
      } else {
        index_.Remove(id);
      }
    }
    applied_change_ = changes->back().id;
    if (static_cast<int>(changes->size()) < kChangePage) return Status::Ok();
  }
}

Status VolunteerIndex::Refresh() {
  std::lock_guard refresh(refresh_mutex_);
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  if (!loaded_) return LoadAll(**lease);
  return ApplyChanges(**lease);
}

Result<std::vector<domain::MatchResult>> VolunteerIndex::Rank(const domain::MatchQuery& query, int threads) {
  SAMSKAB_RETURN_IF_ERROR(Refresh());
  std::shared_lock lock(mutex_);
  return index_.Rank(query, threads);
}

size_t VolunteerIndex::size() const {
  std::shared_lock lock(mutex_);
  return index_.size();
}

size_t VolunteerIndex::BytesUsed() const {
  std::shared_lock lock(mutex_);
  return index_.BytesUsed();
}

int64_t VolunteerIndex::applied_change() const {
  std::shared_lock lock(mutex_);
  return applied_change_;
}

std::optional<domain::MatchProfile> VolunteerIndex::Find(int64_t id) const {
  std::shared_lock lock(mutex_);
  const domain::MatchProfile* found = index_.Find(id);
  return found ? std::optional(*found) : std::nullopt;
}

}  // namespace samskab::storage

namespace samskab::storage {

domain::SkillWeights VolunteerIndex::SkillWeightsNow() const {
  std::shared_lock lock(mutex_);
  return index_.skill_weights();
}

}  // namespace samskab::storage
