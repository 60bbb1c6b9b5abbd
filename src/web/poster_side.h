// Who works on opportunities and their applications through the pages (issue 5; decisions 0011,
// 0012 and 0016): a municipality's staff under /admin/{municipality}/ (their posts are the units'
// in their reach), or an organisation's admins and members under
// /account/organisations/{organisation}/ (its posts, in whichever municipality). The opportunity
// pages and the applications' pipeline are written once and take the side from the route.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/market/application.h"
#include "domain/market/opportunity.h"
#include "domain/unit/unit.h"
#include "http/router.h"
#include "storage/opportunity_store.h"
#include "web/admin_frame.h"
#include "web/pages.h"

namespace samskab::web {

struct PosterSide {
  std::string base;                        // "/admin/0190" or "/account/organisations/3"
  storage::OpportunityManager manager;     // whose opportunities the side's list shows
  std::optional<int64_t> organisation_id;  // set on an organisation's side
  std::string organisation_name;
  std::vector<domain::Unit> units;  // staff: the municipality's units
  std::set<int64_t> reach;          // staff: the units they post for

  bool IsOrganisation() const { return organisation_id.has_value(); }
  // The caller changes this post and works its applications here: staff, a unit's post of their
  // municipality in their reach; an organisation's people, the organisation's post.
  bool Posts(const std::string& municipality_code, std::optional<int64_t> unit_id,
             std::optional<int64_t> organisation) const;
  bool Posts(const domain::Opportunity& o) const {
    return Posts(o.municipality_code, o.unit_id, o.organisation_id);
  }
  bool Posts(const domain::OpportunityFacts& o) const {
    return Posts(o.municipality_code, o.unit_id, o.organisation_id);
  }
  std::string OpportunitiesPath() const { return base + "/opportunities"; }
  std::string PipelinePath(int64_t opportunity_id) const;
  // "/…/applications/{id}/state" and "…/messages": the pipeline's forms.
  std::string ApplicationPath(int64_t application_id, std::string_view action) const;
};

// The staff of the route's {municipality} (the policy's decision).
Result<PosterSide> StaffSide(const PageDependencies& deps, const http::Request& request);
// The admins and members of the route's {organisation}. Anyone else gets "not found", exactly as
// for an organisation that does not exist (the route admits every person; this decides).
Result<PosterSide> OrganisationSide(const PageDependencies& deps, const http::Request& request);

using SideOf = Result<PosterSide> (*)(const PageDependencies&, const http::Request&);

// The frame of the side's pages: the municipality's side menu for staff (`current` is its
// opportunities), the organisation's pages for its people. Heading, lead and notice are the caller's.
AdminPage PosterFrame(const PageDependencies& deps, const http::Request& request, const PosterSide& side);

// Adds `handler` at `method` and `suffix` on both sides: under the staff's /admin/{municipality}
// (the policy admits 0190's staff) and under an organisation's /account/organisations/{organisation}
// (every person is admitted; OrganisationSide lets only its admins and members on).
template <typename Deps>
void AddPosterRoute(http::Router& router, const Deps& deps, const std::string& method,
                    const std::string& suffix,
                    Result<http::Response> (*handler)(const Deps&, http::Request&, SideOf)) {
  const auto add = [&](const std::string& base, const domain::Access& access, SideOf side_of) {
    router.Add(method, base + suffix, access,
               [&deps, handler, side_of](http::Request& request) { return handler(deps, request, side_of); });
  };
  add("/admin/{municipality}", domain::Access::MunicipalStaff("municipality"), StaffSide);
  add("/account/organisations/{organisation}", domain::Access::Person(), OrganisationSide);
}

}  // namespace samskab::web
