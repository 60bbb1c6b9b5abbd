// Versioned, forward-only schema migrations. Each file src/storage/migrations/NNNN_name.sql is
// compiled into the binary and applied once, in its own transaction, and recorded in
// schema_migrations. `{{ID}}` in a file becomes each backend's auto-increment primary key.
// Several processes may migrate at once: SQLite serialises them with BEGIN IMMEDIATE,
// PostgreSQL with an advisory lock, and the loser finds the work already done.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "storage/database.h"

namespace samskab::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // with the dialect substitutions still to be applied
};

const std::vector<Migration>& AllMigrations();
int LatestSchemaVersion();

// The lines of a migration meant for `backend`: those between "-- @sqlite-only" (or
// "-- @postgres-only") and "-- @end" only on that backend, all others on both.
std::string KeepBackendSections(std::string_view sql, Backend backend);

// The SQL of `migration` for `backend`.
std::string SqlFor(const Migration& migration, Backend backend);

// The highest applied version, 0 for an empty database.
Result<int> CurrentSchemaVersion(Database& database);

// Applies every pending migration; returns how many were applied.
Result<int> Migrate(Database& database, const Clock& clock);

// Ok when the database is exactly at this binary's version; kFailedPrecondition with a message
// that says what to do otherwise (run `samskab migrate`, or upgrade samskab).
Status CheckSchemaCurrent(Database& database);

}  // namespace samskab::storage
