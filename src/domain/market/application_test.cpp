// The pipeline's transition table and rules, without a database.
#include "domain/market/application.h"

#include <gtest/gtest.h>

namespace samskab::domain {
namespace {

using S = ApplicationState;

TEST(ApplicationTable, EveryStateHasItsNameBothWays) {
  for (const S state : kApplicationStates) {
    EXPECT_EQ(ParseApplicationState(ApplicationStateName(state)), state);
  }
  EXPECT_EQ(ParseApplicationState("approved"), std::nullopt);
}

TEST(ApplicationTable, ThePosterMovesTheApplicationForwardAndMayDecline) {
  EXPECT_EQ(NextStates(S::kNew, Party::kPoster), (std::vector<S>{S::kContacted, S::kAgreed, S::kDeclined}));
  EXPECT_EQ(NextStates(S::kContacted, Party::kPoster), (std::vector<S>{S::kAgreed, S::kDeclined}));
  EXPECT_EQ(NextStates(S::kAgreed, Party::kPoster), (std::vector<S>{S::kActive, S::kDeclined}));
  EXPECT_EQ(NextStates(S::kActive, Party::kPoster), (std::vector<S>{S::kEnded}));
  EXPECT_TRUE(NextStates(S::kUnverified, Party::kPoster).empty());
}

TEST(ApplicationTable, TheApplicantMayWithdrawFromEveryOpenStateAndNothingElse) {
  for (const S from : {S::kNew, S::kContacted, S::kAgreed, S::kActive}) {
    EXPECT_EQ(NextStates(from, Party::kApplicant), (std::vector<S>{S::kWithdrawn}))
        << ApplicationStateName(from);
  }
  EXPECT_EQ(NextStates(S::kUnverified, Party::kApplicant), (std::vector<S>{S::kNew}));
  EXPECT_FALSE(MayTransition(S::kNew, S::kAgreed, Party::kApplicant));
  EXPECT_FALSE(MayTransition(S::kNew, S::kWithdrawn, Party::kPoster));
}

TEST(ApplicationTable, EndedDeclinedAndWithdrawnAreFinal) {
  for (const S from : {S::kEnded, S::kDeclined, S::kWithdrawn}) {
    EXPECT_FALSE(IsOpen(from));
    for (const S to : kApplicationStates) {
      EXPECT_FALSE(MayTransition(from, to, Party::kPoster));
      EXPECT_FALSE(MayTransition(from, to, Party::kApplicant));
    }
  }
}

TEST(ApplicationTable, AgreedAndActiveTakeAPlace) {
  for (const S state : kApplicationStates) {
    EXPECT_EQ(TakesPlace(state), state == S::kAgreed || state == S::kActive) << ApplicationStateName(state);
  }
  EXPECT_TRUE(NotTakenOn(S::kDeclined));
  EXPECT_TRUE(NotTakenOn(S::kUnverified));
  EXPECT_FALSE(NotTakenOn(S::kEnded));
}

TEST(ApplicationRules, TheCertificateIsNeededToAgreeOnlyWhenChildrenTakePart) {
  OpportunityFacts children;
  children.involves_children = true;
  CertificateStatus none;
  CertificateStatus obtained{"obtained", "2026-01-01"};
  EXPECT_EQ(CheckCertificate(children, S::kAgreed, none, false).user_message_key(),
            "application.error.certificate");
  EXPECT_TRUE(CheckCertificate(children, S::kAgreed, obtained, false).ok());
  EXPECT_TRUE(CheckCertificate(children, S::kAgreed, none, true).ok());
  EXPECT_TRUE(CheckCertificate(children, S::kContacted, none, false).ok());
  EXPECT_TRUE(CheckCertificate(OpportunityFacts{}, S::kAgreed, none, false).ok());
}

TEST(ApplicationRules, OpenUntilItsEndDate) {
  OpportunityFacts o;
  o.status = "open";
  EXPECT_TRUE(AcceptsApplications(o, "2026-11-18"));
  o.ends_on = "2026-11-18";
  EXPECT_TRUE(AcceptsApplications(o, "2026-11-18"));
  EXPECT_FALSE(AcceptsApplications(o, "2026-11-19"));
  o.ends_on.reset();
  o.status = "draft";
  EXPECT_FALSE(AcceptsApplications(o, "2026-11-18"));
}

TEST(ApplicationRules, ThePosterIsTheUnitsStaffOrTheOrganisationsPeople) {
  OpportunityFacts unit_post;
  unit_post.unit_id = 4;
  OpportunityFacts org_post;
  org_post.organisation_id = 9;
  Principal employee;
  employee.kind = Principal::Kind::kUser;
  EXPECT_TRUE(IsPoster(employee, unit_post, {4, 5}));
  EXPECT_FALSE(IsPoster(employee, unit_post, {5}));
  EXPECT_FALSE(IsPoster(employee, org_post, {4}));
  Principal member = employee;
  member.grants = {{Role::kOrganisationMember, "", std::nullopt, 9}};
  EXPECT_TRUE(IsPoster(member, org_post, {}));
  member.grants = {{Role::kOrganisationMember, "", std::nullopt, 8}};
  EXPECT_FALSE(IsPoster(member, org_post, {}));
}

TEST(ApplicationRules, TheFieldsAreCheckedTogether) {
  Application a;
  a.name = " ";
  a.email = "nope";
  a.phone = std::string(41, '1');
  a.motivation = "ok\nline two";
  const auto problems = NormaliseApplication(a);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0], (FieldProblem{"name", "validation.required"}));
  EXPECT_EQ(problems[1], (FieldProblem{"email", "validation.email"}));
  EXPECT_EQ(problems[2], (FieldProblem{"phone", "validation.too_long"}));
}

}  // namespace
}  // namespace samskab::domain
