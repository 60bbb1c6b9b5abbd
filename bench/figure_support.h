// What the figure programs (samskab_registry_bench, samskab_import_bench) share: their command
// line, how they give up, and the demo application they measure in-process.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/app.h"
#include "core/clock.h"

namespace samskab::bench {

// "--db URL [--rounds N]"; rounds at least `min_rounds`. Dies with the usage when no URL is given.
struct FigureArgs {
  std::string url;
  int rounds = 0;
};
FigureArgs ReadFigureArgs(int argc, char** argv, int default_rounds, int min_rounds);

// Prints "<program>: <message>" (the program named by SetFigureProgram) and exits with 1.
void SetFigureProgram(std::string_view name);
[[noreturn]] void Die(const std::string& message);

// Latencies in milliseconds, summarised.
struct Percentiles {
  double p50 = 0;
  double p95 = 0;
};
Percentiles Summarise(std::vector<double> ms);
// Wall time of one run, in milliseconds.
double Time(const std::function<void()>& run);
// `rounds` runs after one to warm the statement caches.
Percentiles Measure(int rounds, const std::function<void()>& run);
// Two alternatives measured in alternation, so that load from elsewhere on the machine falls on
// both alike and their ratio stays meaningful.
std::pair<Percentiles, Percentiles> MeasurePair(int rounds, const std::function<void()>& a,
                                                const std::function<void()>& b);

// The database at `url` with the demo municipality (0190) set up, and the application on it with a
// pool of two connections, as `samskab serve` would build it.
std::unique_ptr<app::App> OpenDemoApp(const std::string& url, const Clock& clock);

// The Cookie header of a session of the municipal admin `email` of 0190 (made when missing),
// opened directly: the figures measure the pages and the API, not the login.
std::string AdminSessionCookie(app::App& app, const std::string& email);

}  // namespace samskab::bench
