// The free-text filters of the lists (organisations; the collaboration overview can share it):
// the words a person typed, folded like the stored search text, and the LIKE pattern for each.
// A row matches when every word occurs in its search text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace samskab::storage {

// The words of `typed` (split at whitespace), case-folded with text::FoldCase; at most
// `max_words`, so a pasted essay cannot make one query with thousands of LIKEs.
std::vector<std::string> SearchWords(std::string_view typed, size_t max_words = 10);

// "%word%" with %, _ and \ escaped, for `column LIKE ? ESCAPE '\'` (the same on both backends).
std::string ContainsPattern(std::string_view word);

}  // namespace samskab::storage
