// CSV files between upload and import (table collaboration_imports, migration 0006): the import
// pages work without JavaScript, so the file waits here while its uploader maps the columns and
// reads the preview, and its result stays for the result page. Only the uploader sees an upload
// (same municipality, same user). Retention deletes them after a week (storage/retention.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/unit/unit.h"
#include "storage/database.h"

namespace samskab::storage {

struct StoredImport {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string filename;
  std::string content;  // empty once imported
  std::string content_hash;
  std::vector<std::string> mapping;   // our field per column, "" = not imported
  std::optional<std::string> result;  // the import's counts as JSON, once imported
  std::string created_at;
};

class CollaborationImportStore {
 public:
  CollaborationImportStore(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  // Keeps an uploaded file (already read as CSV) with its first mapping; audited.
  Result<int64_t> Save(const domain::MunicipalityScope& scope, const domain::Actor& actor, int64_t user_id,
                       const std::string& filename, const std::string& content,
                       const std::vector<std::string>& mapping);
  // kNotFound unless the upload is the user's, in this municipality.
  Result<StoredImport> Get(const domain::MunicipalityScope& scope, int64_t user_id, int64_t id);
  Status SetMapping(const domain::MunicipalityScope& scope, const domain::Actor& actor, int64_t user_id,
                    int64_t id, const std::vector<std::string>& mapping);
  // Inside the import's transaction: drops the file and keeps the result.
  Status FinishOn(Connection& connection, const domain::MunicipalityScope& scope, int64_t id,
                  const std::string& result_json, const std::string& now);

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace samskab::storage
