// Resources compiled into the binary by cmake/embed.cmake: templates, message catalogs,
// SQL migrations and the OpenAPI document. Read-only and safe to use from any thread.
#pragma once

#include <string_view>
#include <vector>

namespace samskab::embedded {

struct Resource {
  std::string_view name;  // path relative to the source tree, e.g. "templates/layout.tpl"
  std::string_view bytes;
};

const std::vector<Resource>& All();

// The resource with this exact name, or an empty view when there is none.
std::string_view Find(std::string_view name);

}  // namespace samskab::embedded
