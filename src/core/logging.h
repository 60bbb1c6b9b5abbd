// Logging set-up. Every log line carries the id of the request it belongs to ("-" outside a
// request): the id lives in a thread-local that ScopedRequestId sets while a request is handled.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace samskab::logging {

// `level`: trace, debug, info, warn, error. `file`: empty or "-" for standard error.
Status Init(std::string_view level, const std::string& file);

std::string_view CurrentRequestId();

class ScopedRequestId {
 public:
  explicit ScopedRequestId(std::string_view id);
  ~ScopedRequestId();
  ScopedRequestId(const ScopedRequestId&) = delete;
  ScopedRequestId& operator=(const ScopedRequestId&) = delete;

 private:
  std::string_view previous_;
};

}  // namespace samskab::logging
