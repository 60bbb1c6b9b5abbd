// Who is calling and what each route demands: roles and their scopes, the Principal a request
// runs as, and the Access requirement every route declares (http::Router::Add takes one; there
// is no default). The decision itself is made in one place, Authorise() in policy.h.
//
// The types here are plain values (header-only), so the HTTP layer can carry them without
// linking the domain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samskab::domain {

enum class Role {
  kPlatformAdmin,       // the operator: every municipality, activation, outbox, metrics
  kMunicipalAdmin,      // one municipality: units, staff, tokens, audit log
  kMunicipalEmployee,   // one unit of one municipality
  kOrganisationAdmin,   // one organisation: its profile and members
  kOrganisationMember,  // one organisation
  kVolunteer,           // themselves
};

inline constexpr Role kAllRoles[] = {Role::kPlatformAdmin,      Role::kMunicipalAdmin,
                                     Role::kMunicipalEmployee,  Role::kOrganisationAdmin,
                                     Role::kOrganisationMember, Role::kVolunteer};

// The names used in the CLI, the API and the database ("municipal_admin").
constexpr std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kPlatformAdmin:
      return "platform_admin";
    case Role::kMunicipalAdmin:
      return "municipal_admin";
    case Role::kMunicipalEmployee:
      return "municipal_employee";
    case Role::kOrganisationAdmin:
      return "organisation_admin";
    case Role::kOrganisationMember:
      return "organisation_member";
    case Role::kVolunteer:
      return "volunteer";
  }
  return "";
}

constexpr std::optional<Role> ParseRole(std::string_view name) {
  for (const Role role : kAllRoles) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

// One role in its scope.
struct Grant {
  Role role = Role::kVolunteer;
  std::string municipality_code;           // municipal roles
  std::optional<int64_t> unit_id;          // municipal_employee
  std::optional<int64_t> organisation_id;  // organisation roles
  bool operator==(const Grant&) const = default;
};

// The caller of one request: nobody (the public), a logged-in user, or an API token.
struct Principal {
  enum class Kind { kPublic, kUser, kToken };
  Kind kind = Kind::kPublic;
  int64_t user_id = 0;   // kUser
  int64_t token_id = 0;  // kToken
  std::string email;
  std::string display_name;
  bool email_verified = false;
  std::vector<Grant> grants;
  std::string session_hash;  // kUser via a session: the stored hash of the session token
  std::string csrf_token;    // kUser via a session: the token forms must carry (bound to the session)

  bool IsPublic() const { return kind == Kind::kPublic; }
  bool Has(Role role) const {
    for (const auto& grant : grants) {
      if (grant.role == role) return true;
    }
    return false;
  }
  bool HasIn(Role role, std::string_view municipality_code) const {
    for (const auto& grant : grants) {
      if (grant.role == role && grant.municipality_code == municipality_code) return true;
    }
    return false;
  }
  bool HasForOrganisation(Role role, int64_t organisation_id) const {
    for (const auto& grant : grants) {
      if (grant.role == role && grant.organisation_id == organisation_id) return true;
    }
    return false;
  }
  // A label for the audit log: "user:12 anna@example.dk" or "token:3".
  std::string Label() const {
    if (kind == Kind::kUser) return "user:" + std::to_string(user_id);
    if (kind == Kind::kToken) return "token:" + std::to_string(token_id);
    return "public";
  }
};

// Who may use a route. Deny by default: every route names one.
enum class Audience {
  kPublic,             // anyone, logged in or not
  kSignedIn,           // any logged-in user or API token (their own things)
  kPerson,             // a logged-in person, not an API token (their account pages)
  kMunicipalStaff,     // municipal_employee or municipal_admin of the request's municipality, platform_admin
  kMunicipalAdmin,     // municipal_admin of the request's municipality, platform_admin
  kOrganisationAdmin,  // organisation_admin of the route's organisation, platform_admin
  kPlatformAdmin,      // platform_admin only (also: operators' /metrics)
};

constexpr std::string_view AudienceName(Audience audience) {
  switch (audience) {
    case Audience::kPublic:
      return "public";
    case Audience::kSignedIn:
      return "signed_in";
    case Audience::kPerson:
      return "person";
    case Audience::kMunicipalStaff:
      return "municipal_staff";
    case Audience::kMunicipalAdmin:
      return "municipal_admin";
    case Audience::kOrganisationAdmin:
      return "organisation_admin";
    case Audience::kPlatformAdmin:
      return "platform_admin";
  }
  return "";
}

// A route's requirement. For municipal audiences, the municipality is the path parameter named
// `municipality_param` when the route has one ("/admin/{municipality}/units"); otherwise the
// caller's own (a token's municipality, or the one municipality a user works in, or the
// `municipality` query parameter when they work in several). Organisation routes name the path
// parameter holding the organisation id.
struct Access {
  Audience audience = Audience::kPlatformAdmin;
  std::string municipality_param;
  std::string organisation_param;

  static Access Public() { return {Audience::kPublic, "", ""}; }
  static Access SignedIn() { return {Audience::kSignedIn, "", ""}; }
  static Access Person() { return {Audience::kPerson, "", ""}; }
  static Access MunicipalStaff(std::string param = "") {
    return {Audience::kMunicipalStaff, std::move(param), ""};
  }
  static Access MunicipalAdmin(std::string param = "") {
    return {Audience::kMunicipalAdmin, std::move(param), ""};
  }
  static Access OrganisationAdmin(std::string param) {
    return {Audience::kOrganisationAdmin, "", std::move(param)};
  }
  static Access PlatformAdmin() { return {Audience::kPlatformAdmin, "", ""}; }
};

}  // namespace samskab::domain
