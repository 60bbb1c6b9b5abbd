// Reading JSON bodies (volunteer profiles, opportunities, needs and offers, organisation profiles): typed
// fields with every problem collected by field name, so one 422 names them all. Unknown fields are the
// caller's check (each resource knows its own).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "core/text.h"
#include "domain/market/availability.h"
#include "http/message.h"

namespace samskab::api {

// Every problem of one request, by field; the first problem of a field is the one reported.
class FieldProblems {
 public:
  void Add(std::string field, std::string key);
  void AddAll(const std::vector<FieldProblem>& more);
  bool Has(std::string_view field) const;
  bool empty() const { return problems_.empty(); }
  Status Failed() && { return ValidationFailed(std::move(problems_)); }

 private:
  std::vector<FieldProblem> problems_;
};

void ReadText(const nlohmann::json& value, const std::string& field, std::string& out,
              FieldProblems& problems);
// null or "" clears.
void ReadOptionalText(const nlohmann::json& value, const std::string& field, std::optional<std::string>& out,
                      FieldProblems& problems);
void ReadFlag(const nlohmann::json& value, const std::string& field, bool& out, FieldProblems& problems);
void ReadTextList(const nlohmann::json& value, const std::string& field, std::vector<std::string>& out,
                  FieldProblems& problems);
// A whole number (validation.number); the range is the domain's rule.
void ReadInteger(const nlohmann::json& value, const std::string& field, int64_t& out,
                 FieldProblems& problems);
// One of a fixed set of names (a status, a kind, a visibility): `parse` maps the name to its value
// or nullopt; anything else, or a value that is not a string, is `error_key` on the field.
template <class T, class Parse>
void ReadChoice(const nlohmann::json& value, const std::string& field, Parse parse, T& out,
                FieldProblems& problems, const char* error_key) {
  std::optional<T> chosen = value.is_string() ? parse(value.get<std::string>()) : std::nullopt;
  if (chosen) {
    out = *chosen;
  } else {
    problems.Add(field, error_key);
  }
}

// The weekly grid {"mon": ["morning"], …}; availability.error.shape otherwise.
void ReadAvailability(const nlohmann::json& value, const std::string& field, domain::WeeklyAvailability& out,
                      FieldProblems& problems);

// The offset a list's opaque cursor carries (the lists page by offset, like the organisations').
Result<int64_t> CursorOffset(const std::string& after);

// A list's query string read once: `limit` (ParsePageRequest), the offset of `cursor`
// (CursorOffset) and every parameter, for the list's own filters.
struct ListQuery {
  int limit = 20;
  int64_t offset = 0;
  text::Params params;
};
Result<ListQuery> ReadListQuery(const http::Request& request);

// A list filter from the query string, left unset when absent or empty: one of a fixed set of
// names (`parse` as for ReadChoice), or a positive id ("validation.number" otherwise).
template <class T, class Parse>
void ReadParamChoice(const text::Params& params, std::string_view name, Parse parse, std::optional<T>& out,
                     FieldProblems& problems, const char* error_key) {
  const auto given = text::Find(params, name);
  if (!given || given->empty()) return;
  out = parse(*given);
  if (!out) problems.Add(std::string(name), error_key);
}
void ReadParamId(const text::Params& params, std::string_view name, std::optional<int64_t>& out,
                 FieldProblems& problems);

// A 304 with the ETag.
http::Response NotModifiedResponse(const std::string& etag);

}  // namespace samskab::api
