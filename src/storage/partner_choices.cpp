#include "storage/partner_choices.h"

#include "storage/organisation_visibility.h"

namespace samskab::storage {

Result<std::vector<PartnerChoice>> ListPartnerChoices(Database& database,
                                                      const domain::MunicipalityScope& scope) {
  static constexpr std::string_view kSelect = "SELECT o.id, o.name, o.kind FROM organisations o WHERE ";
  const std::string sql = std::string(kSelect) + kOrganisationVisibleIn + " ORDER BY o.name, o.id";
  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(sql, {scope.code(), scope.code()});
  if (!rows.ok()) return rows.status();
  std::vector<PartnerChoice> choices;
  choices.reserve(rows->size());
  for (const auto& row : *rows) {
    choices.push_back(
        {row.Int(0), row.Text(1),
         domain::ParseOrganisationKind(row.Text(2)).value_or(domain::OrganisationKind::kCommunity)});
  }
  return choices;
}

}  // namespace samskab::storage
