#include "web/poster_side.h"

#include <fmt/format.h>

#include "auth/request_context.h"
#include "core/text.h"
#include "domain/access/policy.h"
#include "web/account_pages.h"

namespace samskab::web {

bool PosterSide::Posts(const std::string& municipality_code, std::optional<int64_t> unit_id,
                       std::optional<int64_t> organisation) const {
  if (organisation_id) return organisation == organisation_id;
  return municipality_code == manager.municipality_code && unit_id && reach.contains(*unit_id);
}

std::string PosterSide::PipelinePath(int64_t opportunity_id) const {
  return fmt::format("{}/{}/applications", OpportunitiesPath(), opportunity_id);
}

std::string PosterSide::ApplicationPath(int64_t application_id, std::string_view action) const {
  return fmt::format("{}/applications/{}/{}", base, application_id, action);
}

Result<PosterSide> StaffSide(const PageDependencies& deps, const http::Request& request) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto units = deps.units.List(scope);
  if (!units.ok()) return units.status();
  PosterSide side;
  side.base = "/admin/" + scope.code();
  side.manager.municipality_code = scope.code();
  side.reach = domain::UnitsInReach(auth::PrincipalOf(request), scope.code(), *units);
  side.units = std::move(units).value();
  return side;
}

Result<PosterSide> OrganisationSide(const PageDependencies& deps, const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("organisation"));
  if (!id) return NotFound("organisation id is not a number", "organisation.error.not_found");
  const domain::Principal& principal = auth::PrincipalOf(request);
  // The same membership the opportunities' API asks (api/opportunities_api.cpp): admin or member.
  if (!principal.HasForOrganisation(domain::Role::kOrganisationAdmin, *id) &&
      !principal.HasForOrganisation(domain::Role::kOrganisationMember, *id))
    return NotFound("not the caller's organisation", "organisation.error.not_found");
  auto name = deps.accounts.OrganisationName(*id);
  if (!name.ok()) return name.status();
  PosterSide side;
  side.base = fmt::format("/account/organisations/{}", *id);
  side.manager.organisation_ids = {*id};
  side.organisation_id = *id;
  side.organisation_name = std::move(name).value();
  return side;
}

AdminPage PosterFrame(const PageDependencies& deps, const http::Request& request, const PosterSide& side) {
  AdminPage frame;
  frame.sidenav_label = Message(deps, request, "admin.menu_label");
  if (!side.IsOrganisation()) {
    frame.sidenav = MunicipalNav(deps, request, side.manager.municipality_code, "opportunities");
    return frame;
  }
  // The organisation's pages its person may open: the profile and members are its admins'.
  const int64_t id = *side.organisation_id;
  frame.sidenav_label = side.organisation_name;
  frame.sidenav.push_back(
      {side.OpportunitiesPath(), Message(deps, request, "orgposts.menu.opportunities"), true});
  if (auth::PrincipalOf(request).HasForOrganisation(domain::Role::kOrganisationAdmin, id)) {
    frame.sidenav.push_back({fmt::format("/organisations/{}/profile", id),
                             Message(deps, request, "orgposts.menu.profile"), false});
    frame.sidenav.push_back({fmt::format("/organisations/{}/members", id),
                             Message(deps, request, "orgposts.menu.members"), false});
  }
  return frame;
}

}  // namespace samskab::web
