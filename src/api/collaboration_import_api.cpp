#include "api/collaboration_import_api.h"

#include <fmt/format.h>

#include "api/json_api.h"
#include "auth/request_context.h"
#include "core/text.h"

namespace samskab::api {
namespace {

struct ImportQuery {
  ImportMode mode = ImportMode::kAllOrNothing;
  bool dry_run = false;
  std::optional<ColumnMapping> mapping;
};

Result<ImportQuery> ParseImportQuery(const http::Request& request) {
  const auto params = text::ParseUrlEncoded(request.query);
  if (!params) return Status(ErrorCode::kMalformed, "malformed query string");
  ImportQuery query;
  std::vector<FieldProblem> problems;
  for (const auto& [name, value] : *params) {
    if (name == "mode") {
      if (value == "all") {
        query.mode = ImportMode::kAllOrNothing;
      } else if (value == "valid_only") {
        query.mode = ImportMode::kValidOnly;
      } else {
        problems.push_back({name, "import.error.mode"});
      }
    } else if (name == "dry_run") {
      if (value != "true" && value != "false" && value != "1" && value != "0") {
        problems.push_back({name, "validation.type_boolean"});
      } else {
        query.dry_run = value == "true" || value == "1";
      }
    } else if (name == "mapping") {
      ColumnMapping mapping;
      std::string_view rest = value;
      while (true) {
        const size_t comma = rest.find(',');
        mapping.emplace_back(text::Trim(rest.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      query.mapping = std::move(mapping);
    }
  }
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  return query;
}

bool IsCsv(const http::Request& request) {
  std::string_view type = request.headers.Get("Content-Type");
  type = text::Trim(type.substr(0, type.find(';')));
  return text::EqualsIgnoreCase(type, "text/csv");
}

}  // namespace

nlohmann::json ImportReportJson(const ImportReport& report, const web::Translate& translate,
                                std::string_view lang) {
  nlohmann::json body = report.CountsJson();
  nlohmann::json mapping = nlohmann::json::array();
  for (size_t i = 0; i < report.header.size() && i < report.mapping.size(); ++i) {
    mapping.push_back(
        {{"column", report.header[i]},
         {"field", report.mapping[i].empty() ? nlohmann::json() : nlohmann::json(report.mapping[i])}});
  }
  body["mapping"] = std::move(mapping);
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& problem : report.problems) {
    nlohmann::json item = {{"row", problem.row},
                           {"column", problem.column},
                           {"code", problem.message_key},
                           {"detail", translate(lang, problem.message_key)}};
    if (problem.line > 0) item["line"] = problem.line;
    problems.push_back(std::move(item));
  }
  body["problems"] = std::move(problems);
  return body;
}

Status ImportRefused(const ImportReport& report) {
  Status status(ErrorCode::kInvalidArgument,
                fmt::format("import refused: {} problems", report.problems.size()),
                report.file_refused() ? report.problems.front().message_key : "import.error.refused");
  status.WithFields(ProblemsAsFields(report.problems));
  return status;
}

void RegisterCollaborationImportApi(http::Router& router, const CollaborationImportApiDependencies& deps) {
  router.Add("POST", "/api/v1/collaborations/import", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               if (!IsCsv(request))
                 return Status(ErrorCode::kUnsupportedMediaType, "import body is not text/csv",
                               "import.error.content_type");
               auto query = ParseImportQuery(request);
               if (!query.ok()) return query.status();
               ImportRequest import;
               import.content = request.body;
               import.filename = "api";
               import.mapping = query->mapping;
               import.mode = query->mode;
               import.dry_run = query->dry_run;
               auto report = deps.importer.Run(auth::PrincipalOf(request), auth::ScopeOf(request),
                                               auth::ActorOf(request), import);
               if (!report.ok()) return report.status();
               const bool refused =
                   report->file_refused() ||
                   (!query->dry_run && query->mode == ImportMode::kAllOrNothing && report->rejected > 0);
               if (refused) return ImportRefused(*report);
               return Json(report->created > 0 ? 201 : 200,
                           ImportReportJson(*report, deps.translate, request.lang));
             });
}

}  // namespace samskab::api
