#include "storage/vocabulary_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
#include "storage/search_words.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Term;
using domain::Vocabulary;

constexpr char kSelectOwn[] =
    "SELECT term_key, label_da, label_nb, label_en FROM vocabulary_terms "
    "WHERE municipality_code = ? AND vocabulary = ? ORDER BY label_da, term_key";
constexpr char kSelectOne[] =
    "SELECT term_key, label_da, label_nb, label_en FROM vocabulary_terms "
    "WHERE municipality_code = ? AND vocabulary = ? AND term_key = ?";
constexpr char kInsert[] =
    "INSERT INTO vocabulary_terms (municipality_code, vocabulary, term_key, label_da, label_nb, label_en, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr char kDelete[] =
    "DELETE FROM vocabulary_terms WHERE municipality_code = ? AND vocabulary = ? AND term_key = ?";
// One statement per vocabulary: the columns are part of the SQL, never spliced from input. A
// municipality's own term can be on its collaborations, its needs and its opportunities (volunteer
// profiles and offers are platform-wide and take built-in terms only).
constexpr char kUsesWelfareArea[] =
    "SELECT (SELECT COUNT(*) FROM collaborations WHERE municipality_code = ? AND welfare_area = ?) "
    "+ (SELECT COUNT(*) FROM needs WHERE municipality_code = ? AND welfare_area = ?) "
    "+ (SELECT COUNT(*) FROM opportunities WHERE municipality_code = ? AND welfare_areas LIKE ? ESCAPE '\\')";
constexpr char kUsesTargetGroup[] =
    "SELECT (SELECT COUNT(*) FROM collaborations WHERE municipality_code = ? AND target_group = ?) "
    "+ (SELECT COUNT(*) FROM needs WHERE municipality_code = ? AND target_group = ?) "
    "+ (SELECT COUNT(*) FROM opportunities WHERE municipality_code = ? AND target_groups LIKE ? ESCAPE '\\')";

Term FromRow(const Row& row) {
  Term term;
  term.key = row.Text(0);
  term.built_in = false;
  term.label_da = row.Text(1);
  term.label_nb = row.Text(2);
  term.label_en = row.Text(3);
  return term;
}

Params KeyParams(const MunicipalityScope& scope, Vocabulary vocabulary, const std::string& key) {
  return {scope.code(), std::string(domain::VocabularyName(vocabulary)), key};
}

Result<std::optional<Term>> FindOwn(Connection& connection, const MunicipalityScope& scope,
                                    Vocabulary vocabulary, const std::string& key) {
  auto rows = connection.Query(kSelectOne, KeyParams(scope, vocabulary, key));
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Term>();
  return std::optional<Term>(FromRow(rows->front()));
}

Result<int64_t> CountUsesOn(Connection& connection, const MunicipalityScope& scope, Vocabulary vocabulary,
                            const std::string& key) {
  auto rows = connection.Query(
      vocabulary == Vocabulary::kWelfareArea ? kUsesWelfareArea : kUsesTargetGroup,
      {scope.code(), key, scope.code(), key, scope.code(), ContainsPattern("," + key + ",")});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

nlohmann::json TermToJson(Vocabulary vocabulary, const Term& term) {
  return {{"vocabulary", domain::VocabularyName(vocabulary)},
          {"key", term.key},
          {"label_da", term.label_da},
          {"label_nb", term.label_nb},
          {"label_en", term.label_en}};
}

std::string EntityId(Vocabulary vocabulary, const std::string& key) {
  return fmt::format("{}/{}", domain::VocabularyName(vocabulary), key);
}

}  // namespace

Result<bool> IsKnownTerm(Connection& connection, const MunicipalityScope& scope, Vocabulary vocabulary,
                         std::string_view key) {
  if (domain::IsBuiltInTerm(vocabulary, key)) return true;
  auto own = FindOwn(connection, scope, vocabulary, std::string(key));
  if (!own.ok()) return own.status();
  return own->has_value();
}

Result<std::vector<Term>> ListTerms(Connection& connection, const MunicipalityScope& scope,
                                    Vocabulary vocabulary) {
  std::vector<Term> terms;
  for (const auto key : domain::BuiltInTerms(vocabulary)) {
    Term term;
    term.key = std::string(key);
    terms.push_back(std::move(term));
  }
  auto rows = connection.Query(kSelectOwn, {scope.code(), std::string(domain::VocabularyName(vocabulary))});
  if (!rows.ok()) return rows.status();
  for (const Row& row : *rows) terms.push_back(FromRow(row));
  return terms;
}

Result<std::vector<Term>> VocabularyStore::Terms(const MunicipalityScope& scope, Vocabulary vocabulary) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return ListTerms(**lease, scope, vocabulary);
}

Result<Term> VocabularyStore::AddTerm(const MunicipalityScope& scope, const domain::Actor& actor,
                                      Vocabulary vocabulary, Term term) {
  std::vector<FieldProblem> problems = domain::NormaliseOwnTerm(term);
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  const Status taken = Status(ErrorCode::kAlreadyExists, fmt::format("term {} exists", term.key),
                              "vocabularies.error.key_taken")
                           .WithFields({{"key", "vocabularies.error.key_taken"}});
  if (domain::IsBuiltInTerm(vocabulary, term.key)) return taken;
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Term>(database_, [&](Connection& connection) -> Result<Term> {
    auto existing = FindOwn(connection, scope, vocabulary, term.key);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return taken;
    auto inserted =
        connection.Execute(kInsert, {scope.code(), std::string(domain::VocabularyName(vocabulary)), term.key,
                                     term.label_da, term.label_nb, term.label_en, now});
    // Two admins adding the same key at once: the primary key decides, with the same answer.
    if (!inserted.ok())
      return inserted.status().code() == ErrorCode::kAlreadyExists ? taken : inserted.status();
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "vocabulary.term_add",
                                        "vocabulary_term", EntityId(vocabulary, term.key), std::nullopt,
                                        TermToJson(vocabulary, term).dump(), now));
    return term;
  });
}

Status VocabularyStore::RemoveTerm(const MunicipalityScope& scope, const domain::Actor& actor,
                                   Vocabulary vocabulary, const std::string& key) {
  if (domain::IsBuiltInTerm(vocabulary, key))
    return Status(ErrorCode::kFailedPrecondition, fmt::format("term {} is built in", key),
                  "vocabularies.error.built_in");
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<int64_t>(
             database_,
             [&](Connection& connection) -> Result<int64_t> {
               auto existing = FindOwn(connection, scope, vocabulary, key);
               if (!existing.ok()) return existing.status();
               if (!existing->has_value())
                 return NotFound(fmt::format("term {} not found", key), "vocabularies.error.not_found");
               auto uses = CountUsesOn(connection, scope, vocabulary, key);
               if (!uses.ok()) return uses.status();
               if (*uses > 0)
                 return Status(ErrorCode::kFailedPrecondition,
                               fmt::format("term {} is used {} times", key, *uses),
                               "vocabularies.error.in_use");
               auto deleted = connection.Execute(kDelete, KeyParams(scope, vocabulary, key));
               if (!deleted.ok()) return deleted;
               SAMSKAB_RETURN_IF_ERROR(RecordAudit(
                   connection, actor, scope.code(), "vocabulary.term_remove", "vocabulary_term",
                   EntityId(vocabulary, key), TermToJson(vocabulary, **existing).dump(), std::nullopt, now));
               return deleted;
             })
      .status();
}

Result<int64_t> VocabularyStore::CountUses(const MunicipalityScope& scope, Vocabulary vocabulary,
                                           const std::string& key) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return CountUsesOn(**lease, scope, vocabulary, key);
}

std::string VocabularyStore::TermLabel(const MunicipalityScope& scope, Vocabulary vocabulary,
                                       const std::string& key, std::string_view lang) {
  if (domain::IsBuiltInTerm(vocabulary, key)) return catalog_(lang, domain::BuiltInLabelKey(vocabulary, key));
  auto lease = database_.Acquire();
  if (!lease.ok()) return key;
  auto own = FindOwn(**lease, scope, vocabulary, key);
  if (!own.ok() || !own->has_value()) return key;
  return domain::OwnTermLabel(**own, lang);
}

std::string VocabularyStore::Label(Vocabulary vocabulary, const Term& term, std::string_view lang) const {
  return term.built_in ? catalog_(lang, domain::BuiltInLabelKey(vocabulary, term.key))
                       : domain::OwnTermLabel(term, lang);
}

}  // namespace samskab::storage
