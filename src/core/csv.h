// CSV as Danish spreadsheets read it: UTF-8 with a byte-order mark (so Excel does not guess
// Windows-1252), `;` between fields (Danish Excel uses the comma as decimal sign), CRLF between
// rows, fields quoted when they hold the separator, a quote or a line break.
//
// Formula injection: a text cell that starts with = + - @ or a tab/CR would be run as a formula
// by a spreadsheet (=HYPERLINK(…)). Text cells get a leading apostrophe then, which spreadsheets
// show as text; numbers are written as numbers.
//
// The reader (Read) takes what spreadsheets save as "CSV UTF-8": RFC 4180 quoting (quotes doubled
// inside quoted fields, separators and line breaks inside them), `;` or `,` between fields (the
// header line decides), CRLF, LF or CR between rows, an optional byte-order mark. It refuses
// anything that is not UTF-8 (Excel's plain "CSV" is Windows-1252) naming the line, and stops at
// its limits rather than holding an unbounded file in memory.
#pragma once

#include <cstdint>
#include <optional>
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

// What the reader accepts; above a limit it stops with the limit's error.
struct ReadLimits {
  size_t max_bytes = size_t{16} * 1024 * 1024;  // the whole file
  size_t max_field_bytes = size_t{64} * 1024;   // one field (a description is at most 10,000 characters)
  size_t max_columns = 200;
  size_t max_rows = 100000;  // records after the header
};

// One record: its fields and where it starts. `row` counts records as a spreadsheet counts rows
// (the header is row 1), `line` counts line breaks in the file (they differ after a quoted field
// with a line break in it).
struct Record {
  int64_t row = 0;
  int64_t line = 0;
  std::vector<std::string> fields;
};

struct Table {
  char separator = ';';
  std::vector<std::string> header;
  std::vector<Record> rows;  // without fully empty records (a spreadsheet's trailing blank rows)
};

// Why a file could not be read: a catalog key ("csv.error.encoding", …) and the line it was found
// on (0 when the whole file is concerned).
struct ReadError {
  std::string message_key;
  int64_t line = 0;
};

// The separator of a header line: the more frequent of `;` and `,` outside quotes (`;` on a tie,
// as Danish spreadsheets write it).
char DetectSeparator(std::string_view header_line);

// Reads a whole file. Either a table (with a non-empty header) or the first error.
std::variant<Table, ReadError> Read(std::string_view file, const ReadLimits& limits = {});

// Every key Read can fail with.
std::vector<std::string_view> AllReadErrorKeys();

}  // namespace samskab::csv
