// A collaboration (samarbejdsforløb) between municipal units and partner organisations, as the
// municipality records it (seed 003's overview, appendix 1). Municipal data: it belongs to one
// municipality. Its place in the model (level, volunteer type, quadrant, reasons) is never typed
// in: it is derived by model.h from the facts, the partners' kinds and an optional override.
//
// Lifecycle (docs/decisions/0007-collaboration-lifecycle.md):
//   idea -> planned | ended        planned -> idea | active | ended
//   active -> paused | ended       paused -> active | ended        ended -> (final)
// Staying in the same status is always allowed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "domain/collaboration/model.h"

namespace samskab::domain {

enum class CollaborationStatus { kIdea, kPlanned, kActive, kPaused, kEnded };
inline constexpr CollaborationStatus kAllCollaborationStatuses[] = {
    CollaborationStatus::kIdea, CollaborationStatus::kPlanned, CollaborationStatus::kActive,
    CollaborationStatus::kPaused, CollaborationStatus::kEnded};
std::string_view CollaborationStatusName(CollaborationStatus status);  // "idea", …
std::optional<CollaborationStatus> ParseCollaborationStatus(std::string_view name);
// The lifecycle table above.
bool CanChangeStatus(CollaborationStatus from, CollaborationStatus to);

enum class CollaborationForm { kAdHoc, kOngoing, kPartnership };
inline constexpr CollaborationForm kAllCollaborationForms[] = {
    CollaborationForm::kAdHoc, CollaborationForm::kOngoing, CollaborationForm::kPartnership};
std::string_view CollaborationFormName(CollaborationForm form);  // "ad_hoc", "ongoing", "partnership"
std::optional<CollaborationForm> ParseCollaborationForm(std::string_view name);

// The seven facts by their API and column names, bound to the struct's members: one list for
// reading JSON, forms, CSV and database rows.
struct FactField {
  std::string_view name;
  bool InvolvementFacts::*member;
};
inline constexpr FactField kFactFields[] = {
    {"rooms_lent", &InvolvementFacts::rooms_lent},
    {"citizens_referred", &InvolvementFacts::citizens_referred},
    {"contact_person", &InvolvementFacts::contact_person},
    {"coordination", &InvolvementFacts::coordination},
    {"staff_take_part", &InvolvementFacts::staff_take_part},
    {"partnership_agreement", &InvolvementFacts::partnership_agreement},
    {"dedicated_budget", &InvolvementFacts::dedicated_budget},
};

struct CollaborationUnit {
  int64_t id = 0;
  std::string name;
};
struct CollaborationPartner {
  int64_t id = 0;
  std::string name;
  OrganisationKind kind = OrganisationKind::kCommunity;
};

inline constexpr size_t kMaxTitleLength = 200;          // code points
inline constexpr size_t kMaxDescriptionLength = 10000;  // code points
inline constexpr size_t kMaxShortTextLength = 500;      // funding source, locality, note

struct Collaboration {
  int64_t id = 0;
  std::string municipality_code;
  std::string title;
  std::string description;
  std::optional<std::string> welfare_area;  // a vocabulary key
  std::optional<std::string> target_group;  // a vocabulary key
  std::optional<std::string> starts_on;     // YYYY-MM-DD
  std::optional<std::string> ends_on;       // YYYY-MM-DD, not before starts_on
  CollaborationStatus status = CollaborationStatus::kIdea;
  CollaborationForm form = CollaborationForm::kAdHoc;
  std::optional<int64_t> staff_hours_per_year;
  std::optional<int64_t> budget_dkk;
  std::string funding_source;  // e.g. the grant pool the money comes from
  std::string locality;
  std::optional<std::string> postcode;  // a Danish postcode when the locality has one
  bool activity_registered = false;
  bool evaluated = false;
  InvolvementFacts facts;
  std::optional<InvolvementLevel> override_level;
  std::string override_reason;
  std::vector<int64_t> unit_ids;     // sorted, distinct
  std::vector<int64_t> partner_ids;  // sorted, distinct
  bool inspiration = false;          // an employee marked it as inspiration for others
  std::string inspiration_note;
  std::optional<int64_t> responsible_user_id;
  std::optional<std::string> import_key;  // set by the CSV import

  // Read back from storage: names of units and partners, and the placement.
  std::vector<CollaborationUnit> units;
  std::vector<CollaborationPartner> partners;
  Placement placement;
  int64_t revision = 1;
  std::string created_at;
  std::string updated_at;
};

// Trims the texts, sorts and de-duplicates the id lists, and checks every rule that needs no
// database: title 1-200 characters, lengths, dates (YYYY-MM-DD, end not before start), hours and
// budget not negative, the override's reason. Returns every problem, by API field name
// ("title", "ends_on", "involvement_override.reason" …); empty when the collaboration is valid.
std::vector<FieldProblem> NormaliseCollaboration(Collaboration& collaboration);

// The placement of a collaboration from its facts, its partners' kinds and its override.
// REQUIRES: NormaliseCollaboration found no problem with the override.
Placement PlacementOf(const Collaboration& collaboration);

// The API's representation (snake_case), with the placement's fields and reasons.
nlohmann::json CollaborationToJson(const Collaboration& collaboration);

// Every catalog key the rules above produce.
std::vector<std::string_view> AllCollaborationMessageKeys();

}  // namespace samskab::domain
