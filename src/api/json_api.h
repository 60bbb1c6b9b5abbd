// The JSON API's common ground: JSON responses, keyset pagination (`limit`, `cursor`),
// ETag / If-None-Match / If-Match, and reading JSON bodies. Field names are snake_case.
// Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "http/message.h"

namespace samskab::api {

inline constexpr int kDefaultLimit = 20;
inline constexpr int kMaxLimit = 100;

http::Response Json(int status, const nlohmann::json& body);

struct PageRequest {
  int limit = kDefaultLimit;
  std::string after;  // the last key of the previous page; empty for the first page
};
// Reads `limit` (1..100) and `cursor` from the query; kInvalidArgument naming the parameter.
Result<PageRequest> ParsePageRequest(const http::Request& request);
// An opaque cursor for "continue after `key`".
std::string EncodeCursor(const std::string& key);
std::optional<std::string> DecodeCursor(const std::string& cursor);

// A list body: {"items": [...], "next_cursor": "…" | null}.
nlohmann::json ListBody(nlohmann::json items, const std::optional<std::string>& next_key);
// A list paged by offset: the items from `offset` on, the next page's cursor while `total` has
// more, and `total`: {"items": [...], "next_cursor": "<offset>" | null, "total": n}.
nlohmann::json OffsetListBody(nlohmann::json items, int64_t offset, int64_t total);

// The ETag of a resource at a revision: "\"<kind>-<id>-<revision>\"".
std::string Etag(std::string_view kind, std::string_view id, int64_t revision);
// True when If-None-Match names `etag` (or "*"): answer 304.
bool NotModified(const http::Request& request, const std::string& etag);
// For updates: the revision the client holds, from If-Match. kPreconditionRequired (428) when
// absent; kPreconditionFailed (412) when it names another resource or is malformed.
Result<int64_t> RequiredIfMatch(const http::Request& request, std::string_view kind, std::string_view id);

// Parses a JSON request body: 415 unless Content-Type is application/json, 400 for malformed
// JSON or invalid UTF-8, 422 when it is not an object.
Result<nlohmann::json> ParseJsonObject(const http::Request& request);

}  // namespace samskab::api
