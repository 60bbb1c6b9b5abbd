#include "http/errors.h"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

namespace samskab::http {
namespace {

struct StatusInfo {
  int status;
  const char* slug;         // problem type: "urn:samskab:problem:<slug>"
  const char* message_key;  // generic user message in the catalog
};

// The single table from HTTP status to how it is presented.
constexpr StatusInfo kStatuses[] = {
    {400, "bad_request", "error.bad_request"},
    {401, "unauthenticated", "error.unauthenticated"},
    {403, "forbidden", "error.forbidden"},
    {404, "not_found", "error.not_found"},
    {405, "method_not_allowed", "error.method_not_allowed"},
    {408, "request_timeout", "error.request_timeout"},
    {409, "conflict", "error.conflict"},
    {412, "precondition_failed", "error.precondition_failed"},
    {413, "payload_too_large", "error.payload_too_large"},
    {415, "unsupported_media_type", "error.unsupported_media_type"},
    {422, "invalid", "error.invalid"},
    {428, "precondition_required", "error.precondition_required"},
    {429, "too_many_requests", "error.too_many_requests"},
    {431, "header_too_large", "error.header_too_large"},
    {500, "internal", "error.internal"},
    {501, "not_implemented", "error.not_implemented"},
    {503, "unavailable", "error.unavailable"},
};

const StatusInfo& InfoFor(int status) {
  for (const auto& info : kStatuses) {
    if (info.status == status) return info;
  }
  return status >= 500 ? kStatuses[std::size(kStatuses) - 3] : kStatuses[0];
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return 200;
    case ErrorCode::kMalformed:
      return 400;
    case ErrorCode::kInvalidArgument:
      return 422;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kPreconditionFailed:
      return 412;
    case ErrorCode::kPreconditionRequired:
      return 428;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorRenderer::Render(const Request& request, int status, std::string_view message_key,
                               const std::vector<FieldError>& fields) const {
  const StatusInfo& info = InfoFor(status);
  const std::string title = translate_(request.lang, std::string("status.") + std::to_string(status));
  const std::string message = translate_(request.lang, message_key.empty() ? info.message_key : message_key);
  Response response;
  response.status = status;
  if (request.IsApi()) {
    nlohmann::json problem = {{"type", std::string("urn:samskab:problem:") + info.slug},
                              {"title", title},
                              {"status", status},
                              {"detail", message},
                              {"instance", request.path},
                              {"request_id", request.request_id}};
    if (!fields.empty()) {
      auto& errors = problem["errors"] = nlohmann::json::array();
      for (const auto& field : fields) {
        errors.push_back({{"field", field.field},
                          {"code", field.message_key},
                          {"detail", translate_(request.lang, field.message_key)}});
      }
    }
    response.headers.Add("Content-Type", "application/problem+json");
    response.body = problem.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    response.headers.Add("Content-Type", "text/html; charset=utf-8");
    response.body = html_page_(request, status, title, message);
  }
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

Response ErrorRenderer::Render(const Request& request, const Status& status) const {
  const int http_status = HttpStatusFor(status.code());
  if (http_status >= 500) {
    spdlog::error("error={} {}", ErrorCodeName(status.code()), status.log_message());
  } else {
    spdlog::debug("error={} {}", ErrorCodeName(status.code()), status.log_message());
  }
  // Internal details never reach the user: only the catalog message chosen for them.
  if (http_status >= 500) return Render(request, http_status);
  std::vector<FieldError> fields;
  fields.reserve(status.fields().size());
  for (const auto& field : status.fields()) fields.push_back({field.field, field.message_key});
  return Render(request, http_status, status.user_message_key(), fields);
}

}  // namespace samskab::http
