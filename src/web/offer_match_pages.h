// /account/offers/{id}/matches (the offer's owner: its person, or its organisation's admins and
// members): the needs and municipal units proposed for an offer, each with its points, its
// municipality and its reasons in plain words, and the buttons "Kontaktet" / "Ikke relevant" (small
// POST forms with the CSRF token, to …/matches/mark) that mark a proposal; a mark can be taken
// back. The offer's page links here. The staff of an offered municipality read the same
// proposals through the API (GET /api/v1/offers/{id}/matches); these pages are the owner's, like
// the other /account/offers pages. docs/decisions/0016-offermatch.md.
#pragma once

#include "http/router.h"
#include "storage/offer_match_store.h"
#include "storage/offer_store.h"
#include "web/pages.h"

namespace samskab::web {

struct OfferMatchPageDependencies {
  const PageDependencies& pages;
  storage::OfferStore& offers;
  storage::OfferMatchStore& matches;
};

// The routes keep their own copy of `deps` (it holds references only).
void RegisterOfferMatchPages(http::Router& router, const OfferMatchPageDependencies& deps);

}  // namespace samskab::web
