// The audit log on the storage seam. RecordAudit() runs inside the caller's write transaction,
// so a change and its entry are committed together or not at all. The product only inserts and
// reads; nothing updates or deletes entries (erasure replaces the person's own values in the
// snapshots, see UserStore::Erase).
#pragma once

#include <string>
#include <vector>

#include "domain/audit/audit.h"
#include "domain/unit/unit.h"
#include "storage/database.h"

namespace samskab::storage {

// Adds one entry; `at` is the entry's time (callers pass their clock's).
Status RecordAudit(Connection& connection, const domain::Actor& actor, const std::string& municipality_code,
                   std::string_view action, std::string_view entity, std::string_view entity_id,
                   const std::optional<std::string>& before_json,
                   const std::optional<std::string>& after_json, const std::string& at);

class AuditStore {
 public:
  explicit AuditStore(Database& database) : database_(database) {}
  // The municipality's entries, newest first, older than `before_id` (0: from the newest).
  Result<std::vector<domain::AuditEntry>> List(const domain::MunicipalityScope& scope, int limit,
                                               int64_t before_id);
  // Entries made by a user or about them (for their data export).
  Result<std::vector<domain::AuditEntry>> ListForUser(int64_t user_id);

 private:
  Database& database_;
};

}  // namespace samskab::storage
