// Conversion between Beast's HTTP messages and our Request/Response, and a parser entry point
// for raw bytes (used by the fuzz target and tests). Includes Beast's HTTP headers but not Asio's
// coroutine machinery.
#pragma once

#include <string_view>

#include <boost/beast/http.hpp>

#include "core/status.h"
#include "http/message.h"

namespace samskab::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Fills `out` from a parsed Beast request. Fails (-> 400) when the target is not an
// origin-form path or its percent-encoding or UTF-8 is broken.
Status FromBeast(BeastRequest&& in, Request& out);

struct WireLimits {
  size_t header_bytes = size_t{8} * 1024;
  size_t body_bytes = size_t{1024} * 1024;
};

// Parses one request from `bytes`. The HTTP status to answer on failure: 400 malformed,
// 413 body too large, 431 header too large; 0 when the bytes end before the request does.
struct ParseOutcome {
  int error_status = 0;
  bool complete = false;
  Request request;
};
ParseOutcome ParseRequestBytes(std::string_view bytes, const WireLimits& limits);

// The status to answer for a Beast read error (400, 413 or 431).
int StatusForParseError(const boost::system::error_code& ec);

}  // namespace samskab::http
