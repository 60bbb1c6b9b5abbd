#include "domain/agreement/agreement.h"

#include <gtest/gtest.h>

namespace samskab::domain {
namespace {

PartnershipAgreement Signed() {
  PartnershipAgreement a;
  a.status = AgreementStatus::kSigned;
  a.signed_on = "2026-01-15";
  a.review_on = "2027-01-15";
  a.responsible_user_id = 7;
  a.municipality_obligations = "  Stiller lokaler og en kontaktperson til rådighed.  ";
  return a;
}

std::vector<std::string> Fields(PartnershipAgreement a) {
  std::vector<std::string> out;
  for (const auto& p : NormaliseAgreement(a)) out.push_back(p.field + "=" + p.message_key);
  return out;
}

TEST(Agreement, ASignedAgreementWithAReviewAndSomeoneResponsibleIsValid) {
  PartnershipAgreement a = Signed();
  EXPECT_TRUE(NormaliseAgreement(a).empty());
  EXPECT_EQ(a.municipality_obligations, "Stiller lokaler og en kontaktperson til rådighed.");
}

TEST(Agreement, EachRuleHasItsField) {
  PartnershipAgreement a = Signed();
  a.review_on = "2025-12-31";
  EXPECT_EQ(Fields(a), std::vector<std::string>{"review_on=agreement.error.review_before_signing"});
  a = Signed();
  a.signed_on.reset();
  EXPECT_EQ(Fields(a), std::vector<std::string>{"signed_on=agreement.error.signed_on_required"});
  a = Signed();
  a.responsible_user_id.reset();
  EXPECT_EQ(Fields(a), std::vector<std::string>{"responsible_user_id=agreement.error.responsible_required"});
  a = Signed();
  a.review_on = "15-01-2027";
  EXPECT_EQ(Fields(a), std::vector<std::string>{"review_on=validation.date"});
  a = Signed();
  a.partner_obligations = std::string(10001, 'x');
  EXPECT_EQ(Fields(a), std::vector<std::string>{"partner_obligations=validation.too_long"});
  a = Signed();
  a.status = AgreementStatus::kDraft;
  a.signed_on.reset();
  EXPECT_TRUE(Fields(a).empty());  // a draft is not signed yet
}

TEST(Agreement, TheLifecycle) {
  EXPECT_TRUE(CanChangeAgreementStatus(AgreementStatus::kDraft, AgreementStatus::kSigned));
  EXPECT_TRUE(CanChangeAgreementStatus(AgreementStatus::kSigned, AgreementStatus::kUnderReview));
  EXPECT_TRUE(CanChangeAgreementStatus(AgreementStatus::kUnderReview, AgreementStatus::kSigned));
  EXPECT_FALSE(CanChangeAgreementStatus(AgreementStatus::kSigned, AgreementStatus::kDraft));
  EXPECT_FALSE(CanChangeAgreementStatus(AgreementStatus::kEnded, AgreementStatus::kSigned));
  EXPECT_FALSE(CanChangeAgreementStatus(AgreementStatus::kDraft, AgreementStatus::kUnderReview));
}

TEST(Agreement, TheReminderStartsThirtyDaysBeforeTheReview) {
  PartnershipAgreement a = Signed();
  a.review_on = "2027-03-01";
  EXPECT_EQ(ReminderFrom(a), "2027-01-30");
  a.review_on = "2028-03-15";
  EXPECT_EQ(ReminderFrom(a), "2028-02-14");  // across a leap day
  a.status = AgreementStatus::kEnded;
  EXPECT_EQ(ReminderFrom(a), std::nullopt);
  EXPECT_EQ(AddDays("2026-12-31", 1), "2027-01-01");
}

}  // namespace
}  // namespace samskab::domain
