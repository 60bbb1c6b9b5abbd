#include "domain/access/policy.h"

#include <set>

#include "core/text.h"

namespace samskab::domain {
namespace {

bool IsMunicipalRole(Role role) { return role == Role::kMunicipalAdmin || role == Role::kMunicipalEmployee; }

// The municipal roles that satisfy `audience`.
bool Fits(Audience audience, Role role) {
  if (audience == Audience::kMunicipalAdmin) return role == Role::kMunicipalAdmin;
  if (audience == Audience::kMunicipalStaff) return IsMunicipalRole(role);
  return false;
}

Result<Decision> AuthoriseMunicipal(Audience audience, const Principal& principal,
                                    const AccessRequest& request) {
  const bool platform_admin = principal.Has(Role::kPlatformAdmin);
  std::set<std::string_view> codes;  // where the principal holds a fitting role
  for (const auto& grant : principal.grants) {
    if (Fits(audience, grant.role)) codes.insert(grant.municipality_code);
  }
  if (codes.empty() && !platform_admin) return Status(ErrorCode::kPermissionDenied, "no municipal role fits");

  std::string_view wanted =
      !request.path_municipality.empty() ? request.path_municipality : request.requested_municipality;
  if (wanted.empty()) {
    if (codes.size() == 1 && !platform_admin) return Decision{std::string(*codes.begin()), std::nullopt};
    return InvalidArgument("caller works in several municipalities and did not say which",
                           "error.municipality_required");
  }
  if (platform_admin || codes.contains(wanted)) return Decision{std::string(wanted), std::nullopt};
  // Another municipality's URL looks exactly like one that does not exist.
  return NotFound("municipality " + std::string(wanted) + " is not the caller's");
}

Result<Decision> AuthoriseOrganisation(const Principal& principal, const AccessRequest& request) {
  const bool platform_admin = principal.Has(Role::kPlatformAdmin);
  if (!platform_admin && !principal.Has(Role::kOrganisationAdmin))
    return Status(ErrorCode::kPermissionDenied, "not an organisation admin");
  const auto id = text::ParsePositiveId(request.path_organisation);
  if (!id) return NotFound("organisation id is not a number");
  if (!platform_admin && !principal.HasForOrganisation(Role::kOrganisationAdmin, *id))
    return NotFound("organisation " + std::string(request.path_organisation) + " is not the caller's");
  return Decision{"", *id};
}

}  // namespace

Result<Decision> Authorise(const Access& access, const Principal& principal, const AccessRequest& request) {
  if (access.audience == Audience::kPublic) return Decision{};
  if (principal.IsPublic()) return Status(ErrorCode::kUnauthenticated, "login required");
  switch (access.audience) {
    case Audience::kPublic:
    case Audience::kSignedIn:
      return Decision{};
    case Audience::kPerson:
      if (principal.kind == Principal::Kind::kUser) return Decision{};
      return Status(ErrorCode::kPermissionDenied, "a person's page; API tokens cannot use it");
    case Audience::kMunicipalStaff:
    case Audience::kMunicipalAdmin:
      return AuthoriseMunicipal(access.audience, principal, request);
    case Audience::kOrganisationAdmin:
      return AuthoriseOrganisation(principal, request);
    case Audience::kPlatformAdmin:
      if (principal.Has(Role::kPlatformAdmin)) return Decision{};
      return Status(ErrorCode::kPermissionDenied, "platform admin only");
  }
  return Status(ErrorCode::kPermissionDenied, "unknown audience");
}

std::set<int64_t> UnitsInReach(const Principal& principal, std::string_view municipality_code,
                               const std::vector<Unit>& units) {
  std::set<int64_t> reach;
  const bool everything = principal.Has(Role::kPlatformAdmin) ||
                          principal.HasIn(Role::kMunicipalAdmin, municipality_code) ||
                          (principal.kind == Principal::Kind::kToken &&
                           principal.HasIn(Role::kMunicipalEmployee, municipality_code));
  if (everything) {
    for (const auto& unit : units) reach.insert(unit.id);
    return reach;
  }
  for (const auto& grant : principal.grants) {
    if (grant.role == Role::kMunicipalEmployee && grant.municipality_code == municipality_code &&
        grant.unit_id)
      reach.insert(*grant.unit_id);
  }
  // Units come parents first (UnitRepository::List), so one pass adds every descendant.
  for (const auto& unit : units) {
    if (unit.parent_id && reach.contains(*unit.parent_id)) reach.insert(unit.id);
  }
  return reach;
}

}  // namespace samskab::domain
