#include "web/admin_pages.h"

namespace samskab::web {

void RegisterAdminPages(http::Router& router, const PageDependencies& deps) {
  (void)router;
  (void)deps;
}

}  // namespace samskab::web
