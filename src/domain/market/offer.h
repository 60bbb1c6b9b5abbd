// An offer (tilbud): what an organisation, a company (an organisation of kind 'company') or a
// volunteer can give (issue 5, item 4; table `offers` of migration 0007): skills-based
// volunteering, hours, an event day with its date and capacity, materials or rooms. Platform-wide
// data: it belongs to its owner (an organisation or a user), and is offered to a list of
// municipalities or to all of them. Since every municipality reads it, its welfare areas and
// target groups are the built-in terms only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "domain/access/access.h"
#include "domain/market/availability.h"
#include "domain/market/need.h"
#include "domain/place/postcodes.h"

namespace samskab::domain {

enum class OfferKind { kSkills, kHours, kEventDay, kMaterials, kRooms };
inline constexpr OfferKind kAllOfferKinds[] = {OfferKind::kSkills, OfferKind::kHours, OfferKind::kEventDay,
                                               OfferKind::kMaterials, OfferKind::kRooms};
std::string_view OfferKindName(OfferKind kind);  // "skills", "hours", "event_day", "materials", "rooms"
std::optional<OfferKind> ParseOfferKind(std::string_view name);

inline constexpr int64_t kMaxOfferHours = 100000;
inline constexpr int64_t kMaxEventCapacity = 10000;

struct Offer {
  int64_t id = 0;
  // The owner: exactly one of the two.
  std::optional<int64_t> organisation_id;
  std::optional<int64_t> user_id;
  OfferKind kind = OfferKind::kSkills;
  std::string title;
  std::string description;
  std::vector<std::string> skills;
  std::vector<std::string> languages;
  std::vector<std::string> welfare_areas;  // built-in keys
  std::vector<std::string> target_groups;  // built-in keys
  WeeklyAvailability availability;
  std::optional<int64_t> hours;           // required for 'hours'
  std::optional<std::string> event_on;    // 'event_day' only, YYYY-MM-DD
  std::optional<int64_t> event_capacity;  // 'event_day' only
  std::optional<std::string> postcode;
  int64_t travel_km = 25;
  std::vector<std::string> municipalities;  // codes, sorted; empty: every municipality
  MarketStatus status = MarketStatus::kOpen;
  std::optional<int64_t> created_by;

  // Read back from storage.
  std::string owner_name;         // the organisation's name or the volunteer's display name
  std::string organisation_kind;  // "company", … ; empty for a volunteer's offer
  std::string town;
  int64_t revision = 1;
  std::string created_at;
  std::string updated_at;
};

// Trims and checks every rule that needs no database: the owner (exactly one), title 1-200,
// description at most 5000, skills and languages, welfare areas and target groups (built-in keys),
// the kind's required fields ('event_day': event_on and event_capacity 1-10000; 'hours': hours
// 1-100000; event fields are cleared for other kinds), travel_km 0-500, the postcode. Returns
// every problem by API field name. Whether the municipalities exist is the store's question.
std::vector<FieldProblem> NormaliseOffer(Offer& offer, const PostcodeDirectory& postcodes);

// The API's representation. `municipalities` is "all" or the list of codes.
nlohmann::json OfferToJson(const Offer& offer);

// Who looks at offers, as far as their visibility cares (built from the request's principal, never
// from its input): an offer is seen by its owner (the user, or the admins and members of the
// organisation), by the staff of the municipalities it is offered to, and by platform admins.
struct OfferViewer {
  std::optional<int64_t> user_id;               // a person (not an API token)
  std::vector<int64_t> organisation_ids;        // organisation_admin or organisation_member
  std::vector<std::string> municipality_codes;  // municipal_admin or municipal_employee
  bool everything = false;                      // platform_admin
};
OfferViewer OfferViewerOf(const Principal& principal);
// Whether `viewer` may change `offer` (its owner, or a platform admin).
bool OwnsOffer(const OfferViewer& viewer, const Offer& offer);

std::vector<std::string_view> AllOfferMessageKeys();

}  // namespace samskab::domain
