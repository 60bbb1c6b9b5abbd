// The overview as a spreadsheet (the memo's appendix 1): one column list for the CSV and the XLSX
// export, with headers and values in the reader's language. The CSV import reads the same
// headers back, so an exported file can be imported again.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "domain/collaboration/collaboration.h"
#include "domain/vocabulary/vocabulary.h"

namespace samskab::web {

using Translate = std::function<std::string(std::string_view lang, std::string_view key)>;

// The columns' keys, in order ("title", "units", …); headers are "overview.column.<key>".
std::span<const std::string_view> ExportColumns();

class CollaborationExport {
 public:
  // `term_label` gives a vocabulary term's label in `lang` (the municipality's own terms included).
  using TermLabel = std::function<std::string(domain::Vocabulary, const std::string& key)>;
  CollaborationExport(Translate translate, std::string lang, TermLabel term_label)
      : translate_(std::move(translate)), lang_(std::move(lang)), term_label_(std::move(term_label)) {}

  std::vector<csv::Cell> Header() const;
  std::vector<csv::Cell> Row(const domain::Collaboration& collaboration) const;
  // "samarbejdsforloeb-0190-2026-11-23.csv": ASCII only, safe in Content-Disposition.
  static std::string FileName(std::string_view municipality_code, std::string_view date,
                              std::string_view extension);

 private:
  std::string Label(std::string_view key) const { return translate_(lang_, key); }
  std::string YesNo(bool value) const { return Label(value ? "overview.yes" : "overview.no"); }

  Translate translate_;
  std::string lang_;
  TermLabel term_label_;
};

}  // namespace samskab::web
