// Deletion of what the platform no longer needs (docs/PRIVACY.md lists the periods): expired
// sessions and one-time links, old login-failure counters, old outbox messages, contact-form
// messages after their retention period, audit entries after theirs, and CSV imports waiting
// between upload and import (or kept for their result page) after a week, volunteer profiles a year
// after the volunteer stopped (set them inactive; the matching index learns of each), and the
// applications of volunteers not taken on (declined, withdrawn, never confirmed) three years after
// their last change, and the matching index's change log after a week. Runs hourly inside `samskab serve` and
// on demand as `samskab retention`. Safe to run from several instances.
#pragma once

#include <chrono>
#include <cstdint>

#include "core/status.h"
#include "storage/database.h"

namespace samskab::storage {

struct RetentionPolicy {
  std::chrono::hours inquiries{24 * 365};           // contact-form messages: one year
  std::chrono::hours outbox{24 * 30};               // e-mail copies: 30 days
  std::chrono::hours audit{24 * 365 * 5};           // the audit trail: five years
  std::chrono::hours used_links{24};                // used or expired one-time links: a day (then gone)
  std::chrono::hours login_failures{24};            // failure counters: a day after their window
  std::chrono::hours imports{24 * 7};               // uploaded CSV files and their results: a week
  std::chrono::hours stopped_volunteers{24 * 365};  // profiles a volunteer set inactive: a year
  // Applicants not taken on (declined, withdrawn, unverified), with their messages: three years
  // after the application last changed (PRODUCT.md "Personal data").
  std::chrono::hours applications{24 * (365 * 3 + 1)};
  // The matching index's change log (no personal data, only ids): a week; the newest stays.
  std::chrono::hours market_changes{24 * 7};
};

struct RetentionReport {
  int64_t sessions = 0;
  int64_t one_time_tokens = 0;
  int64_t login_failures = 0;
  int64_t outbox = 0;
  int64_t inquiries = 0;
  int64_t audit = 0;
  int64_t imports = 0;
  int64_t volunteers = 0;
  int64_t applications = 0;
  int64_t market_changes = 0;
  int64_t total() const {
    return sessions + one_time_tokens + login_failures + outbox + inquiries + audit + imports + volunteers +
           applications + market_changes;
  }
};

Result<RetentionReport> ApplyRetention(Database& database, std::chrono::system_clock::time_point now,
                                       const RetentionPolicy& policy);

}  // namespace samskab::storage
