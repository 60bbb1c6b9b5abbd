// The HTTP/1.1 server: Boost.Beast with C++20 coroutines. It only does I/O — reading requests
// within limits, handing them to the Dispatcher (on the I/O thread or the worker pool, as the
// route says), writing responses, keep-alive, access log, metrics — and shuts down gracefully:
// on Stop() (or SIGTERM/SIGINT in Run()) it stops accepting, closes idle connections and lets
// requests in flight finish.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/dispatcher.h"
#include "http/metrics.h"

namespace samskab::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (tests)
  int io_threads = 1;
  int worker_threads = 4;
  int hash_threads = 1;  // the pool for Runs::kOnHashPool (password hashing)
  size_t header_limit_bytes = size_t{16} * 1024;
  size_t body_limit_bytes = size_t{1024} * 1024;
  // A whole request (headers and body) must arrive within this time, and an idle keep-alive
  // connection is closed after it: slow clients cannot hold connections open.
  std::chrono::milliseconds request_timeout{10000};
  std::chrono::milliseconds shutdown_timeout{20000};
  bool trust_forwarded = false;  // take the client address from X-Forwarded-For (behind nginx)
};

class Server {
 public:
  Server(ServerOptions options, const Dispatcher& dispatcher, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port (useful with port 0). Throws on failure.
  uint16_t Bind();
  // Serves until Stop() or, with `handle_signals`, SIGTERM/SIGINT; returns after the graceful
  // shutdown. `on_ready` runs once the server accepts connections.
  void Run(bool handle_signals, const std::function<void()>& on_ready = {});
  // Asks Run() to shut down gracefully. Thread-safe.
  void Stop();

  int64_t connections_open() const { return connections_open_.load(); }
  int64_t requests_in_flight() const { return in_flight_.load(); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::atomic<int64_t> connections_open_{0};
  std::atomic<int64_t> in_flight_{0};
};

}  // namespace samskab::http
