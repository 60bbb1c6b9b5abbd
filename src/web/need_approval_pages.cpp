#include "web/need_approval_pages.h"

#include <map>

#include <fmt/format.h>

#include "api/need_approvals_api.h"
#include "auth/request_context.h"
#include "http/errors.h"
#include "web/account_pages.h"
#include "web/admin_frame.h"
#include "web/paging.h"

namespace samskab::web {
namespace {

using domain::ApprovalDecision;
using domain::NeedApproval;
using Deps = NeedApprovalPageDependencies;

// How many approvals the partner's page shows on a page of each part: the waiting ones page by
// `page`, the decided ones by `decided_page`.
constexpr int64_t kPerPage = 20;
// How many offers the need page's choice lists.
constexpr int kAskableShown = 200;

std::string T(const PageDependencies& pages, const http::Request& request, std::string_view key) {
  return Message(pages, request, key);
}

std::string DecisionLabel(const PageDependencies& pages, const http::Request& request, ApprovalDecision d) {
  return T(pages, request, fmt::format("need_approval.decision.{}", domain::ApprovalDecisionName(d)));
}

std::string YesNo(const PageDependencies& pages, const http::Request& request, bool yes) {
  return T(pages, request, yes ? "needs.yes" : "needs.no");
}

// The cells an approval shows in both tables.
void FillRow(const PageDependencies& pages, const http::Request& request, const NeedApproval& a,
             ctemplate::TemplateDictionary& row) {
  row.SetValue("KEY", fmt::format("{}-{}", a.need_id, a.offer_id));
  row.SetValue("OFFER_TITLE", a.offer_title);
  row.SetValue("OWNER", a.offer_owner_name);
  row.SetValue("KIND", T(pages, request, fmt::format("offers.kind.{}", a.offer_kind)));
  row.SetValue("DECISION", DecisionLabel(pages, request, a.decision));
  row.SetValue("CONTACT", YesNo(pages, request, a.direct_contact));
  row.SetValue("NOTE", a.note);
  row.SetValue("DECIDED", a.decided_at ? ShowTime(*a.decided_at) : "");
  row.SetValue("ASKED", ShowTime(a.requested_at));
}

// --- the partner organisation's page ---

// A decision form posted back with its problems (shown again at its own fields).
struct Posted {
  int64_t need_id = 0;
  int64_t offer_id = 0;
  text::Params values;
  std::vector<FieldProblem> problems;
};

// The fields of one approval's form carry its key, so that the page's many forms have distinct ids.
std::string FieldName(std::string_view field, int64_t need_id, int64_t offer_id) {
  return fmt::format("{}_{}_{}", field, need_id, offer_id);
}

std::string PartnerPath(int64_t organisation_id) {
  return fmt::format("/organisations/{}/need-approvals", organisation_id);
}

// The pages of both parts the partner is looking at, kept in every link and form of the page, so
// that a form sent back with problems shows the same approvals again.
struct PartnerPages {
  int64_t pending = 1;
  int64_t decided = 1;
  // Nothing for the first page of both, the page most links lead to.
  std::string Query() const {
    return pending == 1 && decided == 1 ? "" : fmt::format("?page={}&decided_page={}", pending, decided);
  }
};

PartnerPages PartnerPagesOf(const http::Request& request) {
  return {RequestedPage(request), RequestedPage(request, "decided_page")};
}

std::string DecidePath(int64_t organisation_id, int64_t need_id, int64_t offer_id) {
  return fmt::format("{}/{}/{}", PartnerPath(organisation_id), need_id, offer_id);
}

Form DecisionForm(const Deps& deps, const http::Request& request, const PartnerPages& shown,
                  const NeedApproval& a, const Posted* posted) {
  const bool mine = posted && posted->need_id == a.need_id && posted->offer_id == a.offer_id;
  const auto name = [&](std::string_view field) { return FieldName(field, a.need_id, a.offer_id); };
  const auto value = [&](std::string_view field, std::string current) {
    return mine ? FormValue(posted->values, name(field)) : std::move(current);
  };
  Form form;
  form.action = DecidePath(a.organisation_id, a.need_id, a.offer_id) + shown.Query();
  form.submit = T(deps.pages, request, "need_approvals.decide_submit");
  form.submit_context = a.offer_title;
  const std::string decided =
      a.decision == ApprovalDecision::kPending ? "" : std::string(domain::ApprovalDecisionName(a.decision));
  Field decision = MakeField(deps.pages, request, name("decision"), "select", "need_approvals.field.decision",
                             "off", 0, value("decision", decided));
  decision.options.emplace_back("", T(deps.pages, request, "need_approvals.choose"));
  for (const auto d : {ApprovalDecision::kApproved, ApprovalDecision::kDeclined})
    decision.options.emplace_back(std::string(domain::ApprovalDecisionName(d)),
                                  DecisionLabel(deps.pages, request, d));
  form.fields.push_back(std::move(decision));
  Field contact = MakeField(deps.pages, request, name("direct_contact"), "checkbox",
                            "need_approvals.field.direct_contact", "off", 0,
                            value("direct_contact", a.direct_contact ? "1" : ""));
  contact.hint = T(deps.pages, request, "need_approvals.field.direct_contact_hint");
  form.fields.push_back(std::move(contact));
  Field note = MakeField(deps.pages, request, name("note"), "textarea", "need_approvals.field.note", "off",
                         static_cast<int>(domain::kMaxApprovalNoteLength), value("note", a.note));
  note.hint = T(deps.pages, request, "need_approvals.field.note_hint");
  form.fields.push_back(std::move(note));
  form.hidden.emplace_back("revision",
                           mine ? FormValue(posted->values, "revision") : std::to_string(a.revision));
  if (mine) {
    for (const auto& problem : posted->problems) {
      const bool whole_form = problem.field == kFormLevel;
      form.problems.push_back({whole_form ? problem.field : name(problem.field), problem.message_key});
    }
  }
  return form;
}

Result<http::Response> PartnerPageWith(const Deps& deps, const http::Request& request, const Posted* posted,
                                       int status) {
  if (!request.organisation_id) return Internal("organisation route without an organisation");
  const int64_t id = *request.organisation_id;
  auto name = deps.pages.accounts.OrganisationName(id);
  if (!name.ok()) return name.status();
  const PartnerPages shown = PartnerPagesOf(request);
  auto pending = deps.approvals.ListForOrganisation(id, ApprovalDecision::kPending,
                                                    (shown.pending - 1) * kPerPage, kPerPage);
  if (!pending.ok()) return pending.status();
  auto decided = deps.approvals.ListDecidedForOrganisation(id, (shown.decided - 1) * kPerPage, kPerPage);
  if (!decided.ok()) return decided.status();
  // Each part's links keep the other part's page.
  const auto pager = [&](const std::string& label_key, int64_t page, int64_t total, bool of_pending) {
    return PagingHtml(deps.pages.views, request, T(deps.pages, request, label_key), page,
                      PageCount(total, kPerPage), [&](int64_t to) {
                        PartnerPages link = shown;
                        (of_pending ? link.pending : link.decided) = to;
                        return PartnerPath(id) + link.Query() + (of_pending ? "#pending" : "#decided");
                      });
  };
  std::map<std::string, std::string> municipality_names;
  const auto municipality = [&](const std::string& code) -> const std::string& {
    auto [at, added] = municipality_names.try_emplace(code, code);
    if (added) {
      if (auto found = deps.pages.municipalities.Get(code); found.ok()) at->second = found->name;
    }
    return at->second;
  };
  http::Response cookies;
  ctemplate::TemplateDictionary body("organisation_need_approvals");
  body.SetIntValue("PENDING_COUNT", static_cast<long>(pending->total));
  if (pending->total == 0) body.ShowSection("NO_PENDING");
  body.SetValue("PENDING_PAGING",
                pager("need_approvals.pending_paging", shown.pending, pending->total, /*of_pending=*/true));
  for (const auto& a : pending->items) {
    auto* item = body.AddSectionDictionary("PENDING");
    FillRow(deps.pages, request, a, *item);
    if (!a.offer_description.empty())
      item->AddSectionDictionary("OFFER_DESCRIPTION")->SetValue("TEXT", a.offer_description);
    item->SetValue("NEED_TITLE", a.need_title);
    item->SetValue("UNIT", a.unit_name);
    item->SetValue("MUNICIPALITY", municipality(a.municipality_code));
    item->SetValue("TARGET_GROUP", a.target_group.empty()
                                       ? T(deps.pages, request, "needs.none")
                                       : deps.vocabularies.TermLabel(
                                             domain::MunicipalityScope(a.municipality_code),
                                             domain::Vocabulary::kTargetGroup, a.target_group, request.lang));
    item->SetValue(
        "FORM", RenderForm(deps.pages.views, request, cookies, DecisionForm(deps, request, shown, a, posted),
                           deps.pages.secure_cookies));
  }
  ctemplate::TemplateDictionary* table = nullptr;
  for (const auto& a : decided->items) {
    if (!table) table = body.AddSectionDictionary("DECIDED_TABLE");
    auto* row = table->AddSectionDictionary("ROW");
    FillRow(deps.pages, request, a, *row);
    row->SetValue("NEED_TITLE", a.need_title);
    row->SetValue("MUNICIPALITY", municipality(a.municipality_code));
    if (posted && posted->need_id == a.need_id && posted->offer_id == a.offer_id) row->ShowSection("OPEN");
    row->SetValue(
        "FORM", RenderForm(deps.pages.views, request, cookies, DecisionForm(deps, request, shown, a, posted),
                           deps.pages.secure_cookies));
  }
  body.SetIntValue("DECIDED_COUNT", static_cast<long>(decided->total));
  if (decided->total == 0) body.ShowSection("NO_DECIDED");
  body.SetValue("DECIDED_PAGING",
                pager("need_approvals.decided_paging", shown.decided, decided->total, /*of_pending=*/false));
  AdminPage page;
  page.heading = Fill(T(deps.pages, request, "need_approvals.partner_heading"), "organisation", *name);
  page.lead = T(deps.pages, request, "need_approvals.partner_lead");
  page.notice = NoticeText(deps.pages, request);
  page.form_problems = posted && !posted->problems.empty();
  if (page.form_problems) page.notice.clear();
  return RenderAdmin(deps.pages, request, page, "organisation_need_approvals", body, status, cookies);
}

Result<http::Response> PartnerPage(const Deps& deps, http::Request& request) {
  return PartnerPageWith(deps, request, nullptr, 200);
}

// POST /organisations/{organisation}/need-approvals/{need}/{offer}: the partner decides.
Result<http::Response> DecideSubmit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!request.organisation_id) return Internal("organisation route without an organisation");
  const int64_t organisation_id = *request.organisation_id;
  const auto need_id = text::ParsePositiveId(request.PathParam("need"));
  const auto offer_id = text::ParsePositiveId(request.PathParam("offer"));
  // Refused before anything is looked up: a form without its token changes nothing, whatever it names.
  if (!FormCsrfValid(request, *params))
    return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
  if (!need_id || !offer_id) return NotFound("approval key is not a number", "need_approval.error.not_found");
  SAMSKAB_RETURN_IF_ERROR(api::CheckDecidesFor(request, organisation_id));
  auto current = deps.approvals.GetForOrganisation(organisation_id, *need_id, *offer_id);
  if (!current.ok()) return current.status();
  Posted posted{*need_id, *offer_id, *params, {}};
  const auto field = [&](std::string_view name) {
    return FormValue(*params, FieldName(name, *need_id, *offer_id));
  };
  nlohmann::json body = {{"decision", field("decision")},
                         {"direct_contact", field("direct_contact") == "1"},
                         {"note", field("note")}};
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
  auto choice = api::ReadApprovalChoice(body);
  Status failure = choice.status();
  if (choice.ok()) {
    auto decided = deps.approvals.Decide(organisation_id, auth::ActorOf(request), *need_id, *offer_id,
                                         *choice, *revision);
    if (decided.ok()) {
      const std::string query = PartnerPagesOf(request).Query();
      return http::Redirect(303, PartnerPath(organisation_id) + query + (query.empty() ? "?" : "&") +
                                     "notice=need_approval.decided");
    }
    failure = decided.status();
  }
  if (failure.code() == ErrorCode::kInvalidArgument && !failure.fields().empty()) {
    posted.problems = failure.fields();
    return PartnerPageWith(deps, request, &posted, 422);
  }
  if (failure.code() == ErrorCode::kPreconditionFailed || failure.code() == ErrorCode::kInvalidArgument) {
    posted.problems = {{std::string(kFormLevel), failure.user_message_key()}};
    return PartnerPageWith(deps, request, &posted, http::HttpStatusFor(failure.code()));
  }
  return failure;
}

}  // namespace

Status FillNeedApprovals(const PageDependencies& pages, storage::NeedApprovalStore& approvals,
                         const http::Request& request, const domain::Need& need, bool may_change,
                         ctemplate::TemplateDictionary& body, http::Response& cookies) {
  if (!need.vulnerable) return Status::Ok();
  const auto scope = auth::ScopeOf(request);
  auto list = approvals.ListForNeed(scope, need.id);
  if (!list.ok()) return list.status();
  auto* section = body.AddSectionDictionary("APPROVALS");
  section->SetValue("LEAD", Fill(T(pages, request, "need_approvals.staff_lead"), "organisation",
                                 need.partner_organisation_name));
  if (list->empty()) section->ShowSection("NONE");
  ctemplate::TemplateDictionary* table = list->empty() ? nullptr : section->AddSectionDictionary("TABLE");
  for (const auto& a : *list) FillRow(pages, request, a, *table->AddSectionDictionary("ROW"));
  if (!may_change) return Status::Ok();
  auto offers = approvals.AskableOffers(scope, need.id, kAskableShown);
  if (!offers.ok()) return offers.status();
  if (offers->empty()) {
    section->ShowSection("NO_OFFERS");
    return Status::Ok();
  }
  Form ask;
  ask.action = fmt::format("/admin/{}/needs/{}/approvals", scope.code(), need.id);
  ask.submit = T(pages, request, "need_approvals.ask_submit");
  Field offer = MakeField(pages, request, "offer_id", "select", "need_approvals.field.offer_id", "off", 0);
  offer.hint = T(pages, request, "need_approvals.field.offer_id_hint");
  offer.options.emplace_back("", T(pages, request, "need_approvals.choose"));
  for (const auto& o : *offers) {
    offer.options.emplace_back(std::to_string(o.id),
                               fmt::format("{} – {} ({})", o.title, o.owner_name,
                                           T(pages, request, fmt::format("offers.kind.{}", o.kind))));
  }
  ask.fields.push_back(std::move(offer));
  section->SetValue("ASK_FORM", RenderForm(pages.views, request, cookies, ask, pages.secure_cookies));
  return Status::Ok();
}

void RegisterNeedApprovalPages(http::Router& router, const NeedApprovalPageDependencies& deps) {
  const domain::Access organisation_admin = domain::Access::OrganisationAdmin("organisation");
  const auto page = [&deps](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", "/organisations/{organisation}/need-approvals", organisation_admin, page(PartnerPage));
  router.Add("POST", "/organisations/{organisation}/need-approvals/{need}/{offer}", organisation_admin,
             page(DecideSubmit));
}

}  // namespace samskab::web
