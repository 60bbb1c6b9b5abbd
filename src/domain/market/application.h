// Applications to opportunities (issue 5, the pipeline): the states, who may move an application
// from which state to which (the transition table is data: kTransitions), who a caller is to an
// application (its applicant or its poster), the child-protection certificate rule, and the
// fields' checks. Decisions: docs/decisions/0012-applications.md.
//
//   unverified --(applicant follows the e-mail link)--> new
//   new -> contacted -> agreed -> active -> ended          (the poster)
//   new | contacted | agreed --> declined                  (the poster)
//   new | contacted | agreed | active --> withdrawn        (the applicant)
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "domain/access/access.h"

namespace samskab::domain {

enum class ApplicationState {
  kUnverified,
  kNew,
  kContacted,
  kAgreed,
  kActive,
  kEnded,
  kDeclined,
  kWithdrawn
};
inline constexpr ApplicationState kApplicationStates[] = {
    ApplicationState::kUnverified, ApplicationState::kNew,      ApplicationState::kContacted,
    ApplicationState::kAgreed,     ApplicationState::kActive,   ApplicationState::kEnded,
    ApplicationState::kDeclined,   ApplicationState::kWithdrawn};

std::string_view ApplicationStateName(ApplicationState state);  // "unverified", "new", …
std::optional<ApplicationState> ParseApplicationState(std::string_view name);

// Who moves an application: the person who applied, or the opportunity's poster (staff with the
// opportunity's unit in reach, or the opportunity's organisation's admins and members).
enum class Party { kApplicant, kPoster };
std::string_view PartyName(Party party);  // "applicant", "poster"

struct ApplicationTransition {
  ApplicationState from;
  ApplicationState to;
  Party by;
};

// The pipeline, as data: every allowed move and who may make it. Nothing else is allowed.
inline constexpr ApplicationTransition kTransitions[] = {
    {ApplicationState::kUnverified, ApplicationState::kNew, Party::kApplicant},  // the e-mail link
    {ApplicationState::kNew, ApplicationState::kContacted, Party::kPoster},
    {ApplicationState::kNew, ApplicationState::kAgreed, Party::kPoster},
    {ApplicationState::kContacted, ApplicationState::kAgreed, Party::kPoster},
    {ApplicationState::kAgreed, ApplicationState::kActive, Party::kPoster},
    {ApplicationState::kActive, ApplicationState::kEnded, Party::kPoster},
    {ApplicationState::kNew, ApplicationState::kDeclined, Party::kPoster},
    {ApplicationState::kContacted, ApplicationState::kDeclined, Party::kPoster},
    {ApplicationState::kAgreed, ApplicationState::kDeclined, Party::kPoster},
    {ApplicationState::kNew, ApplicationState::kWithdrawn, Party::kApplicant},
    {ApplicationState::kContacted, ApplicationState::kWithdrawn, Party::kApplicant},
    {ApplicationState::kAgreed, ApplicationState::kWithdrawn, Party::kApplicant},
    {ApplicationState::kActive, ApplicationState::kWithdrawn, Party::kApplicant},
};

bool MayTransition(ApplicationState from, ApplicationState to, Party by);
// The states `by` may move an application in `from` to, in the table's order.
std::vector<ApplicationState> NextStates(ApplicationState from, Party by);
// Agreed and active applications take one of the opportunity's places (its capacity).
bool TakesPlace(ApplicationState state);
// Not ended, declined or withdrawn (the applicant can still withdraw; the poster still acts).
bool IsOpen(ApplicationState state);
// Declined, withdrawn and never verified: the applicants not taken on, deleted after the
// retention period (storage/retention.h, docs/PRIVACY.md).
bool NotTakenOn(ApplicationState state);

// What the pipeline needs to know about an opportunity (read from the `opportunities` table).
struct OpportunityFacts {
  int64_t id = 0;
  std::string municipality_code;
  std::optional<int64_t> unit_id;
  std::optional<int64_t> organisation_id;
  std::string title;
  int64_t capacity = 1;
  std::string status;  // draft, open, closed
  std::optional<std::string> ends_on;
  bool involves_children = false;
  std::string language = "da";
  std::optional<int64_t> created_by;
};

// Open for applications on `today` (YYYY-MM-DD): status 'open' and not ended.
bool AcceptsApplications(const OpportunityFacts& opportunity, std::string_view today);

// The poster: the opportunity's unit is in the caller's reach (policy UnitsInReach), or the caller
// is an admin or member of the opportunity's organisation, or a platform admin.
bool IsPoster(const Principal& principal, const OpportunityFacts& opportunity,
              const std::set<int64_t>& units_in_reach);

// The child-protection certificate as the pipeline shows it for an applicant: from the volunteer
// profile of the applicant's account ('obtained' with its date, 'requested', 'none'), 'no_profile'
// when there is none (or the applicant has no account).
struct CertificateStatus {
  std::string status = "no_profile";  // obtained, requested, none, no_profile
  std::optional<std::string> on;      // YYYY-MM-DD when obtained
  bool Obtained() const { return status == "obtained"; }
};

// Agreeing to an application for an opportunity with children needs the certificate: obtained on
// the applicant's profile, or the poster's confirmation that they have seen it (the organisation
// often obtains it itself, with the volunteer's consent; the confirmation is kept in the audit
// log). kFailedPrecondition "application.error.certificate" otherwise.
Status CheckCertificate(const OpportunityFacts& opportunity, ApplicationState to,
                        const CertificateStatus& certificate, bool confirmed_by_poster);

inline constexpr size_t kMaxApplicationNameLength = 200;
inline constexpr size_t kMaxApplicationPhoneLength = 40;
inline constexpr size_t kMaxMotivationLength = 5000;
inline constexpr size_t kMaxApplicationMessageLength = 5000;

struct Application {
  int64_t id = 0;
  int64_t opportunity_id = 0;
  std::optional<int64_t> user_id;
  std::string email;
  std::string name;
  std::string phone;
  std::string motivation;
  ApplicationState state = ApplicationState::kNew;
  int64_t revision = 1;
  std::string created_at;
  std::string updated_at;
  // Read back with it: the opportunity's facts and the applicant's certificate.
  OpportunityFacts opportunity;
  CertificateStatus certificate;
};

struct ApplicationMessage {
  int64_t id = 0;
  int64_t application_id = 0;
  std::optional<int64_t> author_user_id;
  bool from_applicant = false;
  std::string body;
  std::string created_at;
};

// Trims and checks name, e-mail (lower-cased), phone and motivation; every problem by field name.
std::vector<FieldProblem> NormaliseApplication(Application& application);
// Trims and checks a message's text: kInvalidArgument on "body".
Status NormaliseMessage(std::string& body);

// The API's view. The certificate is shown only for opportunities with children.
nlohmann::json ApplicationToJson(const Application& application);
nlohmann::json MessageToJson(const ApplicationMessage& message);
// What the audit log keeps of an application: no name, e-mail, phone or motivation (the log
// outlives the application; see docs/PRIVACY.md).
nlohmann::json ApplicationAuditJson(const Application& application);

}  // namespace samskab::domain
