#include "web/worksheet_pages.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "auth/request_context.h"
#include "domain/access/policy.h"
#include "web/admin_frame.h"
#include "web/collaboration_form.h"

namespace samskab::web {
namespace {

using Deps = WorksheetPageDependencies;
using domain::Worksheet;

constexpr std::string_view kQuadrantsInput = "quadrants";

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

std::string ListPath(const http::Request& request) {
  return fmt::format("/admin/{}/worksheets", auth::ScopeOf(request).code());
}

std::string WorksheetPath(const http::Request& request, int64_t unit_id, int year) {
  return fmt::format("{}/{}/{}", ListPath(request), unit_id, year);
}

std::string QuadrantTitle(const Deps& deps, const http::Request& request, int quadrant) {
  return T(deps, request, fmt::format("collaboration.quadrant.q{}.title", quadrant));
}

// The units the caller may fill in worksheets for (the collaborations' reach rule).
std::set<int64_t> Reach(const http::Request& request, const std::vector<domain::Unit>& units) {
  return domain::UnitsInReach(auth::PrincipalOf(request), auth::ScopeOf(request).code(), units);
}

// The unit and year a worksheet URL names. Checked in this order: the year (a clear message),
// the unit (another municipality's or unknown: not found), then, for the form, the caller's reach.
struct Target {
  domain::Unit unit;
  int year = 0;
};

Result<Target> TargetOf(const Deps& deps, const http::Request& request, bool to_change) {
  const auto year = domain::ParseWorksheetYear(request.PathParam("year"));
  if (!year) return InvalidArgument("worksheet year out of range", "worksheet.error.year");
  const auto unit_id = text::ParsePositiveId(request.PathParam("unit"));
  if (!unit_id) return NotFound("unit id is not a number", "worksheet.error.unit_not_found");
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto units = deps.pages.units.List(scope);
  if (!units.ok()) return units.status();
  const auto unit =
      std::find_if(units->begin(), units->end(), [&](const domain::Unit& u) { return u.id == *unit_id; });
  if (unit == units->end())
    return NotFound("unit not in this municipality", "worksheet.error.unit_not_found");
  if (to_change) {
    if (!Reach(request, *units).contains(*unit_id))
      return Status(ErrorCode::kPermissionDenied, "unit not in the caller's reach",
                    "worksheet.error.not_your_unit");
  }
  return Target{*unit, *year};
}

// The saved worksheet, or a new one for the unit and year (revision 0).
Result<Worksheet> Load(const Deps& deps, const http::Request& request, const Target& target) {
  auto saved = deps.worksheets.Get(auth::ScopeOf(request), target.unit.id, target.year);
  if (saved.ok() || saved.status().code() != ErrorCode::kNotFound) return saved;
  Worksheet fresh;
  fresh.unit_id = target.unit.id;
  fresh.unit_name = target.unit.name;
  fresh.year = target.year;
  return fresh;
}

// --- GET /admin/{municipality}/worksheets (and /open, the small form's target) ---

Form OpenForm(const Deps& deps, const http::Request& request, const std::vector<domain::Unit>& units,
              const std::set<int64_t>& reach, const text::Params& values,
              std::vector<FieldProblem> problems) {
  Form form;
  form.method = "get";
  form.action = ListPath(request) + "/open";
  form.submit = T(deps, request, "worksheets.open_submit");
  form.problems = std::move(problems);
  Field unit = MakeField(deps.pages, request, "unit_id", "select", "worksheets.field.unit", "off", 0,
                         std::string(text::Find(values, "unit_id").value_or("")));
  const auto depths = domain::UnitDepths(units);
  for (const auto& u : units) {
    if (reach.contains(u.id))
      unit.options.emplace_back(std::to_string(u.id), IndentedUnitName(u, depths.at(u.id)));
  }
  form.fields.push_back(std::move(unit));
  const std::string this_year = FormatUtc(deps.pages.clock.Now()).substr(0, 4);
  Field year = MakeField(deps.pages, request, "year", "text", "worksheets.field.year", "off", 4,
                         std::string(text::Find(values, "year").value_or(this_year)));
  year.hint = T(deps, request, "worksheets.field.year_hint");
  form.fields.push_back(std::move(year));
  return form;
}

Result<http::Response> ListPageWith(const Deps& deps, const http::Request& request,
                                    const text::Params& values, std::vector<FieldProblem> problems,
                                    int status) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto units = deps.pages.units.List(scope);
  if (!units.ok()) return units.status();
  const std::set<int64_t> reach = Reach(request, *units);
  auto worksheets = deps.worksheets.List(scope);
  if (!worksheets.ok()) return worksheets.status();
  auto frame = MunicipalPage(deps.pages, request, "worksheets", "");
  if (!frame.ok()) return frame.status();
  frame->form_problems = !problems.empty();
  http::Response cookies;
  ctemplate::TemplateDictionary body("worksheets");
  if (worksheets->empty()) body.ShowSection("NONE");
  auto* table = worksheets->empty() ? nullptr : body.AddSectionDictionary("LIST");
  for (const auto& w : *worksheets) {
    auto* row = table->AddSectionDictionary("ROW");
    row->SetValue("UNIT", w.unit_name);
    row->SetIntValue("YEAR", w.year);
    row->SetValue("UPDATED", ShowTime(w.updated_at));
    row->SetValue("PRINT_HREF", WorksheetPath(request, w.unit_id, w.year) + "/print");
    if (reach.contains(w.unit_id))
      row->AddSectionDictionary("EDIT")->SetValue("HREF", WorksheetPath(request, w.unit_id, w.year));
  }
  if (reach.empty()) {
    body.ShowSection("NO_UNITS");
  } else {
    body.SetValue("OPEN_FORM", RenderForm(deps.pages.views, request, cookies,
                                          OpenForm(deps, request, *units, reach, values, std::move(problems)),
                                          deps.pages.secure_cookies));
  }
  return RenderAdmin(deps.pages, request, *frame, "worksheets", body, status, cookies);
}

Result<http::Response> ListPage(const Deps& deps, http::Request& request) {
  return ListPageWith(deps, request, {}, {}, 200);
}

Result<http::Response> OpenPage(const Deps& deps, http::Request& request) {
  auto params = text::ParseUrlEncoded(request.query);
  if (!params) return Status(ErrorCode::kMalformed, "malformed query string", "error.bad_request");
  std::vector<FieldProblem> problems;
  const auto unit_id = text::ParsePositiveId(text::Find(*params, "unit_id").value_or(""));
  auto units = deps.pages.units.List(auth::ScopeOf(request));
  if (!units.ok()) return units.status();
  const std::set<int64_t> reach = Reach(request, *units);
  if (!unit_id || !reach.contains(*unit_id)) problems.push_back({"unit_id", "validation.choice"});
  const auto year = domain::ParseWorksheetYear(text::Trim(text::Find(*params, "year").value_or("")));
  if (!year) problems.push_back({"year", "worksheet.error.year"});
  if (!problems.empty()) return ListPageWith(deps, request, *params, std::move(problems), 422);
  return http::Redirect(303, WorksheetPath(request, *unit_id, *year));
}

// --- GET and POST /admin/{municipality}/worksheets/{unit}/{year} ---

text::Params ValuesOf(const Worksheet& w) {
  text::Params values;
  for (const auto& answer : domain::kWorksheetAnswers)
    values.emplace_back(std::string(answer.name), w.*(answer.member));
  for (int q : w.quadrants) values.emplace_back(std::string(kQuadrantsInput), std::to_string(q));
  values.emplace_back("revision", std::to_string(w.revision));
  return values;
}

Form WorksheetForm(const Deps& deps, const http::Request& request, const Target& target,
                   const text::Params& values, std::vector<FieldProblem> problems) {
  Form form;
  form.action = WorksheetPath(request, target.unit.id, target.year);
  form.submit = T(deps, request, "worksheet.submit");
  form.problems = std::move(problems);
  form.hidden.emplace_back("revision", std::string(text::Find(values, "revision").value_or("0")));
  int part = 0;
  const auto start_part = [&](Field& field, int answer_part) {
    if (answer_part == part) return;
    part = answer_part;
    field.heading = T(deps, request, fmt::format("worksheet.part_{}", part));
  };
  for (const auto& answer : domain::kWorksheetAnswers) {
    const std::string name(answer.name);
    if (name == "quadrants_note") {
      // 2a: the quadrants to work with, then the note on why.
      Field quadrants = MakeField(deps.pages, request, std::string(kQuadrantsInput), "checkboxes",
                                  "worksheet.question.quadrants", "off", 0);
      start_part(quadrants, answer.part);
      quadrants.hint = T(deps, request, "worksheet.hint.quadrants");
      quadrants.values = FormValues(values, kQuadrantsInput);
      for (int q = 1; q <= 4; ++q)
        quadrants.options.emplace_back(std::to_string(q), QuadrantTitle(deps, request, q));
      form.fields.push_back(std::move(quadrants));
    }
    const bool short_answer = answer.max_length <= domain::kMaxContactOwnerLength;
    Field field = MakeField(deps.pages, request, name, short_answer ? "text" : "textarea",
                            "worksheet.question." + name, "off", static_cast<int>(answer.max_length),
                            std::string(text::Find(values, name).value_or("")));
    field.hint = T(deps, request, "worksheet.hint." + name);
    start_part(field, answer.part);
    form.fields.push_back(std::move(field));
  }
  return form;
}

Result<http::Response> FormPageWith(const Deps& deps, const http::Request& request, const Target& target,
                                    const Worksheet& saved, const text::Params& values,
                                    std::vector<FieldProblem> problems, int status) {
  auto frame = MunicipalPage(deps.pages, request, "worksheets", "");
  if (!frame.ok()) return frame.status();
  frame->heading = Fill(Fill(T(deps, request, "worksheet.heading"), "unit", target.unit.name), "year",
                        std::to_string(target.year));
  frame->lead = T(deps, request, "worksheet.lead");
  if (!problems.empty()) frame->notice.clear();
  frame->form_problems = !problems.empty();
  http::Response cookies;
  ctemplate::TemplateDictionary body("worksheet");
  body.SetValue("LIST_HREF", ListPath(request));
  if (saved.revision > 0) {
    auto* section = body.AddSectionDictionary("SAVED");
    section->SetValue("PRINT_HREF", WorksheetPath(request, target.unit.id, target.year) + "/print");
    section->SetValue("UPDATED", ShowTime(saved.updated_at));
  } else {
    body.ShowSection("NEW");
  }
  for (int q = 1; q <= 4; ++q) {
    auto* link = body.AddSectionDictionary("QUADRANT");
    link->SetValue("HREF", fmt::format("/model/quadrants/{}", q));
    link->SetValue("TITLE", QuadrantTitle(deps, request, q));
  }
  body.SetValue("FORM", RenderForm(deps.pages.views, request, cookies,
                                   WorksheetForm(deps, request, target, values, std::move(problems)),
                                   deps.pages.secure_cookies));
  return RenderAdmin(deps.pages, request, *frame, "worksheet", body, status, cookies);
}

Result<http::Response> FormPage(const Deps& deps, http::Request& request) {
  auto target = TargetOf(deps, request, /*to_change=*/true);
  if (!target.ok()) return target.status();
  auto worksheet = Load(deps, request, *target);
  if (!worksheet.ok()) return worksheet.status();
  return FormPageWith(deps, request, *target, *worksheet, ValuesOf(*worksheet), {}, 200);
}

Result<http::Response> Submit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params))
    return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
  auto target = TargetOf(deps, request, /*to_change=*/true);
  if (!target.ok()) return target.status();
  auto current = Load(deps, request, *target);
  if (!current.ok()) return current.status();
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  const bool starting = FormValue(*params, "revision") == "0";
  if (!revision && !starting) return Status(ErrorCode::kMalformed, "revision missing or not a number");

  Worksheet w = *current;
  for (const auto& answer : domain::kWorksheetAnswers) w.*(answer.member) = FormValue(*params, answer.name);
  w.quadrants.clear();
  std::vector<FieldProblem> problems;
  for (const auto& value : FormValues(*params, kQuadrantsInput)) {
    const auto q = text::ParsePositiveId(value);
    if (!q || *q > 4) {
      problems.push_back({std::string(kQuadrantsInput), "worksheet.error.quadrants"});
      break;
    }
    w.quadrants.push_back(static_cast<int>(*q));
  }
  if (!problems.empty())
    return FormPageWith(deps, request, *target, *current, *params, std::move(problems), 422);

  auto saved =
      deps.worksheets.Save(auth::ScopeOf(request), auth::ActorOf(request), w, starting ? 0 : *revision);
  if (!saved.ok()) {
    const Status& failure = saved.status();
    if (failure.code() == ErrorCode::kPreconditionFailed) {
      // Someone saved in between: keep what was typed, show the message, and let the next save
      // knowingly replace the newer version (the message says so; the print page shows theirs).
      auto latest = Load(deps, request, *target);
      if (!latest.ok()) return latest.status();
      text::Params values = *params;
      std::erase_if(values, [](const auto& p) { return p.first == "revision"; });
      values.emplace_back("revision", std::to_string(latest->revision));
      return FormPageWith(deps, request, *target, *latest, values,
                          {{std::string(kFormLevel), "worksheet.error.stale"}}, 412);
    }
    if (failure.code() != ErrorCode::kInvalidArgument || failure.fields().empty()) return failure;
    return FormPageWith(deps, request, *target, *current, *params, failure.fields(), 422);
  }
  return http::Redirect(303,
                        WorksheetPath(request, target->unit.id, target->year) + "?notice=worksheet.saved");
}

// --- GET /admin/{municipality}/worksheets/{unit}/{year}/print ---

Result<http::Response> PrintPage(const Deps& deps, http::Request& request) {
  auto target = TargetOf(deps, request, /*to_change=*/false);
  if (!target.ok()) return target.status();
  auto w = deps.worksheets.Get(auth::ScopeOf(request), target->unit.id, target->year);
  if (!w.ok()) return w.status();
  auto frame = MunicipalPage(deps.pages, request, "worksheets", "");
  if (!frame.ok()) return frame.status();
  frame->sidenav.clear();  // a printout has no menu
  frame->notice.clear();
  frame->heading = Fill(Fill(T(deps, request, "worksheet.heading"), "unit", w->unit_name), "year",
                        std::to_string(w->year));
  frame->lead.clear();
  ctemplate::TemplateDictionary body("worksheet_print");
  body.SetValue("FORM_HREF", WorksheetPath(request, w->unit_id, w->year));
  body.SetValue("UPDATED", ShowTime(w->updated_at));
  ctemplate::TemplateDictionary* part = nullptr;
  int part_number = 0;
  const auto question = [&](int number, std::string_view name) {
    if (number != part_number) {
      part_number = number;
      part = body.AddSectionDictionary("PART");
      part->SetValue("HEADING", T(deps, request, fmt::format("worksheet.part_{}", number)));
    }
    auto* q = part->AddSectionDictionary("QUESTION");
    q->SetValue("TEXT", T(deps, request, fmt::format("worksheet.question.{}", name)));
    return q;
  };
  for (const auto& answer : domain::kWorksheetAnswers) {
    if (answer.name == "quadrants_note") {
      auto* q = question(answer.part, kQuadrantsInput);
      if (w->quadrants.empty()) q->ShowSection("NONE");
      auto* list = w->quadrants.empty() ? nullptr : q->AddSectionDictionary("LIST");
      for (int n : w->quadrants)
        list->AddSectionDictionary("ITEM")->SetValue("TEXT", QuadrantTitle(deps, request, n));
    }
    auto* q = question(answer.part, answer.name);
    const std::string& text = (*w).*(answer.member);
    if (text.empty()) {
      q->ShowSection("NONE");
    } else {
      q->AddSectionDictionary("ANSWER")->SetValue("TEXT", text);
    }
  }
  return RenderAdmin(deps.pages, request, *frame, "worksheet_print", body, 200, {});
}

}  // namespace

void RegisterWorksheetPages(http::Router& router, const WorksheetPageDependencies& deps) {
  const domain::Access staff = domain::Access::MunicipalStaff("municipality");
  const auto page = [&deps](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", "/admin/{municipality}/worksheets", staff, page(ListPage));
  router.Add("GET", "/admin/{municipality}/worksheets/open", staff, page(OpenPage));
  router.Add("GET", "/admin/{municipality}/worksheets/{unit}/{year}", staff, page(FormPage));
  router.Add("POST", "/admin/{municipality}/worksheets/{unit}/{year}", staff, page(Submit));
  router.Add("GET", "/admin/{municipality}/worksheets/{unit}/{year}/print", staff, page(PrintPage));
}

}  // namespace samskab::web
