#include "api/offers_api.h"

#include <fmt/format.h>

#include "api/json_api.h"
#include "api/market_fields.h"
#include "api/need_offer_fields.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "domain/collaboration/model.h"

namespace samskab::api {
namespace {

using domain::Offer;
constexpr std::string_view kEtagKind = "offer";

Result<int64_t> OfferId(const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("offer id is not a number", "offer.error.not_found");
  return *id;
}

http::Response OfferResponse(int status, const Offer& o) {
  http::Response response = Json(status, domain::OfferToJson(o));
  response.headers.Add("ETag", Etag(kEtagKind, std::to_string(o.id), o.revision));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

http::Response PageResponse(const storage::OfferPage& page, const storage::OfferFilter& filter) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : page.items) items.push_back(domain::OfferToJson(o));
  nlohmann::json body = OffsetListBody(std::move(items), filter.offset, page.total);
  auto response = Json(200, body);
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

domain::OfferViewer ViewerOf(const http::Request& request) {
  return domain::OfferViewerOf(auth::PrincipalOf(request));
}

Result<http::Response> Change(http::Request& request, storage::OfferStore& offers, bool replace) {
  auto id = OfferId(request);
  if (!id.ok()) return id.status();
  const auto viewer = ViewerOf(request);
  // An offer the caller may not see is 404 before If-Match is asked about.
  auto current = offers.Get(viewer, *id);
  if (!current.ok()) return current.status();
  auto revision = RequiredIfMatch(request, kEtagKind, std::to_string(*id));
  if (!revision.ok()) return revision.status();
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.status();
  Offer o;
  if (replace) {
    o.id = current->id;
    o.kind = current->kind;
    o.organisation_id = current->organisation_id;
    o.user_id = current->user_id;
  } else {
    o = *current;
  }
  SAMSKAB_RETURN_IF_ERROR(ReadOfferFields(*body, o, /*creating=*/false));
  if (replace && !body->contains("title")) return ValidationFailed({{"title", "validation.required"}});
  auto updated = offers.Update(viewer, auth::ActorOf(request), o, *revision);
  if (!updated.ok()) return updated.status();
  return OfferResponse(200, *updated);
}

}  // namespace

Result<storage::OfferFilter> ReadOfferFilter(const http::Request& request) {
  auto query = ReadListQuery(request);
  if (!query.ok()) return query.status();
  const text::Params& params = query->params;
  storage::OfferFilter filter;
  filter.limit = query->limit;
  filter.offset = query->offset;
  FieldProblems problems;
  ReadParamChoice(params, "status", domain::ParseMarketStatus, filter.status, problems,
                  "market.error.status");
  ReadParamChoice(params, "kind", domain::ParseOfferKind, filter.kind, problems, "offer.error.kind");
  ReadParamId(params, "organisation_id", filter.organisation_id, problems);
  if (const auto kind = text::Find(params, "organisation_kind"); kind && !kind->empty()) {
    if (domain::ParseOrganisationKind(*kind)) {
      filter.organisation_kind = std::string(*kind);
    } else {
      problems.Add("organisation_kind", "organisation.error.kind");
    }
  }
  if (const auto mine = text::Find(params, "mine"); mine && !mine->empty()) {
    if (*mine == "true") {
      filter.own_only = true;
    } else if (*mine != "false") {
      problems.Add("mine", "validation.type_boolean");
    }
  }
  if (!problems.empty()) return std::move(problems).Failed();
  return filter;
}

void RegisterOfferApi(http::Router& router, storage::OfferStore& offers) {
  using domain::Access;
  router.Add("GET", "/api/v1/offers", Access::SignedIn(),
             [&offers](http::Request& request) -> Result<http::Response> {
               auto filter = ReadOfferFilter(request);
               if (!filter.ok()) return filter.status();
               auto page = offers.List(ViewerOf(request), *filter);
               if (!page.ok()) return page.status();
               return PageResponse(*page, *filter);
             });

  router.Add("POST", "/api/v1/offers", Access::SignedIn(),
             [&offers](http::Request& request) -> Result<http::Response> {
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               Offer o;
               SAMSKAB_RETURN_IF_ERROR(ReadOfferFields(*body, o, /*creating=*/true));
               // Without an organisation the offer is the person's own (an API token has no person).
               const auto& principal = auth::PrincipalOf(request);
               if (!o.organisation_id && principal.kind == domain::Principal::Kind::kUser)
                 o.user_id = principal.user_id;
               auto created = offers.Create(ViewerOf(request), auth::ActorOf(request), o);
               if (!created.ok()) return created.status();
               auto response = OfferResponse(201, *created);
               response.headers.Add("Location", fmt::format("/api/v1/offers/{}", created->id));
               return response;
             });

  router.Add("GET", "/api/v1/offers/{id}", Access::SignedIn(),
             [&offers](http::Request& request) -> Result<http::Response> {
               auto id = OfferId(request);
               if (!id.ok()) return id.status();
               auto o = offers.Get(ViewerOf(request), *id);
               if (!o.ok()) return o.status();
               const std::string etag = Etag(kEtagKind, std::to_string(o->id), o->revision);
               if (NotModified(request, etag)) {
                 http::Response response;
                 response.status = 304;
                 response.headers.Add("ETag", etag);
                 return response;
               }
               return OfferResponse(200, *o);
             });

  router.Add("PUT", "/api/v1/offers/{id}", Access::SignedIn(),
             [&offers](http::Request& request) { return Change(request, offers, /*replace=*/true); });
  router.Add("PATCH", "/api/v1/offers/{id}", Access::SignedIn(),
             [&offers](http::Request& request) { return Change(request, offers, /*replace=*/false); });

  router.Add("DELETE", "/api/v1/offers/{id}", Access::SignedIn(),
             [&offers](http::Request& request) -> Result<http::Response> {
               auto id = OfferId(request);
               if (!id.ok()) return id.status();
               const auto viewer = ViewerOf(request);
               auto current = offers.Get(viewer, *id);
               if (!current.ok()) return current.status();
               auto revision = RequiredIfMatch(request, kEtagKind, std::to_string(*id));
               if (!revision.ok()) return revision.status();
               SAMSKAB_RETURN_IF_ERROR(offers.Delete(viewer, auth::ActorOf(request), *id, *revision));
               http::Response response;
               response.status = 204;
               return response;
             });

  router.Add("GET", "/api/v1/public/offers", Access::Public(),
             [&offers](http::Request& request) -> Result<http::Response> {
               auto filter = ReadOfferFilter(request);
               if (!filter.ok()) return filter.status();
               auto page = offers.ListPublic(*filter);
               if (!page.ok()) return page.status();
               return PageResponse(*page, *filter);
             });

  router.Add("GET", "/api/v1/public/offers/{id}", Access::Public(),
             [&offers](http::Request& request) -> Result<http::Response> {
               auto id = OfferId(request);
               if (!id.ok()) return id.status();
               auto o = offers.GetPublic(*id);
               if (!o.ok()) return o.status();
               return OfferResponse(200, *o);
             });
}

}  // namespace samskab::api
