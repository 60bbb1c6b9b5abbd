#include "api/applications_api.h"

#include <fmt/format.h>

#include "api/json_api.h"
#include "api/market_fields.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "domain/access/policy.h"

namespace samskab::api {
namespace {

using domain::Application;
using domain::Party;

Result<int64_t> PathId(const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("id is not a number");
  return *id;
}

http::Response ApplicationResponse(int status, const Application& a) {
  http::Response response = Json(status, domain::ApplicationToJson(a));
  response.headers.Add("ETag", Etag("application", std::to_string(a.id), a.revision));
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

// The application at {id} and the caller's side of it.
struct Target {
  Application application;
  Party party = Party::kApplicant;
};
Result<Target> TargetOf(const http::Request& request, const ApplicationApiDependencies& deps) {
  auto id = PathId(request);
  if (!id.ok()) return id.status();
  auto a = deps.applications.Get(*id);
  if (!a.ok()) return a.status();
  auto party = PartyFor(auth::PrincipalOf(request), *a, deps.units);
  if (!party.ok()) return party.status();
  return Target{std::move(a).value(), *party};
}

Result<http::Response> List(const http::Request& request, const ApplicationApiDependencies& deps) {
  auto query = ReadListQuery(request);
  if (!query.ok()) return query.status();
  const auto& principal = auth::PrincipalOf(request);
  Result<storage::ApplicationPage> list = storage::ApplicationPage{};
  if (const auto given = text::Find(query->params, "opportunity_id")) {
    const auto id = text::ParsePositiveId(*given);
    if (!id) return ValidationFailed({{"opportunity_id", "validation.number"}});
    auto opportunity = deps.applications.Opportunity(*id);
    if (!opportunity.ok()) return opportunity.status();
    auto poster = IsPosterOf(principal, *opportunity, deps.units);
    if (!poster.ok()) return poster.status();
    // Another's opportunity looks like one that does not exist.
    if (!*poster) return NotFound("not the poster of this opportunity", "application.error.no_opportunity");
    list = deps.applications.ListForOpportunity(*id, storage::ApplicationOrder::kById, query->offset,
                                                query->limit);
  } else if (principal.kind == domain::Principal::Kind::kUser) {
    list = deps.applications.ListForUser(principal.user_id, query->offset, query->limit);
  }
  if (!list.ok()) return list.status();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : list->items) items.push_back(domain::ApplicationToJson(a));
  nlohmann::json body = OffsetListBody(std::move(items), query->offset, list->total);
  auto response = Json(200, body);
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

// POST /api/v1/applications: {opportunity_id, name?, phone?, motivation?}; the e-mail address is
// the account's, the name defaults to the account's.
Result<http::Response> Apply(const http::Request& request, const ApplicationApiDependencies& deps) {
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.status();
  const auto& principal = auth::PrincipalOf(request);
  Application a;
  a.user_id = principal.user_id;
  a.email = principal.email;
  a.name = principal.display_name;
  std::vector<FieldProblem> problems;
  bool has_opportunity = false;
  for (const auto& [key, value] : body->items()) {
    if (key == "opportunity_id") {
      if (value.is_number_integer() && value.get<int64_t>() > 0) {
        a.opportunity_id = value.get<int64_t>();
        has_opportunity = true;
      } else {
        problems.push_back({key, "validation.number"});
      }
    } else if (key == "name" || key == "phone" || key == "motivation") {
      if (!value.is_string()) {
        problems.push_back({key, "validation.type_text"});
        continue;
      }
      (key == "name" ? a.name : key == "phone" ? a.phone : a.motivation) = value.get<std::string>();
    } else {
      problems.push_back({key, "error.unknown_field"});
    }
  }
  if (!has_opportunity && problems.empty()) problems.push_back({"opportunity_id", "validation.required"});
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  auto applied = deps.applications.Apply(auth::ActorOf(request), a, request.lang);
  if (!applied.ok()) return applied.status();
  auto response = ApplicationResponse(201, applied->application);
  response.headers.Add("Location", fmt::format("/api/v1/applications/{}", applied->application.id));
  return response;
}

Result<http::Response> GetOne(const http::Request& request, const ApplicationApiDependencies& deps) {
  auto target = TargetOf(request, deps);
  if (!target.ok()) return target.status();
  const std::string etag =
      Etag("application", std::to_string(target->application.id), target->application.revision);
  if (NotModified(request, etag)) {
    http::Response response;
    response.status = 304;
    response.headers.Add("ETag", etag);
    return response;
  }
  return ApplicationResponse(200, target->application);
}

// POST /api/v1/applications/{id}/state: {state, child_certificate_confirmed?} with If-Match.
Result<http::Response> ChangeState(const http::Request& request, const ApplicationApiDependencies& deps) {
  auto target = TargetOf(request, deps);
  if (!target.ok()) return target.status();
  auto revision = RequiredIfMatch(request, "application", std::to_string(target->application.id));
  if (!revision.ok()) return revision.status();
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.status();
  std::optional<domain::ApplicationState> to;
  bool confirmed = false;
  std::vector<FieldProblem> problems;
  for (const auto& [key, value] : body->items()) {
    if (key == "state") {
      to = value.is_string() ? domain::ParseApplicationState(value.get<std::string>()) : std::nullopt;
      if (!to) problems.push_back({key, "application.error.state"});
    } else if (key == "child_certificate_confirmed") {
      if (value.is_boolean()) {
        confirmed = value.get<bool>();
      } else {
        problems.push_back({key, "validation.type_boolean"});
      }
    } else {
      problems.push_back({key, "error.unknown_field"});
    }
  }
  if (!to && problems.empty()) problems.push_back({"state", "validation.required"});
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  auto changed = deps.applications.ChangeState(auth::ActorOf(request), target->application.id, *to,
                                               target->party, *revision, confirmed);
  if (!changed.ok()) return changed.status();
  return ApplicationResponse(200, *changed);
}

Result<http::Response> Messages(const http::Request& request, const ApplicationApiDependencies& deps) {
  auto target = TargetOf(request, deps);
  if (!target.ok()) return target.status();
  auto messages = deps.applications.Messages(target->application.id);
  if (!messages.ok()) return messages.status();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : *messages) items.push_back(domain::MessageToJson(m));
  auto response = Json(200, ListBody(std::move(items), std::nullopt));
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

Result<http::Response> AddMessage(const http::Request& request, const ApplicationApiDependencies& deps) {
  auto target = TargetOf(request, deps);
  if (!target.ok()) return target.status();
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.status();
  std::string text;
  std::vector<FieldProblem> problems;
  for (const auto& [key, value] : body->items()) {
    if (key == "body" && value.is_string()) {
      text = value.get<std::string>();
    } else {
      problems.push_back({key, key == "body" ? "validation.type_text" : "error.unknown_field"});
    }
  }
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  auto added = deps.applications.AddMessage(auth::ActorOf(request), target->application.id, target->party,
                                            std::move(text));
  if (!added.ok()) return added.status();
  auto response = Json(201, domain::MessageToJson(*added));
  response.headers.Add("Location", fmt::format("/api/v1/applications/{}/messages", target->application.id));
  return response;
}

}  // namespace

Result<bool> IsPosterOf(const domain::Principal& principal, const domain::OpportunityFacts& opportunity,
                        domain::UnitRepository& units) {
  if (principal.IsPublic()) return false;
  std::set<int64_t> reach;
  if (opportunity.unit_id) {
    auto all = units.List(domain::MunicipalityScope(opportunity.municipality_code));
    if (!all.ok()) return all.status();
    reach = domain::UnitsInReach(principal, opportunity.municipality_code, *all);
  }
  return domain::IsPoster(principal, opportunity, reach);
}

Result<Party> PartyFor(const domain::Principal& principal, const Application& a,
                       domain::UnitRepository& units) {
  if (principal.kind == domain::Principal::Kind::kUser && a.user_id == principal.user_id)
    return Party::kApplicant;
  if (a.state != domain::ApplicationState::kUnverified) {
    auto poster = IsPosterOf(principal, a.opportunity, units);
    if (!poster.ok()) return poster.status();
    if (*poster) return Party::kPoster;
  }
  return NotFound(fmt::format("application {} is not the caller's", a.id));
}

void RegisterApplicationApi(http::Router& router, const ApplicationApiDependencies& deps) {
  const auto route =
      [&deps](Result<http::Response> (*handler)(const http::Request&, const ApplicationApiDependencies&)) {
        return [&deps, handler](http::Request& request) { return handler(request, deps); };
      };
  const auto signed_in = domain::Access::SignedIn();
  router.Add("GET", "/api/v1/applications", signed_in, route(List));
  // Applying needs a person: an API token applies for nobody.
  router.Add("POST", "/api/v1/applications", domain::Access::Person(), route(Apply));
  router.Add("GET", "/api/v1/applications/{id}", signed_in, route(GetOne));
  router.Add("POST", "/api/v1/applications/{id}/state", signed_in, route(ChangeState));
  router.Add("GET", "/api/v1/applications/{id}/messages", signed_in, route(Messages));
  router.Add("POST", "/api/v1/applications/{id}/messages", signed_in, route(AddMessage));
}

}  // namespace samskab::api
