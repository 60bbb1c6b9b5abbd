// An organisation's profile: who it is (kind, name, CVR number, address), what it works with
// (welfare areas, target groups, ICNPO category) and the questions of seed 004's last page: the
// resources it has, the roles it can and cannot play, the frames it works under. Organisations
// are platform-wide (PRODUCT.md, "Whose data is whose"); who sees and edits which profile is
// decided in docs/decisions/0008-organisation-visibility.md and enforced by the store.
//
// Pure rules, no storage and no HTTP.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "domain/collaboration/model.h"
#include "domain/organisation/icnpo.h"
#include "domain/place/postcodes.h"

namespace samskab::domain {

// The roles of seed 004's figure ("Guide til fremtidens velfærdsalliancer"): what an actor can
// be for the others in a collaboration. Labels: "organisation.roles.<name>" in the catalogs.
enum class OrganisationRole {
  kAdvocate,   // fortaler: speaks for the target group
  kProvider,   // udfører: carries out the activity
  kPartner,    // medspiller: works along with the municipality
  kCritic,     // modspiller: disagrees openly, holds the others to account
  kWatchdog,   // spørge-jørgen: asks the questions others do not
  kDeveloper,  // udviklingsafdeling: tries new methods, innovates
  kSupplier,   // leverandør: delivers a service on contract
};
inline constexpr OrganisationRole kAllOrganisationRoles[] = {
    OrganisationRole::kAdvocate, OrganisationRole::kProvider, OrganisationRole::kPartner,
    OrganisationRole::kCritic,   OrganisationRole::kWatchdog, OrganisationRole::kDeveloper,
    OrganisationRole::kSupplier};
std::string_view OrganisationRoleName(OrganisationRole role);  // "advocate", …
std::optional<OrganisationRole> ParseOrganisationRole(std::string_view name);
std::string OrganisationRoleLabelKey(OrganisationRole role);  // "organisation.roles.advocate"

inline constexpr OrganisationKind kAllOrganisationKinds[] = {OrganisationKind::kPopularEducationAssociation,
                                                             OrganisationKind::kHumanitarianAssociation,
                                                             OrganisationKind::kCommunity,
                                                             OrganisationKind::kIndividual,
                                                             OrganisationKind::kCompany,
                                                             OrganisationKind::kSocialEnterprise};
std::string OrganisationKindLabelKey(OrganisationKind kind);  // "collaboration.kind.community"

// A contact person (personal data, docs/PRIVACY.md). Shown to the public only when both the
// profile and the contact are marked public.
struct OrganisationContact {
  std::string name;
  std::string title;  // "Formand", "Frivilligkoordinator"
  std::string email;
  std::string phone;
  bool is_public = false;
  bool operator==(const OrganisationContact&) const = default;
};

inline constexpr size_t kMaxOrganisationNameLength = 200;  // code points
inline constexpr size_t kMaxStreetLength = 200;
inline constexpr size_t kMaxWebsiteLength = 500;
inline constexpr size_t kMaxProfileTextLength = 5000;  // description, resources, frames
inline constexpr size_t kMaxContacts = 20;
inline constexpr size_t kMaxContactTextLength = 200;  // name, title
inline constexpr size_t kMaxPhoneLength = 40;

struct Organisation {
  int64_t id = 0;
  // Set when a municipality registered the organisation (a community or an individual not on
  // the platform): then it is that municipality's data. Empty: the organisation's own profile.
  std::optional<std::string> municipality_code;
  bool is_public = false;
  std::string name;
  OrganisationKind kind = OrganisationKind::kCommunity;
  std::optional<std::string> cvr;       // eight digits
  std::string street;                   // "Stiager 2"
  std::optional<std::string> postcode;  // four digits, a Danish postcode
  std::string town;                     // from the postcode, never typed in
  std::string description;
  std::string website;  // http(s) only
  std::optional<std::string> icnpo;
  std::vector<std::string> welfare_areas;  // built-in vocabulary keys, sorted
  std::vector<std::string> target_groups;  // built-in vocabulary keys, sorted
  // Seed 004: "Kan du beskrive de ressourcer, din organisation har?", the roles it can and
  // cannot play, "Har du stikord, der kan beskrive de rammer, I arbejder under?".
  std::string resources;
  std::vector<std::string> roles_can;     // OrganisationRoleName()s, in the enum's order
  std::vector<std::string> roles_cannot;  // likewise; never one of roles_can
  std::string frames;
  std::vector<OrganisationContact> contacts;  // in the order shown
  int64_t revision = 1;
  std::string created_at;
  std::string updated_at;
};

// Trims every text and checks every rule; returns each problem by its API field name ("cvr",
// "contacts.0.email" …), empty when the profile is valid. On success the values are canonical:
// the CVR number as eight digits, the postcode as four with its town filled in (the town is
// cleared without a postcode), a website without a scheme gets "https://", the vocabulary keys
// and roles sorted and without duplicates. Rules:
//   name        required, at most 200 characters                    validation.required / too_long
//   cvr         optional; format and modulus-11 (cvr.h)             validation.cvr_format / cvr_checksum
//   postcode    optional; a Danish postcode (postcodes.h)            validation.postcode / postcode_unknown
//   street      at most 200 characters                               validation.too_long
//   website     optional; http:// or https:// with a host, no spaces validation.website
//   icnpo       optional; a code of the catalog                      organisation.error.icnpo
//   welfare_areas / target_groups: built-in keys only               vocabulary.error.unknown_term
//   roles_can / roles_cannot: known roles                            organisation.error.role
//   a role both in roles_can and in roles_cannot (on roles_cannot)   organisation.error.roles_overlap
//   description, resources, frames: at most 5000 characters          validation.too_long
//   contacts    at most 20                                           organisation.error.too_many_contacts
//   contact     name required (200), title (200), e-mail valid when given (254), phone (40 characters:
//               digits, spaces, + - ( ))   validation.required / too_long / email / phone
std::vector<FieldProblem> NormaliseOrganisation(Organisation& organisation,
                                                const PostcodeDirectory& postcodes,
                                                const IcnpoCatalog& icnpo);

// The contacts the public may see: all of them are hidden unless the profile is public.
std::vector<OrganisationContact> PublicContacts(const Organisation& organisation);

// `full`: everything, for the municipality that sees the profile and for the organisation's own
// admins (municipality_code, is_public, every contact with its is_public, revision, times).
// Otherwise the public view: the profile and its public contacts only.
nlohmann::json OrganisationToJson(const Organisation& organisation, bool full);

// Every catalog key NormaliseOrganisation can produce, so a test can hold the catalogs to them.
std::vector<std::string_view> AllOrganisationMessageKeys();

}  // namespace samskab::domain
