// The CSV import of a municipality's overview spreadsheet (issue 4 item 6; seed 003's appendix 1,
// and our own export so that it re-imports): the file is read (core/csv.h), its columns mapped to
// our fields, every row turned into a collaboration through the API's reader
// (ReadCollaborationFields) and the domain's rules (NormaliseCollaboration), with unit and partner
// names, vocabulary labels, status and form labels, Danish dates and yes/no cells resolved first.
// The preview lists every problem by row and column; the import writes all rows or none, or only
// the valid rows when the user chooses so, in one transaction with one audit entry.
// Decisions (mapping, the import key, limits, audit): docs/decisions/0009-collaboration-import.md.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/csv.h"
#include "domain/access/policy.h"
#include "domain/place/postcodes.h"
#include "domain/unit/unit.h"
#include "storage/collaboration_store.h"
#include "web/collaboration_export.h"

namespace samskab::api {

// The largest file and the most rows one import takes: 20,000 rows import in a few seconds on
// both backends (docs/BENCHMARKS.md); a larger overview is imported in parts.
inline constexpr size_t kMaxImportBytes = size_t{10} * 1024 * 1024;
inline constexpr size_t kMaxImportRows = 20000;
csv::ReadLimits ImportReadLimits();

// The fields a column can be mapped to: the API's field names, with "units" and "partners" for
// names (the spreadsheet has names, the API ids). "title" and "units" must be mapped.
std::span<const std::string_view> ImportFields();
inline constexpr std::string_view kRequiredImportFields[] = {"title", "units"};

// Our field for each CSV column, "" for a column not imported.
using ColumnMapping = std::vector<std::string>;

// The first mapping offered: each header matched (case, spaces and punctuation ignored) against
// the names the memo's spreadsheet uses ("Titel", "Center/enhed", "Partner(e)", "Startdato" …)
// and against our export's column labels in every language. Unmatched columns are not imported.
ColumnMapping AutoMapping(const std::vector<std::string>& header, const web::Translate& translate);

// One problem: the spreadsheet row (the header is row 1; 0 for the file or the mapping), the
// column's header (empty for the whole row; the field for a mapping problem), the message's
// catalog key, and for a file that cannot be read the line of the file where reading stopped.
struct ImportProblem {
  int64_t row = 0;
  std::string column;
  std::string message_key;
  int64_t line = 0;
  bool operator==(const ImportProblem&) const = default;
};

// The problems as the API's fields: "rows[12].Startdato", "rows[12]", "mapping.title",
// "lines[7]" (an unreadable file, where it stopped) or "file".
std::vector<FieldProblem> ProblemsAsFields(const std::vector<ImportProblem>& problems);

enum class ImportMode { kAllOrNothing, kValidOnly };

struct ImportRequest {
  std::string_view content;  // the file as uploaded
  std::string filename;
  std::optional<ColumnMapping> mapping;  // AutoMapping when absent
  ImportMode mode = ImportMode::kAllOrNothing;
  bool dry_run = true;  // the preview: nothing is written
  // Run inside the import's transaction after the rows are written (the pages mark their upload
  // as imported there, so the result and the rows commit together).
  std::function<Status(storage::Connection&, const std::string& result_json)> also;
};

struct ImportReport {
  std::vector<std::string> header;
  ColumnMapping mapping;
  int64_t rows = 0;                     // data rows in the file
  int64_t valid = 0;                    // rows without problem, not yet imported
  int64_t duplicates = 0;               // rows without problem imported before (same import key): skipped
  int64_t rejected = 0;                 // rows with at least one problem
  int64_t created = 0;                  // rows written (0 on a dry run or when refused)
  bool imported = false;                // the import ran (false: dry run, or refused all-or-nothing)
  std::vector<ImportProblem> problems;  // in row order; file and mapping problems have row 0
  // The problems that stop everything: an unreadable file or a mapping without a required field.
  bool file_refused() const { return !problems.empty() && problems.front().row == 0; }
  nlohmann::json CountsJson() const;
};

struct ImporterDependencies {
  storage::Database& database;
  storage::CollaborationStore& collaborations;
  domain::UnitRepository& units;
  const domain::PostcodeDirectory& postcodes;
  web::Translate translate;
  const Clock& clock;
};

class CollaborationImporter {
 public:
  explicit CollaborationImporter(ImporterDependencies deps) : deps_(std::move(deps)) {}

  // Reads and checks every row (units must be in `principal`'s reach); unless it is a dry run,
  // writes the valid new rows when there is no problem or the mode is kValidOnly. A failed Status
  // only for failures outside the file (database); the file's problems are in the report.
  Result<ImportReport> Run(const domain::Principal& principal, const domain::MunicipalityScope& scope,
                           const domain::Actor& actor, const ImportRequest& request);

 private:
  ImporterDependencies deps_;
};

// Every catalog key the import produces (beside the collaboration's own rules).
std::vector<std::string_view> AllImportMessageKeys();

}  // namespace samskab::api
