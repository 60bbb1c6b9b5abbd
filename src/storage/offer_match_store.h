// Matches for an offer and for an organisation (issue 5 item 5, docs/decisions/0016-offermatch.md),
// ranked by the one scoring rule (domain/market/matching.h) over candidates read per request
// (storage/match_candidates.h):
//  - an offer's needs: the open needs in the viewer's reach (domain::OfferMatchReach), the
//    offer's travel_km a hard limit;
//  - an offer's municipal units: each unit in reach scored as one profile made of its open needs
//    in reach and the welfare areas and target groups of its collaborations that have not ended;
//  - an organisation's matches: for an association (any kind but company) the open offers of
//    companies with a public profile; for a company the associations with a public profile,
//    scored against the company's profile and its open offers.
// Marks on an offer's proposals are match_marks rows with subject_kind 'offer'.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/market/offer.h"
#include "domain/market/offer_matching.h"
#include "storage/database.h"
#include "storage/match_store.h"

namespace samskab::storage {

// Whether an offer's proposals include this kind (needs, units).
bool ProposedForOffer(CandidateKind kind);

struct OrganisationMatches {
  int64_t organisation_id = 0;
  bool company = false;  // a company: the candidates are associations
  CandidateKind kind{};  // kOffer for an association, kOrganisation for a company
  std::vector<MatchCandidate> items;
};

class OfferMatchStore {
 public:
  OfferMatchStore(Database& database, const domain::PostcodeDirectory& postcodes, const Clock& clock)
      : database_(database), postcodes_(postcodes), clock_(clock) {}

  // The best `limit` (1..kMaxMatches) needs or units (ProposedForOffer) for `offer`, which the
  // caller has read with the viewer's visibility (OfferStore::Get), within `reach`.
  Result<std::vector<MatchCandidate>> MatchesForOffer(const domain::Offer& offer,
                                                      const domain::OfferMatchReach& reach,
                                                      CandidateKind kind, int limit);

  // Marks a need or unit for the offer (WriteMark's rules). A candidate outside `reach` (another
  // municipality's private need, a unit of a municipality out of reach) is kNotFound, as one that
  // does not exist.
  Status SetMark(const domain::Offer& offer, const domain::OfferMatchReach& reach, const domain::Actor& actor,
                 CandidateKind kind, int64_t candidate_id, const std::string& mark);
  Status ClearMark(const domain::Offer& offer, const domain::OfferMatchReach& reach,
                   const domain::Actor& actor, CandidateKind kind, int64_t candidate_id);

  // The organisation's matches (the caller decides who may ask); kNotFound
  // "organisation.error.not_found" for an unknown one.
  Result<OrganisationMatches> MatchesForOrganisation(int64_t organisation_id, int limit);

 private:
  Database& database_;
  const domain::PostcodeDirectory& postcodes_;
  const Clock& clock_;
};

}  // namespace samskab::storage
