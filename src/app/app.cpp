#include "app/app.h"

#include <filesystem>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "api/advisor_api.h"
#include "api/json_api.h"
#include "api/matches_api.h"
#include "api/me_api.h"
#include "api/municipalities_api.h"
#include "api/openapi.h"
#include "api/organisations_api.h"
#include "api/units_api.h"
#include "api/vocabularies_api.h"
#include "api/volunteers_api.h"
#include "core/embedded.h"
#include "core/random.h"
#include "core/text.h"
#include "domain/access/policy.h"
#include "domain/market/application.h"
#include "domain/market/volunteer.h"
#include "storage/migrations.h"
#include "web/account_pages.h"
#include "web/admin_pages.h"
#include "web/agreement_pages.h"
#include "web/match_pages.h"
#include "web/model_pages.h"
#include "web/organisation_pages.h"

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
  // The installation's secret lives in the database: refuse to start on a schema this binary
  // does not know (run `samskab migrate`).
  SAMSKAB_RETURN_IF_ERROR(storage::CheckSchemaCurrent(*database_));
  municipalities_ = std::make_unique<storage::MunicipalityStore>(*database_, clock_);
  inquiries_ = std::make_unique<storage::InquiryStore>(*database_);
  accounts_ = std::make_unique<storage::AccountStore>(*database_, clock_);
  audit_ = std::make_unique<storage::AuditStore>(*database_);
  units_ = std::make_unique<storage::UnitStore>(*database_, clock_);
  auto postcodes = domain::PostcodeDirectory::LoadEmbedded();
  if (!postcodes.ok()) return postcodes.status();
  postcodes_ = std::make_unique<domain::PostcodeDirectory>(std::move(postcodes).value());
  auto icnpo = domain::IcnpoCatalog::LoadEmbedded();
  if (!icnpo.ok()) return icnpo.status();
  icnpo_ = std::make_unique<domain::IcnpoCatalog>(std::move(icnpo).value());
  // A partner's new kind moves its collaborations in the matrix, in the same transaction.
  organisations_ = std::make_unique<storage::OrganisationStore>(*database_, clock_, *postcodes_, *icnpo_,
                                                                storage::RefreshPartnerPlacements);
  collaborations_ = std::make_unique<storage::CollaborationStore>(*database_, clock_, *postcodes_);
  agreements_ = std::make_unique<storage::AgreementStore>(*database_, clock_);
  auto secret = accounts_->InstanceSecret("session", [] { return RandomHex(32); });
  if (!secret.ok()) return secret.status();
  authenticator_ =
      std::make_unique<auth::Authenticator>(*accounts_, clock_, AuthOptionsFromConfig(config_, *secret));
  accounts_->OnUserChanged([this](int64_t user_id) { authenticator_->ForgetUser(user_id); });

  auto catalog = web::Catalog::LoadEmbedded();
  if (!catalog.ok()) return catalog.status();
  catalog_ = std::move(catalog).value();
  // The built-in terms' labels are the catalog's; the municipality's own are in the database.
  vocabularies_ = std::make_unique<storage::VocabularyStore>(
      *database_, clock_,
      [this](std::string_view lang, std::string_view key) { return catalog_.Get(lang, key); });
  worksheets_ = std::make_unique<storage::WorksheetStore>(*database_, clock_);
  needs_ = std::make_unique<storage::NeedStore>(
      *database_, clock_, *postcodes_,
      storage::ApprovalNotices{
          [this](std::string_view lang, std::string_view key) { return catalog_.Get(lang, key); },
          config_.site_public_url});
  offers_ = std::make_unique<storage::OfferStore>(*database_, clock_, *postcodes_);

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

  auth::LinkOptions links;
  links.public_url = config_.site_public_url;
  account_service_ = std::make_unique<auth::AccountService>(
      *accounts_, *audit_, *authenticator_, clock_,
      [this](std::string_view lang, std::string_view key) { return catalog_.Get(lang, key); }, links);

  page_deps_ = std::make_unique<web::PageDependencies>(web::PageDependencies{
      *views_, *municipalities_, *inquiries_, *accounts_, *audit_, *units_, *organisations_, *icnpo_,
      *authenticator_, *account_service_, clock_, config_.site_municipality, config_.server_secure_cookies});
  web::RegisterPages(router_, *page_deps_);
  web::RegisterAccountPages(router_, *page_deps_);
  web::RegisterAdminPages(router_, *page_deps_);
  web::RegisterModelPages(router_, *page_deps_);
  web::RegisterOrganisationPages(router_, *page_deps_);
  api::RegisterMunicipalityApi(router_, *municipalities_);
  api::RegisterMeApi(router_);
  api::RegisterUnitApi(router_, *units_);
  api::RegisterOrganisationApi(router_, *organisations_);
  api::RegisterAdvisorApi(
      router_, [this](std::string_view lang, std::string_view key) { return catalog_.Get(lang, key); });
  collaboration_api_deps_ =
      std::make_unique<api::CollaborationApiDependencies>(api::CollaborationApiDependencies{
          *collaborations_, *units_,
          [this](std::string_view lang, std::string_view key) { return catalog_.Get(lang, key); },
          *vocabularies_, [this] { return FormatUtc(clock_.Now()).substr(0, 10); }});
  api::RegisterCollaborationApi(router_, *collaboration_api_deps_);
  collaboration_imports_ = std::make_unique<storage::CollaborationImportStore>(*database_, clock_);
  collaboration_importer_ = std::make_unique<api::CollaborationImporter>(api::ImporterDependencies{
      *database_, *collaborations_, *units_, *postcodes_, collaboration_api_deps_->translate, clock_});
  collaboration_import_api_deps_ = std::make_unique<api::CollaborationImportApiDependencies>(
      api::CollaborationImportApiDependencies{*collaboration_importer_, collaboration_api_deps_->translate});
  api::RegisterCollaborationImportApi(router_, *collaboration_import_api_deps_);
  agreement_api_deps_ = std::make_unique<api::AgreementApiDependencies>(api::AgreementApiDependencies{
      *agreements_, *collaborations_, *units_, [this] { return FormatUtc(clock_.Now()).substr(0, 10); }});
  api::RegisterAgreementApi(router_, *agreement_api_deps_);
  collaboration_page_deps_ = std::make_unique<web::CollaborationPageDependencies>(
      web::CollaborationPageDependencies{*page_deps_, *collaboration_api_deps_, *database_, *agreements_});
  // Before the registry's pages: /collaborations/import is not a collaboration's {id}.
  collaboration_import_page_deps_ = std::make_unique<web::CollaborationImportPageDependencies>(
      web::CollaborationImportPageDependencies{*page_deps_, *collaboration_importer_, *collaboration_imports_,
                                               collaboration_api_deps_->translate});
  web::RegisterCollaborationImportPages(router_, *collaboration_import_page_deps_);
  web::RegisterCollaborationPages(router_, *collaboration_page_deps_);
  web::RegisterAgreementPages(router_, *collaboration_page_deps_);
  web::RegisterMatrixPages(router_, *collaboration_page_deps_);
  api::RegisterVocabularyApi(router_, *vocabularies_);
  vocabulary_page_deps_ = std::make_unique<web::VocabularyPageDependencies>(
      web::VocabularyPageDependencies{*page_deps_, *vocabularies_});
  web::RegisterVocabularyPages(router_, *vocabulary_page_deps_);
  worksheet_page_deps_ = std::make_unique<web::WorksheetPageDependencies>(
      web::WorksheetPageDependencies{*page_deps_, *worksheets_});
  web::RegisterWorksheetPages(router_, *worksheet_page_deps_);
  // Before any /opportunities/{id} route: "search" is not an opportunity's id.
  opportunity_search_deps_ = std::make_unique<api::OpportunitySearchDependencies>(
      api::OpportunitySearchDependencies{*database_, *municipalities_, *postcodes_,
                                         [this] { return FormatUtc(clock_.Now()).substr(0, 10); }});
  api::RegisterOpportunitySearchApi(router_, *opportunity_search_deps_);
  opportunity_search_page_deps_ = std::make_unique<web::OpportunitySearchPageDependencies>(
      web::OpportunitySearchPageDependencies{*page_deps_, *opportunity_search_deps_});
  web::RegisterOpportunitySearchPages(router_, *opportunity_search_page_deps_);
  // The market (issue 5): volunteer profiles and opportunities.
  volunteers_ = std::make_unique<storage::VolunteerStore>(*database_, clock_, *postcodes_);
  opportunities_ = std::make_unique<storage::OpportunityStore>(*database_, clock_, *postcodes_);
  api::RegisterVolunteerApi(router_, *volunteers_, *postcodes_);
  opportunity_api_deps_ = std::make_unique<api::OpportunityApiDependencies>(
      api::OpportunityApiDependencies{*opportunities_, *units_});
  api::RegisterOpportunityApi(router_, *opportunity_api_deps_);
  volunteer_page_deps_ = std::make_unique<web::VolunteerPageDependencies>(
      web::VolunteerPageDependencies{*page_deps_, *volunteers_});
  web::RegisterVolunteerPages(router_, *volunteer_page_deps_);
  opportunity_page_deps_ = std::make_unique<web::OpportunityPageDependencies>(
      web::OpportunityPageDependencies{*page_deps_, *opportunities_});
  web::RegisterOpportunityPages(router_, *opportunity_page_deps_);
  storage::ApplicationStoreOptions application_options;
  application_options.public_url = config_.site_public_url;
  applications_ = std::make_unique<storage::ApplicationStore>(
      *database_, clock_,
      [this](std::string_view lang, std::string_view key) { return catalog_.Get(lang, key); },
      application_options);
  application_api_deps_ = std::make_unique<api::ApplicationApiDependencies>(
      api::ApplicationApiDependencies{*applications_, *units_});
  api::RegisterApplicationApi(router_, *application_api_deps_);
  application_page_deps_ = std::make_unique<web::ApplicationPageDependencies>(
      web::ApplicationPageDependencies{*page_deps_, *applications_});
  web::RegisterApplicationPages(router_, *application_page_deps_);
  // The person's market data belongs in their data export (GDPR art. 15): the profile and the
  // applications with their messages.
  account_service_->AddExportPart("volunteer_profile", [this](int64_t user_id) -> Result<nlohmann::json> {
    auto profile = volunteers_->GetOwn(user_id);
    if (!profile.ok()) {
      if (profile.status().code() == ErrorCode::kNotFound) return nlohmann::json(nullptr);
      return profile.status();
    }
    return domain::VolunteerOwnJson(*profile);
  });
  account_service_->AddExportPart("applications", [this](int64_t user_id) -> Result<nlohmann::json> {
    auto applications = applications_->AllForUser(user_id);
    if (!applications.ok()) return applications.status();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& application : *applications) {
      nlohmann::json one = domain::ApplicationToJson(application);
      auto messages = applications_->Messages(application.id);
      if (!messages.ok()) return messages.status();
      nlohmann::json& thread = one["messages"] = nlohmann::json::array();
      for (const auto& message : *messages) thread.push_back(domain::MessageToJson(message));
      list.push_back(std::move(one));
    }
    return list;
  });
  need_api_deps_ = std::make_unique<api::NeedApiDependencies>(api::NeedApiDependencies{*needs_, *units_});
  api::RegisterNeedApi(router_, *need_api_deps_);
  api::RegisterOfferApi(router_, *offers_);
  // The partner organisation's approval of offers for vulnerable needs (seed 004), with notices.
  need_approvals_ = std::make_unique<storage::NeedApprovalStore>(
      *database_, clock_,
      [this](std::string_view lang, std::string_view key) { return catalog_.Get(lang, key); },
      config_.site_public_url);
  need_approval_api_deps_ = std::make_unique<api::NeedApprovalApiDependencies>(
      api::NeedApprovalApiDependencies{*needs_, *units_, *need_approvals_});
  api::RegisterNeedApprovalApi(router_, *need_approval_api_deps_);
  need_approval_page_deps_ = std::make_unique<web::NeedApprovalPageDependencies>(
      web::NeedApprovalPageDependencies{*page_deps_, *need_approvals_, *vocabularies_});
  web::RegisterNeedApprovalPages(router_, *need_approval_page_deps_);
  need_page_deps_ = std::make_unique<web::NeedPageDependencies>(
      web::NeedPageDependencies{*page_deps_, *needs_, *vocabularies_, *database_, *need_approvals_});
  web::RegisterNeedPages(router_, *need_page_deps_);
  offer_page_deps_ = std::make_unique<web::OfferPageDependencies>(
      web::OfferPageDependencies{*page_deps_, *offers_, *needs_, *vocabularies_});
  web::RegisterOfferPages(router_, *offer_page_deps_);
  volunteer_index_ = std::make_unique<storage::VolunteerIndex>(*database_, *postcodes_);
  matches_ = std::make_unique<storage::MatchStore>(*database_, *volunteer_index_, *postcodes_, clock_);
  api::RegisterMatchesApi(router_, *matches_);
  web::RegisterMatchPages(router_, web::MatchPageDependencies{*page_deps_, *matches_});
  offer_matches_ = std::make_unique<storage::OfferMatchStore>(*database_, *postcodes_, clock_);
  api::RegisterOfferMatchesApi(router_, *offers_, *offer_matches_);
  web::RegisterOfferMatchPages(router_,
                               web::OfferMatchPageDependencies{*page_deps_, *offers_, *offer_matches_});
  api::RegisterOpenApi(router_);
  RegisterOperations();
  router_.Add(
      "GET", "/static/{*path}", domain::Access::Public(),
      [this](http::Request& request) { return assets_->Serve(request); }, http::Runs::kOnIoThread);

  dispatcher_ = std::make_unique<http::Dispatcher>(
      router_, *errors_,
      [](http::Request& request) {
        request.lang =
            web::NegotiateLanguage(request.headers.Get("Cookie"), request.headers.Get("Accept-Language"));
      },
      [this](const http::Request& request, http::Response& response) { FinishResponse(request, response); },
      [this](http::Request& request, const http::Route& route) { return Authorise(request, route); });

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
      "GET", "/healthz", domain::Access::Public(),
      [](http::Request&) { return http::MakeResponse(200, "text/plain", "ok\n"); }, http::Runs::kOnIoThread);
  // Readiness: the database answers and its schema is exactly this binary's. Public, for load
  // balancers; it tells nothing but ready or not.
  router_.Add("GET", "/readyz", domain::Access::Public(), [this](http::Request&) {
    Status status = storage::CheckSchemaCurrent(*database_);
    nlohmann::json body = {{"status", status.ok() ? "ready" : "not_ready"},
                           {"schema_version", storage::LatestSchemaVersion()}};
    if (!status.ok()) {
      spdlog::warn("readyz: {}", status.log_message());
      body["reason"] = status.code() == ErrorCode::kFailedPrecondition ? "schema" : "database";
    }
    return api::Json(status.ok() ? 200 : 503, body);
  });
  // Metrics are for the operator: a platform admin's session or API token (Prometheus sends
  // `Authorization: Bearer`).
  router_.Add("GET", "/metrics", domain::Access::PlatformAdmin(), [this](http::Request&) {
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

std::optional<http::Response> App::Authorise(http::Request& request, const http::Route& route) const {
  static const auto kPublic = std::make_shared<const domain::Principal>();
  if (route.runs == http::Runs::kOnIoThread) {
    // Public by construction (Router::Add refuses anything else); no database on the I/O thread.
    request.principal = kPublic;
    return std::nullopt;
  }
  auto principal = authenticator_->Authenticate(request);
  if (!principal.ok()) {
    http::Response denied = errors_->Render(request, principal.status());
    if (principal.status().code() == ErrorCode::kUnauthenticated)
      denied.headers.Add("WWW-Authenticate", "Bearer realm=\"samskab\"");
    return denied;
  }
  request.principal = *principal;
  // A session cookie that no longer works (expired, logged out, another installation's) is cleared.
  if (request.principal->IsPublic() &&
      !http::CookieValue(request.headers.Get("Cookie"), auth::kSessionCookie).empty()) {
    request.response_headers.emplace_back("Set-Cookie", authenticator_->ClearCookie());
  }
  // Only municipal routes without {municipality} read ?municipality= (callers in several
  // municipalities say which); no other route pays for parsing the query here.
  const bool municipal = route.access.audience == domain::Audience::kMunicipalStaff ||
                         route.access.audience == domain::Audience::kMunicipalAdmin;
  std::string requested_municipality;
  if (municipal && route.access.municipality_param.empty() && !request.query.empty()) {
    if (auto params = text::ParseUrlEncoded(request.query)) {
      requested_municipality = std::string(text::Find(*params, "municipality").value_or(""));
    }
  }
  const domain::AccessRequest wanted{
      route.access.municipality_param.empty() ? std::string_view()
                                              : request.PathParam(route.access.municipality_param),
      route.access.organisation_param.empty() ? std::string_view()
                                              : request.PathParam(route.access.organisation_param),
      requested_municipality};
  auto decision = domain::Authorise(route.access, *request.principal, wanted);
  if (decision.ok()) {
    request.municipality = std::move(decision->municipality_code);
    request.organisation_id = decision->organisation_id;
    return std::nullopt;
  }
  // A person in the browser who is not logged in is sent to the login page and back.
  if (decision.status().code() == ErrorCode::kUnauthenticated && !request.IsApi() &&
      (request.method == "GET" || request.method == "HEAD")) {
    return http::Redirect(303, "/login?return=" + text::PercentEncode(request.target));
  }
  return errors_->Render(request, decision.status());
}

http::ServerOptions App::ServerOptionsFromConfig() const {
  http::ServerOptions options;
  options.host = config_.ListenHost();
  options.port = static_cast<uint16_t>(config_.ListenPort());
  options.io_threads = config_.server_io_threads;
  options.worker_threads = config_.server_worker_threads;
  options.hash_threads = config_.server_hash_threads;
  options.header_limit_bytes = static_cast<size_t>(config_.server_header_limit_bytes);
  options.body_limit_bytes = static_cast<size_t>(config_.server_body_limit_bytes);
  options.request_timeout = std::chrono::milliseconds(config_.server_request_timeout_ms);
  options.shutdown_timeout = std::chrono::milliseconds(config_.server_shutdown_timeout_ms);
  options.trust_forwarded = config_.server_trust_forwarded;
  return options;
}

auth::AuthOptions AuthOptionsFromConfig(const Config& config, std::string secret) {
  auth::AuthOptions options;
  options.secret = std::move(secret);
  options.session_lifetime = std::chrono::hours(config.auth_session_hours);
  options.idle_timeout = std::chrono::minutes(config.auth_idle_minutes);
  options.password_limits =
      config.auth_password_cost == "minimal" ? password::Minimal() : password::Interactive();
  options.secure_cookies = config.server_secure_cookies;
  options.session_cache = std::chrono::milliseconds(config.auth_session_cache_ms);
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
    auto activated =
        store.SetActive(domain::Actor::System("demo", "demo"), municipality_code, true, std::nullopt);
    if (!activated.ok()) return activated.status();
  }
  return Status::Ok();
}

}  // namespace samskab::app
