// The volunteers' matching index kept right (issue 5 item 5): the domain's VolunteerIndex filled
// from table volunteer_profiles and kept up to date from the change log (market_changes.h).
//
// At first use it records the change log's newest id and then loads every profile in id order
// (keyset pages of one SELECT each). Before every match it reads the entries after the last one
// it applied and reloads just those profiles (a deleted profile leaves the index). Every write of
// a profile appends to the log in its own transaction, and on PostgreSQL the writers hold an
// advisory lock so ids commit in order: any number of `samskab serve` instances on one database
// each keep their own index and all see the same profiles at their next match
// (docs/OPERATIONS.md "Matching index").
//
// Thread-safe: matches score concurrently under a shared lock; applying changes takes the lock
// exclusively for the moment of the swap (the reads from the database happen outside it).
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/market/matching.h"
#include "domain/place/postcodes.h"
#include "storage/database.h"

namespace samskab::storage {

// The columns the index needs, in the order VolunteerProfileFromRow reads them.
inline constexpr std::string_view kVolunteerIndexColumns =
    "id, skills, skill_tags, languages, availability, postcode, travel_km, welfare_areas, target_groups, "
    "child_certificate, child_certificate_on, visibility, consent_matching, active";

// Postcode -> centroid without a string lookup per row (the load reads a million of them).
class PostcodeCentroids {
 public:
  explicit PostcodeCentroids(const domain::PostcodeDirectory& postcodes);
  // The centre of a four-digit postcode, or nullopt (unknown, malformed, no centroid).
  std::optional<std::pair<float, float>> Find(std::string_view code) const;

 private:
  std::vector<std::array<float, 2>> by_number_;  // 10,000 entries; NaN when none
};

// One row of kVolunteerIndexColumns as the engine's record.
domain::MatchProfile VolunteerProfileFromRow(const Row& row, const PostcodeCentroids& centroids);

class VolunteerIndex {
 public:
  VolunteerIndex(Database& database, const domain::PostcodeDirectory& postcodes);

  // Loads the index on first use, else applies the change log's new entries.
  Status Refresh();
  // Refresh, then the best `query.limit` volunteers.
  Result<std::vector<domain::MatchResult>> Rank(const domain::MatchQuery& query, int threads = 1);

  // For the figures and tests; meaningful after a Refresh.
  size_t size() const;
  size_t BytesUsed() const;
  int64_t applied_change() const;
  std::optional<domain::MatchProfile> Find(int64_t id) const;
  domain::SkillWeights SkillWeightsNow() const;

 private:
  Status LoadAll(Connection& connection);
  Status ApplyChanges(Connection& connection);

  Database& database_;
  PostcodeCentroids centroids_;
  std::mutex refresh_mutex_;  // one refresher at a time; matches wait for it (they need its result)
  mutable std::shared_mutex mutex_;
  domain::VolunteerIndex index_;
  bool loaded_ = false;
  int64_t applied_change_ = 0;
};

}  // namespace samskab::storage
