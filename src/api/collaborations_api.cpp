#include "api/collaborations_api.h"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "api/collaboration_fields.h"
#include "api/json_api.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "domain/access/policy.h"
#include "web/xlsx.h"

namespace samskab::api {
namespace {

using domain::Collaboration;

Result<int64_t> CollaborationId(const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("collaboration id is not a number");
  return *id;
}

http::Response CollaborationResponse(int status, const Collaboration& c) {
  http::Response response = Json(status, domain::CollaborationToJson(c));
  response.headers.Add("ETag", Etag("collaboration", std::to_string(c.id), c.revision));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

Result<OverviewQuery> QueryOf(const http::Request& request) {
  const auto params = text::ParseUrlEncoded(request.query);
  if (!params) return Status(ErrorCode::kMalformed, "malformed query string");
  return ParseOverviewQuery(*params);
}

web::CollaborationExport ExportFor(const http::Request& request, const CollaborationApiDependencies& deps) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  // The labels are read once per export (an export may have many rows, each with two terms).
  auto labels = std::make_shared<std::map<std::pair<domain::Vocabulary, std::string>, std::string>>();
  for (const auto vocabulary : {domain::Vocabulary::kWelfareArea, domain::Vocabulary::kTargetGroup}) {
    auto terms = deps.vocabularies.Terms(scope, vocabulary);
    if (!terms.ok()) continue;  // each label is then looked up on its own
    for (const auto& term : *terms)
      (*labels)[{vocabulary, term.key}] = deps.vocabularies.Label(vocabulary, term, request.lang);
  }
  return web::CollaborationExport(
      deps.translate, request.lang,
      [&deps, scope, labels, lang = request.lang](domain::Vocabulary vocabulary, const std::string& key) {
        const auto known = labels->find({vocabulary, key});
        return known != labels->end() ? known->second
                                      : deps.vocabularies.TermLabel(scope, vocabulary, key, lang);
      });
}

Result<http::Response> Export(const http::Request& request, const CollaborationApiDependencies& deps,
                              const OverviewQuery& query) {
  const auto scope = auth::ScopeOf(request);
  const web::CollaborationExport exporter = ExportFor(request, deps);
  const bool csv = query.format == ExportFormat::kCsv;
  http::Response response;
  if (csv) {
    csv::Writer writer;
    writer.AddRow(exporter.Header());
    SAMSKAB_RETURN_IF_ERROR(deps.collaborations.ForEach(
        scope, query.filter, query.order, [&](const Collaboration& c) { writer.AddRow(exporter.Row(c)); }));
    response = http::MakeResponse(200, "text/csv; charset=utf-8", writer.Take());
  } else {
    auto sheet = web::XlsxSheet::Create(deps.translate(request.lang, "overview.sheet"));
    if (!sheet.ok()) return sheet.status();
    (*sheet)->AddRow(exporter.Header());
    SAMSKAB_RETURN_IF_ERROR(
        deps.collaborations.ForEach(scope, query.filter, query.order,
                                    [&](const Collaboration& c) { (*sheet)->AddRow(exporter.Row(c)); }));
    auto bytes = (*sheet)->Finish();
    if (!bytes.ok()) return bytes.status();
    response = http::MakeResponse(200, std::string(web::kXlsxContentType), std::move(bytes).value());
  }
  response.headers.Add(
      "Content-Disposition",
      fmt::format("attachment; filename=\"{}\"",
                  web::CollaborationExport::FileName(scope.code(), deps.today(), csv ? "csv" : "xlsx")));
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

nlohmann::json MatrixJson(std::string_view municipality_code,
                          const std::vector<storage::MatrixPoint>& points) {
  nlohmann::json counts = {{"1", 0}, {"2", 0}, {"3", 0}, {"4", 0}};
  int64_t medium_associations = 0;
  int64_t medium_communities = 0;
  int64_t unplaced = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& point : points) {
    if (point.quadrant) {
      counts[std::to_string(*point.quadrant)] = counts[std::to_string(*point.quadrant)].get<int64_t>() + 1;
    } else if (point.level == domain::InvolvementLevel::kMedium && point.volunteer_type) {
      (*point.volunteer_type == domain::VolunteerType::kAssociations ? medium_associations
                                                                     : medium_communities)++;
    } else {
      ++unplaced;
    }
    items.push_back({{"id", point.id},
                     {"title", point.title},
                     {"involvement_level", domain::InvolvementLevelName(point.level)},
                     {"volunteer_type", point.volunteer_type
                                            ? nlohmann::json(domain::VolunteerTypeName(*point.volunteer_type))
                                            : nlohmann::json(nullptr)},
                     {"quadrant", point.quadrant ? nlohmann::json(*point.quadrant) : nlohmann::json(nullptr)},
                     {"href", fmt::format("/admin/{}/collaborations/{}", municipality_code, point.id)}});
  }
  return {{"counts", counts},
          {"medium",
           {{"associations", medium_associations}, {"communities_and_individuals", medium_communities}}},
          {"unplaced", unplaced},
          {"total", points.size()},
          {"points", std::move(items)}};
}

struct Target {
  Collaboration current;
  int64_t revision = 0;
};
Result<Target> ChangeTarget(const http::Request& request, storage::CollaborationStore& collaborations) {
  auto id = CollaborationId(request);
  if (!id.ok()) return id.status();
  auto current = collaborations.Get(auth::ScopeOf(request), *id);
  if (!current.ok()) return current.status();
  auto revision = RequiredIfMatch(request, "collaboration", std::to_string(*id));
  if (!revision.ok()) return revision.status();
  return Target{std::move(current).value(), *revision};
}

}  // namespace

Status CheckUnitReach(const http::Request& request, domain::UnitRepository& units,
                      const Collaboration* current, const std::vector<int64_t>& new_unit_ids) {
  const auto scope = auth::ScopeOf(request);
  auto all = units.List(scope);
  if (!all.ok()) return all.status();
  const std::set<int64_t> reach = domain::UnitsInReach(auth::PrincipalOf(request), scope.code(), *all);
  if (current) {
    const bool takes_part = std::any_of(current->unit_ids.begin(), current->unit_ids.end(),
                                        [&](int64_t id) { return reach.contains(id); });
    if (!takes_part)
      return Status(ErrorCode::kPermissionDenied, "no unit of the caller takes part",
                    "collaboration.error.not_your_unit");
  }
  for (int64_t id : new_unit_ids) {
    const bool already =
        current && std::binary_search(current->unit_ids.begin(), current->unit_ids.end(), id);
    if (already || reach.contains(id)) continue;
    const bool exists =
        std::any_of(all->begin(), all->end(), [&](const domain::Unit& u) { return u.id == id; });
    return ValidationFailed(
        {{"unit_ids", exists ? "collaboration.error.unit_not_yours" : "collaboration.error.unknown_unit"}});
  }
  return Status::Ok();
}

void RegisterCollaborationApi(http::Router& router, const CollaborationApiDependencies& deps) {
  router.Add(
      "GET", "/api/v1/collaborations", domain::Access::MunicipalStaff(),
      [&deps](http::Request& request) -> Result<http::Response> {
        auto query = QueryOf(request);
        if (!query.ok()) return query.status();
        if (query->format != ExportFormat::kJson) return Export(request, deps, *query);
        auto page = deps.collaborations.List(auth::ScopeOf(request), query->filter, query->order,
                                             query->offset, query->limit);
        if (!page.ok()) return page.status();
        nlohmann::json items = nlohmann::json::array();
        for (const auto& c : page->items) items.push_back(domain::CollaborationToJson(c));
        const int64_t next = query->offset + static_cast<int64_t>(page->items.size());
        auto response =
            Json(200, {{"items", std::move(items)},
                       {"total", page->total},
                       {"offset", query->offset},
                       {"limit", query->limit},
                       {"next_offset", next < page->total ? nlohmann::json(next) : nlohmann::json(nullptr)}});
        response.headers.Add("Cache-Control", "no-cache");
        return response;
      });

  router.Add("POST", "/api/v1/collaborations", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               Collaboration c;
               SAMSKAB_RETURN_IF_ERROR(ReadCollaborationFields(*body, c, /*creating=*/true));
               if (c.unit_ids.empty()) return ValidationFailed({{"unit_ids", "validation.required"}});
               SAMSKAB_RETURN_IF_ERROR(CheckUnitReach(request, deps.units, nullptr, c.unit_ids));
               auto created = deps.collaborations.Create(auth::ScopeOf(request), auth::ActorOf(request), c);
               if (!created.ok()) return created.status();
               auto response = CollaborationResponse(201, *created);
               response.headers.Add("Location", fmt::format("/api/v1/collaborations/{}", created->id));
               return response;
             });

  router.Add("GET", "/api/v1/collaborations/{id}", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto id = CollaborationId(request);
               if (!id.ok()) return id.status();
               auto c = deps.collaborations.Get(auth::ScopeOf(request), *id);
               if (!c.ok()) return c.status();
               const std::string etag = Etag("collaboration", std::to_string(c->id), c->revision);
               if (NotModified(request, etag)) {
                 http::Response response;
                 response.status = 304;
                 response.headers.Add("ETag", etag);
                 return response;
               }
               return CollaborationResponse(200, *c);
             });

  router.Add("PATCH", "/api/v1/collaborations/{id}", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto target = ChangeTarget(request, deps.collaborations);
               if (!target.ok()) return target.status();
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               Collaboration c = target->current;
               SAMSKAB_RETURN_IF_ERROR(ReadCollaborationFields(*body, c, /*creating=*/false));
               if (c.unit_ids.empty()) return ValidationFailed({{"unit_ids", "validation.required"}});
               SAMSKAB_RETURN_IF_ERROR(CheckUnitReach(request, deps.units, &target->current, c.unit_ids));
               auto updated = deps.collaborations.Update(auth::ScopeOf(request), auth::ActorOf(request), c,
                                                         target->revision);
               if (!updated.ok()) return updated.status();
               return CollaborationResponse(200, *updated);
             });

  router.Add("DELETE", "/api/v1/collaborations/{id}", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto target = ChangeTarget(request, deps.collaborations);
               if (!target.ok()) return target.status();
               SAMSKAB_RETURN_IF_ERROR(CheckUnitReach(request, deps.units, &target->current, {}));
               SAMSKAB_RETURN_IF_ERROR(deps.collaborations.Delete(
                   auth::ScopeOf(request), auth::ActorOf(request), target->current.id, target->revision));
               http::Response response;
               response.status = 204;
               return response;
             });

  router.Add("GET", "/api/v1/matrix", domain::Access::MunicipalStaff(),
             [&deps](http::Request& request) -> Result<http::Response> {
               auto query = QueryOf(request);
               if (!query.ok()) return query.status();
               auto points = deps.collaborations.Matrix(auth::ScopeOf(request), query->filter);
               if (!points.ok()) return points.status();
               auto response = Json(200, MatrixJson(request.municipality, *points));
               response.headers.Add("Cache-Control", "no-cache");
               return response;
             });
}

}  // namespace samskab::api
