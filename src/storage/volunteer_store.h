// Volunteer profiles (domain/market/volunteer.h) on the storage seam, written once for both
// backends. A person owns one profile, platform-wide, and reads and changes it by their user id
// (with a revision check); municipal staff of any municipality read the profiles their owners
// shared (visibility "municipalities" or "public", and active). Every write records the change
// for the matching index (storage/market_changes.h) and an audit entry, in its transaction.
// docs/decisions/0011-volunteers.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/market/volunteer.h"
#include "domain/place/postcodes.h"
#include "storage/database.h"

namespace samskab::storage {

// The staff list's filters; unset ones do not filter.
struct VolunteerFilter {
  std::optional<std::string> skill;     // a built-in skill key
  std::optional<std::string> language;  // a spoken language code
  std::optional<std::string> postcode;  // four digits: the profiles with exactly this postcode
  int64_t offset = 0;
  int64_t limit = 20;
};

struct VolunteerPage {
  std::vector<domain::VolunteerProfile> items;  // newest change first, then by id
  int64_t total = 0;
};

class VolunteerStore {
 public:
  VolunteerStore(Database& database, const Clock& clock, const domain::PostcodeDirectory& postcodes)
      : database_(database), clock_(clock), postcodes_(postcodes) {}

  // NormaliseVolunteerProfile with this store's postcodes and today's date (the API names every
  // problem of a request at once).
  std::vector<FieldProblem> Normalise(domain::VolunteerProfile& profile) const;

  // The person's own profile; kNotFound "volunteer.error.not_found" when they have none.
  Result<domain::VolunteerProfile> GetOwn(int64_t user_id);
  // Creates the person's profile (`expected_revision` 0) or replaces it (the revision they read).
  // A stale revision, or 0 when one exists: kPreconditionFailed "volunteer.error.stale", nothing
  // changed. Creating also grants the person the volunteer role when they do not hold it.
  // kInvalidArgument naming every bad field.
  Result<domain::VolunteerProfile> SaveOwn(const domain::Actor& actor, int64_t user_id,
                                           domain::VolunteerProfile profile, int64_t expected_revision);
  // Deletes the person's profile at the revision they read (kPreconditionFailed when stale,
  // kNotFound when there is none).
  Status DeleteOwn(const domain::Actor& actor, int64_t user_id, int64_t expected_revision);

  // What municipal staff may see: shared, active profiles.
  Result<VolunteerPage> ListShared(const VolunteerFilter& filter);
  // One shared profile; kNotFound for a private, inactive or missing one alike.
  Result<domain::VolunteerProfile> GetShared(int64_t id);

 private:
  Database& database_;
  const Clock& clock_;
  const domain::PostcodeDirectory& postcodes_;
};

// Account erasure (AccountStore::Erase) calls this in its transaction: the person's profile is
// deleted, the change recorded for the matching index, and its values removed from the audit
// snapshots about it. Nothing happens when the person has no profile.
Status EraseVolunteerProfileOf(Connection& connection, const domain::Actor& actor, int64_t user_id,
                               const Clock& clock);

}  // namespace samskab::storage
