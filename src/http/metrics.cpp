#include "http/metrics.h"

#include <prometheus/text_serializer.h>

#include <algorithm>

namespace samskab::http {
namespace {
const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const prometheus::Histogram::BucketBoundaries kBuckets = {
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
  return kBuckets;
}
}  // namespace

Metrics::Metrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      requests_(prometheus::BuildCounter()
                    .Name("samskab_http_requests_total")
                    .Help("HTTP requests answered, by route pattern, method and status")
                    .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("samskab_http_request_duration_seconds")
                   .Help("Time from a complete request to its response being ready, by route")
                   .Register(*registry_)) {}

void Metrics::ObserveRequest(std::string_view route, std::string_view method, int status, double seconds) {
  const std::string route_label = route.empty() ? "unmatched" : std::string(route);
  // Methods outside the known set share one label value, so clients cannot grow the series.
  static constexpr std::string_view kKnown[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  const bool known = std::find(std::begin(kKnown), std::end(kKnown), method) != std::end(kKnown);
  const std::string method_label = known ? std::string(method) : "other";
  requests_.Add({{"route", route_label}, {"method", method_label}, {"status", std::to_string(status)}})
      .Increment();
  latency_.Add({{"route", route_label}}, LatencyBuckets()).Observe(seconds);
}

void Metrics::SetGauge(const std::string& name, const std::string& help, double value) {
  std::lock_guard lock(gauges_mutex_);
  auto& gauge = gauges_[name];
  if (!gauge) gauge = &prometheus::BuildGauge().Name(name).Help(help).Register(*registry_).Add({});
  gauge->Set(value);
}

std::string Metrics::Serialize() {
  if (refresh_) refresh_(*this);
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace samskab::http
