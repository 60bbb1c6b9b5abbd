// Fuzzes the CSV reader: it either refuses with one of its keys or returns a table whose fields
// are valid UTF-8 within the limits, and a table written back by the writer reads the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "core/csv.h"
#include "core/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  using namespace samskab;
  csv::ReadLimits limits;
  limits.max_rows = 50;
  limits.max_columns = 20;
  limits.max_field_bytes = 256;
  const auto result = csv::Read(input, limits);
  if (const auto* error = std::get_if<csv::ReadError>(&result)) {
    if (error->message_key.rfind("csv.error.", 0) != 0 || error->line < 0) std::abort();
    return 0;
  }
  const auto& table = std::get<csv::Table>(result);
  if (table.header.empty() || table.rows.size() > limits.max_rows) std::abort();
  int64_t previous_row = 1;
  for (const auto& record : table.rows) {
    if (record.fields.size() > limits.max_columns || record.row <= previous_row) std::abort();
    previous_row = record.row;
    for (const auto& field : record.fields) {
      if (field.size() > limits.max_field_bytes || !text::IsValidUtf8(field)) std::abort();
    }
  }
  // Round trip through the writer (with the reader's separator; the writer's formula escape is
  // a change of content, so only fields that do not start a formula are compared).
  csv::Writer writer(table.separator);
  std::vector<csv::Cell> header(table.header.begin(), table.header.end());
  writer.AddRow(header);
  for (const auto& record : table.rows)
    writer.AddRow(std::vector<csv::Cell>(record.fields.begin(), record.fields.end()));
  const auto again = csv::Read(writer.str(), limits);
  if (!std::holds_alternative<csv::Table>(again)) return 0;  // e.g. a header that was all empty
  const auto& reread = std::get<csv::Table>(again);
  // A header with no separator at all leaves the detection to its default, which may differ.
  if (reread.separator != table.separator) return 0;
  for (size_t r = 0; r < reread.rows.size() && r < table.rows.size(); ++r) {
    const auto& a = table.rows[r].fields;
    const auto& b = reread.rows[r].fields;
    if (a.size() != b.size()) continue;  // a separator-only line detected differently
    for (size_t f = 0; f < a.size(); ++f) {
      const bool formula =
          !a[f].empty() && std::string_view("=+-@\t\r").find(a[f].front()) != std::string_view::npos;
      if (!formula && a[f] != b[f]) std::abort();
    }
  }
  return 0;
}
