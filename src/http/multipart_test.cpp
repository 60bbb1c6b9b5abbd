#include "http/multipart.h"

#include <gtest/gtest.h>

namespace samskab::http {
namespace {

// What Chromium sends for a form with a CSRF token and a file.
constexpr char kBody[] =
    "------WebKitFormBoundaryx8Zq\r\n"
    "Content-Disposition: form-data; name=\"csrf_token\"\r\n"
    "\r\n"
    "abc123\r\n"
    "------WebKitFormBoundaryx8Zq\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"oversigt.csv\"\r\n"
    "Content-Type: text/csv\r\n"
    "\r\n"
    "Titel;Center\r\n\"a\r\n--b\";c\r\n"
    "\r\n"
    "------WebKitFormBoundaryx8Zq--\r\n";

TEST(Multipart, ReadsTheBoundaryQuotedOrNot) {
  EXPECT_EQ(*MultipartBoundary("multipart/form-data; boundary=----WebKitFormBoundaryx8Zq"),
            "----WebKitFormBoundaryx8Zq");
  EXPECT_EQ(*MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\""), "a b:c");
  EXPECT_EQ(MultipartBoundary("application/x-www-form-urlencoded").status().code(),
            ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(MultipartBoundary("multipart/form-data").status().code(), ErrorCode::kMalformed);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=").status().code(), ErrorCode::kMalformed);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')).status().code(),
            ErrorCode::kMalformed);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=a\"b").status().code(), ErrorCode::kMalformed);
}

TEST(Multipart, ReadsFieldsAndFilesWithLineBreaksAndDashesInside) {
  auto parts = ParseMultipart(kBody, "----WebKitFormBoundaryx8Zq");
  ASSERT_TRUE(parts.ok()) << parts.status().log_message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "csrf_token");
  EXPECT_EQ((*parts)[0].body, "abc123");
  EXPECT_FALSE((*parts)[0].filename);
  const MultipartPart* file = FindPart(*parts, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "oversigt.csv");
  EXPECT_EQ(file->content_type, "text/csv");
  EXPECT_EQ(file->body, "Titel;Center\r\n\"a\r\n--b\";c\r\n");
  EXPECT_EQ(FindPart(*parts, "other"), nullptr);
}

TEST(Multipart, KeepsOnlyTheFilesNameAndAnEmptyFile) {
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; "
      "filename=\"C:\\\\Users\\\\x\\\\liste.csv\"\r\n\r\n"
      "\r\n--b--";
  auto parts = ParseMultipart(body, "b");
  ASSERT_TRUE(parts.ok()) << parts.status().log_message();
  EXPECT_EQ((*parts)[0].filename, "liste.csv");
  EXPECT_EQ((*parts)[0].body, "");
}

TEST(Multipart, RefusesWhatIsNotTheFormat) {
  const auto code = [](const std::string& body) {
    return ParseMultipart(body, "b").status().user_message_key();
  };
  EXPECT_EQ(code("garbage"), "upload.error.malformed");
  EXPECT_EQ(code("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end"),
            "upload.error.malformed");
  EXPECT_EQ(code("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--"), "upload.error.malformed");
  EXPECT_EQ(code("--b\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\nx\r\n--b--"),
            "upload.error.malformed");
  EXPECT_EQ(code("--b\r\nContent-Disposition: form-data; name=\"x\r\n\r\nx\r\n--b--"),
            "upload.error.malformed");
  EXPECT_EQ(code("--b\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--b--"),
            "upload.error.malformed");
  EXPECT_EQ(code("--b\r\nno colon\r\n\r\nx\r\n--b--"), "upload.error.malformed");
  EXPECT_EQ(code("--bX\r\n"), "upload.error.malformed");
  EXPECT_EQ(code("--b\r\nContent-Disposition: form-data; name=\"\xC6\"\r\n\r\nx\r\n--b--"),
            "upload.error.malformed");
}

TEST(Multipart, StopsAtItsLimits) {
  MultipartLimits limits;
  limits.max_parts = 1;
  limits.max_part_bytes = 3;
  const std::string two =
      "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b\r\n"
      "Content-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--b--";
  EXPECT_EQ(ParseMultipart(two, "b", limits).status().code(), ErrorCode::kPayloadTooLarge);
  const std::string big = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1234\r\n--b--";
  EXPECT_EQ(ParseMultipart(big, "b", limits).status().user_message_key(), "upload.error.too_large");
  limits.max_header_bytes = 10;
  EXPECT_EQ(ParseMultipart(big, "b", limits).status().code(), ErrorCode::kPayloadTooLarge);
}

}  // namespace
}  // namespace samskab::http
