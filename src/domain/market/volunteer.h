// A volunteer's profile (issue 5, item 1): one per person, platform-wide, owned and controlled by
// the volunteer (PRODUCT.md "Whose data is whose"). What they can do (built-in skills and free
// tags), the languages they speak, when they can help (a weekly grid), where (a postcode and how
// far they will travel), what they care about (built-in welfare areas and target groups), the
// child-protection certificate's status (never the certificate itself), and who may see it.
//
// Three views (docs/decisions/0011-volunteers.md): the volunteer's own (everything), the staff
// view (profiles shared with municipalities: no e-mail unless the volunteer agreed to be proposed
// for needs), and the public view (only for visibility "public": no name, no contact details, no
// certificate).
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

enum class ChildCertificate { kNone, kRequested, kObtained };
inline constexpr ChildCertificate kAllChildCertificates[] = {
    ChildCertificate::kNone, ChildCertificate::kRequested, ChildCertificate::kObtained};
std::string_view ChildCertificateName(ChildCertificate status);  // "none", "requested", "obtained"
std::optional<ChildCertificate> ParseChildCertificate(std::string_view name);

enum class VolunteerVisibility { kPrivate, kMunicipalities, kPublic };
inline constexpr VolunteerVisibility kAllVolunteerVisibilities[] = {
    VolunteerVisibility::kPrivate, VolunteerVisibility::kMunicipalities, VolunteerVisibility::kPublic};
std::string_view VolunteerVisibilityName(VolunteerVisibility visibility);  // "private", …
std::optional<VolunteerVisibility> ParseVolunteerVisibility(std::string_view name);

inline constexpr size_t kMaxAboutLength = 2000;  // code points

struct VolunteerProfile {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string about;
  std::vector<std::string> skills;      // built-in skill keys (skills.h)
  std::vector<std::string> skill_tags;  // free tags, folded
  std::vector<std::string> languages;   // spoken language codes
  WeeklyAvailability availability;
  std::optional<std::string> postcode;  // four digits
  int travel_km = 10;
  std::vector<std::string> welfare_areas;  // built-in keys
  std::vector<std::string> target_groups;  // built-in keys
  ChildCertificate child_certificate = ChildCertificate::kNone;
  std::optional<std::string> child_certificate_on;  // YYYY-MM-DD; required when obtained
  VolunteerVisibility visibility = VolunteerVisibility::kPrivate;
  bool consent_matching = false;
  bool active = true;
  int64_t revision = 1;
  std::string created_at;
  std::string updated_at;

  // Read back from storage: the account's name and e-mail, and the postcode's town.
  std::string display_name;
  std::string email;
  std::string town;
};

// Trims the texts, normalises the lists (sorted, without duplicates) and the postcode, and checks
// every rule that needs no database, naming every bad field: "about" (≤ 2000), "skills",
// "skill_tags", "languages", "postcode" (validation.postcode / validation.postcode_unknown),
// "travel_km" (0-500), "welfare_areas", "target_groups" (built-in keys), "child_certificate_on"
// (a date, required when obtained, not after `today`; dropped when the status is "none").
// `today` is YYYY-MM-DD. Sets `town` from the postcode.
std::vector<FieldProblem> NormaliseVolunteerProfile(VolunteerProfile& profile,
                                                    const PostcodeDirectory& postcodes,
                                                    std::string_view today);

// Whether municipal staff may see the profile (and the matching may consider it).
bool SharedWithMunicipalities(const VolunteerProfile& profile);

// The volunteer's own view: every field, with their name and e-mail.
nlohmann::json VolunteerOwnJson(const VolunteerProfile& profile);
// What municipal staff see of a shared profile: the name, the e-mail only with consent_matching,
// everything about what they can do and when. REQUIRES: SharedWithMunicipalities(profile).
nlohmann::json VolunteerStaffJson(const VolunteerProfile& profile);
// The public view (visibility "public" only; nullopt otherwise): no name, no contact details, no
// certificate, the postcode's district but nothing finer.
std::optional<nlohmann::json> VolunteerPublicJson(const VolunteerProfile& profile);

// Every catalog key the rules above produce.
std::vector<std::string_view> AllVolunteerMessageKeys();

}  // namespace samskab::domain
