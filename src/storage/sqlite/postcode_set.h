// The SQL function `samskab_postcode_in(list, postcode)` for the distance search
// (storage/opportunity_search.cpp, SqliteArm): 1 if `postcode` is one of the JSON array `list`
// of four-digit postcodes, else 0 (NULL or any other text: 0).
//
// `postcode IN (SELECT value FROM json_each(?))` answers the same, but with a search in a
// temporary B-tree for every match; here the list is read once per statement into a table of the
// 10,000 four-digit codes (kept as the argument's auxiliary data), and each match is one look.
#pragma once

#include <sqlite3.h>

#include "core/status.h"

namespace samskab::storage {

Status RegisterPostcodeSet(sqlite3* db);

}  // namespace samskab::storage
