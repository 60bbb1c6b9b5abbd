#include "storage/sqlite/fts5_api.h"

namespace samskab::storage {

fts5_api* Fts5Api(sqlite3* db) {
  // The documented way to reach it: SELECT fts5(?1) writes the pointer into a bound pointer.
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace samskab::storage
