#include "web/matrix_pages.h"

#include <fmt/format.h>

#include "api/collaboration_fields.h"
#include "api/collaborations_api.h"
#include "auth/request_context.h"
#include "domain/access/policy.h"
#include "domain/collaboration/guidance.h"
#include "web/admin_frame.h"
#include "web/csrf.h"
#include "web/forms.h"
#include "web/matrix_svg.h"

namespace samskab::web {
namespace {

std::string T(const CollaborationPageDependencies& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

// The overview's query string without paging, sorting or format: what the matrix's links carry.
std::string FilterQuery(const http::Request& request) {
  std::string query;
  const auto params = text::ParseUrlEncoded(request.query);
  if (!params) return query;
  for (const auto& [name, value] : *params) {
    if (name == "offset" || name == "limit" || name == "sort" || name == "format" || name == "quadrant" ||
        name == "level" || value.empty())
      continue;
    query += fmt::format("&{}={}", text::PercentEncode(name), text::PercentEncode(value));
  }
  return query;
}

MatrixLabels Labels(const CollaborationPageDependencies& deps, const http::Request& request,
                    const MatrixCounts& counts) {
  const std::string code = request.municipality;
  const std::string overview = fmt::format("/admin/{}/collaborations?", code);
  const std::string filters = FilterQuery(request);
  MatrixLabels labels;
  labels.title = T(deps, request, "matrix.svg_title");
  // "Kvadrant 1: 3 forløb. … Mellem: 4 forløb." for screen readers, from the labels below.
  for (int q = 1; q <= 4; ++q) {
    labels.description += fmt::format("{}: {}{}. ", T(deps, request, fmt::format("matrix.quadrant_{}", q)),
                                      counts.quadrants.at(q - 1), T(deps, request, "matrix.count_suffix"));
  }
  labels.description += fmt::format("{}: {}{}.", T(deps, request, "matrix.medium"),
                                    counts.medium_associations + counts.medium_communities,
                                    T(deps, request, "matrix.count_suffix"));
  labels.axis_involvement = T(deps, request, "matrix.axis_involvement");
  labels.axis_volunteer_type = T(deps, request, "matrix.axis_volunteer_type");
  labels.high = T(deps, request, "matrix.high");
  labels.medium = T(deps, request, "matrix.medium");
  labels.low = T(deps, request, "matrix.low");
  labels.associations = T(deps, request, "collaboration.volunteer_type.associations");
  labels.communities_and_individuals =
      T(deps, request, "collaboration.volunteer_type.communities_and_individuals");
  for (int q = 1; q <= 4; ++q) {
    labels.quadrant_names.at(q - 1) = T(deps, request, fmt::format("matrix.quadrant_{}", q));
    labels.quadrant_hrefs.at(q - 1) = fmt::format("{}quadrant={}{}", overview, q, filters);
  }
  // Medium: the overview filtered on the level and the partners' kinds of that column.
  labels.medium_href_associations = fmt::format("{}level=medium{}", overview, filters);
  labels.medium_href_communities = labels.medium_href_associations;
  labels.count_suffix = T(deps, request, "matrix.count_suffix");
  labels.point_href_prefix = fmt::format("/admin/{}/collaborations/", code);
  return labels;
}

Result<http::Response> MatrixPage(const CollaborationPageDependencies& deps, http::Request& request,
                                  bool print) {
  auto overview = ReadOverviewFilters(deps, request, fmt::format("/admin/{}/matrix", request.municipality));
  if (!overview.ok()) return overview.status();
  // With a bad filter value the form says which, and the matrix shows every collaboration meanwhile.
  const bool filtered = overview->problems.empty();
  auto points = deps.api.collaborations.Matrix(
      auth::ScopeOf(request), filtered ? overview->query.filter : storage::CollaborationFilter{});
  if (!points.ok()) return points.status();
  const MatrixCounts counts = CountMatrix(*points);
  auto frame = MunicipalPage(deps.pages, request, "matrix", "");
  if (!frame.ok()) return frame.status();
  frame->form_problems = !filtered;
  if (print) frame->sidenav.clear();
  http::Response cookies;
  ctemplate::TemplateDictionary body("matrix");
  if (!print) {
    auto* form = body.AddSectionDictionary("FILTERS");
    form->SetValue("FILTER_FORM",
                   RenderForm(deps.pages.views, request, cookies, overview->form, deps.pages.secure_cookies));
    if (!request.query.empty()) form->ShowSection("OPEN");  // the filters in use stay in sight
  }
  body.SetValue("SVG", RenderMatrixSvg(*points, counts, Labels(deps, request, counts)));
  const std::string filters = FilterQuery(request);
  for (int q = 1; q <= 4; ++q) {
    auto* row = body.AddSectionDictionary("COUNT");
    row->SetValue("NAME", T(deps, request, fmt::format("matrix.quadrant_{}", q)));
    row->SetValue("TITLE", T(deps, request, fmt::format("collaboration.quadrant.q{}.title", q)));
    row->SetValue("COUNT", std::to_string(counts.quadrants.at(q - 1)));
    row->SetValue("HREF",
                  fmt::format("/admin/{}/collaborations?quadrant={}{}", request.municipality, q, filters));
    row->SetValue("GUIDANCE", fmt::format("/model/quadrants/{}", q));
  }
  body.SetValue("MEDIUM_ASSOCIATIONS", std::to_string(counts.medium_associations));
  body.SetValue("MEDIUM_COMMUNITIES", std::to_string(counts.medium_communities));
  body.SetValue("MEDIUM_HREF",
                fmt::format("/admin/{}/collaborations?level=medium{}", request.municipality, filters));
  body.SetValue("UNPLACED", std::to_string(counts.unplaced));
  body.SetValue("TOTAL", std::to_string(points->size()));
  const std::string query_string = request.query.empty() ? "" : "?" + request.query;
  if (print) {
    body.ShowSection("PRINT");
  } else {
    auto* links = body.AddSectionDictionary("LINKS");
    links->SetValue("PRINT_HREF",
                    fmt::format("/admin/{}/matrix/print{}", request.municipality, query_string));
    links->SetValue("OVERVIEW_HREF",
                    fmt::format("/admin/{}/collaborations{}", request.municipality, query_string));
  }
  return RenderAdmin(deps.pages, request, *frame, "matrix", body, filtered ? 200 : 422, cookies);
}

// --- the advisor ---

// The planner's answers, read from the GET form (or the save form's hidden fields).
struct Answers {
  std::vector<domain::OrganisationKind> kinds;
  domain::InvolvementFacts facts;
  bool asked = false;
};

Answers ReadAnswers(const text::Params& params) {
  Answers answers;
  for (const auto& value : FormValues(params, "kind")) {
    if (auto kind = domain::ParseOrganisationKind(value)) answers.kinds.push_back(*kind);
  }
  for (const auto& value : FormValues(params, "fact")) {
    for (const auto& field : domain::kFactFields) {
      if (field.name == value) answers.facts.*(field.member) = true;
    }
  }
  answers.asked = !FormValue(params, "ask").empty();
  return answers;
}

void FillQuestions(const CollaborationPageDependencies& deps, const http::Request& request,
                   const Answers& answers, ctemplate::TemplateDictionary& body) {
  for (const char* name : {"popular_education_association", "humanitarian_association", "community",
                           "individual", "company", "social_enterprise"}) {
    auto* option = body.AddSectionDictionary("KIND");
    option->SetValue("VALUE", name);
    option->SetValue("LABEL", T(deps, request, fmt::format("collaboration.kind.{}", name)));
    const auto kind = domain::ParseOrganisationKind(name);
    if (std::find(answers.kinds.begin(), answers.kinds.end(), *kind) != answers.kinds.end())
      option->ShowSection("CHECKED");
  }
  for (const auto& field : domain::kFactFields) {
    auto* option = body.AddSectionDictionary("FACT");
    option->SetValue("VALUE", std::string(field.name));
    option->SetValue("LABEL", T(deps, request, fmt::format("collaboration.reason.fact.{}", field.name)));
    if (answers.facts.*(field.member)) option->ShowSection("CHECKED");
  }
}

// The save form: title and unit, the answers as hidden fields.
Form SaveForm(const CollaborationPageDependencies& deps, const http::Request& request, const Answers& answers,
              const std::vector<domain::Unit>& units, const std::set<int64_t>& reach,
              const text::Params& posted) {
  Form form;
  form.action = fmt::format("/admin/{}/advisor/save", request.municipality);
  form.submit = T(deps, request, "advisor.save_submit");
  Field title = MakeField(deps.pages, request, "title", "text", "advisor.save_title", "off", 200,
                          FormValue(posted, "title"));
  Field unit = MakeField(deps.pages, request, "unit_id", "select", "advisor.save_unit", "off", 0,
                         FormValue(posted, "unit_id"));
  for (const auto& u : units) {
    if (reach.contains(u.id)) unit.options.emplace_back(std::to_string(u.id), u.name);
  }
  form.fields = {title, unit};
  for (const auto kind : answers.kinds)
    form.hidden.emplace_back("kind", std::string(domain::OrganisationKindName(kind)));
  for (const auto& field : domain::kFactFields) {
    if (answers.facts.*(field.member)) form.hidden.emplace_back("fact", std::string(field.name));
  }
  form.hidden.emplace_back("ask", "1");
  return form;
}

Result<http::Response> AdvisorPage(const CollaborationPageDependencies& deps, http::Request& request,
                                   const text::Params& params, std::vector<FieldProblem> problems,
                                   int status) {
  const Answers answers = ReadAnswers(params);
  auto frame = MunicipalPage(deps.pages, request, "advisor", "");
  if (!frame.ok()) return frame.status();
  frame->form_problems = !problems.empty();
  ctemplate::TemplateDictionary body("advisor");
  body.SetValue("ACTION", fmt::format("/admin/{}/advisor", request.municipality));
  FillQuestions(deps, request, answers, body);
  http::Response cookies;
  if (answers.asked) {
    auto placement = domain::PlaceCollaboration(answers.facts, answers.kinds, std::nullopt, "");
    if (!placement.ok()) return placement.status();
    auto* result = body.AddSectionDictionary("RESULT");
    if (placement->quadrant) {
      result->SetValue(
          "PLACEMENT",
          fmt::format(
              "{} · {}",
              T(deps, request, fmt::format("collaboration.level.{}", InvolvementLevelName(placement->level))),
              T(deps, request, fmt::format("matrix.quadrant_{}", *placement->quadrant))));
    } else if (placement->adjacent_quadrants.size() == 2) {
      result->SetValue("PLACEMENT", Fill(Fill(T(deps, request, "advisor.between"), "a",
                                              std::to_string(placement->adjacent_quadrants[0])),
                                         "b", std::to_string(placement->adjacent_quadrants[1])));
    } else {
      result->SetValue("PLACEMENT", T(deps, request, "advisor.no_kind"));
    }
    for (const auto& reason : placement->reasons)
      result->AddSectionDictionary("REASON")->SetValue("TEXT", T(deps, request, reason.key));
    const auto points = domain::AttentionPointsFor(*placement);
    ctemplate::TemplateDictionary* table = points.empty() ? nullptr : result->AddSectionDictionary("POINTS");
    for (const auto& point : points) {
      auto* item = table->AddSectionDictionary("POINT");
      item->SetValue("QUADRANT", T(deps, request, fmt::format("matrix.quadrant_{}", point.quadrant)));
      item->SetValue("ASPECT", T(deps, request,
                                 fmt::format("collaboration.aspect.{}", domain::AspectName(point.aspect))));
      item->SetValue("EXPECTATION", T(deps, request,
                                      fmt::format("collaboration.expectation.{}",
                                                  domain::ExpectationName(point.expectation))));
      item->SetValue("TEXT", T(deps, request, point.key));
    }
    for (int q :
         placement->quadrant ? std::vector<int>{*placement->quadrant} : placement->adjacent_quadrants) {
      auto* link = result->AddSectionDictionary("GUIDANCE");
      link->SetValue("HREF", fmt::format("/model/quadrants/{}", q));
      link->SetValue("TEXT", T(deps, request, fmt::format("collaboration.quadrant.q{}.title", q)));
    }
    const auto scope = auth::ScopeOf(request);
    auto units = deps.pages.units.List(scope);
    if (!units.ok()) return units.status();
    const auto reach = domain::UnitsInReach(auth::PrincipalOf(request), scope.code(), *units);
    if (!reach.empty()) {
      Form form = SaveForm(deps, request, answers, *units, reach, params);
      form.problems = std::move(problems);
      result->SetValue("SAVE_FORM",
                       RenderForm(deps.pages.views, request, cookies, form, deps.pages.secure_cookies));
    }
  }
  return RenderAdmin(deps.pages, request, *frame, "advisor", body, status, cookies);
}

Result<http::Response> AdvisorSave(const CollaborationPageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params))
    return AdvisorPage(deps, request, *params, {{std::string(kFormLevel), "validation.csrf"}}, 403);
  const Answers answers = ReadAnswers(*params);
  domain::Collaboration c;
  c.title = FormValue(*params, "title");
  c.status = domain::CollaborationStatus::kIdea;
  c.facts = answers.facts;
  // The intended partner kinds are not organisations yet; they are kept in the description.
  std::string kinds;
  for (const auto kind : answers.kinds) {
    if (!kinds.empty()) kinds += ", ";
    kinds += T(deps, request, fmt::format("collaboration.kind.{}", domain::OrganisationKindName(kind)));
  }
  if (!kinds.empty()) c.description = Fill(T(deps, request, "advisor.saved_description"), "kinds", kinds);
  if (auto unit = text::ParsePositiveId(FormValue(*params, "unit_id"))) c.unit_ids.push_back(*unit);
  std::vector<FieldProblem> problems;
  if (c.unit_ids.empty()) problems.push_back({"unit_id", "validation.required"});
  if (problems.empty()) {
    Status reach = api::CheckUnitReach(request, deps.pages.units, nullptr, c.unit_ids);
    if (!reach.ok()) {
      for (const auto& field : reach.fields()) problems.push_back({"unit_id", field.message_key});
      if (reach.fields().empty()) return reach;
    }
  }
  if (problems.empty()) {
    auto created = deps.api.collaborations.Create(auth::ScopeOf(request), auth::ActorOf(request), c);
    if (created.ok())
      return http::Redirect(303, fmt::format("/admin/{}/collaborations/{}?notice=collaboration_created",
                                             request.municipality, created->id));
    const Status refused = created.status();  // status() is a temporary: keep it alive
    if (refused.fields().empty()) return refused;
    for (const auto& field : refused.fields())
      problems.push_back({field.field == "unit_ids" ? "unit_id" : field.field, field.message_key});
  }
  return AdvisorPage(deps, request, *params, std::move(problems), 422);
}

}  // namespace

void RegisterMatrixPages(http::Router& router, const CollaborationPageDependencies& deps) {
  const auto staff = domain::Access::MunicipalStaff("municipality");
  router.Add("GET", "/admin/{municipality}/matrix", staff,
             [&deps](http::Request& request) { return MatrixPage(deps, request, /*print=*/false); });
  router.Add("GET", "/admin/{municipality}/matrix/print", staff,
             [&deps](http::Request& request) { return MatrixPage(deps, request, /*print=*/true); });
  router.Add("GET", "/admin/{municipality}/advisor", staff,
             [&deps](http::Request& request) -> Result<http::Response> {
               const auto params = text::ParseUrlEncoded(request.query);
               if (!params) return Status(ErrorCode::kMalformed, "malformed query string");
               return AdvisorPage(deps, request, *params, {}, 200);
             });
  router.Add("POST", "/admin/{municipality}/advisor/save", staff,
             [&deps](http::Request& request) { return AdvisorSave(deps, request); });
}

}  // namespace samskab::web
