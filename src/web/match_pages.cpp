#include "web/match_pages.h"

#include <algorithm>
#include <bit>
#include <memory>

#include <fmt/format.h>

#include "auth/request_context.h"
#include "core/text.h"
#include "domain/market/skills.h"
#include "web/admin_frame.h"

namespace samskab::web {
namespace {

using Deps = MatchPageDependencies;
using storage::CandidateKind;

constexpr CandidateKind kKinds[] = {CandidateKind::kVolunteer, CandidateKind::kOrganisation,
                                    CandidateKind::kOffer};
constexpr int kShown = 20;

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

// "12,5" in Danish and Norwegian, "12.5" in English.
std::string Number(const http::Request& request, double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (request.lang != "en") std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string Labels(const PageDependencies& pages, const http::Request& request, uint64_t mask,
                   std::span<const std::string_view> catalog, std::string (*label_key)(std::string_view)) {
  std::string out;
  for (uint64_t m = mask; m != 0; m &= m - 1) {
    const auto bit = static_cast<size_t>(std::countr_zero(m));
    if (bit >= catalog.size()) continue;
    if (!out.empty()) out += ", ";
    out += Message(pages, request, label_key(catalog[bit]));
  }
  return out;
}

}  // namespace

std::vector<std::string> MatchReasons(const PageDependencies& pages, const http::Request& request,
                                      const domain::MatchResult& r, std::string_view text_key) {
  const auto t = [&](std::string_view key) { return Message(pages, request, key); };
  std::vector<std::string> reasons;
  const auto add = [&](double points, const std::string& text) {
    if (points <= 0) return;
    reasons.push_back(
        Fill(Fill(t("matches.reason.points"), "reason", text), "points", Number(request, points)));
  };
  const domain::MatchFactors& f = r.factors;
  add(f.welfare_area, t("matches.reason.welfare_area"));
  add(f.target_group, t("matches.reason.target_group"));
  add(f.skills, Fill(t("matches.reason.skills"), "skills",
                     Labels(pages, request, r.matched_skills, domain::SkillKeys(), domain::SkillLabelKey)));
  add(f.languages,
      Fill(t("matches.reason.languages"), "languages",
           Labels(pages, request, r.matched_languages, domain::LanguageCodes(), domain::LanguageLabelKey)));
  if (r.distance_km)
    add(f.distance, Fill(t("matches.reason.distance"), "km", Number(request, *r.distance_km)));
  add(f.availability,
      Fill(t("matches.reason.availability"), "count", std::to_string(r.availability_overlap)));
  add(f.text, Fill(t(text_key), "count", std::to_string(r.matched_words)));
  return reasons;
}

std::string RenderMatchSection(const PageDependencies& pages, const http::Request& request,
                               http::Response& cookies, const MatchSection& section) {
  const auto t = [&](std::string_view key) { return Message(pages, request, key); };
  ctemplate::TemplateDictionary dict("match_list");
  dict.SetValue("ID", section.id);
  dict.SetValue("HEADING", section.heading);
  if (section.found.empty()) dict.ShowSection("NONE");
  auto* list = section.found.empty() ? nullptr : dict.AddSectionDictionary("LIST");
  if (list) list->SetValue("HEADING", section.heading);
  int rank = 0;
  for (const auto& c : section.found) {
    auto* row = list->AddSectionDictionary("CANDIDATE");
    row->SetIntValue("RANK", ++rank);
    row->SetValue("NAME", c.display_name);
    if (!c.municipality_code.empty()) {
      auto municipality = pages.municipalities.Get(c.municipality_code);
      row->AddSectionDictionary("PLACE")->SetValue(
          "TEXT", municipality.ok() ? municipality->name : c.municipality_code);
    }
    row->SetValue("SCORE", Number(request, c.result.score));
    for (const std::string& reason : MatchReasons(pages, request, c.result, section.text_key)) {
      row->AddSectionDictionary("REASON")->SetValue("TEXT", reason);
    }
    const std::vector<std::pair<std::string, std::string>> target = {
        {"candidate_kind", std::string(storage::CandidateKindName(c.kind))},
        {"candidate_id", std::to_string(c.id)}};
    auto button = [&](const std::string& mark, const std::string& text_key) {
      auto hidden = target;
      hidden.emplace_back("mark", mark);
      return RenderForm(pages.views, request, cookies,
                        ButtonForm(section.mark_path, t(text_key), c.display_name, hidden),
                        pages.secure_cookies);
    };
    if (c.mark) {
      row->AddSectionDictionary("MARKED")->SetValue("MARK", t("matches.mark." + *c.mark));
      row->SetValue("ACTIONS", button("clear", "matches.action.clear"));
    } else {
      row->SetValue("ACTIONS", button("contacted", "matches.action.contacted") +
                                   button("not_relevant", "matches.action.not_relevant"));
    }
  }
  return pages.views.Fragment(request.lang, "match_list", dict);
}

namespace {

std::string MatchesPath(const http::Request& request, int64_t need) {
  return fmt::format("/admin/{}/needs/{}/matches", auth::ScopeOf(request).code(), need);
}

Result<int64_t> NeedId(const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("need id is not a number");
  return *id;
}

Result<http::Response> PageWith(const Deps& deps, const http::Request& request, int64_t need_id,
                                std::string error_key, int status) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto need = deps.matches.Need(scope, need_id);
  if (!need.ok()) return need.status();
  auto frame = MunicipalPage(deps.pages, request, "need_matches", std::move(error_key));
  if (!frame.ok()) return frame.status();
  http::Response cookies;
  ctemplate::TemplateDictionary body("admin_need_matches");
  body.SetValue("NEED_TITLE", need->title);
  const std::string path = MatchesPath(request, need_id);
  for (const CandidateKind kind : kKinds) {
    const std::string kind_name(storage::CandidateKindName(kind));
    auto found = deps.matches.MatchesForNeed(scope, need_id, kind, kShown);
    if (!found.ok()) return found.status();
    body.AddSectionDictionary("KIND")->SetValue(
        "SECTION", RenderMatchSection(deps.pages, request, cookies,
                                      {kind_name, T(deps, request, "matches.heading." + kind_name), *found,
                                       path + "/mark", "matches.reason.text"}));
  }
  return RenderAdmin(deps.pages, request, *frame, "admin_need_matches", body, status, cookies);
}

Result<http::Response> MatchesPage(const Deps& deps, http::Request& request) {
  auto id = NeedId(request);
  if (!id.ok()) return id.status();
  return PageWith(deps, request, *id, "", 200);
}

// --- POST /admin/{municipality}/needs/{id}/matches/mark ---

Result<http::Response> MarkSubmit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  auto id = NeedId(request);
  if (!FormCsrfValid(request, *params)) {
    // Refused before anything else is looked at, so a missing need answers the same 403.
    if (!id.ok() || !deps.matches.Need(auth::ScopeOf(request), *id).ok()) {
      return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
    }
    return PageWith(deps, request, *id, "validation.csrf", 403);
  }
  if (!id.ok()) return id.status();
  const auto kind = storage::ParseCandidateKind(FormValue(*params, "candidate_kind"));
  const auto candidate = text::ParsePositiveId(FormValue(*params, "candidate_id"));
  const std::string mark = FormValue(*params, "mark");
  if (!kind || !candidate) return PageWith(deps, request, *id, "matches.error.candidate", 422);
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  Status done = mark == "clear"
                    ? deps.matches.ClearMark(scope, auth::ActorOf(request), *id, *kind, *candidate)
                    : deps.matches.SetMark(scope, auth::ActorOf(request), *id, *kind, *candidate, mark);
  if (!done.ok()) {
    if (done.code() == ErrorCode::kInvalidArgument)
      return PageWith(deps, request, *id, "matches.error.mark", 422);
    if (done.code() == ErrorCode::kNotFound) {
      // The need itself missing is the page's 404; a candidate that went away, a problem on it.
      if (!deps.matches.Need(scope, *id).ok()) return done;
      return PageWith(deps, request, *id, "matches.error.candidate", 404);
    }
    return done;
  }
  return http::Redirect(303, MatchesPath(request, *id) + "?notice=matches.marked");
}

}  // namespace

void RegisterMatchPages(http::Router& router, const MatchPageDependencies& deps) {
  const domain::Access staff = domain::Access::MunicipalStaff("municipality");
  const auto kept = std::make_shared<const Deps>(deps);
  const auto page = [kept](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [kept, handler](http::Request& request) { return handler(*kept, request); };
  };
  router.Add("GET", "/admin/{municipality}/needs/{id}/matches", staff, page(MatchesPage));
  router.Add("POST", "/admin/{municipality}/needs/{id}/matches/mark", staff, page(MarkSubmit));
}

}  // namespace samskab::web
