// The change log the in-memory matching index follows (table market_changes, migration 0007).
// Every write of a volunteer profile calls RecordVolunteerChange in the same transaction as the
// write; each index reads the entries after the last one it applied (ChangesAfter) before it
// answers, so several `samskab serve` instances sharing one PostgreSQL see the same profiles.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "storage/database.h"

namespace samskab::storage {

struct MarketChange {
  int64_t id = 0;
  int64_t record_id = 0;  // a volunteer_profiles.id
};

// Appends "volunteer profile `profile_id` changed". REQUIRES: an open write transaction on
// `connection`. On PostgreSQL it first takes a transaction-scoped advisory lock, so entries
// commit in id order and a reader that has seen id n never misses an id below n that commits
// later (identity values are handed out before commit).
Status RecordVolunteerChange(Connection& connection, int64_t profile_id, const Clock& clock);

// The same for many profiles at once (the generator's bulk load): one lock, multi-row INSERTs.
Status RecordVolunteerChanges(Connection& connection, const std::vector<int64_t>& profile_ids,
                              const Clock& clock);

// The entries with id > `after_id`, oldest first, at most `limit`.
Result<std::vector<MarketChange>> ChangesAfter(Connection& connection, int64_t after_id, int limit);

// The newest entry's id (0 when empty): where an index built from a full load starts following.
Result<int64_t> LatestChangeId(Connection& connection);

// The oldest entry left (0 when none). Retention prunes entries a week old but always keeps the
// newest, so ids never go back (SQLite would reuse the largest id once it is deleted).
Result<int64_t> OldestChangeId(Connection& connection);

}  // namespace samskab::storage
