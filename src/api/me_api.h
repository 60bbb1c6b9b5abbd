// GET /api/v1/me: who is calling — a user or an API token, with their roles and scopes.
#pragma once

#include "http/router.h"

namespace samskab::api {

void RegisterMeApi(http::Router& router);

}  // namespace samskab::api
