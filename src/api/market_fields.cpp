#include "api/market_fields.h"

#include <algorithm>

#include "api/json_api.h"
#include "core/text.h"

namespace samskab::api {

using nlohmann::json;

void FieldProblems::Add(std::string field, std::string key) {
  if (!Has(field)) problems_.push_back({std::move(field), std::move(key)});
}

void FieldProblems::AddAll(const std::vector<FieldProblem>& more) {
  for (const auto& problem : more) Add(problem.field, problem.message_key);
}

bool FieldProblems::Has(std::string_view field) const {
  return std::any_of(problems_.begin(), problems_.end(), [&](const auto& p) { return p.field == field; });
}

void ReadText(const json& value, const std::string& field, std::string& out, FieldProblems& problems) {
  if (value.is_string()) {
    out = value.get<std::string>();
  } else {
    problems.Add(field, "validation.type_text");
  }
}

void ReadOptionalText(const json& value, const std::string& field, std::optional<std::string>& out,
                      FieldProblems& problems) {
  if (value.is_null()) {
    out.reset();
  } else if (value.is_string()) {
    out = value.get<std::string>();
  } else {
    problems.Add(field, "validation.type_text");
  }
}

void ReadFlag(const json& value, const std::string& field, bool& out, FieldProblems& problems) {
  if (value.is_boolean()) {
    out = value.get<bool>();
  } else {
    problems.Add(field, "validation.type_boolean");
  }
}

void ReadTextList(const json& value, const std::string& field, std::vector<std::string>& out,
                  FieldProblems& problems) {
  const bool strings = value.is_array() &&
                       std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
  if (!strings) {
    problems.Add(field, "validation.type_list");
    return;
  }
  out = value.get<std::vector<std::string>>();
}

void ReadInteger(const json& value, const std::string& field, int64_t& out, FieldProblems& problems) {
  if (value.is_number_integer()) {
    out = value.get<int64_t>();
  } else {
    problems.Add(field, "validation.number");
  }
}

void ReadAvailability(const json& value, const std::string& field, domain::WeeklyAvailability& out,
                      FieldProblems& problems) {
  auto grid = domain::WeeklyAvailability::FromJson(value);
  if (grid.ok()) {
    out = *grid;
  } else {
    problems.Add(field, grid.status().user_message_key());
  }
}

Result<int64_t> CursorOffset(const std::string& after) {
  if (after.empty()) return int64_t{0};
  const auto offset = text::ParsePositiveId(after);
  if (!offset) return InvalidArgument("cursor is not an offset", "error.invalid_cursor");
  return *offset;
}

Result<ListQuery> ReadListQuery(const http::Request& request) {
  auto page = ParsePageRequest(request);
  if (!page.ok()) return page.status();
  auto offset = CursorOffset(page->after);
  if (!offset.ok()) return offset.status();
  auto params = text::ParseUrlEncoded(request.query);
  if (!params) return Status(ErrorCode::kMalformed, "malformed query string");
  return ListQuery{page->limit, *offset, std::move(params).value()};
}

void ReadParamId(const text::Params& params, std::string_view name, std::optional<int64_t>& out,
                 FieldProblems& problems) {
  ReadParamChoice(params, name, text::ParsePositiveId, out, problems, "validation.number");
}

http::Response NotModifiedResponse(const std::string& etag) {
  http::Response response;
  response.status = 304;
  response.headers.Add("ETag", etag);
  return response;
}

}  // namespace samskab::api
