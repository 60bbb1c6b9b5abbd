// Hand-judged relevance cases for the matching engine (issue 5 "Relevance"): a small set of
// volunteers a person can read, and needs with the volunteers a human says fit (expected in the
// top 10) and those that must never be proposed (no certificate, no consent, private, inactive,
// too far). Shared by the gtest (matching_test.cpp asserts them) and the figures
// (bench/matching_figures.cpp prints precision@10 over them), so both judge the same table.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "domain/market/matching.h"
#include "domain/place/postcodes.h"

namespace samskab::domain {

// A volunteer written for people: keys and codes as stored.
struct JudgedVolunteer {
  int64_t id = 0;
  std::string name;
  std::string skills;  // ",a,b,"
  std::string tags;    // ",a,b,"
  std::string languages;
  std::string welfare_areas;
  std::string target_groups;
  uint32_t availability = 0;
  std::string postcode;
  int travel_km = 10;
  bool certificate = false;
  bool consent = true;
  bool visible = true;
  bool active = true;
};

struct JudgedNeed {
  std::string title;
  std::string description;
  std::string skills;
  std::string languages;
  std::string welfare_area;
  std::string target_group;
  uint32_t availability = 0;
  std::string postcode;
  bool involves_children = false;
  std::vector<int64_t> relevant;  // a person judged these fitting: expected in the top 10
  std::vector<int64_t> excluded;  // a hard constraint rules these out: never proposed
};

const std::vector<JudgedVolunteer>& JudgedVolunteers();
const std::vector<JudgedNeed>& JudgedNeeds();

// The engine's view of them (centroids from `postcodes`).
MatchProfile ToMatchProfile(const JudgedVolunteer& volunteer, const PostcodeDirectory& postcodes);
MatchQuery ToMatchQuery(const JudgedNeed& need, const PostcodeDirectory& postcodes);

// Availability shorthands: bit day * 3 + slot.
uint32_t Weekdays(int slot);  // Monday to Friday, one part of the day (0 morning, 1 afternoon, 2 evening)
uint32_t Weekend();           // Saturday and Sunday, all day

struct RelevanceScore {
  int cases = 0;
  double precision_at_10 = 0;  // mean over cases: judged fitting among the proposed top 10
  double recall_at_10 = 0;     // mean over cases: share of the judged fitting found in the top 10
  int excluded_proposed = 0;   // hard-constraint violations (must be 0)
};
// Ranks each case against JudgedVolunteers() in a fresh VolunteerIndex.
RelevanceScore ScoreRelevance(const PostcodeDirectory& postcodes);

}  // namespace samskab::domain
