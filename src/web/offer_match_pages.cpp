#include "web/offer_match_pages.h"

#include <memory>

#include <fmt/format.h>

#include "api/matches_api.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "web/account_pages.h"
#include "web/forms.h"
#include "web/match_pages.h"
#include "web/offer_pages.h"

namespace samskab::web {
namespace {

using Deps = OfferMatchPageDependencies;
using storage::CandidateKind;

constexpr CandidateKind kKinds[] = {CandidateKind::kNeed, CandidateKind::kUnit};
constexpr int kShown = 20;

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

std::string OfferPath(int64_t id) { return fmt::format("/account/offers/{}", id); }

// The offer in the URL if the person owns it (these are the owner's pages), with its reach.
Result<api::OfferInReach> LoadOwn(const Deps& deps, const http::Request& request) {
  auto subject = api::ReadOfferInReach(request, deps.offers);
  if (!subject.ok()) return subject.status();
  if (!domain::OwnsOffer(domain::OfferViewerOf(auth::PrincipalOf(request)), subject->offer))
    return NotFound("not the person's offer", "offer.error.not_found");
  return subject;
}

Result<http::Response> PageWith(const Deps& deps, const http::Request& request,
                                const api::OfferInReach& subject, const std::string& error_key, int status) {
  http::Response cookies;
  ctemplate::TemplateDictionary body("offer_matches");
  const std::string path = OfferPath(subject.offer.id);
  body.SetValue("BACK_HREF", path);
  body.SetValue("OFFER_TITLE", subject.offer.title);
  if (!error_key.empty()) body.AddSectionDictionary("ERROR")->SetValue("TEXT", T(deps, request, error_key));
  const std::string notice = NoticeText(deps.pages, request);
  if (!notice.empty()) body.AddSectionDictionary("NOTICE")->SetValue("TEXT", notice);
  for (const CandidateKind kind : kKinds) {
    const std::string kind_name(storage::CandidateKindName(kind));
    auto found = deps.matches.MatchesForOffer(subject.offer, subject.reach, kind, kShown);
    if (!found.ok()) return found.status();
    body.AddSectionDictionary("KIND")->SetValue(
        "SECTION", RenderMatchSection(deps.pages, request, cookies,
                                      {kind_name, T(deps, request, "offer_matches.heading." + kind_name),
                                       *found, path + "/matches/mark", "offer_matches.text"}));
  }
  return RenderOfferPage(deps.pages, request, T(deps, request, "offer_matches.title"), "offer_matches", body,
                         status, cookies, !error_key.empty());
}

Result<http::Response> MatchesPage(const Deps& deps, http::Request& request) {
  auto subject = LoadOwn(deps, request);
  if (!subject.ok()) return subject.status();
  return PageWith(deps, request, *subject, "", 200);
}

// --- POST /account/offers/{id}/matches/mark ---

Result<http::Response> MarkSubmit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  auto subject = LoadOwn(deps, request);
  if (!FormCsrfValid(request, *params)) {
    // Refused before anything else is looked at, so a missing offer answers the same 403.
    if (!subject.ok())
      return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
    return PageWith(deps, request, *subject, "validation.csrf", 403);
  }
  if (!subject.ok()) return subject.status();
  const auto kind = storage::ParseCandidateKind(FormValue(*params, "candidate_kind"));
  const auto candidate = text::ParsePositiveId(FormValue(*params, "candidate_id"));
  if (!kind || !storage::ProposedForOffer(*kind) || !candidate)
    return PageWith(deps, request, *subject, "matches.error.candidate", 422);
  const std::string mark = FormValue(*params, "mark");
  const domain::Actor actor = auth::ActorOf(request);
  const Status done =
      mark == "clear" ? deps.matches.ClearMark(subject->offer, subject->reach, actor, *kind, *candidate)
                      : deps.matches.SetMark(subject->offer, subject->reach, actor, *kind, *candidate, mark);
  if (!done.ok()) {
    if (done.code() == ErrorCode::kInvalidArgument)
      return PageWith(deps, request, *subject, "matches.error.mark", 422);
    if (done.code() == ErrorCode::kNotFound)
      return PageWith(deps, request, *subject, "matches.error.candidate", 404);
    return done;
  }
  return http::Redirect(303, OfferPath(subject->offer.id) + "/matches?notice=matches.marked");
}

}  // namespace

void RegisterOfferMatchPages(http::Router& router, const OfferMatchPageDependencies& deps) {
  const domain::Access person = domain::Access::Person();
  const auto kept = std::make_shared<const Deps>(deps);
  const auto page = [kept](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [kept, handler](http::Request& request) { return handler(*kept, request); };
  };
  router.Add("GET", "/account/offers/{id}/matches", person, page(MatchesPage));
  router.Add("POST", "/account/offers/{id}/matches/mark", person, page(MarkSubmit));
}

}  // namespace samskab::web
