// The organisations a municipality may choose as partners of a collaboration: every organisation
// it may see (organisation_visibility.h), by name. The collaboration form's one read of that
// list, kept here until the organisation store (being written) offers it; then it moves there.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/collaboration/model.h"
#include "domain/unit/unit.h"
#include "storage/database.h"

namespace samskab::storage {

struct PartnerChoice {
  int64_t id = 0;
  std::string name;
  domain::OrganisationKind kind = domain::OrganisationKind::kCommunity;
};

Result<std::vector<PartnerChoice>> ListPartnerChoices(Database& database,
                                                      const domain::MunicipalityScope& scope);

}  // namespace samskab::storage
