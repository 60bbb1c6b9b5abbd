// Errors in one place: which HTTP status each ErrorCode becomes, and how an error is shown —
// an HTML page in the user's language, or application/problem+json (RFC 9457) for the API.
// A server error shows the user only a generic message and the request id; the details go to
// the log with the same id.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "http/message.h"

namespace samskab::http {

// The HTTP status for an error code.
int HttpStatusFor(ErrorCode code);

// One field's problem, for validation errors ("email" -> "Skriv en gyldig e-mailadresse").
struct FieldError {
  std::string field;
  std::string message_key;
};

class ErrorRenderer {
 public:
  using Translate = std::function<std::string(std::string_view lang, std::string_view key)>;
  // Renders a whole HTML error page: status, title and message already translated.
  using HtmlPage = std::function<std::string(const Request&, int status, const std::string& title,
                                             const std::string& message)>;

  ErrorRenderer(Translate translate, HtmlPage html_page)
      : translate_(std::move(translate)), html_page_(std::move(html_page)) {}

  // An error response for `status`. `message_key` names the catalog message shown to the user;
  // empty means the status's generic message.
  Response Render(const Request& request, int status, std::string_view message_key = {},
                  const std::vector<FieldError>& fields = {}) const;
  // The response for a failed Status: logs internal details with the request id.
  Response Render(const Request& request, const Status& status) const;

 private:
  Translate translate_;
  HtmlPage html_page_;
};

}  // namespace samskab::http
