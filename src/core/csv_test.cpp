#include "core/csv.h"

#include <gtest/gtest.h>

namespace samskab::csv {
namespace {

TEST(CsvTextField, QuotesSeparatorsQuotesAndLineBreaks) {
  EXPECT_EQ(TextField("Ældre Sagen"), "Ældre Sagen");
  EXPECT_EQ(TextField("a;b"), "\"a;b\"");
  EXPECT_EQ(TextField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(TextField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(TextField("a,b"), "a,b");  // a comma is not the separator
}

TEST(CsvTextField, EscapesEveryFormulaStart) {
  EXPECT_EQ(TextField("=HYPERLINK(\"http://x\";\"klik\")"), "\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\"");
  EXPECT_EQ(TextField("+45 12345678"), "'+45 12345678");
  EXPECT_EQ(TextField("-1"), "'-1");
  EXPECT_EQ(TextField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(TextField("\tx"), "'\tx");
  EXPECT_EQ(TextField("a=b"), "a=b");  // only a leading sign starts a formula
}

TEST(CsvWriter, StartsWithTheByteOrderMarkAndWritesNumbersAsNumbers) {
  Writer writer;
  writer.AddRow({std::string("Titel"), std::string("Timer")});
  writer.AddRow({std::string("Læsevenner"), int64_t{-40}});
  EXPECT_EQ(writer.str(), "\xEF\xBB\xBFTitel;Timer\r\nLæsevenner;-40\r\n");
}

}  // namespace
}  // namespace samskab::csv
