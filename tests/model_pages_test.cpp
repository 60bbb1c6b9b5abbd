// The model's quadrant pages: the memo's guidance per quadrant, in the visitor's language;
// anything but 1-4 is "not found".
#include <gtest/gtest.h>

#include "support/test_support.h"
#include "web/views.h"

namespace samskab {
namespace {

using testing::Get;
using testing::HttpResult;
using testing::TestServer;

class ModelPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() { delete server_; }
  static std::string Text(std::string_view lang, std::string_view key) {
    return web::EscapeHtml(server_->app().catalog().Get(lang, key));
  }
  static TestServer* server_;
};
TestServer* ModelPages::server_ = nullptr;

TEST_F(ModelPages, EachQuadrantShowsTheMemosGuidance) {
  const HttpResult third = Get(server_->port(), "/model/quadrants/3");
  ASSERT_EQ(third.status, 200);
  EXPECT_NE(third.body.find("<h1>" + Text("da", "collaboration.quadrant.q3.title") + "</h1>"),
            std::string::npos);
  EXPECT_NE(third.body.find(Text("da", "collaboration.guidance.q3.influence")), std::string::npos);
  EXPECT_NE(third.body.find(Text("da", "collaboration.expectation.little")), std::string::npos);
  // Nothing the memo does not say about the third quadrant (its budget) is shown.
  EXPECT_EQ(third.body.find(Text("da", "collaboration.aspect.budget")), std::string::npos);
  // The other quadrants are linked; the current one is marked.
  EXPECT_NE(third.body.find("href=\"/model/quadrants/1\""), std::string::npos);
  EXPECT_EQ(third.body.find("href=\"/model/quadrants/3\""), std::string::npos);
  EXPECT_NE(third.body.find("aria-current=\"page\""), std::string::npos);
  const HttpResult english = Get(server_->port(), "/model/quadrants/2", {{"Accept-Language", "en"}});
  ASSERT_EQ(english.status, 200);
  EXPECT_NE(english.body.find(Text("en", "collaboration.guidance.q2.local_anchoring")), std::string::npos);
}

TEST_F(ModelPages, AnythingButOneToFourIsNotFound) {
  for (const char* path : {"/model/quadrants/0", "/model/quadrants/5", "/model/quadrants/x",
                           "/model/quadrants/-1", "/model/quadrants/01x"}) {
    EXPECT_EQ(Get(server_->port(), path).status, 404) << path;
  }
}

}  // namespace
}  // namespace samskab
