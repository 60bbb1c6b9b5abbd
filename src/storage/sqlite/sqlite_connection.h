// The SQLite backend: one connection per Connection object, opened with WAL, foreign keys on,
// a busy timeout and synchronous=FULL, so that a commit that returned is on disk.
#pragma once

#include <memory>
#include <string>

#include "storage/database.h"

namespace samskab::storage {

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path);

}  // namespace samskab::storage
