// Issue 5's matching figures: a need against every volunteer profile in the database (bench/
// matching.sh fills it with `samskab gen --volunteers 1000000`), top 20 with each factor's
// points, through the in-memory index (storage/volunteer_index.h) the API uses:
//   - the index's load time and its memory per profile (the vector's capacity, and the process's
//     resident memory before and after the load);
//   - p50/p95 per match with one and with two scanning threads (each match first asks the change
//     log for new entries, as in `samskab serve`);
//   - on PostgreSQL the same ranking as ONE SQL query (same factors, weights, skill weights and
//     hard constraints; the postcode centroids in a helper table, since they live in the binary),
//     p50/p95, how many of the 20 both put in their top 20, and the ratio;
//   - precision@10 and recall@10 over the hand-judged cases (domain/market/relevance_cases.h).
// Nothing is asserted; the numbers go to standard output.
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "domain/market/matching.h"
#include "domain/market/relevance_cases.h"
#include "domain/market/skills.h"
#include "figure_support.h"
#include "storage/volunteer_index.h"

namespace {

using samskab::bench::Die;
using samskab::bench::Percentiles;
using samskab::bench::Summarise;
using samskab::bench::Time;
namespace domain = samskab::domain;
namespace storage = samskab::storage;

size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0;
  size_t resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

// The judged needs and a few more across Denmark (rare and common skills, with and without
// children, towns large and small).
std::vector<domain::JudgedNeed> BenchNeeds() {
  std::vector<domain::JudgedNeed> needs = domain::JudgedNeeds();
  const uint32_t evenings = domain::Weekdays(2);
  const uint32_t weekend = domain::Weekend();
  needs.push_back({"Besøgsvenner i Aarhus",
                   "Ensomme ældre søger en besøgsven til kaffe og en gåtur.",
                   ",visiting_friend,walking_company,",
                   ",da,",
                   "elderly",
                   "lonely",
                   evenings | weekend,
                   "8000",
                   false,
                   {},
                   {}});
  needs.push_back({"Chauffør til indkøb",
                   "Kør ældre borgere til indkøb og læge.",
                   ",driving,",
                   ",da,",
                   "elderly",
                   "elderly",
                   domain::Weekdays(0),
                   "5000",
                   false,
                   {},
                   {}});
  needs.push_back({"Lektiecafé i Aalborg",
                   "Lektiehjælp i matematik og dansk for børn.",
                   ",homework_help,teaching,",
                   ",da,ar,",
                   "school",
                   "children",
                   domain::Weekdays(1),
                   "9000",
                   true,
                   {},
                   {}});
  needs.push_back({"IT-café",
                   "Hjælp med smartphone, MitID og e-Boks.",
                   ",it_help,",
                   ",da,",
                   "elderly",
                   "elderly",
                   evenings,
                   "6700",
                   false,
                   {},
                   {}});
  needs.push_back({"Juridisk rådgivning for flygtninge",
                   "Frivillige jurister til rådgivning om familiesammenføring.",
                   ",legal_advice,interpreting,",
                   ",ar,fa,",
                   "refugees_and_integration",
                   "refugees_and_immigrants",
                   evenings,
                   "2200",
                   false,
                   {},
                   {}});
  needs.push_back({"Regnskab for foreningen",
                   "Kasserer til en lille forening i Farum.",
                   ",accounting,board_work,",
                   ",da,",
                   "culture_and_leisure",
                   "all_citizens",
                   evenings,
                   "3520",
                   false,
                   {},
                   {}});
  return needs;
}

// The same ranking as one PostgreSQL query: the engine's factors and weights term by term.
struct SqlRanking {
  std::string sql;
  storage::Params params;
};

SqlRanking RankingSql(const domain::JudgedNeed& need, const domain::MatchQuery& query,
                      const domain::SkillWeights& skill_weights) {
  const domain::MatchWeights w;
  SqlRanking out;
  std::string score = "0";
  auto has_key = [&](const std::string& column, const std::string& key) {
    out.params.emplace_back(fmt::format("%,{},%", key));
    return fmt::format("(CASE WHEN p.{} LIKE ? THEN 1 ELSE 0 END)", column);
  };
  if (!need.welfare_area.empty())
    score += fmt::format(" + {} * {}", w.welfare_area, has_key("welfare_areas", need.welfare_area));
  if (!need.target_group.empty())
    score += fmt::format(" + {} * {}", w.target_group, has_key("target_groups", need.target_group));
  const auto skills = domain::SplitKeyList(need.skills);
  double skill_total = 0;
  for (const auto& key : skills) skill_total += skill_weights.Weight(*domain::SkillBit(key));
  if (!skills.empty()) {
    std::string sum = "0";
    for (const auto& key : skills) {
      sum += fmt::format(" + {:.17g} * {}", skill_weights.Weight(*domain::SkillBit(key)),
                         has_key("skills", key));
    }
    score += fmt::format(" + {} * ({}) / {:.17g}", w.skills, sum, skill_total);
  }
  const auto languages = domain::SplitKeyList(need.languages);
  if (!languages.empty()) {
    std::string sum = "0";
    for (const auto& key : languages) sum += " + " + has_key("languages", key);
    score += fmt::format(" + {} * ({})::float8 / {}", w.languages, sum, languages.size());
  }
  score += fmt::format(" + COALESCE({} * GREATEST(0, 1 - c.km / {}), 0)", w.distance, w.distance_zero_km);
  if (query.availability != 0) {
    out.params.emplace_back(static_cast<int64_t>(query.availability));
    score += fmt::format(" + {} * bit_count((p.availability & ?::int)::bit(21))::float8 / {}", w.availability,
                         std::popcount(query.availability));
  }
  std::vector<std::string> words;
  for (const auto& word : domain::TextWords(need.title + " " + need.description)) {
    if (std::find(words.begin(), words.end(), word) == words.end() && words.size() < 16)
      words.push_back(word);
  }
  if (!words.empty()) {
    std::string sum = "0";
    for (const auto& word : words) {
      out.params.emplace_back("," + word);
      out.params.emplace_back(" " + word);
      sum += " + (CASE WHEN strpos(p.skill_tags, ?) > 0 OR strpos(p.skill_tags, ?) > 0 THEN 1 ELSE 0 END)";
    }
    score +=
        fmt::format(" + {} * LEAST(1, ({})::float8 / {})", w.text, sum, std::min<size_t>(3, words.size()));
  }
  // The placeholders in text order: the score's, then the three of the distance.
  out.params.emplace_back(query.place->lat);
  out.params.emplace_back(query.place->lat);
  out.params.emplace_back(query.place->lon);
  out.sql = fmt::format(
      "SELECT id, score, km FROM ("
      " SELECT p.id, c.km, {} AS score"
      " FROM volunteer_profiles p"
      " LEFT JOIN LATERAL (SELECT 2 * 6371.0088 * asin(sqrt(power(sin(radians(b.lat - ?::float8) / 2), 2)"
      "   + cos(radians(?::float8)) * cos(radians(b.lat)) * power(sin(radians(b.lon - ?::float8) / 2), 2))) "
      "AS km"
      "   FROM bench_postcodes b WHERE b.code = p.postcode) c ON true"
      " WHERE p.active = 1 AND p.consent_matching = 1 AND p.visibility IN ('municipalities', 'public'){}"
      "   AND (c.km IS NULL OR c.km <= p.travel_km)"
      "   AND NOT EXISTS (SELECT 1 FROM match_marks m WHERE m.subject_kind = 'need' AND m.subject_id = 0"
      "     AND m.candidate_kind = 'volunteer' AND m.candidate_id = p.id AND m.mark = 'not_relevant')"
      ") s ORDER BY score DESC, km ASC NULLS LAST, id LIMIT 20",
      score, need.involves_children ? " AND p.child_certificate = 'obtained'" : "");
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  samskab::bench::SetFigureProgram("samskab_matching_bench");
  const auto args = samskab::bench::ReadFigureArgs(argc, argv, 20, 3);
  samskab::SystemClock clock;
  auto app = samskab::bench::OpenDemoApp(args.url, clock);
  const bool postgres = app->database().backend() == storage::Backend::kPostgres;
  const char* backend = postgres ? "PostgreSQL" : "SQLite";

  storage::VolunteerIndex index(app->database(), app->postcodes());
  const size_t rss_before = ResidentBytes();
  const double load_ms = Time([&] {
    if (auto status = index.Refresh(); !status.ok()) Die(status.log_message());
  });
  const size_t rss_after = ResidentBytes();
  const size_t n = std::max<size_t>(1, index.size());
  std::printf("matching (issue 5) on %s: %zu volunteer profiles\n", backend, index.size());
  std::printf("  index load (one keyset-paged SELECT)      %10.0f ms\n", load_ms);
  std::printf("  index bytes per profile (capacity)        %10.1f B (record %zu B)\n",
              static_cast<double>(index.BytesUsed()) / static_cast<double>(n), sizeof(domain::MatchProfile));
  std::printf("  resident memory growth per profile        %10.1f B (the process, load garbage included)\n",
              static_cast<double>(rss_after - std::min(rss_after, rss_before)) / static_cast<double>(n));

  // What each match pays before it scans: one read of the change log (nothing new here).
  {
    std::vector<double> ms;
    for (int i = 0; i < 50; ++i) {
      ms.push_back(Time([&] {
        if (auto status = index.Refresh(); !status.ok()) Die(status.log_message());
      }));
    }
    const Percentiles p = Summarise(ms);
    std::printf("  change-log check before each match        p50 %7.2f ms   p95 %7.2f ms\n", p.p50, p.p95);
  }

  const auto needs = BenchNeeds();
  std::vector<domain::MatchQuery> queries;
  for (const auto& need : needs) {
    auto query = domain::ToMatchQuery(need, app->postcodes());
    query.limit = 20;
    queries.push_back(std::move(query));
  }
  std::vector<std::vector<domain::MatchResult>> engine_top(queries.size());
  for (int threads : {1, 2}) {
    std::vector<double> ms;
    for (int round = 0; round < args.rounds; ++round) {
      for (size_t i = 0; i < queries.size(); ++i) {
        ms.push_back(Time([&] {
          auto ranked = index.Rank(queries[i], threads);
          if (!ranked.ok()) Die(ranked.status().log_message());
          engine_top[i] = std::move(*ranked);
        }));
      }
    }
    const Percentiles p = Summarise(ms);
    std::printf(
        "  top 20 with factors, %d thread(s)          p50 %7.2f ms   p95 %7.2f ms   (%zu needs x %d "
        "rounds)\n",
        threads, p.p50, p.p95, queries.size(), args.rounds);
    if (threads == 2 && postgres) {
      // The same ranking as one SQL query.
      {
        auto lease = app->database().Acquire();
        if (!lease.ok()) Die(lease.status().log_message());
        auto created = (*lease)->ExecuteScript(
            "CREATE TABLE IF NOT EXISTS bench_postcodes (code TEXT PRIMARY KEY, lat DOUBLE PRECISION, lon "
            "DOUBLE "
            "PRECISION); DELETE FROM bench_postcodes;");
        if (!created.ok()) Die(created.log_message());
        for (const auto& postcode : app->postcodes().All()) {
          if (!postcode.centroid) continue;
          auto inserted = (*lease)->Execute("INSERT INTO bench_postcodes (code, lat, lon) VALUES (?, ?, ?)",
                                            {postcode.code, postcode.centroid->lat, postcode.centroid->lon});
          if (!inserted.ok()) Die(inserted.status().log_message());
        }
        auto analysed = (*lease)->ExecuteScript("ANALYZE bench_postcodes");
        if (!analysed.ok()) Die(analysed.log_message());
      }
      std::vector<double> sql_ms;
      int agree = 0;
      int total = 0;
      const int sql_rounds = std::max(2, args.rounds / 5);
      auto lease = app->database().Acquire();
      if (!lease.ok()) Die(lease.status().log_message());
      for (size_t i = 0; i < needs.size(); ++i) {
        // The skill weights the index keeps, as of now: the SQL takes them as constants.
        const SqlRanking sql = RankingSql(needs[i], queries[i], index.SkillWeightsNow());
        storage::Rows rows;
        for (int round = 0; round <= sql_rounds; ++round) {
          const double t = Time([&] {
            auto result = (*lease)->Query(sql.sql, sql.params);
            if (!result.ok()) Die(result.status().log_message());
            rows = std::move(*result);
          });
          if (round > 0) sql_ms.push_back(t);  // the first prepares the statement
        }
        std::set<int64_t> engine_ids;
        for (const auto& r : engine_top[i]) engine_ids.insert(r.id);
        for (const auto& row : rows) agree += engine_ids.count(row.Int(0)) > 0 ? 1 : 0;
        total += static_cast<int>(engine_top[i].size());
      }
      const Percentiles q = Summarise(sql_ms);
      std::printf(
          "  the same ranking as one SQL query          p50 %7.2f ms   p95 %7.2f ms   (%zu needs x %d "
          "rounds)\n",
          q.p50, q.p95, needs.size(), sql_rounds);
      std::printf("  same top 20 in both                        %d of %d results\n", agree, total);
      std::printf("  ratio SQL / index (2 threads)              p50 %7.1fx   p95 %7.1fx\n", q.p50 / p.p50,
                  q.p95 / p.p95);
    }
  }
  if (!postgres) std::printf("  (the one-SQL-query comparison runs on PostgreSQL only)\n");
  const auto relevance = domain::ScoreRelevance(app->postcodes());
  std::printf(
      "  relevance over %d hand-judged needs       precision@10 %.2f   recall@10 %.2f   excluded proposed "
      "%d\n",
      relevance.cases, relevance.precision_at_10, relevance.recall_at_10, relevance.excluded_proposed);
  return 0;
}
