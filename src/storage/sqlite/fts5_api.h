// The FTS5 extension interface of one SQLite connection, through which samskab registers what it
// adds to full-text search: the tokenizer `snowball` and the rank function `samskab_rank`.
#pragma once

#include <sqlite3.h>

namespace samskab::storage {

// The connection's fts5_api, or nullptr when SQLite was built without FTS5.
fts5_api* Fts5Api(sqlite3* db);

}  // namespace samskab::storage
