#include "domain/inquiry/inquiry.h"

#include <gtest/gtest.h>

namespace samskab::domain {
namespace {

struct InquiryCase {
  const char* what;
  Inquiry inquiry;
  std::vector<std::string> problem_fields;  // "field:key"
};

TEST(Inquiry, ValidationTable) {
  const std::string long_name(201, 'a');
  std::string message_5000_chars;
  for (int i = 0; i < 5000; ++i) message_5000_chars += "æ";  // 5000 characters, 10000 bytes
  const InquiryCase cases[] = {
      {"valid", {0, "", "Anne", "anne@example.dk", "help", "Vi vil gerne hjælpe", "", ""}, {}},
      {"trimmed valid", {0, "", "  Anne ", " anne@example.dk ", "idea", " x ", "", ""}, {}},
      {"all empty",
       {0, "", " ", "", "", "\n", "", ""},
       {"name:validation.required", "email:validation.required", "topic:validation.choice",
        "message:validation.required"}},
      {"long name", {0, "", long_name, "a@b.dk", "help", "x", "", ""}, {"name:validation.too_long"}},
      {"5000 Danish characters are allowed", {0, "", "A", "a@b.dk", "help", message_5000_chars, "", ""}, {}},
      {"5001 characters are not",
       {0, "", "A", "a@b.dk", "help", message_5000_chars + "æ", "", ""},
       {"message:validation.too_long"}},
      {"unknown topic",
       {0, "", "A", "a@b.dk", "'; DROP TABLE inquiries; --", "x", "", ""},
       {"topic:validation.choice"}},
  };
  for (const auto& c : cases) {
    Inquiry inquiry = c.inquiry;
    std::vector<std::string> got;
    for (const auto& problem : NormaliseAndValidate(inquiry))
      got.push_back(problem.field + ":" + problem.message_key);
    EXPECT_EQ(got, c.problem_fields) << c.what;
  }
}

TEST(Inquiry, EmailCheck) {
  for (const char* good : {"a@b.dk", "anne.hansen+frivillig@furesoe.dk", "æblé@eksempel.dk"}) {
    EXPECT_TRUE(LooksLikeEmail(good)) << good;
  }
  for (const char* bad : {"", "a", "a@", "@b.dk", "a@b", "a@@b.dk", "a b@c.dk", "a@b..dk", "a@.dk", "a@b.",
                          "<a@b.dk>", "a@b.dk,c@d.dk", "a@b.dk\n"}) {
    EXPECT_FALSE(LooksLikeEmail(bad)) << bad;
  }
}

TEST(Inquiry, CharacterCountCountsCodePoints) {
  EXPECT_EQ(CharacterCount("æøå"), 3u);
  EXPECT_EQ(CharacterCount("abc"), 3u);
  EXPECT_EQ(CharacterCount("\xF0\x9F\x98\x80"), 1u);
}

}  // namespace
}  // namespace samskab::domain
