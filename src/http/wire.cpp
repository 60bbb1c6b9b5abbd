#include "http/wire.h"

#include "core/text.h"

namespace samskab::http {

namespace beast_http = boost::beast::http;

Status FromBeast(BeastRequest&& in, Request& out) {
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  if (out.target.empty() || out.target.front() != '/') {
    return InvalidArgument("request target is not an origin-form path", "error.bad_request");
  }
  const size_t question = out.target.find('?');
  auto path = text::PercentDecode(std::string_view(out.target).substr(0, question), /*plus_is_space=*/false);
  if (!path)
    return InvalidArgument("request path has a broken %-escape or is not UTF-8", "error.bad_request");
  out.path = std::move(*path);
  out.query = question == std::string::npos ? std::string{} : out.target.substr(question + 1);
  for (const auto& field : in) {
    out.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = std::move(in.body());
  return Status::Ok();
}

int StatusForParseError(const boost::system::error_code& ec) {
  if (ec == beast_http::error::body_limit) return 413;
  if (ec == beast_http::error::header_limit) return 431;
  return 400;
}

ParseOutcome ParseRequestBytes(std::string_view bytes, const WireLimits& limits) {
  ParseOutcome outcome;
  beast_http::request_parser<beast_http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
  parser.body_limit(limits.body_bytes);
  parser.eager(true);
  boost::system::error_code ec;
  size_t offset = 0;
  while (offset < bytes.size() && !parser.is_done()) {
    const size_t used = parser.put(boost::asio::buffer(bytes.data() + offset, bytes.size() - offset), ec);
    if (ec == beast_http::error::need_more) break;
    if (ec) {
      outcome.error_status = StatusForParseError(ec);
      return outcome;
    }
    if (used == 0) break;
    offset += used;
  }
  if (!parser.is_done()) return outcome;
  Status converted = FromBeast(parser.release(), outcome.request);
  if (!converted.ok()) {
    outcome.error_status = 400;
    return outcome;
  }
  outcome.complete = true;
  return outcome;
}

}  // namespace samskab::http
