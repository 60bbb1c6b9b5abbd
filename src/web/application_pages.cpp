#include "web/application_pages.h"

#include <fmt/format.h>

#include "api/applications_api.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "web/account_pages.h"
#include "web/admin_frame.h"
#include "web/forms.h"
#include "web/paging.h"
#include "web/poster_side.h"

namespace samskab::web {
namespace {

using domain::Application;
using domain::ApplicationState;
using domain::Party;
using Deps = ApplicationPageDependencies;

constexpr int64_t kPerPage = 20;  // applications on a page of the pipeline and of a person's list

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

std::string StateLabel(const Deps& deps, const http::Request& request, ApplicationState state) {
  return T(deps, request, fmt::format("application.state.{}", domain::ApplicationStateName(state)));
}

std::string Today(const Deps& deps) { return FormatUtc(deps.pages.clock.Now()).substr(0, 10); }

Result<int64_t> PathId(const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("id is not a number");
  return *id;
}

// A post without its CSRF token when there is no form to show the problem on: refused the same
// way whether or not the target exists.
Status CsrfMissing() {
  return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
}

// The notices these pages' redirects may ask for (an allow-list: no text from the URL).
std::string NoticeOf(const Deps& deps, const http::Request& request) {
  const auto params = text::ParseUrlEncoded(request.query);
  if (!params) return "";
  const std::string_view notice = text::Find(*params, "notice").value_or("");
  for (const char* known : {"applied", "withdrawn", "message", "state"}) {
    if (notice == known) return T(deps, request, fmt::format("application.notice_{}", notice));
  }
  return "";
}

// The problems of a failed save: the fields' own, or the whole form's message.
Result<std::vector<FieldProblem>> ProblemsOf(const Status& failure) {
  const ErrorCode code = failure.code();
  if (code == ErrorCode::kInvalidArgument && !failure.fields().empty()) return failure.fields();
  if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kFailedPrecondition ||
      code == ErrorCode::kAlreadyExists || code == ErrorCode::kPreconditionFailed)
    return std::vector<FieldProblem>{{std::string(kFormLevel), failure.user_message_key()}};
  return failure;
}

int StatusFor(const Status& failure) {
  switch (failure.code()) {
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kPreconditionFailed:
      return 412;
    default:
      return 422;
  }
}

// --- the apply form: /opportunities/{id}/apply ---

// The opportunity as the public may see it: a draft is not public.
Result<domain::OpportunityFacts> PublicOpportunity(const Deps& deps, const http::Request& request) {
  auto id = PathId(request);
  if (!id.ok()) return id.status();
  auto opportunity = deps.applications.Opportunity(*id);
  if (!opportunity.ok()) return opportunity.status();
  if (opportunity->status == "draft") return NotFound("draft opportunity");
  return opportunity;
}

Result<http::Response> ApplyForm(const Deps& deps, const http::Request& request,
                                 const domain::OpportunityFacts& opportunity, const text::Params& values,
                                 std::vector<FieldProblem> problems, int status) {
  const auto& principal = auth::PrincipalOf(request);
  const bool person = principal.kind == domain::Principal::Kind::kUser;
  FormPage page;
  page.heading = Fill(T(deps, request, "application.apply_heading"), "title", opportunity.title);
  if (!domain::AcceptsApplications(opportunity, Today(deps))) {
    page.lead = T(deps, request, "application.error.closed");
    return RenderFormPage(deps.pages, request, page, nullptr, status);
  }
  page.lead = T(deps, request, "application.apply_lead");
  if (person) page.facts.emplace_back(T(deps, request, "application.email"), principal.email);
  Form form;
  form.action = fmt::format("/opportunities/{}/apply", opportunity.id);
  form.submit = T(deps, request, "application.apply_submit");
  form.problems = std::move(problems);
  const auto field = [&](const std::string& name, std::string type, std::string autocomplete, size_t max) {
    return MakeField(deps.pages, request, name, std::move(type), "application." + name,
                     std::move(autocomplete), static_cast<int>(max), FormValue(values, name));
  };
  form.fields.push_back(field("name", "text", "name", domain::kMaxApplicationNameLength));
  if (!person) {
    Field email = field("email", "email", "email", domain::kMaxEmailLength);
    email.hint = T(deps, request, "application.email_hint");
    form.fields.push_back(std::move(email));
  }
  form.fields.push_back(field("phone", "tel", "tel", domain::kMaxApplicationPhoneLength));
  form.fields.push_back(field("motivation", "textarea", "off", domain::kMaxMotivationLength));
  return RenderFormPage(deps.pages, request, page, &form, status);
}

Result<http::Response> ApplyPage(const Deps& deps, http::Request& request) {
  auto opportunity = PublicOpportunity(deps, request);
  if (!opportunity.ok()) return opportunity.status();
  text::Params values;
  const auto& principal = auth::PrincipalOf(request);
  if (principal.kind == domain::Principal::Kind::kUser) values.emplace_back("name", principal.display_name);
  return ApplyForm(deps, request, *opportunity, values, {}, 200);
}

Result<http::Response> ApplySubmit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const bool csrf_valid = FormCsrfValid(request, *params);
  auto opportunity = PublicOpportunity(deps, request);
  if (!opportunity.ok()) return csrf_valid ? opportunity.status() : CsrfMissing();
  if (!csrf_valid)
    return ApplyForm(deps, request, *opportunity, *params, {{std::string(kFormLevel), "validation.csrf"}},
                     403);
  const auto& principal = auth::PrincipalOf(request);
  Application a;
  a.opportunity_id = opportunity->id;
  a.name = FormValue(*params, "name");
  a.phone = FormValue(*params, "phone");
  a.motivation = FormValue(*params, "motivation");
  const bool person = principal.kind == domain::Principal::Kind::kUser;
  if (person) {
    a.user_id = principal.user_id;
    a.email = principal.email;
  } else {
    a.email = FormValue(*params, "email");
  }
  auto applied = deps.applications.Apply(auth::ActorOf(request), a, request.lang);
  if (!applied.ok()) {
    auto problems = ProblemsOf(applied.status());
    if (!problems.ok()) return problems.status();
    return ApplyForm(deps, request, *opportunity, *params, std::move(problems).value(),
                     StatusFor(applied.status()));
  }
  // Post/Redirect/Get: a reload does not apply twice.
  if (person) return http::Redirect(303, "/account/applications?notice=applied");
  return http::Redirect(303, fmt::format("/opportunities/{}/apply/sent", opportunity->id));
}

Result<http::Response> ApplySent(const Deps& deps, http::Request& request) {
  return RenderNotice(deps.pages, request, "application.sent_heading", "application.sent_text", 200);
}

// --- the e-mail link: /applications/verify?token=… ---

Result<http::Response> VerifyPage(const Deps& deps, http::Request& request) {
  const auto params = text::ParseUrlEncoded(request.query);
  const std::string token = params ? std::string(text::Find(*params, "token").value_or("")) : "";
  auto verified = deps.applications.Verify(auth::ActorOf(request), token);
  if (!verified.ok()) {
    if (verified.status().code() != ErrorCode::kNotFound) return verified.status();
    return RenderNotice(deps.pages, request, "application.link_invalid_heading", "application.error.link",
                        404);
  }
  FormPage page;
  page.heading = T(deps, request, "application.verified_heading");
  page.lead = Fill(T(deps, request, "application.verified_text"), "title", verified->opportunity.title);
  return RenderFormPage(deps.pages, request, page, nullptr, 200);
}

// --- a message thread, on both sides ---

// The message form of one application: its field is named after the application, so that many
// forms on one page keep their ids unique.
Form MessageForm(const Deps& deps, const http::Request& request, std::string action, int64_t id) {
  Form form;
  form.action = std::move(action);
  form.submit = T(deps, request, "application.message_submit");
  form.secondary = true;
  Field body =
      MakeField(deps.pages, request, fmt::format("message_{}", id), "textarea", "application.message_body",
                "off", static_cast<int>(domain::kMaxApplicationMessageLength));
  form.fields.push_back(std::move(body));
  return form;
}

Status FillThread(const Deps& deps, const http::Request& request, const Application& a,
                  ctemplate::TemplateDictionary& row) {
  auto messages = deps.applications.Messages(a.id);
  if (!messages.ok()) return messages.status();
  row.SetIntValue("MESSAGE_COUNT", static_cast<long>(messages->size()));
  if (messages->empty()) row.ShowSection("NO_MESSAGES");
  auto* list = messages->empty() ? nullptr : row.AddSectionDictionary("MESSAGES");
  for (const auto& m : *messages) {
    auto* item = list->AddSectionDictionary("MESSAGE");
    item->SetValue("FROM", T(deps, request,
                             m.from_applicant ? "application.from_applicant" : "application.from_poster"));
    item->SetValue("AT", ShowTime(m.created_at));
    item->SetValue("BODY", m.body);
  }
  return Status::Ok();
}

// --- a person's own applications: /account/applications ---

Result<http::Response> MinePage(const Deps& deps, const http::Request& request, const std::string& error_key,
                                int status) {
  auto site = SiteMunicipality(deps.pages);
  if (!site.ok()) return site.status();
  const int64_t page = RequestedPage(request);
  auto mine =
      deps.applications.ListForUser(auth::PrincipalOf(request).user_id, (page - 1) * kPerPage, kPerPage);
  if (!mine.ok()) return mine.status();
  http::Response cookies;
  ctemplate::TemplateDictionary content("account_applications");
  const std::string notice = error_key.empty() ? NoticeOf(deps, request) : "";
  if (!notice.empty()) content.AddSectionDictionary("NOTICE")->SetValue("TEXT", notice);
  if (!error_key.empty())
    content.AddSectionDictionary("PAGE_ERROR")->SetValue("TEXT", T(deps, request, error_key));
  if (mine->items.empty()) content.ShowSection("NONE");
  for (const auto& a : mine->items) {
    auto* item = content.AddSectionDictionary("APPLICATION");
    item->SetIntValue("ID", a.id);
    item->SetValue("TITLE", a.opportunity.title);
    item->SetValue("STATE", StateLabel(deps, request, a.state));
    item->SetValue("APPLIED", a.created_at.substr(0, 10));
    if (domain::MayTransition(a.state, ApplicationState::kWithdrawn, Party::kApplicant)) {
      const Form withdraw = ButtonForm(fmt::format("/account/applications/{}/withdraw", a.id),
                                       T(deps, request, "application.withdraw"), a.opportunity.title,
                                       {{"revision", std::to_string(a.revision)}});
      item->SetValueAndShowSection(
          "FORM", RenderForm(deps.pages.views, request, cookies, withdraw, deps.pages.secure_cookies),
          "WITHDRAW");
    }
    SAMSKAB_RETURN_IF_ERROR(FillThread(deps, request, a, *item));
    if (a.state != ApplicationState::kUnverified) {
      const Form message =
          MessageForm(deps, request, fmt::format("/account/applications/{}/messages", a.id), a.id);
      item->SetValue("MESSAGE_FORM",
                     RenderForm(deps.pages.views, request, cookies, message, deps.pages.secure_cookies));
    }
  }
  content.SetValue("PAGING", PagingHtml(deps.pages.views, request, T(deps, request, "orgposts.paging"), page,
                                        PageCount(mine->total, kPerPage), [](int64_t number) {
                                          return fmt::format("/account/applications?page={}", number);
                                        }));
  const std::string heading = T(deps, request, "application.mine_heading");
  const Frame frame{PageTitle(deps.pages, request, heading, !error_key.empty()), site->name, "account"};
  return HtmlPage(deps.pages.views.Page(request, frame, "account_applications", content), status, cookies);
}

Result<http::Response> Mine(const Deps& deps, http::Request& request) {
  return MinePage(deps, request, "", 200);
}

// The application at {id} when the caller is `side` of it; 404 otherwise.
Result<Application> ApplicationOf(const Deps& deps, const http::Request& request, Party side) {
  auto id = PathId(request);
  if (!id.ok()) return id.status();
  auto a = deps.applications.Get(*id);
  if (!a.ok()) return a.status();
  auto party = api::PartyFor(auth::PrincipalOf(request), *a, deps.pages.units);
  if (!party.ok()) return party.status();
  if (*party != side) return NotFound("not this side of the application");
  return a;
}

// A form post on an application: the form, the CSRF check, the application for `side`.
struct Posted {
  text::Params params;
  Application application;
};
Result<Posted> ReadPosted(const Deps& deps, const http::Request& request, Party side) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const bool csrf_valid = FormCsrfValid(request, *params);
  auto a = ApplicationOf(deps, request, side);
  if (!a.ok() || !csrf_valid) return csrf_valid ? a.status() : CsrfMissing();
  return Posted{std::move(params).value(), std::move(a).value()};
}

Result<http::Response> WithdrawSubmit(const Deps& deps, http::Request& request) {
  auto posted = ReadPosted(deps, request, Party::kApplicant);
  if (!posted.ok()) return posted.status();
  const auto revision = text::ParsePositiveId(FormValue(posted->params, "revision"));
  if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
  auto changed =
      deps.applications.ChangeState(auth::ActorOf(request), posted->application.id,
                                    ApplicationState::kWithdrawn, Party::kApplicant, *revision, false);
  if (!changed.ok()) {
    auto problems = ProblemsOf(changed.status());
    if (!problems.ok()) return problems.status();
    return MinePage(deps, request, problems->front().message_key, StatusFor(changed.status()));
  }
  return http::Redirect(303, "/account/applications?notice=withdrawn");
}

Result<http::Response> ApplicantMessageSubmit(const Deps& deps, http::Request& request) {
  auto posted = ReadPosted(deps, request, Party::kApplicant);
  if (!posted.ok()) return posted.status();
  const int64_t id = posted->application.id;
  auto added = deps.applications.AddMessage(auth::ActorOf(request), id, Party::kApplicant,
                                            FormValue(posted->params, fmt::format("message_{}", id)));
  if (!added.ok()) {
    auto problems = ProblemsOf(added.status());
    if (!problems.ok()) return problems.status();
    return MinePage(deps, request, problems->front().message_key, StatusFor(added.status()));
  }
  return http::Redirect(303, fmt::format("/account/applications?notice=message#application-{}", id));
}

// --- the poster's pipeline: /admin/{municipality}/opportunities/{id}/applications for staff,
// /account/organisations/{organisation}/opportunities/{id}/applications for an organisation's
// people; one set of handlers taking the side from the route (web/poster_side.h) ---

// The opportunity, when the caller posts it on this side; "not found" otherwise.
Result<domain::OpportunityFacts> PostedOpportunity(const Deps& deps, const PosterSide& side, int64_t id) {
  auto opportunity = deps.applications.Opportunity(id);
  if (!opportunity.ok()) return opportunity.status();
  if (!side.Posts(*opportunity)) return NotFound("not the poster of this opportunity on this side");
  return opportunity;
}

std::string CertificateText(const Deps& deps, const http::Request& request, const Application& a) {
  if (a.certificate.Obtained())
    return Fill(T(deps, request, "application.certificate.obtained"), "on", a.certificate.on.value_or(""));
  // Agreed without one on the profile: the poster confirmed it (the audit log says who and when).
  if (domain::TakesPlace(a.state) || a.state == ApplicationState::kEnded)
    return T(deps, request, "application.certificate.confirmed");
  return T(deps, request, "application.certificate." + a.certificate.status);
}

// One applicant's row: contact, motivation, the certificate when children take part, the moves
// the transition table allows the poster, and the message thread.
Status FillRow(const Deps& deps, const http::Request& request, const PosterSide& side,
               const domain::OpportunityFacts& opportunity, const Application& a, int64_t page,
               http::Response& cookies, ctemplate::TemplateDictionary& row) {
  row.SetIntValue("ID", a.id);
  row.SetValue("NAME", a.name);
  row.SetValue("EMAIL", a.email);
  if (!a.phone.empty()) row.AddSectionDictionary("PHONE")->SetValue("TEXT", a.phone);
  row.SetValue("APPLIED", a.created_at.substr(0, 10));
  row.SetValue("MOTIVATION", a.motivation);
  if (opportunity.involves_children)
    row.AddSectionDictionary("CERTIFICATE")->SetValue("TEXT", CertificateText(deps, request, a));
  for (const ApplicationState to : domain::NextStates(a.state, Party::kPoster)) {
    // The page goes along so that the poster comes back to the page they were on.
    std::vector<std::pair<std::string, std::string>> hidden = {
        {"state", std::string(domain::ApplicationStateName(to))},
        {"revision", std::to_string(a.revision)},
        {"page", std::to_string(page)}};
    std::string submit =
        Fill(T(deps, request, "application.move_to"), "state", StateLabel(deps, request, to));
    // Without a certificate on the profile, agreeing means confirming that the poster saw it.
    if (to == ApplicationState::kAgreed && opportunity.involves_children && !a.certificate.Obtained()) {
      hidden.emplace_back("child_certificate_confirmed", "1");
      submit = T(deps, request, "application.agree_confirmed");
    }
    const Form button = ButtonForm(side.ApplicationPath(a.id, "state"), submit, a.name, std::move(hidden));
    row.AddSectionDictionary("ACTION")->SetValue(
        "FORM", RenderForm(deps.pages.views, request, cookies, button, deps.pages.secure_cookies));
  }
  SAMSKAB_RETURN_IF_ERROR(FillThread(deps, request, a, row));
  Form message = MessageForm(deps, request, side.ApplicationPath(a.id, "messages"), a.id);
  message.hidden.emplace_back("page", std::to_string(page));
  row.SetValue("MESSAGE_FORM",
               RenderForm(deps.pages.views, request, cookies, message, deps.pages.secure_cookies));
  return Status::Ok();
}

Result<http::Response> PipelinePage(const Deps& deps, const http::Request& request, const PosterSide& side,
                                    int64_t opportunity_id, int64_t page, const std::string& error_key,
                                    int status) {
  auto opportunity = PostedOpportunity(deps, side, opportunity_id);
  if (!opportunity.ok()) return opportunity.status();
  // One page in the pipeline's order (each state's applications together); the counts are the
  // whole pipeline's, whichever page is shown.
  auto list = deps.applications.ListForOpportunity(opportunity->id, storage::ApplicationOrder::kByState,
                                                   (page - 1) * kPerPage, kPerPage);
  if (!list.ok()) return list.status();
  auto counts = deps.applications.CountByState(opportunity->id);
  if (!counts.ok()) return counts.status();
  AdminPage frame = PosterFrame(deps.pages, request, side);
  frame.heading = Fill(T(deps, request, "application.pipeline_heading"), "title", opportunity->title);
  frame.lead = T(deps, request, "application.pipeline_lead");
  frame.notice = error_key.empty() ? NoticeOf(deps, request) : "";
  frame.error_key = error_key;
  http::Response cookies;
  ctemplate::TemplateDictionary body("admin_applications");
  const auto count_of = [&](ApplicationState state) {
    const auto found = counts->find(state);
    return found == counts->end() ? int64_t{0} : found->second;
  };
  int64_t taken = 0;  // the places as the capacity rule counts them
  for (const auto& [state, count] : *counts)
    if (domain::TakesPlace(state)) taken += count;
  body.SetValue("PLACES",
                Fill(Fill(T(deps, request, "application.pipeline_places"), "taken", std::to_string(taken)),
                     "capacity", std::to_string(opportunity->capacity)));
  if (opportunity->involves_children) body.ShowSection("CHILDREN");
  for (const ApplicationState state : domain::kApplicationStates) {
    if (state == ApplicationState::kUnverified) continue;  // not the poster's until verified
    auto* group = body.AddSectionDictionary("GROUP");
    group->SetValue("STATE", TemplateText(domain::ApplicationStateName(state)));
    group->SetValue("LABEL", StateLabel(deps, request, state));
    const int64_t count = count_of(state);
    group->SetIntValue("COUNT", static_cast<long>(count));
    ctemplate::TemplateDictionary* table = nullptr;
    for (const auto& a : list->items) {
      if (a.state != state) continue;
      if (!table) {
        table = group->AddSectionDictionary("TABLE");
        table->SetValue("LABEL", StateLabel(deps, request, state));
        if (opportunity->involves_children) table->ShowSection("CERTIFICATE_HEAD");
      }
      SAMSKAB_RETURN_IF_ERROR(
          FillRow(deps, request, side, *opportunity, a, page, cookies, *table->AddSectionDictionary("ROW")));
    }
    if (count == 0) {
      group->ShowSection("EMPTY");
    } else if (!table) {
      group->ShowSection("ELSEWHERE");  // this state's applications are on other pages
    }
  }
  const std::string path = side.PipelinePath(opportunity->id);
  body.SetValue("PAGING", PagingHtml(deps.pages.views, request, T(deps, request, "orgposts.paging"), page,
                                     PageCount(list->total, kPerPage), [&](int64_t number) {
                                       return fmt::format("{}?page={}", path, number);
                                     }));
  return RenderAdmin(deps.pages, request, frame, "admin_applications", body, status, cookies);
}

Result<http::Response> Pipeline(const Deps& deps, http::Request& request, SideOf side_of) {
  auto side = side_of(deps.pages, request);
  if (!side.ok()) return side.status();
  auto id = PathId(request);
  if (!id.ok()) return id.status();
  return PipelinePage(deps, request, *side, *id, RequestedPage(request), "", 200);
}

// The poster's side of the application at {id}: the CSRF check first (refused alike whether or
// not the target exists), then the side, then the application's opportunity on this side.
struct PosterPosted {
  Posted posted;
  PosterSide side;
  int64_t page = 1;  // the pipeline's page the form was on
};
Result<PosterPosted> PosterPost(const Deps& deps, const http::Request& request, SideOf side_of) {
  auto posted = ReadPosted(deps, request, Party::kPoster);
  if (!posted.ok()) return posted.status();
  auto side = side_of(deps.pages, request);
  if (!side.ok()) return side.status();
  if (!side->Posts(posted->application.opportunity)) return NotFound("application not posted on this side");
  const int64_t page = text::ParsePositiveId(FormValue(posted->params, "page")).value_or(1);
  return PosterPosted{std::move(posted).value(), std::move(side).value(), page};
}

// Back to the pipeline's page after a change, at the application.
http::Response BackToPipeline(const PosterPosted& p, std::string_view notice) {
  const Application& a = p.posted.application;
  return http::Redirect(303, fmt::format("{}?page={}&notice={}#application-{}",
                                         p.side.PipelinePath(a.opportunity_id), p.page, notice, a.id));
}

Result<http::Response> StateSubmit(const Deps& deps, http::Request& request, SideOf side_of) {
  auto p = PosterPost(deps, request, side_of);
  if (!p.ok()) return p.status();
  const Application& a = p->posted.application;
  const auto to = domain::ParseApplicationState(FormValue(p->posted.params, "state"));
  const auto revision = text::ParsePositiveId(FormValue(p->posted.params, "revision"));
  if (!to || !revision) return Status(ErrorCode::kMalformed, "state or revision missing");
  const bool confirmed = FormValue(p->posted.params, "child_certificate_confirmed") == "1";
  auto changed =
      deps.applications.ChangeState(auth::ActorOf(request), a.id, *to, Party::kPoster, *revision, confirmed);
  if (!changed.ok()) {
    auto problems = ProblemsOf(changed.status());
    if (!problems.ok()) return problems.status();
    return PipelinePage(deps, request, p->side, a.opportunity_id, p->page, problems->front().message_key,
                        StatusFor(changed.status()));
  }
  return BackToPipeline(*p, "state");
}

Result<http::Response> PosterMessageSubmit(const Deps& deps, http::Request& request, SideOf side_of) {
  auto p = PosterPost(deps, request, side_of);
  if (!p.ok()) return p.status();
  const Application& a = p->posted.application;
  auto added = deps.applications.AddMessage(auth::ActorOf(request), a.id, Party::kPoster,
                                            FormValue(p->posted.params, fmt::format("message_{}", a.id)));
  if (!added.ok()) {
    auto problems = ProblemsOf(added.status());
    if (!problems.ok()) return problems.status();
    return PipelinePage(deps, request, p->side, a.opportunity_id, p->page, problems->front().message_key,
                        StatusFor(added.status()));
  }
  return BackToPipeline(*p, "message");
}

}  // namespace

void RegisterApplicationPages(http::Router& router, const ApplicationPageDependencies& deps) {
  using domain::Access;
  const auto page = [&deps](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", "/opportunities/{id}/apply", Access::Public(), page(ApplyPage));
  router.Add("POST", "/opportunities/{id}/apply", Access::Public(), page(ApplySubmit));
  router.Add("GET", "/opportunities/{id}/apply/sent", Access::Public(), page(ApplySent));
  router.Add("GET", "/applications/verify", Access::Public(), page(VerifyPage));
  router.Add("GET", "/account/applications", Access::Person(), page(Mine));
  router.Add("POST", "/account/applications/{id}/withdraw", Access::Person(), page(WithdrawSubmit));
  router.Add("POST", "/account/applications/{id}/messages", Access::Person(), page(ApplicantMessageSubmit));
  // The pipeline on both sides (web/poster_side.h).
  AddPosterRoute(router, deps, "GET", "/opportunities/{id}/applications", Pipeline);
  AddPosterRoute(router, deps, "POST", "/applications/{id}/state", StateSubmit);
  AddPosterRoute(router, deps, "POST", "/applications/{id}/messages", PosterMessageSubmit);
}

}  // namespace samskab::web
