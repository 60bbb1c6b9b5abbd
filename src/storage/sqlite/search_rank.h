// The FTS5 rank function `samskab_rank` (decisions/0015-search.md): Okapi BM25 over the words a
// person typed, in the title and the text only.
//
//   samskab_rank(table, words, title_weight, text_weight)
//
// `words` says how many of the query's first phrases are the typed words; the phrases after them
// are the search's filters (migration 0010's `facets` column) and count for nothing. FTS5's own
// bm25() visits every phrase of the query for every row, so a query with fifty filter words
// ranks several times slower; this function reads only the words' positions. Lower is better,
// as with bm25(): ORDER BY samskab_rank(…) gives the best first.
#pragma once

#include <sqlite3.h>

#include "core/status.h"

namespace samskab::storage {

Status RegisterSearchRank(sqlite3* db);

}  // namespace samskab::storage
