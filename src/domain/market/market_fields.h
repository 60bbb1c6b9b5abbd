// The rules needs and offers share (title, description, skills, languages, postcode, dates,
// status), written once for both. Each check appends its problems by API field name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/place/postcodes.h"

namespace samskab::domain::market {

void TrimText(std::string& text);
// Trims; an empty text becomes nullopt.
void TrimOptional(std::optional<std::string>& text);

// "title" 1-200 characters, "description" at most 5000.
void CheckTitleAndDescription(const std::string& title, const std::string& description,
                              std::vector<FieldProblem>& problems);
// "skills" and "languages" from their catalogs (domain/market/skills.h), sorted and distinct.
void CheckSkillsAndLanguages(std::vector<std::string>& skills, std::vector<std::string>& languages,
                             std::vector<FieldProblem>& problems);
// "postcode": a Danish postcode; normalised to its four digits, `town` filled in.
void CheckPostcode(std::optional<std::string>& postcode, std::string& town,
                   const PostcodeDirectory& postcodes, std::vector<FieldProblem>& problems);
// "starts_on", "ends_on": YYYY-MM-DD, the end not before the start.
void CheckDates(const std::optional<std::string>& starts_on, const std::optional<std::string>& ends_on,
                std::vector<FieldProblem>& problems);

std::vector<std::string_view> AllSharedMessageKeys();

}  // namespace samskab::domain::market
