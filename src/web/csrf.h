// CSRF protection for forms: the double-submit pattern. A random token lives in a SameSite=Strict,
// HttpOnly cookie and in a hidden field of every form; a state-changing request must carry both,
// equal. A cross-site page can make the browser send the cookie but cannot read it to fill the
// field. For a logged-in user the token is bound to the session instead: derived from it with the
// installation's key (auth/authenticator.h), so it changes at every login and dies with the session.
#pragma once

#include <string>

#include "http/message.h"

namespace samskab::web {

inline constexpr std::string_view kCsrfCookie = "samskab_csrf";
inline constexpr std::string_view kCsrfField = "csrf_token";

// The request's token, or a new one; sets the cookie on `response` when it is new.
std::string CsrfToken(const http::Request& request, http::Response& response, bool secure_cookie);

// True when the form's token equals the cookie's (compared in constant time).
bool CsrfValid(const http::Request& request, std::string_view form_token);

}  // namespace samskab::web
