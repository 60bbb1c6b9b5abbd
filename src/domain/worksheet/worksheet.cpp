#include "domain/worksheet/worksheet.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount

namespace samskab::domain {

std::optional<int> ParseWorksheetYear(std::string_view text) {
  int year = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, year);
  if (text.empty() || ec != std::errc() || ptr != end || text.front() == '+' || text.front() == '-')
    return std::nullopt;
  if (year < kFirstWorksheetYear || year > kLastWorksheetYear) return std::nullopt;
  return year;
}

std::vector<FieldProblem> NormaliseWorksheet(Worksheet& worksheet) {
  std::vector<FieldProblem> problems;
  if (worksheet.year < kFirstWorksheetYear || worksheet.year > kLastWorksheetYear)
    problems.push_back({"year", "worksheet.error.year"});
  std::sort(worksheet.quadrants.begin(), worksheet.quadrants.end());
  worksheet.quadrants.erase(std::unique(worksheet.quadrants.begin(), worksheet.quadrants.end()),
                            worksheet.quadrants.end());
  if (std::any_of(worksheet.quadrants.begin(), worksheet.quadrants.end(),
                  [](int q) { return q < 1 || q > 4; }))
    problems.push_back({"quadrants", "worksheet.error.quadrants"});
  for (const auto& answer : kWorksheetAnswers) {
    std::string& text = worksheet.*(answer.member);
    text = std::string(text::Trim(text));
    if (CharacterCount(text) > answer.max_length)
      problems.push_back({std::string(answer.name), "validation.too_long"});
  }
  return problems;
}

std::string JoinQuadrants(const std::vector<int>& quadrants) {
  std::string out = ",";
  for (int q : quadrants) out += std::to_string(q) + ",";
  return out;
}

std::vector<int> SplitQuadrants(std::string_view stored) {
  std::vector<int> quadrants;
  for (char c : stored) {
    if (c >= '1' && c <= '4') quadrants.push_back(c - '0');
  }
  return quadrants;
}

nlohmann::json WorksheetToJson(const Worksheet& worksheet) {
  nlohmann::json json = {{"id", worksheet.id},
                         {"municipality_code", worksheet.municipality_code},
                         {"unit_id", worksheet.unit_id},
                         {"year", worksheet.year},
                         {"quadrants", worksheet.quadrants},
                         {"revision", worksheet.revision},
                         {"updated_at", worksheet.updated_at}};
  for (const auto& answer : kWorksheetAnswers) json[std::string(answer.name)] = worksheet.*(answer.member);
  return json;
}

}  // namespace samskab::domain
