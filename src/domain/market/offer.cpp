#include "domain/market/offer.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "domain/market/market_fields.h"
#include "domain/vocabulary/vocabulary.h"

namespace samskab::domain {
namespace {

constexpr std::array<std::string_view, 5> kKindNames = {"skills", "hours", "event_day", "materials", "rooms"};

void CheckBuiltIn(Vocabulary vocabulary, const char* field, std::vector<std::string>& keys,
                  std::vector<FieldProblem>& problems) {
  auto checked = NormaliseBuiltInKeys(vocabulary, keys);
  if (checked.ok()) {
    keys = std::move(checked).value();
  } else {
    problems.push_back({field, "offer.error.unknown_term"});
  }
}

}  // namespace

std::string_view OfferKindName(OfferKind kind) { return kKindNames.at(static_cast<size_t>(kind)); }

std::optional<OfferKind> ParseOfferKind(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) return static_cast<OfferKind>(i);
  }
  return std::nullopt;
}

std::vector<FieldProblem> NormaliseOffer(Offer& o, const PostcodeDirectory& postcodes) {
  std::vector<FieldProblem> problems;
  market::TrimText(o.title);
  market::TrimText(o.description);
  market::TrimOptional(o.event_on);
  market::TrimOptional(o.postcode);
  for (auto& code : o.municipalities) market::TrimText(code);
  std::sort(o.municipalities.begin(), o.municipalities.end());
  o.municipalities.erase(std::unique(o.municipalities.begin(), o.municipalities.end()),
                         o.municipalities.end());

  if (o.organisation_id.has_value() == o.user_id.has_value())
    problems.push_back({"organisation_id", "offer.error.owner"});
  market::CheckTitleAndDescription(o.title, o.description, problems);
  market::CheckSkillsAndLanguages(o.skills, o.languages, problems);
  CheckBuiltIn(Vocabulary::kWelfareArea, "welfare_areas", o.welfare_areas, problems);
  CheckBuiltIn(Vocabulary::kTargetGroup, "target_groups", o.target_groups, problems);
  if (o.kind == OfferKind::kHours && !o.hours) problems.push_back({"hours", "offer.error.hours_required"});
  if (o.hours && (*o.hours < 1 || *o.hours > kMaxOfferHours))
    problems.push_back({"hours", "offer.error.hours"});
  if (o.kind == OfferKind::kEventDay) {
    if (!o.event_on) {
      problems.push_back({"event_on", "offer.error.event_on_required"});
    } else if (!text::IsIsoDate(*o.event_on)) {
      problems.push_back({"event_on", "validation.date"});
    }
    if (!o.event_capacity) {
      problems.push_back({"event_capacity", "offer.error.event_capacity_required"});
    } else if (*o.event_capacity < 1 || *o.event_capacity > kMaxEventCapacity) {
      problems.push_back({"event_capacity", "offer.error.event_capacity"});
    }
  } else {
    // A date and a capacity belong to an event day; kept on another kind they would mislead.
    o.event_on.reset();
    o.event_capacity.reset();
  }
  if (o.travel_km < 0 || o.travel_km > kMaxTravelKm)
    problems.push_back({"travel_km", "offer.error.travel_km"});
  market::CheckPostcode(o.postcode, o.town, postcodes, problems);
  for (const auto& code : o.municipalities) {
    if (code.empty()) {
      problems.push_back({"municipalities", "offer.error.unknown_municipality"});
      break;
    }
  }
  return problems;
}

nlohmann::json OfferToJson(const Offer& o) {
  const auto optional_text = [](const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  const auto optional_number = [](const std::optional<int64_t>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {
      {"id", o.id},
      {"organisation_id", optional_number(o.organisation_id)},
      {"user_id", optional_number(o.user_id)},
      {"owner_name", o.owner_name},
      {"organisation_kind",
       o.organisation_kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.organisation_kind)},
      {"kind", OfferKindName(o.kind)},
      {"title", o.title},
      {"description", o.description},
      {"skills", o.skills},
      {"languages", o.languages},
      {"welfare_areas", o.welfare_areas},
      {"target_groups", o.target_groups},
      {"availability", o.availability.ToJson()},
      {"hours", optional_number(o.hours)},
      {"event_on", optional_text(o.event_on)},
      {"event_capacity", optional_number(o.event_capacity)},
      {"postcode", optional_text(o.postcode)},
      {"town", o.postcode ? nlohmann::json(o.town) : nlohmann::json(nullptr)},
      {"travel_km", o.travel_km},
      {"municipalities", o.municipalities.empty() ? nlohmann::json("all") : nlohmann::json(o.municipalities)},
      {"status", MarketStatusName(o.status)},
      {"revision", o.revision},
      {"created_at", o.created_at},
      {"updated_at", o.updated_at},
  };
}

OfferViewer OfferViewerOf(const Principal& principal) {
  OfferViewer viewer;
  if (principal.kind == Principal::Kind::kUser) viewer.user_id = principal.user_id;
  for (const auto& grant : principal.grants) {
    switch (grant.role) {
      case Role::kPlatformAdmin:
        viewer.everything = true;
        break;
      case Role::kMunicipalAdmin:
      case Role::kMunicipalEmployee:
        viewer.municipality_codes.push_back(grant.municipality_code);
        break;
      case Role::kOrganisationAdmin:
      case Role::kOrganisationMember:
        if (grant.organisation_id) viewer.organisation_ids.push_back(*grant.organisation_id);
        break;
      case Role::kVolunteer:
        break;
    }
  }
  std::sort(viewer.organisation_ids.begin(), viewer.organisation_ids.end());
  viewer.organisation_ids.erase(std::unique(viewer.organisation_ids.begin(), viewer.organisation_ids.end()),
                                viewer.organisation_ids.end());
  std::sort(viewer.municipality_codes.begin(), viewer.municipality_codes.end());
  viewer.municipality_codes.erase(
      std::unique(viewer.municipality_codes.begin(), viewer.municipality_codes.end()),
      viewer.municipality_codes.end());
  return viewer;
}

bool OwnsOffer(const OfferViewer& viewer, const Offer& offer) {
  if (viewer.everything) return true;
  if (offer.user_id) return viewer.user_id == offer.user_id;
  return offer.organisation_id && std::binary_search(viewer.organisation_ids.begin(),
                                                     viewer.organisation_ids.end(), *offer.organisation_id);
}

std::vector<std::string_view> AllOfferMessageKeys() {
  std::vector<std::string_view> keys = market::AllSharedMessageKeys();
  keys.insert(keys.end(), {"offer.error.owner", "offer.error.unknown_term", "offer.error.hours_required",
                           "offer.error.hours", "offer.error.event_on_required",
                           "offer.error.event_capacity_required", "offer.error.event_capacity",
                           "offer.error.travel_km", "offer.error.unknown_municipality", "offer.error.kind",
                           "offer.error.not_yours", "offer.error.not_found", "offer.error.owner_choice"});
  return keys;
}

}  // namespace samskab::domain
