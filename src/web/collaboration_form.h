// The form of a collaboration (create and edit share it): what the form's inputs hold for a
// stored collaboration, the posted form as the API's JSON body (so api::ReadCollaborationFields
// is the one reader of a collaboration's fields, and a field means the same in the API, the
// import and the form), where the API's field names show their problems in the form, and the
// form itself with its parts.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "domain/collaboration/collaboration.h"
#include "domain/unit/unit.h"
#include "domain/vocabulary/vocabulary.h"
#include "storage/partner_choices.h"
#include "web/forms.h"
#include "web/pages.h"

namespace samskab::web {

// The form's input names that are not the API's own.
inline constexpr std::string_view kFactsInput = "involvement_facts";  // one checkbox per fact
inline constexpr std::string_view kOverrideLevelInput = "override_level";
inline constexpr std::string_view kOverrideReasonInput = "override_reason";

// The inputs of the form for a stored collaboration (as a browser would post them).
text::Params FormValuesOf(const domain::Collaboration& collaboration);

// The posted form as the API's body. Numbers and ids that do not parse are passed on as text, so
// the reader names them ("validation.number"); empty optional fields become null.
nlohmann::json BodyOf(const text::Params& posted);

// The form input where a problem of the API's field shows ("involvement_override.reason" ->
// "override_reason", "involvement_facts.rooms_lent" -> "involvement_facts").
std::string FormInputOf(std::string_view api_field);

// What the form offers to choose from.
struct CollaborationChoices {
  std::vector<domain::Unit> units;  // in the caller's reach (and those already taking part)
  std::map<int64_t, int> unit_depths;
  std::vector<storage::PartnerChoice> partners;
  std::vector<domain::CollaborationStatus> statuses;  // all for a new one; the lifecycle's next ones
  // The municipality's welfare areas and target groups (key, label), built-in then its own.
  std::map<domain::Vocabulary, std::vector<std::pair<std::string, std::string>>> terms;
  std::function<std::string(domain::Vocabulary, std::string_view key)> term_label;  // any stored key
};

// The form, filled with `values` and showing `problems` (form input names) at their inputs.
Form CollaborationForm(const PageDependencies& deps, const http::Request& request, std::string action,
                       const CollaborationChoices& choices, const text::Params& values,
                       std::vector<FieldProblem> problems, bool creating);

// A whole number as JSON, or the text itself when it is not one (the API's reader then names it):
// how forms pass numbers on to the API's readers.
nlohmann::json NumberOrText(std::string_view raw);
// An optional field of a form for the API: null when left blank, else the text / NumberOrText.
nlohmann::json TextOrNull(std::string_view raw);
nlohmann::json NumberOrNull(std::string_view raw);

// A unit's name indented by its depth with no-break spaces (selects cannot indent otherwise).
std::string IndentedUnitName(const domain::Unit& unit, int depth);

}  // namespace samskab::web
