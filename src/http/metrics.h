// Prometheus metrics: requests by route and status, a latency histogram, and gauges that are
// read when /metrics is scraped (database pool use, connections). Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace samskab::http {

class Metrics {
 public:
  Metrics();
  // `route` is the route pattern ("/api/v1/municipalities/{code}") or "unmatched", so the label
  // set stays bounded whatever paths clients send.
  void ObserveRequest(std::string_view route, std::string_view method, int status, double seconds);
  void SetGauge(const std::string& name, const std::string& help, double value);
  // Called before each scrape to refresh gauges.
  void OnScrape(std::function<void(Metrics&)> refresh) { refresh_ = std::move(refresh); }
  std::string Serialize();

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& latency_;
  std::function<void(Metrics&)> refresh_;
  std::mutex gauges_mutex_;
  std::map<std::string, prometheus::Gauge*> gauges_;
};

}  // namespace samskab::http
