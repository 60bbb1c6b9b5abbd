#include "app/market_demo.h"

#include <map>

#include "app/accounts_cli.h"

namespace samskab::app {
namespace {

using domain::Opportunity;
using domain::VolunteerProfile;
using domain::WeeklyAvailability;

struct DemoVolunteer {
  const char* email;
  const char* name;
  const char* about;
  std::vector<std::string> skills;
  std::vector<std::string> tags;
  std::vector<std::string> languages;
  std::vector<std::string> cells;
  const char* postcode;
  int travel_km;
  std::vector<std::string> welfare_areas;
  std::vector<std::string> target_groups;
  domain::ChildCertificate certificate;
  const char* certificate_on;
  domain::VolunteerVisibility visibility;
};

const std::vector<DemoVolunteer>& Volunteers() {
  using C = domain::ChildCertificate;
  using V = domain::VolunteerVisibility;
  static const std::vector<DemoVolunteer> volunteers = {
      {"frivillig@demo.samskab.dk",
       "Frede Frivillig",
       "Pensioneret tømrer. Kan godt lide at gå ture og hjælpe med små reparationer.",
       {"walking_company", "repairs", "visiting_friend"},
       {"cykling"},
       {"da"},
       {"tue_morning", "tue_afternoon", "thu_afternoon"},
       "3520",
       10,
       {"elderly"},
       {"elderly", "lonely"},
       C::kNone,
       "",
       V::kMunicipalities},
      {"karen.frivillig@demo.samskab.dk",
       "Karen Holm",
       "Tidligere folkeskolelærer. Hjælper gerne børn og unge med lektier og læsning.",
       {"homework_help", "reading_aloud", "teaching"},
       {"matematik"},
       {"da", "en", "de"},
       {"mon_afternoon", "wed_afternoon", "wed_evening"},
       "3500",
       15,
       {"children_and_young_people", "school"},
       {"children", "young_people"},
       C::kObtained,
       "2026-09-01",
       V::kPublic},
      {"ali.frivillig@demo.samskab.dk",
       "Ali Rahimi",
       "Kom til Danmark i 2015. Tolker gerne og hjælper nye borgere med at finde rundt i kommunen.",
       {"interpreting", "language_cafe", "mentoring"},
       {"cykelreparation"},
       {"da", "fa", "prs", "en"},
       {"tue_evening", "thu_evening", "sat_morning"},
       "3520",
       20,
       {"refugees_and_integration"},
       {"refugees_and_immigrants", "families"},
       C::kRequested,
       "",
       V::kMunicipalities},
      {"sofie.frivillig@demo.samskab.dk",
       "Sofie Lund",
       "Studerer til sygeplejerske og vil gerne bruge nogle timer om ugen på besøg og fællesspisning.",
       {"visiting_friend", "cooking", "first_aid"},
       {},
       {"da", "sv"},
       {"fri_afternoon", "sat_afternoon", "sun_afternoon"},
       "2760",
       25,
       {"elderly", "health"},
       {"lonely"},
       C::kNone,
       "",
       V::kPrivate},
  };
  return volunteers;
}

struct DemoOpportunity {
  const char* unit;  // a demo unit's name, or "" for the demo organisation
  const char* title;
  const char* description;
  std::vector<std::string> skills;
  std::vector<std::string> welfare_areas;
  std::vector<std::string> target_groups;
  std::vector<std::string> cells;
  const char* time_note;
  const char* postcode;
  int64_t capacity;
  const char* starts_on;
  const char* ends_on;
  bool involves_children;
};

const std::vector<DemoOpportunity>& Opportunities() {
  static const std::vector<DemoOpportunity> opportunities = {
      {"Plejecenter Lillevang",
       "Besøgsven på Plejecenter Lillevang",
       "Mange af vores beboere får sjældent besøg. Som besøgsven kommer du fast en gang om ugen, drikker en "
       "kop kaffe, læser avis højt eller går en tur i haven med en beboer.\n\nDu får en introduktion af "
       "personalet og en fast kontaktperson.",
       {"visiting_friend", "walking_company", "reading_aloud"},
       {"elderly"},
       {"elderly", "lonely"},
       {"tue_afternoon", "thu_afternoon", "sat_morning"},
       "Efter aftale, typisk 1-2 timer om ugen.",
       "3520",
       6,
       "2027-01-04",
       "",
       false},
      {"Farum Bibliotek",
       "Lektiecafé for børn og unge",
       "Hjælp skolebørn fra 3. til 9. klasse med lektierne i bibliotekets lektiecafé. Du behøver ikke være "
       "lærer – tålmodighed og lyst til at forklare er det vigtigste.",
       {"homework_help", "teaching"},
       {"children_and_young_people", "school"},
       {"children", "young_people"},
       {"mon_afternoon", "wed_afternoon"},
       "Mandag og onsdag kl. 15-17 i skoleåret.",
       "3520",
       8,
       "2027-01-11",
       "2027-06-23",
       true},
      {"Ungecentret",
       "Mentor for en ung på vej i job eller uddannelse",
       "Vær sparringspartner for en ung mellem 17 og 25 år, der er ved at finde vej til uddannelse eller "
       "job. I mødes et par gange om måneden, hvor det passer jer begge.",
       {"mentoring", "job_mentoring"},
       {"employment", "children_and_young_people"},
       {"young_people"},
       {"tue_evening", "thu_evening"},
       "Et par gange om måneden i et halvt år.",
       "3500",
       5,
       "",
       "",
       false},
      {"Hjemmeplejen Værløse",
       "Chauffør til indkøbsture for ældre",
       "Kør ældre borgere, der ikke selv kan komme rundt, til indkøb og hjem igen. Du kører i din egen bil "
       "og får kørselsgodtgørelse.",
       {"driving", "walking_company"},
       {"elderly"},
       {"elderly"},
       {"wed_morning", "fri_morning"},
       "Onsdag og fredag formiddag.",
       "3500",
       3,
       "",
       "",
       false},
      {"",
       "Sprogcafé for nye borgere",
       "Frivilligcentret holder sprogcafé hver torsdag aften, hvor nye borgere øver dansk i hyggelige "
       "rammer. Vi søger frivillige, der vil snakke, spille spil og hjælpe med breve fra det offentlige.",
       {"language_cafe", "interpreting"},
       {"refugees_and_integration"},
       {"refugees_and_immigrants"},
       {"thu_evening"},
       "Torsdag kl. 18-20.",
       "3520",
       10,
       "2027-01-07",
       "",
       false},
  };
  return opportunities;
}

// The demo's opportunities: the units' and the demo organisation's.
Status AddDemoOpportunities(App& app, const domain::MunicipalityScope& scope, const domain::Actor& actor) {
  auto units = app.units().List(scope);
  if (!units.ok()) return units.status();
  std::map<std::string, int64_t> unit_ids;
  for (const auto& unit : *units) unit_ids[unit.name] = unit.id;
  for (const auto& d : Opportunities()) {
    Opportunity o;
    o.municipality_code = scope.code();
    if (*d.unit) {
      const auto unit = unit_ids.find(d.unit);
      if (unit == unit_ids.end()) continue;  // a municipality whose units differ from the demo's
      o.unit_id = unit->second;
    } else {
      o.organisation_id = 1;  // the demo organisation (SetUpDemoPeople)
      if (!app.accounts().OrganisationName(1).ok()) continue;
    }
    o.title = d.title;
    o.description = d.description;
    o.skills = d.skills;
    o.welfare_areas = d.welfare_areas;
    o.target_groups = d.target_groups;
    auto grid = WeeklyAvailability::FromCellKeys(d.cells);
    if (!grid.ok()) return grid.status();
    o.availability = *grid;
    o.time_note = d.time_note;
    o.postcode = d.postcode;
    o.capacity = d.capacity;
    if (*d.starts_on) o.starts_on = d.starts_on;
    if (*d.ends_on) o.ends_on = d.ends_on;
    o.involves_children = d.involves_children;
    o.status = domain::OpportunityStatus::kOpen;
    auto created = app.opportunities().Create(actor, o);
    if (!created.ok()) return created.status();
  }
  return Status::Ok();
}

// An application to the demo organisation's opportunity from a demo volunteer, so that the
// organisation's pipeline (/account/organisations/1/opportunities/{id}/applications) has one.
// Once: not when the opportunity has applications, nor when it no longer takes any.
Status AddDemoApplication(App& app, const domain::Actor& actor) {
  const storage::OpportunityManager organisation{"", {1}};
  auto posts = app.opportunities().List(organisation, domain::OpportunityStatus::kOpen, 0, 1);
  if (!posts.ok()) return posts.status();
  if (posts->items.empty()) return Status::Ok();
  const domain::Opportunity& post = posts->items.front();
  auto applications = app.applications().ListForOpportunity(post.id, storage::ApplicationOrder::kById, 0, 1);
  if (!applications.ok()) return applications.status();
  if (applications->total > 0) return Status::Ok();
  auto ali = app.accounts().FindByEmail("ali.frivillig@demo.samskab.dk");
  if (!ali.ok()) return Status::Ok();
  domain::Application a;
  a.opportunity_id = post.id;
  a.user_id = ali->user.id;
  a.email = ali->user.email;
  a.name = ali->user.display_name;
  a.motivation = "Jeg taler arabisk og dansk og vil gerne hjælpe nye borgere med sproget og brevene.";
  auto applied = app.applications().Apply(actor, a, "da");
  if (!applied.ok() && applied.status().code() != ErrorCode::kFailedPrecondition &&
      applied.status().code() != ErrorCode::kAlreadyExists)
    return applied.status();
  return Status::Ok();
}

}  // namespace

Status SetUpDemoMarket(App& app) {
  const domain::MunicipalityScope scope(app.config().site_municipality);
  const domain::Actor actor = domain::Actor::System("demo", "demo");
  auto municipality = app.municipalities().Get(scope.code());
  if (!municipality.ok()) return municipality.status();
  if (municipality->country != "dk") return Status::Ok();

  for (const auto& v : Volunteers()) {
    auto user = app.accounts().FindByEmail(v.email);
    int64_t user_id = 0;
    if (user.ok()) {
      user_id = user->user.id;
    } else {
      auto added = app.account_service().AddUser(actor, v.email, v.name, kDemoPassword,
                                                 {domain::Role::kVolunteer, "", std::nullopt, std::nullopt});
      if (!added.ok()) return added.status();
      user_id = added->id;
    }
    if (app.volunteers().GetOwn(user_id).ok()) continue;
    VolunteerProfile p;
    p.about = v.about;
    p.skills = v.skills;
    p.skill_tags = v.tags;
    p.languages = v.languages;
    auto grid = WeeklyAvailability::FromCellKeys(v.cells);
    if (!grid.ok()) return grid.status();
    p.availability = *grid;
    p.postcode = v.postcode;
    p.travel_km = v.travel_km;
    p.welfare_areas = v.welfare_areas;
    p.target_groups = v.target_groups;
    p.child_certificate = v.certificate;
    if (*v.certificate_on) p.child_certificate_on = v.certificate_on;
    p.visibility = v.visibility;
    p.consent_matching = v.visibility != domain::VolunteerVisibility::kPrivate;
    auto saved = app.volunteers().SaveOwn(actor, user_id, p, 0);
    if (!saved.ok()) return saved.status();
  }

  const storage::OpportunityManager manager{scope.code(), {}};
  auto existing = app.opportunities().List(manager, std::nullopt, 0, 1);
  if (!existing.ok()) return existing.status();
  if (existing->total == 0) SAMSKAB_RETURN_IF_ERROR(AddDemoOpportunities(app, scope, actor));
  return AddDemoApplication(app, actor);
}

}  // namespace samskab::app
