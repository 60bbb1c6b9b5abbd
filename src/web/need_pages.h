// A municipality's needs (behov, issue 5 item 4) for its staff, under /admin/{municipality}/needs:
// the list with filters (status, unit), the form to post and edit a need (read through the API's
// ReadNeedFields, so a field means the same in the API and the form), a need's page with all its
// facts, the partner organisation's approvals of offers for a vulnerable need with the form asking
// for one (web/need_approval_pages.h), the place of the matching's proposals, and closing or
// reopening it.
//
// Every staff member reads the municipality's needs; posting and changing is for the unit's own
// people and the admins (the registry's reach rule, domain::UnitsInReach).
#pragma once

#include "http/router.h"
#include "storage/database.h"
#include "storage/need_approval_store.h"
#include "storage/need_store.h"
#include "storage/vocabulary_store.h"
#include "web/pages.h"

namespace samskab::web {

struct NeedPageDependencies {
  const PageDependencies& pages;
  storage::NeedStore& needs;
  storage::VocabularyStore& vocabularies;
  storage::Database& database;            // the partner organisations the municipality may choose
  storage::NeedApprovalStore& approvals;  // the partner's approvals of offers (vulnerable needs)
};

void RegisterNeedPages(http::Router& router, const NeedPageDependencies& deps);

}  // namespace samskab::web
