#include "core/csv.h"

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
