#include "api/volunteers_api.h"

#include <algorithm>

#include "api/json_api.h"
#include "api/market_fields.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "domain/market/skills.h"

namespace samskab::api {
namespace {

using domain::VolunteerProfile;
using nlohmann::json;

constexpr std::string_view kEtagKind = "volunteer";

http::Response ProfileResponse(int status, const VolunteerProfile& p, const json& body) {
  http::Response response = Json(status, body);
  response.headers.Add("ETag", Etag(kEtagKind, std::to_string(p.id), p.revision));
  response.headers.Add("Cache-Control", "no-store");  // personal data: never kept by a cache
  return response;
}

// The staff list's query: skill, language, postcode, limit and cursor.
Result<storage::VolunteerFilter> ReadFilter(const http::Request& request,
                                            const domain::PostcodeDirectory& postcodes) {
  auto query = ReadListQuery(request);
  if (!query.ok()) return query.status();
  const text::Params& params = query->params;
  storage::VolunteerFilter filter;
  filter.limit = query->limit;
  filter.offset = query->offset;
  FieldProblems problems;
  // A known skill or language, kept as its name.
  const auto known = [](auto bit) {
    return
        [bit](std::string_view name) { return bit(name) ? std::optional<std::string>(name) : std::nullopt; };
  };
  ReadParamChoice(params, "skill", known(domain::SkillBit), filter.skill, problems, "skill.error.unknown");
  ReadParamChoice(params, "language", known(domain::LanguageBit), filter.language, problems,
                  "spoken_language.error.unknown");
  if (const auto postcode = text::Find(params, "postcode"); postcode && !postcode->empty()) {
    auto found = postcodes.NormalisePostcode(*postcode);
    if (found.ok()) {
      filter.postcode = found->code;
    } else {
      problems.Add("postcode", found.status().user_message_key());
    }
  }
  if (!problems.empty()) return std::move(problems).Failed();
  return filter;
}

}  // namespace

Status ReadVolunteerBody(const json& body, const storage::VolunteerStore& store, VolunteerProfile& p) {
  FieldProblems problems;
  for (const auto& [key, value] : body.items()) {
    if (key == "about") {
      ReadText(value, key, p.about, problems);
    } else if (key == "skills") {
      ReadTextList(value, key, p.skills, problems);
    } else if (key == "skill_tags") {
      ReadTextList(value, key, p.skill_tags, problems);
    } else if (key == "languages") {
      ReadTextList(value, key, p.languages, problems);
    } else if (key == "availability") {
      ReadAvailability(value, key, p.availability, problems);
    } else if (key == "postcode") {
      ReadOptionalText(value, key, p.postcode, problems);
    } else if (key == "travel_km") {
      int64_t km = p.travel_km;
      ReadInteger(value, key, km, problems);
      // Out of range is the domain's message; clamp only so the int cannot overflow.
      p.travel_km = static_cast<int>(std::clamp<int64_t>(km, -1, domain::kMaxTravelKm + 1));
    } else if (key == "welfare_areas") {
      ReadTextList(value, key, p.welfare_areas, problems);
    } else if (key == "target_groups") {
      ReadTextList(value, key, p.target_groups, problems);
    } else if (key == "child_certificate") {
      ReadChoice(value, key, domain::ParseChildCertificate, p.child_certificate, problems,
                 "volunteer.error.child_certificate");
    } else if (key == "child_certificate_on") {
      ReadOptionalText(value, key, p.child_certificate_on, problems);
    } else if (key == "visibility") {
      ReadChoice(value, key, domain::ParseVolunteerVisibility, p.visibility, problems,
                 "volunteer.error.visibility");
    } else if (key == "consent_matching") {
      ReadFlag(value, key, p.consent_matching, problems);
    } else if (key == "active") {
      ReadFlag(value, key, p.active, problems);
    } else {
      problems.Add(key, "error.unknown_field");
    }
  }
  VolunteerProfile checked = p;
  problems.AddAll(store.Normalise(checked));
  if (!problems.empty()) return std::move(problems).Failed();
  return Status::Ok();
}

void RegisterVolunteerApi(http::Router& router, storage::VolunteerStore& volunteers,
                          const domain::PostcodeDirectory& postcodes) {
  using domain::Access;
  router.Add("GET", "/api/v1/volunteers/me", Access::Person(),
             [&volunteers](http::Request& request) -> Result<http::Response> {
               auto own = volunteers.GetOwn(auth::PrincipalOf(request).user_id);
               if (!own.ok()) return own.status();
               const std::string etag = Etag(kEtagKind, std::to_string(own->id), own->revision);
               if (NotModified(request, etag)) return NotModifiedResponse(etag);
               return ProfileResponse(200, *own, domain::VolunteerOwnJson(*own));
             });

  router.Add("PUT", "/api/v1/volunteers/me", Access::Person(),
             [&volunteers](http::Request& request) -> Result<http::Response> {
               const int64_t user_id = auth::PrincipalOf(request).user_id;
               auto current = volunteers.GetOwn(user_id);
               if (!current.ok() && current.status().code() != ErrorCode::kNotFound) return current.status();
               int64_t revision = 0;
               if (current.ok()) {
                 auto matched = RequiredIfMatch(request, kEtagKind, std::to_string(current->id));
                 if (!matched.ok()) return matched.status();
                 revision = *matched;
               } else if (request.headers.Has("If-Match")) {
                 // The client believes it replaces a profile that is gone.
                 return Status(ErrorCode::kPreconditionFailed, "If-Match for a profile that does not exist",
                               "volunteer.error.stale");
               }
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               // PUT replaces: what the body does not name takes its default.
               VolunteerProfile p;
               SAMSKAB_RETURN_IF_ERROR(ReadVolunteerBody(*body, volunteers, p));
               auto saved = volunteers.SaveOwn(auth::ActorOf(request), user_id, p, revision);
               if (!saved.ok()) return saved.status();
               return ProfileResponse(revision == 0 ? 201 : 200, *saved, domain::VolunteerOwnJson(*saved));
             });

  router.Add("DELETE", "/api/v1/volunteers/me", Access::Person(),
             [&volunteers](http::Request& request) -> Result<http::Response> {
               const int64_t user_id = auth::PrincipalOf(request).user_id;
               auto current = volunteers.GetOwn(user_id);
               if (!current.ok()) return current.status();
               auto revision = RequiredIfMatch(request, kEtagKind, std::to_string(current->id));
               if (!revision.ok()) return revision.status();
               SAMSKAB_RETURN_IF_ERROR(volunteers.DeleteOwn(auth::ActorOf(request), user_id, *revision));
               http::Response response;
               response.status = 204;
               return response;
             });

  router.Add("GET", "/api/v1/volunteers", Access::MunicipalStaff(),
             [&volunteers, &postcodes](http::Request& request) -> Result<http::Response> {
               auto filter = ReadFilter(request, postcodes);
               if (!filter.ok()) return filter.status();
               auto page = volunteers.ListShared(*filter);
               if (!page.ok()) return page.status();
               json items = json::array();
               for (const auto& p : page->items) items.push_back(domain::VolunteerStaffJson(p));
               json body = OffsetListBody(std::move(items), filter->offset, page->total);
               auto response = Json(200, body);
               response.headers.Add("Cache-Control", "no-store");
               return response;
             });

  router.Add("GET", "/api/v1/volunteers/{id}", Access::MunicipalStaff(),
             [&volunteers](http::Request& request) -> Result<http::Response> {
               const auto id = text::ParsePositiveId(request.PathParam("id"));
               if (!id) return NotFound("volunteer id is not a number", "volunteer.error.not_found");
               auto p = volunteers.GetShared(*id);
               if (!p.ok()) return p.status();
               return ProfileResponse(200, *p, domain::VolunteerStaffJson(*p));
             });
}

}  // namespace samskab::api
