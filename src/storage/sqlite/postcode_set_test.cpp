// samskab_postcode_in on a real SQLite connection: only the four-digit codes of the list match,
// a malformed list or postcode matches nothing, and the list read once serves every row.
#include "storage/sqlite/postcode_set.h"

#include <gtest/gtest.h>

#include "storage/database.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

class PostcodeSet : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = samskab::testing::TestDatabase::Create(Backend::kSqlite);
    ASSERT_TRUE(database_);
  }
  // samskab_postcode_in(list, postcode), or -1 when the query fails.
  int64_t In(const std::string& list, const Value& postcode) {
    auto lease = database_->db().Acquire();
    auto rows = (*lease)->Query("SELECT samskab_postcode_in(?, ?)", {list, postcode});
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  std::unique_ptr<samskab::testing::TestDatabase> database_;
};

TEST_F(PostcodeSet, OnlyTheListsFourDigitCodesMatch) {
  const std::string list = R"(["0800","3500","9990"])";
  EXPECT_EQ(In(list, std::string("3500")), 1);
  EXPECT_EQ(In(list, std::string("0800")), 1);
  EXPECT_EQ(In(list, std::string("9990")), 1);
  EXPECT_EQ(In(list, std::string("3501")), 0);
  EXPECT_EQ(In(list, std::string("800")), 0) << "a code is four digits";
  EXPECT_EQ(In(list, std::string("35000")), 0);
  EXPECT_EQ(In(list, std::string("35a0")), 0);
  EXPECT_EQ(In(list, Value(Null{})), 0);
  EXPECT_EQ(In("[]", std::string("3500")), 0);
}

TEST_F(PostcodeSet, AMalformedListMatchesLessNeverMore) {
  EXPECT_EQ(In("3500", std::string("3500")), 0) << "not a list of strings";
  EXPECT_EQ(In(R"(["35000","350"])", std::string("3500")), 0);
  EXPECT_EQ(In(R"(["3500)", std::string("3500")), 0) << "an unclosed string";
  EXPECT_EQ(In(R"(["x","3500"])", std::string("3500")), 1) << "the rest of the list still counts";
}

TEST_F(PostcodeSet, TheListServesEveryRowOfTheStatement) {
  auto lease = database_->db().Acquire();
  auto rows = (*lease)->Query(
      "SELECT SUM(samskab_postcode_in(?, value)) FROM "
      "json_each('[\"3500\",\"3501\",\"3520\",\"9000\",\"3500\"]')",
      {std::string(R"(["3500","3520"])")});
  ASSERT_TRUE(rows.ok()) << rows.status().log_message();
  EXPECT_EQ(rows->front().Int(0), 3);
}

}  // namespace
}  // namespace samskab::storage
