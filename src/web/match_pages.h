// /admin/{municipality}/needs/{id}/matches (the municipality's staff): the volunteers,
// organisations and offers proposed for a need, each with its score and its reasons in plain
// words, and the buttons "Kontaktet" / "Ikke relevant" (small POST forms with the CSRF token) that
// mark a proposal; a mark can be taken back. The need's own pages link here.
#pragma once

#include "http/router.h"
#include "storage/match_store.h"
#include "web/pages.h"

namespace samskab::web {

struct MatchPageDependencies {
  const PageDependencies& pages;
  storage::MatchStore& matches;
};

// The routes keep their own copy of `deps` (it holds references only).
void RegisterMatchPages(http::Router& router, const MatchPageDependencies& deps);

}  // namespace samskab::web
