#include "web/collaboration_export.h"

#include <array>

#include <fmt/format.h>

namespace samskab::web {
namespace {

constexpr std::array<std::string_view, 31> kColumns = {
    "id",
    "title",
    "units",
    "partners",
    "partner_kinds",
    "welfare_area",
    "target_group",
    "status",
    "form",
    "starts_on",
    "ends_on",
    "involvement_level",
    "quadrant",
    "volunteer_type",
    "rooms_lent",
    "citizens_referred",
    "contact_person",
    "coordination",
    "staff_take_part",
    "partnership_agreement",
    "dedicated_budget",
    "override_reason",
    "staff_hours_per_year",
    "budget_dkk",
    "funding_source",
    "locality",
    "postcode",
    "activity_registered",
    "evaluated",
    "inspiration",
    "description",
};

template <class T, class F>
std::string JoinNames(const std::vector<T>& items, F name) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += name(item);
  }
  return out;
}

}  // namespace

std::span<const std::string_view> ExportColumns() { return kColumns; }

std::vector<csv::Cell> CollaborationExport::Header() const {
  std::vector<csv::Cell> cells;
  cells.reserve(kColumns.size());
  for (auto key : kColumns) cells.emplace_back(Label(fmt::format("overview.column.{}", key)));
  return cells;
}

std::vector<csv::Cell> CollaborationExport::Row(const domain::Collaboration& c) const {
  const domain::Placement& placement = c.placement;
  const auto optional_number = [](const std::optional<int64_t>& value) -> csv::Cell {
    return value ? csv::Cell(*value) : csv::Cell(std::string());
  };
  const auto term = [&](domain::Vocabulary vocabulary, const std::optional<std::string>& key) {
    return key ? term_label_(vocabulary, *key) : std::string();
  };
  std::vector<csv::Cell> cells;
  cells.reserve(kColumns.size());
  cells.emplace_back(c.id);
  cells.emplace_back(c.title);
  cells.emplace_back(JoinNames(c.units, [](const auto& unit) { return unit.name; }));
  cells.emplace_back(JoinNames(c.partners, [](const auto& partner) { return partner.name; }));
  cells.emplace_back(JoinNames(c.partners, [&](const auto& partner) {
    return Label(fmt::format("collaboration.kind.{}", domain::OrganisationKindName(partner.kind)));
  }));
  cells.emplace_back(term(domain::Vocabulary::kWelfareArea, c.welfare_area));
  cells.emplace_back(term(domain::Vocabulary::kTargetGroup, c.target_group));
  cells.emplace_back(
      Label(fmt::format("collaboration.status.{}", domain::CollaborationStatusName(c.status))));
  cells.emplace_back(Label(fmt::format("collaboration.form.{}", domain::CollaborationFormName(c.form))));
  cells.emplace_back(c.starts_on.value_or(""));
  cells.emplace_back(c.ends_on.value_or(""));
  cells.emplace_back(
      Label(fmt::format("collaboration.level.{}", domain::InvolvementLevelName(placement.effective_level))));
  if (placement.quadrant) {
    cells.emplace_back(int64_t{*placement.quadrant});
  } else if (placement.adjacent_quadrants.size() == 2) {
    cells.emplace_back(
        fmt::format("{}/{}", placement.adjacent_quadrants[0], placement.adjacent_quadrants[1]));
  } else {
    cells.emplace_back(std::string());
  }
  cells.emplace_back(placement.volunteer_type
                         ? Label(fmt::format("collaboration.volunteer_type.{}",
                                             domain::VolunteerTypeName(*placement.volunteer_type)))
                         : std::string());
  for (const auto& field : domain::kFactFields) cells.emplace_back(YesNo(c.facts.*(field.member)));
  cells.emplace_back(c.override_reason);
  cells.push_back(optional_number(c.staff_hours_per_year));
  cells.push_back(optional_number(c.budget_dkk));
  cells.emplace_back(c.funding_source);
  cells.emplace_back(c.locality);
  cells.emplace_back(c.postcode.value_or(""));
  cells.emplace_back(YesNo(c.activity_registered));
  cells.emplace_back(YesNo(c.evaluated));
  cells.emplace_back(YesNo(c.inspiration));
  cells.emplace_back(c.description);
  return cells;
}

std::string CollaborationExport::FileName(std::string_view municipality_code, std::string_view date,
                                          std::string_view extension) {
  return fmt::format("samarbejdsforloeb-{}-{}.{}", municipality_code, date, extension);
}

}  // namespace samskab::web
