#include "api/openapi.h"

#include <fmt/format.h>

#include "core/embedded.h"
#include "core/random.h"

namespace samskab::api {

std::string_view OpenApiDocument() { return embedded::Find("src/api/openapi.json"); }

void RegisterOpenApi(http::Router& router) {
  router.Add(
      "GET", "/api/v1/openapi.json", domain::Access::Public(),
      [](http::Request& request) -> Result<http::Response> {
        static const std::string kEtag = fmt::format("\"{}\"", ContentHash(OpenApiDocument(), 16));
        http::Response response;
        response.headers.Add("ETag", kEtag);
        response.headers.Add("Cache-Control", "public, max-age=300");
        if (request.headers.Get("If-None-Match") == kEtag) {
          response.status = 304;
          return response;
        }
        response.headers.Add("Content-Type", "application/json");
        response.body = std::string(OpenApiDocument());
        return response;
      },
      http::Runs::kOnIoThread);
}

}  // namespace samskab::api
