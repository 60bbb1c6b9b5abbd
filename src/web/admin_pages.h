// Administration pages: a municipality's units, staff (with invitations), API tokens and audit
// log (municipal admins); the platform's municipalities and outbox (platform admins); an
// organisation's members (organisation admins).
#pragma once

#include "http/router.h"
#include "web/pages.h"

namespace samskab::web {

void RegisterAdminPages(http::Router& router, const PageDependencies& deps);

}  // namespace samskab::web
