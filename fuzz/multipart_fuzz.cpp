// Fuzzes the multipart/form-data parser: the first line of the input is the Content-Type, the rest
// the body. Whatever it accepts has parts within the limits, with names, whose bodies lie inside
// the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/multipart.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  using namespace samskab::http;
  const size_t newline = input.find('\n');
  const std::string_view content_type = newline == std::string_view::npos
                                            ? std::string_view("multipart/form-data; boundary=b")
                                            : input.substr(0, newline);
  const std::string_view body = newline == std::string_view::npos ? input : input.substr(newline + 1);
  auto boundary = MultipartBoundary(content_type);
  if (!boundary.ok()) return 0;
  MultipartLimits limits;
  limits.max_parts = 8;
  limits.max_part_bytes = 1024;
  auto parts = ParseMultipart(body, *boundary, limits);
  if (!parts.ok()) {
    if (parts.status().user_message_key().rfind("upload.error.", 0) != 0) std::abort();
    return 0;
  }
  if (parts->size() > limits.max_parts) std::abort();
  for (const auto& part : *parts) {
    if (part.name.empty() || part.body.size() > limits.max_part_bytes || part.body.size() > body.size())
      std::abort();
    if (part.filename && part.filename->find_first_of("/\\") != std::string::npos) std::abort();
  }
  return 0;
}
