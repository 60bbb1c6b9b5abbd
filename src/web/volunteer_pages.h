// "Min frivilligprofil" (issue 5, item 1): a logged-in person's own volunteer profile at
// /account/volunteer: the form with every field (the weekly availability as a table of boxes),
// saved with a revision check; deleting it. The API's rules and messages (storage::VolunteerStore).
#pragma once

#include "http/router.h"
#include "storage/volunteer_store.h"
#include "web/pages.h"

namespace samskab::web {

struct VolunteerPageDependencies {
  const PageDependencies& pages;
  storage::VolunteerStore& volunteers;
};

void RegisterVolunteerPages(http::Router& router, const VolunteerPageDependencies& deps);

// The weekly availability as a form field (a "grid": days × parts of the day), shared by the
// volunteer's and the opportunities' forms.
Field AvailabilityField(const PageDependencies& deps, const http::Request& request,
                        std::string_view label_key, std::vector<std::string> ticked);

}  // namespace samskab::web
