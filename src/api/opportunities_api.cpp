#include "api/opportunities_api.h"

#include <algorithm>

#include <fmt/format.h>

#include "api/json_api.h"
#include "api/market_fields.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "domain/access/policy.h"

namespace samskab::api {
namespace {

using domain::Opportunity;
using domain::Role;
using nlohmann::json;

constexpr std::string_view kEtagKind = "opportunity";

http::Response OpportunityResponse(int status, const Opportunity& o) {
  http::Response response = Json(status, domain::OpportunityToJson(o));
  response.headers.Add("ETag", Etag(kEtagKind, std::to_string(o.id), o.revision));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

Result<int64_t> OpportunityId(const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("opportunity id is not a number", "opportunity.error.not_found");
  return *id;
}

bool IsStaff(const domain::Principal& principal) {
  return principal.Has(Role::kPlatformAdmin) || principal.Has(Role::kMunicipalAdmin) ||
         principal.Has(Role::kMunicipalEmployee);
}

bool InOrganisation(const domain::Principal& principal, int64_t organisation_id) {
  return principal.HasForOrganisation(Role::kOrganisationAdmin, organisation_id) ||
         principal.HasForOrganisation(Role::kOrganisationMember, organisation_id);
}

// The policy's municipality for a staff caller (the same rule as every staff route).
Result<domain::Decision> StaffDecision(const http::Request& request) {
  const auto params = text::ParseUrlEncoded(request.query);
  const std::string requested(params ? text::Find(*params, "municipality").value_or("") : "");
  return domain::Authorise(domain::Access::MunicipalStaff(), auth::PrincipalOf(request), {"", "", requested});
}

Status NotYourUnit() { return ValidationFailed({{"unit_id", "opportunity.error.unit_not_yours"}}); }

Status CheckReach(const http::Request& request, domain::UnitRepository& units,
                  const std::string& municipality, const std::vector<int64_t>& unit_ids) {
  const domain::MunicipalityScope scope(municipality);
  auto all = units.List(scope);
  if (!all.ok()) return all.status();
  const auto reach = domain::UnitsInReach(auth::PrincipalOf(request), municipality, *all);
  for (const int64_t id : unit_ids) {
    if (reach.contains(id)) continue;
    const bool exists =
        std::any_of(all->begin(), all->end(), [&](const domain::Unit& u) { return u.id == id; });
    return exists ? NotYourUnit() : ValidationFailed({{"unit_id", "opportunity.error.unknown_unit"}});
  }
  return Status::Ok();
}

}  // namespace

Result<storage::OpportunityManager> OpportunityManagerOf(const http::Request& request) {
  const domain::Principal& principal = auth::PrincipalOf(request);
  storage::OpportunityManager manager;
  for (const auto& grant : principal.grants) {
    const bool organisation_role =
        grant.role == Role::kOrganisationAdmin || grant.role == Role::kOrganisationMember;
    if (organisation_role && grant.organisation_id)
      manager.organisation_ids.push_back(*grant.organisation_id);
  }
  if (IsStaff(principal)) {
    auto decision = StaffDecision(request);
    if (decision.ok()) {
      manager.municipality_code = decision->municipality_code;
    } else if (manager.organisation_ids.empty()) {
      return decision.status();
    }
  }
  return manager;
}

Status CheckMayChangeOpportunity(const http::Request& request, domain::UnitRepository& units,
                                 const Opportunity* current, const Opportunity& wanted) {
  const domain::Principal& principal = auth::PrincipalOf(request);
  const Opportunity& poster = current ? *current : wanted;
  if (poster.organisation_id) {
    if (InOrganisation(principal, *poster.organisation_id)) return Status::Ok();
    if (!current) return ValidationFailed({{"organisation_id", "opportunity.error.organisation_not_yours"}});
    return Status(ErrorCode::kPermissionDenied, "not a member of the posting organisation",
                  "opportunity.error.organisation_not_yours");
  }
  if (!IsStaff(principal))
    return Status(ErrorCode::kPermissionDenied, "only municipal staff post for units",
                  "opportunity.error.poster");
  auto decision = StaffDecision(request);
  if (!decision.ok()) return decision.status();
  if (decision->municipality_code != poster.municipality_code)
    return current ? NotFound("another municipality's opportunity", "opportunity.error.not_found")
                   : ValidationFailed({{"municipality_code", "opportunity.error.municipality"}});
  std::vector<int64_t> unit_ids;
  if (current && current->unit_id) unit_ids.push_back(*current->unit_id);
  if (wanted.unit_id) unit_ids.push_back(*wanted.unit_id);
  return CheckReach(request, units, decision->municipality_code, unit_ids);
}

Status ReadOpportunityBody(const json& body, const storage::OpportunityStore& store, Opportunity& o,
                           bool creating) {
  FieldProblems problems;
  const auto read_id = [&](const json& value, const std::string& field, std::optional<int64_t>& out) {
    if (value.is_null()) {
      out.reset();
    } else if (value.is_number_integer() && value.get<int64_t>() > 0) {
      out = value.get<int64_t>();
    } else {
      problems.Add(field, "validation.number");
    }
  };
  for (const auto& [key, value] : body.items()) {
    if (key == "title") {
      ReadText(value, key, o.title, problems);
    } else if (key == "description") {
      ReadText(value, key, o.description, problems);
    } else if (key == "skills") {
      ReadTextList(value, key, o.skills, problems);
    } else if (key == "welfare_areas") {
      ReadTextList(value, key, o.welfare_areas, problems);
    } else if (key == "target_groups") {
      ReadTextList(value, key, o.target_groups, problems);
    } else if (key == "availability") {
      ReadAvailability(value, key, o.availability, problems);
    } else if (key == "time_note") {
      ReadText(value, key, o.time_note, problems);
    } else if (key == "postcode") {
      ReadOptionalText(value, key, o.postcode, problems);
    } else if (key == "capacity") {
      ReadInteger(value, key, o.capacity, problems);
    } else if (key == "starts_on") {
      ReadOptionalText(value, key, o.starts_on, problems);
    } else if (key == "ends_on") {
      ReadOptionalText(value, key, o.ends_on, problems);
    } else if (key == "involves_children") {
      ReadFlag(value, key, o.involves_children, problems);
    } else if (key == "status") {
      ReadChoice(value, key, domain::ParseOpportunityStatus, o.status, problems, "opportunity.error.status");
    } else if (key == "unit_id") {
      read_id(value, key, o.unit_id);
    } else if (key == "organisation_id" && creating) {
      read_id(value, key, o.organisation_id);
    } else if (key == "municipality_code" && creating) {
      ReadText(value, key, o.municipality_code, problems);
    } else {
      problems.Add(key, "error.unknown_field");
    }
  }
  if (!body.contains("capacity")) problems.Add("capacity", "validation.required");
  Opportunity checked = o;
  problems.AddAll(store.Normalise(checked));
  if (!problems.empty()) return std::move(problems).Failed();
  return Status::Ok();
}

void RegisterOpportunityApi(http::Router& router, const OpportunityApiDependencies& deps) {
  using domain::Access;
  router.Add("GET", "/api/v1/opportunities", Access::SignedIn(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto manager = OpportunityManagerOf(request);
               if (!manager.ok()) return manager.status();
               auto query = ReadListQuery(request);
               if (!query.ok()) return query.status();
               std::optional<domain::OpportunityStatus> status;
               FieldProblems problems;
               ReadParamChoice(query->params, "status", domain::ParseOpportunityStatus, status, problems,
                               "opportunity.error.status");
               if (!problems.empty()) return std::move(problems).Failed();
               auto list = deps.opportunities.List(*manager, status, query->offset, query->limit);
               if (!list.ok()) return list.status();
               json items = json::array();
               for (const auto& o : list->items) items.push_back(domain::OpportunityToJson(o));
               json body = OffsetListBody(std::move(items), query->offset, list->total);
               auto response = Json(200, body);
               response.headers.Add("Cache-Control", "no-cache");
               return response;
             });

  router.Add("POST", "/api/v1/opportunities", Access::SignedIn(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               Opportunity o;
               const domain::Principal& principal = auth::PrincipalOf(request);
               // A unit's post is in the staff's own municipality, whatever the body says.
               const bool unit_post = body->contains("unit_id") && !(*body)["unit_id"].is_null();
               if (unit_post && IsStaff(principal)) {
                 auto decision = StaffDecision(request);
                 if (!decision.ok()) return decision.status();
                 if (body->contains("municipality_code") &&
                     (*body)["municipality_code"] != decision->municipality_code)
                   return ValidationFailed({{"municipality_code", "opportunity.error.municipality"}});
                 o.municipality_code = decision->municipality_code;
               }
               SAMSKAB_RETURN_IF_ERROR(ReadOpportunityBody(*body, deps.opportunities, o, /*creating=*/true));
               if (o.organisation_id && o.municipality_code.empty())
                 return ValidationFailed({{"municipality_code", "validation.required"}});
               SAMSKAB_RETURN_IF_ERROR(CheckMayChangeOpportunity(request, deps.units, nullptr, o));
               auto created = deps.opportunities.Create(auth::ActorOf(request), o);
               if (!created.ok()) return created.status();
               auto response = OpportunityResponse(201, *created);
               response.headers.Add("Location", fmt::format("/api/v1/opportunities/{}", created->id));
               return response;
             });

  router.Add("GET", "/api/v1/opportunities/{id}", Access::Public(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto id = OpportunityId(request);
               if (!id.ok()) return id.status();
               // Who manages it sees drafts and closed ones; everyone else open ones only.
               Result<Opportunity> found = NotFound("not managed");
               if (!auth::PrincipalOf(request).IsPublic()) {
                 auto manager = OpportunityManagerOf(request);
                 if (manager.ok()) found = deps.opportunities.Get(*manager, *id);
               }
               if (!found.ok()) found = deps.opportunities.GetOpen(*id);
               if (!found.ok()) return found.status();
               const std::string etag = Etag(kEtagKind, std::to_string(found->id), found->revision);
               if (NotModified(request, etag)) return NotModifiedResponse(etag);
               return OpportunityResponse(200, *found);
             });

  router.Add("PUT", "/api/v1/opportunities/{id}", Access::SignedIn(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto id = OpportunityId(request);
               if (!id.ok()) return id.status();
               auto manager = OpportunityManagerOf(request);
               if (!manager.ok()) return manager.status();
               auto current = deps.opportunities.Get(*manager, *id);
               if (!current.ok()) return current.status();
               auto revision = RequiredIfMatch(request, kEtagKind, std::to_string(*id));
               if (!revision.ok()) return revision.status();
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               // PUT replaces the post; who posted it and where stay.
               Opportunity o;
               o.id = current->id;
               o.municipality_code = current->municipality_code;
               o.organisation_id = current->organisation_id;
               if (!current->organisation_id) o.unit_id = current->unit_id;
               SAMSKAB_RETURN_IF_ERROR(ReadOpportunityBody(*body, deps.opportunities, o, /*creating=*/false));
               SAMSKAB_RETURN_IF_ERROR(CheckMayChangeOpportunity(request, deps.units, &*current, o));
               auto updated = deps.opportunities.Update(*manager, auth::ActorOf(request), o, *revision);
               if (!updated.ok()) return updated.status();
               return OpportunityResponse(200, *updated);
             });

  router.Add(
      "DELETE", "/api/v1/opportunities/{id}", Access::SignedIn(),
      [&deps](http::Request& request) -> Result<http::Response> {
        auto id = OpportunityId(request);
        if (!id.ok()) return id.status();
        auto manager = OpportunityManagerOf(request);
        if (!manager.ok()) return manager.status();
        auto current = deps.opportunities.Get(*manager, *id);
        if (!current.ok()) return current.status();
        auto revision = RequiredIfMatch(request, kEtagKind, std::to_string(*id));
        if (!revision.ok()) return revision.status();
        SAMSKAB_RETURN_IF_ERROR(CheckMayChangeOpportunity(request, deps.units, &*current, *current));
        SAMSKAB_RETURN_IF_ERROR(deps.opportunities.Delete(*manager, auth::ActorOf(request), *id, *revision));
        http::Response response;
        response.status = 204;
        return response;
      });
}

}  // namespace samskab::api
