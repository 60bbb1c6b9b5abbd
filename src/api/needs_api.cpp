#include "api/needs_api.h"

#include <fmt/format.h>

#include "api/json_api.h"
#include "api/market_fields.h"
#include "api/need_offer_fields.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "domain/access/policy.h"

namespace samskab::api {
namespace {

using domain::Need;
constexpr std::string_view kEtagKind = "need";

Result<int64_t> NeedId(const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("need id is not a number", "need.error.not_found");
  return *id;
}

http::Response NeedResponse(int status, const Need& n, bool full) {
  http::Response response = Json(status, domain::NeedToJson(n, full));
  response.headers.Add("ETag", Etag(kEtagKind, std::to_string(n.id), n.revision));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

http::Response PageResponse(const storage::NeedPage& page, const storage::NeedFilter& filter, bool full) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& n : page.items) items.push_back(domain::NeedToJson(n, full));
  nlohmann::json body = OffsetListBody(std::move(items), filter.offset, page.total);
  auto response = Json(200, body);
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

// PUT replaces the need (fields not sent take their defaults); PATCH changes the fields sent.
Result<http::Response> Change(http::Request& request, const NeedApiDependencies& deps, bool replace) {
  auto id = NeedId(request);
  if (!id.ok()) return id.status();
  const auto scope = auth::ScopeOf(request);
  // Another municipality's need is 404 before If-Match is asked about.
  auto current = deps.needs.Get(scope, *id);
  if (!current.ok()) return current.status();
  auto revision = RequiredIfMatch(request, kEtagKind, std::to_string(*id));
  if (!revision.ok()) return revision.status();
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.status();
  Need n;
  if (replace) {
    n.id = current->id;
    n.unit_id = current->unit_id;
  } else {
    n = *current;
  }
  SAMSKAB_RETURN_IF_ERROR(ReadNeedFields(*body, n, /*creating=*/replace, current->vulnerable));
  SAMSKAB_RETURN_IF_ERROR(CheckNeedUnitReach(request, deps.units, &*current, n.unit_id));
  auto updated = deps.needs.Update(scope, auth::ActorOf(request), n, *revision);
  if (!updated.ok()) return updated.status();
  return NeedResponse(200, *updated, true);
}

}  // namespace

Status CheckNeedUnitReach(const http::Request& request, domain::UnitRepository& units, const Need* current,
                          int64_t unit_id) {
  const auto scope = auth::ScopeOf(request);
  auto all = units.List(scope);
  if (!all.ok()) return all.status();
  const std::set<int64_t> reach = domain::UnitsInReach(auth::PrincipalOf(request), scope.code(), *all);
  if (current && !reach.contains(current->unit_id))
    return Status(ErrorCode::kPermissionDenied, "the need's unit is not in the caller's reach",
                  "need.error.unit_not_yours");
  const bool exists =
      std::any_of(all->begin(), all->end(), [&](const domain::Unit& u) { return u.id == unit_id; });
  if (exists && !reach.contains(unit_id)) return ValidationFailed({{"unit_id", "need.error.unit_not_yours"}});
  return Status::Ok();
}

Result<storage::NeedFilter> ReadNeedFilter(const http::Request& request) {
  auto query = ReadListQuery(request);
  if (!query.ok()) return query.status();
  const text::Params& params = query->params;
  storage::NeedFilter filter;
  filter.limit = query->limit;
  filter.offset = query->offset;
  FieldProblems problems;
  ReadParamChoice(params, "status", domain::ParseMarketStatus, filter.status, problems,
                  "market.error.status");
  ReadParamChoice(params, "visibility", domain::ParseNeedVisibility, filter.visibility, problems,
                  "need.error.visibility");
  ReadParamId(params, "unit_id", filter.unit_id, problems);
  if (const auto code = text::Find(params, "municipality"); code && !code->empty())
    filter.municipality_code = std::string(*code);
  if (!problems.empty()) return std::move(problems).Failed();
  return filter;
}

void RegisterNeedApi(http::Router& router, const NeedApiDependencies& deps) {
  using domain::Access;
  router.Add("GET", "/api/v1/needs", Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto filter = ReadNeedFilter(request);
               if (!filter.ok()) return filter.status();
               filter->municipality_code.reset();  // the scope decides
               auto page = deps.needs.List(auth::ScopeOf(request), *filter);
               if (!page.ok()) return page.status();
               return PageResponse(*page, *filter, true);
             });

  router.Add("POST", "/api/v1/needs", Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               Need n;
               SAMSKAB_RETURN_IF_ERROR(ReadNeedFields(*body, n, /*creating=*/true, /*was_vulnerable=*/false));
               SAMSKAB_RETURN_IF_ERROR(CheckNeedUnitReach(request, deps.units, nullptr, n.unit_id));
               auto created = deps.needs.Create(auth::ScopeOf(request), auth::ActorOf(request), n);
               if (!created.ok()) return created.status();
               auto response = NeedResponse(201, *created, true);
               response.headers.Add("Location", fmt::format("/api/v1/needs/{}", created->id));
               return response;
             });

  router.Add("GET", "/api/v1/needs/{id}", Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto id = NeedId(request);
               if (!id.ok()) return id.status();
               auto n = deps.needs.Get(auth::ScopeOf(request), *id);
               if (!n.ok()) return n.status();
               const std::string etag = Etag(kEtagKind, std::to_string(n->id), n->revision);
               if (NotModified(request, etag)) return NotModifiedResponse(etag);
               return NeedResponse(200, *n, true);
             });

  router.Add("PUT", "/api/v1/needs/{id}", Access::MunicipalStaff(),
             [&deps](http::Request& request) { return Change(request, deps, /*replace=*/true); });
  router.Add("PATCH", "/api/v1/needs/{id}", Access::MunicipalStaff(),
             [&deps](http::Request& request) { return Change(request, deps, /*replace=*/false); });

  router.Add("DELETE", "/api/v1/needs/{id}", Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto id = NeedId(request);
               if (!id.ok()) return id.status();
               const auto scope = auth::ScopeOf(request);
               auto current = deps.needs.Get(scope, *id);
               if (!current.ok()) return current.status();
               auto revision = RequiredIfMatch(request, kEtagKind, std::to_string(*id));
               if (!revision.ok()) return revision.status();
               SAMSKAB_RETURN_IF_ERROR(CheckNeedUnitReach(request, deps.units, &*current, current->unit_id));
               SAMSKAB_RETURN_IF_ERROR(deps.needs.Delete(scope, auth::ActorOf(request), *id, *revision));
               http::Response response;
               response.status = 204;
               return response;
             });

  // The public's view: public open needs of every municipality (?municipality=CODE narrows it).
  router.Add("GET", "/api/v1/public/needs", Access::Public(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto filter = ReadNeedFilter(request);
               if (!filter.ok()) return filter.status();
               auto page = deps.needs.ListPublic(*filter);
               if (!page.ok()) return page.status();
               return PageResponse(*page, *filter, false);
             });

  router.Add("GET", "/api/v1/public/needs/{id}", Access::Public(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto id = NeedId(request);
               if (!id.ok()) return id.status();
               auto n = deps.needs.GetPublic(*id);
               if (!n.ok()) return n.status();
               return NeedResponse(200, *n, false);
             });
}

}  // namespace samskab::api
