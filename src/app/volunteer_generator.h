// `samskab gen --volunteers N`: seeded synthetic volunteers for the matching figures and demos
// (issue 5 item 7). Each volunteer is a users row (a name from the lists in the .cpp, an address
// at example.invalid, a password hash no password matches, so nobody can log in as one), a
// volunteer_profiles row and its market_changes entry, written with multi-row INSERTs in large
// transactions so a million load in minutes on both backends.
//
// Plausible, not real: postcodes weighted towards the municipality (a fifth in it, more nearby,
// the rest anywhere in Denmark), Zipf-like skills (visiting and driving common, legal advice
// rare), most speak Danish and English and some Arabic, Ukrainian, Farsi …, evenings and
// weekends more common than weekday mornings, a quarter with a child-protection certificate,
// most consenting to matching. Deterministic like the rest of `gen` (its own splitmix64 stream).
#pragma once

#include <cstdint>
#include <string>

#include "app/app.h"

namespace samskab::app {

struct VolunteerGeneratorOptions {
  std::string municipality_code;  // whose neighbourhood the postcodes favour
  int64_t volunteers = 0;
  uint64_t seed = 1;
};

// Returns the number of volunteers added.
Result<int64_t> GenerateVolunteers(App& app, const VolunteerGeneratorOptions& options);

}  // namespace samskab::app
