// Data to look at and to measure with: the demo municipality's hand-written collaborations (in
// Danish, across every quadrant, the medium band, an override and an idea without partners), and
// a seeded generator for benchmarks (`samskab gen`), documented in docs/OPERATIONS.md.
//
// The generator is deterministic: the same seed gives the same data on every machine (its own
// splitmix64 stream and modulo draws, no std:: distributions, whose results differ between
// standard libraries). Everything goes through the stores, so generated rows obey every rule and
// carry their derived placement, exactly as rows typed in by people.
#pragma once

#include <cstdint>
#include <string>

#include "app/app.h"

namespace samskab::app {

// Adds the demo's units, organisations and collaborations to the site municipality unless it
// already has collaborations. Idempotent. Danish municipalities only (the set is Furesø's).
Status SetUpDemoCollaborations(App& app);

struct GeneratorOptions {
  std::string municipality_code;
  int64_t organisations = 0;
  int64_t collaborations = 0;
  uint64_t seed = 1;
};

struct GeneratorReport {
  int64_t units = 0;  // created (a fixed hierarchy of 4 administrations, 14 centers, 42 departments)
  int64_t organisations = 0;
  int64_t collaborations = 0;
};

// Adds generated units (once), organisations and collaborations to a municipality.
Result<GeneratorReport> Generate(App& app, const GeneratorOptions& options);

}  // namespace samskab::app
