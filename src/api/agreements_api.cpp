#include "api/agreements_api.h"

#include <fmt/format.h>

#include "api/collaborations_api.h"
#include "api/json_api.h"
#include "auth/request_context.h"
#include "core/text.h"

namespace samskab::api {
namespace {

using domain::PartnershipAgreement;

Result<int64_t> PathId(const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("id is not a number");
  return *id;
}

http::Response AgreementResponse(int status, const PartnershipAgreement& a) {
  http::Response response = Json(status, domain::AgreementToJson(a));
  response.headers.Add("ETag", Etag("agreement", std::to_string(a.id), a.revision));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

// The caller may change agreements of a collaboration whose units are in their reach.
Status CheckReach(const http::Request& request, const AgreementApiDependencies& deps,
                  int64_t collaboration_id) {
  auto collaboration = deps.collaborations.Get(auth::ScopeOf(request), collaboration_id);
  if (!collaboration.ok()) return collaboration.status();
  return CheckUnitReach(request, deps.units, &*collaboration, {});
}

struct Target {
  PartnershipAgreement current;
  int64_t revision = 0;
};
Result<Target> ChangeTarget(const http::Request& request, const AgreementApiDependencies& deps) {
  auto id = PathId(request);
  if (!id.ok()) return id.status();
  auto current = deps.agreements.Get(auth::ScopeOf(request), *id);
  if (!current.ok()) return current.status();
  auto revision = RequiredIfMatch(request, "agreement", std::to_string(*id));
  if (!revision.ok()) return revision.status();
  SAMSKAB_RETURN_IF_ERROR(CheckReach(request, deps, current->collaboration_id));
  return Target{std::move(current).value(), *revision};
}

}  // namespace

Status ReadAgreementFields(const nlohmann::json& body, PartnershipAgreement& a) {
  std::vector<FieldProblem> problems;
  const auto text_field = [&](const std::string& key, const nlohmann::json& value, std::string& out) {
    if (value.is_string()) {
      out = value.get<std::string>();
    } else {
      problems.push_back({key, "validation.type_text"});
    }
  };
  const auto date_field = [&](const std::string& key, const nlohmann::json& value,
                              std::optional<std::string>& out) {
    if (value.is_null()) {
      out.reset();
    } else if (value.is_string()) {
      out = value.get<std::string>();
    } else {
      problems.push_back({key, "validation.date"});
    }
  };
  for (const auto& [key, value] : body.items()) {
    if (key == "municipality_obligations") {
      text_field(key, value, a.municipality_obligations);
    } else if (key == "partner_obligations") {
      text_field(key, value, a.partner_obligations);
    } else if (key == "signed_on") {
      date_field(key, value, a.signed_on);
    } else if (key == "review_on") {
      date_field(key, value, a.review_on);
    } else if (key == "status") {
      auto status = value.is_string() ? domain::ParseAgreementStatus(value.get<std::string>()) : std::nullopt;
      if (status) {
        a.status = *status;
      } else {
        problems.push_back({key, "agreement.error.status_change"});
      }
    } else if (key == "responsible_user_id") {
      if (value.is_null()) {
        a.responsible_user_id.reset();
      } else if (value.is_number_integer()) {
        a.responsible_user_id = value.get<int64_t>();
      } else {
        problems.push_back({key, "validation.number"});
      }
    } else {
      problems.push_back({key, "error.unknown_field"});
    }
  }
  return problems.empty() ? Status::Ok() : ValidationFailed(std::move(problems));
}

void RegisterAgreementApi(http::Router& router, const AgreementApiDependencies& deps) {
  router.Add("GET", "/api/v1/collaborations/{id}/agreements", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto id = PathId(request);
               if (!id.ok()) return id.status();
               auto collaboration = deps.collaborations.Get(auth::ScopeOf(request), *id);
               if (!collaboration.ok()) return collaboration.status();
               auto list = deps.agreements.ListForCollaboration(auth::ScopeOf(request), *id);
               if (!list.ok()) return list.status();
               nlohmann::json items = nlohmann::json::array();
               for (const auto& a : *list) items.push_back(domain::AgreementToJson(a));
               return Json(200, {{"items", std::move(items)}});
             });

  router.Add("POST", "/api/v1/collaborations/{id}/agreements", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto id = PathId(request);
               if (!id.ok()) return id.status();
               SAMSKAB_RETURN_IF_ERROR(CheckReach(request, deps, *id));
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               PartnershipAgreement a;
               a.collaboration_id = *id;
               SAMSKAB_RETURN_IF_ERROR(ReadAgreementFields(*body, a));
               auto created = deps.agreements.Create(auth::ScopeOf(request), auth::ActorOf(request), a);
               if (!created.ok()) return created.status();
               auto response = AgreementResponse(201, *created);
               response.headers.Add("Location", fmt::format("/api/v1/agreements/{}", created->id));
               return response;
             });

  router.Add("GET", "/api/v1/agreements/{id}", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto id = PathId(request);
               if (!id.ok()) return id.status();
               auto a = deps.agreements.Get(auth::ScopeOf(request), *id);
               if (!a.ok()) return a.status();
               return AgreementResponse(200, *a);
             });

  router.Add("PATCH", "/api/v1/agreements/{id}", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto target = ChangeTarget(request, deps);
               if (!target.ok()) return target.status();
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               PartnershipAgreement a = target->current;
               SAMSKAB_RETURN_IF_ERROR(ReadAgreementFields(*body, a));
               auto updated = deps.agreements.Update(auth::ScopeOf(request), auth::ActorOf(request), a,
                                                     target->revision);
               if (!updated.ok()) return updated.status();
               return AgreementResponse(200, *updated);
             });

  router.Add("DELETE", "/api/v1/agreements/{id}", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto target = ChangeTarget(request, deps);
               if (!target.ok()) return target.status();
               SAMSKAB_RETURN_IF_ERROR(deps.agreements.Delete(auth::ScopeOf(request), auth::ActorOf(request),
                                                              target->current.id, target->revision));
               http::Response response;
               response.status = 204;
               return response;
             });

  router.Add("GET", "/api/v1/me/tasks", domain::Access::Person(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto due = deps.agreements.DueFor(auth::PrincipalOf(request).user_id, deps.today());
               if (!due.ok()) return due.status();
               nlohmann::json items = nlohmann::json::array();
               for (const auto& a : *due) {
                 items.push_back({{"kind", "agreement_review"},
                                  {"due_on", *a.review_on},
                                  {"overdue", *a.review_on < deps.today()},
                                  {"agreement", domain::AgreementToJson(a)},
                                  {"href", fmt::format("/admin/{}/collaborations/{}", a.municipality_code,
                                                       a.collaboration_id)}});
               }
               auto response = Json(200, {{"items", std::move(items)}});
               response.headers.Add("Cache-Control", "no-store");
               return response;
             });
}

}  // namespace samskab::api
