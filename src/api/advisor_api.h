// POST /api/v1/advisor: a planner describes a collaboration not yet started (the partners' kinds
// and the involvement the municipality intends) and gets its placement in the model and the
// memo's attention points, before committing to anything. Nothing is stored.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "http/router.h"

namespace samskab::api {

// (language, key) -> catalog text.
using Translate = std::function<std::string(std::string_view lang, std::string_view key)>;

void RegisterAdvisorApi(http::Router& router, Translate translate);

}  // namespace samskab::api
