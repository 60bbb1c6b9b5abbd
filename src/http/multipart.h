// multipart/form-data (RFC 7578), the one way a browser without JavaScript uploads a file. Strict
// and small: the boundary from the Content-Type, parts with a Content-Disposition of form-data
// naming the field (and for a file its name), an optional Content-Type, the body up to the next
// delimiter. No preamble handling beyond what browsers send, no nested multiparts, no transfer
// encodings. Limits on the parts' count, header size and body size; every failure is a Status with
// a catalog key ("upload.error.malformed", "upload.error.too_large") and changes nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace samskab::http {

struct MultipartPart {
  std::string name;                     // the form field
  std::optional<std::string> filename;  // for a file: its name without any path a browser added
  std::string content_type;             // as sent; empty when absent
  std::string body;
};

struct MultipartLimits {
  size_t max_parts = 16;
  size_t max_header_bytes = 4096;                    // one part's header block
  size_t max_part_bytes = size_t{11} * 1024 * 1024;  // one part's body (the CSV import's 10 MiB and some)
};

// The boundary of "multipart/form-data; boundary=…" (1-70 characters, quoted or not).
// kUnsupportedMediaType for another type, kMalformed without a usable boundary.
Result<std::string> MultipartBoundary(std::string_view content_type);

// Every part of `body` in order. kMalformed ("upload.error.malformed") for anything that does not
// follow the format, kPayloadTooLarge ("upload.error.too_large") above a limit.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits = {});

// The first part named `name`, or nullptr.
const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace samskab::http
