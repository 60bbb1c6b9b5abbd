#include "app/needs_demo.h"

#include <map>
#include <string>

#include "app/accounts_cli.h"

namespace samskab::app {
namespace {

using domain::MunicipalityScope;

Result<std::map<std::string, int64_t>> Ids(storage::Database& database, const std::string& sql) {
  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(sql);
  if (!rows.ok()) return rows.status();
  std::map<std::string, int64_t> ids;
  for (const auto& row : *rows) ids.emplace(row.Text(1), row.Int(0));
  return ids;
}

domain::WeeklyAvailability Cells(const std::vector<std::string>& cells) {
  auto grid = domain::WeeklyAvailability::FromCellKeys(cells);
  return grid.ok() ? *grid : domain::WeeklyAvailability();
}

// The vulnerable need's partner organisation has an admin in the demo, who finds an offer waiting
// for the partner's approval at /organisations/{id}/need-approvals.
Status SetUpDemoPartner(App& app, int64_t organisation_id, const domain::Actor& actor) {
  if (app.accounts().FindByEmail(kDemoPartnerEmail).ok()) return Status::Ok();
  const domain::Grant grant{domain::Role::kOrganisationAdmin, "", std::nullopt, organisation_id};
  return app.account_service()
      .AddUser(actor, kDemoPartnerEmail, "Parisa Partner", kDemoPassword, grant)
      .status();
}

}  // namespace

Status SetUpDemoNeeds(App& app) {
  const MunicipalityScope scope(app.config().site_municipality);
  const domain::Actor actor = domain::Actor::System("demo", "demo");
  auto existing = app.needs().List(scope, {});
  if (!existing.ok()) return existing.status();
  if (existing->total > 0) return Status::Ok();
  auto units = app.units().List(scope);
  if (!units.ok()) return units.status();
  std::map<std::string, int64_t> unit_ids;
  for (const auto& unit : *units) unit_ids.emplace(unit.name, unit.id);
  auto organisations = Ids(app.database(), "SELECT id, name FROM organisations");
  if (!organisations.ok()) return organisations.status();
  const auto unit = [&](const char* name) {
    const auto found = unit_ids.find(name);
    return found == unit_ids.end() ? int64_t{0} : found->second;
  };
  const auto organisation = [&](const char* name) -> std::optional<int64_t> {
    const auto found = organisations->find(name);
    return found == organisations->end() ? std::nullopt : std::optional<int64_t>(found->second);
  };
  // The demo's units and organisations come from SetUpDemoCollaborations (a Danish demo only).
  if (!unit("Plejecenter Lillevang") || !organisation("Farum Tømrer og Snedker ApS")) return Status::Ok();

  std::vector<domain::Need> needs;
  {
    domain::Need n;
    n.unit_id = unit("Plejecenter Lillevang");
    n.title = "Havedag i sansehaven på Lillevang";
    n.description =
        "Sansehaven trænger til nye højbede, og stierne skal lægges om, så kørestole kan komme frem. Vi "
        "søger "
        "en virksomhed eller forening, der vil give en dag med praktiske hænder. Beboerne kigger gerne med "
        "og byder på kaffe.";
    n.skills = {"gardening", "crafts"};
    n.welfare_area = "elderly";
    n.target_group = "elderly";
    n.availability = Cells({"tue_morning", "wed_morning", "thu_morning"});
    n.postcode = "3520";
    n.places = 12;
    n.starts_on = "2027-04-01";
    n.ends_on = "2027-06-30";
    n.visibility = domain::NeedVisibility::kPublic;
    needs.push_back(n);
  }
  {
    domain::Need n;
    n.unit_id = unit("Ungecentret");
    n.title = "Mentorer til unge flygtninge i job og uddannelse";
    n.description =
        "Unge flygtninge mellem 18 og 25 år har brug for en voksen at spejle sig i, når de skal i praktik, "
        "uddannelse eller job. Målgruppen er sårbar: mentorforløb aftales altid med Dansk Flygtningehjælp, "
        "og virksomheders tilbud skal godkendes af dem, før de tages i brug.";
    n.skills = {"job_mentoring", "mentoring"};
    n.languages = {"ar", "prs", "ti"};
    n.welfare_area = "refugees_and_integration";
    n.target_group = "refugees_and_immigrants";
    n.vulnerable = true;
    n.direct_contact = false;
    n.partner_organisation_id = organisation("Dansk Flygtningehjælp Frivillig Furesø");
    n.availability = Cells({"mon_evening", "wed_evening"});
    n.postcode = "3520";
    n.places = 6;
    n.visibility = domain::NeedVisibility::kPublic;
    needs.push_back(n);
  }
  {
    domain::Need n;
    n.unit_id = unit("Farum Bibliotek");
    n.title = "Lektiehjælp om eftermiddagen på Farum Bibliotek";
    n.description =
        "Børn i 4.–9. klasse kommer efter skole og får hjælp til matematik, dansk og engelsk. Vi mangler "
        "voksne, der kan sidde med en eller to timer om ugen.";
    n.skills = {"homework_help", "teaching"};
    n.languages = {"da", "en"};
    n.welfare_area = "school";
    n.target_group = "children";
    n.involves_children = true;
    n.availability = Cells({"mon_afternoon", "tue_afternoon", "thu_afternoon"});
    n.postcode = "3520";
    n.places = 8;
    n.visibility = domain::NeedVisibility::kPublic;
    needs.push_back(n);
  }
  {
    domain::Need n;
    n.unit_id = unit("Hjemmeplejen Værløse");
    n.title = "Følgeskab til ensomme borgere efter udskrivning";
    n.description =
        "Intern afklaring: hjemmeplejen overvejer at bede en forening om besøgsvenner til borgere, der lige "
        "er "
        "udskrevet fra hospitalet og bor alene. Behovet er ikke offentligt endnu.";
    n.skills = {"visiting_friend"};
    n.welfare_area = "elderly";
    n.target_group = "lonely";
    n.postcode = "3500";
    n.places = 4;
    n.visibility = domain::NeedVisibility::kPrivate;
    needs.push_back(n);
  }
  std::optional<int64_t> vulnerable_need;
  for (auto& n : needs) {
    if (!n.unit_id) continue;
    auto created = app.needs().Create(scope, actor, n);
    if (!created.ok()) return created.status();
    if (created->vulnerable) vulnerable_need = created->id;
  }

  domain::OfferViewer demo;
  demo.everything = true;  // the demo writes on its organisations' behalf
  std::vector<domain::Offer> offers;
  {
    domain::Offer o;
    o.organisation_id = organisation("Farum Tømrer og Snedker ApS");
    o.kind = domain::OfferKind::kEventDay;
    o.title = "Medarbejderdag: tolv tømrere til en dag med hammer og sav";
    o.description =
        "Vi giver hvert forår en arbejdsdag til et godt formål. Tolv medarbejdere kan bygge højbede, "
        "reparere skure eller lægge nye stier. Vi tager selv værktøj med; materialer aftales.";
    o.skills = {"crafts", "gardening"};
    o.welfare_areas = {"elderly", "nature_and_environment"};
    o.event_on = "2027-05-06";
    o.event_capacity = 12;
    o.postcode = "3520";
    o.travel_km = 20;
    o.municipalities = {scope.code()};
    offers.push_back(o);
  }
  {
    domain::Offer o;
    o.organisation_id = organisation("Farum Tømrer og Snedker ApS");
    o.kind = domain::OfferKind::kSkills;
    o.title = "Lærlinge som mentorer for unge, der vil i håndværksfag";
    o.description =
        "To af vores svende vil gerne være mentorer for unge, der overvejer en erhvervsuddannelse. De kan "
        "vise værkstedet frem og hjælpe med at finde en læreplads.";
    o.skills = {"mentoring", "crafts"};
    o.welfare_areas = {"employment", "children_and_young_people"};
    o.target_groups = {"young_people"};
    o.availability = Cells({"mon_evening", "wed_evening"});
    o.hours = 40;
    o.postcode = "3520";
    o.travel_km = 15;
    offers.push_back(o);
  }
  {
    domain::Offer o;
    o.organisation_id = organisation("Frivilligcenter Demo");
    if (!o.organisation_id) o.organisation_id = organisation("Ældre Sagen Furesø");
    o.kind = domain::OfferKind::kRooms;
    o.title = "Mødelokale og køkken til fællesspisning";
    o.description =
        "Frivilligcentret låner sit mødelokale med køkken ud til foreninger og kommunale enheder, der vil "
        "lave fællesspisning eller caféer for ensomme. Plads til 30.";
    o.welfare_areas = {"inclusion", "elderly"};
    o.target_groups = {"lonely", "elderly"};
    o.availability = Cells({"tue_evening", "thu_evening", "sat_afternoon"});
    o.postcode = "3500";
    o.travel_km = 0;
    o.municipalities = {scope.code()};
    offers.push_back(o);
  }
  std::optional<int64_t> mentor_offer;
  for (auto& o : offers) {
    if (!o.organisation_id) continue;
    auto created = app.offers().Create(demo, actor, o);
    if (!created.ok()) return created.status();
    if (created->kind == domain::OfferKind::kSkills) mentor_offer = created->id;
  }
  // Seed 004: the company's mentors for the young refugees wait for the partner's approval.
  const auto partner = organisation("Dansk Flygtningehjælp Frivillig Furesø");
  if (!vulnerable_need || !mentor_offer || !partner) return Status::Ok();
  SAMSKAB_RETURN_IF_ERROR(SetUpDemoPartner(app, *partner, actor));
  return app.need_approvals().Ask(scope, actor, *vulnerable_need, *mentor_offer).status();
}

}  // namespace samskab::app
