#include "domain/collaboration/collaboration.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount

namespace samskab::domain {
namespace {

constexpr std::array<std::string_view, 5> kStatusNames = {"idea", "planned", "active", "paused", "ended"};
constexpr std::array<std::string_view, 3> kFormNames = {"ad_hoc", "ongoing", "partnership"};

// kLifecycle[from][to]: the documented transitions (decision 0007).
constexpr bool kLifecycle[5][5] = {
    //            idea   planned active paused ended
    /* idea    */ {true, true, false, false, true},
    /* planned */ {true, true, true, false, true},
    /* active  */ {false, false, true, true, true},
    /* paused  */ {false, false, true, true, true},
    /* ended   */ {false, false, false, false, true},
};

void Trim(std::string& text) { text = std::string(text::Trim(text)); }

void TrimOptional(std::optional<std::string>& text) {
  if (!text) return;
  Trim(*text);
  if (text->empty()) text.reset();
}

void SortDistinct(std::vector<int64_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

std::string_view CollaborationStatusName(CollaborationStatus status) {
  return kStatusNames.at(static_cast<size_t>(status));
}

std::optional<CollaborationStatus> ParseCollaborationStatus(std::string_view name) {
  for (size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == name) return static_cast<CollaborationStatus>(i);
  }
  return std::nullopt;
}

bool CanChangeStatus(CollaborationStatus from, CollaborationStatus to) {
  return kLifecycle[static_cast<size_t>(from)][static_cast<size_t>(to)];
}

std::string_view CollaborationFormName(CollaborationForm form) {
  return kFormNames.at(static_cast<size_t>(form));
}

std::optional<CollaborationForm> ParseCollaborationForm(std::string_view name) {
  for (size_t i = 0; i < kFormNames.size(); ++i) {
    if (kFormNames[i] == name) return static_cast<CollaborationForm>(i);
  }
  return std::nullopt;
}

std::vector<FieldProblem> NormaliseCollaboration(Collaboration& c) {
  std::vector<FieldProblem> problems;
  const auto problem = [&](std::string field, std::string key) {
    problems.push_back({std::move(field), std::move(key)});
  };
  Trim(c.title);
  Trim(c.description);
  Trim(c.funding_source);
  Trim(c.locality);
  Trim(c.override_reason);
  Trim(c.inspiration_note);
  TrimOptional(c.welfare_area);
  TrimOptional(c.target_group);
  TrimOptional(c.starts_on);
  TrimOptional(c.ends_on);
  TrimOptional(c.postcode);
  SortDistinct(c.unit_ids);
  SortDistinct(c.partner_ids);

  if (c.title.empty()) {
    problem("title", "validation.required");
  } else if (CharacterCount(c.title) > kMaxTitleLength) {
    problem("title", "validation.too_long");
  }
  if (CharacterCount(c.description) > kMaxDescriptionLength) problem("description", "validation.too_long");
  if (CharacterCount(c.funding_source) > kMaxShortTextLength)
    problem("funding_source", "validation.too_long");
  if (CharacterCount(c.locality) > kMaxShortTextLength) problem("locality", "validation.too_long");
  if (CharacterCount(c.inspiration_note) > kMaxShortTextLength)
    problem("inspiration_note", "validation.too_long");
  const bool starts_valid = !c.starts_on || text::IsIsoDate(*c.starts_on);
  const bool ends_valid = !c.ends_on || text::IsIsoDate(*c.ends_on);
  if (!starts_valid) problem("starts_on", "validation.date");
  if (!ends_valid) problem("ends_on", "validation.date");
  // ISO dates compare as text.
  if (starts_valid && ends_valid && c.starts_on && c.ends_on && *c.ends_on < *c.starts_on)
    problem("ends_on", "collaboration.error.ends_before_start");
  if (c.staff_hours_per_year && *c.staff_hours_per_year < 0)
    problem("staff_hours_per_year", "validation.not_negative");
  if (c.budget_dkk && *c.budget_dkk < 0) problem("budget_dkk", "validation.not_negative");
  if (c.override_level) {
    if (c.override_reason.empty() || CharacterCount(c.override_reason) > kMaxOverrideReasonLength)
      problem("involvement_override.reason", std::string(kOverrideReasonError));
  } else {
    c.override_reason.clear();  // a reason without an override means nothing; do not keep it
  }
  if (!c.inspiration) c.inspiration_note.clear();
  return problems;
}

Placement PlacementOf(const Collaboration& c) {
  std::vector<OrganisationKind> kinds;
  kinds.reserve(c.partners.size());
  for (const auto& partner : c.partners) kinds.push_back(partner.kind);
  auto placement = PlaceCollaboration(c.facts, kinds, c.override_level, c.override_reason);
  if (placement.ok()) return *placement;
  // Only an override without a reason fails, and NormaliseCollaboration refuses that before
  // anything is stored; a row read back always has both.
  return *PlaceCollaboration(c.facts, kinds, std::nullopt, "");
}

nlohmann::json CollaborationToJson(const Collaboration& c) {
  const auto optional_text = [](const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  const auto optional_number = [](const std::optional<int64_t>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  nlohmann::json facts = nlohmann::json::object();
  for (const auto& field : kFactFields) facts[std::string(field.name)] = c.facts.*(field.member);
  nlohmann::json units = nlohmann::json::array();
  for (const auto& unit : c.units) units.push_back({{"id", unit.id}, {"name", unit.name}});
  nlohmann::json partners = nlohmann::json::array();
  for (const auto& partner : c.partners)
    partners.push_back(
        {{"id", partner.id}, {"name", partner.name}, {"kind", OrganisationKindName(partner.kind)}});
  nlohmann::json out = {
      {"id", c.id},
      {"municipality_code", c.municipality_code},
      {"title", c.title},
      {"description", c.description},
      {"welfare_area", optional_text(c.welfare_area)},
      {"target_group", optional_text(c.target_group)},
      {"starts_on", optional_text(c.starts_on)},
      {"ends_on", optional_text(c.ends_on)},
      {"status", CollaborationStatusName(c.status)},
      {"form", CollaborationFormName(c.form)},
      {"staff_hours_per_year", optional_number(c.staff_hours_per_year)},
      {"budget_dkk", optional_number(c.budget_dkk)},
      {"funding_source", c.funding_source},
      {"locality", c.locality},
      {"postcode", optional_text(c.postcode)},
      {"activity_registered", c.activity_registered},
      {"evaluated", c.evaluated},
      {"involvement_facts", std::move(facts)},
      {"unit_ids", c.unit_ids},
      {"units", std::move(units)},
      {"partner_ids", c.partner_ids},
      {"partners", std::move(partners)},
      {"inspiration", c.inspiration},
      {"inspiration_note", c.inspiration_note},
      {"responsible_user_id", optional_number(c.responsible_user_id)},
      {"revision", c.revision},
      {"created_at", c.created_at},
      {"updated_at", c.updated_at},
  };
  out.update(PlacementToJson(c.placement));
  return out;
}

std::vector<std::string_view> AllCollaborationMessageKeys() {
  return {"validation.required",
          "validation.too_long",
          "validation.date",
          "validation.not_negative",
          "collaboration.error.ends_before_start",
          kOverrideReasonError,
          "collaboration.error.status_change",
          "collaboration.error.unknown_unit",
          "collaboration.error.unit_not_yours",
          "collaboration.error.unknown_partner",
          "collaboration.error.unknown_term",
          "collaboration.error.unknown_responsible",
          "collaboration.error.status",
          "collaboration.error.form",
          "validation.postcode",
          "validation.postcode_unknown"};
}

}  // namespace samskab::domain
