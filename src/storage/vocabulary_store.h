// The municipality's vocabularies (welfare areas, target groups): the built-in terms of
// src/domain/vocabulary plus the municipality's own (table vocabulary_terms), which its admins
// add and remove (docs/decisions/0010-vocabularies-and-worksheets.md).
//
// Removal: an own term that collaborations still use is not removed (kFailedPrecondition
// "vocabularies.error.in_use"; CountUses says how many use it), so no stored key loses its
// label; built-in terms cannot be removed at all.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/unit/unit.h"
#include "domain/vocabulary/vocabulary.h"
#include "storage/database.h"

namespace samskab::storage {

// True when `key` is a built-in term or one of the municipality's own terms.
Result<bool> IsKnownTerm(Connection& connection, const domain::MunicipalityScope& scope,
                         domain::Vocabulary vocabulary, std::string_view key);

// The municipality's terms: the built-in ones in their order, then its own by Danish label.
Result<std::vector<domain::Term>> ListTerms(Connection& connection, const domain::MunicipalityScope& scope,
                                            domain::Vocabulary vocabulary);

class VocabularyStore {
 public:
  // The text of a catalog key in a language (the built-in terms' labels live in the catalogs).
  using CatalogText = std::function<std::string(std::string_view lang, std::string_view key)>;

  VocabularyStore(Database& database, const Clock& clock, CatalogText catalog)
      : database_(database), clock_(clock), catalog_(std::move(catalog)) {}

  Result<std::vector<domain::Term>> Terms(const domain::MunicipalityScope& scope,
                                          domain::Vocabulary vocabulary);
  // kInvalidArgument naming every bad field (NormaliseOwnTerm); a key that is built in or already
  // the municipality's: kAlreadyExists with the field "key" ("vocabularies.error.key_taken").
  Result<domain::Term> AddTerm(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                               domain::Vocabulary vocabulary, domain::Term term);
  // kFailedPrecondition "vocabularies.error.built_in" for a built-in term,
  // "vocabularies.error.in_use" while collaborations use it; kNotFound for an unknown key.
  Status RemoveTerm(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                    domain::Vocabulary vocabulary, const std::string& key);
  // How many of the municipality's collaborations carry the term.
  Result<int64_t> CountUses(const domain::MunicipalityScope& scope, domain::Vocabulary vocabulary,
                            const std::string& key);

  // The label to show for a stored key in `lang`: the catalog's for a built-in term (no database
  // call), the municipality's own label, or the key itself for a term no longer known.
  std::string TermLabel(const domain::MunicipalityScope& scope, domain::Vocabulary vocabulary,
                        const std::string& key, std::string_view lang);
  // A listed term's label in `lang`.
  std::string Label(domain::Vocabulary vocabulary, const domain::Term& term, std::string_view lang) const;

 private:
  Database& database_;
  const Clock& clock_;
  CatalogText catalog_;
};

}  // namespace samskab::storage
