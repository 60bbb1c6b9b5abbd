#include "domain/organisation/cvr.h"

#include <gtest/gtest.h>

#include <string>

namespace samskab::domain {
namespace {

// The modulus-11 rule written out once more, independently of cvr.cpp, so that the real numbers
// below are seen to satisfy it rather than merely to be accepted.
bool WeightedSumDivisibleBy11(const std::string& digits) {
  const int weights[] = {2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += weights[i] * (digits.at(i) - '0');
  return sum % 11 == 0;
}

std::string KeyOf(std::string input) { return ValidateCvr(input).user_message_key(); }

TEST(Cvr, RealNumbersOfMunicipalitiesAndACompany) {
  // Public CVR numbers (cvr.dk): Furesø, København, Aarhus, Odense, Aalborg and Høje-Taastrup
  // Kommune, and Novo Nordisk A/S.
  for (const std::string number :
       {"29188548", "64942212", "55133018", "35209115", "29189420", "19501817", "24256790"}) {
    EXPECT_TRUE(WeightedSumDivisibleBy11(number)) << number;
    EXPECT_TRUE(CvrChecksumHolds(number)) << number;
    std::string cvr = number;
    EXPECT_TRUE(ValidateCvr(cvr).ok()) << number;
    EXPECT_EQ(cvr, number);
  }
}

TEST(Cvr, SpacesAndTheVatPrefixAreTidiedAway) {
  for (const std::string typed :
       {" 29188548 ", "29 18 85 48", "DK29188548", "dk29188548", "DK 29 18 85 48", "\t29188548\n"}) {
    std::string cvr = typed;
    ASSERT_TRUE(ValidateCvr(cvr).ok()) << typed;
    EXPECT_EQ(cvr, "29188548") << typed;
  }
}

TEST(Cvr, WrongCheckDigit) {
  for (const std::string number : {"29188549", "29188547", "64942213", "12345678"}) {
    EXPECT_FALSE(WeightedSumDivisibleBy11(number)) << number;
    std::string cvr = number;
    const Status status = ValidateCvr(cvr);
    EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument) << number;
    EXPECT_EQ(status.user_message_key(), "validation.cvr_checksum") << number;
    EXPECT_EQ(cvr, number) << "left as typed";
  }
  // Two neighbouring digits swapped: 29188548 -> 92188548.
  EXPECT_EQ(KeyOf("92188548"), "validation.cvr_checksum");
}

TEST(Cvr, NotEightDigits) {
  for (const std::string typed :
       {"", "   ", "2918854", "291885480", "2918854A", "ABCDEFGH", "29-18-85-48", "29.18.85.48", "DK",
        "DK-29188548", "SE29188548", "29188548DK", "２９１８８５４８"}) {
    std::string cvr = typed;
    const Status status = ValidateCvr(cvr);
    EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument) << typed;
    EXPECT_EQ(status.user_message_key(), "validation.cvr_format") << typed;
    EXPECT_EQ(cvr, typed) << "left as typed";
  }
}

TEST(Cvr, NoCvrNumberStartsWithZero) {
  // 03000001 passes the weighted sum (7 * 3 + 1 * 1 = 22) but is still not a CVR number.
  ASSERT_TRUE(WeightedSumDivisibleBy11("03000001"));
  EXPECT_TRUE(CvrChecksumHolds("03000001"));
  EXPECT_EQ(KeyOf("03000001"), "validation.cvr_format");
  EXPECT_EQ(KeyOf("DK 03 00 00 01"), "validation.cvr_format");
}

}  // namespace
}  // namespace samskab::domain
