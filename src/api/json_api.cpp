#include "api/json_api.h"

#include <charconv>

#include <fmt/format.h>
#include <sodium.h>

#include "core/text.h"

namespace samskab::api {

http::Response Json(int status, const nlohmann::json& body) {
  return http::MakeResponse(status, "application/json",
                            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string EncodeCursor(const std::string& key) {
  std::string out(sodium_base64_ENCODED_LEN(key.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::string> DecodeCursor(const std::string& cursor) {
  if (cursor.empty() || cursor.size() > 256) return std::nullopt;
  std::string out(cursor.size(), '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), cursor.data(),
                        cursor.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  if (!text::IsValidUtf8(out)) return std::nullopt;
  return out;
}

Result<PageRequest> ParsePageRequest(const http::Request& request) {
  const auto params = text::ParseUrlEncoded(request.query);
  if (!params) return Status(ErrorCode::kMalformed, "malformed query string");
  PageRequest page;
  if (auto limit = text::Find(*params, "limit")) {
    int value = 0;
    auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (ec != std::errc() || end != limit->data() + limit->size() || value < 1 || value > kMaxLimit) {
      return InvalidArgument(fmt::format("limit={} is not in 1..{}", *limit, kMaxLimit),
                             "error.invalid_limit");
    }
    page.limit = value;
  }
  if (auto cursor = text::Find(*params, "cursor")) {
    auto decoded = DecodeCursor(std::string(*cursor));
    if (!decoded) return InvalidArgument("undecodable cursor", "error.invalid_cursor");
    page.after = std::move(*decoded);
  }
  return page;
}

nlohmann::json ListBody(nlohmann::json items, const std::optional<std::string>& next_key) {
  return {{"items", std::move(items)},
          {"next_cursor", next_key ? nlohmann::json(EncodeCursor(*next_key)) : nlohmann::json(nullptr)}};
}

nlohmann::json OffsetListBody(nlohmann::json items, int64_t offset, int64_t total) {
  const int64_t next = offset + static_cast<int64_t>(items.size());
  nlohmann::json body =
      ListBody(std::move(items), next < total ? std::optional(std::to_string(next)) : std::nullopt);
  body["total"] = total;
  return body;
}

std::string Etag(std::string_view kind, std::string_view id, int64_t revision) {
  return fmt::format("\"{}-{}-{}\"", kind, id, revision);
}

bool NotModified(const http::Request& request, const std::string& etag) {
  const std::string_view header = request.headers.Get("If-None-Match");
  if (header.empty()) return false;
  if (text::Trim(header) == "*") return true;
  // A list of tags; weak comparison, so W/"x" matches "x".
  std::string_view rest = header;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    std::string_view tag = text::Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == etag) return true;
  }
  return false;
}

Result<int64_t> RequiredIfMatch(const http::Request& request, std::string_view kind, std::string_view id) {
  const std::string_view header = text::Trim(request.headers.Get("If-Match"));
  if (header.empty()) {
    return Status(ErrorCode::kPreconditionRequired, "update without If-Match", "error.precondition_required");
  }
  const std::string prefix = fmt::format("\"{}-{}-", kind, id);
  if (header.size() > prefix.size() + 1 && header.substr(0, prefix.size()) == prefix &&
      header.back() == '"') {
    const std::string_view number = header.substr(prefix.size(), header.size() - prefix.size() - 1);
    int64_t revision = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), revision);
    if (ec == std::errc() && end == number.data() + number.size()) return revision;
  }
  return Status(ErrorCode::kPreconditionFailed,
                fmt::format("If-Match {} does not name {} {}", header, kind, id),
                "error.precondition_failed");
}

Result<nlohmann::json> ParseJsonObject(const http::Request& request) {
  const std::string content_type = text::ToLower(request.headers.Get("Content-Type"));
  if (content_type.rfind("application/json", 0) != 0) {
    return Status(ErrorCode::kUnsupportedMediaType, "body is not application/json");
  }
  if (!text::IsValidUtf8(request.body)) return Status(ErrorCode::kMalformed, "body is not UTF-8");
  auto parsed = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Status(ErrorCode::kMalformed, "body is not valid JSON");
  if (!parsed.is_object()) return InvalidArgument("body is not a JSON object", "error.invalid");
  return parsed;
}

}  // namespace samskab::api
