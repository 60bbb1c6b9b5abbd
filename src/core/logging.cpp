#include "core/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace samskab::logging {
namespace {

thread_local std::string_view current_request_id = "-";

// %Q in the pattern: the current request id.
class RequestIdFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg&, const std::tm&, spdlog::memory_buf_t& dest) override {
    dest.append(current_request_id.data(), current_request_id.data() + current_request_id.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<RequestIdFlag>(); }
};

}  // namespace

std::string_view CurrentRequestId() { return current_request_id; }

ScopedRequestId::ScopedRequestId(std::string_view id) : previous_(current_request_id) {
  current_request_id = id;
}
ScopedRequestId::~ScopedRequestId() { current_request_id = previous_; }

Status Init(std::string_view level, const std::string& file) {
  const auto parsed = spdlog::level::from_str(std::string(level));
  if (parsed == spdlog::level::off && level != "off") {
    return InvalidArgument("log level must be one of trace, debug, info, warn, error, off");
  }
  std::shared_ptr<spdlog::logger> logger;
  try {
    if (file.empty() || file == "-") {
      logger = std::make_shared<spdlog::logger>("samskab", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    } else {
      logger = std::make_shared<spdlog::logger>("samskab",
                                                std::make_shared<spdlog::sinks::basic_file_sink_mt>(file));
    }
  } catch (const spdlog::spdlog_ex& e) {
    return InvalidArgument(std::string("cannot open log file: ") + e.what());
  }
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  // logfmt: one event a line, key=value, easy for both people and log shippers.
  formatter->add_flag<RequestIdFlag>('Q').set_pattern("ts=%Y-%m-%dT%H:%M:%S.%eZ level=%l req=%Q %v");
  logger->set_formatter(std::move(formatter));
  logger->set_level(parsed);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  return Status::Ok();
}

}  // namespace samskab::logging
