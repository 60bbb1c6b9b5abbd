#include "figure_support.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "app/config.h"
#include "app/sample_data.h"
#include "storage/database.h"

namespace samskab::bench {
namespace {

std::string& Program() {
  static std::string name = "bench";
  return name;
}

}  // namespace

void SetFigureProgram(std::string_view name) { Program() = std::string(name); }

void Die(const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", Program().c_str(), message.c_str());
  std::exit(1);
}

FigureArgs ReadFigureArgs(int argc, char** argv, int default_rounds, int min_rounds) {
  FigureArgs args;
  args.rounds = default_rounds;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db") args.url = argv[i + 1];
    if (flag == "--rounds") args.rounds = std::max(min_rounds, std::atoi(argv[i + 1]));
  }
  if (args.url.empty()) Die("usage: --db URL [--rounds N]");
  return args;
}

Percentiles Summarise(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

double Time(const std::function<void()>& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

Percentiles Measure(int rounds, const std::function<void()>& run) {
  run();
  std::vector<double> ms;
  ms.reserve(static_cast<size_t>(rounds));
  for (int i = 0; i < rounds; ++i) ms.push_back(Time(run));
  return Summarise(std::move(ms));
}

std::pair<Percentiles, Percentiles> MeasurePair(int rounds, const std::function<void()>& a,
                                                const std::function<void()>& b) {
  a();
  b();
  std::vector<double> first, second;
  for (int i = 0; i < rounds; ++i) {
    first.push_back(Time(a));
    second.push_back(Time(b));
  }
  return {Summarise(std::move(first)), Summarise(std::move(second))};
}

std::unique_ptr<app::App> OpenDemoApp(const std::string& url, const Clock& clock) {
  spdlog::set_level(spdlog::level::warn);
  {
    auto database = storage::Database::Open(url, 1);
    if (!database.ok()) Die(database.status().log_message());
    auto status = app::SetUpDemo(**database, clock, "0190");
    if (!status.ok()) Die(status.log_message());
  }
  app::Config config;
  config.database_url = url;
  config.database_pool_size = 2;
  auto created = app::App::Create(config, clock);
  if (!created.ok()) Die(created.status().log_message());
  return std::move(created).value();
}

std::string AdminSessionCookie(app::App& app, const std::string& email) {
  domain::User user;
  user.email = email;
  user.display_name = "Bench";
  user.password_hash = "no password: the session is opened directly";
  auto person =
      app.accounts().CreateUser(domain::Actor::System("bench", "bench"), user,
                                {{domain::Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt}});
  int64_t user_id = 0;
  if (person.ok()) {
    user_id = person->id;
  } else {
    auto existing = app.accounts().FindByEmail(user.email);
    if (!existing.ok()) Die(person.status().log_message());
    user_id = existing->user.id;
  }
  auto session = app.authenticator().OpenSession(user_id);
  if (!session.ok()) Die(session.status().log_message());
  return session->set_cookie.substr(0, session->set_cookie.find(';'));
}

}  // namespace samskab::bench
