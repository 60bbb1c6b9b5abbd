#include "domain/agreement/agreement.h"

#include <array>
#include <chrono>

#include <fmt/format.h>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount

namespace samskab::domain {
namespace {

constexpr std::array<std::string_view, 4> kStatusNames = {"draft", "signed", "under_review", "ended"};

// kTransitions[from][to], as in the header.
constexpr bool kTransitions[4][4] = {
    //                 draft  signed under_review ended
    /* draft        */ {true, true, false, true},
    /* signed       */ {false, true, true, true},
    /* under_review */ {false, true, true, true},
    /* ended        */ {false, false, false, true},
};

}  // namespace

std::string_view AgreementStatusName(AgreementStatus status) {
  return kStatusNames.at(static_cast<size_t>(status));
}

std::optional<AgreementStatus> ParseAgreementStatus(std::string_view name) {
  for (size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == name) return static_cast<AgreementStatus>(i);
  }
  return std::nullopt;
}

bool CanChangeAgreementStatus(AgreementStatus from, AgreementStatus to) {
  return kTransitions[static_cast<size_t>(from)][static_cast<size_t>(to)];
}

std::vector<FieldProblem> NormaliseAgreement(PartnershipAgreement& a) {
  std::vector<FieldProblem> problems;
  a.municipality_obligations = std::string(text::Trim(a.municipality_obligations));
  a.partner_obligations = std::string(text::Trim(a.partner_obligations));
  for (auto* date : {&a.signed_on, &a.review_on}) {
    if (*date) *date = std::string(text::Trim(**date));
    if (*date && (*date)->empty()) date->reset();
  }
  if (CharacterCount(a.municipality_obligations) > kMaxObligationsLength)
    problems.push_back({"municipality_obligations", "validation.too_long"});
  if (CharacterCount(a.partner_obligations) > kMaxObligationsLength)
    problems.push_back({"partner_obligations", "validation.too_long"});
  const bool signed_valid = !a.signed_on || text::IsIsoDate(*a.signed_on);
  const bool review_valid = !a.review_on || text::IsIsoDate(*a.review_on);
  if (!signed_valid) problems.push_back({"signed_on", "validation.date"});
  if (!review_valid) problems.push_back({"review_on", "validation.date"});
  if (signed_valid && review_valid && a.signed_on && a.review_on && *a.review_on <= *a.signed_on)
    problems.push_back({"review_on", "agreement.error.review_before_signing"});
  if ((a.status == AgreementStatus::kSigned || a.status == AgreementStatus::kUnderReview) && !a.signed_on)
    problems.push_back({"signed_on", "agreement.error.signed_on_required"});
  if (a.review_on && !a.responsible_user_id && a.status != AgreementStatus::kEnded)
    problems.push_back({"responsible_user_id", "agreement.error.responsible_required"});
  return problems;
}

std::string AddDays(std::string_view date, int days) {
  using namespace std::chrono;
  const int y = std::stoi(std::string(date.substr(0, 4)));
  const unsigned m = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  const unsigned d = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  const sys_days shifted = sys_days(year_month_day(year(y), month(m), day(d))) + std::chrono::days(days);
  const year_month_day result(shifted);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(result.year()),
                     static_cast<unsigned>(result.month()), static_cast<unsigned>(result.day()));
}

std::optional<std::string> ReminderFrom(const PartnershipAgreement& a) {
  if (!a.review_on || a.status == AgreementStatus::kEnded || !text::IsIsoDate(*a.review_on))
    return std::nullopt;
  return AddDays(*a.review_on, -kReminderDays);
}

nlohmann::json AgreementToJson(const PartnershipAgreement& a) {
  const auto optional_text = [](const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  const auto reminder = ReminderFrom(a);
  return {{"id", a.id},
          {"municipality_code", a.municipality_code},
          {"collaboration_id", a.collaboration_id},
          {"collaboration_title", a.collaboration_title},
          {"municipality_obligations", a.municipality_obligations},
          {"partner_obligations", a.partner_obligations},
          {"signed_on", optional_text(a.signed_on)},
          {"review_on", optional_text(a.review_on)},
          {"reminder_from", optional_text(reminder)},
          {"status", AgreementStatusName(a.status)},
          {"responsible_user_id",
           a.responsible_user_id ? nlohmann::json(*a.responsible_user_id) : nlohmann::json(nullptr)},
          {"revision", a.revision},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

}  // namespace samskab::domain
