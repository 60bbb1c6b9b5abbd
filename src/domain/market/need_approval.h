// The partner organisation's approval of an offer for a need whose target group is vulnerable
// (issue 5 item 4, seed 004: "a target group marked vulnerable requires the partner
// organisation's approval and no direct contact with the target group by default"; table
// need_approvals of migration 0009; docs/decisions/0018-approval.md).
//
// The municipality's staff ask for an offer (decision 'pending'); the need's partner organisation
// decides: approved or declined, and whether the offer's people may have direct contact with the
// target group. Only an approval can allow contact, so a pending or declined approval never has
// it: the partner's decision is the only way `direct_contact` becomes true.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace samskab::domain {

enum class ApprovalDecision { kPending, kApproved, kDeclined };
std::string_view ApprovalDecisionName(ApprovalDecision decision);  // "pending", "approved", "declined"
std::optional<ApprovalDecision> ParseApprovalDecision(std::string_view name);

inline constexpr size_t kMaxApprovalNoteLength = 1000;  // code points

struct NeedApproval {
  int64_t need_id = 0;
  int64_t offer_id = 0;
  int64_t organisation_id = 0;  // the need's partner organisation, asked and deciding
  ApprovalDecision decision = ApprovalDecision::kPending;
  bool direct_contact = false;
  std::string note;  // the partner's words with the decision (conditions, a reason to decline)
  std::optional<int64_t> requested_by;
  std::string requested_at;
  std::optional<int64_t> decided_by;
  std::optional<std::string> decided_at;
  int64_t revision = 1;

  // Read back from storage, for the lists and the notices.
  std::string municipality_code;  // the need's
  std::string need_title;
  std::string unit_name;
  std::string target_group;  // the need's target group key ("" when none)
  std::string offer_title;
  std::string offer_kind;
  std::string offer_description;
  std::string offer_owner_name;  // the organisation's name or the person's display name
  std::string organisation_name;
};

// What the partner decides: approved or declined (never back to pending), direct contact, a note.
struct ApprovalChoice {
  ApprovalDecision decision = ApprovalDecision::kApproved;
  bool direct_contact = false;
  std::string note;
};

// Trims the note and checks the choice: the decision is approved or declined
// ("need_approval.error.decision"), direct contact only with an approval
// ("need_approval.error.contact_needs_approval" on "direct_contact"), the note at most 1000
// characters ("need_approval.error.note_too_long"). Every problem by API field name.
std::vector<FieldProblem> NormaliseApprovalChoice(ApprovalChoice& choice);

// The API's representation. The offer's and need's descriptive fields are included when read.
nlohmann::json NeedApprovalToJson(const NeedApproval& approval);
// What the audit log keeps of an approval (the decision and who made it, not the texts read along).
nlohmann::json NeedApprovalAuditJson(const NeedApproval& approval);

std::vector<std::string_view> AllNeedApprovalMessageKeys();

}  // namespace samskab::domain
