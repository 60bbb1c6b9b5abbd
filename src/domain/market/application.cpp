#include "domain/market/application.h"

#include <algorithm>

#include "core/text.h"
#include "domain/account/account.h"

namespace samskab::domain {

std::string_view ApplicationStateName(ApplicationState state) {
  switch (state) {
    case ApplicationState::kUnverified:
      return "unverified";
    case ApplicationState::kNew:
      return "new";
    case ApplicationState::kContacted:
      return "contacted";
    case ApplicationState::kAgreed:
      return "agreed";
    case ApplicationState::kActive:
      return "active";
    case ApplicationState::kEnded:
      return "ended";
    case ApplicationState::kDeclined:
      return "declined";
    case ApplicationState::kWithdrawn:
      return "withdrawn";
  }
  return "";
}

std::optional<ApplicationState> ParseApplicationState(std::string_view name) {
  for (const ApplicationState state : kApplicationStates) {
    if (ApplicationStateName(state) == name) return state;
  }
  return std::nullopt;
}

std::string_view PartyName(Party party) { return party == Party::kApplicant ? "applicant" : "poster"; }

bool MayTransition(ApplicationState from, ApplicationState to, Party by) {
  return std::any_of(std::begin(kTransitions), std::end(kTransitions), [&](const ApplicationTransition& t) {
    return t.from == from && t.to == to && t.by == by;
  });
}

std::vector<ApplicationState> NextStates(ApplicationState from, Party by) {
  std::vector<ApplicationState> next;
  for (const auto& t : kTransitions) {
    if (t.from == from && t.by == by) next.push_back(t.to);
  }
  return next;
}

bool TakesPlace(ApplicationState state) {
  return state == ApplicationState::kAgreed || state == ApplicationState::kActive;
}

bool IsOpen(ApplicationState state) {
  return state != ApplicationState::kEnded && state != ApplicationState::kDeclined &&
         state != ApplicationState::kWithdrawn;
}

bool NotTakenOn(ApplicationState state) {
  return state == ApplicationState::kDeclined || state == ApplicationState::kWithdrawn ||
         state == ApplicationState::kUnverified;
}

bool AcceptsApplications(const OpportunityFacts& opportunity, std::string_view today) {
  if (opportunity.status != "open") return false;
  return !opportunity.ends_on || *opportunity.ends_on >= today;
}

bool IsPoster(const Principal& principal, const OpportunityFacts& opportunity,
              const std::set<int64_t>& units_in_reach) {
  if (principal.Has(Role::kPlatformAdmin)) return true;
  if (opportunity.unit_id && units_in_reach.contains(*opportunity.unit_id)) return true;
  if (opportunity.organisation_id) {
    return principal.HasForOrganisation(Role::kOrganisationAdmin, *opportunity.organisation_id) ||
           principal.HasForOrganisation(Role::kOrganisationMember, *opportunity.organisation_id);
  }
  return false;
}

Status CheckCertificate(const OpportunityFacts& opportunity, ApplicationState to,
                        const CertificateStatus& certificate, bool confirmed_by_poster) {
  if (!opportunity.involves_children || to != ApplicationState::kAgreed) return Status::Ok();
  if (certificate.Obtained() || confirmed_by_poster) return Status::Ok();
  return Status(ErrorCode::kFailedPrecondition, "child-protection certificate missing",
                "application.error.certificate");
}

namespace {

// Trimmed text of at most `max` characters without control characters (line breaks allowed
// where `multiline`); `required` refuses an empty one.
void CheckText(std::string& value, const char* field, size_t max, bool required, bool multiline,
               std::vector<FieldProblem>& problems) {
  value = std::string(text::Trim(value));
  if (!text::IsValidUtf8(value)) {
    problems.push_back({field, "validation.not_utf8"});
  } else if (required && value.empty()) {
    problems.push_back({field, "validation.required"});
  } else if (CharacterCount(value) > max) {
    problems.push_back({field, "validation.too_long"});
  } else if (std::any_of(value.begin(), value.end(), [&](char c) {
               const auto u = static_cast<unsigned char>(c);
               return u < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'));
             })) {
    problems.push_back({field, "application.error.control_characters"});
  }
}

}  // namespace

std::vector<FieldProblem> NormaliseApplication(Application& a) {
  std::vector<FieldProblem> problems;
  CheckText(a.name, "name", kMaxApplicationNameLength, true, false, problems);
  Status email = NormaliseEmail(a.email);
  if (!email.ok()) problems.push_back({"email", email.user_message_key()});
  CheckText(a.phone, "phone", kMaxApplicationPhoneLength, false, false, problems);
  CheckText(a.motivation, "motivation", kMaxMotivationLength, false, true, problems);
  return problems;
}

Status NormaliseMessage(std::string& body) {
  std::vector<FieldProblem> problems;
  CheckText(body, "body", kMaxApplicationMessageLength, true, true, problems);
  return problems.empty() ? Status::Ok() : ValidationFailed(std::move(problems));
}

nlohmann::json ApplicationToJson(const Application& a) {
  nlohmann::json out = {
      {"id", a.id},
      {"opportunity_id", a.opportunity_id},
      {"opportunity_title", a.opportunity.title},
      {"municipality_code", a.opportunity.municipality_code},
      {"user_id", a.user_id ? nlohmann::json(*a.user_id) : nlohmann::json(nullptr)},
      {"name", a.name},
      {"email", a.email},
      {"phone", a.phone},
      {"motivation", a.motivation},
      {"state", ApplicationStateName(a.state)},
      {"involves_children", a.opportunity.involves_children},
      {"revision", a.revision},
      {"created_at", a.created_at},
      {"updated_at", a.updated_at},
  };
  if (a.opportunity.involves_children) {
    out["child_certificate"] = {{"status", a.certificate.status},
                                {"on", a.certificate.on ? nlohmann::json(*a.certificate.on) : nullptr}};
  }
  return out;
}

nlohmann::json MessageToJson(const ApplicationMessage& m) {
  return {{"id", m.id},
          {"application_id", m.application_id},
          {"from", m.from_applicant ? "applicant" : "poster"},
          {"author_user_id", m.author_user_id ? nlohmann::json(*m.author_user_id) : nlohmann::json(nullptr)},
          {"body", m.body},
          {"created_at", m.created_at}};
}

nlohmann::json ApplicationAuditJson(const Application& a) {
  return {{"id", a.id},
          {"opportunity_id", a.opportunity_id},
          {"user_id", a.user_id ? nlohmann::json(*a.user_id) : nlohmann::json(nullptr)},
          {"state", ApplicationStateName(a.state)},
          {"revision", a.revision}};
}

}  // namespace samskab::domain
