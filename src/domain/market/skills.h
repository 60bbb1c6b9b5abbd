// What people can do and which languages they speak: the built-in skills (labels in the message
// catalogs, "skill.<key>") and the languages (ISO 639-1 codes, labels "spoken_language.<code>"). Volunteer
// profiles, opportunities, needs and offers store keys in ",a,b," lists; the matching index holds
// each list as one 64-bit mask, so each catalog has at most 64 entries and its order is its bit
// order (append new entries at the end; never reorder).
//
// A volunteer may add free tags beside the built-in skills ("tysk konversation", "el-cykel"):
// folded to lower case, 1-40 characters, at most kMaxSkillTags.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace samskab::domain {

std::span<const std::string_view> SkillKeys();
std::span<const std::string_view> LanguageCodes();

// The bit of a key in its catalog's mask, or nullopt for an unknown key.
std::optional<int> SkillBit(std::string_view key);
std::optional<int> LanguageBit(std::string_view code);

// The mask of a stored or normalised list; unknown keys are ignored (a catalog entry is never
// removed, so a stored key is always known).
uint64_t SkillMask(std::span<const std::string> keys);
uint64_t LanguageMask(std::span<const std::string> codes);

// "skill.driving", "spoken_language.ar": the catalog keys of the labels.
std::string SkillLabelKey(std::string_view key);
std::string LanguageLabelKey(std::string_view code);

// Checks a list from the API or a form, returned sorted without duplicates. An unknown key:
// kInvalidArgument "skill.error.unknown" / "spoken_language.error.unknown".
Result<std::vector<std::string>> NormaliseSkills(std::vector<std::string> keys);
Result<std::vector<std::string>> NormaliseLanguages(std::vector<std::string> codes);

inline constexpr size_t kMaxSkillTags = 20;
inline constexpr size_t kMaxSkillTagLength = 40;  // code points
// Trims and folds each tag, drops empty ones and duplicates (sorted). Too many or too long a tag:
// kInvalidArgument "skill.error.tag"; a comma (the list separator): the same.
Result<std::vector<std::string>> NormaliseSkillTags(const std::vector<std::string>& tags);

}  // namespace samskab::domain
