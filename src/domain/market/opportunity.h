// An opportunity (a recruitment post, issue 5 item 2): a municipal unit or an organisation asks
// for volunteers in one municipality: what for, which skills, when (a weekly grid and a note),
// where (a postcode), how many (capacity), from when to when, and whether children under 15 take
// part (then a child-protection certificate is required before an application is agreed).
//
// Status: draft (only the poster sees it) -> open (public) -> closed; any change is allowed, so a
// post can be reopened. `language` ("da"/"nb") is the municipality's country's, for the stemmer
// of the search; `organisation_kind` copies the posting organisation's kind for the search's
// facet (NULL for a unit's post).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "domain/market/availability.h"
#include "domain/place/postcodes.h"

namespace samskab::domain {

enum class OpportunityStatus { kDraft, kOpen, kClosed };
inline constexpr OpportunityStatus kAllOpportunityStatuses[] = {
    OpportunityStatus::kDraft, OpportunityStatus::kOpen, OpportunityStatus::kClosed};
std::string_view OpportunityStatusName(OpportunityStatus status);  // "draft", "open", "closed"
std::optional<OpportunityStatus> ParseOpportunityStatus(std::string_view name);

inline constexpr size_t kMaxOpportunityTitleLength = 200;         // code points
inline constexpr size_t kMaxOpportunityDescriptionLength = 5000;  // code points
inline constexpr size_t kMaxTimeNoteLength = 500;                 // code points
inline constexpr int64_t kMaxOpportunityCapacity = 10000;

struct Opportunity {
  int64_t id = 0;
  std::string municipality_code;
  std::optional<int64_t> unit_id;          // posted by a municipal unit …
  std::optional<int64_t> organisation_id;  // … or by an organisation
  std::string title;
  std::string description;
  std::vector<std::string> skills;         // built-in skill keys
  std::vector<std::string> welfare_areas;  // built-in keys
  std::vector<std::string> target_groups;  // built-in keys
  WeeklyAvailability availability;
  std::string time_note;  // "hver anden tirsdag", free text beside the grid
  std::optional<std::string> postcode;
  int64_t capacity = 1;
  std::optional<std::string> starts_on;  // YYYY-MM-DD
  std::optional<std::string> ends_on;    // YYYY-MM-DD, not before starts_on
  bool involves_children = false;
  OpportunityStatus status = OpportunityStatus::kDraft;
  std::string language = "da";
  std::optional<std::string> organisation_kind;
  std::optional<int64_t> created_by;
  int64_t revision = 1;
  std::string created_at;
  std::string updated_at;

  // Read back from storage: who posts it and the postcode's town.
  std::string unit_name;
  std::string organisation_name;
  std::string town;
};

// The stemmer's language of a municipality's country ("dk" -> "da", "no" -> "nb").
std::string_view OpportunityLanguage(std::string_view country);

// Trims the texts, normalises the lists and the postcode (sets `town`), and checks every rule
// that needs no database, naming every bad field: "title" (1-200), "description" (≤ 5000),
// "time_note" (≤ 500), "skills", "welfare_areas", "target_groups", "postcode"
// (validation.postcode_unknown for a well-formed code that does not exist), "capacity"
// (1-10000), "starts_on"/"ends_on" (dates, the end not before the start), and the poster: exactly
// one of unit_id and organisation_id ("unit_id": opportunity.error.poster).
std::vector<FieldProblem> NormaliseOpportunity(Opportunity& opportunity, const PostcodeDirectory& postcodes);

// The API's representation (snake_case), with the poster's name.
nlohmann::json OpportunityToJson(const Opportunity& opportunity);

// Every catalog key the rules above produce.
std::vector<std::string_view> AllOpportunityMessageKeys();

}  // namespace samskab::domain
