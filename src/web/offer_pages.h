// Offers (issue 5 item 4) on the pages: a person's own offers and their organisations' under
// /account/offers (list, post, edit, close; an organisation's admins and members share them), an
// offer's page with the link to its proposals (/account/offers/{id}/matches, web/offer_match_pages.h), and
// the public lists a company or an association reads to find the other side (seed 004): /needs (public open
// needs of every municipality) and /offers (open offers of organisations with a public profile).
#pragma once

#include "http/router.h"
#include "storage/need_store.h"
#include "storage/offer_store.h"
#include "storage/vocabulary_store.h"
#include "web/pages.h"

namespace samskab::web {

struct OfferPageDependencies {
  const PageDependencies& pages;
  storage::OfferStore& offers;
  storage::NeedStore& needs;
  storage::VocabularyStore& vocabularies;
};

void RegisterOfferPages(http::Router& router, const OfferPageDependencies& deps);

// A page of the offers' own (the site's frame, HEADING set to `title`): the offer pages and the
// offer's proposals (web/offer_match_pages.h).
Result<http::Response> RenderOfferPage(const PageDependencies& pages, const http::Request& request,
                                       const std::string& title, std::string_view body_template,
                                       ctemplate::TemplateDictionary& body, int status,
                                       const http::Response& cookies, bool failed = false);

}  // namespace samskab::web
