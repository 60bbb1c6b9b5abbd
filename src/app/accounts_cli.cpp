#include "app/accounts_cli.h"

#include <istream>

#include <fmt/format.h>

namespace samskab::app {
namespace {

domain::Actor CommandLine() { return domain::Actor::System("cli", "cli"); }

}  // namespace

Result<domain::Grant> GrantFromOptions(App& app, const GrantOptions& options, bool for_token) {
  const auto role = domain::ParseRole(options.role);
  if (!role) {
    return InvalidArgument(fmt::format(
        "--role must be one of platform_admin, municipal_admin, municipal_employee, organisation_admin, "
        "organisation_member, volunteer (got \"{}\")",
        options.role));
  }
  domain::Grant grant;
  grant.role = *role;
  const bool municipal = *role == domain::Role::kMunicipalAdmin || *role == domain::Role::kMunicipalEmployee;
  const bool organisational =
      *role == domain::Role::kOrganisationAdmin || *role == domain::Role::kOrganisationMember;
  if (municipal) {
    if (options.municipality.empty())
      return InvalidArgument(fmt::format("--role {} needs --municipality", options.role));
    auto municipality = app.municipalities().Get(options.municipality);
    if (!municipality.ok())
      return InvalidArgument(fmt::format("--municipality {}: no such municipality", options.municipality));
    grant.municipality_code = options.municipality;
  } else if (!options.municipality.empty() && *role != domain::Role::kPlatformAdmin) {
    return InvalidArgument(fmt::format("--role {} takes no --municipality", options.role));
  }
  if (*role == domain::Role::kMunicipalEmployee && !for_token) {
    if (!options.unit_id) return InvalidArgument("--role municipal_employee needs --unit (the unit's id)");
    auto unit = app.units().Get(domain::MunicipalityScope(grant.municipality_code), *options.unit_id);
    if (!unit.ok())
      return InvalidArgument(fmt::format("--unit {}: no such unit in municipality {}", *options.unit_id,
                                         grant.municipality_code));
    grant.unit_id = options.unit_id;
  } else if (options.unit_id) {
    return InvalidArgument(fmt::format("--role {} takes no --unit", options.role));
  }
  if (organisational) {
    if (!options.organisation_id)
      return InvalidArgument(fmt::format("--role {} needs --organisation", options.role));
    if (!app.accounts().OrganisationName(*options.organisation_id).ok())
      return InvalidArgument(
          fmt::format("--organisation {}: no such organisation", *options.organisation_id));
    grant.organisation_id = options.organisation_id;
  }
  return grant;
}

Result<int64_t> AddUser(App& app, const std::string& email, const std::string& name,
                        const GrantOptions& options, std::istream& password_input) {
  auto grant = GrantFromOptions(app, options, /*for_token=*/false);
  if (!grant.ok()) return grant.status();
  std::string password;
  if (!std::getline(password_input, password) || password.empty())
    return InvalidArgument("give the password on standard input (one line)");
  if (!password.empty() && password.back() == '\r') password.pop_back();
  const std::string display_name = name.empty() ? email.substr(0, email.find('@')) : name;
  auto user = app.account_service().AddUser(CommandLine(), email, display_name, password, *grant);
  if (!user.ok()) {
    const std::string key = user.status().user_message_key();  // a copy: status() returns a temporary
    if (key == "validation.password_too_short")
      return InvalidArgument("the password must be at least 10 characters");
    if (key == "validation.email")
      return InvalidArgument(fmt::format("--email {}: not an e-mail address", email));
    if (key == "account.error.email_taken")
      return Status(ErrorCode::kAlreadyExists, fmt::format("--email {}: an account with it exists", email));
    return user.status();
  }
  return user->id;
}

Result<auth::CreatedToken> CreateToken(App& app, const std::string& name, const GrantOptions& options) {
  auto grant = GrantFromOptions(app, options, /*for_token=*/true);
  if (!grant.ok()) return grant.status();
  if (!domain::RoleAllowedForToken(grant->role))
    return InvalidArgument(
        "--role for a token must be platform_admin, municipal_admin or municipal_employee");
  if (grant->role == domain::Role::kPlatformAdmin && !options.municipality.empty())
    return InvalidArgument("--role platform_admin takes no --municipality");
  domain::ApiToken token;
  token.name = name.empty() ? "cli" : name;
  token.role = grant->role;
  token.municipality_code = grant->municipality_code;
  return app.account_service().CreateApiToken(CommandLine(), token);
}

namespace {

// The demo organisation's public profile, written once: a later edit by its admin is kept.
Status SetUpDemoProfile(App& app, int64_t organisation_id, const domain::Actor& actor) {
  auto current = app.organisations().GetOwn(organisation_id);
  if (!current.ok()) return current.status();
  if (!current->resources.empty()) return Status::Ok();
  domain::Organisation profile = *current;
  profile.is_public = true;
  profile.street = "Stiager 2";
  profile.postcode = "3500";
  profile.website = "https://frivilligcenter.demo.samskab.dk";
  profile.icnpo = "4100";
  profile.description =
      "Frivilligcentret samler foreninger, fællesskaber og frivillige i kommunen. Vi formidler frivilligt "
      "arbejde, rådgiver foreninger og driver besøgsvenner, lektiecafé og en åben café for ensomme.";
  profile.welfare_areas = {"elderly", "inclusion", "socially_vulnerable", "refugees_and_integration"};
  profile.target_groups = {"elderly", "lonely", "refugees_and_immigrants", "young_people"};
  profile.resources =
      "Cirka 140 aktive frivillige, to lønnede konsulenter (60 timer om ugen), et mødelokale til 30 "
      "personer, "
      "erfaring med frivilligkoordinering og et netværk af 45 foreninger.";
  profile.roles_can = {"advocate", "partner", "developer", "watchdog"};
  profile.roles_cannot = {"supplier"};
  profile.frames =
      "Selvejende forening med egne vedtægter og bestyrelse; finansieret af § 18-midler og fonde; "
      "frivilligheden "
      "er kernen, så vi påtager os ikke myndighedsopgaver eller opgaver på kontrakt.";
  profile.contacts = {{"Frida Forening", "Daglig leder", "forening@demo.samskab.dk", "44 94 12 34", true},
                      {"Karsten Kasserer", "Kasserer", "", "", false}};
  return app.organisations().UpdateOwn(actor, profile, current->revision).status();
}

}  // namespace

Status SetUpDemoPeople(App& app) {
  const std::string code = app.config().site_municipality;
  const domain::MunicipalityScope scope(code);
  const domain::Actor actor = domain::Actor::System("demo", "demo");
  auto units = app.units().List(scope);
  if (!units.ok()) return units.status();
  int64_t department = 0;
  if (units->empty()) {
    domain::Unit administration{
        0,  code, std::nullopt, domain::UnitKind::kAdministration, "Social- og Sundhedsforvaltningen", 1,
        "", ""};
    auto a = app.units().Create(scope, actor, administration);
    if (!a.ok()) return a.status();
    domain::Unit center{0, code, a->id, domain::UnitKind::kCenter, "Center for Sundhed og Omsorg", 1, "", ""};
    auto c = app.units().Create(scope, actor, center);
    if (!c.ok()) return c.status();
    domain::Unit plejecenter{0, code, c->id, domain::UnitKind::kDepartment, "Plejecenter Lillevang",
                             1, "",   ""};
    auto d = app.units().Create(scope, actor, plejecenter);
    if (!d.ok()) return d.status();
    department = d->id;
  } else {
    for (const auto& unit : *units) {
      if (unit.kind == domain::UnitKind::kDepartment) department = unit.id;
    }
  }
  int64_t organisation = 1;
  if (!app.accounts().OrganisationName(organisation).ok()) {
    auto created =
        app.accounts().CreateOrganisation(actor, "Frivilligcenter Demo", "humanitarian_association");
    if (!created.ok()) return created.status();
    organisation = *created;
  }
  struct Person {
    const char* email;
    const char* name;
    domain::Grant grant;
  };
  const Person people[] = {
      {"platform@demo.samskab.dk",
       "Pia Platform",
       {domain::Role::kPlatformAdmin, "", std::nullopt, std::nullopt}},
      {"admin@demo.samskab.dk",
       "Anne Admin",
       {domain::Role::kMunicipalAdmin, code, std::nullopt, std::nullopt}},
      {"medarbejder@demo.samskab.dk",
       "Mads Medarbejder",
       {domain::Role::kMunicipalEmployee, code,
        department ? std::optional<int64_t>(department) : std::nullopt, std::nullopt}},
      {"forening@demo.samskab.dk",
       "Frida Forening",
       {domain::Role::kOrganisationAdmin, "", std::nullopt, organisation}},
      {"frivillig@demo.samskab.dk",
       "Frede Frivillig",
       {domain::Role::kVolunteer, "", std::nullopt, std::nullopt}},
  };
  SAMSKAB_RETURN_IF_ERROR(SetUpDemoProfile(app, organisation, actor));
  for (const auto& person : people) {
    if (app.accounts().FindByEmail(person.email).ok()) continue;
    if (person.grant.role == domain::Role::kMunicipalEmployee && !person.grant.unit_id) continue;
    auto user = app.account_service().AddUser(actor, person.email, person.name, kDemoPassword, person.grant);
    if (!user.ok()) return user.status();
  }
  return Status::Ok();
}

}  // namespace samskab::app
