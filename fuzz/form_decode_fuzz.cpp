// Fuzzes query and form decoding: whatever it accepts is valid UTF-8 without NUL bytes, and
// encoding then decoding gives back the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  using namespace samskab::text;
  if (auto params = ParseUrlEncoded(input)) {
    for (const auto& [name, value] : *params) {
      if (!IsValidUtf8(name) || !IsValidUtf8(value)) std::abort();
      if (name.find('\0') != std::string::npos || value.find('\0') != std::string::npos) std::abort();
      if (PercentDecode(PercentEncode(value), true) != value) std::abort();
    }
  }
  if (auto decoded = PercentDecode(input, false)) {
    if (!IsValidUtf8(*decoded)) std::abort();
  }
  if (IsValidUtf8(input) && input.find('\0') == std::string_view::npos) {
    if (PercentDecode(PercentEncode(input), false) != std::string(input)) std::abort();
  }
  return 0;
}
