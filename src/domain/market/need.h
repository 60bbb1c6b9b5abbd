// A need (behov) posted by a municipal unit: what it wants help with, for whom, where and when
// (issue 5, item 4; table `needs` of migration 0007). Municipal data: it belongs to one
// municipality and one of its units. 'private' needs are seen by the municipality's staff only;
// 'public' ones also by organisations, companies, volunteers and the public list.
//
// Seed 004's rule for vulnerable target groups: a need whose target group is marked vulnerable
// names the partner organisation that works with the group (its approval is needed before a
// company's offer is taken on), and has no direct contact with the target group by default: the
// unit sets `direct_contact` deliberately, only with the partner's approval
// (docs/decisions/0013-needs-offers.md).
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

// Shared by needs and offers: 'open' (wanted / on offer) or 'closed'.
enum class MarketStatus { kOpen, kClosed };
std::string_view MarketStatusName(MarketStatus status);  // "open", "closed"
std::optional<MarketStatus> ParseMarketStatus(std::string_view name);

enum class NeedVisibility { kPrivate, kPublic };
std::string_view NeedVisibilityName(NeedVisibility visibility);  // "private", "public"
std::optional<NeedVisibility> ParseNeedVisibility(std::string_view name);

inline constexpr size_t kMaxMarketTitleLength = 200;         // code points
inline constexpr size_t kMaxMarketDescriptionLength = 5000;  // code points
inline constexpr int64_t kMaxPlaces = 10000;

struct Need {
  int64_t id = 0;
  std::string municipality_code;
  int64_t unit_id = 0;
  std::string title;
  std::string description;
  std::vector<std::string> skills;          // domain/market/skills.h keys, sorted
  std::vector<std::string> languages;       // spoken language codes, sorted
  std::optional<std::string> welfare_area;  // built-in or the municipality's own term
  std::optional<std::string> target_group;  // built-in or the municipality's own term
  bool vulnerable = false;
  bool direct_contact = true;
  std::optional<int64_t> partner_organisation_id;
  bool involves_children = false;
  WeeklyAvailability availability;
  std::optional<std::string> postcode;  // a Danish postcode
  int64_t places = 1;
  std::optional<std::string> starts_on;  // YYYY-MM-DD
  std::optional<std::string> ends_on;    // YYYY-MM-DD, not before starts_on
  NeedVisibility visibility = NeedVisibility::kPrivate;
  MarketStatus status = MarketStatus::kOpen;
  std::optional<int64_t> created_by;

  // Read back from storage.
  std::string unit_name;
  std::string partner_organisation_name;
  std::string town;  // the postcode's town
  int64_t revision = 1;
  std::string created_at;
  std::string updated_at;
};

// Trims the texts, sorts the lists and checks every rule that needs no database: title 1-200
// characters, description at most 5000, skills and languages from their catalogs, the postcode
// (known to `postcodes`, its town filled in), places 1-10000, dates (end not before start), and
// the vulnerable rule (a partner organisation is named). Returns every problem by API field name;
// empty when valid. Whether the unit, the terms and the partner exist is the store's question.
std::vector<FieldProblem> NormaliseNeed(Need& need, const PostcodeDirectory& postcodes);

// The vulnerable rule's default: when a need becomes vulnerable and the caller did not set
// `direct_contact` in the same change, there is no direct contact with the target group.
void ApplyVulnerableDefault(Need& need, bool was_vulnerable, bool direct_contact_given);

// The API's representation (snake_case). `full`: for the municipality's staff (who created it);
// the public view leaves out created_by.
nlohmann::json NeedToJson(const Need& need, bool full = true);

// Every catalog key the rules above produce.
std::vector<std::string_view> AllNeedMessageKeys();

}  // namespace samskab::domain
