#include "storage/opportunity_search.h"

#include <algorithm>
#include <unordered_map>

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

// The parts of the SQL that differ between the backends. Parameters are `?` in both (the
// PostgreSQL backend numbers them).
struct BackendSql {
  // The ranked query's source and its match condition; the words' parameters come first.
  const char* ranked_from;
  const char* ranked_match;  // "" when the source already matched
  const char* ranked_order;
  int ranked_word_params;  // how often the words are bound before the filters
  int order_word_params;   // and after them (ORDER BY)
  const char* snippet;     // the details query's snippet column
  int snippet_word_params;
  const char* browse_from;    // the list without words
  const char* id_list;        // "o.id IN …" for one bound list
  const char* postcode_list;  // "o.postcode IN …" for one bound list
};

constexpr BackendSql kSqlite{
    // bm25 with the title worth four times the text; lower is better.
    "WITH hits (id, score) AS ("
    "SELECT rowid, bm25(opportunity_search_da, 4.0, 1.0) FROM opportunity_search_da "
    "WHERE opportunity_search_da MATCH ? "
    "UNION ALL "
    "SELECT rowid, bm25(opportunity_search_nb, 4.0, 1.0) FROM opportunity_search_nb "
    "WHERE opportunity_search_nb MATCH ?) "
    // CROSS JOIN keeps the matches the outer loop (SQLite does not reorder it); the covering
    // index of migration 0008 answers the filters without reading the wide rows.
    "SELECT o.id, COUNT(*) OVER () FROM hits h CROSS JOIN opportunities o INDEXED BY "
    "opportunities_search_filter "
    "ON o.id = h.id WHERE ",
    "",
    " ORDER BY h.score, o.id",
    2,
    0,
    "CASE o.language WHEN 'nb' THEN "
    "(SELECT snippet(opportunity_search_nb, 1, char(2), char(3), '…', 24) FROM opportunity_search_nb "
    "WHERE opportunity_search_nb MATCH ? AND rowid = o.id) "
    "ELSE (SELECT snippet(opportunity_search_da, 1, char(2), char(3), '…', 24) FROM opportunity_search_da "
    "WHERE opportunity_search_da MATCH ? AND rowid = o.id) END",
    2,
    "SELECT o.id, COUNT(*) OVER () FROM opportunities o INDEXED BY opportunities_search_filter WHERE ",
    "o.id IN (SELECT value FROM json_each(?))",
    "o.postcode IN (SELECT value FROM json_each(?))",
};

constexpr BackendSql kPostgres{
    // The rank is computed below the window (OFFSET 0 keeps the subquery from being pulled up),
    // so the window carries (id, score) and not whole rows with their tsvectors.
    "SELECT h.id, COUNT(*) OVER () FROM (SELECT o.id, -ts_rank(o.search_vector, CASE o.language "
    "WHEN 'nb' THEN plainto_tsquery('norwegian', ?) ELSE plainto_tsquery('danish', ?) END) AS score "
    "FROM opportunities o WHERE ",
    // Two conditions on the one GIN index (a BitmapOr): each row is matched with the stems of
    // its own language.
    "((o.language = 'da' AND o.search_vector @@ plainto_tsquery('danish', ?)) "
    "OR (o.language = 'nb' AND o.search_vector @@ plainto_tsquery('norwegian', ?))) AND ",
    " OFFSET 0) AS h ORDER BY h.score, h.id",
    4,
    0,
    "ts_headline(CASE o.language WHEN 'nb' THEN 'norwegian'::regconfig ELSE 'danish'::regconfig END, "
    "o.description, CASE o.language WHEN 'nb' THEN plainto_tsquery('norwegian', ?) "
    "ELSE plainto_tsquery('danish', ?) END, "
    "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=15, MaxFragments=2, "
    "FragmentDelimiter=\" … \"')",
    2,
    "SELECT o.id, COUNT(*) OVER () FROM opportunities o WHERE ",
    "o.id = ANY (?::bigint[])",
    "o.postcode = ANY (?::text[])",
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

// The public filter and the facets, the same on both backends.
std::string FilterSql(const BackendSql& sql, Backend backend, const OpportunitySearchRequest& request,
                      Params& params) {
  std::string where = "o.status = 'open' AND (o.ends_on IS NULL OR o.ends_on >= ?)";
  params.emplace_back(request.today);
  if (!request.municipality.empty()) {
    where += " AND o.municipality_code = ?";
    params.emplace_back(request.municipality);
  }
  if (!request.welfare_area.empty()) {
    where += " AND o.welfare_areas LIKE ? ESCAPE '\\'";
    params.emplace_back(ContainsPattern("," + request.welfare_area + ","));
  }
  if (!request.target_group.empty()) {
    where += " AND o.target_groups LIKE ? ESCAPE '\\'";
    params.emplace_back(ContainsPattern("," + request.target_group + ","));
  }
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
  const std::string words = WordsParameter(backend, request.words);
  const int per_page = std::clamp(request.per_page, 1, kMaxSearchPerPage);
  const int64_t offset = static_cast<int64_t>(std::max(request.page, 1) - 1) * per_page;

  // 1. The page's ids in order, and the total in the same pass (COUNT(*) OVER ()): the ranking
  // has to visit every match anyway.
  Params params;
  std::string ranked;
  std::string where;
  Params where_params;
  where = FilterSql(sql, backend, request, where_params);
  if (has_words) {
    for (int i = 0; i < sql.ranked_word_params; ++i) params.emplace_back(words);
    ranked = std::string(sql.ranked_from) + sql.ranked_match + where + sql.ranked_order;
    params.insert(params.end(), where_params.begin(), where_params.end());
    for (int i = 0; i < sql.order_word_params; ++i) params.emplace_back(words);
  } else {
    ranked = std::string(sql.browse_from) + where + " ORDER BY o.id DESC";
    params = where_params;
  }
  ranked += " LIMIT ? OFFSET ?";
  params.emplace_back(static_cast<int64_t>(per_page));
  params.emplace_back(offset);

  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  Connection& connection = **lease;
  auto page = connection.Query(ranked, params);
  if (!page.ok()) return page.status();

  OpportunitySearchResult result;
  if (page->empty()) {
    if (offset == 0) return result;
    // Past the last page: the total still tells the reader where the results end.
    std::string count = ranked.substr(0, ranked.find(" ORDER BY "));
    count = "SELECT COUNT(*) FROM (" + count + ") AS page";
    params.resize(params.size() - 2 - (has_words ? sql.order_word_params : 0));
    auto total = connection.Query(count, params);
    if (!total.ok()) return total.status();
    result.total = total->front().Int(0);
    return result;
  }
  result.total = page->front().Int(1);
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
