#include "domain/market/relevance_cases.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace samskab::domain {
namespace {

constexpr int kMorning = 0;
constexpr int kAfternoon = 1;
constexpr int kEvening = 2;

std::optional<GeoPoint> Centre(const PostcodeDirectory& postcodes, const std::string& code) {
  auto found = postcodes.Lookup(code);
  return found ? found->centroid : std::nullopt;
}

std::vector<JudgedVolunteer> MakeVolunteers() {
  const uint32_t afternoons = Weekdays(kAfternoon);
  const uint32_t evenings = Weekdays(kEvening);
  const uint32_t mornings = Weekdays(kMorning);
  // Farum 3520, Værløse 3500, Birkerød 3460, Hillerød 3400, Ballerup 2750, København NV 2400,
  // Aarhus C 8000: Furesø and its neighbours, and one far away.
  return {
      {1, "Anna (besøgsven, Farum)", ",visiting_friend,walking_company,", ",gåture,kaffe,", ",da,en,",
       ",elderly,", ",elderly,lonely,", afternoons, "3520", 10},
      {2, "Bent (chauffør, Værløse)", ",driving,", ",", ",da,", ",elderly,", ",elderly,", mornings, "3500",
       20},
      {3, "Camilla (lektiehjælp, Ballerup, attest)", ",homework_help,teaching,", ",matematik,dansk,",
       ",da,en,ar,", ",children_and_young_people,school,", ",children,refugees_and_immigrants,", afternoons,
       "2750", 15, true},
      {4, "Dalia (sprogcafé, NV)", ",language_cafe,interpreting,", ",", ",ar,da,en,",
       ",refugees_and_integration,", ",refugees_and_immigrants,", evenings, "2400", 10},
      {5, "Erik (IT-hjælp, Farum)", ",it_help,", ",smartphone,mitid,", ",da,", ",elderly,", ",elderly,",
       evenings, "3520", 5},
      {6, "Fatima (lektiehjælp, Farum, ingen attest)", ",homework_help,", ",", ",ar,da,", ",school,",
       ",children,", afternoons, "3520", 15},
      {7, "Gustav (fodboldtræner, Værløse, attest)", ",sports_coaching,", ",fodbold,", ",da,",
       ",culture_and_leisure,", ",children,young_people,", Weekdays(kAfternoon) | Weekend(), "3500", 10,
       true},
      {8, "Hanne (madlavning, NV)", ",cooking,", ",suppekøkken,", ",da,", ",socially_vulnerable,",
       ",socially_vulnerable,", Weekend(), "2400", 10},
      {9, "Ib (besøgsven, Aarhus)", ",visiting_friend,", ",", ",da,", ",elderly,", ",elderly,lonely,",
       afternoons, "8000", 10},
      {10, "Jonas (IT-hjælp, Farum, intet samtykke)", ",it_help,", ",smartphone,", ",da,en,", ",elderly,",
       ",elderly,", evenings, "3520", 10, false, false},
      {11, "Karin (besøgsven, Farum, privat)", ",visiting_friend,", ",", ",da,", ",elderly,",
       ",elderly,lonely,", afternoons, "3520", 10, false, true, false},
      {12, "Lars (tolk, Hillerød)", ",interpreting,", ",", ",da,uk,ru,", ",refugees_and_integration,",
       ",refugees_and_immigrants,", mornings | afternoons, "3400", 30},
      {13, "Mette (højtlæsning, Farum, attest)", ",reading_aloud,visiting_friend,", ",bøger,", ",da,",
       ",elderly,children_and_young_people,", ",children,elderly,", afternoons, "3520", 10, true},
      {14, "Nadia (sprogcafé, Værløse)", ",language_cafe,", ",", ",uk,da,", ",refugees_and_integration,",
       ",refugees_and_immigrants,", evenings, "3500", 25},
      {15, "Ole (naturvejleder, Birkerød)", ",gardening,nature_guiding,", ",fugle,", ",da,",
       ",nature_and_environment,", ",all_citizens,", Weekend(), "3460", 15},
      {16, "Pia (regnskab, Ballerup)", ",accounting,board_work,", ",", ",da,en,", ",employment,",
       ",unemployed,", evenings, "2750", 20},
      {17, "Rasmus (IT-hjælp, Farum, inaktiv)", ",it_help,", ",smartphone,", ",da,", ",elderly,", ",elderly,",
       evenings, "3520", 10, false, true, true, false},
      {18, "Sofie (musik, Farum)", ",music,", ",guitar,fællessang,", ",da,", ",elderly,", ",elderly,lonely,",
       evenings, "3520", 10},
      {19, "Tobias (gåture, Værløse)", ",walking_company,", ",", ",da,", ",elderly,", ",lonely,", afternoons,
       "3500", 10},
      {20, "Ulla (mentor, Ballerup)", ",job_mentoring,mentoring,", ",cv,", ",da,en,", ",employment,",
       ",unemployed,refugees_and_immigrants,", mornings, "2750", 20},
  };
}

std::vector<JudgedNeed> MakeNeeds() {
  const uint32_t afternoons = Weekdays(kAfternoon);
  const uint32_t evenings = Weekdays(kEvening);
  return {
      {"Besøgsven til ældre i Farum",
       "Vi søger frivillige besøgsvenner, der vil gå ture og drikke kaffe med ensomme ældre.",
       ",visiting_friend,",
       ",da,",
       "elderly",
       "lonely",
       afternoons,
       "3520",
       false,
       {1, 13, 19},
       {9, 11}},
      {"Lektiehjælp til børn i Ballerup",
       "Lektiecafé for børn med arabisk baggrund; matematik og dansk.",
       ",homework_help,",
       ",ar,",
       "school",
       "children",
       afternoons,
       "2750",
       true,
       {3},
       {6}},
      {"IT-hjælp til ældre",
       "Hjælp ældre borgere med smartphone og MitID om aftenen.",
       ",it_help,",
       ",da,",
       "elderly",
       "elderly",
       evenings,
       "3520",
       false,
       {5},
       {10, 17}},
      {"Tolke til ukrainske flygtninge",
       "Vi har brug for frivillige, der taler ukrainsk, ved borgermøder.",
       ",interpreting,",
       ",uk,",
       "refugees_and_integration",
       "refugees_and_immigrants",
       Weekdays(kMorning) | afternoons,
       "3400",
       false,
       {12, 14},
       {}},
      {"Fodboldtræner til børneholdet",
       "Træner til fodbold for børn under 12 år om eftermiddagen.",
       ",sports_coaching,",
       ",da,",
       "culture_and_leisure",
       "children",
       afternoons,
       "3500",
       true,
       {7},
       {}},
      {"Sprogcafé for nye borgere",
       "Frivillige til sprogcafé om aftenen; arabisk en fordel.",
       ",language_cafe,",
       ",da,ar,",
       "refugees_and_integration",
       "refugees_and_immigrants",
       evenings,
       "2400",
       false,
       {4},
       {}},
  };
}

}  // namespace

uint32_t Weekdays(int slot) {
  uint32_t bits = 0;
  for (int day = 0; day < 5; ++day) bits |= 1U << (day * 3 + slot);
  return bits;
}

uint32_t Weekend() {
  uint32_t bits = 0;
  for (int cell = 5 * 3; cell < 7 * 3; ++cell) bits |= 1U << cell;
  return bits;
}

const std::vector<JudgedVolunteer>& JudgedVolunteers() {
  static const std::vector<JudgedVolunteer> kVolunteers = MakeVolunteers();
  return kVolunteers;
}

const std::vector<JudgedNeed>& JudgedNeeds() {
  static const std::vector<JudgedNeed> kNeeds = MakeNeeds();
  return kNeeds;
}

MatchProfile ToMatchProfile(const JudgedVolunteer& v, const PostcodeDirectory& postcodes) {
  MatchProfile p;
  p.id = v.id;
  p.skills = SkillListMask(v.skills);
  p.languages = LanguageListMask(v.languages);
  p.text_mask = TextMask(v.tags);
  p.availability = v.availability;
  p.welfare_areas = WelfareAreaListMask(v.welfare_areas);
  p.target_groups = TargetGroupListMask(v.target_groups);
  p.lat = p.lon = std::numeric_limits<float>::quiet_NaN();
  if (auto centre = Centre(postcodes, v.postcode)) {
    p.lat = static_cast<float>(centre->lat);
    p.lon = static_cast<float>(centre->lon);
  }
  p.travel_km = static_cast<uint16_t>(v.travel_km);
  uint8_t flags = 0;
  if (v.active) flags |= kMatchActive;
  if (v.consent) flags |= kMatchConsent;
  if (v.visible) flags |= kMatchVisible;
  if (v.certificate) flags |= kMatchCertificate;
  p.flags = flags;
  return p;
}

MatchQuery ToMatchQuery(const JudgedNeed& need, const PostcodeDirectory& postcodes) {
  MatchQuery q;
  q.skills = SkillListMask(need.skills);
  q.languages = LanguageListMask(need.languages);
  if (auto bit = WelfareAreaBit(need.welfare_area)) q.welfare_areas = static_cast<uint16_t>(1U << *bit);
  if (auto bit = TargetGroupBit(need.target_group)) q.target_groups = static_cast<uint16_t>(1U << *bit);
  q.availability = need.availability;
  q.place = Centre(postcodes, need.postcode);
  q.requires_certificate = need.involves_children;
  q.words = QueryWords(need.title + " " + need.description);
  q.limit = 10;
  return q;
}

RelevanceScore ScoreRelevance(const PostcodeDirectory& postcodes) {
  VolunteerIndex index;
  for (const JudgedVolunteer& v : JudgedVolunteers()) index.Append(ToMatchProfile(v, postcodes));
  RelevanceScore score;
  for (const JudgedNeed& need : JudgedNeeds()) {
    const auto results = index.Rank(ToMatchQuery(need, postcodes));
    int fitting = 0;
    for (const MatchResult& r : results) {
      if (std::count(need.relevant.begin(), need.relevant.end(), r.id) > 0) ++fitting;
      if (std::count(need.excluded.begin(), need.excluded.end(), r.id) > 0) ++score.excluded_proposed;
    }
    score.precision_at_10 +=
        results.empty() ? 0.0 : static_cast<double>(fitting) / static_cast<double>(results.size());
    score.recall_at_10 += need.relevant.empty()
                              ? 1.0
                              : static_cast<double>(fitting) / static_cast<double>(need.relevant.size());
    ++score.cases;
  }
  if (score.cases > 0) {
    score.precision_at_10 /= score.cases;
    score.recall_at_10 /= score.cases;
  }
  return score;
}

}  // namespace samskab::domain
