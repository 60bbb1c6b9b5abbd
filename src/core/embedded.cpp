#include "core/embedded.h"

namespace samskab::embedded {

std::string_view Find(std::string_view name) {
  for (const auto& resource : All()) {
    if (resource.name == name) return resource.bytes;
  }
  return {};
}

}  // namespace samskab::embedded
