#include "api/organisations_api.h"

#include <algorithm>

#include <fmt/format.h>

#include "api/json_api.h"
#include "api/market_fields.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "domain/vocabulary/vocabulary.h"

namespace samskab::api {
namespace {

using domain::Organisation;
using domain::OrganisationContact;
using nlohmann::json;
using storage::OrganisationStore;

constexpr std::string_view kEtagKind = "organisation";

void ReadContacts(const json& value, std::vector<OrganisationContact>& out, FieldProblems& problems) {
  if (!value.is_array()) {
    problems.Add("contacts", "validation.type_list");
    return;
  }
  out.clear();
  for (size_t i = 0; i < value.size(); ++i) {
    const std::string prefix = fmt::format("contacts.{}", i);
    const json& item = value[i];
    OrganisationContact contact;
    if (!item.is_object()) {
      problems.Add(prefix, "organisation.error.contact_type");
      continue;
    }
    for (const auto& [key, field] : item.items()) {
      const std::string name = fmt::format("{}.{}", prefix, key);
      if (key == "name") {
        ReadText(field, name, contact.name, problems);
      } else if (key == "title") {
        ReadText(field, name, contact.title, problems);
      } else if (key == "email") {
        ReadText(field, name, contact.email, problems);
      } else if (key == "phone") {
        ReadText(field, name, contact.phone, problems);
      } else if (key == "is_public") {
        ReadFlag(field, name, contact.is_public, problems);
      } else {
        problems.Add(name, "error.unknown_field");
      }
    }
    out.push_back(std::move(contact));
  }
}

// Reads the fields a client may set onto `o`. Every problem is collected, unknown fields too: a
// typo must not pass silently, and the caller learns about all of them at once.
void ReadFields(const json& body, Organisation& o, bool creating, FieldProblems& problems) {
  for (const auto& [key, value] : body.items()) {
    if (key == "name") {
      ReadText(value, key, o.name, problems);
    } else if (key == "kind") {
      ReadChoice(value, key, domain::ParseOrganisationKind, o.kind, problems, "organisation.error.kind");
    } else if (key == "cvr") {
      ReadOptionalText(value, key, o.cvr, problems);
    } else if (key == "street") {
      ReadText(value, key, o.street, problems);
    } else if (key == "postcode") {
      ReadOptionalText(value, key, o.postcode, problems);
    } else if (key == "description") {
      ReadText(value, key, o.description, problems);
    } else if (key == "website") {
      ReadText(value, key, o.website, problems);
    } else if (key == "icnpo") {
      ReadOptionalText(value, key, o.icnpo, problems);
    } else if (key == "welfare_areas") {
      ReadTextList(value, key, o.welfare_areas, problems);
    } else if (key == "target_groups") {
      ReadTextList(value, key, o.target_groups, problems);
    } else if (key == "resources") {
      ReadText(value, key, o.resources, problems);
    } else if (key == "roles_can") {
      ReadTextList(value, key, o.roles_can, problems);
    } else if (key == "roles_cannot") {
      ReadTextList(value, key, o.roles_cannot, problems);
    } else if (key == "frames") {
      ReadText(value, key, o.frames, problems);
    } else if (key == "is_public") {
      ReadFlag(value, key, o.is_public, problems);
    } else if (key == "contacts") {
      ReadContacts(value, o.contacts, problems);
    } else {
      problems.Add(key, "error.unknown_field");
    }
  }
  if (creating && !body.contains("kind")) problems.Add("kind", "validation.required");
}

// The body applied to `o`, or 422 naming every problem: the request's own (types, unknown
// fields) and the profile's rules.
Status ApplyBody(const http::Request& request, const OrganisationStore& store, Organisation& o,
                 bool creating) {
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.status();
  FieldProblems problems;
  ReadFields(*body, o, creating, problems);
  Organisation checked = o;
  problems.AddAll(store.Normalise(checked));
  if (!problems.empty()) return std::move(problems).Failed();
  return Status::Ok();
}

http::Response OrganisationResponse(int status, const Organisation& o, const json& body) {
  http::Response response = Json(status, body);
  response.headers.Add("ETag", Etag(kEtagKind, std::to_string(o.id), o.revision));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

Result<int64_t> OrganisationId(const http::Request& request) {
  // Not a number: no such organisation, exactly as for a number that names none.
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("organisation id is not a number", "organisation.error.not_found");
  return *id;
}

// The organisation an organisation admin's route is about (the policy decided it).
Result<int64_t> OwnOrganisation(const http::Request& request) {
  if (!request.organisation_id) return Internal("organisation route without an organisation");
  return *request.organisation_id;
}

// `q`, `kind`, `welfare_area`, `limit` and `cursor` (the offset, opaque to the client).
Result<storage::OrganisationFilter> ReadFilter(const http::Request& request) {
  auto page = ParsePageRequest(request);
  if (!page.ok()) return page.status();
  const auto params = text::ParseUrlEncoded(request.query);
  if (!params) return Status(ErrorCode::kMalformed, "malformed query string");
  storage::OrganisationFilter filter;
  filter.limit = page->limit;
  if (!page->after.empty()) {
    const auto offset = text::ParsePositiveId(page->after);
    if (!offset) return InvalidArgument("cursor is not an offset", "error.invalid_cursor");
    filter.offset = *offset;
  }
  filter.text = std::string(text::Find(*params, "q").value_or(""));
  FieldProblems problems;
  if (const auto kind = text::Find(*params, "kind"); kind && !kind->empty()) {
    filter.kind = domain::ParseOrganisationKind(*kind);
    if (!filter.kind) problems.Add("kind", "organisation.error.kind");
  }
  if (const auto area = text::Find(*params, "welfare_area"); area && !area->empty()) {
    if (domain::IsBuiltInTerm(domain::Vocabulary::kWelfareArea, *area)) {
      filter.welfare_area = std::string(*area);
    } else {
      problems.Add("welfare_area", "vocabulary.error.unknown_term");
    }
  }
  if (!problems.empty()) return std::move(problems).Failed();
  return filter;
}

Result<http::Response> ProfileResponse(OrganisationStore& store, int status, const Organisation& o) {
  auto shares = store.Shares(o.id);
  if (!shares.ok()) return shares.status();
  json body = domain::OrganisationToJson(o, true);
  body["shared_with"] = *shares;
  return OrganisationResponse(status, o, body);
}

}  // namespace

void RegisterOrganisationApi(http::Router& router, OrganisationStore& organisations) {
  using domain::Access;
  router.Add("GET", "/api/v1/organisations", Access::MunicipalStaff(),
             [&organisations](http::Request& request) -> Result<http::Response> {
               auto filter = ReadFilter(request);
               if (!filter.ok()) return filter.status();
               auto page = organisations.List(auth::ScopeOf(request), *filter);
               if (!page.ok()) return page.status();
               json items = json::array();
               for (const auto& o : page->items) items.push_back(domain::OrganisationToJson(o, true));
               json body = OffsetListBody(std::move(items), filter->offset, page->total);
               auto response = Json(200, body);
               response.headers.Add("Cache-Control", "no-cache");
               return response;
             });

  router.Add("POST", "/api/v1/organisations", Access::MunicipalStaff(),
             [&organisations](http::Request& request) -> Result<http::Response> {
               Organisation o;
               SAMSKAB_RETURN_IF_ERROR(ApplyBody(request, organisations, o, /*creating=*/true));
               auto created = organisations.Create(auth::ScopeOf(request), auth::ActorOf(request), o);
               if (!created.ok()) return created.status();
               auto response =
                   OrganisationResponse(201, *created, domain::OrganisationToJson(*created, true));
               response.headers.Add("Location", fmt::format("/api/v1/organisations/{}", created->id));
               return response;
             });

  router.Add("GET", "/api/v1/organisations/{id}", Access::MunicipalStaff(),
             [&organisations](http::Request& request) -> Result<http::Response> {
               auto id = OrganisationId(request);
               if (!id.ok()) return id.status();
               auto o = organisations.Get(auth::ScopeOf(request), *id);
               if (!o.ok()) return o.status();
               const std::string etag = Etag(kEtagKind, std::to_string(o->id), o->revision);
               if (NotModified(request, etag)) return NotModifiedResponse(etag);
               return OrganisationResponse(200, *o, domain::OrganisationToJson(*o, true));
             });

  router.Add("PATCH", "/api/v1/organisations/{id}", Access::MunicipalStaff(),
             [&organisations](http::Request& request) -> Result<http::Response> {
               auto id = OrganisationId(request);
               if (!id.ok()) return id.status();
               // Another municipality's private organisation is 404 before If-Match is asked about.
               auto current = organisations.Get(auth::ScopeOf(request), *id);
               if (!current.ok()) return current.status();
               auto revision = RequiredIfMatch(request, kEtagKind, std::to_string(*id));
               if (!revision.ok()) return revision.status();
               Organisation o = *current;
               SAMSKAB_RETURN_IF_ERROR(ApplyBody(request, organisations, o, /*creating=*/false));
               auto updated =
                   organisations.Update(auth::ScopeOf(request), auth::ActorOf(request), o, *revision);
               if (!updated.ok()) return updated.status();
               return OrganisationResponse(200, *updated, domain::OrganisationToJson(*updated, true));
             });

  const Access organisation_admin = Access::OrganisationAdmin("organisation");
  router.Add("GET", "/api/v1/organisations/{organisation}/profile", organisation_admin,
             [&organisations](http::Request& request) -> Result<http::Response> {
               auto id = OwnOrganisation(request);
               if (!id.ok()) return id.status();
               auto o = organisations.GetOwn(*id);
               if (!o.ok()) return o.status();
               const std::string etag = Etag(kEtagKind, std::to_string(o->id), o->revision);
               if (NotModified(request, etag)) return NotModifiedResponse(etag);
               return ProfileResponse(organisations, 200, *o);
             });

  router.Add("PATCH", "/api/v1/organisations/{organisation}/profile", organisation_admin,
             [&organisations](http::Request& request) -> Result<http::Response> {
               auto id = OwnOrganisation(request);
               if (!id.ok()) return id.status();
               auto current = organisations.GetOwn(*id);
               if (!current.ok()) return current.status();
               auto revision = RequiredIfMatch(request, kEtagKind, std::to_string(*id));
               if (!revision.ok()) return revision.status();
               Organisation o = *current;
               SAMSKAB_RETURN_IF_ERROR(ApplyBody(request, organisations, o, /*creating=*/false));
               auto updated = organisations.UpdateOwn(auth::ActorOf(request), o, *revision);
               if (!updated.ok()) return updated.status();
               return ProfileResponse(organisations, 200, *updated);
             });

  const auto share = [&organisations](bool shared) {
    return [&organisations, shared](http::Request& request) -> Result<http::Response> {
      auto id = OwnOrganisation(request);
      if (!id.ok()) return id.status();
      const std::string code(request.PathParam("municipality"));
      const auto actor = auth::ActorOf(request);
      SAMSKAB_RETURN_IF_ERROR(shared ? organisations.Share(actor, *id, code)
                                     : organisations.Unshare(actor, *id, code));
      http::Response response;
      response.status = 204;
      return response;
    };
  };
  router.Add("PUT", "/api/v1/organisations/{organisation}/shares/{municipality}", organisation_admin,
             share(true));
  router.Add("DELETE", "/api/v1/organisations/{organisation}/shares/{municipality}", organisation_admin,
             share(false));
}

}  // namespace samskab::api
