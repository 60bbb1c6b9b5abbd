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

Table TableOf(const std::variant<Table, ReadError>& result) {
  if (const auto* error = std::get_if<ReadError>(&result)) {
    ADD_FAILURE() << "read failed: " << error->message_key << " on line " << error->line;
    return {};
  }
  return std::get<Table>(result);
}

ReadError ErrorOf(const std::variant<Table, ReadError>& result) {
  if (const auto* error = std::get_if<ReadError>(&result)) return *error;
  ADD_FAILURE() << "read succeeded";
  return {};
}

TEST(CsvRead, SemicolonsWithByteOrderMarkAndCrlf) {
  const Table table = TableOf(Read("\xEF\xBB\xBFTitel;Center\r\nLæsevenner;Ældre\r\n\r\n;\r\n"));
  EXPECT_EQ(table.separator, ';');
  EXPECT_EQ(table.header, (std::vector<std::string>{"Titel", "Center"}));
  ASSERT_EQ(table.rows.size(), 1u);  // the blank rows a spreadsheet leaves are dropped
  EXPECT_EQ(table.rows[0].fields, (std::vector<std::string>{"Læsevenner", "Ældre"}));
  EXPECT_EQ(table.rows[0].row, 2);
}

TEST(CsvRead, CommaSeparatorFromTheHeaderLine) {
  const Table table = TableOf(Read("Titel,Center;Enhed,Start\nA,B;C,D\n"));
  EXPECT_EQ(table.separator, ',');
  EXPECT_EQ(table.rows[0].fields, (std::vector<std::string>{"A", "B;C", "D"}));
  EXPECT_EQ(DetectSeparator("a,b;c"), ';');        // a tie: Danish spreadsheets write ;
  EXPECT_EQ(DetectSeparator("\"a,b,c\";d"), ';');  // commas inside quotes do not count
}

TEST(CsvRead, QuotesInsideFieldsAndLineBreaks) {
  const Table& table =
      TableOf(Read("Titel;Beskrivelse\n\"Sig \"\"hej\"\"\";\"to\nlinjer; og semikolon\"\nnæste;x\n"));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].fields[0], "Sig \"hej\"");
  EXPECT_EQ(table.rows[0].fields[1], "to\nlinjer; og semikolon");
  EXPECT_EQ(table.rows[1].row, 3);   // the spreadsheet's row
  EXPECT_EQ(table.rows[1].line, 4);  // the file's line
  // A quote in the middle of an unquoted field is taken as it is.
  EXPECT_EQ(TableOf(Read("a;b\n5\" skærm;x\n")).rows[0].fields[0], "5\" skærm");
}

TEST(CsvRead, WritersOutputReadsBack) {
  Writer writer;
  writer.AddRow({std::string("Titel"), std::string("Timer")});
  writer.AddRow({std::string("a;\"b\"\nc"), int64_t{7}});
  const Table table = TableOf(Read(writer.str()));
  EXPECT_EQ(table.rows[0].fields, (std::vector<std::string>{"a;\"b\"\nc", "7"}));
}

TEST(CsvRead, Windows1252IsRefusedNamingTheLine) {
  // "Ældre" as Excel's plain CSV writes it: Æ is the single byte 0xC6.
  const ReadError error = ErrorOf(Read("Titel;Center\nA;B\n\xC6ldre;C\n"));
  EXPECT_EQ(error.message_key, "csv.error.encoding");
  EXPECT_EQ(error.line, 3);
  // Overlong forms and surrogates are not UTF-8 either.
  EXPECT_EQ(ErrorOf(Read("a\n\xC0\xAF\n")).message_key, "csv.error.encoding");
  EXPECT_EQ(ErrorOf(Read("a\n\xED\xA0\x80\n")).message_key, "csv.error.encoding");
}

TEST(CsvRead, BrokenQuotingIsRefused) {
  EXPECT_EQ(ErrorOf(Read("a;b\n\"open;x\ny\n")).message_key, "csv.error.unclosed_quote");
  EXPECT_EQ(ErrorOf(Read("a;b\n\"open;x\ny\n")).line, 2);
  EXPECT_EQ(ErrorOf(Read("a;b\n\"closed\"then;x\n")).message_key, "csv.error.quote");
}

TEST(CsvRead, LimitsStopTheReader) {
  ReadLimits limits;
  limits.max_rows = 2;
  limits.max_columns = 3;
  limits.max_field_bytes = 5;
  limits.max_bytes = 100;
  EXPECT_EQ(ErrorOf(Read("a\n1\n2\n3\n", limits)).message_key, "csv.error.too_many_rows");
  EXPECT_EQ(ErrorOf(Read("a\n1\n2\n3\n", limits)).line, 4);
  EXPECT_EQ(ErrorOf(Read("a;b;c;d\n", limits)).message_key, "csv.error.too_many_columns");
  EXPECT_EQ(ErrorOf(Read("a\n123456\n", limits)).message_key, "csv.error.field_too_long");
  // An escaped quote counts like any character (the fuzzer found a field one byte over).
  EXPECT_EQ(TableOf(Read("a\n\"1234\"\"\"\n", limits)).rows.at(0).fields.at(0), "1234\"");
  EXPECT_EQ(ErrorOf(Read("a\n\"12345\"\"\"\n", limits)).message_key, "csv.error.field_too_long");
  EXPECT_EQ(ErrorOf(Read("a\n\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\n", limits)).message_key,
            "csv.error.field_too_long");
  EXPECT_EQ(ErrorOf(Read(std::string(101, 'a'), limits)).message_key, "csv.error.file_too_large");
  EXPECT_EQ(TableOf(Read("a\n1\n2\n", limits)).rows.size(), 2u);
}

TEST(CsvRead, EmptyFilesAndNulBytes) {
  EXPECT_EQ(ErrorOf(Read("")).message_key, "csv.error.empty");
  EXPECT_EQ(ErrorOf(Read("\xEF\xBB\xBF")).message_key, "csv.error.empty");
  EXPECT_EQ(ErrorOf(Read(std::string_view("a\nb\0c\n", 6))).message_key, "csv.error.nul");
}

}  // namespace
}  // namespace samskab::csv
