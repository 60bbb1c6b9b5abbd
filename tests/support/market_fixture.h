// Opportunities and volunteer profiles for the applications' tests, written directly with SQL:
// their own stores belong to another part of issue 5, and these tests need only the rows.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/market/offer.h"
#include "domain/place/postcodes.h"
#include "storage/database.h"

namespace samskab::testing {

// The market stores' test clock (a fixed instant in November 2026) and the embedded postcodes.
inline const FixedClock& MarketClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}
inline const domain::PostcodeDirectory& MarketPostcodes() {
  static const domain::PostcodeDirectory kDirectory = *domain::PostcodeDirectory::LoadEmbedded();
  return kDirectory;
}

struct OpportunityRow {
  std::string municipality_code = "0190";
  std::optional<int64_t> unit_id;
  std::optional<int64_t> organisation_id;
  std::string title = "Lektiehjælp i Farum";
  int64_t capacity = 2;
  std::string status = "open";
  std::optional<std::string> ends_on;
  bool involves_children = false;
  std::optional<int64_t> created_by;
};

// Inserts the opportunity and returns its id (0 after a failed assertion).
inline int64_t InsertOpportunity(storage::Database& db, const OpportunityRow& o) {
  auto lease = db.Acquire();
  EXPECT_TRUE(lease.ok());
  if (!lease.ok()) return 0;
  auto rows = (*lease)->Query(
      "INSERT INTO opportunities (municipality_code, unit_id, organisation_id, title, capacity, ends_on, "
      "involves_children, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "'2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z') RETURNING id",
      {o.municipality_code, storage::NullIfEmpty(o.unit_id), storage::NullIfEmpty(o.organisation_id), o.title,
       o.capacity, storage::NullIfEmpty(o.ends_on), int64_t{o.involves_children ? 1 : 0}, o.status,
       storage::NullIfEmpty(o.created_by)});
  EXPECT_TRUE(rows.ok()) << rows.status().log_message();
  return rows.ok() ? rows->front().Int(0) : 0;
}

// A user row without a password (enough to own applications and a profile); returns the id.
inline int64_t InsertUser(storage::Database& db, const std::string& email, const std::string& name) {
  auto lease = db.Acquire();
  EXPECT_TRUE(lease.ok());
  if (!lease.ok()) return 0;
  auto rows = (*lease)->Query(
      "INSERT INTO users (email, display_name, password_hash, email_verified_at, created_at) VALUES (?, ?, "
      "'', "
      "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
      {email, name});
  EXPECT_TRUE(rows.ok()) << rows.status().log_message();
  return rows.ok() ? rows->front().Int(0) : 0;
}

// The user's volunteer profile with a child-protection certificate status ("none", "requested",
// "obtained") and date.
inline void InsertProfile(storage::Database& db, int64_t user_id, const std::string& certificate,
                          std::optional<std::string> on) {
  auto lease = db.Acquire();
  ASSERT_TRUE(lease.ok());
  auto done = (*lease)->Execute(
      "INSERT INTO volunteer_profiles (user_id, child_certificate, child_certificate_on, created_at, "
      "updated_at) "
      "VALUES (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      {user_id, certificate, storage::NullIfEmpty(on)});
  ASSERT_TRUE(done.ok()) << done.status().log_message();
}

inline int64_t CountRows(storage::Database& db, const std::string& sql, const storage::Params& params = {}) {
  auto lease = db.Acquire();
  if (!lease.ok()) return -1;
  auto rows = (*lease)->Query(sql, params);
  return rows.ok() ? rows->front().Int(0) : -1;
}

// An organisation with a public own profile (one every municipality may see); returns the id.
inline int64_t InsertOrganisation(storage::Database& db, const std::string& name, const std::string& kind) {
  auto lease = db.Acquire();
  EXPECT_TRUE(lease.ok());
  if (!lease.ok()) return 0;
  auto rows = (*lease)->Query(
      "INSERT INTO organisations (name, kind, is_public, created_at, updated_at) VALUES (?, ?, 1, "
      "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
      {name, kind});
  EXPECT_TRUE(rows.ok()) << rows.status().log_message();
  return rows.ok() ? rows->front().Int(0) : 0;
}

// A company's event day offered to `municipalities` (empty: to all), for OfferStore::Create.
inline domain::Offer EventDayOffer(int64_t organisation_id, std::vector<std::string> municipalities) {
  domain::Offer o;
  o.organisation_id = organisation_id;
  o.kind = domain::OfferKind::kEventDay;
  o.title = "Medarbejderdag: udflugt til skoven";
  o.event_on = "2027-05-12";
  o.event_capacity = 20;
  o.municipalities = std::move(municipalities);
  return o;
}

}  // namespace samskab::testing
