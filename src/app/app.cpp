#include "app/app.h"

#include <filesystem>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "api/json_api.h"
#include "api/municipalities_api.h"
#include "api/openapi.h"
#include "core/embedded.h"
#include "storage/migrations.h"

namespace samskab::app {

namespace fs = std::filesystem;

std::string FindAssetsRoot(const std::string& configured) {
  if (!configured.empty()) return configured;
  std::error_code ec;
  fs::path dir = fs::canonical("/proc/self/exe", ec).parent_path();
  for (int depth = 0; !ec && depth < 4 && !dir.empty(); ++depth) {
    if (fs::exists(dir / "node_modules" / "dkfds" / "dist") && fs::exists(dir / "assets"))
      return dir.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return fs::current_path(ec).string();
}

Result<std::unique_ptr<App>> App::Create(const Config& config, const Clock& clock) {
  std::unique_ptr<App> app(new App(config, clock));
  SAMSKAB_RETURN_IF_ERROR(app->Build());
  return app;
}

Status App::Build() {
  auto database = storage::Database::Open(config_.database_url, config_.database_pool_size);
  if (!database.ok()) return database.status();
  database_ = std::move(database).value();
  municipalities_ = std::make_unique<storage::MunicipalityStore>(*database_, clock_);
  inquiries_ = std::make_unique<storage::InquiryStore>(*database_);

  auto catalog = web::Catalog::LoadEmbedded();
  if (!catalog.ok()) return catalog.status();
  catalog_ = std::move(catalog).value();

  const fs::path root = FindAssetsRoot(config_.site_assets_dir);
  assets_ = std::make_unique<http::AssetStore>(std::vector<http::Mount>{
      {"dkfds", root / "node_modules" / "dkfds" / "dist"},
      {"htmx", root / "node_modules" / "htmx.org" / "dist"},
      {"app", root / "assets"},
  });
  views_ = std::make_unique<web::Views>(catalog_, *assets_);
  SAMSKAB_RETURN_IF_ERROR(views_->Load());

  auto site = municipalities_->Get(config_.site_municipality);
  site_name_ = site.ok() ? site->name : "samskab";

  errors_ = std::make_unique<http::ErrorRenderer>(
      [this](std::string_view lang, std::string_view key) { return catalog_.Get(lang, key); },
      [this](const http::Request& request, int status, const std::string& title, const std::string& message) {
        return views_->ErrorPage(request, status, title, message, site_name_);
      });

  page_deps_ = std::make_unique<web::PageDependencies>(
      web::PageDependencies{*views_, *municipalities_, *inquiries_, clock_, config_.site_municipality,
                            config_.server_secure_cookies});
  web::RegisterPages(router_, *page_deps_);
  api::RegisterMunicipalityApi(router_, *municipalities_);
  api::RegisterOpenApi(router_);
  RegisterOperations();
  router_.Add(
      "GET", "/static/{*path}", [this](http::Request& request) { return assets_->Serve(request); },
      http::Runs::kOnIoThread);

  dispatcher_ = std::make_unique<http::Dispatcher>(
      router_, *errors_,
      [](http::Request& request) {
        request.lang =
            web::NegotiateLanguage(request.headers.Get("Cookie"), request.headers.Get("Accept-Language"));
      },
      [this](const http::Request& request, http::Response& response) { FinishResponse(request, response); });

  metrics_.OnScrape([this](http::Metrics& metrics) {
    const auto stats = database_->Stats();
    metrics.SetGauge("samskab_db_pool_connections_open", "Database connections open", stats.size);
    metrics.SetGauge("samskab_db_pool_connections_in_use", "Database connections leased right now",
                     stats.in_use);
    metrics.SetGauge("samskab_db_pool_connections_max", "Configured database pool size", stats.max_size);
    metrics.SetGauge("samskab_db_pool_waits_total", "Times a request waited for a database connection",
                     static_cast<double>(stats.waits));
  });
  return Status::Ok();
}

void App::RegisterOperations() {
  // Liveness: the process answers. Cheap, on the I/O thread, no database.
  router_.Add(
      "GET", "/healthz", [](http::Request&) { return http::MakeResponse(200, "text/plain", "ok\n"); },
      http::Runs::kOnIoThread);
  // Readiness: the database answers and its schema is exactly this binary's.
  router_.Add("GET", "/readyz", [this](http::Request&) {
    Status status = storage::CheckSchemaCurrent(*database_);
    nlohmann::json body = {{"status", status.ok() ? "ready" : "not_ready"},
                           {"schema_version", storage::LatestSchemaVersion()}};
    if (!status.ok()) {
      spdlog::warn("readyz: {}", status.log_message());
      body["reason"] = status.code() == ErrorCode::kFailedPrecondition ? "schema" : "database";
    }
    return api::Json(status.ok() ? 200 : 503, body);
  });
  router_.Add("GET", "/metrics", [this](http::Request&) {
    return http::MakeResponse(200, "text/plain; version=0.0.4; charset=utf-8", metrics_.Serialize());
  });
}

void App::FinishResponse(const http::Request& request, http::Response& response) const {
  auto& headers = response.headers;
  // No inline scripts or styles anywhere: the CSP can forbid them outright.
  headers.Set(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
      "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  headers.Set("X-Content-Type-Options", "nosniff");
  headers.Set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.Set("X-Frame-Options", "DENY");
  headers.Set("Cross-Origin-Opener-Policy", "same-origin");
  if (!request.IsApi() && headers.Get("Content-Type").rfind("text/html", 0) == 0) {
    headers.Set("Content-Language", request.lang);
    if (!headers.Has("Vary")) headers.Add("Vary", "Cookie, Accept-Language");
  }
}

http::ServerOptions App::ServerOptionsFromConfig() const {
  http::ServerOptions options;
  options.host = config_.ListenHost();
  options.port = static_cast<uint16_t>(config_.ListenPort());
  options.io_threads = config_.server_io_threads;
  options.worker_threads = config_.server_worker_threads;
  options.header_limit_bytes = static_cast<size_t>(config_.server_header_limit_bytes);
  options.body_limit_bytes = static_cast<size_t>(config_.server_body_limit_bytes);
  options.request_timeout = std::chrono::milliseconds(config_.server_request_timeout_ms);
  options.shutdown_timeout = std::chrono::milliseconds(config_.server_shutdown_timeout_ms);
  options.trust_forwarded = config_.server_trust_forwarded;
  return options;
}

namespace {

// Inserts or refreshes every municipality of one country's list; keeps `active`.
Status UpsertMunicipalities(storage::MunicipalityStore& store,
                            const Result<std::vector<domain::Municipality>>& municipalities) {
  if (!municipalities.ok()) return municipalities.status();
  for (const auto& municipality : *municipalities) {
    auto upserted = store.UpsertReference(municipality);
    if (!upserted.ok()) return upserted.status();
  }
  return Status::Ok();
}

}  // namespace

Result<int> MigrateAndLoadReferenceData(storage::Database& database, const Clock& clock) {
  auto applied = storage::Migrate(database, clock);
  if (!applied.ok()) return applied.status();
  // Both countries' municipalities are loaded inactive; activating one makes it a tenant.
  const auto danish =
      domain::ParseDanishMunicipalities(embedded::Find("data/dk/kommuner_dataforsyningen_2024.json"));
  const auto norwegian = domain::ParseNorwegianMunicipalities(embedded::Find("data/no/kommuner-2025.json"),
                                                              embedded::Find("data/no/fylker-2025.json"));
  storage::MunicipalityStore store(database, clock);
  SAMSKAB_RETURN_IF_ERROR(UpsertMunicipalities(store, danish));
  SAMSKAB_RETURN_IF_ERROR(UpsertMunicipalities(store, norwegian));
  return applied;
}

Status SetUpDemo(storage::Database& database, const Clock& clock, const std::string& municipality_code) {
  auto migrated = MigrateAndLoadReferenceData(database, clock);
  if (!migrated.ok()) return migrated.status();
  storage::MunicipalityStore store(database, clock);
  auto current = store.Get(municipality_code);
  if (!current.ok()) return current.status();
  if (!current->active) {
    auto activated = store.SetActive(municipality_code, true, std::nullopt);
    if (!activated.ok()) return activated.status();
  }
  return Status::Ok();
}

}  // namespace samskab::app
