#include "storage/vocabulary_store.h"

namespace samskab::storage {

Result<bool> IsKnownTerm(Connection& connection, const domain::MunicipalityScope& scope,
                         domain::Vocabulary vocabulary, std::string_view key) {
  if (domain::IsBuiltInTerm(vocabulary, key)) return true;
  auto rows = connection.Query(
      "SELECT COUNT(*) FROM vocabulary_terms WHERE municipality_code = ? AND vocabulary = ? AND term_key = ?",
      {scope.code(), std::string(domain::VocabularyName(vocabulary)), std::string(key)});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0) > 0;
}

}  // namespace samskab::storage
