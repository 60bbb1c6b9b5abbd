#include "domain/market/availability.h"

#include <array>
#include <bit>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace samskab::domain {
namespace {

constexpr std::array<std::string_view, kDaysPerWeek> kDays = {"mon", "tue", "wed", "thu",
                                                              "fri", "sat", "sun"};
constexpr std::array<std::string_view, kSlotsPerDay> kSlots = {"morning", "afternoon", "evening"};

std::optional<int> ParseSlot(std::string_view key) {
  for (int slot = 0; slot < kSlotsPerDay; ++slot) {
    if (kSlots[slot] == key) return slot;
  }
  return std::nullopt;
}

Status BadShape(std::string detail) {
  return InvalidArgument("availability grid: " + std::move(detail), "availability.error.shape");
}

}  // namespace

std::string_view DayKey(int day) { return kDays.at(day); }
std::string_view SlotKey(int slot) { return kSlots.at(slot); }

std::optional<int> ParseDay(std::string_view key) {
  for (int day = 0; day < kDaysPerWeek; ++day) {
    if (kDays[day] == key) return day;
  }
  return std::nullopt;
}

std::string WeeklyAvailability::CellKey(int day, int slot) {
  return fmt::format("{}_{}", DayKey(day), SlotKey(slot));
}

Result<WeeklyAvailability> WeeklyAvailability::FromJson(const nlohmann::json& grid) {
  if (!grid.is_object()) return BadShape("not an object of days");
  WeeklyAvailability availability;
  for (const auto& [day_key, slots] : grid.items()) {
    auto day = ParseDay(day_key);
    if (!day) return BadShape(fmt::format("unknown day '{}'", day_key));
    if (!slots.is_array()) return BadShape(fmt::format("day '{}' is not a list of slots", day_key));
    for (const auto& slot_value : slots) {
      auto slot = slot_value.is_string() ? ParseSlot(slot_value.get<std::string>()) : std::nullopt;
      if (!slot) return BadShape(fmt::format("day '{}' has an unknown slot", day_key));
      if (availability.Has(*day, *slot)) return BadShape(fmt::format("day '{}' repeats a slot", day_key));
      availability.Set(*day, *slot);
    }
  }
  return availability;
}

nlohmann::json WeeklyAvailability::ToJson() const {
  nlohmann::json grid = nlohmann::json::object();
  for (int day = 0; day < kDaysPerWeek; ++day) {
    if (!OnDay(day)) continue;
    nlohmann::json slots = nlohmann::json::array();
    for (int slot = 0; slot < kSlotsPerDay; ++slot) {
      if (Has(day, slot)) slots.push_back(SlotKey(slot));
    }
    grid[std::string(DayKey(day))] = std::move(slots);
  }
  return grid;
}

Result<WeeklyAvailability> WeeklyAvailability::FromCellKeys(const std::vector<std::string>& cells) {
  WeeklyAvailability availability;
  for (const std::string& cell : cells) {
    const size_t underscore = cell.find('_');
    auto day = underscore == std::string::npos ? std::nullopt
                                               : ParseDay(std::string_view(cell).substr(0, underscore));
    auto slot = day ? ParseSlot(std::string_view(cell).substr(underscore + 1)) : std::nullopt;
    if (!slot) return BadShape(fmt::format("unknown cell '{}'", cell));
    availability.Set(*day, *slot);
  }
  return availability;
}

std::vector<std::string> WeeklyAvailability::CellKeys() const {
  std::vector<std::string> cells;
  cells.reserve(static_cast<size_t>(Count()));
  for (int day = 0; day < kDaysPerWeek; ++day) {
    for (int slot = 0; slot < kSlotsPerDay; ++slot) {
      if (Has(day, slot)) cells.push_back(CellKey(day, slot));
    }
  }
  return cells;
}

int WeeklyAvailability::Count() const { return std::popcount(bits_); }

int WeeklyAvailability::Overlap(const WeeklyAvailability& other) const {
  return std::popcount(bits_ & other.bits_);
}

}  // namespace samskab::domain
