// Boost 1.74's awaitable.hpp needs <utility> first.
#include <utility>

#include "http/server.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <ctime>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/logging.h"
#include "core/random.h"
#include "core/text.h"
#include "http/wire.h"

namespace samskab::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

using Strand = asio::strand<asio::io_context::executor_type>;

// Runs `work` on the worker pool and resumes the coroutine on its connection's strand with the
// result. The initiation lambda captures by reference, and must: g++ 12.2 destroys a temporary
// with a non-trivial destructor that is passed into a call inside a `co_await` expression twice
// (see docs/BENCHMARKS.md, "History"), and with by-value captures that released the strand's
// shared state once too often (heap-use-after-free under concurrent connections). The pool job
// owns its own copies of the strand, the work and the handler.
template <class Work>
asio::awaitable<Response> RunOnPool(asio::thread_pool& pool, const Strand& strand, Work work) {
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(std::exception_ptr, Response)>(
      [&pool, &strand, &work](auto handler) {
        asio::post(pool, [strand, work = std::move(work), handler = std::move(handler)]() mutable {
          std::exception_ptr error;
          Response response;
          try {
            response = work();
          } catch (...) {
            error = std::current_exception();
          }
          asio::post(strand, [handler = std::move(handler), error, response = std::move(response)]() mutable {
            handler(error, std::move(response));
          });
        });
      },
      asio::use_awaitable);
}

// An id for the request: the one nginx (or another proxy) sent if it looks sane, else ours.
std::string RequestIdFor(const Request& request) {
  static const std::string kPrefix = RandomHex(4);
  static std::atomic<uint64_t> counter{0};
  const std::string_view incoming = request.headers.Get("X-Request-Id");
  if (!incoming.empty() && incoming.size() <= 64 &&
      incoming.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") ==
          std::string_view::npos) {
    return std::string(incoming);
  }
  return fmt::format("{}{:08x}", kPrefix, counter.fetch_add(1, std::memory_order_relaxed));
}

// The Date header, formatted once a second per thread.
const std::string& HttpDate() {
  thread_local std::time_t last = 0;
  thread_local std::string formatted;
  const std::time_t now = std::time(nullptr);
  if (now != last) {
    last = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    formatted = buf;
  }
  return formatted;
}

struct SessionState {
  explicit SessionState(Strand s) : strand(std::move(s)) {}
  Strand strand;  // the connection's strand: every operation on its stream runs here
  beast::tcp_stream* stream = nullptr;
  bool busy = false;  // between a complete request and its written response
};

}  // namespace

struct Server::Impl {
  Impl(Server& owner, ServerOptions opts, const Dispatcher& d, Metrics& m)
      : server(owner),
        options(std::move(opts)),
        dispatcher(d),
        metrics(m),
        io(options.io_threads),
        pool(static_cast<size_t>(options.worker_threads)),
        hash_pool(static_cast<size_t>(options.hash_threads)),
        acceptor(io) {}

  Server& server;
  const ServerOptions options;
  const Dispatcher& dispatcher;
  Metrics& metrics;
  asio::io_context io;
  asio::thread_pool pool;
  asio::thread_pool hash_pool;
  tcp::acceptor acceptor;
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::list<std::shared_ptr<SessionState>> sessions;
  std::function<void()> stop_signals;  // cancels the SIGTERM/SIGINT wait, so run() can return

  asio::awaitable<void> Listen() {
    for (;;) {
      error_code ec;
      tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      Strand strand = asio::make_strand(io);
      asio::co_spawn(strand, Session(std::move(socket), strand), asio::detached);
    }
  }

  asio::awaitable<void> Write(beast::tcp_stream& stream, const Response& response, bool keep_alive,
                              error_code& ec) {
    beast_http::response<beast_http::span_body<const char>> out{
        static_cast<beast_http::status>(response.status), 11};
    for (const auto& [name, value] : response.headers.items()) out.insert(name, value);
    out.set(beast_http::field::date, HttpDate());
    out.keep_alive(keep_alive);
    const std::string_view body = response.Body();
    if (response.head_only) {
      out.content_length(body.size());
    } else {
      out.body() = beast_http::span_body<const char>::value_type(body.data(), body.size());
      out.prepare_payload();
    }
    beast_http::response_serializer<beast_http::span_body<const char>> serializer(out);
    if (response.head_only) {
      co_await beast_http::async_write_header(stream, serializer,
                                              asio::redirect_error(asio::use_awaitable, ec));
    } else {
      co_await beast_http::async_write(stream, serializer, asio::redirect_error(asio::use_awaitable, ec));
    }
  }

  void AccessLog(const Request& request, const Response& response, double seconds) {
    metrics.ObserveRequest(request.route_name, request.method, response.status, seconds);
    if (!spdlog::should_log(spdlog::level::info)) return;
    logging::ScopedRequestId scoped(request.request_id);
    spdlog::info("event=access method={} path=\"{}\" route=\"{}\" status={} bytes={} dur_ms={:.3f} remote={}",
                 request.method.size() <= 16 ? request.method : "?", request.path.substr(0, 200),
                 request.route_name, response.status, response.head_only ? 0 : response.Body().size(),
                 seconds * 1000, request.remote_address);
  }

  asio::awaitable<void> Session(tcp::socket socket, Strand strand) {
    auto state = std::make_shared<SessionState>(strand);
    error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    const std::string remote = ec ? std::string("-") : endpoint.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    state->stream = &stream;
    {
      std::lock_guard lock(sessions_mutex);
      sessions.push_back(state);
    }
    server.connections_open_++;
    beast::flat_buffer buffer;
    while (!stopping) {
      beast_http::request_parser<beast_http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit_bytes));
      parser.body_limit(options.body_limit_bytes);
      stream.expires_after(options.request_timeout);
      ec = {};
      co_await beast_http::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      const auto started = std::chrono::steady_clock::now();
      if (ec) {
        // A clean close, a timeout or a shutdown ends the connection without an answer; a
        // request that breaks the rules gets its 4xx and then the connection is closed.
        const bool quiet = ec == beast_http::error::end_of_stream || ec == beast::error::timeout ||
                           ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
                           ec == asio::error::eof || (buffer.size() == 0 && !parser.got_some());
        if (!quiet) {
          Request request;
          // The start line may have been read even when a later header broke the request.
          const auto method = parser.get().method_string();
          request.method = method.empty() ? "-" : std::string(method);
          request.request_id = RequestIdFor(request);
          request.remote_address = remote;
          if (parser.get().target().substr(0, 5) == "/api/") request.path = "/api/";  // problem+json
          Response response = dispatcher.Error(request, StatusForParseError(ec));
          error_code write_ec;
          stream.expires_after(options.request_timeout);
          co_await Write(stream, response, false, write_ec);
          AccessLog(request, response, 0);
        }
        break;
      }
      state->busy = true;
      server.in_flight_++;
      bool keep_alive = parser.keep_alive();
      Request request;
      request.remote_address = remote;
      Status converted = FromBeast(parser.release(), request);
      request.request_id = RequestIdFor(request);
      if (options.trust_forwarded) {
        std::string_view forwarded = request.headers.Get("X-Forwarded-For");
        if (!forwarded.empty()) {
          const size_t comma = forwarded.rfind(',');
          request.remote_address = std::string(
              text::Trim(comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1)));
        }
      }
      Response response;
      if (!converted.ok()) {
        keep_alive = false;
        response = dispatcher.Error(request, 400);
      } else {
        const Match match = dispatcher.Resolve(request);
        if (!match.route || match.route->runs == Runs::kOnIoThread) {
          response = dispatcher.Dispatch(request, match);
        } else {
          auto& chosen = match.route->runs == Runs::kOnHashPool ? hash_pool : pool;
          response = co_await RunOnPool(chosen, state->strand, [this, &request, &match] {
            return dispatcher.Dispatch(request, match);
          });
        }
      }
      if (stopping) keep_alive = false;
      stream.expires_after(options.request_timeout);
      co_await Write(stream, response, keep_alive, ec);
      AccessLog(request, response,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
      state->busy = false;
      server.in_flight_--;
      if (ec || !keep_alive) break;
    }
    // Drain() may still post a cancel for this connection to the strand: it must find no stream.
    state->stream = nullptr;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.close();
    server.connections_open_--;
    std::lock_guard lock(sessions_mutex);
    sessions.remove(state);
  }

  asio::awaitable<void> Drain() {
    error_code ec;
    acceptor.close(ec);
    {
      std::lock_guard lock(sessions_mutex);
      for (const auto& state : sessions) {
        asio::post(state->strand, [state] {
          if (!state->busy && state->stream) state->stream->cancel();
        });
      }
    }
    asio::steady_timer timer(io);
    const auto deadline = std::chrono::steady_clock::now() + options.shutdown_timeout;
    for (;;) {
      {
        std::lock_guard lock(sessions_mutex);
        if (sessions.empty()) break;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        spdlog::warn("shutdown: {} connections still open after the timeout; closing them", sessions.size());
        io.stop();
        co_return;
      }
      timer.expires_after(std::chrono::milliseconds(5));
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
  }
};

Server::Server(ServerOptions options, const Dispatcher& dispatcher, Metrics& metrics)
    : impl_(std::make_unique<Impl>(*this, std::move(options), dispatcher, metrics)) {}

Server::~Server() {
  impl_->pool.join();
  impl_->hash_pool.join();
}

uint16_t Server::Bind() {
  const auto address = asio::ip::make_address(impl_->options.host);
  const tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  return acceptor.local_endpoint().port();
}

void Server::Run(bool handle_signals, const std::function<void()>& on_ready) {
  auto& io = impl_->io;
  asio::signal_set signals(io);
  if (handle_signals) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](const error_code& ec, int signal) {
      if (!ec) {
        spdlog::info("event=shutdown signal={} in_flight={}", signal, in_flight_.load());
        Stop();
      }
    });
  }
  asio::co_spawn(io, impl_->Listen(), asio::detached);
  if (on_ready) on_ready();
  // Stop() posts the drain; once the listener and every session have ended, run() returns.
  impl_->stop_signals = [&signals] {
    error_code ec;
    signals.cancel(ec);
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.io_threads; ++i) threads.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& thread : threads) thread.join();
  impl_->pool.join();
  impl_->hash_pool.join();
}

void Server::Stop() {
  asio::post(impl_->io, [this] {
    if (impl_->stopping.exchange(true)) return;
    if (impl_->stop_signals) impl_->stop_signals();
    asio::co_spawn(impl_->io, impl_->Drain(), asio::detached);
  });
}

}  // namespace samskab::http
