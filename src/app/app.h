// Wiring: builds every part from the configuration and connects them — database, repositories,
// catalog, templates, assets, routes, error pages, metrics. No logic of its own lives here.
#pragma once

#include <memory>
#include <string>

#include "api/agreements_api.h"
#include "api/applications_api.h"
#include "api/collaboration_import_api.h"
#include "api/collaborations_api.h"
#include "api/need_approvals_api.h"
#include "api/needs_api.h"
#include "api/offers_api.h"
#include "api/opportunities_api.h"
#include "api/opportunity_search_api.h"
#include "app/config.h"
#include "auth/accounts.h"
#include "auth/authenticator.h"
#include "core/clock.h"
#include "domain/place/postcodes.h"
#include "http/dispatcher.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "storage/account_store.h"
#include "storage/application_store.h"
#include "storage/audit_store.h"
#include "storage/collaboration_import_store.h"
#include "storage/collaboration_store.h"
#include "storage/database.h"
#include "storage/inquiry_store.h"
#include "storage/match_store.h"
#include "storage/municipality_store.h"
#include "storage/need_store.h"
#include "storage/offer_match_store.h"
#include "storage/offer_store.h"
#include "storage/opportunity_store.h"
#include "storage/organisation_store.h"
#include "storage/unit_store.h"
#include "storage/vocabulary_store.h"
#include "storage/volunteer_index.h"
#include "storage/volunteer_store.h"
#include "storage/worksheet_store.h"
#include "web/application_pages.h"
#include "web/collaboration_import_pages.h"
#include "web/collaboration_pages.h"
#include "web/i18n.h"
#include "web/matrix_pages.h"
#include "web/need_approval_pages.h"
#include "web/need_pages.h"
#include "web/offer_match_pages.h"
#include "web/offer_pages.h"
#include "web/opportunity_pages.h"
#include "web/opportunity_search_pages.h"
#include "web/pages.h"
#include "web/views.h"
#include "web/vocabulary_pages.h"
#include "web/volunteer_pages.h"
#include "web/worksheet_pages.h"

namespace samskab::app {

class App {
 public:
  // Opens the database and builds everything; does not migrate.
  static Result<std::unique_ptr<App>> Create(const Config& config, const Clock& clock);

  http::ServerOptions ServerOptionsFromConfig() const;
  const Config& config() const { return config_; }
  storage::Database& database() { return *database_; }
  const http::Router& router() const { return router_; }
  const http::Dispatcher& dispatcher() const { return *dispatcher_; }
  http::Metrics& metrics() { return metrics_; }
  const web::Catalog& catalog() const { return catalog_; }
  storage::MunicipalityStore& municipalities() { return *municipalities_; }
  storage::InquiryStore& inquiries() { return *inquiries_; }
  storage::AccountStore& accounts() { return *accounts_; }
  storage::AuditStore& audit() { return *audit_; }
  storage::UnitStore& units() { return *units_; }
  storage::CollaborationStore& collaborations() { return *collaborations_; }
  storage::AgreementStore& agreements() { return *agreements_; }
  storage::OrganisationStore& organisations() { return *organisations_; }
  storage::VocabularyStore& vocabularies() { return *vocabularies_; }
  storage::WorksheetStore& worksheets() { return *worksheets_; }
  storage::VolunteerStore& volunteers() { return *volunteers_; }
  storage::OpportunityStore& opportunities() { return *opportunities_; }
  storage::ApplicationStore& applications() { return *applications_; }
  storage::NeedStore& needs() { return *needs_; }
  storage::OfferStore& offers() { return *offers_; }
  storage::NeedApprovalStore& need_approvals() { return *need_approvals_; }
  const domain::PostcodeDirectory& postcodes() const { return *postcodes_; }
  storage::VolunteerIndex& volunteer_index() { return *volunteer_index_; }
  storage::MatchStore& matches() { return *matches_; }
  storage::OfferMatchStore& offer_matches() { return *offer_matches_; }
  auth::Authenticator& authenticator() { return *authenticator_; }
  auth::AccountService& account_service() { return *account_service_; }

 private:
  App(Config config, const Clock& clock) : config_(std::move(config)), clock_(clock) {}
  Status Build();
  void RegisterOperations();
  void FinishResponse(const http::Request& request, http::Response& response) const;
  // The dispatcher's authorisation hook: authentication, then the access policy.
  std::optional<http::Response> Authorise(http::Request& request, const http::Route& route) const;

  Config config_;
  const Clock& clock_;
  std::unique_ptr<storage::Database> database_;
  std::unique_ptr<storage::MunicipalityStore> municipalities_;
  std::unique_ptr<storage::InquiryStore> inquiries_;
  std::unique_ptr<storage::AccountStore> accounts_;
  std::unique_ptr<storage::AuditStore> audit_;
  std::unique_ptr<storage::UnitStore> units_;
  // Reference data, read once at start-up (compiled into the binary).
  std::unique_ptr<domain::PostcodeDirectory> postcodes_;
  std::unique_ptr<domain::IcnpoCatalog> icnpo_;
  std::unique_ptr<storage::OrganisationStore> organisations_;
  std::unique_ptr<storage::CollaborationStore> collaborations_;
  std::unique_ptr<api::CollaborationApiDependencies> collaboration_api_deps_;
  std::unique_ptr<storage::CollaborationImportStore> collaboration_imports_;
  std::unique_ptr<api::CollaborationImporter> collaboration_importer_;
  std::unique_ptr<api::CollaborationImportApiDependencies> collaboration_import_api_deps_;
  std::unique_ptr<web::CollaborationImportPageDependencies> collaboration_import_page_deps_;
  std::unique_ptr<storage::AgreementStore> agreements_;
  std::unique_ptr<api::AgreementApiDependencies> agreement_api_deps_;
  std::unique_ptr<web::CollaborationPageDependencies> collaboration_page_deps_;
  std::unique_ptr<storage::VocabularyStore> vocabularies_;
  std::unique_ptr<storage::WorksheetStore> worksheets_;
  std::unique_ptr<web::VocabularyPageDependencies> vocabulary_page_deps_;
  std::unique_ptr<web::WorksheetPageDependencies> worksheet_page_deps_;
  std::unique_ptr<storage::VolunteerStore> volunteers_;
  std::unique_ptr<storage::OpportunityStore> opportunities_;
  std::unique_ptr<api::OpportunityApiDependencies> opportunity_api_deps_;
  std::unique_ptr<web::VolunteerPageDependencies> volunteer_page_deps_;
  std::unique_ptr<web::OpportunityPageDependencies> opportunity_page_deps_;
  std::unique_ptr<storage::ApplicationStore> applications_;
  std::unique_ptr<api::ApplicationApiDependencies> application_api_deps_;
  std::unique_ptr<web::ApplicationPageDependencies> application_page_deps_;
  std::unique_ptr<storage::NeedStore> needs_;
  std::unique_ptr<storage::OfferStore> offers_;
  std::unique_ptr<api::NeedApiDependencies> need_api_deps_;
  std::unique_ptr<web::NeedPageDependencies> need_page_deps_;
  std::unique_ptr<storage::NeedApprovalStore> need_approvals_;
  std::unique_ptr<api::NeedApprovalApiDependencies> need_approval_api_deps_;
  std::unique_ptr<web::NeedApprovalPageDependencies> need_approval_page_deps_;
  std::unique_ptr<web::OfferPageDependencies> offer_page_deps_;
  // The volunteers' matching index (loaded at the first match, then following the change log).
  std::unique_ptr<storage::VolunteerIndex> volunteer_index_;
  std::unique_ptr<storage::MatchStore> matches_;
  // An offer's and an organisation's matches (docs/decisions/0016-offermatch.md).
  std::unique_ptr<storage::OfferMatchStore> offer_matches_;
  std::unique_ptr<api::OpportunitySearchDependencies> opportunity_search_deps_;
  std::unique_ptr<web::OpportunitySearchPageDependencies> opportunity_search_page_deps_;
  std::unique_ptr<auth::Authenticator> authenticator_;
  std::unique_ptr<auth::AccountService> account_service_;
  web::Catalog catalog_;
  std::unique_ptr<http::AssetStore> assets_;
  std::unique_ptr<web::Views> views_;
  std::unique_ptr<web::PageDependencies> page_deps_;
  std::unique_ptr<http::ErrorRenderer> errors_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  http::Router router_;
  http::Metrics metrics_;
  std::string site_name_;  // the site municipality's name, for error pages (no database call there)
};

// Creates or refreshes the demo: migrations, the 98 Danish and 357 Norwegian municipalities from
// the reference data, and the demo municipality activated. Idempotent.
Status SetUpDemo(storage::Database& database, const Clock& clock, const std::string& municipality_code);

// Applies migrations and refreshes the reference municipalities of Denmark and Norway (new ones
// inactive; `active` is kept). Idempotent.
Result<int> MigrateAndLoadReferenceData(storage::Database& database, const Clock& clock);

// Builds the authenticator's options from the configuration and the installation's secret.
auth::AuthOptions AuthOptionsFromConfig(const Config& config, std::string secret);

// The directory holding node_modules/ and assets/: the configured one, else the first of the
// executable's parent directories that has them, else the working directory.
std::string FindAssetsRoot(const std::string& configured);

}  // namespace samskab::app
