#include "web/forms.h"

#include <algorithm>

#include <fmt/format.h>

#include "web/csrf.h"

namespace samskab::web {

Result<text::Params> ReadForm(const http::Request& request) {
  const std::string content_type = text::ToLower(request.headers.Get("Content-Type"));
  if (content_type.rfind("application/x-www-form-urlencoded", 0) != 0)
    return Status(ErrorCode::kUnsupportedMediaType, "form must be form-encoded");
  auto params = text::ParseUrlEncoded(request.body);
  if (!params)
    return Status(ErrorCode::kMalformed, "form is not valid UTF-8 or percent-encoding",
                  "validation.not_utf8");
  return std::move(*params);
}

std::string FormValue(const text::Params& params, std::string_view name) {
  return std::string(text::Find(params, name).value_or(""));
}

std::vector<std::string> FormValues(const text::Params& params, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : params) {
    if (key == name) values.push_back(value);
  }
  return values;
}

bool FormCsrfValid(const http::Request& request, const text::Params& params) {
  return CsrfValid(request, FormValue(params, kCsrfField));
}

Result<std::vector<http::MultipartPart>> ReadMultipartForm(const http::Request& request) {
  auto boundary = http::MultipartBoundary(request.headers.Get("Content-Type"));
  if (!boundary.ok()) return boundary.status();
  return http::ParseMultipart(request.body, *boundary);
}

bool MultipartCsrfValid(const http::Request& request, const std::vector<http::MultipartPart>& parts) {
  const http::MultipartPart* token = http::FindPart(parts, kCsrfField);
  return token && !token->filename && CsrfValid(request, token->body);
}

std::string RenderForm(const Views& views, const http::Request& request, http::Response& response,
                       const Form& form, bool secure_cookies) {
  const Catalog& catalog = views.catalog();
  ctemplate::TemplateDictionary dict("form");
  dict.SetValue("METHOD", form.method);
  if (!form.enctype.empty()) dict.AddSectionDictionary("ENCTYPE")->SetValue("VALUE", form.enctype);
  dict.SetValue("ACTION", form.action);
  dict.SetValue("SUBMIT", form.submit);
  dict.SetValue("BUTTON_CLASS", form.secondary ? "button-secondary" : "button-primary");
  if (!form.submit_context.empty())
    dict.AddSectionDictionary("SUBMIT_CONTEXT")->SetValue("TEXT", form.submit_context);
  // A GET form changes nothing and must not put the token into URLs (logs, Referer).
  if (form.method != "get")
    dict.AddSectionDictionary("CSRF")->SetValue("CSRF_TOKEN", CsrfToken(request, response, secure_cookies));
  for (const auto& [name, value] : form.hidden) {
    auto* hidden = dict.AddSectionDictionary("HIDDEN");
    hidden->SetValue("NAME", name);
    hidden->SetValue("VALUE", value);
  }
  if (!form.problems.empty()) {
    auto* errors = dict.AddSectionDictionary("ERRORS");
    for (const auto& problem : form.problems) {
      const Field* field = nullptr;
      for (const auto& f : form.fields) {
        if (f.name == problem.field) field = &f;
      }
      auto* item = errors->AddSectionDictionary(field ? "ERROR" : "FORM_ERROR");
      item->SetValue("FIELD", problem.field);
      if (field) item->SetValue("LABEL", field->label);
      item->SetValue("MESSAGE", catalog.Get(request.lang, problem.message_key));
    }
  }
  for (const auto& field : form.fields) {
    auto* group = dict.AddSectionDictionary("FIELD");
    if (!field.heading.empty()) group->AddSectionDictionary("HEADING")->SetValue("TEXT", field.heading);
    group->SetValue("ID", field.name);
    group->SetValue("NAME", field.name);
    group->SetValue("LABEL", field.label);
    // Boxes carry their labels themselves (a legend for a group, a label after a single box).
    if (field.type != "checkboxes" && field.type != "checkbox" && field.type != "grid")
      group->ShowSection("LABELLED");
    group->SetValue("VALUE", field.value);
    group->SetValue("TYPE", field.type);
    group->SetValue("AUTOCOMPLETE", field.autocomplete);
    std::string described;
    if (!field.hint.empty()) {
      group->AddSectionDictionary("HINT")->SetValue("TEXT", field.hint);
      described = field.name + "-hint";
    }
    for (const auto& problem : form.problems) {
      if (problem.field != field.name) continue;
      group->AddSectionDictionary("INVALID")->SetValue("MESSAGE",
                                                       catalog.Get(request.lang, problem.message_key));
      described += (described.empty() ? "" : " ") + field.name + "-error";
      group->ShowSection("ARIA_INVALID");
      break;
    }
    if (!described.empty()) group->AddSectionDictionary("DESCRIBED")->SetValue("IDS", described);
    if (field.max_length > 0) group->AddSectionDictionary("MAXLENGTH")->SetIntValue("N", field.max_length);
    if (field.type == "select") {
      group->ShowSection("LABELLED");
      auto* select = group->AddSectionDictionary("SELECT");
      for (const auto& [value, label] : field.options) {
        auto* option = select->AddSectionDictionary("OPTION");
        option->SetValue("VALUE", value);
        option->SetValue("LABEL", label);
        if (value == field.value) option->ShowSection("SELECTED");
      }
    } else if (field.type == "checkboxes") {
      // A fieldset whose legend names the group; the error summary links to the first box.
      group->ShowSection("FIELDSET");
      // Without options the fieldset says so in its hint, and has no empty list.
      if (field.options.empty()) continue;
      auto* boxes = group->AddSectionDictionary("CHECKBOXES");
      bool first = true;
      for (const auto& [value, label] : field.options) {
        auto* option = boxes->AddSectionDictionary("OPTION");
        option->SetValue("OPTION_ID", first ? field.name : field.name + "-" + value);
        option->SetValue("VALUE", value);
        option->SetValue("LABEL", label);
        if (std::find(field.values.begin(), field.values.end(), value) != field.values.end())
          option->ShowSection("CHECKED");
        first = false;
      }
    } else if (field.type == "grid") {
      // A table with row and column headers; each box is named by its row and column for screen
      // readers ("Mandag, formiddag"), its label hidden since the headers show it.
      group->ShowSection("FIELDSET");
      auto* grid = group->AddSectionDictionary("GRID");
      for (const auto& [value, label] : field.columns)
        grid->AddSectionDictionary("COLUMN")->SetValue("LABEL", label);
      bool first = true;
      for (const auto& [row_value, row_label] : field.options) {
        auto* row = grid->AddSectionDictionary("ROW");
        row->SetValue("LABEL", row_label);
        for (const auto& [column_value, column_label] : field.columns) {
          const std::string value = fmt::format("{}_{}", row_value, column_value);
          auto* cell = row->AddSectionDictionary("CELL");
          cell->SetValue("CELL_ID", first ? field.name : field.name + "-" + value);
          cell->SetValue("VALUE", value);
          cell->SetValue("CELL_LABEL", fmt::format("{}, {}", row_label, column_label));
          if (std::find(field.values.begin(), field.values.end(), value) != field.values.end())
            cell->ShowSection("CHECKED");
          first = false;
        }
      }
    } else if (field.type == "checkbox") {
      auto* box = group->AddSectionDictionary("CHECKBOX");
      if (field.value == "1") box->ShowSection("CHECKED");
    } else if (field.type == "textarea") {
      group->ShowSection("LABELLED");
      group->ShowSection("TEXTAREA");
    } else {
      group->ShowSection("LABELLED");
      group->ShowSection("INPUT");
    }
  }
  return views.Fragment(request.lang, "form", dict);
}

http::Response HtmlPage(std::string body, int status, const http::Response& extra) {
  http::Response response = http::MakeResponse(status, "text/html; charset=utf-8", std::move(body));
  for (const auto& [name, value] : extra.headers.items()) response.headers.Add(name, value);
  response.headers.Set("Cache-Control", "no-store");
  return response;
}

}  // namespace samskab::web
