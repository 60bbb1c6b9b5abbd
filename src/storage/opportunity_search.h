// The public full-text search of opportunities (issue 5 item 2; decisions/0015-search.md):
// Danish and Norwegian words with stemming (the index of migration 0008), facets, ranking,
// snippets with the matched words marked, paging with a total. Only what is public is ever
// found: opportunities with status 'open' whose end date has not passed.
//
// Written once for both backends; the few fragments that differ (the MATCH against two FTS5
// tables with bm25 and snippet() on SQLite, the tsquery with ts_rank and ts_headline on
// PostgreSQL, how a list of values is bound) live in one table of SQL per backend in the .cpp.
// User text never reaches the database as search syntax: it is cut into words of letters and
// digits first, and each word is passed as a quoted phrase (SQLite) or through plainto_tsquery
// (PostgreSQL).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/place/postcodes.h"
#include "storage/database.h"

namespace samskab::storage {

inline constexpr size_t kMaxSearchTextLength = 200;  // code points
inline constexpr size_t kMaxSearchWords = 20;
inline constexpr int kMaxSearchPerPage = 50;
inline constexpr int kMaxSearchPage = 500;  // deep pages of a ranked list help nobody
// The horizon of a search with words: only the newest this many public matches are ranked, so a
// word found in most posts costs no more than a word found in a few thousand (decisions/0015).
inline constexpr int kSearchHorizon = 5000;

// Snippets mark each matched word with these two characters (STX, ETX): control characters,
// which the text of an opportunity cannot hold in a way that matters (should one be stored, it
// would at worst mark a word wrongly: the pages escape every part of a snippet, marked or not).
inline constexpr char kMatchStart = '\x02';
inline constexpr char kMatchEnd = '\x03';

// The words of a typed query: runs of letters and digits (any script), case-folded; everything
// else (quotes, *, -, parentheses, colons, ^ …) only separates words. Fails with
// kInvalidArgument "search.error.query_too_long" for more than kMaxSearchTextLength code points
// or more than kMaxSearchWords words. Empty text gives no words (browse everything).
Result<std::vector<std::string>> SearchTextWords(std::string_view typed);

// The postcodes whose district centre lies within `km` of `origin`, sorted.
std::vector<std::string> PostcodesWithin(const domain::PostcodeDirectory& directory,
                                         const domain::GeoPoint& origin, double km);

// One search, already validated (the API and the page read it: api/opportunity_search_api.h).
struct OpportunitySearchRequest {
  std::vector<std::string> words;                     // from SearchTextWords; empty: newest first
  std::string municipality;                           // a municipality code, or "" for all
  std::string welfare_area;                           // a term key, or ""
  std::string target_group;                           // a term key, or ""
  std::optional<std::vector<std::string>> postcodes;  // set: only opportunities in these postcodes
  std::optional<int> weekday;                         // 0 = Monday: wanted on some part of that day
  // "municipality" (posted by a municipal unit, whatever organisation_kind holds) or an
  // organisation kind ("company", …: the opportunity's organisation_kind); "" for all.
  std::string organisation_kind;
  std::string today;  // YYYY-MM-DD: ends_on before it is past
  int page = 1;       // 1-based
  int per_page = 20;
  int horizon = kSearchHorizon;  // how many of the newest matches are ranked (tests make it small)
};

struct OpportunityHit {
  int64_t id = 0;
  std::string title;
  std::string poster;  // the organisation's or the unit's name
  std::string municipality_code;
  std::optional<std::string> postcode;
  std::string language;  // "da", "nb"
  // Part of the description with the matched words between kMatchStart and kMatchEnd; without
  // words, the description's beginning.
  std::string snippet;
};

struct OpportunitySearchResult {
  int64_t total = 0;  // the results there are pages for: at most kSearchHorizon with words
  // With words: the horizon was reached, so older posts may match too and were not ranked.
  bool horizon_reached = false;
  std::vector<OpportunityHit> hits;
};

// Ranked by relevance (bm25 / ts_rank; the title weighs more than the text), ties by id, among
// the newest kSearchHorizon matches; without words newest first (id descending), all of them.
Result<OpportunitySearchResult> SearchOpportunities(Database& database,
                                                    const OpportunitySearchRequest& request);

// A snippet cut at the markers: alternating parts, each {text, matched}. Unbalanced markers are
// dropped; the result never contains a marker.
struct SnippetPart {
  std::string text;
  bool match = false;
  bool operator==(const SnippetPart&) const = default;
};
std::vector<SnippetPart> SplitSnippet(std::string_view marked);

}  // namespace samskab::storage
