#include "api/municipalities_api.h"

#include "api/json_api.h"

namespace samskab::api {
namespace {

nlohmann::json ToJson(const domain::Municipality& m) {
  return {{"code", m.code},
          {"official_code", m.official_code},
          {"country", m.country},
          {"name", m.name},
          {"region_code", m.region_code},
          {"region_name", m.region_name},
          {"updated_at", m.updated_at}};
}

}  // namespace

void RegisterMunicipalityApi(http::Router& router, domain::MunicipalityRepository& municipalities) {
  router.Add("GET", "/api/v1/municipalities", domain::Access::Public(),
             [&municipalities](http::Request& request) -> Result<http::Response> {
               auto page = ParsePageRequest(request);
               if (!page.ok()) return (page.status());
               // One row more than asked tells whether there is a next page.
               auto rows = municipalities.ListActive(page->limit + 1, page->after);
               if (!rows.ok()) return (rows.status());
               std::optional<std::string> next;
               if (static_cast<int>(rows->size()) > page->limit) {
                 rows->pop_back();
                 next = rows->back().code;
               }
               nlohmann::json items = nlohmann::json::array();
               for (const auto& m : *rows) items.push_back(ToJson(m));
               return Json(200, ListBody(std::move(items), next));
             });

  router.Add("GET", "/api/v1/municipalities/{code}", domain::Access::Public(),
             [&municipalities](http::Request& request) -> Result<http::Response> {
               const std::string code(request.PathParam("code"));
               auto municipality = municipalities.Get(code);
               // An inactive municipality looks exactly like one that does not exist.
               if (!municipality.ok() || !municipality->active) {
                 if (!municipality.ok() && municipality.status().code() != ErrorCode::kNotFound) {
                   return (municipality.status());
                 }
                 return (NotFound("no active municipality " + code));
               }
               const std::string etag = Etag("municipality", code, municipality->revision);
               http::Response response;
               if (NotModified(request, etag)) {
                 response.status = 304;
               } else {
                 response = Json(200, ToJson(*municipality));
               }
               response.headers.Add("ETag", etag);
               response.headers.Add("Cache-Control", "no-cache");
               return response;
             });
}

}  // namespace samskab::api
