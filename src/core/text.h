// Text helpers shared by every layer: UTF-8 validation, percent-decoding of URLs and
// application/x-www-form-urlencoded bodies, and small string utilities. Pure functions,
// safe from any thread. They never throw on bad input: they report it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samskab::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Decodes %XX escapes; with `plus_is_space` also '+' (form encoding). Returns nullopt for a
// malformed escape or when the result is not valid UTF-8 or contains a NUL byte.
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);

// Encodes everything but unreserved characters (RFC 3986) as %XX.
std::string PercentEncode(std::string_view s);

using Params = std::vector<std::pair<std::string, std::string>>;

// Parses "a=1&b=two" (a query string or a form body). Returns nullopt when any part is
// malformed, so a request with a broken parameter is refused whole rather than half-read.
std::optional<Params> ParseUrlEncoded(std::string_view s);

// The first value for `name`, if present.
std::optional<std::string_view> Find(const Params& params, std::string_view name);

// A positive decimal integer (an id in a path, a form or a query), nothing else around it.
std::optional<int64_t> ParsePositiveId(std::string_view text);

// A calendar date written YYYY-MM-DD (ISO 8601), years 1900-2999, the day valid in its month.
bool IsIsoDate(std::string_view text);

// Lower-cases for case-insensitive search: ASCII and the Latin-1 letters Danish and Norwegian
// use (Æ Ø Å É Ü …); everything else is kept as it is. Input must be valid UTF-8.
std::string FoldCase(std::string_view utf8);

bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string ToLower(std::string_view s);
std::string_view Trim(std::string_view s);

}  // namespace samskab::text
