#include "domain/market/market_fields.h"

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount
#include "domain/market/need.h"
#include "domain/market/skills.h"

namespace samskab::domain::market {

void TrimText(std::string& text) { text = std::string(text::Trim(text)); }

void TrimOptional(std::optional<std::string>& text) {
  if (!text) return;
  TrimText(*text);
  if (text->empty()) text.reset();
}

void CheckTitleAndDescription(const std::string& title, const std::string& description,
                              std::vector<FieldProblem>& problems) {
  if (title.empty()) {
    problems.push_back({"title", "validation.required"});
  } else if (CharacterCount(title) > kMaxMarketTitleLength) {
    problems.push_back({"title", "market.error.title_too_long"});
  }
  if (CharacterCount(description) > kMaxMarketDescriptionLength)
    problems.push_back({"description", "market.error.description_too_long"});
}

void CheckSkillsAndLanguages(std::vector<std::string>& skills, std::vector<std::string>& languages,
                             std::vector<FieldProblem>& problems) {
  auto checked_skills = NormaliseSkills(skills);
  if (checked_skills.ok()) {
    skills = std::move(checked_skills).value();
  } else {
    problems.push_back({"skills", checked_skills.status().user_message_key()});
  }
  auto checked_languages = NormaliseLanguages(languages);
  if (checked_languages.ok()) {
    languages = std::move(checked_languages).value();
  } else {
    problems.push_back({"languages", checked_languages.status().user_message_key()});
  }
}

void CheckPostcode(std::optional<std::string>& postcode, std::string& town,
                   const PostcodeDirectory& postcodes, std::vector<FieldProblem>& problems) {
  town.clear();
  if (!postcode) return;
  auto known = postcodes.NormalisePostcode(*postcode);
  if (!known.ok()) {
    problems.push_back({"postcode", known.status().user_message_key()});
    return;
  }
  postcode = known->code;
  town = known->town;
}

void CheckDates(const std::optional<std::string>& starts_on, const std::optional<std::string>& ends_on,
                std::vector<FieldProblem>& problems) {
  const bool starts_valid = !starts_on || text::IsIsoDate(*starts_on);
  const bool ends_valid = !ends_on || text::IsIsoDate(*ends_on);
  if (!starts_valid) problems.push_back({"starts_on", "validation.date"});
  if (!ends_valid) problems.push_back({"ends_on", "validation.date"});
  // ISO dates compare as text.
  if (starts_valid && ends_valid && starts_on && ends_on && *ends_on < *starts_on)
    problems.push_back({"ends_on", "market.error.ends_before_start"});
}

std::vector<std::string_view> AllSharedMessageKeys() {
  return {"validation.required",
          "market.error.title_too_long",
          "market.error.description_too_long",
          "skill.error.unknown",
          "spoken_language.error.unknown",
          "validation.postcode",
          "validation.postcode_unknown",
          "validation.date",
          "market.error.ends_before_start",
          "market.error.status",
          "availability.error.shape",
          "validation.type_text",
          "validation.type_boolean",
          "validation.type_list",
          "validation.number",
          "error.unknown_field"};
}

}  // namespace samskab::domain::market
