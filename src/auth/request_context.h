// What a handler may take from a request once the policy has let it through: the municipality
// the policy decided (never user input) and the actor for the audit log.
#pragma once

#include <stdexcept>

#include "domain/audit/audit.h"
#include "domain/unit/unit.h"
#include "http/message.h"

namespace samskab::auth {

// The request's tenant. Only routes with a municipal Access have one; asking elsewhere is a bug.
inline domain::MunicipalityScope ScopeOf(const http::Request& request) {
  if (request.municipality.empty())
    throw std::logic_error("route " + request.route_name + " has no municipal access requirement");
  return domain::MunicipalityScope(request.municipality);
}

inline domain::Actor ActorOf(const http::Request& request) {
  static const domain::Principal kPublic;
  return domain::Actor::Of(request.principal ? *request.principal : kPublic, request.request_id);
}

inline const domain::Principal& PrincipalOf(const http::Request& request) {
  static const domain::Principal kPublic;
  return request.principal ? *request.principal : kPublic;
}

}  // namespace samskab::auth
