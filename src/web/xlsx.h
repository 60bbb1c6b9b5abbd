// XLSX export with libxlsxwriter (Debian's libxlsxwriter 1.1.4 writes to a file only, so the
// workbook goes to a private temporary file that is read back and removed). One sheet, rows in
// order, constant memory. Text cells are written as strings, never as formulas, so a value like
// "=HYPERLINK(…)" stays text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/status.h"

namespace samskab::web {

class XlsxSheet {
 public:
  // kInternal when the temporary file cannot be created.
  static Result<std::unique_ptr<XlsxSheet>> Create(std::string_view sheet_name);
  ~XlsxSheet();
  XlsxSheet(const XlsxSheet&) = delete;
  XlsxSheet& operator=(const XlsxSheet&) = delete;

  // The first row is shown bold (the header).
  void AddRow(const std::vector<csv::Cell>& cells);
  // Closes the workbook and returns its bytes.
  Result<std::string> Finish();

 private:
  XlsxSheet() = default;
  struct State;
  std::unique_ptr<State> state_;
};

inline constexpr std::string_view kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace samskab::web
