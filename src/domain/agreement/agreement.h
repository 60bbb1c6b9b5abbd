// Partnership agreements (seed 004: "et struktureret, forpligtende, gensidigt fordelagtigt …
// samarbejde"): what each side has committed to, when it was signed and when it is to be reviewed.
// Municipal data, attached to one collaboration. The responsible employee sees the agreement in
// their task list from kReminderDays before the review date until it is reviewed (a new review
// date) or ended.
//
// Status: draft -> signed -> under_review -> signed (after a review) | ended; draft -> ended.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace samskab::domain {

enum class AgreementStatus { kDraft, kSigned, kUnderReview, kEnded };
std::string_view AgreementStatusName(AgreementStatus status);  // "draft", "signed", "under_review", "ended"
std::optional<AgreementStatus> ParseAgreementStatus(std::string_view name);
bool CanChangeAgreementStatus(AgreementStatus from, AgreementStatus to);

inline constexpr int kReminderDays = 30;
inline constexpr size_t kMaxObligationsLength = 10000;  // code points

struct PartnershipAgreement {
  int64_t id = 0;
  std::string municipality_code;
  int64_t collaboration_id = 0;
  std::string municipality_obligations;  // what the municipality commits to
  std::string partner_obligations;       // what the partner(s) commit to
  std::optional<std::string> signed_on;  // YYYY-MM-DD
  std::optional<std::string> review_on;  // YYYY-MM-DD, after signed_on
  AgreementStatus status = AgreementStatus::kDraft;
  std::optional<int64_t> responsible_user_id;
  int64_t revision = 1;
  std::string created_at;
  std::string updated_at;
  // Read back for lists: the collaboration's title.
  std::string collaboration_title;
};

// Trims and checks: obligation texts ≤ 10,000 characters, dates, the review after the signing,
// a signed (or reviewed) agreement has its signing date, a review date needs a responsible
// employee (someone must be reminded). Every problem by API field name.
std::vector<FieldProblem> NormaliseAgreement(PartnershipAgreement& agreement);

// The first day the agreement shows in the task list: kReminderDays before the review date.
// Empty without a review date or once ended.
std::optional<std::string> ReminderFrom(const PartnershipAgreement& agreement);

// YYYY-MM-DD `days` after (or before, when negative) `date`. REQUIRES: text::IsIsoDate(date).
std::string AddDays(std::string_view date, int days);

nlohmann::json AgreementToJson(const PartnershipAgreement& agreement);

}  // namespace samskab::domain
