#include "api/matches_api.h"

#include <bit>
#include <cmath>

#include "api/json_api.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "domain/market/availability.h"
#include "domain/market/skills.h"
#include "domain/vocabulary/vocabulary.h"

namespace samskab::api {
namespace {

// Points rounded to two decimals: enough to explain, stable to compare.
double Round2(double value) { return std::round(value * 100.0) / 100.0; }

nlohmann::json Keys(uint64_t mask, std::span<const std::string_view> catalog) {
  nlohmann::json keys = nlohmann::json::array();
  for (uint64_t m = mask; m != 0; m &= m - 1) {
    const auto bit = static_cast<size_t>(std::countr_zero(m));
    if (bit < catalog.size()) keys.push_back(catalog[bit]);
  }
  return keys;
}

nlohmann::json Factor(std::string_view name, double points, nlohmann::json detail) {
  return {{"factor", name}, {"points", Round2(points)}, {"detail", std::move(detail)}};
}

Result<int64_t> Id(const http::Request& request, const char* name) {
  const auto id = text::ParsePositiveId(request.PathParam(name));
  if (!id) return NotFound(std::string(name) + " is not a number");
  return *id;
}

}  // namespace

std::optional<storage::CandidateKind> ParseMatchListKind(std::string_view kind) {
  if (kind == "volunteers") return storage::CandidateKind::kVolunteer;
  if (kind == "organisations") return storage::CandidateKind::kOrganisation;
  if (kind == "offers") return storage::CandidateKind::kOffer;
  return std::nullopt;
}

nlohmann::json MatchToJson(const storage::MatchCandidate& c) {
  const domain::MatchResult& r = c.result;
  const domain::MatchFactors& f = r.factors;
  nlohmann::json factors = nlohmann::json::array();
  factors.push_back(Factor("welfare_area", f.welfare_area, f.welfare_area > 0));
  factors.push_back(Factor("target_group", f.target_group, f.target_group > 0));
  factors.push_back(Factor("skills", f.skills, Keys(r.matched_skills, domain::SkillKeys())));
  factors.push_back(Factor("languages", f.languages, Keys(r.matched_languages, domain::LanguageCodes())));
  factors.push_back(Factor("distance", f.distance,
                           r.distance_km ? nlohmann::json(Round2(*r.distance_km)) : nlohmann::json()));
  factors.push_back(Factor("availability", f.availability, r.availability_overlap));
  factors.push_back(Factor("text", f.text, r.matched_words));
  return {{"candidate_id", c.id},
          {"candidate_kind", storage::CandidateKindName(c.kind)},
          {"display_name", c.display_name},
          {"score", Round2(r.score)},
          {"distance_km", r.distance_km ? nlohmann::json(Round2(*r.distance_km)) : nlohmann::json()},
          {"mark", c.mark ? nlohmann::json(*c.mark) : nlohmann::json()},
          {"factors", std::move(factors)}};
}

void RegisterMatchesApi(http::Router& router, storage::MatchStore& matches) {
  router.Add("GET", "/api/v1/needs/{id}/matches", domain::Access::MunicipalStaff(),
             [&matches](http::Request& request) -> Result<http::Response> {
               auto id = Id(request, "id");
               if (!id.ok()) return id.status();
               const auto params = text::ParseUrlEncoded(request.query).value_or(text::Params{});
               const std::string kind_text(text::Find(params, "kind").value_or("volunteers"));
               const auto kind = ParseMatchListKind(kind_text);
               if (!kind) return ValidationFailed({{"kind", "matches.error.kind"}});
               int limit = kDefaultLimit;
               if (auto given = text::Find(params, "limit")) {
                 const auto n = text::ParsePositiveId(*given);
                 if (!n || *n > storage::kMaxMatches)
                   return ValidationFailed({{"limit", "matches.error.limit"}});
                 limit = static_cast<int>(*n);
               }
               auto found = matches.MatchesForNeed(auth::ScopeOf(request), *id, *kind, limit);
               if (!found.ok()) return found.status();
               nlohmann::json items = nlohmann::json::array();
               for (const auto& c : *found) items.push_back(MatchToJson(c));
               http::Response response =
                   Json(200, {{"need_id", *id}, {"kind", kind_text}, {"items", std::move(items)}});
               response.headers.Add("Cache-Control", "no-store");
               return response;
             });

  const auto mark_target = [](const http::Request& request, int64_t& need, storage::CandidateKind& kind,
                              int64_t& candidate) -> Status {
    auto id = Id(request, "id");
    if (!id.ok()) return id.status();
    auto parsed = storage::ParseCandidateKind(request.PathParam("candidate_kind"));
    if (!parsed) return NotFound("unknown candidate kind");
    auto candidate_id = Id(request, "candidate_id");
    if (!candidate_id.ok()) return candidate_id.status();
    need = *id;
    kind = *parsed;
    candidate = *candidate_id;
    return Status::Ok();
  };

  router.Add("PUT", "/api/v1/needs/{id}/matches/{candidate_kind}/{candidate_id}/mark",
             domain::Access::MunicipalStaff(),
             [&matches, mark_target](http::Request& request) -> Result<http::Response> {
               int64_t need = 0;
               int64_t candidate = 0;
               storage::CandidateKind kind{};
               SAMSKAB_RETURN_IF_ERROR(mark_target(request, need, kind, candidate));
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               std::vector<FieldProblem> problems;
               for (const auto& [key, value] : body->items()) {
                 if (key != "mark") problems.push_back({key, "error.unknown_field"});
               }
               const auto mark = body->find("mark");
               if (mark == body->end() || !mark->is_string())
                 problems.push_back({"mark", "matches.error.mark"});
               if (!problems.empty()) return ValidationFailed(std::move(problems));
               SAMSKAB_RETURN_IF_ERROR(matches.SetMark(auth::ScopeOf(request), auth::ActorOf(request), need,
                                                       kind, candidate, mark->get<std::string>()));
               return Json(200, {{"need_id", need},
                                 {"candidate_kind", storage::CandidateKindName(kind)},
                                 {"candidate_id", candidate},
                                 {"mark", mark->get<std::string>()}});
             });

  router.Add("DELETE", "/api/v1/needs/{id}/matches/{candidate_kind}/{candidate_id}/mark",
             domain::Access::MunicipalStaff(),
             [&matches, mark_target](http::Request& request) -> Result<http::Response> {
               int64_t need = 0;
               int64_t candidate = 0;
               storage::CandidateKind kind{};
               SAMSKAB_RETURN_IF_ERROR(mark_target(request, need, kind, candidate));
               SAMSKAB_RETURN_IF_ERROR(
                   matches.ClearMark(auth::ScopeOf(request), auth::ActorOf(request), need, kind, candidate));
               http::Response response;
               response.status = 204;
               return response;
             });
}

}  // namespace samskab::api
