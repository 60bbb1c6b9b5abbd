#include "web/collaboration_import_pages.h"

#include <fmt/format.h>

#include "auth/request_context.h"
#include "core/csv.h"
#include "web/admin_frame.h"
#include "web/forms.h"

namespace samskab::web {
namespace {

using Deps = CollaborationImportPageDependencies;

std::string ImportsPath(const http::Request& request) {
  return fmt::format("/admin/{}/collaborations/import", auth::ScopeOf(request).code());
}
std::string ImportPath(const http::Request& request, int64_t id) {
  return fmt::format("{}/{}", ImportsPath(request), id);
}

// Uploads belong to a person: an API token has the API, not these pages, to import with.
std::optional<int64_t> Uploader(const http::Request& request) {
  const domain::Principal& principal = auth::PrincipalOf(request);
  if (principal.kind != domain::Principal::Kind::kUser) return std::nullopt;
  return principal.user_id;
}

Result<storage::StoredImport> Load(const Deps& deps, const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  const auto user = Uploader(request);
  if (!id || !user) return NotFound("no such import");
  return deps.uploads.Get(auth::ScopeOf(request), *user, *id);
}

Result<AdminPage> Frame(const Deps& deps, const http::Request& request, std::string error_key) {
  auto frame = MunicipalPage(deps.pages, request, "import", std::move(error_key));
  if (!frame.ok()) return frame.status();
  // The import belongs to the registry in the side menu.
  frame->sidenav = MunicipalNav(deps.pages, request, auth::ScopeOf(request).code(), "collaborations");
  return frame;
}

// --- the upload ---

Result<http::Response> UploadPage(const Deps& deps, const http::Request& request,
                                  std::vector<FieldProblem> problems, int64_t error_line, int status) {
  auto frame = Frame(deps, request, "");
  if (!frame.ok()) return frame.status();
  frame->form_problems = !problems.empty();
  Form form;
  form.action = ImportsPath(request);
  form.enctype = "multipart/form-data";
  form.submit = Message(deps.pages, request, "import.upload");
  Field file;
  file.name = "file";
  file.type = "file";
  file.label = Message(deps.pages, request, "import.file");
  file.hint = Message(deps.pages, request, "import.file_hint");
  form.fields.push_back(std::move(file));
  form.problems = std::move(problems);
  http::Response cookies;
  ctemplate::TemplateDictionary body("import_upload");
  if (error_line > 0) {
    body.AddSectionDictionary("ERROR_LINE")
        ->SetValue("TEXT", Fill(Message(deps.pages, request, "import.error_line"), "line",
                                std::to_string(error_line)));
  }
  body.SetValue("UPLOAD_FORM",
                RenderForm(deps.pages.views, request, cookies, form, deps.pages.secure_cookies));
  body.SetValue("BACK_HREF", fmt::format("/admin/{}/collaborations", auth::ScopeOf(request).code()));
  return RenderAdmin(deps.pages, request, *frame, "import_upload", body, status, cookies);
}

Result<http::Response> UploadForm(const Deps& deps, http::Request& request) {
  return UploadPage(deps, request, {}, 0, 200);
}

Result<http::Response> UploadSubmit(const Deps& deps, http::Request& request) {
  auto parts = ReadMultipartForm(request);
  if (!parts.ok()) {
    // Not an upload at all: it cannot carry the token either.
    if (parts.status().code() == ErrorCode::kUnsupportedMediaType)
      return Status(ErrorCode::kPermissionDenied, "upload without multipart body", "validation.csrf");
    const int status = parts.status().code() == ErrorCode::kPayloadTooLarge ? 413 : 400;
    return UploadPage(deps, request, {{"file", parts.status().user_message_key()}}, 0, status);
  }
  if (!MultipartCsrfValid(request, *parts))
    return UploadPage(deps, request, {{std::string(kFormLevel), "validation.csrf"}}, 0, 403);
  const auto user = Uploader(request);
  if (!user) return Status(ErrorCode::kPermissionDenied, "uploads belong to a person", "validation.csrf");
  const http::MultipartPart* file = http::FindPart(*parts, "file");
  if (!file || !file->filename || file->body.empty())
    return UploadPage(deps, request, {{"file", "import.error.file_required"}}, 0, 422);
  // Only a file that reads as CSV is kept; its problems are the upload form's.
  auto table = csv::Read(file->body, api::ImportReadLimits());
  if (const auto* error = std::get_if<csv::ReadError>(&table))
    return UploadPage(deps, request, {{"file", error->message_key}}, error->line, 422);
  const auto mapping = api::AutoMapping(std::get<csv::Table>(table).header, deps.translate);
  auto id = deps.uploads.Save(auth::ScopeOf(request), auth::ActorOf(request), *user, *file->filename,
                              file->body, mapping);
  if (!id.ok()) return id.status();
  return http::Redirect(303, ImportPath(request, *id));
}

// --- the mapping and the preview ---

Form MappingForm(const Deps& deps, const http::Request& request, const storage::StoredImport& stored,
                 const api::ImportReport& report) {
  Form form;
  form.action = ImportPath(request, stored.id) + "/mapping";
  form.submit = Message(deps.pages, request, "import.save_mapping");
  form.secondary = true;
  std::vector<std::pair<std::string, std::string>> options = {
      {"", Message(deps.pages, request, "import.ignore")}};
  for (auto field : api::ImportFields())
    options.emplace_back(field, Message(deps.pages, request, fmt::format("overview.column.{}", field)));
  for (size_t i = 0; i < stored.mapping.size(); ++i) {
    Field select;
    select.name = fmt::format("column_{}", i);
    select.type = "select";
    const std::string header = i < report.header.size() ? report.header[i] : "";
    select.label =
        header.empty() ? fmt::format("{} {}", Message(deps.pages, request, "import.column"), i + 1) : header;
    select.value = stored.mapping[i];
    select.options = options;
    form.fields.push_back(std::move(select));
  }
  return form;
}

Form RunForm(const Deps& deps, const http::Request& request, const storage::StoredImport& stored) {
  Form form;
  form.action = ImportPath(request, stored.id) + "/run";
  form.submit = Message(deps.pages, request, "import.run");
  Field mode;
  mode.name = "mode";
  mode.type = "select";
  mode.label = Message(deps.pages, request, "import.mode");
  mode.value = "all";
  mode.options = {{"all", Message(deps.pages, request, "import.mode_all")},
                  {"valid_only", Message(deps.pages, request, "import.mode_valid")}};
  form.fields.push_back(std::move(mode));
  return form;
}

void FillProblems(const Deps& deps, const http::Request& request, const api::ImportReport& report,
                  ctemplate::TemplateDictionary& body) {
  if (report.problems.empty()) {
    body.ShowSection("NO_PROBLEMS");
    return;
  }
  auto* problems = body.AddSectionDictionary("PROBLEMS");
  if (report.problems.size() > kProblemsShown) {
    problems->AddSectionDictionary("MORE")->SetValue(
        "TEXT", Fill(Fill(Message(deps.pages, request, "import.problems_more"), "shown",
                          std::to_string(kProblemsShown)),
                     "total", std::to_string(report.problems.size())));
  }
  for (size_t i = 0; i < report.problems.size() && i < kProblemsShown; ++i) {
    const api::ImportProblem& problem = report.problems[i];
    auto* row = problems->AddSectionDictionary("PROBLEM");
    if (problem.row > 0) {
      row->SetIntValue("ROW", static_cast<long>(problem.row));
    } else {
      row->SetValue("ROW", Message(deps.pages, request, "import.whole_file"));
    }
    row->SetValue("COLUMN",
                  problem.column.empty() ? Message(deps.pages, request, "import.whole_row") : problem.column);
    row->SetValue("MESSAGE", Message(deps.pages, request, problem.message_key));
  }
}

Result<http::Response> PreviewPage(const Deps& deps, const http::Request& request,
                                   const storage::StoredImport& stored, const api::ImportReport& report,
                                   std::string error_key, int status) {
  auto frame = Frame(deps, request, std::move(error_key));
  if (!frame.ok()) return frame.status();
  http::Response cookies;
  ctemplate::TemplateDictionary body("import_preview");
  body.SetValue("FILE_NAME",
                Fill(Message(deps.pages, request, "import.file_name"), "filename", stored.filename));
  body.SetIntValue("ROWS", static_cast<long>(report.rows));
  body.SetIntValue("VALID", static_cast<long>(report.valid));
  body.SetIntValue("DUPLICATES", static_cast<long>(report.duplicates));
  body.SetIntValue("REJECTED", static_cast<long>(report.rejected));
  FillProblems(deps, request, report, body);
  body.SetValue("MAPPING_FORM",
                RenderForm(deps.pages.views, request, cookies, MappingForm(deps, request, stored, report),
                           deps.pages.secure_cookies));
  if (!report.file_refused()) {
    body.AddSectionDictionary("RUN")->SetValue(
        "RUN_FORM", RenderForm(deps.pages.views, request, cookies, RunForm(deps, request, stored),
                               deps.pages.secure_cookies));
  }
  body.SetValue("AGAIN_HREF", ImportsPath(request));
  return RenderAdmin(deps.pages, request, *frame, "import_preview", body, status, cookies);
}

Result<api::ImportReport> Preview(const Deps& deps, const http::Request& request,
                                  const storage::StoredImport& stored) {
  api::ImportRequest preview;
  preview.content = stored.content;
  preview.filename = stored.filename;
  preview.mapping = stored.mapping;
  preview.dry_run = true;
  return deps.importer.Run(auth::PrincipalOf(request), auth::ScopeOf(request), auth::ActorOf(request),
                           preview);
}

Result<http::Response> ResultPage(const Deps& deps, const http::Request& request,
                                  const storage::StoredImport& stored) {
  auto frame = Frame(deps, request, "");
  if (!frame.ok()) return frame.status();
  const auto result = nlohmann::json::parse(stored.result.value_or("{}"), nullptr, false);
  const auto count = [&](const char* name) -> long {
    return result.is_object() && result.contains(name) && result[name].is_number_integer()
               ? result[name].get<long>()
               : 0;
  };
  ctemplate::TemplateDictionary body("import_result");
  body.SetValue("FILE_NAME",
                Fill(Message(deps.pages, request, "import.file_name"), "filename", stored.filename));
  body.SetIntValue("CREATED", count("created"));
  body.SetIntValue("DUPLICATES", count("duplicates"));
  body.SetIntValue("REJECTED", count("rejected"));
  body.SetValue("BACK_HREF", fmt::format("/admin/{}/collaborations", auth::ScopeOf(request).code()));
  body.SetValue("AGAIN_HREF", ImportsPath(request));
  return RenderAdmin(deps.pages, request, *frame, "import_result", body, 200, {});
}

Result<http::Response> ImportPage(const Deps& deps, http::Request& request) {
  auto stored = Load(deps, request);
  if (!stored.ok()) return stored.status();
  if (stored->result) return ResultPage(deps, request, *stored);
  auto report = Preview(deps, request, *stored);
  if (!report.ok()) return report.status();
  return PreviewPage(deps, request, *stored, *report, "", 200);
}

// A posted form of an upload's page: its parameters once the token is checked, else the page
// again with the problem (or an error when there is no such upload).
Result<text::Params> CheckedForm(const Deps& deps, http::Request& request,
                                 std::optional<http::Response>& page) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (FormCsrfValid(request, *params)) return params;
  auto stored = Load(deps, request);
  if (!stored.ok())
    return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
  auto report = Preview(deps, request, *stored);
  if (!report.ok()) return report.status();
  auto rendered = PreviewPage(deps, request, *stored, *report, "validation.csrf", 403);
  if (!rendered.ok()) return rendered.status();
  page = std::move(rendered).value();
  return params;
}

Result<http::Response> MappingSubmit(const Deps& deps, http::Request& request) {
  std::optional<http::Response> refused;
  auto params = CheckedForm(deps, request, refused);
  if (!params.ok()) return params.status();
  if (refused) return std::move(*refused);
  auto stored = Load(deps, request);
  if (!stored.ok()) return stored.status();
  if (stored->result) return http::Redirect(303, ImportPath(request, stored->id));
  const auto fields = api::ImportFields();
  api::ColumnMapping mapping;
  for (size_t i = 0; i < stored->mapping.size(); ++i) {
    std::string field = FormValue(*params, fmt::format("column_{}", i));
    // Only our fields: anything else is what no select offers, and is not imported.
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) field.clear();
    mapping.push_back(std::move(field));
  }
  SAMSKAB_RETURN_IF_ERROR(deps.uploads.SetMapping(auth::ScopeOf(request), auth::ActorOf(request),
                                                  stored->user_id, stored->id, mapping));
  return http::Redirect(303, ImportPath(request, stored->id));
}

Result<http::Response> RunSubmit(const Deps& deps, http::Request& request) {
  std::optional<http::Response> refused;
  auto params = CheckedForm(deps, request, refused);
  if (!params.ok()) return params.status();
  if (refused) return std::move(*refused);
  auto stored = Load(deps, request);
  if (!stored.ok()) return stored.status();
  if (stored->result) return http::Redirect(303, ImportPath(request, stored->id));  // imported already
  const std::string mode = FormValue(*params, "mode");
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  const std::string now = FormatUtc(deps.pages.clock.Now());
  api::ImportRequest run;
  run.content = stored->content;
  run.filename = stored->filename;
  run.mapping = stored->mapping;
  run.mode = mode == "valid_only" ? api::ImportMode::kValidOnly : api::ImportMode::kAllOrNothing;
  run.dry_run = mode != "valid_only" && mode != "all";  // an unknown mode imports nothing
  run.also = [&](storage::Connection& connection, const std::string& result_json) {
    return deps.uploads.FinishOn(connection, scope, stored->id, result_json, now);
  };
  auto report = deps.importer.Run(auth::PrincipalOf(request), scope, auth::ActorOf(request), run);
  if (!report.ok()) return report.status();
  if (report->imported) return http::Redirect(303, ImportPath(request, stored->id));
  std::string error_key = "import.refused";
  if (run.dry_run) error_key = "import.error.mode";
  if (report->file_refused()) error_key = report->problems.front().message_key;
  return PreviewPage(deps, request, *stored, *report, error_key, 422);
}

}  // namespace

void RegisterCollaborationImportPages(http::Router& router, const CollaborationImportPageDependencies& deps) {
  const domain::Access staff = domain::Access::MunicipalStaff("municipality");
  const auto page = [&deps](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", "/admin/{municipality}/collaborations/import", staff, page(UploadForm));
  router.Add("POST", "/admin/{municipality}/collaborations/import", staff, page(UploadSubmit));
  router.Add("GET", "/admin/{municipality}/collaborations/import/{id}", staff, page(ImportPage));
  router.Add("POST", "/admin/{municipality}/collaborations/import/{id}/mapping", staff, page(MappingSubmit));
  router.Add("POST", "/admin/{municipality}/collaborations/import/{id}/run", staff, page(RunSubmit));
}

}  // namespace samskab::web
