#include "domain/market/matching.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <thread>

#include "core/text.h"
#include "domain/market/skills.h"
#include "domain/vocabulary/vocabulary.h"

namespace samskab::domain {
namespace {

static_assert(sizeof(MatchProfile) == 56, "one volunteer is 56 bytes in the index (issue 5: <= 200)");

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadiusKm = 6371.0088;  // as DistanceKm
constexpr double kKmPerDegree = kEarthRadiusKm * kPi / 180.0;
constexpr size_t kMaxQueryWords = 16;

// Words that say nothing about what a task is (Danish and bokmål), beyond the 3-letter rule.
constexpr std::string_view kStopWords[] = {
    "og",  "med",  "til",   "for",   "der",   "som",    "det",  "den",   "har",   "kan",  "fra",  "ved",
    "vil", "skal", "ikke",  "men",   "også",  "hvor",   "når",  "vores", "jer",   "dig",  "din",  "sin",
    "hos", "over", "under", "efter", "eller", "mellom", "hver", "alle",  "nogle", "noen", "blir", "være",
};

template <typename Fn>
void ForEachKey(std::string_view stored, Fn fn) {
  size_t start = 0;
  while (start < stored.size()) {
    size_t end = stored.find(',', start);
    if (end == std::string_view::npos) end = stored.size();
    if (end > start) fn(stored.substr(start, end - start));
    start = end + 1;
  }
}

std::optional<int> TermBit(Vocabulary vocabulary, std::string_view key) {
  const auto terms = BuiltInTerms(vocabulary);
  auto it = std::find(terms.begin(), terms.end(), key);
  if (it == terms.end()) return std::nullopt;
  return static_cast<int>(it - terms.begin());
}

uint16_t TermMask(Vocabulary vocabulary, std::string_view stored) {
  uint16_t mask = 0;
  ForEachKey(stored, [&](std::string_view key) {
    if (auto bit = TermBit(vocabulary, key)) mask = static_cast<uint16_t>(mask | (1U << *bit));
  });
  return mask;
}

// FNV-1a: stable across machines, so generated data and tests agree.
uint64_t Fnv1a(std::string_view text) {
  uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

// The first `n` code points of a UTF-8 word.
std::string_view Prefix(std::string_view word, int n) {
  size_t i = 0;
  int points = 0;
  while (i < word.size() && points < n) {
    ++i;
    while (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) ++i;
    ++points;
  }
  return word.substr(0, i);
}

int CodePoints(std::string_view word) {
  int n = 0;
  for (unsigned char c : word) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }

}  // namespace

bool RanksBefore(const MatchResult& a, const MatchResult& b) {
  if (a.score != b.score) return a.score > b.score;
  const double da = a.distance_km.value_or(std::numeric_limits<double>::infinity());
  const double db = b.distance_km.value_or(std::numeric_limits<double>::infinity());
  if (da != db) return da < db;
  return a.id < b.id;
}

std::vector<std::string> TextWords(std::string_view text) {
  const std::string folded = text::FoldCase(text);
  std::vector<std::string> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !IsWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    size_t start = i;
    while (i < folded.size() && IsWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    std::string_view word(folded.data() + start, i - start);
    if (CodePoints(word) < 3) continue;
    if (std::find(std::begin(kStopWords), std::end(kStopWords), word) != std::end(kStopWords)) continue;
    words.emplace_back(Prefix(word, 5));
  }
  return words;
}

uint64_t TextWordBits(std::string_view word) {
  const uint64_t hash = Fnv1a(word);
  return (uint64_t{1} << (hash & 63U)) | (uint64_t{1} << ((hash >> 6) & 63U));
}

uint64_t TextMask(std::string_view text) {
  uint64_t mask = 0;
  for (const std::string& word : TextWords(text)) mask |= TextWordBits(word);
  return mask;
}

std::vector<uint64_t> QueryWords(std::string_view text) {
  std::vector<uint64_t> bits;
  for (const std::string& word : TextWords(text)) {
    const uint64_t b = TextWordBits(word);
    if (std::find(bits.begin(), bits.end(), b) == bits.end()) bits.push_back(b);
    if (bits.size() == kMaxQueryWords) break;
  }
  return bits;
}

uint64_t SkillListMask(std::string_view stored) {
  uint64_t mask = 0;
  ForEachKey(stored, [&](std::string_view key) {
    if (auto bit = SkillBit(key)) mask |= uint64_t{1} << *bit;
  });
  return mask;
}

uint64_t LanguageListMask(std::string_view stored) {
  uint64_t mask = 0;
  ForEachKey(stored, [&](std::string_view key) {
    if (auto bit = LanguageBit(key)) mask |= uint64_t{1} << *bit;
  });
  return mask;
}

uint16_t WelfareAreaListMask(std::string_view stored) { return TermMask(Vocabulary::kWelfareArea, stored); }
uint16_t TargetGroupListMask(std::string_view stored) { return TermMask(Vocabulary::kTargetGroup, stored); }
std::optional<int> WelfareAreaBit(std::string_view key) { return TermBit(Vocabulary::kWelfareArea, key); }
std::optional<int> TargetGroupBit(std::string_view key) { return TermBit(Vocabulary::kTargetGroup, key); }

int32_t DaysFromIsoDate(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return 0;
  auto number = [&](size_t from, size_t n) {
    int value = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      value = value * 10 + (iso[i] - '0');
    }
    return value;
  };
  int y = number(0, 4);
  const int m = number(5, 2);
  const int d = number(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void SkillWeights::Add(uint64_t skills, int delta) {
  total_ += delta;
  while (skills != 0) {
    const int bit = std::countr_zero(skills);
    counts_[bit] += delta;
    skills &= skills - 1;
  }
}

double SkillWeights::Weight(int bit) const {
  return std::log(1.0 + static_cast<double>(total_) / (1.0 + static_cast<double>(counts_[bit])));
}

PreparedQuery::PreparedQuery(const MatchQuery& query, const SkillWeights& weights, const MatchWeights& points)
    : query_(query), points_(points), limit_(std::clamp(query.limit, 1, 1000)) {
  for (uint64_t s = query.skills; s != 0; s &= s - 1) {
    const int bit = std::countr_zero(s);
    skill_weight_[bit] = weights.Weight(bit);
    skill_total_ += skill_weight_[bit];
  }
  language_count_ = std::popcount(query.languages);
  availability_count_ = std::popcount(query.availability);
  word_count_ = static_cast<int>(query.words.size());
  for (uint64_t w : query.words) word_union_ |= w;
  std::sort(query_.excluded.begin(), query_.excluded.end());
  if (query.place) {
    has_place_ = true;
    lat_ = static_cast<float>(query.place->lat);
    lon_ = static_cast<float>(query.place->lon);
    km_per_lat_degree_ = kKmPerDegree;
    // The shortest distance for a longitude difference is along the parallel nearest the pole
    // of the two points; anything within 5° of the query's latitude is covered (500 km, the
    // largest travel limit, is 4.5°), and the 0.95 leaves room for the chord's curvature.
    const double pole_side = std::min(std::abs(query.place->lat) + 5.0, 89.0);
    km_per_lon_degree_floor_ = kKmPerDegree * std::cos(pole_side * kPi / 180.0) * 0.95;
    max_distance_points_ = points.distance;
  }
}

bool PreparedQuery::Excluded(int64_t id) const {
  return !query_.excluded.empty() && std::binary_search(query_.excluded.begin(), query_.excluded.end(), id);
}

bool PreparedQuery::Admits(const MatchGate& g) const {
  if ((g.flags & kMatchEligible) != kMatchEligible) return false;
  if (query_.requires_certificate && (g.flags & kMatchCertificate) == 0) return false;
  // Out of reach by the latitude or longitude difference alone (most of the country, for a
  // volunteer who travels 10 km): no factor needs computing.
  if (has_place_ && g.lat == g.lat) {
    const double limit = std::min<double>(g.travel_km, query_.travel_km);
    const double dlat = std::abs(static_cast<double>(g.lat) - lat_);
    const double dlon = std::abs(static_cast<double>(g.lon) - lon_);
    if (dlat * km_per_lat_degree_ > limit || dlon * km_per_lon_degree_floor_ > limit) return false;
  }
  return true;
}

std::optional<MatchResult> PreparedQuery::Score(const MatchProfile& c, double floor) const {
  // Hard constraints first: they are the cheapest tests and exclude the most.
  if (!Admits(MatchGate::Of(c))) return std::nullopt;
  const double limit = std::min<double>(c.travel_km, query_.travel_km);
  // Then the factors that are a few bit operations, so that a candidate that cannot reach the
  // floor (the worst score kept so far) even with full distance points costs no haversine.
  MatchFactors f;
  if ((query_.welfare_areas & c.welfare_areas) != 0) f.welfare_area = points_.welfare_area;
  if ((query_.target_groups & c.target_groups) != 0) f.target_group = points_.target_group;
  const uint64_t matched_skills = query_.skills & c.skills;
  if (matched_skills != 0 && skill_total_ > 0) {
    double got = 0;
    for (uint64_t s = matched_skills; s != 0; s &= s - 1) got += skill_weight_[std::countr_zero(s)];
    f.skills = points_.skills * got / skill_total_;
  }
  const uint64_t matched_languages = query_.languages & c.languages;
  if (language_count_ > 0)
    f.languages = points_.languages * std::popcount(matched_languages) / language_count_;
  int overlap = 0;
  if (availability_count_ > 0) {
    overlap = std::popcount(query_.availability & c.availability);
    f.availability = points_.availability * overlap / availability_count_;
  }
  int matched_words = 0;
  if (word_count_ > 0 && (word_union_ & c.text_mask) != 0) {
    for (uint64_t w : query_.words) matched_words += (c.text_mask & w) == w ? 1 : 0;
    // Three words in common are as good as it gets: a need's text is longer than a profile's tags.
    f.text = points_.text * std::min(1.0, matched_words / std::min(3.0, double(word_count_)));
  }
  // The margin covers the rounding of a different order of additions.
  if (f.Total() + max_distance_points_ + 1e-9 < floor) return std::nullopt;

  std::optional<double> distance;
  if (has_place_ && c.HasPlace()) {
    const double km = DistanceKm({lat_, lon_}, {c.lat, c.lon});
    if (km > limit) return std::nullopt;
    distance = km;
    f.distance = points_.distance * std::max(0.0, 1.0 - km / points_.distance_zero_km);
  }
  if (Excluded(c.id)) return std::nullopt;
  MatchResult r;
  r.id = c.id;
  r.score = f.Total();
  r.distance_km = distance;
  r.factors = f;
  r.matched_skills = matched_skills;
  r.matched_languages = matched_languages;
  r.availability_overlap = overlap;
  r.matched_words = matched_words;
  return r;
}

namespace {

// The best `limit` of a stream, kept as a heap whose top is the worst kept.
class TopK {
 public:
  explicit TopK(int limit) : limit_(static_cast<size_t>(limit)) { heap_.reserve(limit_ + 1); }
  void Offer(const MatchResult& r) {
    if (heap_.size() == limit_ && !RanksBefore(r, heap_.front())) return;
    heap_.push_back(r);
    std::push_heap(heap_.begin(), heap_.end(), RanksBefore);
    if (heap_.size() > limit_) {
      std::pop_heap(heap_.begin(), heap_.end(), RanksBefore);
      heap_.pop_back();
    }
  }
  // The score a candidate must reach to enter (ties are decided by RanksBefore in Offer).
  double Floor() const {
    return heap_.size() == limit_ ? heap_.front().score : -std::numeric_limits<double>::infinity();
  }
  std::vector<MatchResult> Take() && {
    std::sort(heap_.begin(), heap_.end(), RanksBefore);
    return std::move(heap_);
  }

 private:
  size_t limit_;
  std::vector<MatchResult> heap_;
};

// The index's scan: the gates first, the records of those admitted.
void ScanGated(const PreparedQuery& query, std::span<const MatchGate> gates,
               std::span<const MatchProfile> profiles, TopK& top) {
  for (size_t i = 0; i < gates.size(); ++i) {
    if (!query.Admits(gates[i])) continue;
    if (auto result = query.Score(profiles[i], top.Floor())) top.Offer(*result);
  }
}

void Scan(const PreparedQuery& query, std::span<const MatchProfile> candidates, TopK& top) {
  for (const MatchProfile& candidate : candidates) {
    if (auto result = query.Score(candidate, top.Floor())) top.Offer(*result);
  }
}

}  // namespace

std::vector<MatchResult> RankCandidates(const MatchQuery& query, std::span<const MatchProfile> candidates,
                                        const MatchWeights& points) {
  SkillWeights weights;
  for (const MatchProfile& c : candidates) {
    if ((c.flags & kMatchEligible) == kMatchEligible) weights.Add(c.skills, 1);
  }
  PreparedQuery prepared(query, weights, points);
  TopK top(prepared.limit());
  Scan(prepared, candidates, top);
  return std::move(top).Take();
}

void VolunteerIndex::Append(const MatchProfile& profile) {
  if (!profiles_.empty() && profiles_.back().id >= profile.id) {
    Upsert(profile);
    return;
  }
  profiles_.push_back(profile);
  gates_.push_back(MatchGate::Of(profile));
  if ((profile.flags & kMatchEligible) == kMatchEligible) weights_.Add(profile.skills, 1);
}

void VolunteerIndex::Upsert(const MatchProfile& profile) {
  auto it = std::lower_bound(profiles_.begin(), profiles_.end(), profile.id,
                             [](const MatchProfile& p, int64_t id) { return p.id < id; });
  if (it != profiles_.end() && it->id == profile.id) {
    if ((it->flags & kMatchEligible) == kMatchEligible) weights_.Add(it->skills, -1);
    *it = profile;
    gates_[static_cast<size_t>(it - profiles_.begin())] = MatchGate::Of(profile);
  } else {
    // New ids are the largest, so this is almost always an append.
    gates_.insert(gates_.begin() + (it - profiles_.begin()), MatchGate::Of(profile));
    profiles_.insert(it, profile);
  }
  if ((profile.flags & kMatchEligible) == kMatchEligible) weights_.Add(profile.skills, 1);
}

void VolunteerIndex::Remove(int64_t id) {
  auto it = std::lower_bound(profiles_.begin(), profiles_.end(), id,
                             [](const MatchProfile& p, int64_t value) { return p.id < value; });
  if (it == profiles_.end() || it->id != id) return;
  if ((it->flags & kMatchEligible) == kMatchEligible) weights_.Add(it->skills, -1);
  gates_.erase(gates_.begin() + (it - profiles_.begin()));
  profiles_.erase(it);
}

const MatchProfile* VolunteerIndex::Find(int64_t id) const {
  auto it = std::lower_bound(profiles_.begin(), profiles_.end(), id,
                             [](const MatchProfile& p, int64_t value) { return p.id < value; });
  return it != profiles_.end() && it->id == id ? &*it : nullptr;
}

std::vector<MatchResult> VolunteerIndex::Rank(const MatchQuery& query, int threads,
                                              const MatchWeights& points) const {
  PreparedQuery prepared(query, weights_, points);
  const std::span<const MatchProfile> all(profiles_);
  const std::span<const MatchGate> gates(gates_);
  // Splitting pays only for big indexes; a thread costs tens of microseconds to start.
  if (threads <= 1 || all.size() < 50000) {
    TopK top(prepared.limit());
    ScanGated(prepared, gates, all, top);
    return std::move(top).Take();
  }
  const size_t parts = static_cast<size_t>(std::min(threads, 8));
  std::vector<TopK> tops;
  tops.reserve(parts);
  for (size_t i = 0; i < parts; ++i) tops.emplace_back(prepared.limit());
  std::vector<std::thread> workers;
  const size_t chunk = (all.size() + parts - 1) / parts;
  for (size_t i = 1; i < parts; ++i) {
    const size_t from = std::min(all.size(), i * chunk);
    const size_t n = std::min(chunk, all.size() - from);
    workers.emplace_back(
        [&, from, n, i] { ScanGated(prepared, gates.subspan(from, n), all.subspan(from, n), tops[i]); });
  }
  const size_t first = std::min(chunk, all.size());
  ScanGated(prepared, gates.subspan(0, first), all.subspan(0, first), tops[0]);
  for (std::thread& t : workers) t.join();
  // Merging keeps the order total, so the result does not depend on the split.
  TopK merged(prepared.limit());
  for (TopK& top : tops) {
    for (const MatchResult& r : std::move(top).Take()) merged.Offer(r);
  }
  return std::move(merged).Take();
}

}  // namespace samskab::domain
