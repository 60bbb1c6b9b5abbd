#include "web/account_pages.h"

#include <fmt/format.h>

#include "auth/request_context.h"
#include "core/password.h"
#include "web/admin_frame.h"
#include "web/csrf.h"

namespace samskab::web {
namespace {

// The consent a person gives when they create their account, and the version of its text
// (docs/PRIVACY.md). A new text gets a new version; earlier consents keep theirs.
constexpr char kPrivacyConsent[] = "privacy_notice";
constexpr char kPrivacyTextVersion[] = "2026-11";

// Notices a redirect may name; anything else shows nothing.
constexpr const char* kNotices[] = {"password_reset",
                                    "password_changed",
                                    "verification_sent",
                                    "email_verified",
                                    "logged_out_everywhere",
                                    "unit_created",
                                    "unit_deleted",
                                    "invitation_sent",
                                    "staff_removed",
                                    "token_revoked",
                                    "municipality_activated",
                                    "municipality_deactivated",
                                    "organisation_created",
                                    "organisation_saved",
                                    "profile_saved",
                                    "collaboration_created",
                                    "collaboration_updated",
                                    "collaboration_deleted",
                                    "agreement_created",
                                    "agreement_updated",
                                    "agreement_deleted",
                                    "vocabulary.term_added",
                                    "vocabulary.term_removed",
                                    "worksheet.saved",
                                    "market.volunteer_saved",
                                    "market.volunteer_deleted",
                                    "market.opportunity_saved",
                                    "market.opportunity_closed",
                                    "need.created",
                                    "need.saved",
                                    "need.closed",
                                    "need.reopened",
                                    "offer.created",
                                    "offer.saved",
                                    "offer.closed",
                                    "offer.reopened",
                                    "matches.marked",
                                    "need_approval.asked",
                                    "need_approval.waiting",
                                    "need_approval.decided"};

// Short for the catalog message in the request's language.
std::string T(const PageDependencies& deps, const http::Request& request, std::string_view key) {
  return Message(deps, request, key);
}

// A failed Status as a problem of the form: a field's problem when the status names a field
// message we show at `field`, otherwise a problem of the whole form.
FieldProblem ProblemOf(const Status& status, std::string_view field) {
  const std::string key = status.user_message_key().empty() ? "error.invalid" : status.user_message_key();
  return {std::string(field), key};
}

// The answer to a form post without a valid CSRF token: 403, the form again, nothing changed.
bool CsrfRejected(const http::Request& request, const text::Params& params, Form& form) {
  if (FormCsrfValid(request, params)) return false;
  form.problems.push_back({std::string(kFormLevel), "validation.csrf"});
  return true;
}

http::Response RedirectWithCookie(std::string location, const std::string& cookie) {
  http::Response response = http::Redirect(303, std::move(location));
  if (!cookie.empty()) response.headers.Add("Set-Cookie", cookie);
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

// --- log in ---

Form LoginForm(const PageDependencies& deps, const http::Request& request, const std::string& email,
               const std::string& return_to) {
  Form form;
  form.action = "/login";
  form.submit = T(deps, request, "login.submit");
  form.fields.push_back(MakeField(deps, request, "email", "email", "login.email", "username", 254, email));
  form.fields.push_back(
      MakeField(deps, request, "password", "password", "login.password", "current-password", 0));
  form.hidden.emplace_back("return", return_to);
  return form;
}

Result<http::Response> LoginPageWith(const PageDependencies& deps, const http::Request& request,
                                     const Form& form, int status) {
  FormPage page;
  page.heading = T(deps, request, "login.heading");
  page.lead = T(deps, request, "login.lead");
  page.notice = NoticeText(deps, request);
  page.links = {{"/reset", T(deps, request, "login.forgot")}};
  page.nav = "login";
  return RenderFormPage(deps, request, page, &form, status);
}

Result<http::Response> LoginPage(const PageDependencies& deps, http::Request& request) {
  const auto params = text::ParseUrlEncoded(request.query).value_or(text::Params{});
  const std::string return_to = SafeReturnPath(text::Find(params, "return").value_or("/account"));
  if (!auth::PrincipalOf(request).IsPublic()) return http::Redirect(303, return_to);
  return LoginPageWith(deps, request, LoginForm(deps, request, "", return_to), 200);
}

Result<http::Response> LoginSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const std::string email = FormValue(*params, "email");
  const std::string given_return = FormValue(*params, "return");
  const std::string return_to = given_return.empty() ? "/account" : SafeReturnPath(given_return);
  Form form = LoginForm(deps, request, email, return_to);
  if (CsrfRejected(request, *params, form)) return LoginPageWith(deps, request, form, 403);
  auto login = deps.authenticator.Login(email, FormValue(*params, "password"), request.remote_address);
  if (!login.ok()) {
    const Status& failure = login.status();
    switch (failure.code()) {
      case ErrorCode::kInvalidArgument:  // the form itself: empty or not an e-mail address
        form.problems.push_back(ProblemOf(
            failure,
            failure.user_message_key() == "validation.required" && !email.empty() ? "password" : "email"));
        return LoginPageWith(deps, request, form, 422);
      case ErrorCode::kUnauthenticated:
      case ErrorCode::kTooManyRequests:
        // One message for an unknown address and a wrong password: no account enumeration.
        form.problems.push_back(ProblemOf(failure, kFormLevel));
        return LoginPageWith(deps, request, form, failure.code() == ErrorCode::kTooManyRequests ? 429 : 401);
      default:
        return failure;
    }
  }
  // A session this browser had before is ended: the new one replaces it (no fixation).
  if (request.principal && !request.principal->session_hash.empty())
    deps.authenticator.Logout(*request.principal);
  return RedirectWithCookie(return_to, login->set_cookie);
}

Result<http::Response> LogoutSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params))
    return Status(ErrorCode::kPermissionDenied, "CSRF", "validation.csrf");
  return RedirectWithCookie("/", deps.authenticator.Logout(auth::PrincipalOf(request)));
}

// --- password reset ---

Form ResetRequestForm(const PageDependencies& deps, const http::Request& request, const std::string& email) {
  Form form;
  form.action = "/reset";
  form.submit = T(deps, request, "reset.submit");
  form.fields.push_back(MakeField(deps, request, "email", "email", "login.email", "email", 254, email));
  return form;
}

Result<http::Response> ResetRequestPageWith(const PageDependencies& deps, const http::Request& request,
                                            const Form& form, int status) {
  FormPage page;
  page.heading = T(deps, request, "reset.heading");
  page.lead = T(deps, request, "reset.lead");
  page.nav = "login";
  return RenderFormPage(deps, request, page, &form, status);
}

Result<http::Response> ResetRequestPage(const PageDependencies& deps, http::Request& request) {
  return ResetRequestPageWith(deps, request, ResetRequestForm(deps, request, ""), 200);
}

Result<http::Response> ResetRequestSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const std::string email = FormValue(*params, "email");
  Form form = ResetRequestForm(deps, request, email);
  if (CsrfRejected(request, *params, form)) return ResetRequestPageWith(deps, request, form, 403);
  Status requested = deps.account_service.RequestPasswordReset(email, request.lang);
  if (requested.code() == ErrorCode::kInvalidArgument) {
    form.problems.push_back(ProblemOf(requested, "email"));
    return ResetRequestPageWith(deps, request, form, 422);
  }
  if (!requested.ok()) return requested;
  // The same answer whether or not the address has an account.
  return http::Redirect(303, "/reset/sent");
}

Result<http::Response> ResetSent(const PageDependencies& deps, http::Request& request) {
  return RenderNotice(deps, request, "reset.sent_heading", "reset.sent_text", 200, "/login", "login.heading");
}

Form NewPasswordForm(const PageDependencies& deps, const http::Request& request, const std::string& action) {
  Form form;
  form.action = action;
  form.submit = T(deps, request, "reset.save");
  Field password = MakeField(deps, request, "password", "password", "reset.new_password", "new-password", 0);
  password.hint = T(deps, request, "reset.password_hint");
  form.fields.push_back(std::move(password));
  return form;
}

Result<http::Response> ResetPageWith(const PageDependencies& deps, const http::Request& request,
                                     const Form& form, int status) {
  FormPage page;
  page.heading = T(deps, request, "reset.new_heading");
  page.nav = "login";
  return RenderFormPage(deps, request, page, &form, status);
}

Result<http::Response> LinkInvalid(const PageDependencies& deps, const http::Request& request) {
  return RenderNotice(deps, request, "account.link_invalid_heading", "account.error.link_invalid", 404, "/",
                      "error.back_to_start");
}

Result<http::Response> ResetPage(const PageDependencies& deps, http::Request& request) {
  const std::string token(request.PathParam("token"));
  auto peeked =
      deps.accounts.PeekOneTimeToken(auth::Authenticator::TokenHash(token),
                                     domain::TokenPurpose::kResetPassword, FormatUtc(deps.clock.Now()));
  if (!peeked.ok()) {
    if (peeked.status().code() == ErrorCode::kNotFound) return LinkInvalid(deps, request);
    return peeked.status();
  }
  return ResetPageWith(deps, request, NewPasswordForm(deps, request, "/reset/" + token), 200);
}

Result<http::Response> ResetSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const std::string token(request.PathParam("token"));
  Form form = NewPasswordForm(deps, request, "/reset/" + token);
  if (CsrfRejected(request, *params, form)) return ResetPageWith(deps, request, form, 403);
  Status reset =
      deps.account_service.ResetPassword(auth::ActorOf(request), token, FormValue(*params, "password"));
  if (reset.code() == ErrorCode::kInvalidArgument) {
    form.problems.push_back(ProblemOf(reset, "password"));
    return ResetPageWith(deps, request, form, 422);
  }
  if (reset.code() == ErrorCode::kNotFound) return LinkInvalid(deps, request);
  if (!reset.ok()) return reset;
  return http::Redirect(303, "/login?notice=password_reset");
}

// --- e-mail verification ---

Result<http::Response> VerifyLink(const PageDependencies& deps, http::Request& request) {
  Status verified = deps.account_service.VerifyEmail(auth::ActorOf(request), request.PathParam("token"));
  if (verified.code() == ErrorCode::kNotFound) return LinkInvalid(deps, request);
  if (!verified.ok()) return verified;
  return RenderNotice(deps, request, "account.verified_heading", "notice.email_verified", 200, "/account",
                      "nav.account");
}

// --- invitations ---

std::string ScopeName(const PageDependencies& deps, const http::Request& request,
                      const domain::Grant& grant) {
  if (!grant.municipality_code.empty()) {
    auto municipality = deps.municipalities.Get(grant.municipality_code);
    std::string name = municipality.ok() ? municipality->name : grant.municipality_code;
    if (grant.unit_id) {
      auto unit = deps.units.Get(domain::MunicipalityScope(grant.municipality_code), *grant.unit_id);
      if (unit.ok()) name += ", " + unit->name;
    }
    return name;
  }
  if (grant.organisation_id) {
    auto name = deps.accounts.OrganisationName(*grant.organisation_id);
    if (name.ok()) return *name;
  }
  return T(deps, request, "role.scope_platform");
}

Form InvitationForm(const PageDependencies& deps, const http::Request& request, const std::string& token,
                    bool new_account, const std::string& name) {
  Form form;
  form.action = "/invitation/" + token;
  form.submit = T(deps, request, "invitation.accept");
  if (new_account) {
    form.fields.push_back(
        MakeField(deps, request, "display_name", "text", "invitation.name", "name", 200, name));
    Field password =
        MakeField(deps, request, "password", "password", "reset.new_password", "new-password", 0);
    password.hint = T(deps, request, "reset.password_hint");
    form.fields.push_back(std::move(password));
  }
  return form;
}

Result<http::Response> InvitationPageWith(const PageDependencies& deps, const http::Request& request,
                                          const domain::OneTimeToken& invitation, const Form& form,
                                          int status) {
  FormPage page;
  page.heading = T(deps, request, "invitation.heading");
  page.lead = T(deps, request, form.fields.empty() ? "invitation.lead_existing" : "invitation.lead_new");
  page.facts = {{T(deps, request, "login.email"), invitation.email},
                {T(deps, request, "invitation.role"),
                 T(deps, request, fmt::format("role.{}", domain::RoleName(invitation.grant->role)))},
                {T(deps, request, "invitation.scope"), ScopeName(deps, request, *invitation.grant)}};
  page.links = {{"/privacy", T(deps, request, "invitation.privacy")}};
  return RenderFormPage(deps, request, page, &form, status);
}

Result<http::Response> InvitationPage(const PageDependencies& deps, http::Request& request) {
  const std::string token(request.PathParam("token"));
  auto invitation = deps.account_service.PeekInvitation(token);
  if (!invitation.ok()) {
    if (invitation.status().code() == ErrorCode::kNotFound) return LinkInvalid(deps, request);
    return invitation.status();
  }
  const bool new_account = !deps.accounts.FindByEmail(invitation->email).ok();
  return InvitationPageWith(deps, request, *invitation, InvitationForm(deps, request, token, new_account, ""),
                            200);
}

Result<http::Response> InvitationSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const std::string token(request.PathParam("token"));
  auto invitation = deps.account_service.PeekInvitation(token);
  if (!invitation.ok()) {
    if (invitation.status().code() == ErrorCode::kNotFound) return LinkInvalid(deps, request);
    return invitation.status();
  }
  const bool new_account = !deps.accounts.FindByEmail(invitation->email).ok();
  const std::string name = FormValue(*params, "display_name");
  Form form = InvitationForm(deps, request, token, new_account, name);
  if (CsrfRejected(request, *params, form)) return InvitationPageWith(deps, request, *invitation, form, 403);
  auto accepted = deps.account_service.AcceptInvitation(auth::ActorOf(request), token, name,
                                                        FormValue(*params, "password"));
  if (!accepted.ok()) {
    const Status& failure = accepted.status();
    if (failure.code() == ErrorCode::kNotFound) return LinkInvalid(deps, request);
    if (failure.code() != ErrorCode::kInvalidArgument) return failure;
    const bool about_password = failure.user_message_key().rfind("validation.password", 0) == 0;
    form.problems.push_back(ProblemOf(failure, about_password ? "password" : "display_name"));
    return InvitationPageWith(deps, request, *invitation, form, 422);
  }
  if (new_account) {
    Status consent =
        deps.accounts.RecordConsent(domain::Actor::Of(*accepted->principal, request.request_id),
                                    accepted->principal->user_id, kPrivacyConsent, kPrivacyTextVersion);
    if (!consent.ok()) return consent;
  }
  if (request.principal && !request.principal->session_hash.empty())
    deps.authenticator.Logout(*request.principal);
  return RedirectWithCookie("/account", accepted->set_cookie);
}

// --- my account ---

std::string AccountForm(const PageDependencies& deps, const http::Request& request, http::Response& cookies,
                        const Form& form) {
  return RenderForm(deps.views, request, cookies, form, deps.secure_cookies);
}

Form PasswordForm(const PageDependencies& deps, const http::Request& request) {
  Form form;
  form.action = "/account/password";
  form.submit = T(deps, request, "account.password_submit");
  form.fields.push_back(MakeField(deps, request, "current_password", "password", "account.current_password",
                                  "current-password", 0));
  Field replacement =
      MakeField(deps, request, "password", "password", "reset.new_password", "new-password", 0);
  replacement.hint = T(deps, request, "reset.password_hint");
  form.fields.push_back(std::move(replacement));
  return form;
}

// A page of the person's own account ("account", "account_data"): the layout with "Min konto"
// marked, the title announcing a failed form, no caching, the CSRF cookie if one was made.
Result<http::Response> PersonalPage(const PageDependencies& deps, const http::Request& request,
                                    std::string_view heading_key, std::string_view template_name,
                                    const ctemplate::TemplateDictionary& content, bool failed, int status,
                                    const http::Response& cookies) {
  auto municipality = SiteMunicipality(deps);
  if (!municipality.ok()) return municipality.status();
  const Frame frame{PageTitle(deps, request, T(deps, request, heading_key), failed), municipality->name,
                    "account"};
  return HtmlPage(deps.views.Page(request, frame, template_name, content), status, cookies);
}

Result<http::Response> AccountPageWith(const PageDependencies& deps, const http::Request& request,
                                       const Form& password_form, int status) {
  const domain::Principal& principal = auth::PrincipalOf(request);
  http::Response cookies;
  ctemplate::TemplateDictionary content("account");
  content.SetValue("NAME", principal.display_name);
  content.SetValue("EMAIL", principal.email);
  if (const std::string notice = NoticeText(deps, request); !notice.empty())
    content.AddSectionDictionary("NOTICE")->SetValue("TEXT", notice);
  if (principal.email_verified) {
    content.ShowSection("VERIFIED");
  } else {
    Form verify;
    verify.action = "/account/verification";
    verify.submit = T(deps, request, "account.send_verification");
    verify.secondary = true;
    content.AddSectionDictionary("UNVERIFIED")
        ->SetValue("VERIFY_FORM", AccountForm(deps, request, cookies, verify));
  }
  if (principal.grants.empty()) content.ShowSection("NO_ROLES");
  for (const auto& grant : principal.grants) {
    auto* role = content.AddSectionDictionary("ROLE");
    role->SetValue("ROLE_NAME", T(deps, request, fmt::format("role.{}", domain::RoleName(grant.role))));
    if (grant.role != domain::Role::kPlatformAdmin && grant.role != domain::Role::kVolunteer)
      role->AddSectionDictionary("SCOPE")->SetValue("TEXT", ScopeName(deps, request, grant));
    std::string href;
    if (grant.role == domain::Role::kMunicipalAdmin) href = "/admin/" + grant.municipality_code + "/units";
    if (grant.role == domain::Role::kOrganisationAdmin && grant.organisation_id)
      href = fmt::format("/organisations/{}/members", *grant.organisation_id);
    if (!href.empty()) role->AddSectionDictionary("LINK")->SetValue("HREF", href);
    if (grant.role == domain::Role::kPlatformAdmin) content.ShowSection("PLATFORM");
    // An organisation's admins and members post its opportunities (web/opportunity_pages.h).
    const bool organisation_role =
        grant.role == domain::Role::kOrganisationAdmin || grant.role == domain::Role::kOrganisationMember;
    if (organisation_role && grant.organisation_id) {
      auto name = deps.accounts.OrganisationName(*grant.organisation_id);
      if (!name.ok()) continue;  // an organisation removed since the session began
      auto* posts = content.AddSectionDictionary("ORGANISATION_POSTS");
      posts->SetValue("HREF", fmt::format("/account/organisations/{}/opportunities", *grant.organisation_id));
      posts->SetValue("TEXT", Fill(T(deps, request, "orgposts.account_link"), "organisation", *name));
    }
  }
  content.SetValue("PASSWORD_FORM", AccountForm(deps, request, cookies, password_form));
  Form logout_all;
  logout_all.action = "/account/logout-everywhere";
  logout_all.submit = T(deps, request, "account.logout_everywhere");
  logout_all.secondary = true;
  content.SetValue("LOGOUT_ALL_FORM", AccountForm(deps, request, cookies, logout_all));
  return PersonalPage(deps, request, "account.heading", "account", content, !password_form.problems.empty(),
                      status, cookies);
}

Result<http::Response> AccountPage(const PageDependencies& deps, http::Request& request) {
  return AccountPageWith(deps, request, PasswordForm(deps, request), 200);
}

Result<http::Response> PasswordSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  Form form = PasswordForm(deps, request);
  if (CsrfRejected(request, *params, form)) return AccountPageWith(deps, request, form, 403);
  Status changed = deps.account_service.ChangePassword(
      auth::ActorOf(request), auth::PrincipalOf(request), FormValue(*params, "current_password"),
      FormValue(*params, "password"), request.remote_address);
  if (changed.code() == ErrorCode::kTooManyRequests) {
    form.problems.push_back(ProblemOf(changed, "current_password"));
    return AccountPageWith(deps, request, form, 429);
  }
  if (changed.code() == ErrorCode::kInvalidArgument) {
    const bool current = changed.user_message_key() == "account.error.current_password";
    form.problems.push_back(ProblemOf(changed, current ? "current_password" : "password"));
    return AccountPageWith(deps, request, form, 422);
  }
  if (!changed.ok()) return changed;
  return http::Redirect(303, "/account?notice=password_changed");
}

Result<http::Response> VerificationSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params))
    return Status(ErrorCode::kPermissionDenied, "CSRF", "validation.csrf");
  SAMSKAB_RETURN_IF_ERROR(deps.account_service.SendVerification(auth::PrincipalOf(request), request.lang));
  return http::Redirect(303, "/account?notice=verification_sent");
}

Result<http::Response> LogoutEverywhereSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params))
    return Status(ErrorCode::kPermissionDenied, "CSRF", "validation.csrf");
  SAMSKAB_RETURN_IF_ERROR(deps.authenticator.LogoutEverywhere(auth::PrincipalOf(request).user_id));
  return RedirectWithCookie("/login?notice=logged_out_everywhere", deps.authenticator.ClearCookie());
}

// --- my data ---

// `typed`: what the person wrote, shown again after a mismatch so they can see their mistake.
Form EraseForm(const PageDependencies& deps, const http::Request& request, const std::string& typed = "") {
  Form form;
  form.action = "/account/erase";
  form.submit = T(deps, request, "data.erase_submit");
  form.secondary = true;
  Field confirm = MakeField(deps, request, "confirm_email", "email", "data.erase_confirm", "off", 254, typed);
  confirm.hint = T(deps, request, "data.erase_confirm_hint");
  form.fields.push_back(std::move(confirm));
  return form;
}

Result<http::Response> DataPageWith(const PageDependencies& deps, const http::Request& request,
                                    const Form& erase_form, int status) {
  auto consents = deps.accounts.ConsentsOf(auth::PrincipalOf(request).user_id);
  if (!consents.ok()) return consents.status();
  http::Response cookies;
  ctemplate::TemplateDictionary content("account_data");
  if (consents->empty()) content.ShowSection("NO_CONSENTS");
  auto* table = consents->empty() ? nullptr : content.AddSectionDictionary("CONSENTS");
  for (const auto& consent : *consents) {
    auto* row = table->AddSectionDictionary("CONSENT");
    row->SetValue("PURPOSE", T(deps, request, "consent." + consent.purpose));
    row->SetValue("VERSION", consent.text_version);
    row->SetValue("GIVEN_AT", consent.given_at);
  }
  content.SetValue("ERASE_FORM", RenderForm(deps.views, request, cookies, erase_form, deps.secure_cookies));
  return PersonalPage(deps, request, "data.heading", "account_data", content, !erase_form.problems.empty(),
                      status, cookies);
}

Result<http::Response> DataPage(const PageDependencies& deps, http::Request& request) {
  return DataPageWith(deps, request, EraseForm(deps, request), 200);
}

Result<http::Response> DataDownload(const PageDependencies& deps, http::Request& request) {
  auto data = deps.account_service.ExportData(auth::PrincipalOf(request).user_id);
  if (!data.ok()) return data.status();
  http::Response response =
      http::MakeResponse(200, "application/json; charset=utf-8",
                         data->dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  response.headers.Add("Content-Disposition", "attachment; filename=\"samskab-mine-data.json\"");
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

Result<http::Response> EraseSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  std::string confirm = FormValue(*params, "confirm_email");
  Form form = EraseForm(deps, request, confirm);
  if (CsrfRejected(request, *params, form)) return DataPageWith(deps, request, form, 403);
  const domain::Principal& principal = auth::PrincipalOf(request);
  // Typing one's own address guards against an erasure by mistake; it cannot be undone.
  if (!domain::NormaliseEmail(confirm).ok() || confirm != principal.email) {
    form.problems.push_back({"confirm_email", "data.erase_mismatch"});
    return DataPageWith(deps, request, form, 422);
  }
  SAMSKAB_RETURN_IF_ERROR(deps.account_service.Erase(auth::ActorOf(request), principal.user_id));
  return RedirectWithCookie("/account/erased", deps.authenticator.ClearCookie());
}

Result<http::Response> Erased(const PageDependencies& deps, http::Request& request) {
  return RenderNotice(deps, request, "data.erased_heading", "data.erased_text", 200, "/",
                      "error.back_to_start");
}

Result<http::Response> PrivacyPage(const PageDependencies& deps, http::Request& request) {
  return RenderNotice(deps, request, "privacy.heading", "privacy.text", 200);
}

}  // namespace

std::string NoticeText(const PageDependencies& deps, const http::Request& request) {
  if (request.query.empty()) return "";
  const auto params = text::ParseUrlEncoded(request.query);
  if (!params) return "";
  const std::string_view notice = text::Find(*params, "notice").value_or("");
  for (const char* known : kNotices) {
    if (notice == known) return T(deps, request, fmt::format("notice.{}", notice));
  }
  return "";
}

Result<http::Response> RenderFormPage(const PageDependencies& deps, const http::Request& request,
                                      const FormPage& page, const Form* form, int status) {
  auto municipality = SiteMunicipality(deps);
  if (!municipality.ok()) return municipality.status();
  http::Response cookies;
  ctemplate::TemplateDictionary content("form_page");
  content.SetValue("HEADING", page.heading);
  if (!page.lead.empty()) content.AddSectionDictionary("LEAD")->SetValue("TEXT", page.lead);
  if (!page.notice.empty()) content.AddSectionDictionary("NOTICE")->SetValue("TEXT", page.notice);
  for (const auto& [label, value] : page.facts) {
    auto* fact = content.AddSectionDictionary("FACT");
    fact->SetValue("LABEL", label);
    fact->SetValue("VALUE", value);
  }
  if (form) content.SetValue("FORM", RenderForm(deps.views, request, cookies, *form, deps.secure_cookies));
  if (!page.links.empty()) {
    auto* links = content.AddSectionDictionary("LINKS");
    for (const auto& [href, text] : page.links) {
      auto* link = links->AddSectionDictionary("LINK");
      link->SetValue("HREF", href);
      link->SetValue("TEXT", text);
    }
  }
  const std::string title = PageTitle(deps, request, page.heading, form && !form->problems.empty());
  const Frame frame{title, municipality->name, page.nav};
  return HtmlPage(deps.views.Page(request, frame, "form_page", content), status, cookies);
}

Result<http::Response> RenderNotice(const PageDependencies& deps, const http::Request& request,
                                    const std::string& heading_key, const std::string& text_key, int status,
                                    const std::string& link_href, const std::string& link_key) {
  auto municipality = SiteMunicipality(deps);
  if (!municipality.ok()) return municipality.status();
  ctemplate::TemplateDictionary content("notice");
  content.SetValue("HEADING", T(deps, request, heading_key));
  content.SetValue("TEXT", T(deps, request, text_key));
  if (!link_href.empty()) {
    auto* link = content.AddSectionDictionary("LINK");
    link->SetValue("HREF", link_href);
    link->SetValue("TEXT", T(deps, request, link_key));
  }
  const Frame frame{T(deps, request, heading_key), municipality->name, ""};
  return HtmlPage(deps.views.Page(request, frame, "notice", content), status);
}

void RegisterAccountPages(http::Router& router, const PageDependencies& deps) {
  using domain::Access;
  const auto page = [&deps](Result<http::Response> (*handler)(const PageDependencies&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", "/login", Access::Public(), page(LoginPage));
  router.Add("POST", "/login", Access::Public(), page(LoginSubmit), http::Runs::kOnHashPool);
  router.Add("POST", "/logout", Access::Person(), page(LogoutSubmit));
  router.Add("GET", "/reset", Access::Public(), page(ResetRequestPage));
  router.Add("POST", "/reset", Access::Public(), page(ResetRequestSubmit));
  router.Add("GET", "/reset/sent", Access::Public(), page(ResetSent));
  router.Add("GET", "/reset/{token}", Access::Public(), page(ResetPage));
  router.Add("POST", "/reset/{token}", Access::Public(), page(ResetSubmit), http::Runs::kOnHashPool);
  router.Add("GET", "/verify/{token}", Access::Public(), page(VerifyLink));
  router.Add("GET", "/invitation/{token}", Access::Public(), page(InvitationPage));
  router.Add("POST", "/invitation/{token}", Access::Public(), page(InvitationSubmit),
             http::Runs::kOnHashPool);
  router.Add("GET", "/privacy", Access::Public(), page(PrivacyPage));
  router.Add("GET", "/account", Access::Person(), page(AccountPage));
  router.Add("POST", "/account/password", Access::Person(), page(PasswordSubmit), http::Runs::kOnHashPool);
  router.Add("POST", "/account/verification", Access::Person(), page(VerificationSubmit));
  router.Add("POST", "/account/logout-everywhere", Access::Person(), page(LogoutEverywhereSubmit));
  router.Add("GET", "/account/data", Access::Person(), page(DataPage));
  router.Add("GET", "/account/data.json", Access::Person(), page(DataDownload));
  router.Add("POST", "/account/erase", Access::Person(), page(EraseSubmit));
  router.Add("GET", "/account/erased", Access::Public(), page(Erased));
}

}  // namespace samskab::web
