#include "domain/vocabulary/vocabulary.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount

namespace samskab::domain {
namespace {

// The defaults every municipality starts with: the welfare areas of the Furesø memo's overview
// (seed 003) and the target groups its collaborations name, plus those the customer's other
// documents use (refugees and integration, employment, relatives).
constexpr std::array<std::string_view, 14> kWelfareAreas = {
    "health",
    "rehabilitation",
    "elderly",
    "children_and_young_people",
    "day_care",
    "school",
    "inclusion",
    "refugees_and_integration",
    "socially_vulnerable",
    "mental_health",
    "disability",
    "culture_and_leisure",
    "employment",
    "nature_and_environment",
};
constexpr std::array<std::string_view, 12> kTargetGroups = {
    "children",
    "young_people",
    "families",
    "elderly",
    "lonely",
    "refugees_and_immigrants",
    "socially_vulnerable",
    "people_with_disabilities",
    "people_with_mental_illness",
    "relatives",
    "unemployed",
    "all_citizens",
};

}  // namespace

std::string_view VocabularyName(Vocabulary vocabulary) {
  return vocabulary == Vocabulary::kWelfareArea ? "welfare_area" : "target_group";
}

std::optional<Vocabulary> ParseVocabulary(std::string_view name) {
  if (name == "welfare_area") return Vocabulary::kWelfareArea;
  if (name == "target_group") return Vocabulary::kTargetGroup;
  return std::nullopt;
}

std::span<const std::string_view> BuiltInTerms(Vocabulary vocabulary) {
  if (vocabulary == Vocabulary::kWelfareArea) return kWelfareAreas;
  return kTargetGroups;
}

bool IsBuiltInTerm(Vocabulary vocabulary, std::string_view key) {
  const auto terms = BuiltInTerms(vocabulary);
  return std::find(terms.begin(), terms.end(), key) != terms.end();
}

std::string BuiltInLabelKey(Vocabulary vocabulary, std::string_view key) {
  return fmt::format("vocabulary.{}.{}", VocabularyName(vocabulary), key);
}

const std::string& OwnTermLabel(const Term& term, std::string_view lang) {
  if (lang == "nb" && !term.label_nb.empty()) return term.label_nb;
  if (lang == "en" && !term.label_en.empty()) return term.label_en;
  return term.label_da;
}

Status CheckTermKey(std::string_view key) {
  const bool valid = !key.empty() && key.size() <= 40 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!valid) return InvalidArgument(fmt::format("bad term key {}", key), "vocabulary.error.key");
  return Status::Ok();
}

std::vector<FieldProblem> NormaliseOwnTerm(Term& term) {
  std::vector<FieldProblem> problems;
  term.built_in = false;
  term.key = std::string(text::Trim(term.key));
  if (!CheckTermKey(term.key).ok()) problems.push_back({"key", "vocabulary.error.key"});
  for (auto [name, label] : {std::pair{"label_da", &term.label_da}, std::pair{"label_nb", &term.label_nb},
                             std::pair{"label_en", &term.label_en}}) {
    *label = std::string(text::Trim(*label));
    if (label->empty()) {
      problems.push_back({name, "validation.required"});
    } else if (CharacterCount(*label) > kMaxTermLabelLength) {
      problems.push_back({name, "validation.too_long"});
    }
  }
  return problems;
}

Result<std::vector<std::string>> NormaliseBuiltInKeys(Vocabulary vocabulary, std::vector<std::string> keys) {
  for (const auto& key : keys) {
    if (!IsBuiltInTerm(vocabulary, key))
      return InvalidArgument(fmt::format("unknown {} {}", VocabularyName(vocabulary), key),
                             "vocabulary.error.unknown_term");
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::string JoinKeyList(std::span<const std::string> keys) {
  std::string out = ",";
  for (const auto& key : keys) out += key + ",";
  return out;
}

std::vector<std::string> SplitKeyList(std::string_view stored) {
  std::vector<std::string> keys;
  size_t start = 0;
  while (start < stored.size()) {
    size_t end = stored.find(',', start);
    if (end == std::string_view::npos) end = stored.size();
    if (end > start) keys.emplace_back(stored.substr(start, end - start));
    start = end + 1;
  }
  return keys;
}

}  // namespace samskab::domain
