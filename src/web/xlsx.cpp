#include "web/xlsx.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <xlsxwriter.h>

namespace samskab::web {

struct XlsxSheet::State {
  std::string path;
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* worksheet = nullptr;
  lxw_format* bold = nullptr;
  lxw_row_t next_row = 0;
};

Result<std::unique_ptr<XlsxSheet>> XlsxSheet::Create(std::string_view sheet_name) {
  std::string pattern = (std::filesystem::temp_directory_path() / "samskab-export-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return Internal("cannot create a temporary file for the XLSX export");
  close(fd);
  auto state = std::make_unique<State>();
  state->path = pattern;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  state->workbook = workbook_new_opt(state->path.c_str(), &options);
  if (!state->workbook) {
    std::filesystem::remove(state->path);
    return Internal("libxlsxwriter could not open the workbook");
  }
  const std::string name(sheet_name.substr(0, 31));  // Excel's limit for sheet names
  state->worksheet = workbook_add_worksheet(state->workbook, name.c_str());
  state->bold = workbook_add_format(state->workbook);
  format_set_bold(state->bold);
  std::unique_ptr<XlsxSheet> sheet(new XlsxSheet());
  sheet->state_ = std::move(state);
  return sheet;
}

XlsxSheet::~XlsxSheet() {
  if (!state_) return;
  if (state_->workbook) workbook_close(state_->workbook);
  std::error_code ignored;
  std::filesystem::remove(state_->path, ignored);
}

void XlsxSheet::AddRow(const std::vector<csv::Cell>& cells) {
  lxw_format* format = state_->next_row == 0 ? state_->bold : nullptr;
  for (size_t i = 0; i < cells.size(); ++i) {
    const auto column = static_cast<lxw_col_t>(i);
    if (const auto* number = std::get_if<int64_t>(&cells[i])) {
      worksheet_write_number(state_->worksheet, state_->next_row, column, static_cast<double>(*number),
                             format);
    } else {
      const std::string& value = std::get<std::string>(cells[i]);
      if (!value.empty())
        worksheet_write_string(state_->worksheet, state_->next_row, column, value.c_str(), format);
    }
  }
  ++state_->next_row;
}

Result<std::string> XlsxSheet::Finish() {
  const lxw_error error = workbook_close(state_->workbook);
  state_->workbook = nullptr;
  if (error != LXW_NO_ERROR) return Internal(fmt::format("libxlsxwriter: {}", lxw_strerror(error)));
  std::ifstream in(state_->path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Internal("cannot read the XLSX export back");
  return bytes;
}

}  // namespace samskab::web
