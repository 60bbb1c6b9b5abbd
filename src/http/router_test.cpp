#include "http/router.h"

#include <gtest/gtest.h>

namespace samskab::http {
namespace {

Request Make(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

Handler Named(const std::string& name) {
  return [name](Request&) -> Result<Response> { return MakeResponse(200, "text/plain", name); };
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Add("GET", "/", domain::Access::Public(), Named("start"));
    router_.Add("GET", "/api/v1/units", domain::Access::Public(), Named("list"));
    router_.Add("POST", "/api/v1/units", domain::Access::Public(), Named("create"));
    router_.Add("GET", "/api/v1/units/{id}", domain::Access::Public(), Named("get"));
    router_.Add("PATCH", "/api/v1/units/{id}", domain::Access::Public(), Named("patch"));
    router_.Add("GET", "/static/{*path}", domain::Access::Public(), Named("static"));
  }
  std::string Run(Request& request, const Match& match) {
    return std::string(match.route->handler(request)->Body());
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralAndParameterRoutes) {
  auto request = Make("GET", "/api/v1/units/42");
  const Match match = router_.Resolve(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(Run(request, match), "get");
  EXPECT_EQ(request.PathParam("id"), "42");
  EXPECT_EQ(request.route_name, "/api/v1/units/{id}");
}

TEST_F(RouterTest, HeadIsAnsweredByTheGetRoute) {
  auto request = Make("HEAD", "/");
  const Match match = router_.Resolve(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(Run(request, match), "start");
}

TEST_F(RouterTest, UnknownPathIs404WithoutAllow) {
  auto request = Make("GET", "/api/v1/nothing");
  const Match match = router_.Resolve(request);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allow, "");
}

TEST_F(RouterTest, KnownPathWithWrongMethodIs405WithAllowListingTheMethods) {
  auto request = Make("DELETE", "/api/v1/units/42");
  const Match match = router_.Resolve(request);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allow, "GET, HEAD, PATCH");
  auto unknown_method = Make("BREW", "/api/v1/units");
  EXPECT_EQ(router_.Resolve(unknown_method).allow, "GET, HEAD, POST");
}

TEST_F(RouterTest, ParametersNeverMatchEmptySegmentsOrExtraSegments) {
  auto empty = Make("GET", "/api/v1/units/");
  EXPECT_EQ(router_.Resolve(empty).route, nullptr);
  auto extra = Make("GET", "/api/v1/units/42/more");
  EXPECT_EQ(router_.Resolve(extra).route, nullptr);
}

TEST_F(RouterTest, CatchAllTakesTheRestOfThePath) {
  auto request = Make("GET", "/static/dkfds/css/dkfds.min.css");
  const Match match = router_.Resolve(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(request.PathParam("path"), "dkfds/css/dkfds.min.css");
  auto bare = Make("GET", "/static");
  EXPECT_EQ(router_.Resolve(bare).route, nullptr);
}

TEST(RouterAccessTest, RoutesOnTheIoThreadMustBePublic) {
  Router router;
  EXPECT_THROW(router.Add(
                   "GET", "/fast", domain::Access::SignedIn(),
                   [](Request&) { return MakeResponse(200, "", ""); }, Runs::kOnIoThread),
               std::invalid_argument);
  EXPECT_NO_THROW(router.Add(
      "GET", "/fast", domain::Access::Public(), [](Request&) { return MakeResponse(200, "", ""); },
      Runs::kOnIoThread));
}

}  // namespace
}  // namespace samskab::http
