#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <zlib.h>

#include "core/random.h"

namespace samskab::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("samskab-static-" + RandomHex(6));
    fs::create_directories(root_ / "public" / "css");
    Write(root_ / "public" / "css" / "site.css", std::string(4000, 'a') + "body{}");
    Write(root_ / "public" / "logo.png", "\x89PNG not really");
    Write(root_ / "public" / ".hidden.css", "secret");
    Write(root_ / "public" / "notes.exe", "binary");
    Write(root_ / "secret.css", "TOP SECRET");
    fs::create_symlink(root_ / "secret.css", root_ / "public" / "link.css");
    store_ = std::make_unique<AssetStore>(std::vector<Mount>{{"pub", root_ / "public"}});
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Write(const fs::path& path, const std::string& content) { std::ofstream(path) << content; }
  Response Serve(const std::string& path, const std::string& query = "",
                 const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    Request request;
    request.path_params = {{"path", path}};
    request.query = query;
    for (const auto& [name, value] : headers) request.headers.Add(name, value);
    return store_->Serve(request);
  }
  fs::path root_;
  std::unique_ptr<AssetStore> store_;
};

TEST_F(StaticFilesTest, ServesAFileWithTypeEtagAndShortCacheWithoutHash) {
  const Response response = Serve("pub/css/site.css");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.Get("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(response.headers.Get("Cache-Control"), "public, max-age=300");
  EXPECT_EQ(response.Body().substr(4000), "body{}");
  EXPECT_FALSE(response.headers.Get("ETag").empty());
}

TEST_F(StaticFilesTest, HashedUrlsAreCachedForAYear) {
  const std::string url = store_->Url("pub/css/site.css");
  const std::string query = url.substr(url.find('?') + 1);
  EXPECT_EQ(Serve("pub/css/site.css", query).headers.Get("Cache-Control"),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(Serve("pub/css/site.css", "v=0000").headers.Get("Cache-Control"), "public, max-age=300");
}

TEST_F(StaticFilesTest, IfNoneMatchGives304) {
  const std::string etag(Serve("pub/css/site.css").headers.Get("ETag"));
  const Response response = Serve("pub/css/site.css", "", {{"If-None-Match", etag}});
  EXPECT_EQ(response.status, 304);
  EXPECT_TRUE(response.Body().empty());
}

TEST_F(StaticFilesTest, GzipIsServedOnlyWhenAcceptedAndDecodesToTheOriginal) {
  const Response plain = Serve("pub/css/site.css", "", {{"Accept-Encoding", "br"}});
  EXPECT_EQ(plain.headers.Get("Content-Encoding"), "");
  const Response refused = Serve("pub/css/site.css", "", {{"Accept-Encoding", "gzip;q=0, br"}});
  EXPECT_EQ(refused.headers.Get("Content-Encoding"), "");
  const Response gz = Serve("pub/css/site.css", "", {{"Accept-Encoding", "gzip, deflate"}});
  ASSERT_EQ(gz.headers.Get("Content-Encoding"), "gzip");
  EXPECT_LT(gz.Body().size(), plain.Body().size());
  EXPECT_EQ(gz.headers.Get("Vary"), "Accept-Encoding");
  std::string inflated(plain.Body().size(), '\0');
  z_stream stream{};
  ASSERT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.Body().data()));
  stream.avail_in = static_cast<uInt>(gz.Body().size());
  stream.next_out = reinterpret_cast<Bytef*>(inflated.data());
  stream.avail_out = static_cast<uInt>(inflated.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  inflateEnd(&stream);
  EXPECT_EQ(inflated, plain.Body());
}

TEST_F(StaticFilesTest, NothingOutsideTheMountHiddenOrOfUnknownTypeIsServed) {
  const char* attempts[] = {
      "pub/../secret.css",
      "pub/css/../../secret.css",
      "pub/./css/site.css",
      "pub//css/site.css",
      "pub/.hidden.css",
      "pub/notes.exe",
      "pub/link.css",
      "other/css/site.css",
      "pub",
      "pub/css",
      "pub/css/missing.css",
      "pub/css\\..\\..\\secret.css",
      "/etc/passwd",
      "",
  };
  for (const char* path : attempts) {
    const Response response = Serve(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.Body().find("TOP SECRET"), std::string_view::npos) << path;
  }
}

}  // namespace
}  // namespace samskab::http
