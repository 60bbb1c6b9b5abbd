#include "domain/market/opportunity.h"

#include <array>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount
#include "domain/market/skills.h"
#include "domain/vocabulary/vocabulary.h"

namespace samskab::domain {
namespace {

constexpr std::array<std::string_view, 3> kStatusNames = {"draft", "open", "closed"};

void NormaliseList(std::vector<std::string>& keys, Result<std::vector<std::string>> normalised,
                   std::string field, std::vector<FieldProblem>& problems) {
  if (normalised.ok()) {
    keys = std::move(normalised).value();
  } else {
    problems.push_back({std::move(field), normalised.status().user_message_key()});
  }
}

void TrimOptional(std::optional<std::string>& value) {
  if (!value) return;
  value = std::string(text::Trim(*value));
  if (value->empty()) value.reset();
}

template <class T>
nlohmann::json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::string_view OpportunityStatusName(OpportunityStatus status) {
  return kStatusNames.at(static_cast<size_t>(status));
}

std::optional<OpportunityStatus> ParseOpportunityStatus(std::string_view name) {
  for (size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == name) return static_cast<OpportunityStatus>(i);
  }
  return std::nullopt;
}

std::string_view OpportunityLanguage(std::string_view country) { return country == "no" ? "nb" : "da"; }

std::vector<FieldProblem> NormaliseOpportunity(Opportunity& o, const PostcodeDirectory& postcodes) {
  std::vector<FieldProblem> problems;
  const auto problem = [&](std::string field, std::string key) {
    problems.push_back({std::move(field), std::move(key)});
  };
  o.title = std::string(text::Trim(o.title));
  o.description = std::string(text::Trim(o.description));
  o.time_note = std::string(text::Trim(o.time_note));
  TrimOptional(o.postcode);
  TrimOptional(o.starts_on);
  TrimOptional(o.ends_on);

  if (o.title.empty()) {
    problem("title", "validation.required");
  } else if (CharacterCount(o.title) > kMaxOpportunityTitleLength) {
    problem("title", "validation.too_long");
  }
  if (CharacterCount(o.description) > kMaxOpportunityDescriptionLength)
    problem("description", "validation.too_long");
  if (CharacterCount(o.time_note) > kMaxTimeNoteLength) problem("time_note", "validation.too_long");
  NormaliseList(o.skills, NormaliseSkills(o.skills), "skills", problems);
  NormaliseList(o.welfare_areas, NormaliseBuiltInKeys(Vocabulary::kWelfareArea, o.welfare_areas),
                "welfare_areas", problems);
  NormaliseList(o.target_groups, NormaliseBuiltInKeys(Vocabulary::kTargetGroup, o.target_groups),
                "target_groups", problems);
  o.town.clear();
  if (o.postcode) {
    auto postcode = postcodes.NormalisePostcode(*o.postcode);
    if (postcode.ok()) {
      o.postcode = postcode->code;
      o.town = postcode->town;
    } else {
      problem("postcode", postcode.status().user_message_key());
    }
  }
  if (o.capacity < 1 || o.capacity > kMaxOpportunityCapacity)
    problem("capacity", "opportunity.error.capacity");
  const bool starts_valid = !o.starts_on || text::IsIsoDate(*o.starts_on);
  const bool ends_valid = !o.ends_on || text::IsIsoDate(*o.ends_on);
  if (!starts_valid) problem("starts_on", "validation.date");
  if (!ends_valid) problem("ends_on", "validation.date");
  // ISO dates compare as text.
  if (starts_valid && ends_valid && o.starts_on && o.ends_on && *o.ends_on < *o.starts_on)
    problem("ends_on", "opportunity.error.ends_before_start");
  if (o.unit_id.has_value() == o.organisation_id.has_value()) problem("unit_id", "opportunity.error.poster");
  return problems;
}

nlohmann::json OpportunityToJson(const Opportunity& o) {
  nlohmann::json posted_by;
  if (o.unit_id) {
    posted_by = {{"kind", "unit"}, {"id", *o.unit_id}, {"name", o.unit_name}};
  } else if (o.organisation_id) {
    posted_by = {{"kind", "organisation"},
                 {"id", *o.organisation_id},
                 {"name", o.organisation_name},
                 {"organisation_kind", OrNull(o.organisation_kind)}};
  }
  return {
      {"id", o.id},
      {"municipality_code", o.municipality_code},
      {"unit_id", OrNull(o.unit_id)},
      {"organisation_id", OrNull(o.organisation_id)},
      {"organisation_kind", OrNull(o.organisation_kind)},
      {"posted_by", std::move(posted_by)},
      {"title", o.title},
      {"description", o.description},
      {"skills", o.skills},
      {"welfare_areas", o.welfare_areas},
      {"target_groups", o.target_groups},
      {"availability", o.availability.ToJson()},
      {"time_note", o.time_note},
      {"postcode", OrNull(o.postcode)},
      {"town", o.town},
      {"capacity", o.capacity},
      {"starts_on", OrNull(o.starts_on)},
      {"ends_on", OrNull(o.ends_on)},
      {"involves_children", o.involves_children},
      {"status", OpportunityStatusName(o.status)},
      {"language", o.language},
      {"revision", o.revision},
      {"created_at", o.created_at},
      {"updated_at", o.updated_at},
  };
}

std::vector<std::string_view> AllOpportunityMessageKeys() {
  return {"validation.required",
          "validation.too_long",
          "validation.date",
          "validation.postcode",
          "validation.postcode_unknown",
          "skill.error.unknown",
          "vocabulary.error.unknown_term",
          "availability.error.shape",
          "opportunity.error.capacity",
          "opportunity.error.ends_before_start",
          "opportunity.error.poster",
          "opportunity.error.status",
          "opportunity.error.unit_not_yours",
          "opportunity.error.unknown_unit",
          "opportunity.error.organisation_not_yours",
          "opportunity.error.municipality",
          "opportunity.error.not_found",
          "opportunity.error.stale",
          "opportunity.error.has_applications"};
}

}  // namespace samskab::domain
