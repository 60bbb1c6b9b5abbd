#include "domain/market/skills.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount

namespace samskab::domain {
namespace {

// What welfare work asks of volunteers in the customers' documents (seed 003: visiting friends,
// homework help, language cafés, driving, mentoring; seed 004: companies' skills-based
// volunteering: accounting, communication, IT, legal help, carpentry).
constexpr std::array<std::string_view, 28> kSkills = {
    "visiting_friend", "walking_company", "driving",       "cooking",        "gardening",
    "it_help",         "homework_help",   "language_cafe", "reading_aloud",  "music",
    "sports_coaching", "crafts",          "mentoring",     "job_mentoring",  "interpreting",
    "legal_advice",    "accounting",      "communication", "event_planning", "repairs",
    "first_aid",       "care_support",    "childcare",     "teaching",       "fundraising",
    "photography",     "nature_guiding",  "board_work",
};

// Danish, Norwegian and the neighbours, the big European languages, and those most spoken among
// refugees and immigrants in Denmark and Norway (Arabic, Dari, Farsi, Kurdish, Pashto, Somali,
// Tigrinya, Ukrainian …). ISO 639-1, except "prs" (Dari has no two-letter code).
constexpr std::array<std::string_view, 30> kLanguages = {
    "da", "nb", "sv",  "en", "de", "fr", "es", "it", "pl", "lt", "ro", "uk", "ru", "bs", "tr",
    "ar", "fa", "prs", "ps", "ku", "so", "ti", "am", "ur", "hi", "ta", "vi", "th", "tl", "zh",
};
static_assert(kSkills.size() <= 64 && kLanguages.size() <= 64, "each catalog is one 64-bit mask");

template <size_t N>
std::optional<int> BitOf(const std::array<std::string_view, N>& catalog, std::string_view key) {
  auto it = std::find(catalog.begin(), catalog.end(), key);
  if (it == catalog.end()) return std::nullopt;
  return static_cast<int>(it - catalog.begin());
}

template <size_t N>
uint64_t MaskOf(const std::array<std::string_view, N>& catalog, std::span<const std::string> keys) {
  uint64_t mask = 0;
  for (const std::string& key : keys) {
    if (auto bit = BitOf(catalog, key)) mask |= uint64_t{1} << *bit;
  }
  return mask;
}

template <size_t N>
Result<std::vector<std::string>> Normalise(const std::array<std::string_view, N>& catalog,
                                           std::vector<std::string> keys, const char* error_key) {
  for (std::string& key : keys) {
    key = std::string(text::Trim(key));
    if (!BitOf(catalog, key)) return InvalidArgument(fmt::format("unknown key '{}'", key), error_key);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace

std::span<const std::string_view> SkillKeys() { return kSkills; }
std::span<const std::string_view> LanguageCodes() { return kLanguages; }

std::optional<int> SkillBit(std::string_view key) { return BitOf(kSkills, key); }
std::optional<int> LanguageBit(std::string_view code) { return BitOf(kLanguages, code); }

uint64_t SkillMask(std::span<const std::string> keys) { return MaskOf(kSkills, keys); }
uint64_t LanguageMask(std::span<const std::string> codes) { return MaskOf(kLanguages, codes); }

std::string SkillLabelKey(std::string_view key) { return fmt::format("skill.{}", key); }
std::string LanguageLabelKey(std::string_view code) { return fmt::format("spoken_language.{}", code); }

Result<std::vector<std::string>> NormaliseSkills(std::vector<std::string> keys) {
  return Normalise(kSkills, std::move(keys), "skill.error.unknown");
}

Result<std::vector<std::string>> NormaliseLanguages(std::vector<std::string> codes) {
  return Normalise(kLanguages, std::move(codes), "spoken_language.error.unknown");
}

Result<std::vector<std::string>> NormaliseSkillTags(const std::vector<std::string>& tags) {
  std::vector<std::string> folded;
  folded.reserve(tags.size());
  for (const std::string& tag : tags) {
    std::string one = text::FoldCase(text::Trim(tag));
    if (one.empty()) continue;
    if (CharacterCount(one) > kMaxSkillTagLength || one.find(',') != std::string::npos) {
      return InvalidArgument("skill tag too long or with a comma", "skill.error.tag");
    }
    folded.push_back(std::move(one));
  }
  std::sort(folded.begin(), folded.end());
  folded.erase(std::unique(folded.begin(), folded.end()), folded.end());
  if (folded.size() > kMaxSkillTags) return InvalidArgument("too many skill tags", "skill.error.tag");
  return folded;
}

}  // namespace samskab::domain
