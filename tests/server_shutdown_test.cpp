// Graceful shutdown: requests in flight finish, idle connections close, new ones are refused.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <future>
#include <thread>

#include "http/dispatcher.h"
#include "http/server.h"
#include "support/test_support.h"

namespace samskab::http {
namespace {

TEST(ServerShutdown, ARequestInFlightFinishesAndThenTheServerStops) {
  Router router;
  std::promise<void> handler_started;
  router.Add("GET", "/slow", domain::Access::Public(), [&handler_started](Request&) -> Result<Response> {
    handler_started.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    return MakeResponse(200, "text/plain", "finished");
  });
  ErrorRenderer errors(
      [](std::string_view, std::string_view key) { return std::string(key); },
      [](const Request&, int, const std::string& title, const std::string&) { return title; });
  Dispatcher dispatcher(router, errors, {}, {}, {});
  Metrics metrics;
  ServerOptions options;
  options.port = 0;
  options.worker_threads = 2;
  Server server(options, dispatcher, metrics);
  const uint16_t port = server.Bind();
  std::promise<void> ready;
  std::thread runner([&] { server.Run(false, [&ready] { ready.set_value(); }); });
  ready.get_future().wait();

  // An idle connection (connected, nothing sent), which shutdown must close rather than wait for.
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket idle(io);
  idle.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  auto slow = std::async(std::launch::async, [port] { return testing::Get(port, "/slow"); });
  handler_started.get_future().wait();
  const auto stop_requested = std::chrono::steady_clock::now();
  server.Stop();
  const testing::HttpResult result = slow.get();
  runner.join();
  const auto stopped_after = std::chrono::steady_clock::now() - stop_requested;

  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body, "finished");
  EXPECT_EQ(result.header("connection"), "close");
  char byte = 0;
  boost::system::error_code read_error;
  EXPECT_EQ(idle.read_some(boost::asio::buffer(&byte, 1), read_error), 0u);
  EXPECT_EQ(read_error, boost::asio::error::eof) << "the server closed the idle connection";
  EXPECT_LT(stopped_after, std::chrono::seconds(3)) << "idle connections must not hold up shutdown";
  EXPECT_EQ(server.requests_in_flight(), 0);
  EXPECT_EQ(server.connections_open(), 0);
  const testing::HttpResult after = testing::Get(port, "/slow");
  EXPECT_TRUE(after.closed_without_response);
}

}  // namespace
}  // namespace samskab::http
