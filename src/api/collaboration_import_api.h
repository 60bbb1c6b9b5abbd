// POST /api/v1/collaborations/import: the CSV import (api/collaboration_import.h) for
// integrations and scripts. The body is the file (text/csv); the query chooses the mode
// (`mode=all|valid_only`), the preview (`dry_run=true`) and optionally the mapping
// (`mapping=title,units,,starts_on`: our field per column in order, empty for a column not
// imported). 200 with the counts and problems for a preview or when nothing new was written, 201
// when rows were created, 422 naming every problem by row and column when the file, the mapping
// or (all-or-nothing) any row is refused.
#pragma once

#include "api/collaboration_import.h"
#include "http/router.h"

namespace samskab::api {

struct CollaborationImportApiDependencies {
  CollaborationImporter& importer;
  web::Translate translate;
};

void RegisterCollaborationImportApi(http::Router& router, const CollaborationImportApiDependencies& deps);

// The report as the API (and the pages' tests) read it: the counts, the mapping by column and
// every problem with its row, column, code and message in `lang`.
nlohmann::json ImportReportJson(const ImportReport& report, const web::Translate& translate,
                                std::string_view lang);

// The problems as a 422: every problem as a field ("rows[12].Startdato"), the overall message
// saying nothing was imported.
Status ImportRefused(const ImportReport& report);

}  // namespace samskab::api
