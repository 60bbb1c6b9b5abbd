// Fuzzes the first code that touches a client's bytes: request line and header parsing (Beast's
// parser with our limits) and our conversion to Request (target, percent-decoding, UTF-8).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/text.h"
#include "http/wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  samskab::http::WireLimits limits;
  limits.header_bytes = 4096;
  limits.body_bytes = 4096;
  const auto outcome = samskab::http::ParseRequestBytes(bytes, limits);
  if (outcome.complete) {
    const auto& request = outcome.request;
    // What the parser accepts must satisfy what the rest of the server relies on.
    if (request.path.empty() || request.path.front() != '/') std::abort();
    if (!samskab::text::IsValidUtf8(request.path)) std::abort();
    if (request.path.find('\0') != std::string::npos) std::abort();
    (void)samskab::text::ParseUrlEncoded(request.query);
    (void)request.headers.Get("Cookie");
  } else if (outcome.error_status != 0 && outcome.error_status != 400 && outcome.error_status != 413 &&
             outcome.error_status != 431) {
    std::abort();
  }
  return 0;
}
