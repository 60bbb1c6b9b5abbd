// The partner organisation's approval of offers for vulnerable needs on pages (issue 5 item 4,
// seed 004; docs/decisions/0018-approval.md):
//  - on the staff's need page (/admin/{municipality}/needs/{id}), the section "Partner approval":
//    each offer asked about with its decision, and the form to ask for another (its POST lives
//    with the need's pages);
//  - for the partner organisation's admins, /organisations/{organisation}/need-approvals: the
//    offers waiting for their decision, each with its form (approve or decline, direct contact,
//    a note), and the decisions made, which can be changed.
#pragma once

#include "domain/market/need.h"
#include "http/router.h"
#include "storage/need_approval_store.h"
#include "storage/vocabulary_store.h"
#include "web/pages.h"

namespace samskab::web {

struct NeedApprovalPageDependencies {
  const PageDependencies& pages;
  storage::NeedApprovalStore& approvals;
  storage::VocabularyStore& vocabularies;
};

void RegisterNeedApprovalPages(http::Router& router, const NeedApprovalPageDependencies& deps);

// Fills the need page's section APPROVALS (templates/need.tpl) for a vulnerable need: the
// approvals asked and, for staff who may change the need, the form asking for another offer.
Status FillNeedApprovals(const PageDependencies& pages, storage::NeedApprovalStore& approvals,
                         const http::Request& request, const domain::Need& need, bool may_change,
                         ctemplate::TemplateDictionary& body, http::Response& cookies);

}  // namespace samskab::web
