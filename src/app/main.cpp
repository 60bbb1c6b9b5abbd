// samskab: one binary with subcommands. Wiring and start-up only.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/accounts_cli.h"
#include "app/app.h"
#include "app/config.h"
#include "app/market_demo.h"
#include "app/needs_demo.h"
#include "app/opportunity_generator.h"
#include "app/periodic_job.h"
#include "app/sample_data.h"
#include "app/volunteer_generator.h"
#include "core/logging.h"
#include "storage/migrations.h"
#include "storage/retention.h"

namespace {

using samskab::Status;
using samskab::app::Config;

struct CommonOptions {
  std::string config_file;
  std::string database_url;
  std::vector<std::string> settings;  // --set key=value
};

// Defaults, then the TOML file, then SAMSKAB_* variables, then flags.
samskab::Result<Config> LoadConfig(const CommonOptions& options,
                                   const std::vector<std::pair<std::string, std::string>>& flags) {
  Config config;
  if (!options.config_file.empty()) {
    std::ifstream in(options.config_file);
    if (!in)
      return samskab::InvalidArgument(fmt::format("cannot read configuration file {}", options.config_file));
    std::stringstream text;
    text << in.rdbuf();
    SAMSKAB_RETURN_IF_ERROR(samskab::app::ApplyToml(config, text.str(), options.config_file));
  }
  SAMSKAB_RETURN_IF_ERROR(samskab::app::ApplyEnvironment(config, samskab::app::ProcessEnvironment()));
  if (!options.database_url.empty()) {
    SAMSKAB_RETURN_IF_ERROR(
        samskab::app::ApplySetting(config, "database.url", options.database_url, "flag --db"));
  }
  for (const auto& [key, value] : flags) {
    SAMSKAB_RETURN_IF_ERROR(samskab::app::ApplySetting(config, key, value, "flag"));
  }
  for (const auto& setting : options.settings) {
    const size_t eq = setting.find('=');
    if (eq == std::string::npos) {
      return samskab::InvalidArgument(fmt::format("--set {}: use --set key=value", setting));
    }
    SAMSKAB_RETURN_IF_ERROR(
        samskab::app::ApplySetting(config, setting.substr(0, eq), setting.substr(eq + 1), "flag --set"));
  }
  return config;
}

int Fail(const Status& status) {
  std::fprintf(stderr, "samskab: %s\n", status.log_message().c_str());
  return status.code() == samskab::ErrorCode::kInvalidArgument ? 2 : 1;
}

int Serve(const CommonOptions& common, const std::string& listen) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, std::string>> flags;
  if (!listen.empty()) flags.emplace_back("server.listen", listen);
  auto config = LoadConfig(common, flags);
  if (!config.ok()) return Fail(config.status());
  Status logging = samskab::logging::Init(config->log_level, config->log_file);
  if (!logging.ok()) return Fail(logging);
  samskab::SystemClock clock;
  auto app = samskab::app::App::Create(*config, clock);
  if (!app.ok()) return Fail(app.status());
  // Refuse a database newer than this binary (or not yet migrated): say what to do instead.
  Status schema = samskab::storage::CheckSchemaCurrent((*app)->database());
  if (!schema.ok()) return Fail(schema);
  samskab::http::Server server((*app)->ServerOptionsFromConfig(), (*app)->dispatcher(), (*app)->metrics());
  // Housekeeping: what is past its retention period goes, hourly (docs/PRIVACY.md).
  samskab::app::PeriodicJob retention(std::chrono::hours(1), [&app, &clock] {
    auto report = samskab::storage::ApplyRetention((*app)->database(), clock.Now(), {});
    if (!report.ok()) {
      spdlog::warn("event=retention_failed {}", report.status().log_message());
    } else if (report->total() > 0) {
      spdlog::info(
          "event=retention sessions={} links={} failures={} outbox={} inquiries={} audit={} imports={} "
          "volunteers={} applications={} market_changes={}",
          report->sessions, report->one_time_tokens, report->login_failures, report->outbox,
          report->inquiries, report->audit, report->imports, report->volunteers, report->applications,
          report->market_changes);
    }
  });
  // The matching index loads at start instead of at the first match, and follows the change log
  // every minute besides before each match, so a match rarely waits (docs/OPERATIONS.md).
  samskab::app::PeriodicJob matching_index(std::chrono::minutes(1), [&app] {
    Status refreshed = (*app)->volunteer_index().Refresh();
    if (!refreshed.ok()) spdlog::warn("event=matching_index_failed {}", refreshed.log_message());
  });
  uint16_t port = 0;
  try {
    port = server.Bind();
  } catch (const std::exception& e) {
    return Fail(
        samskab::Unavailable(fmt::format("cannot listen on {}: {}", config->server_listen, e.what())));
  }
  server.Run(/*handle_signals=*/true, [&] {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    spdlog::info("event=ready listen={}:{} database=\"{}\" startup_ms={:.1f} io_threads={} worker_threads={}",
                 config->ListenHost(), port, (*app)->database().description(), ms, config->server_io_threads,
                 config->server_worker_threads);
    spdlog::default_logger()->flush();
  });
  spdlog::info("event=stopped");
  spdlog::default_logger()->flush();
  return 0;
}

int Migrate(const CommonOptions& common) {
  auto config = LoadConfig(common, {});
  if (!config.ok()) return Fail(config.status());
  auto database = samskab::storage::Database::Open(config->database_url, 1);
  if (!database.ok()) return Fail(database.status());
  samskab::SystemClock clock;
  auto applied = samskab::app::MigrateAndLoadReferenceData(**database, clock);
  if (!applied.ok()) return Fail(applied.status());
  std::printf("samskab: %d migration(s) applied; schema version %d\n", *applied,
              samskab::storage::LatestSchemaVersion());
  return 0;
}

int Demo(const CommonOptions& common, const std::string& municipality) {
  std::vector<std::pair<std::string, std::string>> flags;
  if (!municipality.empty()) flags.emplace_back("site.municipality", municipality);
  auto config = LoadConfig(common, flags);
  if (!config.ok()) return Fail(config.status());
  auto database = samskab::storage::Database::Open(config->database_url, 1);
  if (!database.ok()) return Fail(database.status());
  samskab::SystemClock clock;
  Status status = samskab::app::SetUpDemo(**database, clock, config->site_municipality);
  if (!status.ok()) return Fail(status);
  auto app = samskab::app::App::Create(*config, clock);
  if (!app.ok()) return Fail(app.status());
  Status people = samskab::app::SetUpDemoPeople(**app);
  if (!people.ok()) return Fail(people);
  Status collaborations = samskab::app::SetUpDemoCollaborations(**app);
  if (!collaborations.ok()) return Fail(collaborations);
  Status market = samskab::app::SetUpDemoMarket(**app);
  if (!market.ok()) return Fail(market);
  Status needs = samskab::app::SetUpDemoNeeds(**app);
  if (!needs.ok()) return Fail(needs);
  std::printf("samskab: demo municipality %s ready in %s\n", config->site_municipality.c_str(),
              (*database)->description().c_str());
  std::printf(
      "samskab: demo accounts (password %s): platform@, admin@, medarbejder@, forening@, "
      "frivillig@demo.samskab.dk\n",
      samskab::app::kDemoPassword);
  return 0;
}

// Opens the application on a migrated database for a one-off command.
samskab::Result<std::unique_ptr<samskab::app::App>> OpenApp(const CommonOptions& common,
                                                            const samskab::Clock& clock) {
  auto config = LoadConfig(common, {});
  if (!config.ok()) return config.status();
  (void)samskab::logging::Init("warn", "-");
  config->database_pool_size = 2;
  return samskab::app::App::Create(*config, clock);
}

int Retention(const CommonOptions& common) {
  samskab::SystemClock clock;
  auto app = OpenApp(common, clock);
  if (!app.ok()) return Fail(app.status());
  auto report = samskab::storage::ApplyRetention((*app)->database(), clock.Now(), {});
  if (!report.ok()) return Fail(report.status());
  std::printf(
      "samskab: deleted %lld expired session(s), %lld link(s), %lld failure counter(s), %lld outbox "
      "message(s), %lld contact message(s), %lld audit entr(ies), %lld CSV upload(s), %lld stopped volunteer "
      "profile(s), %lld application(s) of applicants not taken on, %lld matching change log entr(ies)\n",
      static_cast<long long>(report->sessions), static_cast<long long>(report->one_time_tokens),
      static_cast<long long>(report->login_failures), static_cast<long long>(report->outbox),
      static_cast<long long>(report->inquiries), static_cast<long long>(report->audit),
      static_cast<long long>(report->imports), static_cast<long long>(report->volunteers),
      static_cast<long long>(report->applications), static_cast<long long>(report->market_changes));
  return 0;
}

int Gen(const CommonOptions& common, samskab::app::GeneratorOptions options, int64_t volunteers,
        int64_t opportunities) {
  samskab::SystemClock clock;
  auto app = OpenApp(common, clock);
  if (!app.ok()) return Fail(app.status());
  if (options.municipality_code.empty()) options.municipality_code = (*app)->config().site_municipality;
  const auto started = std::chrono::steady_clock::now();
  auto seconds_since = [](std::chrono::steady_clock::time_point from) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - from).count();
  };
  // `--volunteers` or `--opportunities` alone add only those; the registry's generator (units,
  // organisations, collaborations) runs when asked for, or when nothing else is.
  const bool market_only =
      (volunteers != 0 || opportunities != 0) && options.organisations == 0 && options.collaborations == 0;
  if (!market_only) {
    auto report = samskab::app::Generate(**app, options);
    if (!report.ok()) return Fail(report.status());
    std::printf(
        "samskab: generated %lld unit(s), %lld organisation(s), %lld collaboration(s) in %s (seed %llu, %.1f "
        "s)\n",
        static_cast<long long>(report->units), static_cast<long long>(report->organisations),
        static_cast<long long>(report->collaborations), options.municipality_code.c_str(),
        static_cast<unsigned long long>(options.seed), seconds_since(started));
  }
  if (volunteers != 0) {  // a negative count is refused by the generator
    const auto volunteers_started = std::chrono::steady_clock::now();
    auto added =
        samskab::app::GenerateVolunteers(**app, {options.municipality_code, volunteers, options.seed});
    if (!added.ok()) return Fail(added.status());
    std::printf("samskab: generated %lld volunteer(s) near %s (seed %llu, %.1f s)\n",
                static_cast<long long>(*added), options.municipality_code.c_str(),
                static_cast<unsigned long long>(options.seed), seconds_since(volunteers_started));
  }
  if (opportunities != 0) {
    const auto opportunities_started = std::chrono::steady_clock::now();
    auto made =
        samskab::app::GenerateOpportunities(**app, {options.municipality_code, opportunities, options.seed});
    if (!made.ok()) return Fail(made.status());
    std::printf("samskab: generated %lld opportunit(ies) in %s (seed %llu, %.1f s)\n",
                static_cast<long long>(made->opportunities), options.municipality_code.c_str(),
                static_cast<unsigned long long>(options.seed), seconds_since(opportunities_started));
  }
  return 0;
}

int UserAdd(const CommonOptions& common, const std::string& email, const std::string& name,
            const samskab::app::GrantOptions& grant) {
  samskab::SystemClock clock;
  auto app = OpenApp(common, clock);
  if (!app.ok()) return Fail(app.status());
  auto id = samskab::app::AddUser(**app, email, name, grant, std::cin);
  if (!id.ok()) return Fail(id.status());
  std::printf("samskab: user %lld (%s) added with role %s\n", static_cast<long long>(*id), email.c_str(),
              grant.role.c_str());
  return 0;
}

int TokenCreate(const CommonOptions& common, const std::string& name,
                const samskab::app::GrantOptions& grant) {
  samskab::SystemClock clock;
  auto app = OpenApp(common, clock);
  if (!app.ok()) return Fail(app.status());
  auto token = samskab::app::CreateToken(**app, name, grant);
  if (!token.ok()) return Fail(token.status());
  std::printf("samskab: token %lld (%s, role %s%s%s) created; it is shown only now:\n",
              static_cast<long long>(token->token.id), token->token.name.c_str(), grant.role.c_str(),
              grant.municipality.empty() ? "" : ", municipality ", grant.municipality.c_str());
  // The token alone on the last line, so that scripts can take it with `tail -n1`.
  std::printf("%s\n", token->secret.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"samskab: the platform on which a municipality and its civil society work together"};
  cli.require_subcommand(1);
  CommonOptions common;
  auto add_common = [&common](CLI::App* command) {
    command->add_option("--config", common.config_file, "TOML configuration file");
    command->add_option("--db", common.database_url, "database URL: sqlite:PATH or postgresql://…");
    command->add_option("--set", common.settings, "override a setting, e.g. --set server.worker_threads=2");
  };
  std::string listen;
  auto* serve = cli.add_subcommand("serve", "serve the web pages and the API");
  add_common(serve);
  serve->add_option("--listen", listen, "HOST:PORT, default 127.0.0.1:8080");
  auto* migrate = cli.add_subcommand("migrate", "apply database migrations and refresh reference data");
  add_common(migrate);
  std::string municipality;
  auto* demo = cli.add_subcommand("demo", "create or refresh the demo municipality (idempotent)");
  add_common(demo);
  demo->add_option("--municipality", municipality,
                   "municipality code, default 0190 (Furesø); no-0301 is Oslo");
  std::string email;
  std::string name;
  samskab::app::GrantOptions grant;
  int64_t unit_id = 0;
  int64_t organisation_id = 0;
  auto add_grant = [&](CLI::App* command) {
    command->add_option("--role", grant.role, "platform_admin, municipal_admin, municipal_employee, …")
        ->required();
    command->add_option("--municipality", grant.municipality, "municipality code, e.g. 0190");
    command->add_option("--unit", unit_id, "unit id (municipal_employee)");
    command->add_option("--organisation", organisation_id, "organisation id (organisation roles)");
  };
  auto* user = cli.add_subcommand("user", "manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "add an account; the password is read from standard input");
  add_common(user_add);
  user_add->add_option("--email", email, "e-mail address")->required();
  user_add->add_option("--name", name, "display name (default: the e-mail's local part)");
  add_grant(user_add);
  auto* token = cli.add_subcommand("token", "manage API tokens");
  token->require_subcommand(1);
  auto* token_create =
      token->add_subcommand("create", "create an API token; prints it alone on the last line");
  add_common(token_create);
  token_create->add_option("--name", name, "what the token is for");
  add_grant(token_create);
  auto* retention =
      cli.add_subcommand("retention", "delete what is past its retention period (serve does it hourly)");
  add_common(retention);
  samskab::app::GeneratorOptions generator;
  auto* gen = cli.add_subcommand("gen", "generate seeded synthetic data for benchmarks and demos");
  add_common(gen);
  gen->add_option("--municipality", generator.municipality_code,
                  "municipality code (default: site.municipality)");
  gen->add_option("--organisations", generator.organisations, "organisations to add");
  gen->add_option("--collaborations", generator.collaborations,
                  "collaborations to add (needs organisations)");
  int64_t volunteers = 0;
  gen->add_option("--volunteers", volunteers, "volunteer profiles to add (with their accounts)");
  int64_t opportunities = 0;
  gen->add_option(
      "--opportunities", opportunities,
      "opportunities (recruitment posts) to add, with the municipality's units and organisations");
  gen->add_option("--seed", generator.seed, "the same seed gives the same data (default 1)");
  auto* version = cli.add_subcommand("version", "print the version");
  CLI11_PARSE(cli, argc, argv);

  if (*serve) return Serve(common, listen);
  if (*migrate) return Migrate(common);
  if (*demo) return Demo(common, municipality);
  if (unit_id > 0) grant.unit_id = unit_id;
  if (organisation_id > 0) grant.organisation_id = organisation_id;
  if (*user_add) return UserAdd(common, email, name, grant);
  if (*token_create) return TokenCreate(common, name, grant);
  if (*retention) return Retention(common);
  if (*gen) return Gen(common, generator, volunteers, opportunities);
  if (*version) {
    std::printf("samskab %s (schema %d)\n", SAMSKAB_VERSION, samskab::storage::LatestSchemaVersion());
    return 0;
  }
  return 1;
}
