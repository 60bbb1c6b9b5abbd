#include "web/opportunity_pages.h"

#include <algorithm>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "auth/request_context.h"
#include "domain/access/policy.h"
#include "domain/market/skills.h"
#include "domain/vocabulary/vocabulary.h"
#include "web/account_pages.h"
#include "web/admin_frame.h"
#include "web/collaboration_form.h"
#include "web/paging.h"
#include "web/poster_side.h"
#include "web/volunteer_pages.h"

namespace samskab::web {
namespace {

using Deps = OpportunityPageDependencies;
using domain::Opportunity;

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

std::string Labels(const Deps& deps, const http::Request& request, const std::vector<std::string>& keys,
                   const std::function<std::string(const std::string&)>& label_key) {
  std::string out;
  for (const auto& key : keys) {
    if (!out.empty()) out += ", ";
    out += T(deps, request, label_key(key));
  }
  return out;
}

std::string Period(const Opportunity& o) {
  if (!o.starts_on && !o.ends_on) return "";
  return fmt::format("{} – {}", o.starts_on.value_or(""), o.ends_on.value_or(""));
}

// --- GET /opportunities/{id} ---

Result<http::Response> PublicPage(const Deps& deps, http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("opportunity id is not a number", "opportunity.error.not_found");
  auto o = deps.opportunities.GetOpen(*id);
  if (!o.ok()) return o.status();
  auto municipality = SiteMunicipality(deps.pages);
  if (!municipality.ok()) return municipality.status();
  ctemplate::TemplateDictionary content("opportunity_public");
  content.SetValue("TITLE", o->title);
  content.SetValue("POSTER", o->unit_id ? o->unit_name : o->organisation_name);
  if (!o->description.empty()) content.AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", o->description);
  if (o->involves_children) content.ShowSection("CHILDREN");
  const auto fact = [&](std::string_view label_key, const std::string& value) {
    if (value.empty()) return;
    auto* item = content.AddSectionDictionary("FACT");
    item->SetValue("LABEL", T(deps, request, label_key));
    item->SetValue("VALUE", value);
  };
  if (o->postcode) fact("opportunity_page.place", fmt::format("{} {}", *o->postcode, o->town));
  fact("opportunity_page.capacity", std::to_string(o->capacity));
  fact("opportunity_page.period", Period(*o));
  fact("opportunity_page.time_note", o->time_note);
  fact("opportunity_page.skills",
       Labels(deps, request, o->skills, [](const std::string& k) { return domain::SkillLabelKey(k); }));
  fact("opportunity_page.welfare_areas", Labels(deps, request, o->welfare_areas, [](const std::string& k) {
         return domain::BuiltInLabelKey(domain::Vocabulary::kWelfareArea, k);
       }));
  fact("opportunity_page.target_groups", Labels(deps, request, o->target_groups, [](const std::string& k) {
         return domain::BuiltInLabelKey(domain::Vocabulary::kTargetGroup, k);
       }));
  if (!o->availability.empty()) {
    auto* grid = content.AddSectionDictionary("GRID");
    for (int slot = 0; slot < domain::kSlotsPerDay; ++slot)
      grid->AddSectionDictionary("COLUMN")->SetValue(
          "LABEL", T(deps, request, fmt::format("availability.slot.{}", domain::SlotKey(slot))));
    for (int day = 0; day < domain::kDaysPerWeek; ++day) {
      if (!o->availability.OnDay(day)) continue;  // only the days it happens: short and clear
      auto* row = grid->AddSectionDictionary("ROW");
      row->SetValue("LABEL", T(deps, request, fmt::format("availability.day.{}", domain::DayKey(day))));
      for (int slot = 0; slot < domain::kSlotsPerDay; ++slot)
        row->AddSectionDictionary(o->availability.Has(day, slot) ? "YES" : "NO");
    }
  }
  content.SetValue("APPLY_HREF", fmt::format("/opportunities/{}/apply", o->id));
  const Frame frame{o->title, municipality->name, ""};
  http::Response response =
      HtmlPage(deps.pages.views.Page(request, frame, "opportunity_public", content), 200);
  response.headers.Set("Cache-Control", "no-cache");
  return response;
}

// --- the posters' pages: the staff's under /admin/{municipality}/opportunities and an
// organisation's under /account/organisations/{organisation}/opportunities, one set of handlers
// taking the side from the route (web/poster_side.h) ---

constexpr int64_t kPerPage = 50;

std::string EditPath(const PosterSide& side, int64_t id) {
  return fmt::format("{}/{}/edit", side.OpportunitiesPath(), id);
}

// The side's list frame: the municipality's page for staff, the organisation's for its people.
Result<AdminPage> ListFrame(const Deps& deps, const http::Request& request, const PosterSide& side) {
  if (!side.IsOrganisation()) return MunicipalPage(deps.pages, request, "opportunities", "");
  AdminPage frame = PosterFrame(deps.pages, request, side);
  frame.notice = NoticeText(deps.pages, request);
  frame.heading = Fill(T(deps, request, "orgposts.heading"), "organisation", side.organisation_name);
  frame.lead = T(deps, request, "orgposts.lead");
  return frame;
}

Result<http::Response> ListPage(const Deps& deps, http::Request& request, SideOf side_of) {
  auto side = side_of(deps.pages, request);
  if (!side.ok()) return side.status();
  const int64_t page = RequestedPage(request);
  auto list = deps.opportunities.List(side->manager, std::nullopt, (page - 1) * kPerPage, kPerPage);
  if (!list.ok()) return list.status();
  auto frame = ListFrame(deps, request, *side);
  if (!frame.ok()) return frame.status();
  http::Response cookies;
  ctemplate::TemplateDictionary body("opportunities");
  if (side->IsOrganisation() || !side->reach.empty())
    body.AddSectionDictionary("NEW")->SetValue("HREF", side->OpportunitiesPath() + "/new");
  if (list->items.empty()) body.ShowSection("NONE");
  auto* table = list->items.empty() ? nullptr : body.AddSectionDictionary("LIST");
  for (const auto& o : list->items) {
    auto* row = table->AddSectionDictionary("ROW");
    row->SetValue("TITLE", o.title);
    row->SetValue("POSTER", o.unit_id ? o.unit_name : o.organisation_name);
    row->SetValue("STATUS", T(deps, request,
                              fmt::format("opportunity_form.status_choice.{}",
                                          domain::OpportunityStatusName(o.status))));
    row->SetIntValue("CAPACITY", o.capacity);
    row->SetValue("PERIOD", Period(o));
    if (o.status == domain::OpportunityStatus::kOpen)
      row->AddSectionDictionary("PUBLIC")->SetValue("HREF", fmt::format("/opportunities/{}", o.id));
    if (side->Posts(o)) {
      // The applications pipeline (application_pages) lives beside the list.
      auto* applications = row->AddSectionDictionary("APPLICATIONS");
      applications->SetValue("HREF", side->PipelinePath(o.id));
      applications->SetValue("TITLE", o.title);
      auto* edit = row->AddSectionDictionary("EDIT");
      edit->SetValue("HREF", EditPath(*side, o.id));
      if (o.status != domain::OpportunityStatus::kClosed) {
        edit->SetValue("CLOSE_FORM",
                       RenderForm(deps.pages.views, request, cookies,
                                  ButtonForm(fmt::format("{}/{}/close", side->OpportunitiesPath(), o.id),
                                             T(deps, request, "opportunity_form.close"), o.title,
                                             {{"revision", std::to_string(o.revision)}}),
                                  deps.pages.secure_cookies));
      }
    }
  }
  body.SetValue("PAGING", PagingHtml(deps.pages.views, request, T(deps, request, "orgposts.paging"), page,
                                     PageCount(list->total, kPerPage), [&](int64_t number) {
                                       return fmt::format("{}?page={}", side->OpportunitiesPath(), number);
                                     }));
  return RenderAdmin(deps.pages, request, *frame, "opportunities", body, 200, cookies);
}

text::Params ValuesOf(const Opportunity& o) {
  text::Params values = {
      {"unit_id", o.unit_id ? std::to_string(*o.unit_id) : ""},
      {"municipality_code", o.municipality_code},
      {"title", o.title},
      {"description", o.description},
      {"time_note", o.time_note},
      {"postcode", o.postcode.value_or("")},
      {"capacity", std::to_string(o.capacity)},
      {"starts_on", o.starts_on.value_or("")},
      {"ends_on", o.ends_on.value_or("")},
      {"involves_children", o.involves_children ? "1" : ""},
      {"status", std::string(domain::OpportunityStatusName(o.status))},
      {"revision", std::to_string(o.revision)},
  };
  for (const auto& key : o.skills) values.emplace_back("skills", key);
  for (const auto& key : o.welfare_areas) values.emplace_back("welfare_areas", key);
  for (const auto& key : o.target_groups) values.emplace_back("target_groups", key);
  for (const auto& cell : o.availability.CellKeys()) values.emplace_back("availability", cell);
  return values;
}

std::string Value(const text::Params& values, std::string_view name) {
  return std::string(text::Find(values, name).value_or(""));
}

// Who posts, the form's first field: the unit (staff: the units in their reach) or, when an
// organisation posts a new one, the municipality it is posted in (it never changes afterwards).
Result<std::optional<Field>> PosterField(const Deps& deps, const http::Request& request,
                                         const PosterSide& side, const text::Params& values, bool creating) {
  const auto field = [&](const std::string& name, std::string_view label_key) {
    return MakeField(deps.pages, request, name, "select", label_key, "off", 0, Value(values, name));
  };
  if (!side.IsOrganisation()) {
    Field unit = field("unit_id", "opportunity_form.unit_id");
    const auto depths = domain::UnitDepths(side.units);
    for (const auto& u : side.units) {
      if (side.reach.contains(u.id))
        unit.options.emplace_back(std::to_string(u.id), IndentedUnitName(u, depths.at(u.id)));
    }
    return std::optional<Field>(std::move(unit));
  }
  if (!creating) return std::optional<Field>();
  auto municipalities = deps.pages.municipalities.ListActive(1000, "");
  if (!municipalities.ok()) return municipalities.status();
  Field municipality = field("municipality_code", "orgposts.municipality_code");
  municipality.hint = T(deps, request, "orgposts.municipality_hint");
  for (const auto& m : *municipalities) municipality.options.emplace_back(m.code, m.name);
  return std::optional<Field>(std::move(municipality));
}

Result<Form> OpportunityForm(const Deps& deps, const http::Request& request, const PosterSide& side,
                             const std::string& action, const text::Params& values,
                             std::vector<FieldProblem> problems, bool creating) {
  Form form;
  form.action = action;
  form.submit = T(deps, request, "opportunity_form.submit");
  form.problems = std::move(problems);
  form.hidden.emplace_back("revision", Value(values, "revision").empty() ? "0" : Value(values, "revision"));
  const auto field = [&](const std::string& name, const std::string& type, int max_length) {
    return MakeField(deps.pages, request, name, type, "opportunity_form." + name, "off", max_length,
                     Value(values, name));
  };
  auto poster = PosterField(deps, request, side, values, creating);
  if (!poster.ok()) return poster.status();
  if (*poster) form.fields.push_back(std::move(**poster));
  form.fields.push_back(field("title", "text", static_cast<int>(domain::kMaxOpportunityTitleLength)));
  form.fields.push_back(
      field("description", "textarea", static_cast<int>(domain::kMaxOpportunityDescriptionLength)));
  Field skills = field("skills", "checkboxes", 0);
  skills.values = FormValues(values, "skills");
  for (const auto key : domain::SkillKeys())
    skills.options.emplace_back(std::string(key), T(deps, request, domain::SkillLabelKey(key)));
  form.fields.push_back(std::move(skills));
  for (const auto vocabulary : {domain::Vocabulary::kWelfareArea, domain::Vocabulary::kTargetGroup}) {
    const std::string name =
        vocabulary == domain::Vocabulary::kWelfareArea ? "welfare_areas" : "target_groups";
    Field terms = field(name, "checkboxes", 0);
    terms.values = FormValues(values, name);
    for (const auto key : domain::BuiltInTerms(vocabulary))
      terms.options.emplace_back(std::string(key),
                                 T(deps, request, domain::BuiltInLabelKey(vocabulary, key)));
    form.fields.push_back(std::move(terms));
  }
  Field availability = AvailabilityField(deps.pages, request, "opportunity_form.availability",
                                         FormValues(values, "availability"));
  availability.heading = T(deps, request, "opportunity_form.part_when");
  form.fields.push_back(std::move(availability));
  Field note = field("time_note", "text", static_cast<int>(domain::kMaxTimeNoteLength));
  note.hint = T(deps, request, "opportunity_form.time_note_hint");
  form.fields.push_back(std::move(note));
  Field starts = field("starts_on", "date", 10);
  starts.hint = T(deps, request, "opportunity_form.date_hint");
  form.fields.push_back(std::move(starts));
  Field ends = field("ends_on", "date", 10);
  ends.hint = T(deps, request, "opportunity_form.date_hint");
  form.fields.push_back(std::move(ends));
  Field postcode = field("postcode", "text", 4);
  postcode.heading = T(deps, request, "opportunity_form.part_where");
  form.fields.push_back(std::move(postcode));
  form.fields.push_back(field("capacity", "text", 5));
  Field children = field("involves_children", "checkbox", 0);
  children.hint = T(deps, request, "opportunity_form.involves_children_hint");
  form.fields.push_back(std::move(children));
  Field status = field("status", "select", 0);
  // Who sees a draft: the municipality's staff, or the organisation's people.
  status.hint =
      T(deps, request, side.IsOrganisation() ? "orgposts.status_hint" : "opportunity_form.status_hint");
  for (const auto choice : domain::kAllOpportunityStatuses) {
    const std::string name(domain::OpportunityStatusName(choice));
    status.options.emplace_back(name, T(deps, request, "opportunity_form.status_choice." + name));
  }
  form.fields.push_back(std::move(status));
  return form;
}

Result<http::Response> FormPageWith(const Deps& deps, const http::Request& request, const PosterSide& side,
                                    const std::optional<Opportunity>& current, const text::Params& values,
                                    std::vector<FieldProblem> problems, int status) {
  auto frame = ListFrame(deps, request, side);
  if (!frame.ok()) return frame.status();
  frame->heading = current ? Fill(T(deps, request, "opportunity_form.edit_heading"), "title", current->title)
                           : T(deps, request, "opportunity_form.new_heading");
  frame->lead = T(deps, request, "opportunity_form.lead");
  frame->form_problems = !problems.empty();
  if (!problems.empty()) frame->notice.clear();
  http::Response cookies;
  ctemplate::TemplateDictionary body("opportunity_edit");
  body.SetValue("LIST_HREF", side.OpportunitiesPath());
  const std::string action = current ? EditPath(side, current->id) : side.OpportunitiesPath() + "/new";
  auto form = OpportunityForm(deps, request, side, action, values, std::move(problems), !current);
  if (!form.ok()) return form.status();
  body.SetValue("FORM", RenderForm(deps.pages.views, request, cookies, *form, deps.pages.secure_cookies));
  return RenderAdmin(deps.pages, request, *frame, "opportunity_edit", body, status, cookies);
}

// The current opportunity of an edit URL, when the caller posts it on this side.
Result<Opportunity> Editable(const Deps& deps, const http::Request& request, const PosterSide& side) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("opportunity id is not a number", "opportunity.error.not_found");
  auto o = deps.opportunities.Get(side.manager, *id);
  if (!o.ok()) return o.status();
  if (!side.Posts(*o))
    return Status(ErrorCode::kPermissionDenied, "not a unit in the caller's reach",
                  "opportunity.error.unit_not_yours");
  return o;
}

Result<http::Response> NewPage(const Deps& deps, http::Request& request, SideOf side_of) {
  auto side = side_of(deps.pages, request);
  if (!side.ok()) return side.status();
  Opportunity fresh;
  fresh.municipality_code = deps.pages.site_municipality;  // an organisation's first choice
  text::Params values = ValuesOf(fresh);
  std::erase_if(values, [](const auto& p) { return p.first == "revision"; });
  values.emplace_back("revision", "0");
  return FormPageWith(deps, request, *side, std::nullopt, values, {}, 200);
}

Result<http::Response> EditPage(const Deps& deps, http::Request& request, SideOf side_of) {
  auto side = side_of(deps.pages, request);
  if (!side.ok()) return side.status();
  auto current = Editable(deps, request, *side);
  if (!current.ok()) return current.status();
  return FormPageWith(deps, request, *side, *current, ValuesOf(*current), {}, 200);
}

// Who posts, from the form: a unit in the staff's reach in their municipality, or the
// organisation (in the municipality named when it is new; the store checks that it is active).
void ReadPoster(const text::Params& params, const PosterSide& side, const std::optional<Opportunity>& current,
                Opportunity& o, std::vector<FieldProblem>& problems) {
  if (side.IsOrganisation()) {
    o.organisation_id = side.organisation_id;
    o.municipality_code = current ? current->municipality_code : FormValue(params, "municipality_code");
    return;
  }
  o.municipality_code = side.manager.municipality_code;
  const auto unit = text::ParsePositiveId(FormValue(params, "unit_id"));
  if (!unit || !side.reach.contains(*unit)) {
    problems.push_back({"unit_id", "opportunity.error.unit_not_yours"});
  } else {
    o.unit_id = *unit;
  }
}

// The opportunity a posted form describes, onto `o`; the form's own problems (a number that is
// none, an unknown status) go to `problems`, the rules are the domain's.
void Read(const text::Params& params, Opportunity& o, std::vector<FieldProblem>& problems) {
  o.title = FormValue(params, "title");
  o.description = FormValue(params, "description");
  o.skills = FormValues(params, "skills");
  o.welfare_areas = FormValues(params, "welfare_areas");
  o.target_groups = FormValues(params, "target_groups");
  auto grid = domain::WeeklyAvailability::FromCellKeys(FormValues(params, "availability"));
  if (grid.ok()) {
    o.availability = *grid;
  } else {
    problems.push_back({"availability", grid.status().user_message_key()});
  }
  o.time_note = FormValue(params, "time_note");
  o.postcode = FormValue(params, "postcode");
  const std::string capacity(text::Trim(FormValue(params, "capacity")));
  int64_t value = 0;
  auto [end, ec] = std::from_chars(capacity.data(), capacity.data() + capacity.size(), value);
  if (capacity.empty() || ec != std::errc() || end != capacity.data() + capacity.size()) {
    problems.push_back({"capacity", "opportunity.error.capacity"});
  } else {
    o.capacity = value;
  }
  o.starts_on = FormValue(params, "starts_on");
  o.ends_on = FormValue(params, "ends_on");
  o.involves_children = FormValue(params, "involves_children") == "1";
  if (auto status = domain::ParseOpportunityStatus(FormValue(params, "status"))) {
    o.status = *status;
  } else {
    problems.push_back({"status", "opportunity.error.status"});
  }
}

Result<http::Response> Save(const Deps& deps, http::Request& request, SideOf side_of, bool creating) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  // Refused before anything is looked up: a form without its token changes nothing, whatever it names.
  if (!FormCsrfValid(request, *params))
    return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
  auto side = side_of(deps.pages, request);
  if (!side.ok()) return side.status();
  std::optional<Opportunity> current;
  if (!creating) {
    auto editable = Editable(deps, request, *side);
    if (!editable.ok()) return editable.status();
    current = std::move(editable).value();
  }
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  if (!creating && !revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");

  Opportunity o;
  if (current) o.id = current->id;
  std::vector<FieldProblem> problems;
  ReadPoster(*params, *side, current, o, problems);
  Read(*params, o, problems);
  Opportunity checked = o;
  for (auto& problem : deps.opportunities.Normalise(checked)) {
    const bool named = std::any_of(problems.begin(), problems.end(),
                                   [&](const FieldProblem& known) { return known.field == problem.field; });
    if (!named) problems.push_back(std::move(problem));
  }
  if (!problems.empty())
    return FormPageWith(deps, request, *side, current, *params, std::move(problems), 422);
  auto saved = creating ? deps.opportunities.Create(auth::ActorOf(request), o)
                        : deps.opportunities.Update(side->manager, auth::ActorOf(request), o, *revision);
  if (!saved.ok()) {
    const Status& failure = saved.status();
    if (failure.code() == ErrorCode::kPreconditionFailed) {
      text::Params values = *params;
      std::erase_if(values, [](const auto& p) { return p.first == "revision"; });
      auto latest = deps.opportunities.Get(side->manager, o.id);
      if (!latest.ok()) return latest.status();
      values.emplace_back("revision", std::to_string(latest->revision));
      return FormPageWith(deps, request, *side, *latest, values,
                          {{std::string(kFormLevel), "opportunity.error.stale"}}, 412);
    }
    if (failure.code() != ErrorCode::kInvalidArgument || failure.fields().empty()) return failure;
    return FormPageWith(deps, request, *side, current, *params, failure.fields(), 422);
  }
  return http::Redirect(303, side->OpportunitiesPath() + "?notice=market.opportunity_saved");
}

Result<http::Response> CreateSubmit(const Deps& deps, http::Request& request, SideOf side_of) {
  return Save(deps, request, side_of, true);
}
Result<http::Response> EditSubmit(const Deps& deps, http::Request& request, SideOf side_of) {
  return Save(deps, request, side_of, false);
}

Result<http::Response> CloseSubmit(const Deps& deps, http::Request& request, SideOf side_of) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params))
    return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
  auto side = side_of(deps.pages, request);
  if (!side.ok()) return side.status();
  auto current = Editable(deps, request, *side);
  if (!current.ok()) return current.status();
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
  Opportunity closed = *current;
  closed.status = domain::OpportunityStatus::kClosed;
  auto saved = deps.opportunities.Update(side->manager, auth::ActorOf(request), closed, *revision);
  if (!saved.ok()) return saved.status();
  return http::Redirect(303, side->OpportunitiesPath() + "?notice=market.opportunity_closed");
}

}  // namespace

void RegisterOpportunityPages(http::Router& router, const OpportunityPageDependencies& deps) {
  using domain::Access;
  router.Add("GET", "/opportunities/{id}", Access::Public(),
             [&deps](http::Request& request) { return PublicPage(deps, request); });
  // The same pages for both sides (web/poster_side.h).
  AddPosterRoute(router, deps, "GET", "/opportunities", ListPage);
  AddPosterRoute(router, deps, "GET", "/opportunities/new", NewPage);
  AddPosterRoute(router, deps, "POST", "/opportunities/new", CreateSubmit);
  AddPosterRoute(router, deps, "GET", "/opportunities/{id}/edit", EditPage);
  AddPosterRoute(router, deps, "POST", "/opportunities/{id}/edit", EditSubmit);
  AddPosterRoute(router, deps, "POST", "/opportunities/{id}/close", CloseSubmit);
}

}  // namespace samskab::web
