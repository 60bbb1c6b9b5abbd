// Welfare areas and target groups: the two vocabularies collaborations, organisations (and later
// needs, offers and volunteers) are tagged with. Every municipality starts with the built-in terms
// below (labels in the message catalogs, "vocabulary.<vocabulary>.<key>"); a municipality may add
// its own terms with labels in three languages (table vocabulary_terms). Keys are stable
// identifiers ([a-z0-9_], 1-40 characters): data stores keys, pages show labels.
//
// Platform-wide records (an organisation's own profile) use the built-in keys only, since they
// are read by every municipality; municipal records (collaborations) may also use the
// municipality's own terms.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace samskab::domain {

enum class Vocabulary { kWelfareArea, kTargetGroup };

std::string_view VocabularyName(Vocabulary vocabulary);  // "welfare_area", "target_group"
std::optional<Vocabulary> ParseVocabulary(std::string_view name);

// The built-in keys of a vocabulary, in the order pages list them.
std::span<const std::string_view> BuiltInTerms(Vocabulary vocabulary);
bool IsBuiltInTerm(Vocabulary vocabulary, std::string_view key);
// "vocabulary.welfare_area.elderly": the catalog key of a built-in term's label.
std::string BuiltInLabelKey(Vocabulary vocabulary, std::string_view key);

// A term as a municipality sees it: built-in (labels from the catalogs) or its own.
struct Term {
  std::string key;
  bool built_in = true;
  std::string label_da;  // own terms only
  std::string label_nb;
  std::string label_en;
};

// The label of a municipality's own term in `lang` ("da", "nb", "en"); Danish when empty.
const std::string& OwnTermLabel(const Term& term, std::string_view lang);

// [a-z0-9_], 1-40 characters; kInvalidArgument "vocabulary.error.key" otherwise.
Status CheckTermKey(std::string_view key);

inline constexpr size_t kMaxTermLabelLength = 100;  // code points

// A municipality's own term before it is stored: trims the key and the labels, and names every
// bad field ("key", "label_da", "label_nb", "label_en"): the key's format, each label required
// and at most kMaxTermLabelLength. Whether the key is taken is the store's question.
std::vector<FieldProblem> NormaliseOwnTerm(Term& term);

// Each key of a list must be a built-in term: kInvalidArgument "vocabulary.error.unknown_term".
// The keys are returned sorted and without duplicates.
Result<std::vector<std::string>> NormaliseBuiltInKeys(Vocabulary vocabulary, std::vector<std::string> keys);

// ",a,b," <-> {"a", "b"}: how key lists are stored (one LIKE '%,a,%' finds a key).
std::string JoinKeyList(std::span<const std::string> keys);
std::vector<std::string> SplitKeyList(std::string_view stored);

}  // namespace samskab::domain
