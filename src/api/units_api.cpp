#include "api/units_api.h"

#include <fmt/format.h>

#include "api/json_api.h"
#include "auth/request_context.h"
#include "core/text.h"

namespace samskab::api {
namespace {

using domain::Unit;

Result<int64_t> UnitId(const http::Request& request) {
  // Not a number: no such unit, exactly as for a number that names none.
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("unit id is not a number");
  return *id;
}

http::Response UnitResponse(int status, const Unit& unit) {
  http::Response response = Json(status, domain::UnitToJson(unit));
  response.headers.Add("ETag", Etag("unit", std::to_string(unit.id), unit.revision));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

// Reads the fields a client may set. Unknown fields are refused: a typo must not pass silently.
Status ReadFields(const nlohmann::json& body, Unit& unit, bool creating) {
  for (const auto& [key, value] : body.items()) {
    if (key == "name") {
      if (!value.is_string()) return InvalidArgument("name must be a string", "unit.error.name_type");
      unit.name = value.get<std::string>();
    } else if (key == "parent_id") {
      if (value.is_null()) {
        unit.parent_id.reset();
      } else if (value.is_number_integer()) {
        unit.parent_id = value.get<int64_t>();
      } else {
        return InvalidArgument("parent_id must be an integer or null", "unit.error.parent_type");
      }
    } else if (key == "kind" && creating) {
      auto kind = value.is_string() ? domain::ParseUnitKind(value.get<std::string>()) : std::nullopt;
      if (!kind)
        return InvalidArgument("kind must be administration, center or department", "unit.error.kind");
      unit.kind = *kind;
    } else {
      return InvalidArgument(fmt::format("unknown field {}", key), "error.unknown_field");
    }
  }
  if (creating && !body.contains("kind")) return InvalidArgument("kind is required", "unit.error.kind");
  if (creating && !body.contains("name")) return InvalidArgument("name is required", "validation.required");
  return Status::Ok();
}

// The unit a PATCH or DELETE names and the revision its If-Match holds. Another municipality's
// unit is 404 before any If-Match question is asked.
struct Target {
  Unit current;
  int64_t revision = 0;
};
Result<Target> ChangeTarget(const http::Request& request, domain::UnitRepository& units) {
  auto id = UnitId(request);
  if (!id.ok()) return id.status();
  auto current = units.Get(auth::ScopeOf(request), *id);
  if (!current.ok()) return current.status();
  auto revision = RequiredIfMatch(request, "unit", std::to_string(*id));
  if (!revision.ok()) return revision.status();
  return Target{std::move(current).value(), *revision};
}

}  // namespace

void RegisterUnitApi(http::Router& router, domain::UnitRepository& units) {
  router.Add("GET", "/api/v1/units", domain::Access::MunicipalStaff(),
             [&units](http::Request& request) -> Result<http::Response> {
               auto list = units.List(auth::ScopeOf(request));
               if (!list.ok()) return list.status();
               nlohmann::json items = nlohmann::json::array();
               for (const auto& unit : *list) items.push_back(domain::UnitToJson(unit));
               auto response = Json(200, ListBody(std::move(items), std::nullopt));
               response.headers.Add("Cache-Control", "no-cache");
               return response;
             });

  router.Add("POST", "/api/v1/units", domain::Access::MunicipalAdmin(),
             [&units](http::Request& request) -> Result<http::Response> {
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               Unit unit;
               SAMSKAB_RETURN_IF_ERROR(ReadFields(*body, unit, /*creating=*/true));
               auto created = units.Create(auth::ScopeOf(request), auth::ActorOf(request), unit);
               if (!created.ok()) return created.status();
               auto response = UnitResponse(201, *created);
               response.headers.Add("Location", fmt::format("/api/v1/units/{}", created->id));
               return response;
             });

  router.Add("GET", "/api/v1/units/{id}", domain::Access::MunicipalStaff(),
             [&units](http::Request& request) -> Result<http::Response> {
               auto id = UnitId(request);
               if (!id.ok()) return id.status();
               auto unit = units.Get(auth::ScopeOf(request), *id);
               if (!unit.ok()) return unit.status();
               const std::string etag = Etag("unit", std::to_string(unit->id), unit->revision);
               if (NotModified(request, etag)) {
                 http::Response response;
                 response.status = 304;
                 response.headers.Add("ETag", etag);
                 return response;
               }
               return UnitResponse(200, *unit);
             });

  router.Add("PATCH", "/api/v1/units/{id}", domain::Access::MunicipalAdmin(),
             [&units](http::Request& request) -> Result<http::Response> {
               auto target = ChangeTarget(request, units);
               if (!target.ok()) return target.status();
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               Unit unit = target->current;
               SAMSKAB_RETURN_IF_ERROR(ReadFields(*body, unit, /*creating=*/false));
               auto updated =
                   units.Update(auth::ScopeOf(request), auth::ActorOf(request), unit, target->revision);
               if (!updated.ok()) return updated.status();
               return UnitResponse(200, *updated);
             });

  router.Add("DELETE", "/api/v1/units/{id}", domain::Access::MunicipalAdmin(),
             [&units](http::Request& request) -> Result<http::Response> {
               auto target = ChangeTarget(request, units);
               if (!target.ok()) return target.status();
               SAMSKAB_RETURN_IF_ERROR(units.Delete(auth::ScopeOf(request), auth::ActorOf(request),
                                                    target->current.id, target->revision));
               http::Response response;
               response.status = 204;
               return response;
             });
}

}  // namespace samskab::api
