#include "app/volunteer_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/embedded.h"
#include "domain/audit/audit.h"
#include "domain/market/availability.h"
#include "domain/market/skills.h"
#include "domain/vocabulary/vocabulary.h"
#include "storage/audit_store.h"
#include "storage/market_changes.h"

namespace samskab::app {
namespace {

// Common Danish first names and surnames (the most frequent in Denmark's name statistics, written
// down from general knowledge; a list of facts, not a copied list).
constexpr std::array<std::string_view, 48> kFirstNames = {
    "Anne",      "Kirsten",  "Mette",   "Hanne",    "Helle",  "Anna",   "Susanne",   "Lene",
    "Maria",     "Marianne", "Lone",    "Camilla",  "Pia",    "Louise", "Charlotte", "Bente",
    "Tina",      "Inge",     "Ida",     "Emma",     "Sofie",  "Freja",  "Karen",     "Birgitte",
    "Peter",     "Jens",     "Michael", "Lars",     "Henrik", "Thomas", "Søren",     "Jan",
    "Christian", "Martin",   "Niels",   "Anders",   "Morten", "Jesper", "Mads",      "Rasmus",
    "Hans",      "Per",      "Ole",     "Frederik", "Mikkel", "Jonas",  "Ahmad",     "Olena",
};
constexpr std::array<std::string_view, 40> kSurnames = {
    "Nielsen",  "Jensen",       "Hansen",    "Pedersen",    "Andersen",     "Christensen", "Larsen",
    "Sørensen", "Rasmussen",    "Jørgensen", "Petersen",    "Madsen",       "Kristensen",  "Olsen",
    "Thomsen",  "Christiansen", "Poulsen",   "Johansen",    "Møller",       "Mortensen",   "Knudsen",
    "Jakobsen", "Mikkelsen",    "Olesen",    "Frederiksen", "Laursen",      "Henriksen",   "Lund",
    "Holm",     "Schmidt",      "Eriksen",   "Kristiansen", "Nielsen-Holm", "Clausen",     "Simonsen",
    "Svendsen", "Andreasen",    "Iversen",   "Østergaard",  "Jeppesen",
};

// Skills by how often volunteers offer them: the first ones common, the last rare (Zipf-like
// weights 1/(rank+1)). Keys from domain/market/skills.h.
constexpr std::array<std::string_view, 28> kSkillsByPopularity = {
    "visiting_friend", "walking_company", "driving",      "cooking",       "homework_help",   "it_help",
    "event_planning",  "crafts",          "gardening",    "reading_aloud", "sports_coaching", "music",
    "language_cafe",   "mentoring",       "care_support", "childcare",     "repairs",         "teaching",
    "communication",   "fundraising",     "first_aid",    "photography",   "nature_guiding",  "job_mentoring",
    "board_work",      "accounting",      "interpreting", "legal_advice",
};

// Free tags some volunteers add (folded as NormaliseSkillTags would).
constexpr std::array<std::string_view, 24> kTags = {
    "kaffe",    "brætspil", "strik",      "fodbold", "smartphone", "cykling",  "bøger",    "guitar",
    "bagning",  "skak",     "fællessang", "lektier", "matematik",  "engelsk",  "mitid",    "fugle",
    "svømning", "fiskeri",  "syning",     "dans",    "krydsord",   "kortspil", "petanque", "madpakker",
};

// Languages beside Danish and English, with the per-mille share that speaks each.
struct LanguageShare {
  std::string_view code;
  int per_mille;
};
constexpr std::array<LanguageShare, 14> kOtherLanguages = {{
    {"de", 150},
    {"sv", 80},
    {"nb", 60},
    {"fr", 40},
    {"es", 40},
    {"ar", 30},
    {"uk", 20},
    {"pl", 15},
    {"tr", 15},
    {"fa", 12},
    {"so", 8},
    {"ur", 6},
    {"ti", 5},
    {"ku", 5},
}};

// Per-cent chance of each part of the day: weekdays, then weekends (evenings and weekends are
// when most volunteers have time).
constexpr std::array<int, 3> kWeekdayChance = {12, 20, 40};
constexpr std::array<int, 3> kWeekendChance = {35, 40, 22};

constexpr std::array<int, 10> kTravelKm = {2, 5, 5, 10, 10, 10, 15, 20, 30, 50};

constexpr int64_t kRowsPerInsert = 1000;  // 17,000 parameters: within both backends' limits
constexpr int64_t kRowsPerTransaction = 50000;

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }

 private:
  uint64_t state_;
};

struct Place {
  std::string code;
  double lat = 0;
  double lon = 0;
};

// The municipality's visual centre from the embedded DAWA list, or nullopt (Norway, unknown).
std::optional<domain::GeoPoint> MunicipalityCentre(const std::string& code) {
  auto json =
      nlohmann::json::parse(embedded::Find("data/dk/kommuner_dataforsyningen_2024.json"), nullptr, false);
  if (!json.is_array()) return std::nullopt;
  for (const auto& m : json) {
    if (m.value("kode", "") != code) continue;
    const auto& centre = m.value("visueltcenter", nlohmann::json::array());
    if (centre.size() != 2) return std::nullopt;
    return domain::GeoPoint{centre[1].get<double>(), centre[0].get<double>()};
  }
  return std::nullopt;
}

// Postcodes in three rings around the municipality's centre: its own (within 6 km), its
// neighbours (within 30 km) and the rest of Denmark.
struct PostcodeRings {
  std::vector<Place> home;
  std::vector<Place> near;
  std::vector<Place> all;
};

PostcodeRings MakeRings(const domain::PostcodeDirectory& postcodes,
                        const std::optional<domain::GeoPoint>& centre) {
  PostcodeRings rings;
  for (const domain::Postcode& p : postcodes.All()) {
    if (!p.centroid || p.is_large_recipient) continue;
    Place place{p.code, p.centroid->lat, p.centroid->lon};
    rings.all.push_back(place);
    if (!centre) continue;
    const double km = domain::DistanceKm(*centre, *p.centroid);
    if (km <= 6) rings.home.push_back(place);
    if (km <= 30) rings.near.push_back(place);
  }
  if (rings.home.empty()) rings.home = rings.near;
  if (rings.home.empty()) rings.home = rings.all;
  if (rings.near.empty()) rings.near = rings.all;
  return rings;
}

std::string KeyList(std::vector<std::string_view> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::string out = ",";
  for (auto key : keys) {
    out += key;
    out += ',';
  }
  return out;
}

class VolunteerMaker {
 public:
  VolunteerMaker(uint64_t seed, PostcodeRings rings, bool danish)
      : random_(seed), rings_(std::move(rings)), danish_(danish) {
    double total = 0;
    for (size_t i = 0; i < kSkillsByPopularity.size(); ++i) {
      total += 1.0 / static_cast<double>(i + 1);
      skill_cumulative_[i] = total;
    }
    for (double& c : skill_cumulative_) c /= total;
  }

  std::vector<storage::Value> Profile(const std::string& now) {
    using storage::Null;
    using storage::Value;
    // Skills: one to four, Zipf-like.
    std::vector<std::string_view> skills;
    const size_t draw = random_.Below(100);
    const int n_skills = draw < 35 ? 1 : draw < 70 ? 2 : draw < 90 ? 3 : 4;
    skills.reserve(static_cast<size_t>(n_skills));
    for (int i = 0; i < n_skills; ++i) skills.push_back(PickSkill());
    std::vector<std::string_view> tags;
    if (random_.Chance(30)) {
      tags.push_back(kTags[random_.Below(kTags.size())]);
      if (random_.Chance(40)) tags.push_back(kTags[random_.Below(kTags.size())]);
    }
    std::vector<std::string_view> languages;
    if (random_.Chance(95)) languages.emplace_back("da");
    if (random_.Chance(75)) languages.emplace_back("en");
    for (const auto& other : kOtherLanguages) {
      if (random_.Below(1000) < static_cast<size_t>(other.per_mille)) languages.push_back(other.code);
    }
    if (languages.empty()) languages.emplace_back("en");
    uint32_t availability = 0;
    for (int day = 0; day < domain::kDaysPerWeek; ++day) {
      for (int slot = 0; slot < domain::kSlotsPerDay; ++slot) {
        const int chance = day < 5 ? kWeekdayChance[slot] : kWeekendChance[slot];
        if (random_.Chance(chance)) availability |= 1U << (day * domain::kSlotsPerDay + slot);
      }
    }
    if (availability == 0) availability = 1U << (random_.Below(5) * domain::kSlotsPerDay + 2);
    Value postcode = Null{};
    if (danish_) {
      const size_t ring = random_.Below(100);
      const auto& pool = ring < 20 ? rings_.home : ring < 50 ? rings_.near : rings_.all;
      postcode = pool[random_.Below(pool.size())].code;
    }
    const auto areas = domain::BuiltInTerms(domain::Vocabulary::kWelfareArea);
    const auto groups = domain::BuiltInTerms(domain::Vocabulary::kTargetGroup);
    std::vector<std::string_view> welfare = {areas[random_.Below(areas.size())]};
    if (random_.Chance(50)) welfare.push_back(areas[random_.Below(areas.size())]);
    if (random_.Chance(15)) welfare.push_back(areas[random_.Below(areas.size())]);
    std::vector<std::string_view> targets = {groups[random_.Below(groups.size())]};
    if (random_.Chance(40)) targets.push_back(groups[random_.Below(groups.size())]);
    const size_t certificate_draw = random_.Below(100);
    Value certificate_on = Null{};
    std::string certificate = "none";
    if (certificate_draw < 25) {
      certificate = "obtained";
      certificate_on = fmt::format("{}-{:02}-{:02}", 2023 + random_.Below(3), 1 + random_.Below(12),
                                   1 + random_.Below(28));
    } else if (certificate_draw < 30) {
      certificate = "requested";
    }
    const size_t visibility_draw = random_.Below(100);
    const char* visibility = visibility_draw < 60   ? "municipalities"
                             : visibility_draw < 80 ? "public"
                                                    : "private";
    const int64_t consent = random_.Chance(80) ? 1 : 0;
    const int64_t active = random_.Chance(92) ? 1 : 0;
    const int64_t travel = kTravelKm[random_.Below(kTravelKm.size())];
    return {std::string(),
            KeyList(skills),
            tags.empty() ? std::string(",") : KeyList(tags),
            KeyList(languages),
            static_cast<int64_t>(availability),
            postcode,
            travel,
            KeyList(welfare),
            KeyList(targets),
            certificate,
            certificate_on,
            std::string(visibility),
            consent,
            active,
            now,
            now};
  }

  std::string Name() {
    return fmt::format("{} {}", kFirstNames[random_.Below(kFirstNames.size())],
                       kSurnames[random_.Below(kSurnames.size())]);
  }

 private:
  std::string_view PickSkill() {
    const double u = static_cast<double>(random_.Next() >> 11) / static_cast<double>(1ULL << 53);
    const auto it = std::lower_bound(skill_cumulative_.begin(), skill_cumulative_.end(), u);
    return kSkillsByPopularity[std::min<size_t>(it - skill_cumulative_.begin(),
                                                kSkillsByPopularity.size() - 1)];
  }

  Random random_;
  PostcodeRings rings_;
  bool danish_;
  std::array<double, kSkillsByPopularity.size()> skill_cumulative_{};
};

constexpr std::string_view kProfileColumns =
    "user_id, about, skills, skill_tags, languages, availability, postcode, travel_km, welfare_areas, "
    "target_groups, child_certificate, child_certificate_on, visibility, consent_matching, active, "
    "created_at, "
    "updated_at";
constexpr size_t kProfileValues = 17;

std::string Placeholders(size_t rows, size_t columns) {
  std::string one = "(";
  for (size_t c = 0; c < columns; ++c) one += c == 0 ? "?" : ", ?";
  one += ")";
  std::string all;
  all.reserve(rows * (one.size() + 2));
  for (size_t r = 0; r < rows; ++r) {
    if (r > 0) all += ", ";
    all += one;
  }
  return all;
}

// One statement's worth: the users, their profiles, and the profiles' ids for the change log.
Status InsertBatch(storage::Connection& connection, VolunteerMaker& maker, int64_t first, int64_t rows,
                   uint64_t seed, const std::string& now, std::vector<int64_t>& profile_ids) {
  storage::Params user_params;
  user_params.reserve(static_cast<size_t>(rows) * 4);
  for (int64_t i = 0; i < rows; ++i) {
    user_params.emplace_back(fmt::format("frivillig-{}-{}@example.invalid", seed, first + i));
    user_params.emplace_back(maker.Name());
    user_params.emplace_back(std::string("!generated"));  // matches no password: nobody logs in
    user_params.emplace_back(now);
  }
  auto users = connection.Query(
      fmt::format(
          "INSERT INTO users (email, display_name, password_hash, created_at) VALUES {} RETURNING id, email",
          Placeholders(static_cast<size_t>(rows), 4)),
      user_params);
  if (!users.ok()) return users.status();
  // RETURNING's order is not promised: each profile takes its user by e-mail.
  std::unordered_map<std::string, int64_t> user_ids;
  user_ids.reserve(users->size());
  for (const auto& row : *users) user_ids.emplace(row.Text(1), row.Int(0));
  storage::Params profile_params;
  profile_params.reserve(static_cast<size_t>(rows) * kProfileValues);
  for (int64_t i = 0; i < rows; ++i) {
    profile_params.emplace_back(user_ids.at(fmt::format("frivillig-{}-{}@example.invalid", seed, first + i)));
    for (auto& value : maker.Profile(now)) profile_params.push_back(std::move(value));
  }
  auto profiles =
      connection.Query(fmt::format("INSERT INTO volunteer_profiles ({}) VALUES {} RETURNING id",
                                   kProfileColumns, Placeholders(static_cast<size_t>(rows), kProfileValues)),
                       profile_params);
  if (!profiles.ok()) return profiles.status();
  for (const auto& row : *profiles) profile_ids.push_back(row.Int(0));
  return Status::Ok();
}

}  // namespace

Result<int64_t> GenerateVolunteers(App& app, const VolunteerGeneratorOptions& options) {
  if (options.volunteers < 0)
    return InvalidArgument("--volunteers must not be negative", "validation.number");
  if (options.volunteers == 0) return int64_t{0};
  const bool danish = options.municipality_code.rfind("no-", 0) != 0;
  const SystemClock clock;
  const std::string now = FormatUtc(clock.Now());
  const domain::Actor actor =
      domain::Actor::System("generator", fmt::format("gen-volunteers-{}", options.seed));
  VolunteerMaker maker(options.seed ^ 0x766f6c756e746565ULL,
                       MakeRings(app.postcodes(), MunicipalityCentre(options.municipality_code)), danish);
  // Earlier runs' volunteers keep their addresses: numbering continues after them.
  int64_t first = 0;
  {
    auto lease = app.database().Acquire();
    if (!lease.ok()) return lease.status();
    auto count = (*lease)->Query("SELECT COUNT(*) FROM volunteer_profiles");
    if (!count.ok()) return count.status();
    first = count->front().Int(0);
  }
  for (int64_t done = 0; done < options.volunteers;) {
    const int64_t in_transaction = std::min(kRowsPerTransaction, options.volunteers - done);
    auto written = storage::InWriteTransaction<int64_t>(
        app.database(), [&](storage::Connection& connection) -> Result<int64_t> {
          std::vector<int64_t> profile_ids;
          profile_ids.reserve(static_cast<size_t>(in_transaction));
          for (int64_t batch = 0; batch < in_transaction; batch += kRowsPerInsert) {
            const int64_t rows = std::min(kRowsPerInsert, in_transaction - batch);
            SAMSKAB_RETURN_IF_ERROR(
                InsertBatch(connection, maker, first + done + batch, rows, options.seed, now, profile_ids));
          }
          std::sort(profile_ids.begin(), profile_ids.end());
          SAMSKAB_RETURN_IF_ERROR(storage::RecordVolunteerChanges(connection, profile_ids, clock));
          // One audit entry per transaction, like the CSV import's one per import: the rows are
          // synthetic and a million entries would say nothing more.
          const nlohmann::json after = {{"volunteers", in_transaction},
                                        {"first_profile_id", profile_ids.front()},
                                        {"last_profile_id", profile_ids.back()},
                                        {"seed", options.seed}};
          SAMSKAB_RETURN_IF_ERROR(storage::RecordAudit(
              connection, actor, std::string(), "volunteer.generate", "volunteer_profile",
              std::to_string(profile_ids.front()), std::nullopt, after.dump(), now));
          return in_transaction;
        });
    if (!written.ok()) return written.status();
    done += *written;
  }
  auto lease = app.database().Acquire();
  if (!lease.ok()) return lease.status();
  SAMSKAB_RETURN_IF_ERROR(
      (*lease)->ExecuteScript(app.database().backend() == storage::Backend::kPostgres
                                  ? "VACUUM ANALYZE users, volunteer_profiles, market_changes"
                                  : "ANALYZE"));
  return options.volunteers;
}

}  // namespace samskab::app
