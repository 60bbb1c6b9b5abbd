// The matchmaking engine (issue 5 item 5): ranks candidates (volunteers, organisations, offers,
// needs, municipal units) for a subject (a need or an offer) by one scoring rule with named
// factors, so every result can say why it is where it is. Pure: no storage, no I/O; the storage
// layer fills the records (storage/volunteer_index.h) and the API explains the factors.
//
// Volunteers are many (the figures ask for 1,000,000), so they live in a VolunteerIndex: one
// fixed-size record of 56 bytes per profile in one vector sorted by id, with a 12-byte gate per
// profile beside it (68 bytes in all), scanned linearly with a bounded heap. The smaller
// candidate sets are scored with the same rule from records built per request (RankCandidates). Factors,
// weights, the tie rule and the hard constraints: docs/decisions/0014-matching.md.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/place/postcodes.h"

namespace samskab::domain {

// One candidate as the engine sees it. 56 bytes; keep it that way (a static_assert guards it).
struct MatchProfile {
  int64_t id = 0;
  uint64_t skills = 0;     // SkillMask
  uint64_t languages = 0;  // LanguageMask
  uint64_t text_mask = 0;  // TextMask of its free tags (volunteers) or its title and text
  float lat = 0;           // the postcode's centre; NaN when unknown (no postcode, no centroid)
  float lon = 0;
  uint32_t availability = 0;   // WeeklyAvailability bits
  uint16_t welfare_areas = 0;  // bit i = BuiltInTerms(kWelfareArea)[i]
  uint16_t target_groups = 0;  // bit i = BuiltInTerms(kTargetGroup)[i]
  uint16_t travel_km = kNoTravelLimit;
  uint8_t flags = 0;  // MatchFlag
  uint8_t unused = 0;
  int32_t certificate_day = 0;  // days since 1970-01-01 the certificate was obtained; 0 if none

  static constexpr uint16_t kNoTravelLimit = 0xFFFF;
  bool HasPlace() const { return lat == lat; }  // false for NaN
};

// The fields a scan's first test reads (eligibility, certificate, the distance box), kept in an
// array of their own beside the records: a scan of a million profiles then reads 12 bytes of
// most profiles and the whole record only of those within reach.
struct MatchGate {
  float lat = 0;
  float lon = 0;
  uint16_t travel_km = 0;
  uint8_t flags = 0;
  uint8_t unused = 0;
  static MatchGate Of(const MatchProfile& p) { return {p.lat, p.lon, p.travel_km, p.flags, 0}; }
};

enum MatchFlag : uint8_t {
  kMatchActive = 1,       // an active profile, an open need or offer
  kMatchConsent = 2,      // the volunteer agreed to be proposed (others: always set)
  kMatchVisible = 4,      // visibility lets municipalities see it (others: always set)
  kMatchCertificate = 8,  // a child-protection certificate obtained
  kMatchEligible = kMatchActive | kMatchConsent | kMatchVisible,
};

// The points each factor can give at most; the total of a perfect match is 100.
struct MatchWeights {
  double welfare_area = 15;
  double target_group = 15;
  double skills = 30;
  double languages = 10;
  double distance = 15;
  double availability = 10;
  double text = 5;
  // Distance points fall linearly from full at 0 km to none at this distance.
  double distance_zero_km = 30;
};

// What is asked for: a need (for volunteers, organisations, offers) or an offer (for needs, units).
struct MatchQuery {
  uint64_t skills = 0;
  uint64_t languages = 0;
  uint16_t welfare_areas = 0;
  uint16_t target_groups = 0;
  uint32_t availability = 0;
  std::optional<GeoPoint> place;
  // The subject's own reach (an offer's travel_km); the candidate's own limit applies as well.
  uint16_t travel_km = MatchProfile::kNoTravelLimit;
  bool requires_certificate = false;  // a need that involves children (volunteers only)
  std::vector<uint64_t> words;        // TextWordBits of the subject's title and text, at most 16
  std::vector<int64_t> excluded;      // candidates marked not relevant (any order)
  int limit = 20;
};

// Each factor's points for one candidate: what pages and the API show as the reasons.
struct MatchFactors {
  double welfare_area = 0;
  double target_group = 0;
  double skills = 0;
  double languages = 0;
  double distance = 0;
  double availability = 0;
  double text = 0;
  double Total() const {
    return welfare_area + target_group + skills + languages + distance + availability + text;
  }
};

struct MatchResult {
  int64_t id = 0;
  double score = 0;
  std::optional<double> distance_km;  // when both places are known
  MatchFactors factors;
  uint64_t matched_skills = 0;     // the query's skills the candidate has
  uint64_t matched_languages = 0;  // the query's languages the candidate has
  int availability_overlap = 0;    // cells both grids have
  int matched_words = 0;
};

// The order of results: score descending, then the smaller known distance (an unknown distance
// after every known one), then the lower id. A strict total order, so ranking is deterministic.
bool RanksBefore(const MatchResult& a, const MatchResult& b);

// Text relevance, cheap: words are folded to lower case, words shorter than 3 letters and common
// Danish/Norwegian function words are dropped, and each word is cut to its first 5 letters (a
// crude stem: "frivillige" and "frivillig" meet). Each word sets two bits of a 64-bit mask (a tiny
// Bloom filter); a query word counts as present when both its bits are set, so a rare false
// positive is possible and harmless (at most `text` points).
std::vector<std::string> TextWords(std::string_view text);
uint64_t TextWordBits(std::string_view word);  // the two bits of one (already folded) word
uint64_t TextMask(std::string_view text);      // the union over TextWords(text)
// The query's words: at most 16 distinct words' bits, in order of first appearance.
std::vector<uint64_t> QueryWords(std::string_view text);

// The bits of ",a,b," lists (unknown keys ignored): skills, languages and the built-in terms.
uint64_t SkillListMask(std::string_view stored);
uint64_t LanguageListMask(std::string_view stored);
uint16_t WelfareAreaListMask(std::string_view stored);
uint16_t TargetGroupListMask(std::string_view stored);
std::optional<int> WelfareAreaBit(std::string_view key);
std::optional<int> TargetGroupBit(std::string_view key);

// Days since 1970-01-01 of "YYYY-MM-DD…"; 0 when malformed.
int32_t DaysFromIsoDate(std::string_view iso);

// Skill weights: rarer skills weigh more (inverse document frequency over the candidates):
// weight = ln(1 + N / (1 + n)), N the candidates, n those with the skill.
class SkillWeights {
 public:
  void Add(uint64_t skills, int delta);  // a candidate with these skills came (+1) or went (-1)
  double Weight(int bit) const;
  int64_t Count(int bit) const { return counts_[bit]; }
  int64_t total() const { return total_; }

 private:
  std::array<int64_t, 64> counts_{};
  int64_t total_ = 0;
};

// Scores one candidate. nullopt when a hard constraint excludes it: not eligible (kMatchEligible),
// no certificate when the query requires one, marked not relevant, or farther than the
// candidate's or the query's travel limit; also when it cannot reach `floor` (a ranking's worst
// kept score: such a candidate could not enter the results anyway).
class PreparedQuery {
 public:
  PreparedQuery(const MatchQuery& query, const SkillWeights& weights, const MatchWeights& points = {});
  // The cheap first test: eligible, certified when required, and not beyond reach by the
  // latitude or longitude difference alone. Score applies it too.
  bool Admits(const MatchGate& gate) const;
  std::optional<MatchResult> Score(const MatchProfile& candidate,
                                   double floor = -std::numeric_limits<double>::infinity()) const;
  int limit() const { return limit_; }

 private:
  bool Excluded(int64_t id) const;

  MatchQuery query_;
  MatchWeights points_;
  std::array<double, 64> skill_weight_{};
  double skill_total_ = 0;
  int language_count_ = 0;
  int availability_count_ = 0;
  int word_count_ = 0;
  uint64_t word_union_ = 0;
  bool has_place_ = false;
  double max_distance_points_ = 0;
  float lat_ = 0;
  float lon_ = 0;
  // A cheap lower bound of the distance from the latitude and longitude differences, so the
  // haversine runs only for candidates that may be within reach.
  double km_per_lat_degree_ = 0;
  double km_per_lon_degree_floor_ = 0;
  int limit_ = 20;
};

// The best `query.limit` candidates of `candidates` in RanksBefore order.
std::vector<MatchResult> RankCandidates(const MatchQuery& query, std::span<const MatchProfile> candidates,
                                        const MatchWeights& points = {});

// The volunteers' index. Not thread-safe by itself: storage::VolunteerIndex guards it.
class VolunteerIndex {
 public:
  // Adds or replaces the profile with this id.
  void Upsert(const MatchProfile& profile);
  void Remove(int64_t id);
  // Bulk load: profiles in ascending id order (as a SELECT … ORDER BY id gives them).
  void Append(const MatchProfile& profile);
  void Reserve(size_t n) {
    profiles_.reserve(n);
    gates_.reserve(n);
  }

  // The best `query.limit` volunteers, scanning with `threads` threads (1 or 2 on this machine).
  std::vector<MatchResult> Rank(const MatchQuery& query, int threads = 1,
                                const MatchWeights& points = {}) const;

  size_t size() const { return profiles_.size(); }
  const SkillWeights& skill_weights() const { return weights_; }
  const MatchProfile* Find(int64_t id) const;
  // The memory the index holds: both vectors' capacity plus the object itself.
  size_t BytesUsed() const {
    return profiles_.capacity() * sizeof(MatchProfile) + gates_.capacity() * sizeof(MatchGate) +
           sizeof(*this);
  }

 private:
  std::vector<MatchProfile> profiles_;  // sorted by id
  std::vector<MatchGate> gates_;        // gates_[i] is MatchGate::Of(profiles_[i])
  SkillWeights weights_;                // over the eligible profiles
};

}  // namespace samskab::domain
