// HTML forms, the one way every page does them: reading a posted form (form-encoded only, valid
// UTF-8), the CSRF check, and rendering fields with their labels, hints and errors plus the
// dkfds error summary (templates/form.tpl). A problem with the whole form (an expired CSRF
// token, wrong credentials) is plain text in the summary; a field's problem links to the field.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/text.h"
#include "domain/inquiry/inquiry.h"
#include "http/message.h"
#include "http/multipart.h"
#include "web/views.h"

namespace samskab::web {

// The name used for problems of the whole form.
inline constexpr std::string_view kFormLevel = "_form";

struct Field {
  std::string name;
  // text, email, password, date, file (any <input> type), select, textarea; checkbox (one box, ticked
  // when `value` is "1"); checkboxes (a fieldset of boxes, one per option, ticked when in `values`);
  // grid (a fieldset with a table of boxes: a row per option, a column per `columns` entry, each
  // box's value "<row>_<column>", ticked when in `values`; the weekly availability).
  std::string type = "text";
  std::string label;  // translated
  std::string hint;   // translated; optional
  std::string value;
  std::vector<std::string> values;  // checkboxes: the ticked options' values
  std::string autocomplete = "off";
  int max_length = 0;
  std::vector<std::pair<std::string, std::string>> options;  // select, checkboxes: value, label (translated)
  std::vector<std::pair<std::string, std::string>> columns;  // grid: value, label (translated)
  std::string heading;  // translated; starts a new part of a long form with this heading (<h2>)
};

struct Form {
  std::string method = "post";  // "get" for filters: no CSRF token, the values go into the URL
  std::string enctype;          // "multipart/form-data" for a file upload (a "file" field)
  std::string action;
  std::string submit;      // translated
  bool secondary = false;  // a secondary (less prominent) button
  // Words read after the button's text by screen readers only, so that the many "Delete"
  // buttons of a table each say what they delete ("Delete" + " Plejecenter Lillevang").
  std::string submit_context;
  std::vector<Field> fields;
  std::vector<std::pair<std::string, std::string>> hidden;  // name, value
  std::vector<FieldProblem> problems;
};

// A posted form: kUnsupportedMediaType unless form-encoded, kMalformed for broken encoding.
Result<text::Params> ReadForm(const http::Request& request);
std::string FormValue(const text::Params& params, std::string_view name);
// Every value posted under `name` (the ticked boxes of a "checkboxes" field), in order.
std::vector<std::string> FormValues(const text::Params& params, std::string_view name);

// True when the form carries the request's CSRF token (see csrf.h).
bool FormCsrfValid(const http::Request& request, const text::Params& params);

// A posted file upload (multipart/form-data, http/multipart.h): kUnsupportedMediaType for any other
// body, kMalformed or kPayloadTooLarge for a broken one. Its CSRF token is the "csrf_token" part.
Result<std::vector<http::MultipartPart>> ReadMultipartForm(const http::Request& request);
bool MultipartCsrfValid(const http::Request& request, const std::vector<http::MultipartPart>& parts);

// Renders the form; a new CSRF cookie, when the request had none, goes onto `response`.
std::string RenderForm(const Views& views, const http::Request& request, http::Response& response,
                       const Form& form, bool secure_cookies);

// The HTML page response (status, no-store, and any headers collected on `extra`).
http::Response HtmlPage(std::string body, int status, const http::Response& extra = {});

}  // namespace samskab::web
