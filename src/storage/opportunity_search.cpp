#include "storage/opportunity_search.h"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "core/text.h"
#include "storage/search_words.h"

namespace samskab::storage {
namespace {

// Decodes one code point of valid UTF-8 at `i` and advances `i`.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto byte = static_cast<unsigned char>(s[i]);
  int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  char32_t cp = length == 1 ? byte : length == 2 ? byte & 0x1F : length == 3 ? byte & 0x0F : byte & 0x07;
  for (int k = 1; k < length && i + k < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += length;
  return cp;
}

// Letters and digits of any script, told apart from punctuation, symbols and spaces without a
// Unicode database: ASCII exactly, and above it everything but the blocks of punctuation, symbols
// and spaces a person may type or paste. What slips through is still only ever a quoted word.
bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;  // Latin-1 punctuation, ª µ º
  if (cp == 0xD7 || cp == 0xF7) return false;                     // × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;                 // punctuation, currency, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;                 // CJK punctuation
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;                 // private use
  if (cp >= 0xFE10 && cp <= 0xFE6F) return false;                 // vertical and small forms
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;                 // full-width punctuation
  if (cp >= 0xFFF0) return cp > 0xFFFF;                           // specials
  return true;
}

// A bound list: a JSON array for SQLite's json_each, an array literal for PostgreSQL. The items
// are ids or four-digit postcodes, so neither needs quoting; one statement shape for any length.
template <class T>
std::string ListParameter(Backend backend, const std::vector<T>& items) {
  std::string out = backend == Backend::kSqlite ? "[" : "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    if constexpr (std::is_same_v<T, std::string>) {
      out += backend == Backend::kSqlite ? "\"" + items[i] + "\"" : items[i];
    } else {
      out += std::to_string(items[i]);
    }
  }
  return out + (backend == Backend::kSqlite ? "]" : "}");
}

// The ranked search, the same shape on both backends (decisions/0015, "The horizon"): a
// subquery `h (id, score)` of the newest public matches, at most kSearchHorizon of them, with
// their scores (lower is better), so that a word in most posts costs no more than the horizon.
// The parameters are bound in the order they appear.
//
// SQLite: the filters are words of the index's `facets` column (migrations 0010 and 0011), so the
// whole filter is one FTS5 expression: the typed words in the title and the text, AND the
// filters' words, NOT the word of closed and draft posts nor the words of end dates before today.
// FTS5 answers it by intersecting sorted lists of row ids and delivers the matches newest first
// (ORDER BY rowid DESC is answered by the table itself); LIMIT stops the scan, so samskab_rank
// runs only on the kept rows. One arm per language table.
std::string FacetWord(std::string_view prefix, std::string_view payload) {
  return fmt::format("\"{}{}z\"", prefix, payload);
}

// Keys, kinds and municipality codes hold "_" or "-", which would split a word: hex keeps it whole
// (as SQL's hex() in migration 0010).
std::string Hex(std::string_view text) {
  std::string out;
  for (const char c : text) out += fmt::format("{:02X}", static_cast<unsigned char>(c));
  return out;
}

// The words of the end dates before `today` (YYYY-MM-DD): every earlier year since 2000 (and
// "eyold" before it), every earlier month of this year, every earlier day of this month. At most
// about seventy words; each row has its year, month and day words (migration 0010).
std::vector<std::string> EndedWords(std::string_view today) {
  std::vector<std::string> words{FacetWord("eyold", "")};
  auto part = [today](size_t at, size_t length) {
    int value = 0;
    if (today.size() >= at + length) std::from_chars(today.data() + at, today.data() + at + length, value);
    return value;
  };
  const int year = part(0, 4);
  const int month = part(5, 2);
  const int day = part(8, 2);
  for (int y = 2000; y < year; ++y) words.push_back(FacetWord("ey", std::to_string(y)));
  for (int m = 1; m < month; ++m) words.push_back(FacetWord("em", fmt::format("{:04d}{:02d}", year, m)));
  for (int d = 1; d < day; ++d)
    words.push_back(FacetWord("ed", fmt::format("{:04d}{:02d}{:02d}", year, month, d)));
  return words;
}

std::string AnyOf(const std::vector<std::string>& words) {
  std::string out = "(";
  for (size_t i = 0; i < words.size(); ++i) out += (i ? " OR " : "") + words[i];
  return out + ")";
}

// The facets a search asks for, each as (kind, value), both backends' indexes spelling them
// their own way (migrations 0010 and 0011): "km" municipality, "wa" welfare area, "tg" target
// group, "wd" weekday 0-6, "ok" the poster's organisation kind ("" for a municipal unit).
std::vector<std::pair<std::string_view, std::string>> RequiredFacets(
    const OpportunitySearchRequest& request) {
  std::vector<std::pair<std::string_view, std::string>> facets;
  if (!request.municipality.empty()) facets.emplace_back("km", request.municipality);
  if (!request.welfare_area.empty()) facets.emplace_back("wa", request.welfare_area);
  if (!request.target_group.empty()) facets.emplace_back("tg", request.target_group);
  if (request.weekday) facets.emplace_back("wd", std::to_string(*request.weekday));
  if (request.organisation_kind == "municipality") {
    facets.emplace_back("ok", "");
  } else if (!request.organisation_kind.empty()) {
    facets.emplace_back("ok", request.organisation_kind);
  }
  return facets;
}

// The typed words come first: samskab_rank counts the first `words.size()` phrases.
std::string SqliteMatch(const std::string& words, const OpportunitySearchRequest& request) {
  std::string match = "{title description} : (" + words + ")";
  for (const auto& [kind, value] : RequiredFacets(request))
    match += " AND facets : " + FacetWord(kind, kind == "wd" ? value : Hex(value));
  // Not closed nor a draft (migration 0011), and not ended.
  std::vector<std::string> not_public = EndedWords(request.today);
  not_public.push_back(FacetWord("zshut", ""));
  return match + " NOT facets : " + AnyOf(not_public);
}

// The distance filter is the one left outside the expression: a circle around a postcode holds
// hundreds of postcodes in and around Copenhagen, and FTS5 seeks in each of their lists for every
// match (an OR of 50 words for groups of postcodes was still slower). Instead each match's
// postcode is read from the narrow index of migration 0011 and looked up in the bound list by
// samskab_postcode_in (storage/sqlite/postcode_set.h).
std::string SqliteArm(const char* table, bool near) {
  if (!near) {
    return fmt::format(
        "SELECT id, score FROM (SELECT rowid AS id, samskab_rank({0}, ?, 4.0, 1.0) AS score FROM {0} "
        "WHERE {0} MATCH ? ORDER BY rowid DESC LIMIT ?)",
        table);
  }
  return fmt::format(
      "SELECT id, score FROM (SELECT {0}.rowid AS id, samskab_rank({0}, ?, 4.0, 1.0) AS score FROM {0} "
      "CROSS JOIN opportunities o INDEXED BY opportunities_place ON o.id = {0}.rowid "
      "WHERE {0} MATCH ? AND samskab_postcode_in(?, o.postcode) ORDER BY {0}.rowid DESC LIMIT ?)",
      table);
}

// The ranked matches `h (id, score)` as the page's query (with the total in each row, to be given
// its LIMIT and OFFSET) and as the total alone, for a page past the last.
struct RankedSql {
  std::string page;
  Params page_params;
  std::string count;
  Params count_params;
};

// Each arm stops at the horizon by itself; the horizon over both, newest first, is then a cut-off
// id, looked for only when the arms together found more (SQLite computes a scalar subquery once,
// and a CASE only the branch it takes). Kept once (MATERIALIZED) for the rank, the total and the
// cut-off: a window over a subquery sorted and copied the matches twice more.
RankedSql SqliteRanked(const OpportunitySearchRequest& request, const std::string& words) {
  const std::string match = SqliteMatch(words, request);
  const bool near = request.postcodes.has_value();
  const auto horizon = static_cast<int64_t>(request.horizon);
  Params arm_params;
  for (int arm = 0; arm < 2; ++arm) {
    arm_params.emplace_back(static_cast<int64_t>(request.words.size()));
    arm_params.emplace_back(match);
    if (near) arm_params.emplace_back(ListParameter(Backend::kSqlite, *request.postcodes));
    arm_params.emplace_back(horizon);
  }
  const std::string with = "WITH h AS MATERIALIZED (" + SqliteArm("opportunity_search_da", near) +
                           " UNION ALL " + SqliteArm("opportunity_search_nb", near) + ") ";
  RankedSql ranked{
      with +
          "SELECT id, (SELECT min(COUNT(*), ?) FROM h) FROM h WHERE id >= CASE WHEN (SELECT COUNT(*) "
          "FROM h) > ? THEN (SELECT id FROM h ORDER BY id DESC LIMIT 1 OFFSET ?) ELSE 0 END "
          "ORDER BY score, id",
      arm_params, with + "SELECT min(COUNT(*), ?) FROM h", arm_params};
  ranked.page_params.insert(ranked.page_params.end(), {horizon, horizon, horizon - 1});
  ranked.count_params.emplace_back(horizon);
  return ranked;
}

// One lexeme of migration 0011 as tsquery text: quoted, so that no key is read as an operator.
std::string Lexeme(std::string_view prefix, std::string_view payload) {
  std::string quoted = "'";
  quoted += prefix;
  for (const char c : payload) {
    if (c == '\'' || c == '\\') quoted += c;  // a quote or backslash is written twice
    quoted += c;
  }
  return quoted + "'";
}

// The filters' lexemes (migration 0011), all required: "'open:da' & 'wa:elderly' & …".
std::string PostgresFacets(const OpportunitySearchRequest& request, std::string_view language) {
  std::string query = Lexeme("open:", language);
  for (const auto& [kind, value] : RequiredFacets(request))
    query += " & " + Lexeme(std::string(kind) + ":", value);
  return query;
}

// PostgreSQL: the typed words AND the filters' lexemes as one tsquery for each language, so the
// GIN index intersects them itself and only the rows that match all are read, from the narrow
// table opportunity_search_docs (migration 0011): a Danish row is matched with Danish stems and
// asks for open:da, a Norwegian one likewise. Only the end date, which changes with the day, and
// the distance are checked on the row. The planner walks the primary key backwards for a word in
// most posts and takes the index's matches for a rare one; ts_rank (the title at weight A) runs
// only on the kept rows. The query is planned for its words (see SearchOpportunities), so
// plainto_tsquery and && are evaluated once, at planning.
RankedSql PostgresRanked(const OpportunitySearchRequest& request, const std::string& words) {
  Params params;
  std::string sql =
      "(SELECT d.id, -ts_rank(d.search_vector, CASE d.language "
      "WHEN 'nb' THEN plainto_tsquery('norwegian', ?) ELSE plainto_tsquery('danish', ?) END) AS score "
      "FROM opportunity_search_docs d WHERE (";
  params.emplace_back(words);
  params.emplace_back(words);
  // A query of stop words only is empty, and "empty && filters" would be the filters alone:
  // such a query finds nothing, as plainto_tsquery's own @@ would.
  for (const auto& [language, config] : {std::pair{"da", "danish"}, std::pair{"nb", "norwegian"}}) {
    sql += fmt::format(
        "{0}(numnode(plainto_tsquery('{1}', ?)) > 0 "
        "AND d.search_vector @@ (plainto_tsquery('{1}', ?) && ?::tsquery))",
        std::string_view(language) == "da" ? "" : " OR ", config);
    params.emplace_back(words);
    params.emplace_back(words);
    params.emplace_back(PostgresFacets(request, language));
  }
  sql += ") AND (d.ends_on IS NULL OR d.ends_on >= ?)";
  params.emplace_back(request.today);
  if (request.postcodes) {
    sql += " AND d.postcode = ANY (?::text[])";
    params.emplace_back(ListParameter(Backend::kPostgres, *request.postcodes));
  }
  sql += " ORDER BY d.id DESC LIMIT ?) AS h";
  params.emplace_back(static_cast<int64_t>(request.horizon));
  return {"SELECT h.id, COUNT(*) OVER () FROM " + sql + " ORDER BY h.score, h.id", params,
          "SELECT COUNT(*) FROM " + sql, params};
}

// The parts of the remaining SQL that differ between the backends. Parameters are `?` in both
// (the PostgreSQL backend numbers them).
struct BackendSql {
  // The subquery h (id, score) of the kept matches.
  RankedSql (*ranked)(const OpportunitySearchRequest& request, const std::string& words);
  const char* snippet;  // the details query's snippet column
  int snippet_word_params;
  const char* browse_from;    // the list without words
  const char* id_list;        // "o.id IN …" for one bound list
  const char* postcode_list;  // "o.postcode IN …" for one bound list
  // For the list without words: a term in the list welfare_areas / target_groups (",a,b,").
  const char* welfare_area;
  const char* target_group;
  bool term_as_pattern;  // bind a LIKE pattern rather than the key
};

constexpr BackendSql kSqlite{
    SqliteRanked,
    "CASE o.language WHEN 'nb' THEN "
    "(SELECT snippet(opportunity_search_nb, 1, char(2), char(3), '…', 24) FROM opportunity_search_nb "
    "WHERE opportunity_search_nb MATCH ? AND rowid = o.id) "
    "ELSE (SELECT snippet(opportunity_search_da, 1, char(2), char(3), '…', 24) FROM opportunity_search_da "
    "WHERE opportunity_search_da MATCH ? AND rowid = o.id) END",
    2,
    // The covering index answers the filters and, read backwards, the order.
    " FROM opportunities o INDEXED BY opportunities_search_filter WHERE ",
    "o.id IN (SELECT value FROM json_each(?))",
    "o.postcode IN (SELECT value FROM json_each(?))",
    "o.welfare_areas LIKE ? ESCAPE '\\'",
    "o.target_groups LIKE ? ESCAPE '\\'",
    true,
};

constexpr BackendSql kPostgres{
    PostgresRanked,
    "ts_headline(CASE o.language WHEN 'nb' THEN 'norwegian'::regconfig ELSE 'danish'::regconfig END, "
    "o.description, CASE o.language WHEN 'nb' THEN plainto_tsquery('norwegian', ?) "
    "ELSE plainto_tsquery('danish', ?) END, "
    "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=15, MaxFragments=2, "
    "FragmentDelimiter=\" … \"')",
    2,
    " FROM opportunities o WHERE ",
    "o.id = ANY (?::bigint[])",
    "o.postcode = ANY (?::text[])",
    // The lists as arrays, which the GIN indexes of migration 0010 answer.
    "string_to_array(btrim(o.welfare_areas, ','), ',') @> ARRAY[?::text]",
    "string_to_array(btrim(o.target_groups, ','), ',') @> ARRAY[?::text]",
    false,
};

// The words as each backend reads them: quoted phrases joined by spaces (FTS5's implicit AND;
// a word holds no quote, see SearchTextWords) or plain words for plainto_tsquery (also AND).
std::string WordsParameter(Backend backend, const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += backend == Backend::kSqlite ? "\"" + word + "\"" : word;
  }
  return out;
}

// The public filter and the facets of the list without words, the same on both backends (a
// search with words has them in its full-text query instead).
std::string FilterSql(const BackendSql& sql, Backend backend, const OpportunitySearchRequest& request,
                      Params& params) {
  std::string where = "o.status = 'open' AND (o.ends_on IS NULL OR o.ends_on >= ?)";
  params.emplace_back(request.today);
  if (!request.municipality.empty()) {
    where += " AND o.municipality_code = ?";
    params.emplace_back(request.municipality);
  }
  auto term = [&](const char* condition, const std::string& key) {
    where += std::string(" AND ") + condition;
    params.emplace_back(sql.term_as_pattern ? ContainsPattern("," + key + ",") : key);
  };
  if (!request.welfare_area.empty()) term(sql.welfare_area, request.welfare_area);
  if (!request.target_group.empty()) term(sql.target_group, request.target_group);
  if (request.postcodes) {
    where += " AND " + std::string(sql.postcode_list);
    params.emplace_back(ListParameter(backend, *request.postcodes));
  }
  if (request.weekday) {
    where += " AND (o.availability & ?) <> 0";
    params.emplace_back(static_cast<int64_t>(0b111) << (*request.weekday * 3));
  }
  if (request.organisation_kind == "municipality") {
    where += " AND o.organisation_id IS NULL";
  } else if (!request.organisation_kind.empty()) {
    where += " AND o.organisation_id IS NOT NULL AND o.organisation_kind = ?";
    params.emplace_back(request.organisation_kind);
  }
  return where;
}

// The beginning of a description for the list without words: about `max_bytes`, cut at a space.
std::string Beginning(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut;  // not inside a character
  }
  return text.substr(0, cut) + " …";
}

}  // namespace

Result<std::vector<std::string>> SearchTextWords(std::string_view typed) {
  const std::string_view trimmed = text::Trim(typed);
  if (!text::IsValidUtf8(trimmed))
    return InvalidArgument("search text is not UTF-8", "search.error.query_too_long");
  std::vector<std::string> words;
  std::string word;
  size_t code_points = 0;
  auto finish = [&] {
    if (!word.empty()) words.push_back(text::FoldCase(word));
    word.clear();
  };
  for (size_t i = 0; i < trimmed.size();) {
    const size_t start = i;
    const char32_t cp = NextCodePoint(trimmed, i);
    ++code_points;
    if (IsWordCodePoint(cp)) {
      word.append(trimmed.substr(start, i - start));
    } else {
      finish();
    }
  }
  finish();
  if (code_points > kMaxSearchTextLength || words.size() > kMaxSearchWords) {
    return InvalidArgument(fmt::format("search text of {} code points, {} words", code_points, words.size()),
                           "search.error.query_too_long");
  }
  return words;
}

std::vector<std::string> PostcodesWithin(const domain::PostcodeDirectory& directory,
                                         const domain::GeoPoint& origin, double km) {
  std::vector<std::string> codes;
  for (const auto& postcode : directory.All()) {
    if (postcode.centroid && domain::DistanceKm(origin, *postcode.centroid) <= km)
      codes.push_back(postcode.code);
  }
  return codes;  // All() is ordered by code
}

Result<OpportunitySearchResult> SearchOpportunities(Database& database,
                                                    const OpportunitySearchRequest& request) {
  const Backend backend = database.backend();
  const BackendSql& sql = backend == Backend::kSqlite ? kSqlite : kPostgres;
  const bool has_words = !request.words.empty();
  if (request.postcodes && request.postcodes->empty()) return OpportunitySearchResult{};  // none that near
  const std::string words = WordsParameter(backend, request.words);
  const int per_page = std::clamp(request.per_page, 1, kMaxSearchPerPage);
  const int64_t offset = static_cast<int64_t>(std::max(request.page, 1) - 1) * per_page;

  // 1. The page's ids in order with the total. With words the total comes in the same pass
  // (COUNT(*) OVER (): the ranking visits every kept match anyway); without words the newest come
  // first and are counted apart (a window over every public post would sort them all).
  Params params;
  Params count_params;
  std::string page_sql;
  std::string count_sql;
  if (has_words) {
    RankedSql ranked = sql.ranked(request, words);
    page_sql = std::move(ranked.page);
    params = std::move(ranked.page_params);
    count_sql = std::move(ranked.count);
    count_params = std::move(ranked.count_params);
  } else {
    const std::string where = FilterSql(sql, backend, request, params);
    page_sql = std::string("SELECT o.id") + sql.browse_from + where + " ORDER BY o.id DESC";
    count_sql = std::string("SELECT COUNT(*)") + sql.browse_from + where;
    count_params = params;
  }
  page_sql += " LIMIT ? OFFSET ?";
  params.emplace_back(static_cast<int64_t>(per_page));
  params.emplace_back(offset);

  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  Connection& connection = **lease;
  // PostgreSQL keeps prepared statements, and after a few runs it may plan this one once for any
  // words: then it cannot tell a word in most posts (walk the ids backwards, stop at the horizon)
  // from a rare one (the GIN index's matches), and a rare word walked the whole table (36 ms
  // instead of 14). So the ranked search is planned for its words every time, in a transaction of
  // its own that only reads (rolled back when it ends).
  std::unique_ptr<Transaction> planned_for_words;
  if (has_words && backend == Backend::kPostgres) {
    auto begun = Transaction::Begin(connection, /*write=*/false);
    if (!begun.ok()) return begun.status();
    planned_for_words = std::move(*begun);
    SAMSKAB_RETURN_IF_ERROR(connection.ExecuteScript("SET LOCAL plan_cache_mode = force_custom_plan"));
  }
  auto page = connection.Query(page_sql, params);
  if (!page.ok()) return page.status();

  OpportunitySearchResult result;
  if (page->empty() && offset == 0 && has_words) return result;
  if (page->empty() || !has_words) {
    // Without words, and past the last page: the total tells the reader where the results end.
    auto total = connection.Query(count_sql, count_params);
    if (!total.ok()) return total.status();
    result.total = total->front().Int(0);
  } else {
    result.total = page->front().Int(1);
  }
  result.horizon_reached = has_words && result.total >= request.horizon;
  if (page->empty()) return result;
  std::vector<int64_t> ids;
  for (const auto& row : *page) ids.push_back(row.Int(0));

  // 2. The page's rows with their snippets: the expensive snippet only for these.
  Params detail_params;
  std::string details =
      "SELECT o.id, o.title, COALESCE(org.name, u.name, ''), o.municipality_code, o.postcode, "
      "o.language, ";
  if (has_words) {
    details += sql.snippet;
    for (int i = 0; i < sql.snippet_word_params; ++i) detail_params.emplace_back(words);
  } else {
    details += "o.description";
  }
  details +=
      " FROM opportunities o LEFT JOIN organisations org ON org.id = o.organisation_id "
      "LEFT JOIN units u ON u.id = o.unit_id WHERE ";
  details += sql.id_list;
  detail_params.emplace_back(ListParameter(backend, ids));
  auto rows = connection.Query(details, detail_params);
  if (!rows.ok()) return rows.status();

  std::unordered_map<int64_t, OpportunityHit> by_id;
  for (const auto& row : *rows) {
    OpportunityHit hit;
    hit.id = row.Int(0);
    hit.title = row.Text(1);
    hit.poster = row.Text(2);
    hit.municipality_code = row.Text(3);
    hit.postcode = row.OptionalText(4);
    hit.language = row.Text(5);
    hit.snippet = has_words ? row.Text(6) : Beginning(row.Text(6), 240);
    by_id.emplace(hit.id, std::move(hit));
  }
  for (const int64_t id : ids) {
    auto found = by_id.find(id);
    if (found != by_id.end()) result.hits.push_back(std::move(found->second));
  }
  return result;
}

std::vector<SnippetPart> SplitSnippet(std::string_view marked) {
  std::vector<SnippetPart> parts;
  bool in_match = false;
  std::string current;
  auto flush = [&](bool match) {
    if (current.empty()) return;
    if (!parts.empty() && parts.back().match == match) {
      parts.back().text += current;
    } else {
      parts.push_back({current, match});
    }
    current.clear();
  };
  for (const char c : marked) {
    if (c == kMatchStart) {
      flush(in_match);
      in_match = true;
    } else if (c == kMatchEnd) {
      flush(in_match);
      in_match = false;
    } else {
      current += c;
    }
  }
  // A match that never closed is not a match.
  flush(false);
  return parts;
}

}  // namespace samskab::storage
