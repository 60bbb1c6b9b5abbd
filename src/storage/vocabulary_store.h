// The municipality's vocabularies (welfare areas, target groups): the built-in terms of
// src/domain/vocabulary plus the municipality's own (table vocabulary_terms).
#pragma once

#include <string_view>

#include "domain/unit/unit.h"
#include "domain/vocabulary/vocabulary.h"
#include "storage/database.h"

namespace samskab::storage {

// True when `key` is a built-in term or one of the municipality's own terms.
Result<bool> IsKnownTerm(Connection& connection, const domain::MunicipalityScope& scope,
                         domain::Vocabulary vocabulary, std::string_view key);

}  // namespace samskab::storage
