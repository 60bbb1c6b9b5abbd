#include "domain/market/offer_matching.h"

#include <algorithm>

#include "domain/vocabulary/vocabulary.h"

namespace samskab::domain {

std::optional<OfferMatchReach> ReachOf(const OfferViewer& viewer, const Offer& offer) {
  const auto offered = [&](const std::string& code) {
    return offer.municipalities.empty() || std::find(offer.municipalities.begin(), offer.municipalities.end(),
                                                     code) != offer.municipalities.end();
  };
  OfferMatchReach reach;
  reach.private_everywhere = viewer.everything;
  for (const std::string& code : viewer.municipality_codes) {
    if (offered(code)) reach.private_in.push_back(code);
  }
  if (OwnsOffer(viewer, offer)) {
    reach.all_municipalities = offer.municipalities.empty();
    reach.municipalities = offer.municipalities;
  } else {
    // Staff: their own municipalities among those it is offered to, nothing else.
    reach.municipalities = reach.private_in;
    if (reach.municipalities.empty()) return std::nullopt;
  }
  std::sort(reach.municipalities.begin(), reach.municipalities.end());
  std::sort(reach.private_in.begin(), reach.private_in.end());
  return reach;
}

MatchQuery QueryForOffer(const Offer& offer, const PostcodeDirectory& postcodes) {
  MatchQuery q;
  q.skills = SkillListMask(JoinKeyList(offer.skills));
  q.languages = LanguageListMask(JoinKeyList(offer.languages));
  q.welfare_areas = WelfareAreaListMask(JoinKeyList(offer.welfare_areas));
  q.target_groups = TargetGroupListMask(JoinKeyList(offer.target_groups));
  q.availability = offer.availability.bits();
  if (offer.postcode) {
    if (auto found = postcodes.Lookup(*offer.postcode)) q.place = found->centroid;
  }
  q.travel_km = static_cast<uint16_t>(std::clamp<int64_t>(offer.travel_km, 0, 500));
  q.words = QueryWords(offer.title + " " + offer.description);
  return q;
}

}  // namespace samskab::domain
