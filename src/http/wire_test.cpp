#include "http/wire.h"

#include <gtest/gtest.h>

namespace samskab::http {
namespace {

TEST(Wire, ParsesARequestWithDecodedPathQueryHeadersAndBody) {
  const auto outcome = ParseRequestBytes(
      "POST /kontakt%20os/%C3%A6?x=1&y=%C3%B8 HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\n"
      "Content-Length: 5\r\n\r\nhello",
      {});
  ASSERT_TRUE(outcome.complete);
  EXPECT_EQ(outcome.request.method, "POST");
  EXPECT_EQ(outcome.request.path, "/kontakt os/æ");
  EXPECT_EQ(outcome.request.query, "x=1&y=%C3%B8");
  EXPECT_EQ(outcome.request.headers.Get("content-type"), "text/plain");
  EXPECT_EQ(outcome.request.body, "hello");
}

struct BadCase {
  const char* name;
  std::string bytes;
  int status;
};

TEST(Wire, EachKindOfBadRequestGetsItsStatus) {
  WireLimits limits;
  limits.header_bytes = 1024;
  limits.body_bytes = 16;
  const BadCase cases[] = {
      {"garbage request line", "\x01\x02 nonsense\r\n\r\n", 400},
      {"missing version", "GET /\r\n\r\n", 400},
      {"bad header line", "GET / HTTP/1.1\r\nNo colon here\r\n\r\n", 400},
      {"oversized header", "GET / HTTP/1.1\r\nX-Big: " + std::string(2000, 'a') + "\r\n\r\n", 431},
      {"oversized body", "POST / HTTP/1.1\r\nContent-Length: 17\r\n\r\n" + std::string(17, 'b'), 413},
      {"broken percent escape", "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"invalid UTF-8 path", "GET /%FF%FE HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"NUL in path", "GET /a%00b HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"absolute-form target", "GET http://evil.example/ HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"conflicting lengths", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400},
  };
  for (const auto& c : cases) {
    const auto outcome = ParseRequestBytes(c.bytes, limits);
    EXPECT_FALSE(outcome.complete) << c.name;
    EXPECT_EQ(outcome.error_status, c.status) << c.name;
  }
}

TEST(Wire, AnIncompleteRequestIsNeitherCompleteNorAnError) {
  const auto outcome = ParseRequestBytes("GET / HTTP/1.1\r\nHost: a\r\n", {});
  EXPECT_FALSE(outcome.complete);
  EXPECT_EQ(outcome.error_status, 0);
}

}  // namespace
}  // namespace samskab::http
