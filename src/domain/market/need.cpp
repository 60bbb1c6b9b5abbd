#include "domain/market/need.h"

#include <array>

#include "domain/market/market_fields.h"

namespace samskab::domain {
namespace {

constexpr std::array<std::string_view, 2> kStatusNames = {"open", "closed"};
constexpr std::array<std::string_view, 2> kVisibilityNames = {"private", "public"};

template <class Enum, size_t N>
std::optional<Enum> ParseName(const std::array<std::string_view, N>& names, std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view MarketStatusName(MarketStatus status) {
  return kStatusNames.at(static_cast<size_t>(status));
}
std::optional<MarketStatus> ParseMarketStatus(std::string_view name) {
  return ParseName<MarketStatus>(kStatusNames, name);
}

std::string_view NeedVisibilityName(NeedVisibility visibility) {
  return kVisibilityNames.at(static_cast<size_t>(visibility));
}
std::optional<NeedVisibility> ParseNeedVisibility(std::string_view name) {
  return ParseName<NeedVisibility>(kVisibilityNames, name);
}

std::vector<FieldProblem> NormaliseNeed(Need& n, const PostcodeDirectory& postcodes) {
  std::vector<FieldProblem> problems;
  market::TrimText(n.title);
  market::TrimText(n.description);
  market::TrimOptional(n.welfare_area);
  market::TrimOptional(n.target_group);
  market::TrimOptional(n.starts_on);
  market::TrimOptional(n.ends_on);
  market::TrimOptional(n.postcode);
  market::CheckTitleAndDescription(n.title, n.description, problems);
  market::CheckSkillsAndLanguages(n.skills, n.languages, problems);
  market::CheckPostcode(n.postcode, n.town, postcodes, problems);
  if (n.places < 1 || n.places > kMaxPlaces) problems.push_back({"places", "market.error.places"});
  market::CheckDates(n.starts_on, n.ends_on, problems);
  if (n.vulnerable && !n.partner_organisation_id)
    problems.push_back({"partner_organisation_id", "need.error.partner_required"});
  return problems;
}

void ApplyVulnerableDefault(Need& need, bool was_vulnerable, bool direct_contact_given) {
  if (need.vulnerable && !was_vulnerable && !direct_contact_given) need.direct_contact = false;
}

nlohmann::json NeedToJson(const Need& n, bool full) {
  const auto optional_text = [](const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  nlohmann::json out = {
      {"id", n.id},
      {"municipality_code", n.municipality_code},
      {"unit_id", n.unit_id},
      {"unit_name", n.unit_name},
      {"title", n.title},
      {"description", n.description},
      {"skills", n.skills},
      {"languages", n.languages},
      {"welfare_area", optional_text(n.welfare_area)},
      {"target_group", optional_text(n.target_group)},
      {"vulnerable", n.vulnerable},
      {"direct_contact", n.direct_contact},
      {"partner_organisation_id",
       n.partner_organisation_id ? nlohmann::json(*n.partner_organisation_id) : nlohmann::json(nullptr)},
      {"partner_organisation_name",
       n.partner_organisation_id ? nlohmann::json(n.partner_organisation_name) : nlohmann::json(nullptr)},
      {"involves_children", n.involves_children},
      {"availability", n.availability.ToJson()},
      {"postcode", optional_text(n.postcode)},
      {"town", n.postcode ? nlohmann::json(n.town) : nlohmann::json(nullptr)},
      {"places", n.places},
      {"starts_on", optional_text(n.starts_on)},
      {"ends_on", optional_text(n.ends_on)},
      {"visibility", NeedVisibilityName(n.visibility)},
      {"status", MarketStatusName(n.status)},
      {"revision", n.revision},
      {"created_at", n.created_at},
      {"updated_at", n.updated_at},
  };
  if (full) out["created_by"] = n.created_by ? nlohmann::json(*n.created_by) : nlohmann::json(nullptr);
  return out;
}

std::vector<std::string_view> AllNeedMessageKeys() {
  std::vector<std::string_view> keys = market::AllSharedMessageKeys();
  keys.insert(keys.end(), {"market.error.places", "need.error.partner_required", "need.error.unknown_unit",
                           "need.error.unit_not_yours", "need.error.unknown_partner",
                           "need.error.unknown_term", "need.error.visibility", "need.error.not_found"});
  return keys;
}

}  // namespace samskab::domain
