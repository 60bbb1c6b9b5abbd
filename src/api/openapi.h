// The OpenAPI 3.1 document of /api/v1, kept in src/api/openapi.json and served at
// /api/v1/openapi.json. A test checks it against the router: every /api/v1 route is documented
// and nothing is documented that does not exist.
#pragma once

#include <string_view>

#include "http/router.h"

namespace samskab::api {

std::string_view OpenApiDocument();
void RegisterOpenApi(http::Router& router);

}  // namespace samskab::api
