// The partner's choice without a database (seed 004): approved or declined, never back to
// pending; direct contact only with an approval; the note's length; every message in every catalog.
#include <gtest/gtest.h>

#include "domain/market/need_approval.h"
#include "web/i18n.h"

namespace samskab::domain {
namespace {

std::vector<std::string> Fields(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> fields;
  fields.reserve(problems.size());
  for (const auto& problem : problems) fields.push_back(problem.field);
  return fields;
}

TEST(NeedApproval, DirectContactOnlyWithAnApproval) {
  ApprovalChoice approved{ApprovalDecision::kApproved, true, "  Med en medarbejder fra os.  "};
  EXPECT_TRUE(NormaliseApprovalChoice(approved).empty());
  EXPECT_EQ(approved.note, "Med en medarbejder fra os.");
  ApprovalChoice declined{ApprovalDecision::kDeclined, true, ""};
  EXPECT_EQ(Fields(NormaliseApprovalChoice(declined)), std::vector<std::string>{"direct_contact"});
  ApprovalChoice pending{ApprovalDecision::kPending, true, std::string(1001, 'x')};
  EXPECT_EQ(Fields(NormaliseApprovalChoice(pending)),
            (std::vector<std::string>{"decision", "direct_contact", "note"}));
  // 1000 characters, counted as characters, not bytes.
  std::string note;
  for (int i = 0; i < 1000; ++i) note += "æ";
  ApprovalChoice long_note{ApprovalDecision::kDeclined, false, note};
  EXPECT_TRUE(NormaliseApprovalChoice(long_note).empty());
}

TEST(NeedApproval, DecisionsHaveNames) {
  for (const auto d : {ApprovalDecision::kPending, ApprovalDecision::kApproved, ApprovalDecision::kDeclined})
    EXPECT_EQ(ParseApprovalDecision(ApprovalDecisionName(d)), d);
  EXPECT_FALSE(ParseApprovalDecision("maybe").has_value());
}

TEST(NeedApproval, TheAuditKeepsTheDecisionNotTheTextsReadAlong) {
  NeedApproval a;
  a.need_id = 3;
  a.offer_id = 4;
  a.offer_description = "Lang beskrivelse";
  const auto audit = NeedApprovalAuditJson(a);
  EXPECT_EQ(audit["decision"], "pending");
  EXPECT_FALSE(audit.contains("offer_description"));
  EXPECT_EQ(NeedApprovalToJson(a)["decided_at"], nullptr);
}

TEST(NeedApproval, EveryMessageIsInEveryCatalog) {
  auto catalog = web::Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok());
  std::vector<std::string_view> keys = AllNeedApprovalMessageKeys();
  keys.insert(keys.end(), {"need_approval.decision.pending", "need_approval.decision.approved",
                           "need_approval.decision.declined", "mail.need_approval_asked.subject",
                           "mail.need_approval_asked.body", "mail.need_approval_decided.subject",
                           "mail.need_approval_decided.body"});
  for (const auto key : keys) {
    for (const auto lang : web::kLanguages) EXPECT_TRUE(catalog->Has(lang, key)) << lang << " " << key;
  }
}

}  // namespace
}  // namespace samskab::domain
