#include "domain/market/need_approval.h"

#include <array>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount

namespace samskab::domain {
namespace {

constexpr std::array<std::string_view, 3> kDecisionNames = {"pending", "approved", "declined"};

nlohmann::json OptionalId(const std::optional<int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

}  // namespace

std::string_view ApprovalDecisionName(ApprovalDecision decision) {
  return kDecisionNames.at(static_cast<size_t>(decision));
}

std::optional<ApprovalDecision> ParseApprovalDecision(std::string_view name) {
  for (size_t i = 0; i < kDecisionNames.size(); ++i) {
    if (kDecisionNames[i] == name) return static_cast<ApprovalDecision>(i);
  }
  return std::nullopt;
}

std::vector<FieldProblem> NormaliseApprovalChoice(ApprovalChoice& choice) {
  std::vector<FieldProblem> problems;
  choice.note = std::string(text::Trim(choice.note));
  if (choice.decision == ApprovalDecision::kPending)
    problems.push_back({"decision", "need_approval.error.decision"});
  // Seed 004: no direct contact with a vulnerable target group unless the partner approves it.
  if (choice.direct_contact && choice.decision != ApprovalDecision::kApproved)
    problems.push_back({"direct_contact", "need_approval.error.contact_needs_approval"});
  if (CharacterCount(choice.note) > kMaxApprovalNoteLength)
    problems.push_back({"note", "need_approval.error.note_too_long"});
  return problems;
}

nlohmann::json NeedApprovalToJson(const NeedApproval& a) {
  nlohmann::json out = NeedApprovalAuditJson(a);
  out["requested_at"] = a.requested_at;
  out["decided_at"] = a.decided_at ? nlohmann::json(*a.decided_at) : nlohmann::json(nullptr);
  out["revision"] = a.revision;
  out["municipality_code"] = a.municipality_code;
  out["need_title"] = a.need_title;
  out["unit_name"] = a.unit_name;
  out["target_group"] = a.target_group.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.target_group);
  out["offer_title"] = a.offer_title;
  out["offer_kind"] = a.offer_kind;
  out["offer_owner_name"] = a.offer_owner_name;
  out["organisation_name"] = a.organisation_name;
  return out;
}

nlohmann::json NeedApprovalAuditJson(const NeedApproval& a) {
  return {{"need_id", a.need_id},
          {"offer_id", a.offer_id},
          {"organisation_id", a.organisation_id},
          {"decision", ApprovalDecisionName(a.decision)},
          {"direct_contact", a.direct_contact},
          {"note", a.note},
          {"requested_by", OptionalId(a.requested_by)},
          {"decided_by", OptionalId(a.decided_by)}};
}

std::vector<std::string_view> AllNeedApprovalMessageKeys() {
  return {"need_approval.error.decision",      "need_approval.error.contact_needs_approval",
          "need_approval.error.note_too_long", "need_approval.error.not_vulnerable",
          "need_approval.error.not_found",     "need_approval.error.already_decided",
          "need_approval.error.not_partner",   "need_approval.error.offer_required",
          "need_approval.error.already_asked", "need_approval.error.decision_filter"};
}

}  // namespace samskab::domain
