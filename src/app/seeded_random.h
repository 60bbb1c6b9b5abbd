// The generators' random stream (samskab gen): splitmix64 and modulo draws, no std::
// distributions (their results differ between standard libraries), so the same seed gives the
// same data on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace samskab::app {

class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // 0 <= result < n (modulo draw: the bias is far below what a benchmark notices).
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }
  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return items.at(Below(items.size()));
  }

 private:
  uint64_t state_;
};

}  // namespace samskab::app
