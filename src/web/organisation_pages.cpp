#include "web/organisation_pages.h"

#include <fmt/format.h>

#include "auth/request_context.h"
#include "web/account_pages.h"
#include "web/admin_frame.h"
#include "web/organisation_form.h"

namespace samskab::web {
namespace {

using domain::Organisation;

constexpr int64_t kPageSize = 20;

std::string T(const PageDependencies& deps, const http::Request& request, std::string_view key) {
  return Message(deps, request, key);
}

// --- the list, shared by the public directory and the municipality's page ---

// `q`, `kind` and `page` from the query. An unknown kind or page number is ignored: a search
// form's leftovers should still show organisations, not an error.
struct ListQuery {
  std::string q;
  std::string kind;
  int64_t page = 1;
};

ListQuery ReadListQuery(const http::Request& request) {
  const auto params = text::ParseUrlEncoded(request.query).value_or(text::Params{});
  ListQuery query;
  query.q = std::string(text::Find(params, "q").value_or(""));
  query.kind = std::string(text::Find(params, "kind").value_or(""));
  query.page = text::ParsePositiveId(text::Find(params, "page").value_or("")).value_or(1);
  return query;
}

storage::OrganisationFilter FilterOf(const ListQuery& query) {
  storage::OrganisationFilter filter;
  filter.text = query.q;
  filter.kind = domain::ParseOrganisationKind(query.kind);
  filter.limit = kPageSize;
  filter.offset = (query.page - 1) * kPageSize;
  return filter;
}

std::string PageHref(const std::string& base, const ListQuery& query, int64_t page) {
  return fmt::format("{}?q={}&kind={}&page={}", base, text::PercentEncode(query.q),
                     text::PercentEncode(query.kind), page);
}

// The search form, the count, the table and the paging links. `href` gives a row's link;
// `scope` (the municipality's page) adds who keeps each profile.
std::string RenderList(const PageDependencies& deps, const http::Request& request, const std::string& base,
                       const ListQuery& query, const storage::OrganisationPage& page,
                       const std::function<std::string(const Organisation&)>& href,
                       const std::optional<std::string>& scope) {
  ctemplate::TemplateDictionary dict("organisations_list");
  dict.SetValue("ACTION", base);
  dict.SetValue("Q", query.q);
  for (const auto kind : domain::kAllOrganisationKinds) {
    auto* option = dict.AddSectionDictionary("KIND");
    const std::string name(domain::OrganisationKindName(kind));
    option->SetValue("VALUE", name);
    option->SetValue("LABEL", KindLabel(deps, request, kind));
    if (name == query.kind) option->ShowSection("SELECTED");
  }
  dict.SetIntValue("COUNT", static_cast<long>(page.total));
  if (page.items.empty()) dict.ShowSection("NONE");
  auto* results = page.items.empty() ? nullptr : dict.AddSectionDictionary("RESULTS");
  if (results && scope) results->ShowSection("MANAGED_HEAD");
  for (const auto& o : page.items) {
    auto* row = results->AddSectionDictionary("ROW");
    row->SetValue("HREF", href(o));
    row->SetValue("NAME", o.name);
    row->SetValue("KIND", KindLabel(deps, request, o.kind));
    row->SetValue("TOWN", o.town);
    if (scope)
      row->AddSectionDictionary("MANAGED")->SetValue(
          "TEXT", T(deps, request,
                    o.municipality_code == *scope ? "admin.organisations.managed_here"
                                                  : "admin.organisations.managed_own"));
  }
  const bool previous = query.page > 1;
  const bool next = query.page * kPageSize < page.total;
  if (previous || next) {
    auto* paging = dict.AddSectionDictionary("PAGING");
    if (previous)
      paging->AddSectionDictionary("PREVIOUS")->SetValue("HREF", PageHref(base, query, query.page - 1));
    if (next) paging->AddSectionDictionary("NEXT")->SetValue("HREF", PageHref(base, query, query.page + 1));
  }
  return deps.views.Fragment(request.lang, "organisations_list", dict);
}

// --- /organisations and /organisations/{id}: the public ---

Result<http::Response> DirectoryPage(const PageDependencies& deps, http::Request& request) {
  auto site = SiteMunicipality(deps);
  if (!site.ok()) return site.status();
  const ListQuery query = ReadListQuery(request);
  auto page = deps.organisations.ListPublic(FilterOf(query));
  if (!page.ok()) return page.status();
  ctemplate::TemplateDictionary content("organisations_directory");
  content.SetValue("LIST", RenderList(
                               deps, request, "/organisations", query, *page,
                               [](const Organisation& o) { return fmt::format("/organisations/{}", o.id); },
                               std::nullopt));
  const Frame frame{T(deps, request, "organisation.directory.title"), site->name, ""};
  return HtmlPage(deps.views.Page(request, frame, "organisations_directory", content), 200);
}

Result<http::Response> PublicProfilePage(const PageDependencies& deps, http::Request& request) {
  auto site = SiteMunicipality(deps);
  if (!site.ok()) return site.status();
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("organisation id is not a number", "organisation.error.not_found");
  // A profile that is not public looks exactly like one that does not exist.
  auto o = deps.organisations.GetPublic(*id);
  if (!o.ok()) return o.status();
  ctemplate::TemplateDictionary content("organisation_public");
  content.SetValue("NAME", o->name);
  content.SetValue("DETAILS", ProfileDetails(deps, request, *o, /*full=*/false));
  const Frame frame{o->name, site->name, ""};
  return HtmlPage(deps.views.Page(request, frame, "organisation_public", content), 200);
}

// --- /organisations/{organisation}/profile: the organisation's admins ---

Result<http::Response> OwnProfilePageWith(const PageDependencies& deps, const http::Request& request,
                                          const Organisation& shown, std::vector<FieldProblem> problems,
                                          int status, std::string error_key = "") {
  http::Response cookies;
  ctemplate::TemplateDictionary body("organisation_edit");
  if (shown.is_public)
    body.AddSectionDictionary("PUBLIC_LINK")->SetValue("HREF", fmt::format("/organisations/{}", shown.id));
  const bool failed = !problems.empty();
  const Form form = ProfileForm(deps, request, shown, ProfileQuestions::kAll,
                                fmt::format("/organisations/{}/profile", shown.id),
                                T(deps, request, "organisation.profile.submit"), std::move(problems));
  body.SetValue("FORM", RenderForm(deps.views, request, cookies, form, deps.secure_cookies));
  AdminPage page;
  page.heading = Fill(T(deps, request, "organisation.profile.heading"), "organisation", shown.name);
  page.lead = T(deps, request, "organisation.profile.lead");
  page.notice = error_key.empty() && !failed ? NoticeText(deps, request) : "";
  page.error_key = std::move(error_key);
  page.form_problems = failed;
  return RenderAdmin(deps, request, page, "organisation_edit", body, status, cookies);
}

// A post without its form's CSRF token, when there is no form to show it on.
Status CsrfFailed() {
  return Status(ErrorCode::kPermissionDenied, "form without a valid CSRF token", "validation.csrf");
}

Result<int64_t> RouteOrganisation(const http::Request& request) {
  if (!request.organisation_id) return Internal("organisation route without an organisation");
  return *request.organisation_id;
}

Result<http::Response> OwnProfilePage(const PageDependencies& deps, http::Request& request) {
  auto id = RouteOrganisation(request);
  if (!id.ok()) return id.status();
  auto o = deps.organisations.GetOwn(*id);
  if (!o.ok()) return o.status();
  return OwnProfilePageWith(deps, request, *o, {}, 200);
}

// What a failed save means for the page: the form with its problems (422), someone else's
// change first (412), or an error page.
Result<http::Response> SaveFailed(
    const Status& failure,
    const std::function<Result<http::Response>(std::vector<FieldProblem>, int, const std::string&)>& again) {
  switch (failure.code()) {
    case ErrorCode::kInvalidArgument:
      return again(failure.fields().empty()
                       ? std::vector<FieldProblem>{{std::string(kFormLevel), failure.user_message_key()}}
                       : failure.fields(),
                   422, "");
    case ErrorCode::kPreconditionFailed:
      return again({}, 412, "error.precondition_failed");
    default:
      return failure;
  }
}

Result<http::Response> OwnProfileSubmit(const PageDependencies& deps, http::Request& request) {
  auto id = RouteOrganisation(request);
  if (!id.ok()) return id.status();
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  // The CSRF check comes first: a forged post learns nothing, not even whether the profile exists.
  const bool csrf_valid = FormCsrfValid(request, *params);
  auto current = deps.organisations.GetOwn(*id);
  if (!current.ok()) return csrf_valid ? current.status() : CsrfFailed();
  Organisation typed = *current;
  auto problems = ReadProfileForm(*params, ProfileQuestions::kAll, typed);
  if (!csrf_valid)
    return OwnProfilePageWith(deps, request, typed, {{std::string(kFormLevel), "validation.csrf"}}, 403);
  if (!problems.empty()) {
    Organisation checked = typed;
    for (auto& more : deps.organisations.Normalise(checked)) problems.push_back(std::move(more));
    return OwnProfilePageWith(deps, request, typed, std::move(problems), 422);
  }
  auto saved = deps.organisations.UpdateOwn(auth::ActorOf(request), typed, PostedRevision(*params));
  if (saved.ok())
    return http::Redirect(303, fmt::format("/organisations/{}/profile?notice=profile_saved", *id));
  return SaveFailed(saved.status(), [&](std::vector<FieldProblem> shown, int status, const std::string& key) {
    // After someone else's change, show theirs: the typed values would overwrite it unseen.
    return OwnProfilePageWith(deps, request, key.empty() ? typed : *current, std::move(shown), status, key);
  });
}

// --- /admin/{municipality}/organisations: municipal staff ---

Result<http::Response> MunicipalListPageWith(const PageDependencies& deps, const http::Request& request,
                                             const Organisation& typed, std::vector<FieldProblem> problems,
                                             int status) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  const ListQuery query = ReadListQuery(request);
  auto page = deps.organisations.List(scope, FilterOf(query));
  if (!page.ok()) return page.status();
  auto frame = MunicipalPage(deps, request, "organisations", "");
  if (!frame.ok()) return frame.status();
  frame->form_problems = !problems.empty();
  if (!problems.empty()) frame->notice.clear();
  const std::string base = fmt::format("/admin/{}/organisations", scope.code());
  http::Response cookies;
  ctemplate::TemplateDictionary body("admin_organisations");
  body.SetValue("LIST",
                RenderList(
                    deps, request, base, query, *page,
                    [&](const Organisation& o) { return fmt::format("{}/{}", base, o.id); }, scope.code()));
  const Form create = ProfileForm(deps, request, typed, ProfileQuestions::kRegistration, base,
                                  T(deps, request, "admin.organisations.create_submit"), std::move(problems));
  body.SetValue("CREATE_FORM", RenderForm(deps.views, request, cookies, create, deps.secure_cookies));
  return RenderAdmin(deps, request, *frame, "admin_organisations", body, status, cookies);
}

Result<http::Response> MunicipalListPage(const PageDependencies& deps, http::Request& request) {
  return MunicipalListPageWith(deps, request, Organisation{}, {}, 200);
}

Result<http::Response> MunicipalCreateSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  Organisation typed;
  auto problems = ReadProfileForm(*params, ProfileQuestions::kRegistration, typed);
  if (!FormCsrfValid(request, *params))
    return MunicipalListPageWith(deps, request, typed, {{std::string(kFormLevel), "validation.csrf"}}, 403);
  if (!problems.empty()) {
    Organisation checked = typed;
    for (auto& more : deps.organisations.Normalise(checked)) problems.push_back(std::move(more));
    return MunicipalListPageWith(deps, request, typed, std::move(problems), 422);
  }
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto created = deps.organisations.Create(scope, auth::ActorOf(request), typed);
  if (created.ok())
    return http::Redirect(303, fmt::format("/admin/{}/organisations/{}?notice=organisation_created",
                                           scope.code(), created->id));
  return SaveFailed(created.status(), [&](std::vector<FieldProblem> shown, int status, const std::string&) {
    return MunicipalListPageWith(deps, request, typed, std::move(shown), status);
  });
}

// One organisation for staff: the edit form for their municipality's record, otherwise the
// profile to read.
Result<http::Response> MunicipalEditPageWith(const PageDependencies& deps, const http::Request& request,
                                             const Organisation& shown, std::vector<FieldProblem> problems,
                                             int status, std::string error_key = "") {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto frame = MunicipalPage(deps, request, "organisations", std::move(error_key));
  if (!frame.ok()) return frame.status();
  const bool ours = shown.municipality_code == scope.code();
  const bool failed = !problems.empty();
  frame->heading = shown.name;
  frame->lead =
      T(deps, request, ours ? "admin.organisations.edit_lead" : "admin.organisations.readonly_lead");
  frame->form_problems = failed;
  if (failed) frame->notice.clear();
  const std::string base = fmt::format("/admin/{}/organisations", scope.code());
  http::Response cookies;
  ctemplate::TemplateDictionary body("organisation_edit");
  body.AddSectionDictionary("BACK")->SetValue("HREF", base);
  if (shown.is_public)
    body.AddSectionDictionary("PUBLIC_LINK")->SetValue("HREF", fmt::format("/organisations/{}", shown.id));
  if (ours) {
    const Form form =
        ProfileForm(deps, request, shown, ProfileQuestions::kAll, fmt::format("{}/{}", base, shown.id),
                    T(deps, request, "admin.organisations.edit_submit"), std::move(problems));
    body.SetValue("FORM", RenderForm(deps.views, request, cookies, form, deps.secure_cookies));
  } else {
    body.AddSectionDictionary("DETAILS")->SetValue("HTML",
                                                   ProfileDetails(deps, request, shown, /*full=*/true));
  }
  return RenderAdmin(deps, request, *frame, "organisation_edit", body, status, cookies);
}

Result<Organisation> VisibleOrganisation(const PageDependencies& deps, const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("organisation id is not a number", "organisation.error.not_found");
  return deps.organisations.Get(auth::ScopeOf(request), *id);
}

Result<http::Response> MunicipalEditPage(const PageDependencies& deps, http::Request& request) {
  auto o = VisibleOrganisation(deps, request);
  if (!o.ok()) return o.status();
  return MunicipalEditPageWith(deps, request, *o, {}, 200);
}

Result<http::Response> MunicipalEditSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const bool csrf_valid = FormCsrfValid(request, *params);
  auto current = VisibleOrganisation(deps, request);
  if (!current.ok()) return csrf_valid ? current.status() : CsrfFailed();
  Organisation typed = *current;
  auto problems = ReadProfileForm(*params, ProfileQuestions::kAll, typed);
  if (!csrf_valid)
    return MunicipalEditPageWith(deps, request, typed, {{std::string(kFormLevel), "validation.csrf"}}, 403);
  if (!problems.empty()) {
    Organisation checked = typed;
    for (auto& more : deps.organisations.Normalise(checked)) problems.push_back(std::move(more));
    return MunicipalEditPageWith(deps, request, typed, std::move(problems), 422);
  }
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto saved = deps.organisations.Update(scope, auth::ActorOf(request), typed, PostedRevision(*params));
  if (saved.ok())
    return http::Redirect(
        303, fmt::format("/admin/{}/organisations/{}?notice=organisation_saved", scope.code(), saved->id));
  return SaveFailed(saved.status(), [&](std::vector<FieldProblem> shown, int status, const std::string& key) {
    return MunicipalEditPageWith(deps, request, key.empty() ? typed : *current, std::move(shown), status,
                                 key);
  });
}

}  // namespace

void RegisterOrganisationPages(http::Router& router, const PageDependencies& deps) {
  using domain::Access;
  const auto page = [&deps](Result<http::Response> (*handler)(const PageDependencies&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  const Access staff = Access::MunicipalStaff("municipality");
  const Access organisation_admin = Access::OrganisationAdmin("organisation");
  router.Add("GET", "/organisations", Access::Public(), page(DirectoryPage));
  router.Add("GET", "/organisations/{id}", Access::Public(), page(PublicProfilePage));
  router.Add("GET", "/organisations/{organisation}/profile", organisation_admin, page(OwnProfilePage));
  router.Add("POST", "/organisations/{organisation}/profile", organisation_admin, page(OwnProfileSubmit));
  router.Add("GET", "/admin/{municipality}/organisations", staff, page(MunicipalListPage));
  router.Add("POST", "/admin/{municipality}/organisations", staff, page(MunicipalCreateSubmit));
  router.Add("GET", "/admin/{municipality}/organisations/{id}", staff, page(MunicipalEditPage));
  router.Add("POST", "/admin/{municipality}/organisations/{id}", staff, page(MunicipalEditSubmit));
}

}  // namespace samskab::web
