// The offer's side of matchmaking (issue 5 item 5, docs/decisions/0016-offermatch.md): which
// municipalities' needs and units an offer's matches may show to the one who asks, and the
// engine's query built from an offer. Pure: the storage layer reads the candidates.
#pragma once

#include <string>
#include <vector>

#include "domain/market/matching.h"
#include "domain/market/offer.h"
#include "domain/place/postcodes.h"

namespace samskab::domain {

// Where an offer's proposals come from, for one viewer:
//  - its owner (and a platform admin) gets every municipality the offer is offered to;
//  - the staff of a municipality it is offered to get only their own municipalities;
//  - open needs only; public ones everywhere in reach, private ones only where the viewer is
//    staff (a private need never leaves its municipality).
struct OfferMatchReach {
  bool all_municipalities = false;          // offered to all, asked by its owner
  std::vector<std::string> municipalities;  // sorted; used when !all_municipalities
  bool private_everywhere = false;          // a platform admin
  std::vector<std::string> private_in;      // sorted: the viewer's staff municipalities in reach
  bool Empty() const { return !all_municipalities && municipalities.empty(); }
};

// nullopt when the viewer may not see the offer's matches at all (neither owner nor staff of a
// municipality it is offered to): the caller answers "not found", as for the offer itself.
std::optional<OfferMatchReach> ReachOf(const OfferViewer& viewer, const Offer& offer);

// The query an offer asks with: its skills, languages, welfare areas, target groups, weekly
// grid, place and travel_km (a hard limit on the needs' distance), and the words of its title and
// text. No certificate requirement: an offer's owner answers for its own people.
MatchQuery QueryForOffer(const Offer& offer, const PostcodeDirectory& postcodes);

}  // namespace samskab::domain
