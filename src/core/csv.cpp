#include "core/csv.h"

#include <optional>

namespace samskab::csv {

std::string TextField(std::string_view value, char separator) {
  std::string text;
  text.reserve(value.size() + 2);
  if (!value.empty() && (value.front() == '=' || value.front() == '+' || value.front() == '-' ||
                         value.front() == '@' || value.front() == '\t' || value.front() == '\r')) {
    text += '\'';
  }
  text.append(value);
  if (text.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void Writer::AddRow(const std::vector<Cell>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out_ += separator_;
    if (const auto* number = std::get_if<int64_t>(&cells[i])) {
      out_ += std::to_string(*number);
    } else {
      out_ += TextField(std::get<std::string>(cells[i]), separator_);
    }
  }
  out_ += "\r\n";
}

}  // namespace samskab::csv

namespace samskab::csv {
namespace {

constexpr std::string_view kErrorEncoding = "csv.error.encoding";
constexpr std::string_view kErrorEmpty = "csv.error.empty";
constexpr std::string_view kErrorTooLarge = "csv.error.file_too_large";
constexpr std::string_view kErrorFieldTooLong = "csv.error.field_too_long";
constexpr std::string_view kErrorTooManyColumns = "csv.error.too_many_columns";
constexpr std::string_view kErrorTooManyRows = "csv.error.too_many_rows";
constexpr std::string_view kErrorQuote = "csv.error.quote";
constexpr std::string_view kErrorUnclosedQuote = "csv.error.unclosed_quote";
constexpr std::string_view kErrorNul = "csv.error.nul";

// The 1-based line of byte `offset`.
int64_t LineAt(std::string_view file, size_t offset) {
  int64_t line = 1;
  for (size_t i = 0; i < offset && i < file.size(); ++i) {
    if (file[i] == '\n' || (file[i] == '\r' && (i + 1 >= file.size() || file[i + 1] != '\n'))) ++line;
  }
  return line;
}

// The offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF), or npos.
size_t FirstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > s.size()) return i;
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

bool IsBlank(const Record& record) {
  for (const auto& field : record.fields) {
    if (!field.empty()) return false;
  }
  return true;
}

// The record reader: a small state machine over the bytes, one record at a time.
class Parser {
 public:
  Parser(std::string_view file, char separator, const ReadLimits& limits)
      : file_(file), separator_(separator), limits_(limits) {}

  bool done() const { return pos_ >= file_.size(); }

  // The next record, or the error that stops the file.
  std::variant<Record, ReadError> Next() {
    Record record;
    record.line = line_;
    std::string field;
    bool quoted = false;      // inside a quoted field
    bool was_quoted = false;  // the current field started with a quote and it has closed
    int64_t quote_line = 0;
    while (pos_ < file_.size()) {
      const char c = file_[pos_];
      if (quoted) {
        // Every character of a quoted field, an escaped quote too, falls through to the length check.
        if (c == '"' && pos_ + 1 < file_.size() && file_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
        } else if (c == '"') {
          quoted = false;
          was_quoted = true;
          ++pos_;
        } else {
          if (c == '\n' || (c == '\r' && !(pos_ + 1 < file_.size() && file_[pos_ + 1] == '\n'))) ++line_;
          field += c;
          ++pos_;
        }
      } else if (c == separator_) {
        if (auto error = EndField(record, field)) return *error;
        was_quoted = false;
        ++pos_;
        continue;
      } else if (c == '\r' || c == '\n') {
        pos_ += (c == '\r' && pos_ + 1 < file_.size() && file_[pos_ + 1] == '\n') ? 2 : 1;
        ++line_;
        if (auto error = EndField(record, field)) return *error;
        return record;
      } else if (c == '"' && field.empty() && !was_quoted) {
        quoted = true;
        quote_line = line_;
        ++pos_;
      } else if (was_quoted) {
        // Text after a closing quote ("a"b): not CSV any spreadsheet writes.
        return ReadError{std::string(kErrorQuote), line_};
      } else {
        field += c;
        ++pos_;
      }
      if (field.size() > limits_.max_field_bytes) return ReadError{std::string(kErrorFieldTooLong), line_};
    }
    if (quoted) return ReadError{std::string(kErrorUnclosedQuote), quote_line};
    if (auto error = EndField(record, field)) return *error;
    return record;
  }

 private:
  // Appends the field to the record; an error when the record has too many columns.
  std::optional<ReadError> EndField(Record& record, std::string& field) {
    if (record.fields.size() >= limits_.max_columns)
      return ReadError{std::string(kErrorTooManyColumns), record.line};
    record.fields.push_back(std::move(field));
    field.clear();
    return std::nullopt;
  }

  std::string_view file_;
  char separator_;
  const ReadLimits& limits_;
  size_t pos_ = 0;
  int64_t line_ = 1;
};

}  // namespace

char DetectSeparator(std::string_view header_line) {
  int semicolons = 0;
  int commas = 0;
  bool quoted = false;
  for (char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
  }
  return commas > semicolons ? ',' : ';';
}

std::variant<Table, ReadError> Read(std::string_view file, const ReadLimits& limits) {
  if (file.size() > limits.max_bytes) return ReadError{std::string(kErrorTooLarge), 0};
  if (file.starts_with(kByteOrderMark)) file.remove_prefix(kByteOrderMark.size());
  if (const size_t bad = FirstInvalidUtf8(file); bad != std::string_view::npos)
    return ReadError{std::string(kErrorEncoding), LineAt(file, bad)};
  if (const size_t nul = file.find('\0'); nul != std::string_view::npos)
    return ReadError{std::string(kErrorNul), LineAt(file, nul)};
  Table table;
  table.separator = DetectSeparator(file);
  Parser parser(file, table.separator, limits);
  int64_t row = 0;
  bool have_header = false;
  while (!parser.done()) {
    auto next = parser.Next();
    if (auto* error = std::get_if<ReadError>(&next)) return *error;
    Record record = std::get<Record>(std::move(next));
    record.row = ++row;
    if (!have_header) {
      if (IsBlank(record)) return ReadError{std::string(kErrorEmpty), record.line};
      table.header = std::move(record.fields);
      have_header = true;
      continue;
    }
    if (IsBlank(record)) continue;
    if (table.rows.size() >= limits.max_rows) return ReadError{std::string(kErrorTooManyRows), record.line};
    table.rows.push_back(std::move(record));
  }
  if (!have_header) return ReadError{std::string(kErrorEmpty), 0};
  return table;
}

std::vector<std::string_view> AllReadErrorKeys() {
  return {kErrorEncoding,    kErrorEmpty, kErrorTooLarge,      kErrorFieldTooLong, kErrorTooManyColumns,
          kErrorTooManyRows, kErrorQuote, kErrorUnclosedQuote, kErrorNul};
}

}  // namespace samskab::csv
