// The model's public pages: one page per quadrant with what to expect there (the Furesø memo's
// guidance), for planners, associations and anyone curious. Reads only the guidance table.
#pragma once

#include "http/router.h"
#include "web/pages.h"

namespace samskab::web {

void RegisterModelPages(http::Router& router, const PageDependencies& deps);

}  // namespace samskab::web
