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

// The reasons a candidate is proposed, in plain words with each factor's points. `text_key` names
// whose words recur ("matches.reason.text": the need's; "offer_matches.text": the offer's).
std::vector<std::string> MatchReasons(const PageDependencies& pages, const http::Request& request,
                                      const domain::MatchResult& result, std::string_view text_key);

// One kind of proposals as a heading and a table (templates/match_list.tpl): rank, name (and the
// municipality, for an offer's proposals), points, reasons, and the mark buttons, small POST forms
// with the CSRF token sending candidate_kind, candidate_id and mark ("contacted", "not_relevant",
// "clear") to `mark_path`. Both the need's and the offer's pages show their proposals with it.
struct MatchSection {
  std::string id;       // the heading's id
  std::string heading;  // translated
  const std::vector<storage::MatchCandidate>& found;
  std::string mark_path;
  std::string_view text_key;
};
std::string RenderMatchSection(const PageDependencies& pages, const http::Request& request,
                               http::Response& cookies, const MatchSection& section);

}  // namespace samskab::web
