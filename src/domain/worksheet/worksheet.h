// The center worksheet (issue 4, item 9): the discussion guide of Furesø's memo (seed 003, "hvert
// center kan afholde et afdelingsmøde/ledermøder, hvor der drøftes …") as a form a unit fills in
// once a year. The memo's three points become these answers:
//   1a work_areas           relevant work areas where volunteers could take part
//   1b priorities           which of those tasks to prioritise and keep up with volunteers
//   2a quadrants (+ note)   which of the model's quadrants to work with, given priorities and resources
//   2b spreading            whether existing offers can be spread to other areas
//   2c relatives            parents' or relatives' groups that could support the collaboration
//   3  local_possibilities  the possibilities in the local area
//   3  contact_owner        who is responsible for making the contact
// Every unit kind may have worksheets (the memo says "centre/afdelinger"); one per unit and year.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace samskab::domain {

inline constexpr int kFirstWorksheetYear = 2000;
inline constexpr int kLastWorksheetYear = 2100;
inline constexpr size_t kMaxWorksheetAnswerLength = 5000;  // code points
inline constexpr size_t kMaxContactOwnerLength = 500;      // code points

struct Worksheet {
  int64_t id = 0;  // 0: not saved yet
  std::string municipality_code;
  int64_t unit_id = 0;
  std::string unit_name;  // read only, from the unit
  int year = 0;
  std::string work_areas;
  std::string priorities;
  std::vector<int> quadrants;  // sorted, distinct, each 1-4
  std::string quadrants_note;
  std::string spreading;
  std::string relatives;
  std::string local_possibilities;
  std::string contact_owner;
  int64_t revision = 0;  // 0: not saved yet
  std::string created_at;
  std::string updated_at;
};

// One text answer: its field name (form input, JSON, catalog "worksheet.question.<name>"), the
// part of the memo's guide it belongs to (1-3) and its length limit.
struct WorksheetAnswer {
  std::string_view name;
  int part;
  std::string Worksheet::*member;
  size_t max_length;
};
// In the memo's order; the quadrants (part 2) come before "quadrants_note".
inline const std::array<WorksheetAnswer, 7> kWorksheetAnswers = {{
    {"work_areas", 1, &Worksheet::work_areas, kMaxWorksheetAnswerLength},
    {"priorities", 1, &Worksheet::priorities, kMaxWorksheetAnswerLength},
    {"quadrants_note", 2, &Worksheet::quadrants_note, kMaxWorksheetAnswerLength},
    {"spreading", 2, &Worksheet::spreading, kMaxWorksheetAnswerLength},
    {"relatives", 2, &Worksheet::relatives, kMaxWorksheetAnswerLength},
    {"local_possibilities", 3, &Worksheet::local_possibilities, kMaxWorksheetAnswerLength},
    {"contact_owner", 3, &Worksheet::contact_owner, kMaxContactOwnerLength},
}};

// "2026" -> 2026 when it is a year from kFirstWorksheetYear to kLastWorksheetYear; nullopt otherwise.
std::optional<int> ParseWorksheetYear(std::string_view text);

// Trims the answers and checks every rule; each problem names its field ("year", "quadrants",
// an answer's name). Quadrants come back sorted and without duplicates.
std::vector<FieldProblem> NormaliseWorksheet(Worksheet& worksheet);

// ",1,3," <-> {1, 3}: how the chosen quadrants are stored. Unreadable parts are skipped.
std::string JoinQuadrants(const std::vector<int>& quadrants);
std::vector<int> SplitQuadrants(std::string_view stored);

// The worksheet as the audit log records it.
nlohmann::json WorksheetToJson(const Worksheet& worksheet);

}  // namespace samskab::domain
