#include "web/need_pages.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "api/need_offer_fields.h"
#include "api/needs_api.h"
#include "auth/request_context.h"
#include "domain/access/policy.h"
#include "domain/market/skills.h"
#include "http/errors.h"
#include "storage/partner_choices.h"
#include "web/admin_frame.h"
#include "web/collaboration_form.h"
#include "web/need_approval_pages.h"

namespace samskab::web {
namespace {

using Deps = NeedPageDependencies;
using domain::Need;
using domain::Vocabulary;

constexpr int64_t kPageSize = 25;

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

std::string ListPath(const http::Request& request) {
  return fmt::format("/admin/{}/needs", auth::ScopeOf(request).code());
}
std::string NeedPath(const http::Request& request, int64_t id) {
  return fmt::format("{}/{}", ListPath(request), id);
}

std::set<int64_t> Reach(const http::Request& request, const std::vector<domain::Unit>& units) {
  return domain::UnitsInReach(auth::PrincipalOf(request), auth::ScopeOf(request).code(), units);
}

std::string CellLabel(const Deps& deps, const http::Request& request, int day, int slot) {
  return T(deps, request, fmt::format("availability.day.{}", domain::DayKey(day))) + " " +
         text::FoldCase(T(deps, request, fmt::format("availability.slot.{}", domain::SlotKey(slot))));
}

std::string TermLabel(const Deps& deps, const http::Request& request, Vocabulary vocabulary,
                      const std::optional<std::string>& key) {
  if (!key) return T(deps, request, "needs.none");
  return deps.vocabularies.TermLabel(auth::ScopeOf(request), vocabulary, *key, request.lang);
}

Result<Need> LoadNeed(const Deps& deps, const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("need id is not a number", "need.error.not_found");
  return deps.needs.Get(auth::ScopeOf(request), *id);
}

// --- the form ---

text::Params FormValuesOf(const Need& n) {
  text::Params values = {{"unit_id", std::to_string(n.unit_id)},
                         {"title", n.title},
                         {"description", n.description},
                         {"welfare_area", n.welfare_area.value_or("")},
                         {"target_group", n.target_group.value_or("")},
                         {"partner_organisation_id",
                          n.partner_organisation_id ? std::to_string(*n.partner_organisation_id) : ""},
                         {"postcode", n.postcode.value_or("")},
                         {"places", std::to_string(n.places)},
                         {"starts_on", n.starts_on.value_or("")},
                         {"ends_on", n.ends_on.value_or("")},
                         {"visibility", std::string(domain::NeedVisibilityName(n.visibility))},
                         {"status", std::string(domain::MarketStatusName(n.status))},
                         {"revision", std::to_string(n.revision)}};
  if (n.vulnerable) values.emplace_back("vulnerable", "1");
  if (n.direct_contact) values.emplace_back("direct_contact", "1");
  if (n.involves_children) values.emplace_back("involves_children", "1");
  for (const auto& skill : n.skills) values.emplace_back("skills", skill);
  for (const auto& language : n.languages) values.emplace_back("languages", language);
  for (const auto& cell : n.availability.CellKeys()) values.emplace_back("availability", cell);
  return values;
}

// The posted form as the API's body. A need becoming vulnerable gets the rule's default (no
// direct contact): the form's box counts only on a need that already was vulnerable, so allowing
// contact is a deliberate second step (decision 0011).
nlohmann::json BodyOf(const text::Params& posted, bool was_vulnerable) {
  const auto value = [&](std::string_view name) { return FormValue(posted, name); };
  const auto optional = [&](std::string_view name) { return TextOrNull(value(name)); };
  nlohmann::json body = {{"unit_id", NumberOrText(value("unit_id"))},
                         {"title", value("title")},
                         {"description", value("description")},
                         {"skills", FormValues(posted, "skills")},
                         {"languages", FormValues(posted, "languages")},
                         {"welfare_area", optional("welfare_area")},
                         {"target_group", optional("target_group")},
                         {"vulnerable", value("vulnerable") == "1"},
                         {"involves_children", value("involves_children") == "1"},
                         {"postcode", optional("postcode")},
                         {"places", NumberOrText(value("places"))},
                         {"starts_on", optional("starts_on")},
                         {"ends_on", optional("ends_on")},
                         {"visibility", value("visibility")},
                         {"status", value("status").empty() ? std::string("open") : value("status")}};
  body["partner_organisation_id"] = NumberOrNull(value("partner_organisation_id"));
  const bool vulnerable = value("vulnerable") == "1";
  if (!vulnerable || was_vulnerable) body["direct_contact"] = value("direct_contact") == "1";
  auto grid = domain::WeeklyAvailability::FromCellKeys(FormValues(posted, "availability"));
  // A cell that is not one is passed on as it came, for the reader to name.
  body["availability"] = grid.ok() ? grid->ToJson() : nlohmann::json(FormValues(posted, "availability"));
  return body;
}

struct Choices {
  std::vector<domain::Unit> units;  // in reach
  std::map<int64_t, int> depths;
  std::vector<storage::PartnerChoice> partners;
  std::map<Vocabulary, std::vector<domain::Term>> terms;
};

Result<Choices> ChoicesFor(const Deps& deps, const http::Request& request) {
  const auto scope = auth::ScopeOf(request);
  auto units = deps.pages.units.List(scope);
  if (!units.ok()) return units.status();
  Choices choices;
  choices.depths = domain::UnitDepths(*units);
  const std::set<int64_t> reach = Reach(request, *units);
  for (const auto& unit : *units) {
    if (reach.contains(unit.id)) choices.units.push_back(unit);
  }
  auto partners = storage::ListPartnerChoices(deps.database, scope);
  if (!partners.ok()) return partners.status();
  choices.partners = std::move(partners).value();
  for (const auto vocabulary : {Vocabulary::kWelfareArea, Vocabulary::kTargetGroup}) {
    auto terms = deps.vocabularies.Terms(scope, vocabulary);
    if (!terms.ok()) return terms.status();
    choices.terms[vocabulary] = std::move(terms).value();
  }
  return choices;
}

Form NeedForm(const Deps& deps, const http::Request& request, std::string action, const Choices& choices,
              const text::Params& values, std::vector<FieldProblem> problems, bool creating) {
  const auto value = [&](std::string_view name) {
    return std::string(text::Find(values, name).value_or(""));
  };
  const auto field = [&](const std::string& name, std::string type, int max_length) {
    return MakeField(deps.pages, request, name, std::move(type), "needs.field." + name, "off", max_length,
                     value(name));
  };
  Form form;
  form.action = std::move(action);
  form.submit = T(deps, request, creating ? "needs.create" : "needs.save");
  form.problems = std::move(problems);

  Field unit = field("unit_id", "select", 0);
  unit.heading = T(deps, request, "needs.part_what");
  for (const auto& u : choices.units) {
    const auto depth = choices.depths.find(u.id);
    unit.options.emplace_back(std::to_string(u.id),
                              IndentedUnitName(u, depth == choices.depths.end() ? 0 : depth->second));
  }
  form.fields.push_back(std::move(unit));
  form.fields.push_back(field("title", "text", static_cast<int>(domain::kMaxMarketTitleLength)));
  Field description = field("description", "textarea", static_cast<int>(domain::kMaxMarketDescriptionLength));
  description.hint = T(deps, request, "needs.field.description_hint");
  form.fields.push_back(std::move(description));
  Field skills = field("skills", "checkboxes", 0);
  skills.values = FormValues(values, "skills");
  for (const auto key : domain::SkillKeys())
    skills.options.emplace_back(std::string(key), T(deps, request, domain::SkillLabelKey(key)));
  form.fields.push_back(std::move(skills));
  Field languages = field("languages", "checkboxes", 0);
  languages.hint = T(deps, request, "needs.field.languages_hint");
  languages.values = FormValues(values, "languages");
  for (const auto code : domain::LanguageCodes())
    languages.options.emplace_back(std::string(code), T(deps, request, domain::LanguageLabelKey(code)));
  form.fields.push_back(std::move(languages));

  Field places = field("places", "text", 5);
  places.hint = T(deps, request, "needs.field.places_hint");
  for (const auto vocabulary : {Vocabulary::kWelfareArea, Vocabulary::kTargetGroup}) {
    const std::string name(domain::VocabularyName(vocabulary));
    Field terms = field(name, "select", 0);
    if (vocabulary == Vocabulary::kWelfareArea) terms.heading = T(deps, request, "needs.part_who");
    terms.options.emplace_back("", T(deps, request, "needs.choose"));
    for (const auto& term : choices.terms.at(vocabulary))
      terms.options.emplace_back(term.key, deps.vocabularies.Label(vocabulary, term, request.lang));
    form.fields.push_back(std::move(terms));
  }
  Field vulnerable = field("vulnerable", "checkbox", 0);
  vulnerable.hint = T(deps, request, "needs.field.vulnerable_hint");
  form.fields.push_back(std::move(vulnerable));
  Field partner = field("partner_organisation_id", "select", 0);
  partner.hint = T(deps, request, "needs.field.partner_organisation_id_hint");
  partner.options.emplace_back("", T(deps, request, "needs.choose"));
  for (const auto& p : choices.partners) partner.options.emplace_back(std::to_string(p.id), p.name);
  form.fields.push_back(std::move(partner));
  Field contact = field("direct_contact", "checkbox", 0);
  contact.hint = T(deps, request, "needs.field.direct_contact_hint");
  form.fields.push_back(std::move(contact));
  form.fields.push_back(field("involves_children", "checkbox", 0));
  form.fields.push_back(std::move(places));

  Field availability = field("availability", "checkboxes", 0);
  availability.heading = T(deps, request, "needs.part_when");
  availability.hint = T(deps, request, "needs.field.availability_hint");
  availability.values = FormValues(values, "availability");
  for (int day = 0; day < domain::kDaysPerWeek; ++day) {
    for (int slot = 0; slot < domain::kSlotsPerDay; ++slot)
      availability.options.emplace_back(domain::WeeklyAvailability::CellKey(day, slot),
                                        CellLabel(deps, request, day, slot));
  }
  form.fields.push_back(std::move(availability));
  for (const char* date : {"starts_on", "ends_on"}) {
    Field f = field(date, "date", 10);
    f.hint = T(deps, request, "needs.field.date_hint");
    form.fields.push_back(std::move(f));
  }
  Field postcode = field("postcode", "text", 4);
  postcode.autocomplete = "postal-code";
  form.fields.push_back(std::move(postcode));

  Field visibility = field("visibility", "select", 0);
  visibility.heading = T(deps, request, "needs.part_visibility");
  visibility.hint = T(deps, request, "needs.field.visibility_hint");
  for (const auto v : {domain::NeedVisibility::kPrivate, domain::NeedVisibility::kPublic}) {
    const std::string name(domain::NeedVisibilityName(v));
    visibility.options.emplace_back(name, T(deps, request, "needs.visibility." + name));
  }
  form.fields.push_back(std::move(visibility));
  if (!creating) {
    Field status = field("status", "select", 0);
    for (const auto s : {domain::MarketStatus::kOpen, domain::MarketStatus::kClosed}) {
      const std::string name(domain::MarketStatusName(s));
      status.options.emplace_back(name, T(deps, request, "needs.status." + name));
    }
    form.fields.push_back(std::move(status));
  }
  if (const auto revision = text::Find(values, "revision")) form.hidden.emplace_back("revision", *revision);
  return form;
}

Result<http::Response> FormPageWith(const Deps& deps, const http::Request& request, const Need* current,
                                    const text::Params& values, std::vector<FieldProblem> problems,
                                    int status) {
  auto choices = ChoicesFor(deps, request);
  if (!choices.ok()) return choices.status();
  auto frame = MunicipalPage(deps.pages, request, "needs", "");
  if (!frame.ok()) return frame.status();
  frame->heading = current ? Fill(T(deps, request, "needs.edit_heading"), "title", current->title)
                           : T(deps, request, "needs.new_heading");
  frame->lead = T(deps, request, "needs.form_lead");
  frame->form_problems = !problems.empty();
  if (!problems.empty()) frame->notice.clear();
  http::Response cookies;
  ctemplate::TemplateDictionary body("collaboration_edit");
  body.SetValue("BACK_HREF", current ? NeedPath(request, current->id) : ListPath(request));
  const std::string action = current ? NeedPath(request, current->id) + "/edit" : ListPath(request) + "/new";
  body.SetValue("FORM",
                RenderForm(deps.pages.views, request, cookies,
                           NeedForm(deps, request, action, *choices, values, std::move(problems), !current),
                           deps.pages.secure_cookies));
  return RenderAdmin(deps.pages, request, *frame, "collaboration_edit", body, status, cookies);
}

Result<http::Response> NewPage(const Deps& deps, http::Request& request) {
  Need fresh;
  auto units = deps.pages.units.List(auth::ScopeOf(request));
  if (!units.ok()) return units.status();
  const auto reach = Reach(request, *units);
  if (reach.empty())
    return Status(ErrorCode::kPermissionDenied, "no unit in reach", "need.error.unit_not_yours");
  fresh.unit_id = *reach.begin();
  // A new need's own defaults: open, private, one place, direct contact allowed.
  text::Params values = FormValuesOf(fresh);
  std::erase_if(values, [](const auto& p) { return p.first == "revision"; });
  return FormPageWith(deps, request, nullptr, values, {}, 200);
}

Status CsrfChecked(const http::Request& request, const text::Params& params) {
  if (!FormCsrfValid(request, params))
    return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
  return Status::Ok();
}

// A failed save shows the form again with the problems at their inputs; anything else is the error.
Result<http::Response> Refused(const Deps& deps, const http::Request& request, const Need* current,
                               const text::Params& params, const Status& failure) {
  if (failure.code() == ErrorCode::kPreconditionFailed)
    return FormPageWith(deps, request, current, params,
                        {{std::string(kFormLevel), "error.precondition_failed"}}, 412);
  if (failure.code() == ErrorCode::kInvalidArgument && !failure.fields().empty())
    return FormPageWith(deps, request, current, params, failure.fields(), 422);
  if (failure.code() == ErrorCode::kPermissionDenied && !failure.user_message_key().empty() &&
      failure.user_message_key() != "validation.csrf")
    return FormPageWith(deps, request, current, params,
                        {{std::string(kFormLevel), failure.user_message_key()}}, 403);
  return failure;
}

Result<http::Response> Create(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  SAMSKAB_RETURN_IF_ERROR(CsrfChecked(request, *params));
  Need n;
  Status read = api::ReadNeedFields(BodyOf(*params, false), n, /*creating=*/true, /*was_vulnerable=*/false);
  if (read.ok()) read = api::CheckNeedUnitReach(request, deps.pages.units, nullptr, n.unit_id);
  if (!read.ok()) return Refused(deps, request, nullptr, *params, read);
  auto created = deps.needs.Create(auth::ScopeOf(request), auth::ActorOf(request), n);
  if (!created.ok()) return Refused(deps, request, nullptr, *params, created.status());
  return http::Redirect(303, NeedPath(request, created->id) + "?notice=need.created");
}

Result<http::Response> EditPage(const Deps& deps, http::Request& request) {
  auto current = LoadNeed(deps, request);
  if (!current.ok()) return current.status();
  SAMSKAB_RETURN_IF_ERROR(api::CheckNeedUnitReach(request, deps.pages.units, &*current, current->unit_id));
  return FormPageWith(deps, request, &*current, FormValuesOf(*current), {}, 200);
}

Result<http::Response> Update(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  SAMSKAB_RETURN_IF_ERROR(CsrfChecked(request, *params));
  auto current = LoadNeed(deps, request);
  if (!current.ok()) return current.status();
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
  Need n;
  n.id = current->id;
  Status read =
      api::ReadNeedFields(BodyOf(*params, current->vulnerable), n, /*creating=*/true, current->vulnerable);
  if (read.ok()) read = api::CheckNeedUnitReach(request, deps.pages.units, &*current, n.unit_id);
  if (!read.ok()) return Refused(deps, request, &*current, *params, read);
  auto updated = deps.needs.Update(auth::ScopeOf(request), auth::ActorOf(request), n, *revision);
  if (!updated.ok()) return Refused(deps, request, &*current, *params, updated.status());
  return http::Redirect(303, NeedPath(request, n.id) + "?notice=need.saved");
}

// A form posted about a need the caller may change (its unit in reach): the form, checked for its
// CSRF token before anything is looked up, and the need.
struct PostedAboutNeed {
  text::Params params;
  Need need;
};
Result<PostedAboutNeed> ReadPostAboutChangeableNeed(const Deps& deps, const http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  SAMSKAB_RETURN_IF_ERROR(CsrfChecked(request, *params));
  auto current = LoadNeed(deps, request);
  if (!current.ok()) return current.status();
  SAMSKAB_RETURN_IF_ERROR(api::CheckNeedUnitReach(request, deps.pages.units, &*current, current->unit_id));
  return PostedAboutNeed{std::move(params).value(), std::move(current).value()};
}

// POST …/{id}/status: close or reopen, with the revision read.
Result<http::Response> ChangeStatus(const Deps& deps, http::Request& request) {
  auto posted = ReadPostAboutChangeableNeed(deps, request);
  if (!posted.ok()) return posted.status();
  const auto revision = text::ParsePositiveId(FormValue(posted->params, "revision"));
  const auto status = domain::ParseMarketStatus(FormValue(posted->params, "status"));
  if (!revision || !status) return Status(ErrorCode::kMalformed, "revision or status missing");
  Need n = posted->need;
  n.status = *status;
  auto updated = deps.needs.Update(auth::ScopeOf(request), auth::ActorOf(request), n, *revision);
  if (!updated.ok()) return updated.status();
  return http::Redirect(
      303, NeedPath(request, n.id) +
               (*status == domain::MarketStatus::kClosed ? "?notice=need.closed" : "?notice=need.reopened"));
}

// --- GET /admin/{municipality}/needs/{id} ---

void AddFact(ctemplate::TemplateDictionary& body, const std::string& label, const std::string& value) {
  auto* fact = body.AddSectionDictionary("FACT");
  fact->SetValue("LABEL", label);
  fact->AddSectionDictionary("TEXT")->SetValue("VALUE", value);
}
void AddListFact(ctemplate::TemplateDictionary& body, const std::string& label,
                 const std::vector<std::string>& items, const std::string& none) {
  auto* fact = body.AddSectionDictionary("FACT");
  fact->SetValue("LABEL", label);
  if (items.empty()) {
    fact->AddSectionDictionary("TEXT")->SetValue("VALUE", none);
    return;
  }
  auto* list = fact->AddSectionDictionary("LIST");
  for (const auto& item : items) list->AddSectionDictionary("ITEM")->SetValue("VALUE", item);
}

// The need's page; `error_key`: a problem of a form on it (asking for an approval), shown as an alert.
Result<http::Response> ShowPageWith(const Deps& deps, http::Request& request, const std::string& error_key,
                                    int status) {
  auto n = LoadNeed(deps, request);
  if (!n.ok()) return n.status();
  auto units = deps.pages.units.List(auth::ScopeOf(request));
  if (!units.ok()) return units.status();
  const bool may_change = Reach(request, *units).contains(n->unit_id);
  auto frame = MunicipalPage(deps.pages, request, "needs", error_key);
  if (!frame.ok()) return frame.status();
  frame->heading = n->title;
  frame->lead = n->description.empty() ? "" : T(deps, request, "needs.show_lead");
  const auto label = [&](std::string_view field) {
    return T(deps, request, fmt::format("needs.field.{}", field));
  };
  const std::string yes = T(deps, request, "needs.yes");
  const std::string no = T(deps, request, "needs.no");
  const std::string none = T(deps, request, "needs.none");
  ctemplate::TemplateDictionary body("need");
  body.SetValue("BACK_HREF", ListPath(request));
  body.SetValue("MATCHES_HREF", NeedPath(request, n->id) + "/matches");
  if (!n->description.empty()) body.AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", n->description);
  AddFact(body, label("unit_id"), n->unit_name);
  AddFact(body, label("status"),
          T(deps, request, fmt::format("needs.status.{}", domain::MarketStatusName(n->status))));
  AddFact(body, label("visibility"),
          T(deps, request, fmt::format("needs.visibility.{}", domain::NeedVisibilityName(n->visibility))));
  AddFact(body, label("welfare_area"), TermLabel(deps, request, Vocabulary::kWelfareArea, n->welfare_area));
  AddFact(body, label("target_group"), TermLabel(deps, request, Vocabulary::kTargetGroup, n->target_group));
  AddFact(body, label("vulnerable"), n->vulnerable ? yes : no);
  AddFact(body, label("partner_organisation_id"),
          n->partner_organisation_id ? n->partner_organisation_name : none);
  AddFact(body, label("direct_contact"), n->direct_contact ? yes : no);
  AddFact(body, label("involves_children"), n->involves_children ? yes : no);
  AddFact(body, label("places"), std::to_string(n->places));
  std::vector<std::string> skills;
  for (const auto& key : n->skills) skills.push_back(T(deps, request, domain::SkillLabelKey(key)));
  AddListFact(body, label("skills"), skills, none);
  std::vector<std::string> languages;
  for (const auto& code : n->languages) languages.push_back(T(deps, request, domain::LanguageLabelKey(code)));
  AddListFact(body, label("languages"), languages, none);
  std::vector<std::string> cells;
  for (int day = 0; day < domain::kDaysPerWeek; ++day) {
    for (int slot = 0; slot < domain::kSlotsPerDay; ++slot) {
      if (n->availability.Has(day, slot)) cells.push_back(CellLabel(deps, request, day, slot));
    }
  }
  AddListFact(body, label("availability"), cells, none);
  AddFact(body, label("postcode"), n->postcode ? fmt::format("{} {}", *n->postcode, n->town) : none);
  AddFact(body, label("starts_on"), n->starts_on.value_or(none));
  AddFact(body, label("ends_on"), n->ends_on.value_or(none));
  AddFact(body, T(deps, request, "needs.updated"), ShowTime(n->updated_at));
  if (n->vulnerable) body.ShowSection("VULNERABLE");
  http::Response cookies;
  if (may_change) {
    auto* actions = body.AddSectionDictionary("ACTIONS");
    actions->SetValue("EDIT_HREF", NeedPath(request, n->id) + "/edit");
    const bool open = n->status == domain::MarketStatus::kOpen;
    Form status = ButtonForm(
        NeedPath(request, n->id) + "/status", T(deps, request, open ? "needs.close" : "needs.reopen"),
        n->title, {{"revision", std::to_string(n->revision)}, {"status", open ? "closed" : "open"}});
    actions->SetValue("STATUS_FORM",
                      RenderForm(deps.pages.views, request, cookies, status, deps.pages.secure_cookies));
  }
  SAMSKAB_RETURN_IF_ERROR(
      FillNeedApprovals(deps.pages, deps.approvals, request, *n, may_change, body, cookies));
  return RenderAdmin(deps.pages, request, *frame, "need", body, status, cookies);
}

Result<http::Response> ShowPage(const Deps& deps, http::Request& request) {
  return ShowPageWith(deps, request, "", 200);
}

// POST …/{id}/approvals: ask the need's partner organisation to approve an offer.
Result<http::Response> AskApproval(const Deps& deps, http::Request& request) {
  auto posted = ReadPostAboutChangeableNeed(deps, request);
  if (!posted.ok()) return posted.status();
  const Need& current = posted->need;
  const auto offer_id = text::ParsePositiveId(FormValue(posted->params, "offer_id"));
  if (!offer_id) return ShowPageWith(deps, request, "need_approval.error.offer_required", 422);
  auto asked = deps.approvals.Ask(auth::ScopeOf(request), auth::ActorOf(request), current.id, *offer_id);
  if (!asked.ok()) {
    // What the person can act on is said on the page; anything else is the error it is.
    const Status& failure = asked.status();
    const ErrorCode code = failure.code();
    const bool shown =
        code == ErrorCode::kInvalidArgument || code == ErrorCode::kFailedPrecondition ||
        code == ErrorCode::kAlreadyExists ||
        (code == ErrorCode::kNotFound && failure.user_message_key() == "offer.error.not_found");
    if (!shown) return failure;
    return ShowPageWith(deps, request, failure.user_message_key(), http::HttpStatusFor(code));
  }
  return http::Redirect(
      303, NeedPath(request, current.id) +
               (asked->created ? "?notice=need_approval.asked" : "?notice=need_approval.waiting") +
               "#approvals");
}

// --- GET /admin/{municipality}/needs ---

Result<http::Response> ListPage(const Deps& deps, http::Request& request) {
  auto params = text::ParseUrlEncoded(request.query);
  if (!params) return Status(ErrorCode::kMalformed, "malformed query string", "error.bad_request");
  const auto scope = auth::ScopeOf(request);
  auto units = deps.pages.units.List(scope);
  if (!units.ok()) return units.status();
  storage::NeedFilter filter;
  filter.limit = kPageSize;
  std::vector<FieldProblem> problems;
  const std::string status_value(text::Find(*params, "status").value_or(""));
  if (!status_value.empty()) {
    filter.status = domain::ParseMarketStatus(status_value);
    if (!filter.status) problems.push_back({"status", "market.error.status"});
  }
  const std::string unit_value(text::Find(*params, "unit_id").value_or(""));
  if (!unit_value.empty()) {
    filter.unit_id = text::ParsePositiveId(unit_value);
    const bool known =
        filter.unit_id && std::any_of(units->begin(), units->end(),
                                      [&](const domain::Unit& u) { return u.id == *filter.unit_id; });
    if (!known) {
      problems.push_back({"unit_id", "validation.choice"});
      filter.unit_id.reset();
    }
  }
  const auto offset = text::ParsePositiveId(text::Find(*params, "offset").value_or(""));
  filter.offset = offset ? *offset : 0;
  if (!problems.empty()) {
    filter.status.reset();
    filter.unit_id.reset();
  }
  auto page = deps.needs.List(scope, filter);
  if (!page.ok()) return page.status();
  auto frame = MunicipalPage(deps.pages, request, "needs", "");
  if (!frame.ok()) return frame.status();
  frame->form_problems = !problems.empty();
  http::Response cookies;

  Form filters;
  filters.method = "get";
  filters.action = ListPath(request);
  filters.submit = T(deps, request, "needs.filter");
  filters.secondary = true;
  filters.problems = problems;
  Field status =
      MakeField(deps.pages, request, "status", "select", "needs.field.status", "off", 0, status_value);
  status.options.emplace_back("", T(deps, request, "needs.all"));
  for (const char* s : {"open", "closed"})
    status.options.emplace_back(s, T(deps, request, fmt::format("needs.status.{}", s)));
  filters.fields.push_back(std::move(status));
  Field unit =
      MakeField(deps.pages, request, "unit_id", "select", "needs.field.unit_id", "off", 0, unit_value);
  unit.options.emplace_back("", T(deps, request, "needs.all"));
  const auto depths = domain::UnitDepths(*units);
  for (const auto& u : *units)
    unit.options.emplace_back(std::to_string(u.id), IndentedUnitName(u, depths.at(u.id)));
  filters.fields.push_back(std::move(unit));

  ctemplate::TemplateDictionary body("needs");
  body.SetValue("FILTER_FORM",
                RenderForm(deps.pages.views, request, cookies, filters, deps.pages.secure_cookies));
  if (!Reach(request, *units).empty())
    body.AddSectionDictionary("NEW")->SetValue("HREF", ListPath(request) + "/new");
  body.SetValue("COUNT", Fill(T(deps, request, "needs.count"), "count", std::to_string(page->total)));
  if (page->items.empty()) body.ShowSection("NONE");
  auto* table = page->items.empty() ? nullptr : body.AddSectionDictionary("LIST");
  for (const auto& n : page->items) {
    auto* row = table->AddSectionDictionary("ROW");
    row->SetValue("HREF", NeedPath(request, n.id));
    row->SetValue("TITLE", n.title);
    row->SetValue("UNIT", n.unit_name);
    row->SetValue("STATUS",
                  T(deps, request, fmt::format("needs.status.{}", domain::MarketStatusName(n.status))));
    row->SetValue(
        "VISIBILITY",
        T(deps, request, fmt::format("needs.visibility.{}", domain::NeedVisibilityName(n.visibility))));
    row->SetIntValue("PLACES", static_cast<long>(n.places));
    row->SetValue("UPDATED", ShowTime(n.updated_at));
  }
  // Previous and next pages keep the filters.
  const auto page_href = [&](int64_t at) {
    std::string href = ListPath(request) + "?status=" + text::PercentEncode(status_value) +
                       "&unit_id=" + text::PercentEncode(unit_value);
    if (at > 0) href += "&offset=" + std::to_string(at);
    return href;
  };
  if (filter.offset > 0)
    body.AddSectionDictionary("PREVIOUS")
        ->SetValue("HREF", page_href(std::max<int64_t>(0, filter.offset - kPageSize)));
  if (filter.offset + static_cast<int64_t>(page->items.size()) < page->total)
    body.AddSectionDictionary("NEXT")->SetValue("HREF", page_href(filter.offset + kPageSize));
  return RenderAdmin(deps.pages, request, *frame, "needs", body, problems.empty() ? 200 : 422, cookies);
}

}  // namespace

void RegisterNeedPages(http::Router& router, const NeedPageDependencies& deps) {
  const domain::Access staff = domain::Access::MunicipalStaff("municipality");
  const auto page = [&deps](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", "/admin/{municipality}/needs", staff, page(ListPage));
  // Before the need's pages: /needs/new is not a need's {id}.
  router.Add("GET", "/admin/{municipality}/needs/new", staff, page(NewPage));
  router.Add("POST", "/admin/{municipality}/needs/new", staff, page(Create));
  router.Add("GET", "/admin/{municipality}/needs/{id}", staff, page(ShowPage));
  router.Add("GET", "/admin/{municipality}/needs/{id}/edit", staff, page(EditPage));
  router.Add("POST", "/admin/{municipality}/needs/{id}/edit", staff, page(Update));
  router.Add("POST", "/admin/{municipality}/needs/{id}/status", staff, page(ChangeStatus));
  router.Add("POST", "/admin/{municipality}/needs/{id}/approvals", staff, page(AskApproval));
}

}  // namespace samskab::web
