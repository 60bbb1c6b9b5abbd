#include "api/need_approvals_api.h"

#include <fmt/format.h>

#include "api/json_api.h"
#include "api/market_fields.h"
#include "api/needs_api.h"
#include "auth/request_context.h"
#include "core/text.h"

namespace samskab::api {
namespace {

using domain::NeedApproval;
constexpr std::string_view kEtagKind = "need_approval";

std::string EtagId(int64_t need_id, int64_t offer_id) { return fmt::format("{}.{}", need_id, offer_id); }

std::string EtagOf(const NeedApproval& a) {
  return Etag(kEtagKind, EtagId(a.need_id, a.offer_id), a.revision);
}

http::Response ApprovalResponse(int status, const NeedApproval& a) {
  http::Response response = Json(status, domain::NeedApprovalToJson(a));
  response.headers.Add("ETag", EtagOf(a));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

Result<int64_t> PathId(const http::Request& request, std::string_view name, const char* key) {
  const auto id = text::ParsePositiveId(request.PathParam(name));
  if (!id) return NotFound(fmt::format("{} is not a number", name), key);
  return *id;
}

struct ApprovalKey {
  int64_t organisation_id = 0;
  int64_t need_id = 0;
  int64_t offer_id = 0;
};

Result<ApprovalKey> KeyOf(const http::Request& request) {
  if (!request.organisation_id) return Internal("organisation route without an organisation");
  auto need = PathId(request, "need", "need_approval.error.not_found");
  if (!need.ok()) return need.status();
  auto offer = PathId(request, "offer", "need_approval.error.not_found");
  if (!offer.ok()) return offer.status();
  return ApprovalKey{*request.organisation_id, *need, *offer};
}

Result<http::Response> ListForNeed(const NeedApprovalApiDependencies& deps, http::Request& request) {
  auto id = PathId(request, "id", "need.error.not_found");
  if (!id.ok()) return id.status();
  auto list = deps.approvals.ListForNeed(auth::ScopeOf(request), *id);
  if (!list.ok()) return list.status();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : *list) items.push_back(domain::NeedApprovalToJson(a));
  auto response = Json(200, ListBody(std::move(items), std::nullopt));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

Result<http::Response> Ask(const NeedApprovalApiDependencies& deps, http::Request& request) {
  auto id = PathId(request, "id", "need.error.not_found");
  if (!id.ok()) return id.status();
  const auto scope = auth::ScopeOf(request);
  // Another municipality's need is 404 before anything else is said about the request.
  auto need = deps.needs.Get(scope, *id);
  if (!need.ok()) return need.status();
  SAMSKAB_RETURN_IF_ERROR(CheckNeedUnitReach(request, deps.units, &*need, need->unit_id));
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.status();
  FieldProblems problems;
  int64_t offer_id = 0;
  for (const auto& [key, value] : body->items()) {
    if (key == "offer_id") {
      ReadInteger(value, key, offer_id, problems);
    } else {
      problems.Add(key, "error.unknown_field");
    }
  }
  if (!problems.Has("offer_id") && offer_id <= 0)
    problems.Add("offer_id", "need_approval.error.offer_required");
  if (!problems.empty()) return std::move(problems).Failed();
  auto asked = deps.approvals.Ask(scope, auth::ActorOf(request), *id, offer_id);
  if (!asked.ok()) return asked.status();
  return ApprovalResponse(asked->created ? 201 : 200, asked->approval);
}

Result<http::Response> ListForOrganisation(const NeedApprovalApiDependencies& deps, http::Request& request) {
  if (!request.organisation_id) return Internal("organisation route without an organisation");
  auto query = ReadListQuery(request);
  if (!query.ok()) return query.status();
  std::optional<domain::ApprovalDecision> decision;
  FieldProblems problems;
  ReadParamChoice(query->params, "decision", domain::ParseApprovalDecision, decision, problems,
                  "need_approval.error.decision_filter");
  if (!problems.empty()) return std::move(problems).Failed();
  auto list =
      deps.approvals.ListForOrganisation(*request.organisation_id, decision, query->offset, query->limit);
  if (!list.ok()) return list.status();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : list->items) items.push_back(domain::NeedApprovalToJson(a));
  nlohmann::json body = OffsetListBody(std::move(items), query->offset, list->total);
  auto response = Json(200, body);
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

Result<http::Response> GetOne(const NeedApprovalApiDependencies& deps, http::Request& request) {
  auto key = KeyOf(request);
  if (!key.ok()) return key.status();
  auto a = deps.approvals.GetForOrganisation(key->organisation_id, key->need_id, key->offer_id);
  if (!a.ok()) return a.status();
  const std::string etag = EtagOf(*a);
  if (NotModified(request, etag)) return NotModifiedResponse(etag);
  return ApprovalResponse(200, *a);
}

Result<http::Response> Decide(const NeedApprovalApiDependencies& deps, http::Request& request) {
  auto key = KeyOf(request);
  if (!key.ok()) return key.status();
  SAMSKAB_RETURN_IF_ERROR(CheckDecidesFor(request, key->organisation_id));
  // Someone else's approval is 404 before If-Match is asked about.
  auto current = deps.approvals.GetForOrganisation(key->organisation_id, key->need_id, key->offer_id);
  if (!current.ok()) return current.status();
  auto revision = RequiredIfMatch(request, kEtagKind, EtagId(key->need_id, key->offer_id));
  if (!revision.ok()) return revision.status();
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.status();
  auto choice = ReadApprovalChoice(*body);
  if (!choice.ok()) return choice.status();
  auto decided = deps.approvals.Decide(key->organisation_id, auth::ActorOf(request), key->need_id,
                                       key->offer_id, *choice, *revision);
  if (!decided.ok()) return decided.status();
  return ApprovalResponse(200, *decided);
}

}  // namespace

Status CheckDecidesFor(const http::Request& request, int64_t organisation_id) {
  if (auth::PrincipalOf(request).HasForOrganisation(domain::Role::kOrganisationAdmin, organisation_id))
    return Status::Ok();
  return Status(ErrorCode::kPermissionDenied, "only the partner organisation's admins decide",
                "need_approval.error.not_partner");
}

Result<domain::ApprovalChoice> ReadApprovalChoice(const nlohmann::json& body) {
  FieldProblems problems;
  domain::ApprovalChoice choice;
  std::string decision;  // absent: "", which is no decision
  for (const auto& [key, value] : body.items()) {
    if (key == "decision") {
      ReadText(value, key, decision, problems);
    } else if (key == "direct_contact") {
      ReadFlag(value, key, choice.direct_contact, problems);
    } else if (key == "note") {
      ReadText(value, key, choice.note, problems);
    } else {
      problems.Add(key, "error.unknown_field");
    }
  }
  if (!problems.Has("decision")) {
    const auto parsed = domain::ParseApprovalDecision(decision);
    if (!parsed || *parsed == domain::ApprovalDecision::kPending) {
      problems.Add("decision", "need_approval.error.decision");
    } else {
      choice.decision = *parsed;
    }
  }
  // The domain's rules (contact only with an approval, the note's length), named at once.
  for (const auto& problem : domain::NormaliseApprovalChoice(choice)) {
    if (!problems.Has(problem.field)) problems.Add(problem.field, problem.message_key);
  }
  if (!problems.empty()) return std::move(problems).Failed();
  return choice;
}

void RegisterNeedApprovalApi(http::Router& router, const NeedApprovalApiDependencies& deps) {
  using domain::Access;
  const auto handler =
      [&deps](Result<http::Response> (*f)(const NeedApprovalApiDependencies&, http::Request&)) {
        return [&deps, f](http::Request& request) { return f(deps, request); };
      };
  router.Add("GET", "/api/v1/needs/{id}/approvals", Access::MunicipalStaff(), handler(ListForNeed));
  router.Add("POST", "/api/v1/needs/{id}/approvals", Access::MunicipalStaff(), handler(Ask));
  const Access organisation_admin = Access::OrganisationAdmin("organisation");
  router.Add("GET", "/api/v1/organisations/{organisation}/need-approvals", organisation_admin,
             handler(ListForOrganisation));
  router.Add("GET", "/api/v1/organisations/{organisation}/need-approvals/{need}/{offer}", organisation_admin,
             handler(GetOne));
  router.Add("PUT", "/api/v1/organisations/{organisation}/need-approvals/{need}/{offer}", organisation_admin,
             handler(Decide));
}

}  // namespace samskab::api
