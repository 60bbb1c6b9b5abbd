#include "http/dispatcher.h"

#include <exception>

#include <spdlog/spdlog.h>

#include "core/logging.h"

namespace samskab::http {

Match Dispatcher::Resolve(Request& request) const {
  if (prepare_) prepare_(request);
  return router_.Resolve(request);
}

Response Dispatcher::Dispatch(Request& request, const Match& match) const {
  logging::ScopedRequestId scoped(request.request_id);
  Response response;
  if (!match.route) {
    response = errors_.Render(request, match.allow.empty() ? 404 : 405);
    if (!match.allow.empty()) response.headers.Add("Allow", match.allow);
  } else {
    try {
      // Deny by default: without an authorisation hook nothing but public routes runs.
      std::optional<Response> denied;
      if (authorise_) {
        denied = authorise_(request, *match.route);
      } else if (match.route->access.audience != domain::Audience::kPublic) {
        denied = errors_.Render(request, 401);
      }
      if (denied) {
        response = std::move(*denied);
      } else {
        Result<Response> result = match.route->handler(request);
        response = result.ok() ? std::move(result).value() : errors_.Render(request, result.status());
      }
    } catch (const std::exception& e) {
      spdlog::error("unhandled exception in {} {}: {}", request.method, request.route_name, e.what());
      response = errors_.Render(request, 500);
    } catch (...) {
      spdlog::error("unhandled non-standard exception in {} {}", request.method, request.route_name);
      response = errors_.Render(request, 500);
    }
    // A handler may answer with a bare error status; it gets the standard error body here.
    if (response.status >= 400 && response.Body().empty()) {
      Response rendered = errors_.Render(request, response.status);
      for (const auto& [name, value] : response.headers.items()) {
        if (!rendered.headers.Has(name)) rendered.headers.Add(name, value);
      }
      response = std::move(rendered);
    }
  }
  Complete(request, response);
  return response;
}

Response Dispatcher::Error(Request& request, int status) const {
  logging::ScopedRequestId scoped(request.request_id);
  Response response = errors_.Render(request, status);
  Complete(request, response);
  return response;
}

void Dispatcher::Complete(const Request& request, Response& response) const {
  response.head_only = request.method == "HEAD";
  response.headers.Set("X-Request-Id", request.request_id);
  for (const auto& [name, value] : request.response_headers) response.headers.Add(name, value);
  if (finish_) finish_(request, response);
}

}  // namespace samskab::http
