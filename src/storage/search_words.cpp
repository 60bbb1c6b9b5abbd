#include "storage/search_words.h"

#include "core/text.h"

namespace samskab::storage {

std::vector<std::string> SearchWords(std::string_view typed, size_t max_words) {
  std::vector<std::string> words;
  const std::string folded = text::FoldCase(typed);
  size_t start = 0;
  while (start < folded.size() && words.size() < max_words) {
    size_t end = folded.find_first_of(" \t\r\n", start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string ContainsPattern(std::string_view word) {
  std::string out = "%";
  for (const char c : word) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace samskab::storage
