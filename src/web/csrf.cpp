#include "web/csrf.h"

#include <fmt/format.h>

#include "core/random.h"
#include "web/i18n.h"

namespace samskab::web {
namespace {
bool WellFormed(std::string_view token) {
  return token.size() == 64 && token.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}
}  // namespace

std::string CsrfToken(const http::Request& request, http::Response& response, bool secure_cookie) {
  // Logged in: the token is bound to the session (derived from it with the installation's key).
  if (request.principal && !request.principal->csrf_token.empty()) return request.principal->csrf_token;
  const std::string_view existing = http::CookieValue(request.headers.Get("Cookie"), kCsrfCookie);
  if (WellFormed(existing)) return std::string(existing);
  std::string token = RandomHex(32);
  response.headers.Add("Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", kCsrfCookie,
                                                 token, secure_cookie ? "; Secure" : ""));
  return token;
}

bool CsrfValid(const http::Request& request, std::string_view form_token) {
  if (request.principal && !request.principal->csrf_token.empty())
    return SecureEquals(request.principal->csrf_token, form_token);
  const std::string_view cookie = http::CookieValue(request.headers.Get("Cookie"), kCsrfCookie);
  return WellFormed(cookie) && SecureEquals(cookie, form_token);
}

}  // namespace samskab::web
