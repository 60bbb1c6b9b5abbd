#include "core/text.h"

#include <gtest/gtest.h>

namespace samskab::text {
namespace {

struct Utf8Case {
  std::string bytes;
  bool valid;
};

TEST(Utf8, AcceptsWellFormedAndRejectsEveryKindOfMalformedSequence) {
  const Utf8Case cases[] = {
      {"", true},
      {"Furesø Kommune – ældre, børn", true},
      {"\xF0\x9F\x98\x80", true},   // emoji, 4 bytes
      {"\xC3", false},              // truncated
      {"\xC0\xAF", false},          // overlong '/'
      {"\xE0\x80\xAF", false},      // overlong, 3 bytes
      {"\xED\xA0\x80", false},      // UTF-16 surrogate
      {"\xF4\x90\x80\x80", false},  // above U+10FFFF
      {"\xFF", false},              // never valid
      {"abc\x80", false},           // stray continuation byte
  };
  for (const auto& c : cases) EXPECT_EQ(IsValidUtf8(c.bytes), c.valid) << "bytes: " << c.bytes;
}

TEST(PercentDecode, DecodesEscapesAndPlusOnlyInForms) {
  EXPECT_EQ(PercentDecode("a%20b+c", false), "a b+c");
  EXPECT_EQ(PercentDecode("a%20b+c", true), "a b c");
  EXPECT_EQ(PercentDecode("%C3%A6%C3%B8%C3%A5", false), "æøå");
  EXPECT_EQ(PercentDecode("%2e%2E", false), "..");
}

TEST(PercentDecode, RefusesBrokenEscapesNulAndInvalidUtf8) {
  EXPECT_EQ(PercentDecode("%", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%4", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%G0", false), std::nullopt);
  EXPECT_EQ(PercentDecode("a%00b", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%FF", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%C0%AF", false), std::nullopt);
}

TEST(ParseUrlEncoded, ReadsPairsInOrderAndRefusesTheWholeInputWhenOnePartIsBroken) {
  auto params = ParseUrlEncoded("name=Anne+Hansen&email=anne%40example.dk&empty=&flag&&x=%C3%A6");
  ASSERT_TRUE(params.has_value());
  EXPECT_EQ(Find(*params, "name"), "Anne Hansen");
  EXPECT_EQ(Find(*params, "email"), "anne@example.dk");
  EXPECT_EQ(Find(*params, "empty"), "");
  EXPECT_EQ(Find(*params, "flag"), "");
  EXPECT_EQ(Find(*params, "x"), "æ");
  EXPECT_EQ(Find(*params, "missing"), std::nullopt);
  EXPECT_EQ(ParseUrlEncoded("a=1&b=%ZZ"), std::nullopt);
  EXPECT_EQ(ParseUrlEncoded("a=%FF"), std::nullopt);
}

TEST(PercentEncode, RoundTripsThroughDecode) {
  const std::string original = "/contact?x=æ ø&y=<script>";
  const std::string encoded = PercentEncode(original);
  EXPECT_EQ(encoded.find_first_of(" <>?&="), std::string::npos);
  EXPECT_EQ(PercentDecode(encoded, false), original);
}

TEST(Text, TrimAndCaseHelpers) {
  EXPECT_EQ(Trim("  \t hej \r\n"), "hej");
  EXPECT_TRUE(EqualsIgnoreCase("Content-Type", "content-type"));
  EXPECT_FALSE(EqualsIgnoreCase("Content-Type", "content-typ"));
  EXPECT_EQ(ToLower("ABC-def"), "abc-def");
}

TEST(Text, ParsePositiveIdTakesOnlyAPositiveDecimalNumber) {
  EXPECT_EQ(ParsePositiveId("42"), 42);
  EXPECT_EQ(ParsePositiveId("9223372036854775807"), INT64_MAX);
  for (const char* bad : {"", "0", "-1", "+1", " 1", "1 ", "1a", "0x10", "1.0", "9223372036854775808", "١"}) {
    EXPECT_FALSE(ParsePositiveId(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace samskab::text

TEST(IsIsoDate, AcceptsCalendarDatesOnly) {
  EXPECT_TRUE(samskab::text::IsIsoDate("2026-11-23"));
  EXPECT_TRUE(samskab::text::IsIsoDate("2024-02-29"));
  EXPECT_FALSE(samskab::text::IsIsoDate("2026-02-29"));
  EXPECT_FALSE(samskab::text::IsIsoDate("1900-02-29"));
  EXPECT_TRUE(samskab::text::IsIsoDate("2000-02-29"));
  EXPECT_FALSE(samskab::text::IsIsoDate("2026-13-01"));
  EXPECT_FALSE(samskab::text::IsIsoDate("2026-04-31"));
  EXPECT_FALSE(samskab::text::IsIsoDate("23-11-2026"));
  EXPECT_FALSE(samskab::text::IsIsoDate("2026-1-23"));
  EXPECT_FALSE(samskab::text::IsIsoDate("2026-11-23T00"));
  EXPECT_FALSE(samskab::text::IsIsoDate(""));
}

TEST(FoldCase, LowerCasesDanishAndNorwegianLetters) {
  EXPECT_EQ(samskab::text::FoldCase("ÆBLE Øen ÅRHUS Café ÉN ×"), "æble øen århus café én ×");
  EXPECT_EQ(samskab::text::FoldCase("æøå"), "æøå");
  EXPECT_EQ(samskab::text::FoldCase("ŁÓDŹ"), "ŁódŹ");  // only ASCII and Latin-1 letters are folded
}
