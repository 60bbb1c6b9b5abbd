// A weekly availability grid: seven days (Monday first) × three parts of the day (morning,
// afternoon, evening), stored as 21 bits (bit day * 3 + slot). Volunteers say when they can help;
// opportunities, needs and offers say when the help is wanted or given. The matching engine counts
// the overlap of two grids with one popcount.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace samskab::domain {

inline constexpr int kDaysPerWeek = 7;
inline constexpr int kSlotsPerDay = 3;
inline constexpr uint32_t kFullWeek = (1U << (kDaysPerWeek * kSlotsPerDay)) - 1;

// "mon" … "sun" and "morning", "afternoon", "evening": the keys of the API and of form fields.
std::string_view DayKey(int day);
std::string_view SlotKey(int slot);
std::optional<int> ParseDay(std::string_view key);

class WeeklyAvailability {
 public:
  WeeklyAvailability() = default;
  // REQUIRES: bits <= kFullWeek (the database's CHECK holds this for stored values).
  static WeeklyAvailability FromBits(uint32_t bits) { return WeeklyAvailability(bits & kFullWeek); }

  // The API's form: an object of days, each a list of slots: {"mon": ["morning", "evening"]}.
  // Unknown days or slots, a day that is not a list, a repeated slot: kInvalidArgument with the
  // catalog key "availability.error.shape" and the offending part in the log message.
  static Result<WeeklyAvailability> FromJson(const nlohmann::json& grid);
  nlohmann::json ToJson() const;

  // Form fields: one checkbox per cell named "mon_morning" … "sun_evening". Any other cell name
  // is refused like FromJson.
  static Result<WeeklyAvailability> FromCellKeys(const std::vector<std::string>& cells);
  std::vector<std::string> CellKeys() const;  // in grid order
  static std::string CellKey(int day, int slot);

  bool Has(int day, int slot) const { return (bits_ >> (day * kSlotsPerDay + slot)) & 1U; }
  void Set(int day, int slot) { bits_ |= 1U << (day * kSlotsPerDay + slot); }
  bool OnDay(int day) const { return (bits_ >> (day * kSlotsPerDay)) & 0b111U; }
  bool empty() const { return bits_ == 0; }
  uint32_t bits() const { return bits_; }
  int Count() const;
  // The cells both grids have.
  int Overlap(const WeeklyAvailability& other) const;

  bool operator==(const WeeklyAvailability&) const = default;

 private:
  explicit WeeklyAvailability(uint32_t bits) : bits_(bits) {}
  uint32_t bits_ = 0;
};

}  // namespace samskab::domain
