// The clock is injected so that tests can fix "now" (deadlines, reminders, token expiry).
// SystemClock is safe from any thread; FixedClock is for tests.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace samskab {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override { return std::chrono::system_clock::now(); }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point now) : now_(now.time_since_epoch().count()) {}
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::time_point(std::chrono::system_clock::duration(now_.load()));
  }
  void Advance(std::chrono::system_clock::duration d) { now_ += d.count(); }

 private:
  std::atomic<std::chrono::system_clock::rep> now_;
};

// "2026-11-23T12:49:51Z": the one timestamp format stored in the database (sortable, both backends).
std::string FormatUtc(std::chrono::system_clock::time_point t);

}  // namespace samskab
