#include "api/json_api.h"

#include <gtest/gtest.h>

namespace samskab::api {
namespace {

http::Request WithQuery(std::string query) {
  http::Request request;
  request.query = std::move(query);
  return request;
}

TEST(Pagination, DefaultsAndLimits) {
  auto page = ParsePageRequest(WithQuery(""));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->limit, kDefaultLimit);
  EXPECT_EQ(page->after, "");
  EXPECT_EQ(ParsePageRequest(WithQuery("limit=100"))->limit, 100);
  for (const char* bad :
       {"limit=0", "limit=101", "limit=-1", "limit=abc", "limit=5x", "limit=", "limit=1e2"}) {
    auto result = ParsePageRequest(WithQuery(bad));
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.status().code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(result.status().user_message_key(), "error.invalid_limit") << bad;
  }
  EXPECT_EQ(ParsePageRequest(WithQuery("limit=%ZZ")).status().code(), ErrorCode::kMalformed);
}

TEST(Pagination, CursorsRoundTripAndForgedOnesAreRefused) {
  const std::string cursor = EncodeCursor("0190");
  EXPECT_EQ(cursor.find_first_of("+/="), std::string::npos) << "must be URL-safe";
  EXPECT_EQ(ParsePageRequest(WithQuery("cursor=" + cursor))->after, "0190");
  for (const char* bad : {"cursor=!!!", "cursor=", "cursor=_w"}) {
    auto result = ParsePageRequest(WithQuery(bad));
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.status().user_message_key(), "error.invalid_cursor") << bad;
  }
}

TEST(ListBody, NextCursorIsNullOnTheLastPage) {
  EXPECT_TRUE(ListBody(nlohmann::json::array(), std::nullopt)["next_cursor"].is_null());
  EXPECT_EQ(ListBody(nlohmann::json::array(), "0190")["next_cursor"], EncodeCursor("0190"));
}

TEST(Etags, IfNoneMatchAcceptsListsWeakTagsAndStar) {
  const std::string etag = Etag("municipality", "0190", 3);
  EXPECT_EQ(etag, "\"municipality-0190-3\"");
  http::Request request;
  EXPECT_FALSE(NotModified(request, etag));
  request.headers.Add("If-None-Match", "\"x\", W/\"municipality-0190-3\"");
  EXPECT_TRUE(NotModified(request, etag));
  http::Request other;
  other.headers.Add("If-None-Match", "\"municipality-0190-2\"");
  EXPECT_FALSE(NotModified(other, etag));
  http::Request star;
  star.headers.Add("If-None-Match", "*");
  EXPECT_TRUE(NotModified(star, etag));
}

TEST(Etags, IfMatchIsRequiredAndMustNameTheSameResource) {
  http::Request none;
  EXPECT_EQ(RequiredIfMatch(none, "unit", "7").status().code(), ErrorCode::kPreconditionRequired);
  http::Request good;
  good.headers.Add("If-Match", Etag("unit", "7", 12));
  EXPECT_EQ(*RequiredIfMatch(good, "unit", "7"), 12);
  for (const char* bad :
       {"\"unit-8-12\"", "\"municipality-7-12\"", "\"unit-7-\"", "\"unit-7-x\"", "unit-7-12", "*"}) {
    http::Request request;
    request.headers.Add("If-Match", bad);
    EXPECT_EQ(RequiredIfMatch(request, "unit", "7").status().code(), ErrorCode::kPreconditionFailed) << bad;
  }
}

TEST(JsonBody, ContentTypeSyntaxUtf8AndShapeAreChecked) {
  http::Request request;
  request.body = "{\"name\": \"Furesø\"}";
  EXPECT_EQ(ParseJsonObject(request).status().code(), ErrorCode::kUnsupportedMediaType);
  request.headers.Add("Content-Type", "application/json; charset=utf-8");
  auto parsed = ParseJsonObject(request);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ((*parsed)["name"], "Furesø");
  request.body = "{\"name\": ";
  EXPECT_EQ(ParseJsonObject(request).status().code(), ErrorCode::kMalformed);
  request.body = "{\"name\": \"\xFF\"}";
  EXPECT_EQ(ParseJsonObject(request).status().code(), ErrorCode::kMalformed);
  request.body = "[1, 2]";
  EXPECT_EQ(ParseJsonObject(request).status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace samskab::api
