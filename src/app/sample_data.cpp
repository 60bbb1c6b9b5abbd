#include "app/sample_data.h"

#include <array>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/seeded_random.h"
#include "storage/audit_store.h"
#include "storage/organisation_visibility.h"

namespace samskab::app {
namespace {

using domain::Collaboration;
using domain::CollaborationForm;
using domain::CollaborationStatus;
using domain::MunicipalityScope;

// --- shared by the demo and the generator ---

struct SampleOrganisation {
  std::string name;
  std::string kind;
  bool is_public = true;
  bool registered_by_municipality = false;  // a community or individual the municipality recorded
  std::string postcode;
  std::string town;
  std::string welfare_areas = ",";  // ",elderly,health,"
  std::string description;
};

Result<int64_t> InsertOrganisation(storage::Connection& connection, const domain::Actor& actor,
                                   const MunicipalityScope& scope, const SampleOrganisation& o,
                                   const std::string& now) {
  auto rows = connection.Query(
      "INSERT INTO organisations (name, kind, is_public, municipality_code, postcode, town, welfare_areas, "
      "description, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      {o.name, o.kind, int64_t{o.is_public},
       o.registered_by_municipality ? storage::Value(scope.code()) : storage::Value(storage::Null{}),
       storage::NullIfEmpty(o.postcode), o.town, o.welfare_areas, o.description, now, now});
  if (!rows.ok()) return rows.status();
  const int64_t id = rows->front().Int(0);
  const nlohmann::json after = {{"id", id}, {"name", o.name}, {"kind", o.kind}, {"is_public", o.is_public}};
  SAMSKAB_RETURN_IF_ERROR(storage::RecordAudit(
      connection, actor, o.registered_by_municipality ? scope.code() : std::string(), "organisation.create",
      "organisation", std::to_string(id), std::nullopt, after.dump(), now));
  return id;
}

// Finds a unit by name under `parent`, or creates it.
Result<int64_t> EnsureUnit(App& app, const MunicipalityScope& scope, const domain::Actor& actor,
                           std::vector<domain::Unit>& known, domain::UnitKind kind, const std::string& name,
                           std::optional<int64_t> parent) {
  for (const auto& unit : known) {
    if (unit.name == name && unit.parent_id == parent) return unit.id;
  }
  domain::Unit unit;
  unit.kind = kind;
  unit.name = name;
  unit.parent_id = parent;
  auto created = app.units().Create(scope, actor, unit);
  if (!created.ok()) return created.status();
  known.push_back(*created);
  return created->id;
}

// --- the demo (Furesø's centers, from seed 003) ---

struct DemoCollaboration {
  const char* title;
  const char* description;
  std::vector<const char*> units;     // unit names
  std::vector<const char*> partners;  // organisation names
  const char* welfare_area;
  const char* target_group;
  CollaborationStatus status;
  CollaborationForm form;
  domain::InvolvementFacts facts;
  const char* starts_on;
  const char* postcode;
  const char* locality;
  int64_t staff_hours;  // 0: not recorded
  int64_t budget;       // 0: not recorded
  const char* funding;
  const char* override_level;  // "" for none
  const char* override_reason;
  const char* inspiration_note;  // "" when not marked as inspiration
};

domain::InvolvementFacts Facts(std::initializer_list<bool domain::InvolvementFacts::*> set) {
  domain::InvolvementFacts facts;
  for (auto member : set) facts.*member = true;
  return facts;
}

using F = domain::InvolvementFacts;

// The agreements of the demo's two partnerships. The visiting friends' agreement is due for review
// in three weeks, so the demo's employee (medarbejder@) finds a reminder under "Mine opgaver".
Status SetUpDemoAgreements(App& app, const MunicipalityScope& scope, const domain::Actor& actor,
                           const std::map<std::string, int64_t>& ids) {
  struct DemoAgreement {
    const char* collaboration;
    const char* municipality_obligations;
    const char* partner_obligations;
    const char* signed_on;
    int review_in_days;
    const char* responsible;
  };
  const DemoAgreement agreements[] = {
      {"Besøgsvenner på Plejecenter Lillevang",
       "Plejecentret stiller en fast kontaktperson og et mødelokale til rådighed, introducerer nye "
       "besøgsvenner til beboerne og holder et fælles møde hvert halve år.",
       "Ældre Sagen finder og uddanner besøgsvennerne, sørger for børneattester og koordinerer "
       "besøgene, så hver beboer har den samme besøgsven.",
       "2023-09-01", 21, "medarbejder@demo.samskab.dk"},
      {"Mentorordning for nyankomne flygtninge",
       "Centret henviser nye familier, betaler kurser for mentorerne og deltager i et årligt "
       "evalueringsmøde.",
       "Dansk Flygtningehjælp matcher mentorer med familier og følger op hver måned.", "2024-01-15", 200,
       "admin@demo.samskab.dk"},
  };
  const std::string today = FormatUtc(std::chrono::system_clock::now()).substr(0, 10);
  for (const auto& d : agreements) {
    const auto id = ids.find(d.collaboration);
    auto person = app.accounts().FindByEmail(d.responsible);
    if (id == ids.end() || !person.ok()) continue;  // the demo's people are made first (main.cpp)
    domain::PartnershipAgreement a;
    a.collaboration_id = id->second;
    a.municipality_obligations = d.municipality_obligations;
    a.partner_obligations = d.partner_obligations;
    a.status = domain::AgreementStatus::kSigned;
    a.signed_on = d.signed_on;
    a.review_on = domain::AddDays(today, d.review_in_days);
    a.responsible_user_id = person->user.id;
    auto created = app.agreements().Create(scope, actor, a);
    if (!created.ok()) return created.status();
  }
  return Status::Ok();
}

}  // namespace

Status SetUpDemoCollaborations(App& app) {
  const MunicipalityScope scope(app.config().site_municipality);
  const domain::Actor actor = domain::Actor::System("demo", "demo");
  // The demo set is Danish (Furesø's centers, Danish postcodes); a Norwegian demo tenant starts empty.
  auto municipality = app.municipalities().Get(scope.code());
  if (!municipality.ok()) return municipality.status();
  if (municipality->country != "dk") return Status::Ok();
  auto existing = app.collaborations().List(scope, {}, {}, 0, 1);
  if (!existing.ok()) return existing.status();
  if (existing->total > 0) return Status::Ok();

  // The centers that mapped their collaborations in the memo, with a few of their places.
  auto units = app.units().List(scope);
  if (!units.ok()) return units.status();
  std::map<std::string, int64_t> unit_ids;
  struct UnitSpec {
    domain::UnitKind kind;
    const char* name;
    const char* parent;  // "" for an administration
  };
  const UnitSpec specs[] = {
      {domain::UnitKind::kAdministration, "Social- og Sundhedsforvaltningen", ""},
      {domain::UnitKind::kAdministration, "Børne-, Kultur- og Borgerserviceforvaltningen", ""},
      {domain::UnitKind::kCenter, "Center for Sundhed og Omsorg", "Social- og Sundhedsforvaltningen"},
      {domain::UnitKind::kCenter, "Center for Børn og Voksne", "Social- og Sundhedsforvaltningen"},
      {domain::UnitKind::kCenter, "Center for Dagtilbud, Skole og Forebyggelse",
       "Børne-, Kultur- og Borgerserviceforvaltningen"},
      {domain::UnitKind::kCenter, "Center for Borgerservice og Kultur",
       "Børne-, Kultur- og Borgerserviceforvaltningen"},
      {domain::UnitKind::kDepartment, "Plejecenter Lillevang", "Center for Sundhed og Omsorg"},
      {domain::UnitKind::kDepartment, "Hjemmeplejen Værløse", "Center for Sundhed og Omsorg"},
      {domain::UnitKind::kDepartment, "Ungecentret", "Center for Børn og Voksne"},
      {domain::UnitKind::kDepartment, "Daginstitution Solsikken",
       "Center for Dagtilbud, Skole og Forebyggelse"},
      {domain::UnitKind::kDepartment, "Farum Bibliotek", "Center for Borgerservice og Kultur"},
  };
  for (const auto& spec : specs) {
    std::optional<int64_t> parent;
    if (*spec.parent) parent = unit_ids.at(spec.parent);
    auto id = EnsureUnit(app, scope, actor, *units, spec.kind, spec.name, parent);
    if (!id.ok()) return id.status();
    unit_ids[spec.name] = *id;
  }

  const SampleOrganisation organisations[] = {
      {"Ældre Sagen Furesø", "humanitarian_association", true, false, "3520", "Farum", ",elderly,",
       "Lokalafdeling med besøgsvenner, motion og foredrag for ældre."},
      {"Røde Kors Furesø", "humanitarian_association", true, false, "3500", "Værløse",
       ",socially_vulnerable,", "Besøgstjeneste, lektiehjælp og netværk for familier."},
      {"Farum Gymnastikforening", "popular_education_association", true, false, "3520", "Farum",
       ",culture_and_leisure,health,", "Gymnastik for børn, unge og seniorer."},
      {"KFUM-Spejderne Værløse", "popular_education_association", true, false, "3500", "Værløse",
       ",children_and_young_people,nature_and_environment,", "Spejderarbejde for børn fra 6 år."},
      {"Dansk Flygtningehjælp Frivillig Furesø", "humanitarian_association", true, false, "3520", "Farum",
       ",refugees_and_integration,", "Mentorer, lektiehjælp og sprogtræning for nyankomne."},
      {"Lektiehjælpen Farum", "humanitarian_association", true, false, "3520", "Farum",
       ",children_and_young_people,school,", "Frivillige lektiehjælpere på biblioteket."},
      {"Strikkecaféen på Farum Bibliotek", "community", false, true, "3520", "Farum", ",inclusion,",
       "Et fællesskab, der mødes og strikker hver torsdag."},
      {"Naboskab Hareskov", "community", true, false, "3500", "Værløse", ",inclusion,",
       "Naboer, der går ture og spiser sammen."},
      {"Pianist ved plejecentret", "individual", false, true, "3520", "Farum",
       ",elderly,culture_and_leisure,", "En frivillig, der spiller klaver og synger med beboerne."},
      {"Farum Tømrer og Snedker ApS", "company", true, false, "3520", "Farum", ",elderly,",
       "Lokal virksomhed, der giver medarbejdere fri til frivillige dage."},
      {"Café Kornet", "social_enterprise", true, false, "3500", "Værløse", ",employment,",
       "Socialøkonomisk café med praktikpladser for unge."},
  };
  std::map<std::string, int64_t> organisation_ids;
  const std::string now = FormatUtc(std::chrono::system_clock::now());
  {
    auto lease = app.database().Acquire();
    if (!lease.ok()) return lease.status();
    auto tx = storage::Transaction::Begin(**lease, /*write=*/true);
    if (!tx.ok()) return tx.status();
    for (const auto& o : organisations) {
      auto id = InsertOrganisation(**lease, actor, scope, o, now);
      if (!id.ok()) return id.status();
      organisation_ids[o.name] = *id;
    }
    SAMSKAB_RETURN_IF_ERROR((*tx)->Commit());
  }

  using S = CollaborationStatus;
  using Form = CollaborationForm;
  const DemoCollaboration demo[] = {
      {"Besøgsvenner på Plejecenter Lillevang",
       "Frivillige besøgsvenner kommer fast hos beboere, der sjældent får besøg. Plejecentret har en "
       "kontaktperson, og personalet deltager i introduktionen af nye besøgsvenner.",
       {"Plejecenter Lillevang"},
       {"Ældre Sagen Furesø"},
       "elderly",
       "lonely",
       S::kActive,
       Form::kPartnership,
       Facts({&F::staff_take_part, &F::partnership_agreement, &F::contact_person}),
       "2023-09-01",
       "3520",
       "Farum",
       120,
       15000,
       "Pulje til frivilligt socialt arbejde (§ 18)",
       "",
       "",
       "Fast aftale med klar rollefordeling; kan bruges på andre plejecentre."},
      {"Mentorordning for nyankomne flygtninge",
       "Frivillige mentorer hjælper nyankomne familier i gang med hverdag, skole og arbejde.",
       {"Center for Børn og Voksne"},
       {"Dansk Flygtningehjælp Frivillig Furesø"},
       "refugees_and_integration",
       "refugees_and_immigrants",
       S::kActive,
       Form::kPartnership,
       Facts({&F::partnership_agreement, &F::dedicated_budget, &F::coordination}),
       "2024-01-15",
       "3520",
       "Farum",
       200,
       60000,
       "Integrationspuljen",
       "",
       "",
       ""},
      {"Musik og sang på plejecentret",
       "En frivillig pianist spiller og synger med beboerne hver anden uge.",
       {"Plejecenter Lillevang"},
       {"Pianist ved plejecentret"},
       "elderly",
       "elderly",
       S::kActive,
       Form::kOngoing,
       Facts({&F::staff_take_part}),
       "2024-03-01",
       "3520",
       "Farum",
       40,
       0,
       "",
       "",
       "",
       "Et godt eksempel på en enkeltperson med stor værdi for beboerne."},
      {"Forældrenetværk i Ungecentret",
       "Forældre til unge i Ungecentret mødes i et netværk, som en medarbejder faciliterer.",
       {"Ungecentret"},
       {"Naboskab Hareskov"},
       "children_and_young_people",
       "families",
       S::kPlanned,
       Form::kOngoing,
       Facts({&F::staff_take_part, &F::dedicated_budget}),
       "2026-01-10",
       "3500",
       "Værløse",
       80,
       10000,
       "Forebyggelsespuljen",
       "",
       "",
       ""},
      {"Gymnastik i børnehaven",
       "Foreningens instruktører laver gymnastik med børnene i institutionens sal.",
       {"Daginstitution Solsikken"},
       {"Farum Gymnastikforening"},
       "day_care",
       "children",
       S::kActive,
       Form::kAdHoc,
       Facts({&F::rooms_lent}),
       "2025-02-01",
       "3520",
       "Farum",
       0,
       0,
       "",
       "",
       "",
       ""},
      {"Spejderdag i skoven",
       "Spejderne inviterer skolebørn med ud i skoven en lørdag om året.",
       {"Center for Dagtilbud, Skole og Forebyggelse"},
       {"KFUM-Spejderne Værløse"},
       "children_and_young_people",
       "children",
       S::kEnded,
       Form::kAdHoc,
       Facts({&F::citizens_referred}),
       "2025-05-10",
       "3500",
       "Værløse",
       0,
       0,
       "",
       "",
       "",
       ""},
      {"Lektiecafé på biblioteket",
       "Frivillige lektiehjælpere i bibliotekets lokaler to eftermiddage om ugen.",
       {"Farum Bibliotek"},
       {"Lektiehjælpen Farum"},
       "school",
       "children",
       S::kActive,
       Form::kOngoing,
       Facts({&F::rooms_lent, &F::citizens_referred}),
       "2022-08-15",
       "3520",
       "Farum",
       0,
       0,
       "",
       "",
       "",
       ""},
      {"Strikkecafé for ensomme ældre",
       "Et strikkefællesskab låner bibliotekets café hver torsdag.",
       {"Farum Bibliotek"},
       {"Strikkecaféen på Farum Bibliotek"},
       "inclusion",
       "lonely",
       S::kActive,
       Form::kOngoing,
       Facts({&F::rooms_lent}),
       "2023-01-05",
       "3520",
       "Farum",
       0,
       0,
       "",
       "",
       "",
       ""},
      {"Gåture med Naboskab Hareskov",
       "Hjemmeplejen fortæller borgere om naboernes gåture.",
       {"Hjemmeplejen Værløse"},
       {"Naboskab Hareskov"},
       "health",
       "elderly",
       S::kActive,
       Form::kAdHoc,
       Facts({&F::citizens_referred}),
       "2025-04-01",
       "3500",
       "Værløse",
       0,
       0,
       "",
       "",
       "",
       ""},
      {"Ældre Sagen besøger daginstitutioner",
       "Besøgsvenner fra Ældre Sagen læser højt i daginstitutioner; en pædagog koordinerer besøgene.",
       {"Daginstitution Solsikken"},
       {"Ældre Sagen Furesø"},
       "day_care",
       "children",
       S::kPlanned,
       Form::kOngoing,
       Facts({&F::contact_person, &F::coordination}),
       "2026-02-01",
       "3520",
       "Farum",
       30,
       0,
       "",
       "",
       "",
       "Notatets eksempel på at udbrede et eksisterende tilbud til et nyt område."},
      {"Fællesspisning i Hareskov",
       "Kommunen booker lokaler og hjælper med at fortælle om fællesspisningen.",
       {"Center for Sundhed og Omsorg"},
       {"Naboskab Hareskov"},
       "inclusion",
       "lonely",
       S::kPaused,
       Form::kOngoing,
       Facts({&F::coordination}),
       "2024-10-01",
       "3500",
       "Værløse",
       20,
       0,
       "",
       "",
       "",
       ""},
      {"Højbede til plejecentret",
       "Virksomhedens medarbejdere bygger højbede på en frivillig dag.",
       {"Plejecenter Lillevang"},
       {"Farum Tømrer og Snedker ApS"},
       "elderly",
       "elderly",
       S::kIdea,
       Form::kAdHoc,
       Facts({&F::contact_person}),
       "",
       "3520",
       "Farum",
       10,
       0,
       "",
       "",
       "",
       ""},
      {"Praktikpladser i Café Kornet",
       "Unge fra Ungecentret får praktik i den socialøkonomiske café.",
       {"Ungecentret"},
       {"Café Kornet"},
       "employment",
       "young_people",
       S::kActive,
       Form::kOngoing,
       Facts({&F::contact_person, &F::coordination}),
       "2025-08-01",
       "3500",
       "Værløse",
       60,
       0,
       "",
       "",
       "",
       ""},
      {"Motionsvenner for seniorer",
       "Gymnastikforeningen træner seniorer i kommunens sal; en fysioterapeut er med hver gang.",
       {"Hjemmeplejen Værløse"},
       {"Farum Gymnastikforening"},
       "health",
       "elderly",
       S::kActive,
       Form::kOngoing,
       Facts({&F::rooms_lent}),
       "2024-09-01",
       "3500",
       "Værløse",
       90,
       0,
       "",
       "high",
       "En af kommunens fysioterapeuter deltager i hver træning, selv om det ikke er registreret som et fast "
       "forløb endnu.",
       ""},
      {"Frivillige fortællere i dagplejen",
       "En idé: fortællere, der besøger dagplejere og deres børn.",
       {"Center for Dagtilbud, Skole og Forebyggelse"},
       {},
       "day_care",
       "children",
       S::kIdea,
       Form::kAdHoc,
       Facts({}),
       "",
       "",
       "",
       0,
       0,
       "",
       "",
       "",
       ""},
  };
  std::map<std::string, int64_t> ids;  // title -> id, for the agreements
  for (const auto& d : demo) {
    Collaboration c;
    c.title = d.title;
    c.description = d.description;
    for (const char* unit : d.units) c.unit_ids.push_back(unit_ids.at(unit));
    for (const char* partner : d.partners) c.partner_ids.push_back(organisation_ids.at(partner));
    c.welfare_area = d.welfare_area;
    c.target_group = d.target_group;
    c.status = d.status;
    c.form = d.form;
    c.facts = d.facts;
    if (*d.starts_on) c.starts_on = d.starts_on;
    if (*d.postcode) c.postcode = d.postcode;
    c.locality = d.locality;
    if (d.staff_hours > 0) c.staff_hours_per_year = d.staff_hours;
    if (d.budget > 0) c.budget_dkk = d.budget;
    c.funding_source = d.funding;
    if (*d.override_level) {
      c.override_level = domain::ParseInvolvementLevel(d.override_level);
      c.override_reason = d.override_reason;
    }
    c.activity_registered = d.form != Form::kAdHoc;
    c.evaluated = d.form == Form::kPartnership;
    c.inspiration = *d.inspiration_note != '\0';
    c.inspiration_note = d.inspiration_note;
    auto created = app.collaborations().Create(scope, actor, c);
    if (!created.ok()) return created.status();
    ids[d.title] = created->id;
  }
  return SetUpDemoAgreements(app, scope, actor, ids);
}

// --- the generator ---
namespace {

using Random = SeededRandom;

// Weighted kinds: associations dominate, as in the memo's overview.
const char* PickKind(Random& random) {
  const size_t draw = random.Below(100);
  if (draw < 30) return "popular_education_association";
  if (draw < 55) return "humanitarian_association";
  if (draw < 75) return "community";
  if (draw < 87) return "individual";
  if (draw < 95) return "company";
  return "social_enterprise";
}

std::vector<std::string> Strings(std::initializer_list<const char*> items) {
  return {items.begin(), items.end()};
}

}  // namespace

Result<GeneratorReport> Generate(App& app, const GeneratorOptions& options) {
  const MunicipalityScope scope(options.municipality_code);
  const domain::Actor actor = domain::Actor::System("generator", fmt::format("gen-{}", options.seed));
  Random random(options.seed);
  GeneratorReport report;

  // Units: a fixed hierarchy, created once.
  auto units = app.units().List(scope);
  if (!units.ok()) return units.status();
  const size_t before = units->size();
  const auto administrations =
      Strings({"Børne- og Ungeforvaltningen", "Social- og Sundhedsforvaltningen",
               "Kultur- og Fritidsforvaltningen", "Beskæftigelses- og Integrationsforvaltningen"});
  const auto centers =
      Strings({"Center for Dagtilbud", "Center for Skole", "Center for Familie og Forebyggelse",
               "Center for Sundhed og Omsorg", "Center for Handicap og Psykiatri", "Center for Ældre",
               "Center for Kultur", "Center for Idræt og Fritid", "Center for Bibliotek og Borgerservice",
               "Center for Beskæftigelse", "Center for Integration", "Center for Unge",
               "Center for Socialområdet", "Center for Rehabilitering"});
  const auto places = Strings({"Nord", "Syd", "Øst"});
  std::vector<int64_t> unit_pool;
  for (size_t c = 0; c < centers.size(); ++c) {
    auto administration = EnsureUnit(app, scope, actor, *units, domain::UnitKind::kAdministration,
                                     administrations.at(c % administrations.size()), std::nullopt);
    if (!administration.ok()) return administration.status();
    auto center =
        EnsureUnit(app, scope, actor, *units, domain::UnitKind::kCenter, centers[c], *administration);
    if (!center.ok()) return center.status();
    unit_pool.push_back(*center);
    for (const auto& place : places) {
      auto department = EnsureUnit(
          app, scope, actor, *units, domain::UnitKind::kDepartment,
          fmt::format("{} {}", centers[c].substr(std::string("Center for ").size()), place), *center);
      if (!department.ok()) return department.status();
      unit_pool.push_back(*department);
    }
  }
  report.units = static_cast<int64_t>(units->size() - before);

  // Organisations: names from towns and activities; real postcodes.
  const auto& postcodes = app.postcodes().All();
  const auto activities =
      Strings({"Gymnastik",  "Fodbold",     "Svømme",    "Spejder", "Kor",    "Teater",  "Skak",
               "Besøgsven",  "Lektiehjælp", "Motion",    "Cykel",   "Natur",  "Madklub", "Strikke",
               "Sorggruppe", "Mentor",      "Frivillig", "Nabo",    "Bridge", "Løbe"});
  const auto surnames = Strings({"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen",
                                 "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen"});
  const auto given = Strings({"Anne", "Mette", "Kirsten", "Hanne", "Peter", "Jens", "Lars", "Søren", "Mads",
                              "Ida", "Emma", "Freja", "Noah", "Oscar"});
  const auto areas =
      std::vector<std::string_view>(domain::BuiltInTerms(domain::Vocabulary::kWelfareArea).begin(),
                                    domain::BuiltInTerms(domain::Vocabulary::kWelfareArea).end());
  std::vector<int64_t> organisation_pool;
  const std::string now = FormatUtc(std::chrono::system_clock::now());
  {
    auto lease = app.database().Acquire();
    if (!lease.ok()) return lease.status();
    auto tx = storage::Transaction::Begin(**lease, /*write=*/true);
    if (!tx.ok()) return tx.status();
    for (int64_t i = 0; i < options.organisations; ++i) {
      const auto& postcode = postcodes.at(random.Below(postcodes.size()));
      SampleOrganisation o;
      o.kind = PickKind(random);
      const std::string& activity = random.Pick(activities);
      if (o.kind == "individual") {
        o.name = fmt::format("{} {} ({})", random.Pick(given), random.Pick(surnames), activity);
      } else if (o.kind == "community") {
        o.name = fmt::format("{}fællesskabet {} {}", activity, postcode.town, i + 1);
      } else if (o.kind == "company") {
        o.name = fmt::format("{} {} ApS", random.Pick(surnames), postcode.town);
      } else if (o.kind == "social_enterprise") {
        o.name = fmt::format("Café {} {}", postcode.town, i + 1);
      } else {
        o.name = fmt::format("{} {}forening {}", postcode.town, activity, i + 1);
      }
      o.registered_by_municipality = o.kind == "community" || o.kind == "individual";
      o.is_public = !o.registered_by_municipality || random.Chance(30);
      o.postcode = postcode.code;
      o.town = postcode.town;
      o.welfare_areas = fmt::format(",{},", areas.at(random.Below(areas.size())));
      auto id = InsertOrganisation(**lease, actor, scope, o, now);
      if (!id.ok()) return id.status();
      organisation_pool.push_back(*id);
    }
    // Earlier runs' organisations (and the demo's) are partners too.
    organisation_pool.clear();
    auto visible = (*lease)->Query(std::string("SELECT o.id FROM organisations o WHERE ") +
                                       storage::kOrganisationVisibleIn + " ORDER BY o.id",
                                   {scope.code(), scope.code()});
    if (!visible.ok()) return visible.status();
    for (const auto& row : *visible) organisation_pool.push_back(row.Int(0));
    SAMSKAB_RETURN_IF_ERROR((*tx)->Commit());
  }
  report.organisations = options.organisations;
  if (organisation_pool.empty() && options.collaborations > 0)
    return InvalidArgument("generating collaborations needs organisations (--organisations)");

  // Collaborations, in one transaction through the store (every rule, placement and audit entry).
  const auto targets =
      std::vector<std::string_view>(domain::BuiltInTerms(domain::Vocabulary::kTargetGroup).begin(),
                                    domain::BuiltInTerms(domain::Vocabulary::kTargetGroup).end());
  const auto titles = Strings(
      {"Besøgsvenner", "Lektiecafé", "Gåture", "Fællesspisning", "Motion for seniorer", "Læsevenner",
       "Mentorordning", "Sommerlejr", "Strikkecafé", "Naturdag", "Musik på plejecentret", "Sprogcafé",
       "Netværksgruppe", "Sorggruppe", "Cykelture", "Højtlæsning", "Idrætsdag", "Madlavning for unge"});
  constexpr std::array<CollaborationStatus, 5> kStatuses = {
      CollaborationStatus::kIdea, CollaborationStatus::kPlanned, CollaborationStatus::kActive,
      CollaborationStatus::kPaused, CollaborationStatus::kEnded};
  auto created = storage::InWriteTransaction<int64_t>(
      app.database(), [&](storage::Connection& connection) -> Result<int64_t> {
        for (int64_t i = 0; i < options.collaborations; ++i) {
          Collaboration c;
          const auto& postcode = postcodes.at(random.Below(postcodes.size()));
          c.title = fmt::format("{} i {} ({})", random.Pick(titles), postcode.town, i + 1);
          c.description = fmt::format("Genereret samarbejdsforløb nr. {} til test og måling.", i + 1);
          c.unit_ids.push_back(random.Pick(unit_pool));
          if (random.Chance(20)) c.unit_ids.push_back(random.Pick(unit_pool));
          const size_t partners = random.Chance(8) ? 0 : (random.Chance(25) ? 2 : 1);
          for (size_t p = 0; p < partners; ++p) c.partner_ids.push_back(random.Pick(organisation_pool));
          c.welfare_area = std::string(areas.at(random.Below(areas.size())));
          c.target_group = std::string(targets.at(random.Below(targets.size())));
          c.status = kStatuses.at(random.Below(kStatuses.size()));
          c.form = static_cast<CollaborationForm>(random.Below(3));
          for (const auto& field : domain::kFactFields) c.facts.*(field.member) = random.Chance(22);
          const int year = 2019 + static_cast<int>(random.Below(7));
          c.starts_on = fmt::format("{}-{:02}-01", year, 1 + random.Below(12));
          if (c.status == CollaborationStatus::kEnded) c.ends_on = fmt::format("{}-12-31", year + 1);
          c.postcode = postcode.code;
          c.locality = postcode.town;
          if (random.Chance(60)) c.staff_hours_per_year = static_cast<int64_t>(random.Below(400));
          if (random.Chance(30)) c.budget_dkk = static_cast<int64_t>(random.Below(200)) * 1000;
          c.activity_registered = random.Chance(50);
          c.evaluated = random.Chance(30);
          if (random.Chance(3)) {
            c.override_level = static_cast<domain::InvolvementLevel>(random.Below(3));
            c.override_reason = "Vurderet af centret ud fra forløbets faktiske omfang.";
          }
          c.inspiration = random.Chance(4);
          if (c.inspiration) c.inspiration_note = "Kan bruges i andre centre.";
          auto stored = app.collaborations().CreateOn(connection, scope, actor, std::move(c), now);
          if (!stored.ok()) return stored.status();
        }
        return options.collaborations;
      });
  if (!created.ok()) return created.status();
  report.collaborations = *created;
  // Fresh statistics after a bulk load, as a database in use has them (PostgreSQL's autovacuum
  // would get there later; its visibility map also lets counts use index-only scans).
  auto lease = app.database().Acquire();
  if (!lease.ok()) return lease.status();
  SAMSKAB_RETURN_IF_ERROR((*lease)->ExecuteScript(
      app.database().backend() == storage::Backend::kPostgres
          ? "VACUUM ANALYZE organisations, collaborations, collaboration_units, collaboration_partners"
          : "ANALYZE"));
  return report;
}

}  // namespace samskab::app
