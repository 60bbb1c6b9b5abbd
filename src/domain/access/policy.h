// The authorisation policy: the one place that decides whether a principal may use a route,
// and in which municipality. Deny by default. The HTTP dispatcher calls Authorise() before every
// handler; handlers take their MunicipalityScope from the decision, never from user input.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/access/access.h"
#include "domain/unit/unit.h"

namespace samskab::domain {

// What the request names, as far as the policy cares.
struct AccessRequest {
  std::string_view path_municipality;       // the route's municipality path parameter, if any
  std::string_view path_organisation;       // the route's organisation path parameter, if any
  std::string_view requested_municipality;  // ?municipality=CODE (API callers with several)
};

struct Decision {
  std::string municipality_code;  // municipal audiences: the tenant this request works in
  std::optional<int64_t> organisation_id;
};

// Allowed: the decision. Denied: kUnauthenticated (nobody logged in), kPermissionDenied (no role
// that fits), kNotFound (a municipality or organisation that is not the caller's: it must look
// exactly like one that does not exist), kInvalidArgument (a caller in several municipalities
// who did not say which).
Result<Decision> Authorise(const Access& access, const Principal& principal, const AccessRequest& request);

// The units whose municipal work (collaborations) a caller may record in `municipality_code`,
// given the municipality's units: all of them for its municipal admins, platform admins and API
// tokens (a token is issued by a municipal admin for an integration); for an employee, their
// unit(s) and every unit below (a center's employee reaches its departments). Empty otherwise.
std::set<int64_t> UnitsInReach(const Principal& principal, std::string_view municipality_code,
                               const std::vector<Unit>& units);

}  // namespace samskab::domain
