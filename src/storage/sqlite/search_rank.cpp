#include "storage/sqlite/search_rank.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "storage/sqlite/fts5_api.h"

namespace samskab::storage {
namespace {

// The usual BM25 constants: term frequency saturates with k1, document length counts with b.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr int kTitleColumn = 0;
constexpr int kTextColumn = 1;

// What stays the same for every row of one query: each word's inverse document frequency and the
// average length of a title plus its text. Computed at the first row, kept as the query's
// auxiliary data.
struct QueryStatistics {
  std::vector<double> idf;
  double average_length = 1;
};

int CountRow(const Fts5ExtensionApi* /*api*/, Fts5Context* /*context*/, void* count) {
  ++*static_cast<sqlite3_int64*>(count);
  return SQLITE_OK;
}

int ReadStatistics(const Fts5ExtensionApi* api, Fts5Context* fts, int words, QueryStatistics& out) {
  sqlite3_int64 rows = 0;
  sqlite3_int64 title_tokens = 0;
  sqlite3_int64 text_tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, kTitleColumn, &title_tokens);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, kTextColumn, &text_tokens);
  if (rc != SQLITE_OK) return rc;
  out.average_length =
      rows > 0 ? std::max(1.0, static_cast<double>(title_tokens + text_tokens) / static_cast<double>(rows))
               : 1;
  for (int phrase = 0; phrase < words; ++phrase) {
    sqlite3_int64 containing = 0;  // rows with the word
    rc = api->xQueryPhrase(fts, phrase, &containing, CountRow);
    if (rc != SQLITE_OK) return rc;
    const double idf =
        std::log((static_cast<double>(rows - containing) + 0.5) / (static_cast<double>(containing) + 0.5));
    // A word in more than half the rows would weigh negatively; it still counts a little.
    out.idf.push_back(idf > 1e-6 ? idf : 1e-6);
  }
  return SQLITE_OK;
}

void Rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc,
          sqlite3_value** argv) {
  if (argc != 3) {
    sqlite3_result_error(result, "samskab_rank(table, words, title_weight, text_weight)", -1);
    return;
  }
  const int words = std::min(sqlite3_value_int(argv[0]), api->xPhraseCount(fts));
  const double weights[2] = {sqlite3_value_double(argv[1]), sqlite3_value_double(argv[2])};

  auto* statistics = static_cast<QueryStatistics*>(api->xGetAuxdata(fts, 0));
  if (!statistics) {
    auto made = std::make_unique<QueryStatistics>();
    if (const int rc = ReadStatistics(api, fts, words, *made); rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
    statistics = made.get();
    const int rc =
        api->xSetAuxdata(fts, made.release(), [](void* data) { delete static_cast<QueryStatistics*>(data); });
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
  }

  int title_length = 0;
  int text_length = 0;
  int rc = api->xColumnSize(fts, kTitleColumn, &title_length);
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, kTextColumn, &text_length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  const double length_norm = kK1 * (1 - kB + kB * (title_length + text_length) / statistics->average_length);
  double score = 0;
  for (int phrase = 0; phrase < words; ++phrase) {
    double frequency = 0;  // the word's occurrences, each weighted by its column
    Fts5PhraseIter iterator;
    int column = 0;
    int offset = 0;
    rc = api->xPhraseFirst(fts, phrase, &iterator, &column, &offset);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
    for (; column >= 0; api->xPhraseNext(fts, &iterator, &column, &offset)) {
      if (column == kTitleColumn || column == kTextColumn) frequency += weights[column];
    }
    score += statistics->idf[phrase] * frequency * (kK1 + 1) / (frequency + length_norm);
  }
  sqlite3_result_double(result, -score);
}

}  // namespace

Status RegisterSearchRank(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (!api) return Internal("sqlite: FTS5 is not available");
  const int rc = api->xCreateFunction(api, "samskab_rank", nullptr, Rank, nullptr);
  if (rc != SQLITE_OK) return Internal(fmt::format("sqlite: cannot register samskab_rank ({})", rc));
  return Status::Ok();
}

}  // namespace samskab::storage
