// The FTS5 tokenizer `snowball` for Danish and Norwegian full text (issue 5, decisions/0015):
// FTS5's own `unicode61` tokenizer with `remove_diacritics 0` (so "æ", "ø", "å" stay letters and
// "år" is not "ar") splits and lower-cases the text, then the Snowball stemmer of the language
// (libstemmer) reduces each token to its stem, so "frivillige" finds "frivillig".
//
//   CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'snowball danish');   -- or norwegian
//
// A tokenizer is a per-connection registration: OpenSqlite registers it on every connection
// before anything else runs, so the migrations, the triggers and the searches all find it. A
// database with these tables cannot be read by a sqlite3 shell without the tokenizer.
#pragma once

#include <sqlite3.h>

#include "core/status.h"

namespace samskab::storage {

Status RegisterSnowballTokenizer(sqlite3* db);

}  // namespace samskab::storage
