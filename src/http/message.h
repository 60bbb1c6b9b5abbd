// Request and Response as plain values, free of Boost.Beast, so that routing, pages and the API
// compile without Beast (only http/server.cpp and http/wire.cpp include it).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/access/access.h"

namespace samskab::http {

class Headers {
 public:
  // Case-insensitive lookup of the first header named `name`; empty when absent.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  void Add(std::string name, std::string value) { items_.emplace_back(std::move(name), std::move(value)); }
  // Replaces every header named `name` by one with `value`.
  void Set(std::string_view name, std::string value);
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Request {
  std::string method;  // "GET", "POST", … as sent (unknown methods are kept and get 405 or 501)
  std::string target;  // the raw request target, "/a/b?x=1"
  std::string path;    // percent-decoded path, "/a/b"
  std::string query;   // raw query string, "x=1"
  Headers headers;
  std::string body;
  std::string request_id;
  std::string remote_address;
  bool tls = false;
  // Set by the router.
  std::vector<std::pair<std::string, std::string>> path_params;
  std::string route_name;  // the route's pattern, "/api/v1/municipalities/{code}", for metrics and logs
  // Set by the application before the handler runs.
  std::string lang = "da";
  // Who is calling (never null once authorised; the public is a Principal of kind kPublic) and,
  // for municipal routes, the municipality the policy decided this request works in.
  std::shared_ptr<const domain::Principal> principal;
  std::string municipality;
  std::optional<int64_t> organisation_id;
  // Headers the pipeline adds to whatever response the handler gives (a cleared session cookie).
  std::vector<std::pair<std::string, std::string>> response_headers;

  std::string_view PathParam(std::string_view name) const;
  // API requests get problem+json errors; everything else gets an HTML page.
  bool IsApi() const { return path.rfind("/api/", 0) == 0; }
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // Shared, immutable bodies (static assets) are sent without copying.
  std::shared_ptr<const std::string> shared_body;
  bool head_only = false;  // a HEAD request: headers as for GET, no body

  std::string_view Body() const {
    return shared_body ? std::string_view(*shared_body) : std::string_view(body);
  }
};

// The value of cookie `name` in a Cookie header ("a=1; b=2"), or empty.
std::string_view CookieValue(std::string_view cookie_header, std::string_view name);

Response MakeResponse(int status, std::string content_type, std::string body);
Response Redirect(int status, std::string location);

}  // namespace samskab::http
