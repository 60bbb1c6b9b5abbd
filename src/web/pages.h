// The public HTML pages: the start page, the contact form and the language switch.
// Handlers are thin: they read the request, call the repositories and render a template.
#pragma once

#include <string>

#include "auth/accounts.h"
#include "auth/authenticator.h"
#include "core/clock.h"
#include "domain/inquiry/inquiry.h"
#include "domain/municipality/municipality.h"
#include "http/router.h"
#include "storage/account_store.h"
#include "storage/audit_store.h"
#include "storage/organisation_store.h"
#include "web/forms.h"
#include "web/views.h"

namespace samskab::web {

struct PageDependencies {
  const Views& views;
  domain::MunicipalityRepository& municipalities;
  domain::InquiryRepository& inquiries;
  storage::AccountStore& accounts;
  storage::AuditStore& audit;
  domain::UnitRepository& units;
  storage::OrganisationStore& organisations;
  const domain::IcnpoCatalog& icnpo;
  auth::Authenticator& authenticator;
  auth::AccountService& account_service;
  const Clock& clock;
  std::string site_municipality;  // code of the municipality these pages present
  bool secure_cookies = false;
};

void RegisterPages(http::Router& router, const PageDependencies& deps);

// A catalog message in the request's language.
std::string Message(const PageDependencies& deps, const http::Request& request, std::string_view key);

// A form field with its label from the catalog.
Field MakeField(const PageDependencies& deps, const http::Request& request, std::string name,
                std::string type, std::string_view label_key, std::string autocomplete, int max_length,
                std::string value = "");

// A page's title; after a failed submission it starts with "Fejl:" so that screen readers and
// the tab title announce the failure first.
std::string PageTitle(const PageDependencies& deps, const http::Request& request, const std::string& title,
                      bool failed);

// The municipality the pages present (503 when the instance is not set up).
Result<domain::Municipality> SiteMunicipality(const PageDependencies& deps);

// A local path safe to redirect to ("/contact?x=1"), or "/" for anything else (open redirects).
std::string SafeReturnPath(std::string_view candidate);

}  // namespace samskab::web
