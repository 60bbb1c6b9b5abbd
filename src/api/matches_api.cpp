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

// The `limit` query parameter: 1..kMaxMatches, kDefaultLimit when absent.
Result<int> ReadLimit(const text::Params& params) {
  const auto given = text::Find(params, "limit");
  if (!given) return kDefaultLimit;
  const auto n = text::ParsePositiveId(*given);
  if (!n || *n > storage::kMaxMatches) return ValidationFailed({{"limit", "matches.error.limit"}});
  return static_cast<int>(*n);
}

// A mark's body: {"mark": "contacted" | "not_relevant"} and nothing else (the store checks the value).
Result<std::string> ReadMarkBody(const http::Request& request) {
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.status();
  std::vector<FieldProblem> problems;
  for (const auto& [key, value] : body->items()) {
    if (key != "mark") problems.push_back({key, "error.unknown_field"});
  }
  const auto mark = body->find("mark");
  if (mark == body->end() || !mark->is_string()) problems.push_back({"mark", "matches.error.mark"});
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  return mark->get<std::string>();
}

// The mark route's target: the subject's id, the candidate's kind (a kind the subject is never
// proposed: "not found" with a message saying which kinds are) and the candidate's id.
struct MarkTarget {
  int64_t subject = 0;
  storage::CandidateKind kind{};
  int64_t candidate = 0;
};
Result<MarkTarget> ReadMarkTarget(const http::Request& request, bool (*proposed)(storage::CandidateKind)) {
  auto id = Id(request, "id");
  if (!id.ok()) return id.status();
  auto parsed = storage::ParseCandidateKind(request.PathParam("candidate_kind"));
  if (!parsed || !proposed(*parsed))
    return NotFound("unknown candidate kind", "offer_matches.error.candidate_kind");
  auto candidate_id = Id(request, "candidate_id");
  if (!candidate_id.ok()) return candidate_id.status();
  return MarkTarget{*id, *parsed, *candidate_id};
}

http::Response MatchList(std::string_view subject_field, int64_t subject_id, std::string_view kind,
                         const std::vector<storage::MatchCandidate>& found) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : found) items.push_back(MatchToJson(c));
  http::Response response =
      Json(200, {{subject_field, subject_id}, {"kind", kind}, {"items", std::move(items)}});
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

http::Response MarkResponse(std::string_view subject_field, const MarkTarget& target,
                            const std::string& mark) {
  return Json(200, {{subject_field, target.subject},
                    {"candidate_kind", storage::CandidateKindName(target.kind)},
                    {"candidate_id", target.candidate},
                    {"mark", mark}});
}

http::Response NoContent() {
  http::Response response;
  response.status = 204;
  return response;
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
  nlohmann::json out = {
      {"candidate_id", c.id},
      {"candidate_kind", storage::CandidateKindName(c.kind)},
      {"display_name", c.display_name},
      {"score", Round2(r.score)},
      {"distance_km", r.distance_km ? nlohmann::json(Round2(*r.distance_km)) : nlohmann::json()},
      {"mark", c.mark ? nlohmann::json(*c.mark) : nlohmann::json()},
      {"factors", std::move(factors)}};
  // An offer's proposals come from several municipalities: say whose each is.
  if (!c.municipality_code.empty()) out["municipality_code"] = c.municipality_code;
  return out;
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
               auto limit = ReadLimit(params);
               if (!limit.ok()) return limit.status();
               auto found = matches.MatchesForNeed(auth::ScopeOf(request), *id, *kind, *limit);
               if (!found.ok()) return found.status();
               return MatchList("need_id", *id, kind_text, *found);
             });

  router.Add(
      "PUT", "/api/v1/needs/{id}/matches/{candidate_kind}/{candidate_id}/mark",
      domain::Access::MunicipalStaff(), [&matches](http::Request& request) -> Result<http::Response> {
        auto target = ReadMarkTarget(request, storage::ProposedForNeed);
        if (!target.ok()) return target.status();
        auto mark = ReadMarkBody(request);
        if (!mark.ok()) return mark.status();
        SAMSKAB_RETURN_IF_ERROR(matches.SetMark(auth::ScopeOf(request), auth::ActorOf(request),
                                                target->subject, target->kind, target->candidate, *mark));
        return MarkResponse("need_id", *target, *mark);
      });

  router.Add("DELETE", "/api/v1/needs/{id}/matches/{candidate_kind}/{candidate_id}/mark",
             domain::Access::MunicipalStaff(), [&matches](http::Request& request) -> Result<http::Response> {
               auto target = ReadMarkTarget(request, storage::ProposedForNeed);
               if (!target.ok()) return target.status();
               SAMSKAB_RETURN_IF_ERROR(matches.ClearMark(auth::ScopeOf(request), auth::ActorOf(request),
                                                         target->subject, target->kind, target->candidate));
               return NoContent();
             });
}

Result<OfferInReach> ReadOfferInReach(const http::Request& request, storage::OfferStore& offers) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("offer id is not a number", "offer.error.not_found");
  const domain::OfferViewer viewer = domain::OfferViewerOf(auth::PrincipalOf(request));
  auto offer = offers.Get(viewer, *id);
  if (!offer.ok()) return offer.status();
  auto reach = domain::ReachOf(viewer, *offer);
  if (!reach) return NotFound("offer out of the viewer's reach", "offer.error.not_found");
  return OfferInReach{std::move(*offer), std::move(*reach)};
}

std::optional<storage::CandidateKind> ParseOfferMatchListKind(std::string_view kind) {
  if (kind == "needs") return storage::CandidateKind::kNeed;
  if (kind == "units") return storage::CandidateKind::kUnit;
  return std::nullopt;
}

bool MayAskOrganisationMatches(const domain::Principal& principal, int64_t organisation_id) {
  return principal.Has(domain::Role::kPlatformAdmin) ||
         principal.HasForOrganisation(domain::Role::kOrganisationAdmin, organisation_id) ||
         principal.HasForOrganisation(domain::Role::kOrganisationMember, organisation_id);
}

void RegisterOfferMatchesApi(http::Router& router, storage::OfferStore& offers,
                             storage::OfferMatchStore& matches) {
  using domain::Access;
  // Signed in: the offer's visibility (its owner, the staff of the municipalities it is offered
  // to, platform admins) decides, as for the offer itself; any other caller gets "not found".
  router.Add("GET", "/api/v1/offers/{id}/matches", Access::SignedIn(),
             [&offers, &matches](http::Request& request) -> Result<http::Response> {
               auto subject = ReadOfferInReach(request, offers);
               if (!subject.ok()) return subject.status();
               const auto params = text::ParseUrlEncoded(request.query).value_or(text::Params{});
               const std::string kind_text(text::Find(params, "kind").value_or("needs"));
               const auto kind = ParseOfferMatchListKind(kind_text);
               if (!kind) return ValidationFailed({{"kind", "offer_matches.error.kind"}});
               auto limit = ReadLimit(params);
               if (!limit.ok()) return limit.status();
               auto found = matches.MatchesForOffer(subject->offer, subject->reach, *kind, *limit);
               if (!found.ok()) return found.status();
               return MatchList("offer_id", subject->offer.id, kind_text, *found);
             });

  router.Add("PUT", "/api/v1/offers/{id}/matches/{candidate_kind}/{candidate_id}/mark", Access::SignedIn(),
             [&offers, &matches](http::Request& request) -> Result<http::Response> {
               auto subject = ReadOfferInReach(request, offers);
               if (!subject.ok()) return subject.status();
               auto target = ReadMarkTarget(request, storage::ProposedForOffer);
               if (!target.ok()) return target.status();
               auto mark = ReadMarkBody(request);
               if (!mark.ok()) return mark.status();
               SAMSKAB_RETURN_IF_ERROR(matches.SetMark(subject->offer, subject->reach, auth::ActorOf(request),
                                                       target->kind, target->candidate, *mark));
               return MarkResponse("offer_id", *target, *mark);
             });

  router.Add("DELETE", "/api/v1/offers/{id}/matches/{candidate_kind}/{candidate_id}/mark", Access::SignedIn(),
             [&offers, &matches](http::Request& request) -> Result<http::Response> {
               auto subject = ReadOfferInReach(request, offers);
               if (!subject.ok()) return subject.status();
               auto target = ReadMarkTarget(request, storage::ProposedForOffer);
               if (!target.ok()) return target.status();
               SAMSKAB_RETURN_IF_ERROR(matches.ClearMark(
                   subject->offer, subject->reach, auth::ActorOf(request), target->kind, target->candidate));
               return NoContent();
             });

  // The organisation's own people (admins and members) and platform admins; to anyone else the
  // organisation's matches do not exist (docs/decisions/0016-offermatch.md).
  router.Add("GET", "/api/v1/organisations/{organisation}/matches", Access::SignedIn(),
             [&matches](http::Request& request) -> Result<http::Response> {
               const auto id = text::ParsePositiveId(request.PathParam("organisation"));
               if (!id || !MayAskOrganisationMatches(auth::PrincipalOf(request), *id))
                 return NotFound("not the caller's organisation", "organisation.error.not_found");
               const auto params = text::ParseUrlEncoded(request.query).value_or(text::Params{});
               auto limit = ReadLimit(params);
               if (!limit.ok()) return limit.status();
               auto found = matches.MatchesForOrganisation(*id, *limit);
               if (!found.ok()) return found.status();
               return MatchList("organisation_id", *id, found->company ? "organisations" : "offers",
                                found->items);
             });
}

}  // namespace samskab::api
