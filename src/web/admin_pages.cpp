#include "web/admin_pages.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "auth/request_context.h"
#include "web/account_pages.h"
#include "web/admin_frame.h"

namespace samskab::web {
namespace {

using domain::Role;

// How many audit entries one page of the log shows.
constexpr int kAuditPageSize = 50;
// How many outbox messages the outbox page shows.
constexpr int kOutboxSize = 100;

std::string T(const PageDependencies& deps, const http::Request& request, std::string_view key) {
  return Message(deps, request, key);
}

std::string RoleLabel(const PageDependencies& deps, const http::Request& request, Role role) {
  return T(deps, request, fmt::format("role.{}", domain::RoleName(role)));
}

Field RoleField(const PageDependencies& deps, const http::Request& request, std::string_view label_key,
                std::initializer_list<Role> roles, std::string value) {
  Field field = MakeField(deps, request, "role", "select", label_key, "off", 0, std::move(value));
  for (const Role role : roles)
    field.options.emplace_back(std::string(domain::RoleName(role)), RoleLabel(deps, request, role));
  return field;
}

std::optional<Role> ParseRoleAmong(std::string_view name, std::initializer_list<Role> allowed) {
  const auto role = domain::ParseRole(name);
  if (!role) return std::nullopt;
  for (const Role candidate : allowed) {
    if (candidate == *role) return role;
  }
  return std::nullopt;
}

std::vector<SideNavItem> PlatformNav(const PageDependencies& deps, const http::Request& request,
                                     std::string_view current) {
  return {{"/platform/municipalities", T(deps, request, "platform.municipalities_heading"),
           current == "municipalities"},
          {"/platform/outbox", T(deps, request, "platform.outbox_heading"), current == "outbox"}};
}

// --- /admin: what the user can administer ---

Result<http::Response> AdminHome(const PageDependencies& deps, http::Request& request) {
  const domain::Principal& principal = auth::PrincipalOf(request);
  ctemplate::TemplateDictionary body("admin_home");
  bool anything = false;
  // Every municipal employee and admin works with the collaboration registry of their municipality.
  std::vector<std::string> staff_codes;
  for (const auto& grant : principal.grants) {
    if (grant.role != Role::kMunicipalAdmin && grant.role != Role::kMunicipalEmployee) continue;
    if (std::find(staff_codes.begin(), staff_codes.end(), grant.municipality_code) != staff_codes.end())
      continue;
    staff_codes.push_back(grant.municipality_code);
  }
  // The staff's reminders (partnership agreements to review) are across their municipalities.
  if (!staff_codes.empty()) body.ShowSection("TASKS");
  for (const auto& code : staff_codes) {
    auto municipality = deps.municipalities.Get(code);
    auto* section = body.AddSectionDictionary("STAFF");
    section->SetValue("HEADING", Fill(T(deps, request, "admin.staff_heading"), "municipality",
                                      municipality.ok() ? municipality->name : code));
    for (const char* page : {"collaborations", "matrix", "advisor", "inspiration"}) {
      auto* item = section->AddSectionDictionary("ITEM");
      item->SetValue("HREF", fmt::format("/admin/{}/{}", code, page));
      item->SetValue("NAME", T(deps, request, fmt::format("admin.menu.{}", page)));
    }
    anything = true;
  }
  // Each municipality once: its admins start at the units, its employees at the organisations
  // (the one page of the administration they may use).
  std::map<std::string, bool> codes;  // code -> admin there
  for (const auto& grant : principal.grants) {
    if (grant.role == Role::kMunicipalAdmin) codes[grant.municipality_code] = true;
    if (grant.role == Role::kMunicipalEmployee) codes.try_emplace(grant.municipality_code, false);
  }
  if (!codes.empty()) {
    auto* section = body.AddSectionDictionary("MUNICIPAL");
    for (const auto& [code, admin] : codes) {
      auto municipality = deps.municipalities.Get(code);
      auto* item = section->AddSectionDictionary("ITEM");
      item->SetValue("HREF", fmt::format("/admin/{}/{}", code, admin ? "units" : "organisations"));
      item->SetValue("NAME", municipality.ok() ? municipality->name : code);
    }
    anything = true;
  }
  if (principal.Has(Role::kPlatformAdmin)) {
    auto* platform = body.AddSectionDictionary("PLATFORM");
    auto active = deps.municipalities.ListActive(1000, "");
    if (!active.ok()) return active.status();
    if (!active->empty()) {
      auto* list = platform->AddSectionDictionary("ACTIVE");
      for (const auto& municipality : *active) {
        auto* item = list->AddSectionDictionary("ITEM");
        item->SetValue("HREF", fmt::format("/admin/{}/units", municipality.code));
        item->SetValue("NAME", municipality.name);
      }
    }
    anything = true;
  }
  std::vector<int64_t> organisations;
  for (const auto& grant : principal.grants) {
    if (grant.role == Role::kOrganisationAdmin && grant.organisation_id &&
        std::find(organisations.begin(), organisations.end(), *grant.organisation_id) == organisations.end())
      organisations.push_back(*grant.organisation_id);
  }
  if (!organisations.empty()) {
    auto* section = body.AddSectionDictionary("ORGANISATIONS");
    for (const int64_t id : organisations) {
      auto name = deps.accounts.OrganisationName(id);
      auto* item = section->AddSectionDictionary("ITEM");
      item->SetValue("HREF", fmt::format("/organisations/{}/members", id));
      item->SetValue("PROFILE_HREF", fmt::format("/organisations/{}/profile", id));
      item->SetValue("APPROVALS_HREF", fmt::format("/organisations/{}/need-approvals", id));
      item->SetValue("NAME", name.ok() ? *name : std::to_string(id));
    }
    anything = true;
  }
  if (!anything) body.ShowSection("NOTHING");
  AdminPage page;
  page.heading = T(deps, request, "admin.heading");
  if (anything) page.lead = T(deps, request, "admin.lead");
  return RenderAdmin(deps, request, page, "admin_home", body, 200, {});
}

// --- /admin/{municipality}/units ---

struct UnitInput {
  std::string kind = "administration";
  std::string name;
  std::string parent_id;
  std::vector<FieldProblem> problems;
};

// Where the store's complaint about a new unit belongs in the form.
std::string UnitProblemField(const std::string& key) {
  if (key == "unit.error.kind") return "kind";
  if (key == "unit.error.administration_parent" || key == "unit.error.center_parent" ||
      key == "unit.error.department_parent" || key == "unit.error.parent_not_found")
    return "parent_id";
  return "name";
}

Result<http::Response> UnitsPageWith(const PageDependencies& deps, const http::Request& request,
                                     const UnitInput& input, int status, std::string error_key = "") {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto units = deps.units.List(scope);
  if (!units.ok()) return units.status();
  auto frame = MunicipalPage(deps, request, "units", std::move(error_key));
  if (!frame.ok()) return frame.status();
  frame->form_problems = !input.problems.empty();

  const std::map<int64_t, int> depth = domain::UnitDepths(*units);
  std::map<int64_t, std::string> names;
  http::Response cookies;
  ctemplate::TemplateDictionary body("admin_units");
  Form create;
  create.action = fmt::format("/admin/{}/units", scope.code());
  create.submit = T(deps, request, "admin.units.create_submit");
  create.problems = input.problems;
  Field kind = MakeField(deps, request, "kind", "select", "admin.units.kind", "off", 0, input.kind);
  for (const auto k :
       {domain::UnitKind::kAdministration, domain::UnitKind::kCenter, domain::UnitKind::kDepartment}) {
    const std::string value = domain::UnitKindName(k);
    kind.options.emplace_back(value, T(deps, request, "unit.kind." + value));
  }
  create.fields.push_back(std::move(kind));
  create.fields.push_back(
      MakeField(deps, request, "name", "text", "admin.units.name", "off", 200, input.name));
  Field parent =
      MakeField(deps, request, "parent_id", "select", "admin.units.parent", "off", 0, input.parent_id);
  parent.hint = T(deps, request, "admin.units.parent_hint");
  parent.options.emplace_back("", T(deps, request, "admin.units.parent_none"));

  if (units->empty()) body.ShowSection("NO_UNITS");
  auto* table = units->empty() ? nullptr : body.AddSectionDictionary("UNITS");
  for (const auto& unit : *units) {
    const int level = depth.at(unit.id);
    names[unit.id] = unit.name;
    const std::string kind_label =
        T(deps, request, fmt::format("unit.kind.{}", domain::UnitKindName(unit.kind)));
    auto* row = table->AddSectionDictionary("UNIT");
    row->SetIntValue("DEPTH", std::min(level, 3));
    row->SetValue("NAME", unit.name);
    row->SetValue("KIND", kind_label);
    row->SetValue("PARENT", unit.parent_id && names.contains(*unit.parent_id) ? names[*unit.parent_id] : "");
    const Form remove = ButtonForm(fmt::format("/admin/{}/units/{}/delete", scope.code(), unit.id),
                                   T(deps, request, "admin.units.delete"), unit.name,
                                   {{"revision", std::to_string(unit.revision)}});
    row->SetValue("DELETE_FORM", RenderForm(deps.views, request, cookies, remove, deps.secure_cookies));
    // Departments have no children; the others can be parents. Indented by depth (no-break spaces).
    if (unit.kind != domain::UnitKind::kDepartment) {
      std::string indent;
      for (int i = 0; i < level; ++i) indent += "\u00a0\u00a0\u00a0";
      parent.options.emplace_back(std::to_string(unit.id),
                                  fmt::format("{}{} ({})", indent, unit.name, kind_label));
    }
  }
  create.fields.push_back(std::move(parent));
  body.SetValue("CREATE_FORM", RenderForm(deps.views, request, cookies, create, deps.secure_cookies));
  return RenderAdmin(deps, request, *frame, "admin_units", body, status, cookies);
}

Result<http::Response> UnitsPage(const PageDependencies& deps, http::Request& request) {
  return UnitsPageWith(deps, request, UnitInput{}, 200);
}

Result<http::Response> UnitsSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  UnitInput input;
  input.kind = FormValue(*params, "kind");
  input.name = FormValue(*params, "name");
  input.parent_id = FormValue(*params, "parent_id");
  if (!FormCsrfValid(request, *params)) {
    input.problems.push_back({std::string(kFormLevel), "validation.csrf"});
    return UnitsPageWith(deps, request, input, 403);
  }
  const auto kind = domain::ParseUnitKind(input.kind);
  if (!kind) input.problems.push_back({"kind", "unit.error.kind"});
  std::optional<int64_t> parent;
  if (!input.parent_id.empty()) {
    parent = text::ParsePositiveId(input.parent_id);
    if (!parent) input.problems.push_back({"parent_id", "unit.error.parent_not_found"});
  }
  if (!input.problems.empty()) return UnitsPageWith(deps, request, input, 422);
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  domain::Unit unit;
  unit.parent_id = parent;
  unit.kind = *kind;
  unit.name = input.name;
  auto created = deps.units.Create(scope, auth::ActorOf(request), unit);
  if (!created.ok()) {
    const Status& failure = created.status();
    if (failure.code() != ErrorCode::kInvalidArgument && failure.code() != ErrorCode::kAlreadyExists)
      return failure;
    const std::string key = failure.user_message_key().empty() ? "error.invalid" : failure.user_message_key();
    input.problems.push_back({UnitProblemField(key), key});
    return UnitsPageWith(deps, request, input, 422);
  }
  return http::Redirect(303, fmt::format("/admin/{}/units?notice=unit_created", scope.code()));
}

Result<http::Response> UnitDeleteSubmit(const PageDependencies& deps, http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("unit id is not a number", "unit.error.not_found");
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params))
    return UnitsPageWith(deps, request, UnitInput{}, 403, "validation.csrf");
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  Status deleted = deps.units.Delete(scope, auth::ActorOf(request), *id, *revision);
  switch (deleted.code()) {
    case ErrorCode::kOk:
      return http::Redirect(303, fmt::format("/admin/{}/units?notice=unit_deleted", scope.code()));
    case ErrorCode::kFailedPrecondition:  // the unit has children
      return UnitsPageWith(deps, request, UnitInput{}, 409, deleted.user_message_key());
    case ErrorCode::kPreconditionFailed:  // changed since the page was loaded
      return UnitsPageWith(deps, request, UnitInput{}, 412, "error.precondition_failed");
    case ErrorCode::kNotFound:
      return UnitsPageWith(deps, request, UnitInput{}, 404, "unit.error.not_found");
    default:
      return deleted;
  }
}

// --- /admin/{municipality}/staff ---

struct InviteInput {
  std::string email;
  std::string role = std::string(domain::RoleName(Role::kMunicipalEmployee));
  std::string unit_id;
  std::vector<FieldProblem> problems;
};

Result<http::Response> StaffPageWith(const PageDependencies& deps, const http::Request& request,
                                     const InviteInput& input, int status, std::string error_key = "") {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto staff = deps.accounts.ListStaff(scope);
  if (!staff.ok()) return staff.status();
  auto pending = deps.accounts.PendingInvitations(scope, FormatUtc(deps.clock.Now()));
  if (!pending.ok()) return pending.status();
  auto units = deps.units.List(scope);
  if (!units.ok()) return units.status();
  auto frame = MunicipalPage(deps, request, "staff", std::move(error_key));
  if (!frame.ok()) return frame.status();
  frame->form_problems = !input.problems.empty();
  std::map<int64_t, std::string> unit_names;
  for (const auto& unit : *units) unit_names[unit.id] = unit.name;
  const auto unit_label = [&](const std::optional<int64_t>& unit_id) {
    if (!unit_id) return T(deps, request, "admin.staff.no_unit");
    auto found = unit_names.find(*unit_id);
    return found == unit_names.end() ? std::to_string(*unit_id) : found->second;
  };

  http::Response cookies;
  ctemplate::TemplateDictionary body("admin_staff");
  if (staff->empty()) body.ShowSection("NO_STAFF");
  auto* table = staff->empty() ? nullptr : body.AddSectionDictionary("STAFF");
  for (const auto& member : *staff) {
    auto* row = table->AddSectionDictionary("MEMBER");
    row->SetValue("NAME", member.display_name);
    row->SetValue("EMAIL", member.email);
    row->SetValue("ROLE", RoleLabel(deps, request, member.role));
    row->SetValue("UNIT", unit_label(member.unit_id));
    const Form remove =
        ButtonForm(fmt::format("/admin/{}/staff/{}/remove", scope.code(), member.grant_id),
                   T(deps, request, "admin.staff.remove"),
                   fmt::format("{}, {}", member.display_name, RoleLabel(deps, request, member.role)));
    row->SetValue("REMOVE_FORM", RenderForm(deps.views, request, cookies, remove, deps.secure_cookies));
  }
  if (pending->empty()) body.ShowSection("NO_PENDING");
  auto* invitations = pending->empty() ? nullptr : body.AddSectionDictionary("PENDING");
  for (const auto& invitation : *pending) {
    auto* row = invitations->AddSectionDictionary("INVITATION");
    row->SetValue("EMAIL", invitation.email);
    row->SetValue("ROLE", invitation.grant ? RoleLabel(deps, request, invitation.grant->role) : "");
    row->SetValue("UNIT", unit_label(invitation.grant ? invitation.grant->unit_id : std::nullopt));
    row->SetValue("EXPIRES_ISO", invitation.expires_at);
    row->SetValue("EXPIRES", ShowTime(invitation.expires_at));
  }

  Form invite;
  invite.action = fmt::format("/admin/{}/staff/invite", scope.code());
  invite.submit = T(deps, request, "admin.staff.invite_submit");
  invite.problems = input.problems;
  Field email = MakeField(deps, request, "email", "email", "admin.staff.email", "off", 254, input.email);
  invite.fields.push_back(std::move(email));
  invite.fields.push_back(RoleField(deps, request, "admin.staff.role",
                                    {Role::kMunicipalEmployee, Role::kMunicipalAdmin}, input.role));
  Field unit = MakeField(deps, request, "unit_id", "select", "admin.staff.unit", "off", 0, input.unit_id);
  unit.hint = T(deps, request, "admin.staff.unit_hint");
  unit.options.emplace_back("", T(deps, request, "admin.staff.unit_choose"));
  for (const auto& u : *units) unit.options.emplace_back(std::to_string(u.id), u.name);
  invite.fields.push_back(std::move(unit));
  body.SetValue("INVITE_FORM", RenderForm(deps.views, request, cookies, invite, deps.secure_cookies));
  return RenderAdmin(deps, request, *frame, "admin_staff", body, status, cookies);
}

Result<http::Response> StaffPage(const PageDependencies& deps, http::Request& request) {
  return StaffPageWith(deps, request, InviteInput{}, 200);
}

Result<http::Response> StaffInviteSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  InviteInput input;
  input.email = FormValue(*params, "email");
  input.role = FormValue(*params, "role");
  input.unit_id = FormValue(*params, "unit_id");
  if (!FormCsrfValid(request, *params)) {
    input.problems.push_back({std::string(kFormLevel), "validation.csrf"});
    return StaffPageWith(deps, request, input, 403);
  }
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  // Every problem of the form at once: the address, the role and the unit.
  std::string email = input.email;
  if (Status checked = domain::NormaliseEmail(email); !checked.ok())
    input.problems.push_back({"email", checked.user_message_key()});
  const auto role = ParseRoleAmong(input.role, {Role::kMunicipalEmployee, Role::kMunicipalAdmin});
  if (!role) input.problems.push_back({"role", "validation.choice"});
  std::optional<int64_t> unit_id;
  if (role == Role::kMunicipalEmployee) {
    unit_id = text::ParsePositiveId(input.unit_id);
    if (!unit_id) {
      input.problems.push_back({"unit_id", "account.error.unit_required"});
    } else if (auto unit = deps.units.Get(scope, *unit_id); !unit.ok()) {
      if (unit.status().code() != ErrorCode::kNotFound) return unit.status();
      input.problems.push_back({"unit_id", "unit.error.not_found"});
    }
  }
  if (!input.problems.empty()) return StaffPageWith(deps, request, input, 422);
  const domain::Grant grant{*role, scope.code(), unit_id, std::nullopt};
  auto invited = deps.account_service.Invite(auth::ActorOf(request), email, grant, request.lang);
  if (!invited.ok()) {
    const Status& failure = invited.status();
    if (failure.code() != ErrorCode::kInvalidArgument) return failure;
    const bool about_email = failure.user_message_key().rfind("validation.", 0) == 0;
    input.problems.push_back({about_email ? "email" : std::string(kFormLevel), failure.user_message_key()});
    return StaffPageWith(deps, request, input, 422);
  }
  return http::Redirect(303, fmt::format("/admin/{}/staff?notice=invitation_sent", scope.code()));
}

Result<http::Response> StaffRemoveSubmit(const PageDependencies& deps, http::Request& request) {
  const auto grant_id = text::ParsePositiveId(request.PathParam("grant"));
  if (!grant_id) return NotFound("grant id is not a number");
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params))
    return StaffPageWith(deps, request, InviteInput{}, 403, "validation.csrf");
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  // An administrator cannot take away their own administrator role here: nobody might be left
  // to administer the municipality, and the next page would be closed to them.
  auto staff = deps.accounts.ListStaff(scope);
  if (!staff.ok()) return staff.status();
  const domain::Principal& principal = auth::PrincipalOf(request);
  for (const auto& member : *staff) {
    if (member.grant_id == *grant_id && member.user_id == principal.user_id &&
        member.role == Role::kMunicipalAdmin)
      return StaffPageWith(deps, request, InviteInput{}, 409, "admin.staff.own_role");
  }
  SAMSKAB_RETURN_IF_ERROR(deps.accounts.RemoveStaffGrant(auth::ActorOf(request), scope, *grant_id));
  return http::Redirect(303, fmt::format("/admin/{}/staff?notice=staff_removed", scope.code()));
}

// --- /admin/{municipality}/tokens ---

struct TokenInput {
  std::string name;
  std::string role = std::string(domain::RoleName(Role::kMunicipalEmployee));
  std::vector<FieldProblem> problems;
};

Result<http::Response> TokensPageWith(const PageDependencies& deps, const http::Request& request,
                                      const TokenInput& input, int status, std::string error_key = "",
                                      const auth::CreatedToken* created = nullptr) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto tokens = deps.accounts.ListApiTokens(scope);
  if (!tokens.ok()) return tokens.status();
  auto frame = MunicipalPage(deps, request, "tokens", std::move(error_key));
  if (!frame.ok()) return frame.status();
  frame->form_problems = !input.problems.empty();
  http::Response cookies;
  ctemplate::TemplateDictionary body("admin_tokens");
  if (created) {
    // Shown this once: only its hash is stored.
    auto* fresh = body.AddSectionDictionary("CREATED");
    fresh->SetValue("NAME", created->token.name);
    fresh->SetValue("SECRET", created->secret);
  }
  if (tokens->empty()) body.ShowSection("NO_TOKENS");
  auto* table = tokens->empty() ? nullptr : body.AddSectionDictionary("TOKENS");
  for (const auto& token : *tokens) {
    auto* row = table->AddSectionDictionary("TOKEN");
    row->SetValue("NAME", token.name);
    row->SetValue("ROLE", RoleLabel(deps, request, token.role));
    row->SetValue("CREATED_ISO", token.created_at);
    row->SetValue("CREATED", ShowTime(token.created_at));
    if (token.last_used_at) {
      auto* used = row->AddSectionDictionary("USED");
      used->SetValue("ISO", *token.last_used_at);
      used->SetValue("TEXT", ShowTime(*token.last_used_at));
    } else {
      row->ShowSection("NEVER_USED");
    }
    if (token.revoked_at) {
      auto* revoked = row->AddSectionDictionary("REVOKED");
      revoked->SetValue("ISO", *token.revoked_at);
      revoked->SetValue("TEXT", ShowTime(*token.revoked_at));
    } else {
      auto* active = row->AddSectionDictionary("ACTIVE");
      const Form revoke = ButtonForm(fmt::format("/admin/{}/tokens/{}/revoke", scope.code(), token.id),
                                     T(deps, request, "admin.tokens.revoke"), token.name);
      active->SetValue("REVOKE_FORM", RenderForm(deps.views, request, cookies, revoke, deps.secure_cookies));
    }
  }
  Form create;
  create.action = fmt::format("/admin/{}/tokens", scope.code());
  create.submit = T(deps, request, "admin.tokens.create_submit");
  create.problems = input.problems;
  Field name = MakeField(deps, request, "name", "text", "admin.tokens.name", "off", 200, input.name);
  name.hint = T(deps, request, "admin.tokens.name_hint");
  create.fields.push_back(std::move(name));
  create.fields.push_back(RoleField(deps, request, "admin.tokens.role",
                                    {Role::kMunicipalEmployee, Role::kMunicipalAdmin}, input.role));
  body.SetValue("CREATE_FORM", RenderForm(deps.views, request, cookies, create, deps.secure_cookies));
  return RenderAdmin(deps, request, *frame, "admin_tokens", body, status, cookies);
}

Result<http::Response> TokensPage(const PageDependencies& deps, http::Request& request) {
  return TokensPageWith(deps, request, TokenInput{}, 200);
}

Result<http::Response> TokensCreateSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  TokenInput input;
  input.name = FormValue(*params, "name");
  input.role = FormValue(*params, "role");
  if (!FormCsrfValid(request, *params)) {
    input.problems.push_back({std::string(kFormLevel), "validation.csrf"});
    return TokensPageWith(deps, request, input, 403);
  }
  const auto role = ParseRoleAmong(input.role, {Role::kMunicipalEmployee, Role::kMunicipalAdmin});
  if (!role) {
    input.problems.push_back({"role", "validation.choice"});
    return TokensPageWith(deps, request, input, 422);
  }
  domain::ApiToken token;
  token.name = input.name;
  token.role = *role;
  token.municipality_code = auth::ScopeOf(request).code();
  const domain::Principal& principal = auth::PrincipalOf(request);
  if (principal.kind == domain::Principal::Kind::kUser) token.created_by = principal.user_id;
  auto created = deps.account_service.CreateApiToken(auth::ActorOf(request), token);
  if (!created.ok()) {
    const Status& failure = created.status();
    if (failure.code() != ErrorCode::kInvalidArgument) return failure;
    const bool about_name = failure.user_message_key().rfind("validation.", 0) == 0;
    input.problems.push_back({about_name ? "name" : "role", failure.user_message_key()});
    return TokensPageWith(deps, request, input, 422);
  }
  // The secret is on this response only (no redirect: it must not pass through a URL or be shown
  // again); HtmlPage marks it no-store.
  return TokensPageWith(deps, request, TokenInput{}, 200, "", &*created);
}

Result<http::Response> TokenRevokeSubmit(const PageDependencies& deps, http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("token id is not a number");
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params))
    return TokensPageWith(deps, request, TokenInput{}, 403, "validation.csrf");
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  SAMSKAB_RETURN_IF_ERROR(deps.accounts.RevokeApiToken(auth::ActorOf(request), scope, *id));
  return http::Redirect(303, fmt::format("/admin/{}/tokens?notice=token_revoked", scope.code()));
}

// --- /admin/{municipality}/audit (read only) ---

// A JSON snapshot indented for reading; as stored when it is not JSON.
std::string PrettyJson(const std::string& stored) {
  auto parsed = nlohmann::json::parse(stored, nullptr, false);
  if (parsed.is_discarded()) return stored;
  return parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<http::Response> AuditPage(const PageDependencies& deps, http::Request& request) {
  int64_t before = 0;
  if (!request.query.empty()) {
    const auto params = text::ParseUrlEncoded(request.query);
    if (!params) return Status(ErrorCode::kMalformed, "query is not valid", "admin.audit.invalid_before");
    if (const auto value = text::Find(*params, "before")) {
      const auto id = text::ParsePositiveId(*value);
      if (!id)
        return Status(ErrorCode::kMalformed, "before is not a positive integer",
                      "admin.audit.invalid_before");
      before = *id;
    }
  }
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  // One entry more than shown tells whether there are older ones.
  auto entries = deps.audit.List(scope, kAuditPageSize + 1, before);
  if (!entries.ok()) return entries.status();
  const bool older = static_cast<int>(entries->size()) > kAuditPageSize;
  if (older) entries->pop_back();
  auto frame = MunicipalPage(deps, request, "audit", "");
  if (!frame.ok()) return frame.status();
  ctemplate::TemplateDictionary body("admin_audit");
  if (entries->empty()) body.ShowSection("NO_ENTRIES");
  auto* table = entries->empty() ? nullptr : body.AddSectionDictionary("ENTRIES");
  for (const auto& entry : *entries) {
    auto* row = table->AddSectionDictionary("ENTRY");
    row->SetIntValue("ID", static_cast<long>(entry.id));
    row->SetValue("AT_ISO", entry.at);
    row->SetValue("AT", ShowTime(entry.at));
    row->SetValue("ACTOR", entry.actor_label);
    row->SetValue("ACTION", entry.action);
    row->SetValue("ENTITY", entry.entity);
    row->SetValue("ENTITY_ID", entry.entity_id);
    if (entry.before_json || entry.after_json) {
      auto* change = row->AddSectionDictionary("CHANGE");
      if (entry.before_json)
        change->AddSectionDictionary("BEFORE")->SetValue("JSON", PrettyJson(*entry.before_json));
      if (entry.after_json)
        change->AddSectionDictionary("AFTER")->SetValue("JSON", PrettyJson(*entry.after_json));
    }
  }
  if (before != 0 || older) {
    auto* paging = body.AddSectionDictionary("PAGING");
    if (before != 0)
      paging->AddSectionDictionary("NEWEST")->SetValue("HREF", fmt::format("/admin/{}/audit", scope.code()));
    if (older)
      paging->AddSectionDictionary("OLDER")->SetValue(
          "HREF", fmt::format("/admin/{}/audit?before={}", scope.code(), entries->back().id));
  }
  return RenderAdmin(deps, request, *frame, "admin_audit", body, 200, {});
}

// --- /platform/municipalities ---

Result<http::Response> MunicipalitiesPageWith(const PageDependencies& deps, const http::Request& request,
                                              int status, std::string error_key = "") {
  auto all = deps.municipalities.ListAll();
  if (!all.ok()) return all.status();
  http::Response cookies;
  ctemplate::TemplateDictionary body("platform_municipalities");
  // ListAll() orders by country, so each country's municipalities come together.
  ctemplate::TemplateDictionary* country = nullptr;
  std::string current_country;
  int active_count = 0;
  int total = 0;
  const auto close_country = [&] {
    if (!country) return;
    country->SetIntValue("ACTIVE_COUNT", active_count);
    country->SetIntValue("TOTAL", total);
  };
  for (const auto& municipality : *all) {
    if (!country || municipality.country != current_country) {
      close_country();
      current_country = municipality.country;
      active_count = 0;
      total = 0;
      country = body.AddSectionDictionary("COUNTRY");
      const std::string key = "platform.country_" + municipality.country;
      country->SetValue("COUNTRY_NAME", deps.views.catalog().Has(request.lang, key) ? T(deps, request, key)
                                                                                    : municipality.country);
    }
    ++total;
    if (municipality.active) ++active_count;
    auto* row = country->AddSectionDictionary("ROW");
    row->SetValue("CODE", municipality.code);
    row->SetValue("OFFICIAL_CODE", municipality.official_code);
    row->SetValue("NAME", municipality.name);
    row->SetValue("REGION", municipality.region_name);
    row->ShowSection(municipality.active ? "ACTIVE" : "INACTIVE");
    const Form toggle =
        ButtonForm(fmt::format("/platform/municipalities/{}", municipality.code),
                   T(deps, request, municipality.active ? "platform.deactivate" : "platform.activate"),
                   municipality.name, {{"active", municipality.active ? "0" : "1"}});
    row->SetValue("FORM", RenderForm(deps.views, request, cookies, toggle, deps.secure_cookies));
  }
  close_country();
  AdminPage page;
  page.heading = T(deps, request, "platform.municipalities_heading");
  page.lead = T(deps, request, "platform.municipalities_lead");
  page.notice = error_key.empty() ? NoticeText(deps, request) : "";
  page.error_key = std::move(error_key);
  page.sidenav_label = T(deps, request, "platform.menu_label");
  page.sidenav = PlatformNav(deps, request, "municipalities");
  return RenderAdmin(deps, request, page, "platform_municipalities", body, status, cookies);
}

Result<http::Response> MunicipalitiesPage(const PageDependencies& deps, http::Request& request) {
  return MunicipalitiesPageWith(deps, request, 200);
}

Result<http::Response> MunicipalitySubmit(const PageDependencies& deps, http::Request& request) {
  const std::string code(request.PathParam("code"));
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params)) return MunicipalitiesPageWith(deps, request, 403, "validation.csrf");
  const std::string active = FormValue(*params, "active");
  if (active != "1" && active != "0") return Status(ErrorCode::kMalformed, "active must be 1 or 0");
  auto changed = deps.municipalities.SetActive(auth::ActorOf(request), code, active == "1", std::nullopt);
  if (!changed.ok()) return changed.status();
  return http::Redirect(303,
                        fmt::format("/platform/municipalities?notice={}#m-{}",
                                    changed->active ? "municipality_activated" : "municipality_deactivated",
                                    text::PercentEncode(changed->code)));
}

// --- /platform/outbox ---

Result<http::Response> OutboxPage(const PageDependencies& deps, http::Request& request) {
  auto messages = deps.accounts.ListOutbox(kOutboxSize);
  if (!messages.ok()) return messages.status();
  ctemplate::TemplateDictionary body("platform_outbox");
  if (messages->empty()) body.ShowSection("NO_MESSAGES");
  auto* table = messages->empty() ? nullptr : body.AddSectionDictionary("MESSAGES");
  for (const auto& message : *messages) {
    auto* row = table->AddSectionDictionary("MESSAGE");
    row->SetValue("RECIPIENT", message.recipient);
    row->SetValue("SUBJECT", message.subject);
    row->SetValue("CREATED_ISO", message.created_at);
    row->SetValue("CREATED", ShowTime(message.created_at));
    row->SetValue("BODY", message.body);
  }
  AdminPage page;
  page.heading = T(deps, request, "platform.outbox_heading");
  page.lead = T(deps, request, "platform.outbox_lead");
  page.sidenav_label = T(deps, request, "platform.menu_label");
  page.sidenav = PlatformNav(deps, request, "outbox");
  return RenderAdmin(deps, request, page, "platform_outbox", body, 200, {});
}

// --- /admin/{municipality}/inquiries: messages from the contact form ---

// The newest messages the page shows (older ones are deleted after a year, see PRIVACY.md).
constexpr int kInquiriesShown = 200;

Result<http::Response> InquiriesPage(const PageDependencies& deps, http::Request& request) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto inquiries = deps.inquiries.ListForMunicipality(scope.code(), kInquiriesShown);
  if (!inquiries.ok()) return inquiries.status();
  auto frame = MunicipalPage(deps, request, "inquiries", "");
  if (!frame.ok()) return frame.status();
  ctemplate::TemplateDictionary body("admin_inquiries");
  if (inquiries->empty()) body.ShowSection("NO_INQUIRIES");
  auto* list = inquiries->empty() ? nullptr : body.AddSectionDictionary("INQUIRIES");
  for (const auto& inquiry : *inquiries) {
    auto* item = list->AddSectionDictionary("INQUIRY");
    item->SetValue("NAME", inquiry.name);
    item->SetValue("EMAIL", inquiry.email);
    item->SetValue("TOPIC", T(deps, request, fmt::format("contact.topic_option.{}", inquiry.topic)));
    item->SetValue("RECEIVED_ISO", inquiry.created_at);
    item->SetValue("RECEIVED", ShowTime(inquiry.created_at));
    item->SetValue("MESSAGE", inquiry.message);
  }
  return RenderAdmin(deps, request, *frame, "admin_inquiries", body, 200, {});
}

// --- /organisations/{organisation}/members ---

struct MemberInput {
  std::string email;
  std::string role = std::string(domain::RoleName(Role::kOrganisationMember));
  std::vector<FieldProblem> problems;
};

Result<http::Response> MembersPageWith(const PageDependencies& deps, const http::Request& request,
                                       const MemberInput& input, int status) {
  if (!request.organisation_id) return Internal("organisation route without an organisation");
  const int64_t id = *request.organisation_id;
  auto name = deps.accounts.OrganisationName(id);
  if (!name.ok()) return name.status();
  http::Response cookies;
  ctemplate::TemplateDictionary body("organisation_members");
  auto members = deps.accounts.ListOrganisationMembers(id);
  if (!members.ok()) return members.status();
  if (members->empty()) body.ShowSection("NO_MEMBERS");
  auto* table = members->empty() ? nullptr : body.AddSectionDictionary("MEMBERS");
  for (const auto& member : *members) {
    auto* row = table->AddSectionDictionary("MEMBER");
    row->SetValue("NAME", member.display_name);
    row->SetValue("EMAIL", member.email);
    row->SetValue("ROLE", RoleLabel(deps, request, member.role));
  }
  Form invite;
  invite.action = fmt::format("/organisations/{}/members/invite", id);
  invite.submit = T(deps, request, "organisation.invite_submit");
  invite.problems = input.problems;
  invite.fields.push_back(
      MakeField(deps, request, "email", "email", "organisation.email", "off", 254, input.email));
  invite.fields.push_back(RoleField(deps, request, "organisation.role",
                                    {Role::kOrganisationMember, Role::kOrganisationAdmin}, input.role));
  body.SetValue("INVITE_FORM", RenderForm(deps.views, request, cookies, invite, deps.secure_cookies));
  AdminPage page;
  page.heading = Fill(T(deps, request, "organisation.members_heading"), "organisation", *name);
  page.lead = T(deps, request, "organisation.members_lead");
  page.notice = NoticeText(deps, request);
  page.form_problems = !input.problems.empty();
  return RenderAdmin(deps, request, page, "organisation_members", body, status, cookies);
}

Result<http::Response> MembersPage(const PageDependencies& deps, http::Request& request) {
  return MembersPageWith(deps, request, MemberInput{}, 200);
}

Result<http::Response> MembersInviteSubmit(const PageDependencies& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  MemberInput input;
  input.email = FormValue(*params, "email");
  input.role = FormValue(*params, "role");
  if (!FormCsrfValid(request, *params)) {
    input.problems.push_back({std::string(kFormLevel), "validation.csrf"});
    return MembersPageWith(deps, request, input, 403);
  }
  if (!request.organisation_id) return Internal("organisation route without an organisation");
  // The organisation must exist (a platform admin may name any id).
  auto name = deps.accounts.OrganisationName(*request.organisation_id);
  if (!name.ok()) return name.status();
  const auto role = ParseRoleAmong(input.role, {Role::kOrganisationMember, Role::kOrganisationAdmin});
  if (!role) {
    input.problems.push_back({"role", "validation.choice"});
    return MembersPageWith(deps, request, input, 422);
  }
  const domain::Grant grant{*role, "", std::nullopt, request.organisation_id};
  auto invited = deps.account_service.Invite(auth::ActorOf(request), input.email, grant, request.lang);
  if (!invited.ok()) {
    const Status& failure = invited.status();
    if (failure.code() != ErrorCode::kInvalidArgument) return failure;
    const bool about_email = failure.user_message_key().rfind("validation.", 0) == 0;
    input.problems.push_back({about_email ? "email" : std::string(kFormLevel), failure.user_message_key()});
    return MembersPageWith(deps, request, input, 422);
  }
  return http::Redirect(
      303, fmt::format("/organisations/{}/members?notice=invitation_sent", *request.organisation_id));
}

}  // namespace

void RegisterAdminPages(http::Router& router, const PageDependencies& deps) {
  using domain::Access;
  const auto page = [&deps](Result<http::Response> (*handler)(const PageDependencies&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  const Access municipal_admin = Access::MunicipalAdmin("municipality");
  const Access organisation_admin = Access::OrganisationAdmin("organisation");
  router.Add("GET", "/admin", Access::Person(), page(AdminHome));
  router.Add("GET", "/admin/{municipality}/units", municipal_admin, page(UnitsPage));
  router.Add("POST", "/admin/{municipality}/units", municipal_admin, page(UnitsSubmit));
  router.Add("POST", "/admin/{municipality}/units/{id}/delete", municipal_admin, page(UnitDeleteSubmit));
  router.Add("GET", "/admin/{municipality}/staff", municipal_admin, page(StaffPage));
  router.Add("POST", "/admin/{municipality}/staff/invite", municipal_admin, page(StaffInviteSubmit));
  router.Add("POST", "/admin/{municipality}/staff/{grant}/remove", municipal_admin, page(StaffRemoveSubmit));
  router.Add("GET", "/admin/{municipality}/tokens", municipal_admin, page(TokensPage));
  router.Add("POST", "/admin/{municipality}/tokens", municipal_admin, page(TokensCreateSubmit));
  router.Add("POST", "/admin/{municipality}/tokens/{id}/revoke", municipal_admin, page(TokenRevokeSubmit));
  router.Add("GET", "/admin/{municipality}/audit", municipal_admin, page(AuditPage));
  router.Add("GET", "/admin/{municipality}/inquiries", municipal_admin, page(InquiriesPage));
  router.Add("GET", "/platform/municipalities", Access::PlatformAdmin(), page(MunicipalitiesPage));
  router.Add("POST", "/platform/municipalities/{code}", Access::PlatformAdmin(), page(MunicipalitySubmit));
  router.Add("GET", "/platform/outbox", Access::PlatformAdmin(), page(OutboxPage));
  router.Add("GET", "/organisations/{organisation}/members", organisation_admin, page(MembersPage));
  router.Add("POST", "/organisations/{organisation}/members/invite", organisation_admin,
             page(MembersInviteSubmit));
}

}  // namespace samskab::web
