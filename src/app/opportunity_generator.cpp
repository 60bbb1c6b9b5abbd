#include "app/opportunity_generator.h"

#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/seeded_random.h"
#include "domain/market/availability.h"
#include "storage/audit_store.h"
#include "storage/opportunity_search.h"
#include "storage/organisation_visibility.h"

namespace samskab::app {
namespace {

// One kind of volunteering: the words a post about it uses and the keys it is tagged with.
struct Theme {
  const char* activity;               // "lektiecaféen" (Danish, definite: "til lektiecaféen")
  const char* role;                   // "lektiehjælper"
  const char* task;                   // "… skal du {task}"
  const char* area;                   // welfare area key
  std::array<const char*, 2> groups;  // target group keys ("" for none)
  std::array<const char*, 2> skills;  // skill keys ("" for none)
  int slot;                           // the usual part of the day: 0 morning, 1 afternoon, 2 evening
  bool children;                      // children under 15 take part
};

// Written for this generator; the combinations are what makes 100,000 posts differ.
const std::array<Theme, 18> kThemes = {{
    {"lektiecaféen",
     "lektiehjælper",
     "hjælpe skolebørn med lektier, læsning og matematik",
     "school",
     {"children", "young_people"},
     {"homework_help", "teaching"},
     1,
     true},
    {"besøgstjenesten",
     "besøgsven",
     "besøge en ældre borger, der savner nogen at tale med",
     "elderly",
     {"elderly", "lonely"},
     {"visiting_friend", ""},
     1,
     false},
    {"gåholdet",
     "gåmakker",
     "gå ture med beboere fra plejecentret i al slags vejr",
     "health",
     {"elderly", "lonely"},
     {"walking_company", ""},
     0,
     false},
    {"fællesspisningen",
     "køkkenfrivillig",
     "lave mad, dække bord og vaske op til fællesspisningen",
     "culture_and_leisure",
     {"lonely", "all_citizens"},
     {"cooking", ""},
     2,
     false},
    {"sprogcaféen",
     "sprogven",
     "tale dansk med nye borgere over en kop kaffe",
     "refugees_and_integration",
     {"refugees_and_immigrants", ""},
     {"language_cafe", "interpreting"},
     2,
     false},
    {"fodboldklubben",
     "fodboldtræner",
     "træne et hold af børn to gange om ugen",
     "culture_and_leisure",
     {"children", ""},
     {"sports_coaching", "first_aid"},
     1,
     true},
    {"mentorordningen",
     "mentor",
     "støtte en ung på vej mod uddannelse eller job",
     "employment",
     {"young_people", "unemployed"},
     {"mentoring", "job_mentoring"},
     2,
     false},
    {"it-caféen",
     "it-hjælper",
     "hjælpe borgere med MitID, digital post og mobiltelefonen",
     "inclusion",
     {"elderly", "all_citizens"},
     {"it_help", ""},
     0,
     false},
    {"højtlæsningen",
     "højtlæser",
     "læse højt for børnene i dagtilbuddet",
     "day_care",
     {"children", ""},
     {"reading_aloud", ""},
     0,
     true},
    {"naturplejen",
     "naturplejer",
     "passe bede, slå græs og plante træer sammen med borgere",
     "nature_and_environment",
     {"all_citizens", "people_with_disabilities"},
     {"gardening", "nature_guiding"},
     0,
     false},
    {"kørselsordningen",
     "chauffør",
     "køre ældre til aktiviteter, indkøb og lægebesøg",
     "elderly",
     {"elderly", "people_with_disabilities"},
     {"driving", ""},
     0,
     false},
    {"musikken på plejecentret",
     "musiker",
     "spille og synge sammen med beboerne",
     "elderly",
     {"elderly", ""},
     {"music", ""},
     1,
     false},
    {"værestedet",
     "værestedsfrivillig",
     "være en rolig voksen, der lytter og hjælper med det praktiske",
     "mental_health",
     {"people_with_mental_illness", "socially_vulnerable"},
     {"care_support", ""},
     2,
     false},
    {"pårørendegruppen",
     "gruppeleder",
     "lede samtaler i en gruppe for pårørende",
     "health",
     {"relatives", ""},
     {"communication", "care_support"},
     2,
     false},
    {"reparationscaféen",
     "reparatør",
     "reparere cykler, lamper og tøj sammen med de besøgende",
     "nature_and_environment",
     {"all_citizens", ""},
     {"repairs", "crafts"},
     1,
     false},
    {"foreningens bestyrelse",
     "kasserer",
     "holde styr på foreningens regnskab og medlemmer",
     "culture_and_leisure",
     {"all_citizens", ""},
     {"accounting", "board_work"},
     2,
     false},
    {"sommerlejren",
     "lejrleder",
     "planlægge og gennemføre en uge med lejrliv for børn",
     "children_and_young_people",
     {"children", "families"},
     {"event_planning", "childcare"},
     1,
     true},
    {"familievennerne",
     "familieven",
     "være en fast voksen for en familie, der har brug for et netværk",
     "socially_vulnerable",
     {"families", "children"},
     {"mentoring", ""},
     2,
     true},
}};

// How posts speak of their target groups ("… for {group}").
const char* GroupPhrase(std::string_view key) {
  static const std::array<std::pair<std::string_view, const char*>, 12> kPhrases = {{
      {"children", "børn"},
      {"young_people", "unge"},
      {"families", "børnefamilier"},
      {"elderly", "ældre borgere"},
      {"lonely", "ensomme"},
      {"refugees_and_immigrants", "nye borgere i kommunen"},
      {"socially_vulnerable", "socialt udsatte"},
      {"people_with_disabilities", "mennesker med handicap"},
      {"people_with_mental_illness", "mennesker med psykisk sårbarhed"},
      {"relatives", "pårørende"},
      {"unemployed", "ledige"},
      {"all_citizens", "alle borgere"},
  }};
  for (const auto& [k, phrase] : kPhrases)
    if (k == key) return phrase;
  return "borgere";
}

constexpr std::array<const char*, 7> kDays = {"mandag", "tirsdag", "onsdag", "torsdag",
                                              "fredag", "lørdag",  "søndag"};
constexpr std::array<const char*, 3> kSlots = {"formiddag", "eftermiddag", "aften"};

const std::array<const char*, 6> kTitleForms = {
    "Frivillig til {activity}", "Bliv {role} i {town}",  "{Activity} i {town} søger frivillige",
    "Vi mangler en {role}",     "{Role} til {activity}", "Har du tid til {activity}?"};

const std::array<const char*, 5> kOpenings = {
    "{poster} søger {count} frivillige til {activity} i {town}.",
    "Har du lyst til at gøre en forskel for {group}? Så er du måske vores nye {role}.",
    "Vi er en lille gruppe frivillige, der står for {activity} i {town}, og vi mangler flere hænder.",
    "Kunne du tænke dig at bruge et par timer om ugen sammen med {group}?",
    "Foreningerne og kommunen samarbejder om {activity}, og nu søger vi en {role} mere."};

const std::array<const char*, 8> kMiddles = {
    "Du behøver ikke særlige forudsætninger, men du skal kunne lide at være sammen med andre.",
    "Det er en fordel, hvis du har erfaring fra foreningslivet, men det er ikke et krav.",
    "Du får en fast kontaktperson og en grundig introduktion til opgaven.",
    "Vi holder møde for alle frivillige et par gange om året, hvor vi planlægger og hygger.",
    "Mange af vores frivillige er selv pensionister, men alle aldre er velkomne.",
    "Opgaven kan passes ved siden af job eller studie.",
    "Du bliver en del af et godt fællesskab med andre frivillige i foreningen.",
    "Vi lægger vægt på, at du er stabil og kommer, når du har sagt ja."};

const std::array<const char*, 5> kClosings = {
    "Vi tilbyder kaffe, kage og kurser for frivillige.", "Kørsel kan dækkes efter aftale.",
    "Skriv til os, hvis du vil høre mere.", "Du kan starte, så snart vi har mødt hinanden.",
    "Vi glæder os til at høre fra dig."};

// Bokmål for a Norwegian municipality: fewer phrases, the same structure.
const std::array<const char*, 8> kNorwegianActivities = {"leksehjelpen", "besøkstjenesten",  "turgruppa",
                                                         "språkkaféen",  "fotballtreningen", "fellesmiddagen",
                                                         "IT-kaféen",    "sommerleiren"};
const std::array<const char*, 4> kNorwegianSentences = {
    "Vi trenger frivillige som vil være med på {activity} i bydelen.",
    "Du blir en del av et godt fellesskap i foreningen.",
    "Du trenger ingen spesielle forkunnskaper, bare lyst til å hjelpe andre.",
    "Vi tilbyr kaffe, kurs og en fast kontaktperson."};

std::string Capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// "{name}" placeholders; the values are ours, never user input.
std::string Fill(std::string_view form, const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out(form);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (size_t at = out.find(placeholder); at != std::string::npos;
         at = out.find(placeholder, at + value.size()))
      out.replace(at, placeholder.size(), value);
  }
  return out;
}

struct Poster {
  std::optional<int64_t> unit_id;
  std::optional<int64_t> organisation_id;
  std::string name;
  std::string kind;  // the organisation's kind; "" for a unit
};

constexpr int kColumns = 20;
constexpr int kRowsPerInsert = 100;  // 2,000 parameters: within both backends' limits

std::string InsertSql(int rows) {
  std::string sql =
      "INSERT INTO opportunities (municipality_code, unit_id, organisation_id, title, description, skills, "
      "welfare_areas, target_groups, availability, time_note, postcode, capacity, starts_on, ends_on, "
      "involves_children, status, language, organisation_kind, created_at, updated_at) VALUES ";
  for (int r = 0; r < rows; ++r) {
    sql += r ? ",(" : "(";
    for (int c = 0; c < kColumns; ++c) sql += c ? ",?" : "?";
    sql += ")";
  }
  return sql;
}

}  // namespace

Result<OpportunityGeneratorReport> GenerateOpportunities(App& app,
                                                         const OpportunityGeneratorOptions& options) {
  OpportunityGeneratorReport report;
  if (options.opportunities < 0) {
    return InvalidArgument("--opportunities must not be negative", "validation.number");
  }
  if (options.opportunities == 0) return report;
  auto municipality = app.municipalities().Get(options.municipality_code);
  if (!municipality.ok()) return municipality.status();
  const bool norwegian = municipality->country == "no";
  const domain::MunicipalityScope scope(options.municipality_code);
  const domain::Actor actor =
      domain::Actor::System("generator", fmt::format("gen-opportunities-{}", options.seed));
  SeededRandom random(options.seed ^ 0x6F70706F72747569ULL);  // its own stream beside the other generators'
  const std::string now = FormatUtc(std::chrono::system_clock::now());

  // Who posts: the municipality's units, and the organisations it sees (a few made when none).
  std::vector<Poster> units, organisations;
  auto listed = app.units().List(scope);
  if (!listed.ok()) return listed.status();
  if (listed->empty()) {
    // Administrations: the top of a unit hierarchy, so they need no parent.
    for (const char* name : {"Social- og Sundhedsforvaltningen", "Børne- og Ungeforvaltningen",
                             "Kultur- og Fritidsforvaltningen"}) {
      domain::Unit unit;
      unit.kind = domain::UnitKind::kAdministration;
      unit.name = name;
      auto created = app.units().Create(scope, actor, unit);
      if (!created.ok()) return created.status();
      listed->push_back(*created);
      ++report.units_created;
    }
  }
  for (const auto& unit : *listed) units.push_back({unit.id, std::nullopt, unit.name, ""});

  auto lease = app.database().Acquire();
  if (!lease.ok()) return lease.status();
  storage::Connection& connection = **lease;
  auto tx = storage::Transaction::Begin(connection, /*write=*/true);
  if (!tx.ok()) return tx.status();
  auto visible = connection.Query(std::string("SELECT o.id, o.name, o.kind FROM organisations o WHERE ") +
                                      storage::kOrganisationVisibleIn + " ORDER BY o.id LIMIT 500",
                                  {scope.code(), scope.code()});
  if (!visible.ok()) return visible.status();
  for (const auto& row : *visible)
    organisations.push_back({std::nullopt, row.Int(0), row.Text(1), row.Text(2)});
  if (organisations.empty()) {
    const std::array<std::pair<const char*, const char*>, 4> kMade = {{
        {"Frivilligcentret", "humanitarian_association"},
        {"Idrætsforeningen", "popular_education_association"},
        {"Naboskabet", "community"},
        {"Reparationsværkstedet ApS", "social_enterprise"},
    }};
    for (const auto& [name, kind] : kMade) {
      auto made = connection.Query(
          "INSERT INTO organisations (name, kind, is_public, created_at, updated_at) VALUES (?, ?, 1, ?, ?) "
          "RETURNING id",
          {std::string(name), std::string(kind), now, now});
      if (!made.ok()) return made.status();
      const int64_t id = made->front().Int(0);
      const nlohmann::json after = {{"id", id}, {"name", name}, {"kind", kind}, {"is_public", true}};
      SAMSKAB_RETURN_IF_ERROR(storage::RecordAudit(connection, actor, "", "organisation.create",
                                                   "organisation", std::to_string(id), std::nullopt,
                                                   after.dump(), now));
      organisations.push_back({std::nullopt, id, name, kind});
      ++report.organisations_created;
    }
  }

  // Places: most posts near one centre (a municipality's part of the country), some anywhere.
  std::vector<std::string> anywhere;
  for (const auto& postcode : app.postcodes().All())
    if (postcode.centroid && !postcode.is_large_recipient) anywhere.push_back(postcode.code);
  const auto centre = app.postcodes().Lookup(random.Pick(anywhere));
  std::vector<std::string> nearby = storage::PostcodesWithin(app.postcodes(), *centre->centroid, 20);
  std::erase_if(nearby,
                [&](const std::string& code) { return app.postcodes().Lookup(code)->is_large_recipient; });

  std::vector<storage::Value> params;
  params.reserve(static_cast<size_t>(kRowsPerInsert) * kColumns);
  auto flush = [&]() -> Status {
    if (params.empty()) return Status::Ok();
    auto inserted = connection.Execute(InsertSql(static_cast<int>(params.size() / kColumns)), params);
    params.clear();
    return inserted.status();
  };

  for (int64_t i = 0; i < options.opportunities; ++i) {
    const Theme& theme = kThemes.at(random.Below(kThemes.size()));
    const Poster& poster =
        random.Chance(45) || organisations.empty() ? random.Pick(units) : random.Pick(organisations);
    std::optional<std::string> postcode;
    if (!norwegian && !random.Chance(8))
      postcode = random.Chance(75) ? random.Pick(nearby) : random.Pick(anywhere);
    const std::string town = postcode ? app.postcodes().Lookup(*postcode)->town : std::string("kommunen");

    // Times: one to three days at the theme's usual part of the day, now and then another part.
    domain::WeeklyAvailability times;
    const size_t days = 1 + random.Below(3);
    for (size_t d = 0; d < days; ++d) {
      const int day =
          random.Chance(15) ? 5 + static_cast<int>(random.Below(2)) : static_cast<int>(random.Below(5));
      times.Set(day, theme.slot);
      if (random.Chance(20)) times.Set(day, static_cast<int>(random.Below(3)));
    }
    const int first_day = [&] {
      for (int d = 0; d < domain::kDaysPerWeek; ++d)
        if (times.OnDay(d)) return d;
      return 0;
    }();

    std::string title, description;
    std::string language = "da";
    if (norwegian) {
      language = "nb";
      const std::string activity = kNorwegianActivities.at(random.Below(kNorwegianActivities.size()));
      title = fmt::format("Frivillig til {}", activity);
      for (const char* sentence : kNorwegianSentences) {
        if (!description.empty()) description += ' ';
        description += Fill(sentence, {{"activity", activity}});
      }
    } else {
      const std::string group = GroupPhrase(theme.groups[random.Below(theme.groups[1][0] ? 2 : 1)]);
      const std::vector<std::pair<std::string, std::string>> values = {
          {"activity", theme.activity},
          {"Activity", Capitalised(theme.activity)},
          {"role", theme.role},
          {"Role", Capitalised(theme.role)},
          {"town", town},
          {"poster", poster.name},
          {"group", group},
          {"count", std::to_string(1 + random.Below(6))}};
      title = Fill(kTitleForms.at(random.Below(kTitleForms.size())), values);
      description = Fill(kOpenings.at(random.Below(kOpenings.size())), values);
      description += fmt::format(" Som {} skal du {}.", theme.role, theme.task);
      description += fmt::format(" Vi mødes som regel {} {}.", kDays.at(first_day), kSlots.at(theme.slot));
      if (std::string_view(theme.area) == "elderly" && random.Chance(50))
        description += " Sammen gør vi de ældres hverdag lidt lysere.";
      const size_t middle = random.Below(kMiddles.size());
      description += std::string(" ") + kMiddles.at(middle);
      if (random.Chance(50)) description += std::string(" ") + kMiddles.at((middle + 3) % kMiddles.size());
      if (theme.children)
        description += " Da opgaven foregår sammen med børn under 15 år, indhenter vi børneattest.";
      description += std::string(" ") + kClosings.at(random.Below(kClosings.size()));
    }

    std::vector<std::string> skills, groups;
    for (const char* skill : theme.skills)
      if (*skill && (skills.empty() || random.Chance(60))) skills.push_back(skill);
    for (const char* group : theme.groups)
      if (*group) groups.push_back(group);
    const size_t status_draw = random.Below(100);
    const char* status = status_draw < 85 ? "open" : status_draw < 95 ? "closed" : "draft";
    std::optional<std::string> starts_on, ends_on;
    if (random.Chance(50)) starts_on = fmt::format("2026-{:02}-01", 1 + random.Below(12));
    if (random.Chance(15)) ends_on = fmt::format("{}-12-31", random.Chance(50) ? 2025 : 2027);
    if (starts_on && ends_on && *ends_on < *starts_on) starts_on.reset();
    const std::string created = fmt::format("{}-{:02}-{:02}T{:02}:00:00Z", 2025 + random.Below(2),
                                            1 + random.Below(12), 1 + random.Below(28), random.Below(24));

    params.emplace_back(scope.code());
    params.emplace_back(poster.unit_id ? storage::Value(*poster.unit_id) : storage::Value(storage::Null{}));
    params.emplace_back(poster.organisation_id ? storage::Value(*poster.organisation_id)
                                               : storage::Value(storage::Null{}));
    params.emplace_back(title);
    params.emplace_back(description);
    params.emplace_back(domain::JoinKeyList(skills));
    params.emplace_back(fmt::format(",{},", theme.area));
    params.emplace_back(domain::JoinKeyList(groups));
    params.emplace_back(static_cast<int64_t>(times.bits()));
    params.emplace_back(std::string());
    params.emplace_back(storage::NullIfEmpty(postcode));
    params.emplace_back(static_cast<int64_t>(random.Chance(70) ? 1 + random.Below(4) : 5 + random.Below(16)));
    params.emplace_back(storage::NullIfEmpty(starts_on));
    params.emplace_back(storage::NullIfEmpty(ends_on));
    params.emplace_back(int64_t{theme.children});
    params.emplace_back(std::string(status));
    params.emplace_back(language);
    params.emplace_back(poster.organisation_id ? storage::Value(poster.kind)
                                               : storage::Value(storage::Null{}));
    params.emplace_back(created);
    params.emplace_back(created);
    if (params.size() == static_cast<size_t>(kRowsPerInsert) * kColumns) SAMSKAB_RETURN_IF_ERROR(flush());
  }
  SAMSKAB_RETURN_IF_ERROR(flush());
  // One entry for the run: a generator's rows are synthetic, and 100,000 entries would say no more.
  const nlohmann::json after = {{"count", options.opportunities}, {"seed", options.seed}};
  SAMSKAB_RETURN_IF_ERROR(storage::RecordAudit(connection, actor, scope.code(), "opportunity.generate",
                                               "opportunity", "*", std::nullopt, after.dump(), now));
  SAMSKAB_RETURN_IF_ERROR((*tx)->Commit());
  report.opportunities = options.opportunities;

  // Fresh statistics and a merged full-text index after a bulk load, as a database in use has.
  SAMSKAB_RETURN_IF_ERROR(connection.ExecuteScript(
      app.database().backend() == storage::Backend::kPostgres
          ? "VACUUM ANALYZE opportunities, opportunity_search_docs"
          : "INSERT INTO opportunity_search_da (opportunity_search_da) VALUES ('optimize'); "
            "INSERT INTO opportunity_search_nb (opportunity_search_nb) VALUES ('optimize'); ANALYZE"));
  return report;
}

}  // namespace samskab::app
