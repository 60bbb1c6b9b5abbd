// CSV as Danish spreadsheets read it: UTF-8 with a byte-order mark (so Excel does not guess
// Windows-1252), `;` between fields (Danish Excel uses the comma as decimal sign), CRLF between
// rows, fields quoted when they hold the separator, a quote or a line break.
//
// Formula injection: a text cell that starts with = + - @ or a tab/CR would be run as a formula
// by a spreadsheet (=HYPERLINK(…)). Text cells get a leading apostrophe then, which spreadsheets
// show as text; numbers are written as numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samskab::csv {

inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

using Cell = std::variant<std::string, int64_t>;

// One text field, escaped against formulas and quoted when needed.
std::string TextField(std::string_view value, char separator = ';');

class Writer {
 public:
  explicit Writer(char separator = ';') : separator_(separator) { out_.append(kByteOrderMark); }
  void AddRow(const std::vector<Cell>& cells);
  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  char separator_;
  std::string out_;
};

}  // namespace samskab::csv
