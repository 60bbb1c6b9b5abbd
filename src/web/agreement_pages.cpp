#include "web/agreement_pages.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "api/agreements_api.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "web/account_pages.h"
#include "web/admin_frame.h"
#include "web/collaboration_form.h"
#include "web/forms.h"

namespace samskab::web {
namespace {

using domain::PartnershipAgreement;
using Deps = CollaborationPageDependencies;

constexpr std::string_view kAgreementTexts[] = {"municipality_obligations", "partner_obligations"};
constexpr std::string_view kAgreementDates[] = {"signed_on", "review_on"};

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

std::string CollaborationPath(std::string_view code, int64_t id) {
  return fmt::format("/admin/{}/collaborations/{}", code, id);
}

std::string AgreementPath(std::string_view code, int64_t id) {
  return fmt::format("/admin/{}/agreements/{}", code, id);
}

std::string StatusLabel(const Deps& deps, const http::Request& request, domain::AgreementStatus status) {
  return T(deps, request, fmt::format("agreement.status.{}", domain::AgreementStatusName(status)));
}

// The people who may be responsible for an agreement: the municipality's staff, each once, by name.
using StaffChoices = std::vector<std::pair<int64_t, std::string>>;
Result<StaffChoices> ResponsibleChoices(const Deps& deps, const domain::MunicipalityScope& scope) {
  auto staff = deps.pages.accounts.ListStaff(scope);
  if (!staff.ok()) return staff.status();
  std::map<int64_t, std::string> names;
  for (const auto& grant : *staff)
    names.try_emplace(grant.user_id, grant.display_name.empty() ? grant.email : grant.display_name);
  StaffChoices choices(names.begin(), names.end());
  std::stable_sort(choices.begin(), choices.end(), [](const auto& a, const auto& b) {
    return text::FoldCase(a.second) < text::FoldCase(b.second);
  });
  return choices;
}

std::string NameOf(const StaffChoices& staff, int64_t user_id) {
  const auto found =
      std::find_if(staff.begin(), staff.end(), [&](const auto& person) { return person.first == user_id; });
  return found == staff.end() ? std::to_string(user_id) : found->second;
}

// What the form's inputs hold for a stored agreement (as a browser would post them).
text::Params FormValuesOf(const PartnershipAgreement& a) {
  return {{"municipality_obligations", a.municipality_obligations},
          {"partner_obligations", a.partner_obligations},
          {"signed_on", a.signed_on.value_or("")},
          {"review_on", a.review_on.value_or("")},
          {"status", std::string(domain::AgreementStatusName(a.status))},
          {"responsible_user_id", a.responsible_user_id ? std::to_string(*a.responsible_user_id) : ""},
          {"revision", std::to_string(a.revision)}};
}

// The posted form as the API's body, so api::ReadAgreementFields is the one reader of an
// agreement's fields. Empty dates and no responsible person become null; an id that does not
// parse is passed on as text for the reader to name.
nlohmann::json BodyOf(const text::Params& posted) {
  const auto value = [&](std::string_view name) { return FormValue(posted, name); };
  nlohmann::json body = nlohmann::json::object();
  for (const auto name : kAgreementTexts) body[std::string(name)] = value(name);
  for (const auto name : kAgreementDates) body[std::string(name)] = TextOrNull(value(name));
  body["status"] = value("status");
  const std::string responsible = value("responsible_user_id");
  const auto id = text::ParsePositiveId(responsible);
  body["responsible_user_id"] = responsible.empty() ? nlohmann::json(nullptr)
                                : id                ? nlohmann::json(*id)
                                                    : nlohmann::json(responsible);
  return body;
}

struct FormContext {
  std::string action;
  const PartnershipAgreement* current = nullptr;  // null when creating
  StaffChoices staff;
};

Form AgreementForm(const Deps& deps, const http::Request& request, const FormContext& context,
                   const text::Params& values, std::vector<FieldProblem> problems) {
  const auto field = [&](const std::string& name, std::string type, int max_length) {
    Field f = MakeField(deps.pages, request, name, std::move(type), fmt::format("agreements.field.{}", name),
                        "off", max_length, FormValue(values, name));
    return f;
  };
  Form form;
  form.action = context.action;
  form.submit = T(deps, request, context.current ? "agreements.save" : "agreements.create");
  form.problems = std::move(problems);
  for (const auto name : kAgreementTexts) {
    Field text = field(std::string(name), "textarea", static_cast<int>(domain::kMaxObligationsLength));
    text.hint = T(deps, request, fmt::format("agreements.field.{}_hint", name));
    form.fields.push_back(std::move(text));
  }
  for (const auto name : kAgreementDates) {
    Field date = field(std::string(name), "date", 10);
    date.hint = T(deps, request, fmt::format("agreements.field.{}_hint", name));
    form.fields.push_back(std::move(date));
  }
  Field status = field("status", "select", 0);
  status.hint = T(deps, request, "agreements.field.status_hint");
  for (const auto candidate : {domain::AgreementStatus::kDraft, domain::AgreementStatus::kSigned,
                               domain::AgreementStatus::kUnderReview, domain::AgreementStatus::kEnded}) {
    const domain::AgreementStatus from =
        context.current ? context.current->status : domain::AgreementStatus::kDraft;
    if (candidate == from || domain::CanChangeAgreementStatus(from, candidate))
      status.options.emplace_back(std::string(domain::AgreementStatusName(candidate)),
                                  StatusLabel(deps, request, candidate));
  }
  form.fields.push_back(std::move(status));
  Field responsible = field("responsible_user_id", "select", 0);
  responsible.hint = T(deps, request, "agreements.field.responsible_user_id_hint");
  responsible.options.emplace_back("", T(deps, request, "agreements.no_responsible"));
  for (const auto& [id, name] : context.staff) responsible.options.emplace_back(std::to_string(id), name);
  form.fields.push_back(std::move(responsible));
  if (context.current) form.hidden = {{"revision", FormValue(values, "revision")}};
  return form;
}

// A post without its CSRF token, when there is no form to show the problem on: refused the same
// way whether or not the target exists, so the answer tells nothing about it.
Status CsrfMissing() {
  return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
}

Result<int64_t> PathId(const http::Request& request, std::string_view name) {
  const auto id = text::ParsePositiveId(request.PathParam(name));
  if (!id) return NotFound("id is not a number");
  return *id;
}

// The collaboration an agreement belongs to, in the municipality and in the caller's reach.
Result<domain::Collaboration> ReachableCollaboration(const Deps& deps, const http::Request& request,
                                                     int64_t collaboration_id) {
  auto collaboration = deps.api.collaborations.Get(auth::ScopeOf(request), collaboration_id);
  if (!collaboration.ok()) return collaboration.status();
  SAMSKAB_RETURN_IF_ERROR(api::CheckUnitReach(request, deps.api.units, &*collaboration, {}));
  return collaboration;
}

// The agreement an edit or delete works on, with its collaboration; the caller's to change.
struct Target {
  PartnershipAgreement agreement;
  domain::Collaboration collaboration;
};
Result<Target> ChangeTarget(const Deps& deps, const http::Request& request) {
  auto id = PathId(request, "id");
  if (!id.ok()) return id.status();
  auto agreement = deps.agreements.Get(auth::ScopeOf(request), *id);
  if (!agreement.ok()) return agreement.status();
  auto collaboration = ReachableCollaboration(deps, request, agreement->collaboration_id);
  if (!collaboration.ok()) return collaboration.status();
  return Target{std::move(agreement).value(), std::move(collaboration).value()};
}

Result<http::Response> FormPage(const Deps& deps, const http::Request& request,
                                const domain::Collaboration& collaboration,
                                const PartnershipAgreement* current, const text::Params& values,
                                std::vector<FieldProblem> problems, int status) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto staff = ResponsibleChoices(deps, scope);
  if (!staff.ok()) return staff.status();
  FormContext context;
  context.current = current;
  context.staff = std::move(staff).value();
  context.action = current ? AgreementPath(scope.code(), current->id) + "/edit"
                           : CollaborationPath(scope.code(), collaboration.id) + "/agreements/new";
  AdminPage frame;
  frame.heading = Fill(T(deps, request, current ? "agreements.edit_heading" : "agreements.new_heading"),
                       "title", collaboration.title);
  frame.lead = T(deps, request, "agreements.lead");
  frame.form_problems = !problems.empty();
  frame.sidenav_label = T(deps, request, "admin.menu_label");
  frame.sidenav = MunicipalNav(deps.pages, request, scope.code(), "collaborations");
  http::Response cookies;
  ctemplate::TemplateDictionary body("agreement_edit");
  body.SetValue("BACK_HREF", CollaborationPath(scope.code(), collaboration.id) + "#agreements");
  const Form form = AgreementForm(deps, request, context, values, std::move(problems));
  body.SetValue("FORM", RenderForm(deps.pages.views, request, cookies, form, deps.pages.secure_cookies));
  if (current) {
    Form remove;
    remove.action = AgreementPath(scope.code(), current->id) + "/delete";
    remove.submit = T(deps, request, "agreements.delete");
    remove.secondary = true;
    remove.hidden = {{"revision", std::to_string(current->revision)}};
    body.SetValueAndShowSection(
        "DELETE_FORM", RenderForm(deps.pages.views, request, cookies, remove, deps.pages.secure_cookies),
        "DELETE");
  }
  return RenderAdmin(deps.pages, request, frame, "agreement_edit", body, status, cookies);
}

Result<http::Response> NewPage(const Deps& deps, http::Request& request) {
  auto id = PathId(request, "id");
  if (!id.ok()) return id.status();
  auto collaboration = ReachableCollaboration(deps, request, *id);
  if (!collaboration.ok()) return collaboration.status();
  // The person recording it is the one most likely to look after it.
  const text::Params values = {{"status", "draft"},
                               {"responsible_user_id", std::to_string(auth::PrincipalOf(request).user_id)}};
  return FormPage(deps, request, *collaboration, nullptr, values, {}, 200);
}

Result<http::Response> EditPage(const Deps& deps, http::Request& request) {
  auto target = ChangeTarget(deps, request);
  if (!target.ok()) return target.status();
  return FormPage(deps, request, target->collaboration, &target->agreement, FormValuesOf(target->agreement),
                  {}, 200);
}

// The problems of a failed save at their inputs, or the failure itself when it is not the input's.
Result<std::vector<FieldProblem>> ProblemsOf(const Status& failure) {
  if (failure.code() != ErrorCode::kInvalidArgument) return failure;
  std::vector<FieldProblem> problems = failure.fields();
  if (problems.empty()) problems.push_back({std::string(kFormLevel), failure.user_message_key()});
  return problems;
}

Result<http::Response> Submit(const Deps& deps, http::Request& request, bool creating) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  const bool csrf_valid = FormCsrfValid(request, *params);
  std::optional<Target> target;
  if (creating) {
    auto id = PathId(request, "id");
    if (!id.ok()) return csrf_valid ? id.status() : CsrfMissing();
    auto collaboration = ReachableCollaboration(deps, request, *id);
    if (!collaboration.ok()) return csrf_valid ? collaboration.status() : CsrfMissing();
    target = Target{PartnershipAgreement{}, std::move(collaboration).value()};
    target->agreement.collaboration_id = *id;
  } else {
    auto found = ChangeTarget(deps, request);
    if (!found.ok()) return csrf_valid ? found.status() : CsrfMissing();
    target = std::move(found).value();
  }
  const PartnershipAgreement* before = creating ? nullptr : &target->agreement;
  if (!csrf_valid)
    return FormPage(deps, request, target->collaboration, before, *params,
                    {{std::string(kFormLevel), "validation.csrf"}}, 403);

  PartnershipAgreement a = target->agreement;
  Status read = api::ReadAgreementFields(BodyOf(*params), a);
  if (!read.ok()) {
    auto problems = ProblemsOf(read);
    if (!problems.ok()) return problems.status();
    return FormPage(deps, request, target->collaboration, before, *params, std::move(problems).value(), 422);
  }
  Result<PartnershipAgreement> saved = PartnershipAgreement{};
  if (creating) {
    saved = deps.agreements.Create(scope, auth::ActorOf(request), a);
  } else {
    const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
    if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
    saved = deps.agreements.Update(scope, auth::ActorOf(request), a, *revision);
  }
  if (!saved.ok()) {
    if (saved.status().code() == ErrorCode::kPreconditionFailed) {
      // Someone saved it in between: keep what was typed; the next save knowingly replaces theirs.
      auto latest = deps.agreements.Get(scope, a.id);
      if (!latest.ok()) return latest.status();
      text::Params values = *params;
      std::erase_if(values, [](const auto& p) { return p.first == "revision"; });
      values.emplace_back("revision", std::to_string(latest->revision));
      return FormPage(deps, request, target->collaboration, &*latest, values,
                      {{std::string(kFormLevel), "agreements.stale"}}, 412);
    }
    auto problems = ProblemsOf(saved.status());
    if (!problems.ok()) return problems.status();
    return FormPage(deps, request, target->collaboration, before, *params, std::move(problems).value(), 422);
  }
  return http::Redirect(
      303, fmt::format("{}?notice={}#agreements", CollaborationPath(scope.code(), target->collaboration.id),
                       creating ? "agreement_created" : "agreement_updated"));
}

Result<http::Response> CreateSubmit(const Deps& deps, http::Request& request) {
  return Submit(deps, request, true);
}
Result<http::Response> EditSubmit(const Deps& deps, http::Request& request) {
  return Submit(deps, request, false);
}

Result<http::Response> DeleteSubmit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const bool csrf_valid = FormCsrfValid(request, *params);
  auto target = ChangeTarget(deps, request);
  if (!target.ok()) return csrf_valid ? target.status() : CsrfMissing();
  if (!csrf_valid)
    return FormPage(deps, request, target->collaboration, &target->agreement, FormValuesOf(target->agreement),
                    {{std::string(kFormLevel), "validation.csrf"}}, 403);
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  Status deleted = deps.agreements.Delete(scope, auth::ActorOf(request), target->agreement.id, *revision);
  if (deleted.code() == ErrorCode::kPreconditionFailed) {
    auto latest = deps.agreements.Get(scope, target->agreement.id);
    if (!latest.ok()) return latest.status();
    return FormPage(deps, request, target->collaboration, &*latest, FormValuesOf(*latest),
                    {{std::string(kFormLevel), "agreements.stale_delete"}}, 412);
  }
  SAMSKAB_RETURN_IF_ERROR(deleted);
  return http::Redirect(303, CollaborationPath(scope.code(), target->collaboration.id) +
                                 "?notice=agreement_deleted#agreements");
}

// --- GET /admin/tasks: a person's reminders in every municipality they work in ---

Result<http::Response> TasksPage(const Deps& deps, http::Request& request) {
  const std::string today = FormatUtc(deps.pages.clock.Now()).substr(0, 10);
  auto due = deps.agreements.DueFor(auth::PrincipalOf(request).user_id, today);
  if (!due.ok()) return due.status();
  ctemplate::TemplateDictionary body("tasks");
  if (due->empty()) body.ShowSection("NONE");
  ctemplate::TemplateDictionary* list = due->empty() ? nullptr : body.AddSectionDictionary("LIST");
  std::map<std::string, std::string> municipality_names;
  for (const auto& a : *due) {
    auto [name, added] = municipality_names.try_emplace(a.municipality_code, a.municipality_code);
    if (added) {
      auto municipality = deps.pages.municipalities.Get(a.municipality_code);
      if (municipality.ok()) name->second = municipality->name;
    }
    auto* row = list->AddSectionDictionary("TASK");
    row->SetValue("COLLABORATION", a.collaboration_title);
    row->SetValue("COLLABORATION_HREF",
                  CollaborationPath(a.municipality_code, a.collaboration_id) + "#agreements");
    row->SetValue("MUNICIPALITY", name->second);
    row->SetValue("REVIEW_ON", a.review_on.value_or(""));
    if (a.review_on && *a.review_on < today) row->ShowSection("OVERDUE");
    row->SetValue("STATUS", StatusLabel(deps, request, a.status));
    row->SetValue("EDIT_HREF", AgreementPath(a.municipality_code, a.id) + "/edit");
  }
  AdminPage page;
  page.heading = T(deps, request, "tasks.heading");
  page.lead = Fill(T(deps, request, "tasks.lead"), "days", std::to_string(domain::kReminderDays));
  return RenderAdmin(deps.pages, request, page, "tasks", body, 200, {});
}

}  // namespace

Status FillAgreements(const Deps& deps, const http::Request& request,
                      const domain::Collaboration& collaboration, bool may_change,
                      ctemplate::TemplateDictionary& body) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto agreements = deps.agreements.ListForCollaboration(scope, collaboration.id);
  if (!agreements.ok()) return agreements.status();
  auto* section = body.AddSectionDictionary("AGREEMENTS");
  if (agreements->empty()) section->ShowSection("NO_AGREEMENTS");
  StaffChoices staff;
  const bool any_responsible = std::any_of(agreements->begin(), agreements->end(),
                                           [](const auto& a) { return a.responsible_user_id.has_value(); });
  if (any_responsible) {
    auto choices = ResponsibleChoices(deps, scope);
    if (!choices.ok()) return choices.status();
    staff = std::move(choices).value();
  }
  const std::string none = T(deps, request, "collaborations.not_given");
  int n = 0;
  for (const auto& a : *agreements) {
    auto* item = section->AddSectionDictionary("AGREEMENT");
    item->SetValue("HEADING", Fill(T(deps, request, "agreements.item_heading"), "n", std::to_string(++n)));
    item->SetValue("STATUS", StatusLabel(deps, request, a.status));
    item->SetValue("SIGNED_ON", a.signed_on.value_or(none));
    item->SetValue("REVIEW_ON", a.review_on.value_or(none));
    item->SetValue("RESPONSIBLE", a.responsible_user_id ? NameOf(staff, *a.responsible_user_id) : none);
    item->SetValue("MUNICIPALITY_OBLIGATIONS",
                   a.municipality_obligations.empty() ? none : a.municipality_obligations);
    item->SetValue("PARTNER_OBLIGATIONS", a.partner_obligations.empty() ? none : a.partner_obligations);
    if (may_change)
      item->SetValueAndShowSection("EDIT_HREF", AgreementPath(scope.code(), a.id) + "/edit", "EDIT");
  }
  if (may_change)
    section->SetValueAndShowSection(
        "NEW_HREF", CollaborationPath(scope.code(), collaboration.id) + "/agreements/new", "NEW");
  return Status::Ok();
}

void RegisterAgreementPages(http::Router& router, const CollaborationPageDependencies& deps) {
  const domain::Access staff = domain::Access::MunicipalStaff("municipality");
  const auto page = [&deps](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", "/admin/{municipality}/collaborations/{id}/agreements/new", staff, page(NewPage));
  router.Add("POST", "/admin/{municipality}/collaborations/{id}/agreements/new", staff, page(CreateSubmit));
  router.Add("GET", "/admin/{municipality}/agreements/{id}/edit", staff, page(EditPage));
  router.Add("POST", "/admin/{municipality}/agreements/{id}/edit", staff, page(EditSubmit));
  router.Add("POST", "/admin/{municipality}/agreements/{id}/delete", staff, page(DeleteSubmit));
  router.Add("GET", "/admin/tasks", domain::Access::Person(), page(TasksPage));
}

}  // namespace samskab::web
