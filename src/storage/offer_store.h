// Offers (domain/market/offer.h) on the storage seam; the same SQL serves SQLite and PostgreSQL.
// Platform-wide data (docs/decisions/0013-needs-offers.md):
//  - an organisation's admins and members post and change their organisation's offers, a person
//    their own (OwnsOffer);
//  - an offer is seen by its owner, by the staff of the municipalities it is offered to (','
//    means all) and by platform admins; any other offer is "not found";
//  - the public list shows the open offers of organisations with a public profile (never a
//    person's offer: that is personal data).
// Every write is audited in its transaction (platform-wide entries: no municipality); updates and
// deletions carry the revision the caller read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/market/offer.h"
#include "domain/place/postcodes.h"
#include "storage/database.h"

namespace samskab::storage {

// The public may see an organisation's open offer when the organisation's own profile is public
// (offers `f` joined with their organisation `o`); appended to a WHERE clause.
inline constexpr char kPublicOfferWhere[] =
    " AND f.status = 'open' AND f.organisation_id IS NOT NULL AND o.is_public = 1 AND o.municipality_code IS "
    "NULL";
// Whether offer `f` is offered to a municipality (to all of them, ',', or to it by name); its one
// parameter is OfferedToPattern(code).
inline constexpr char kOfferedTo[] = "(f.municipalities = ',' OR f.municipalities LIKE ?)";
std::string OfferedToPattern(const std::string& municipality_code);

struct OfferFilter {
  std::optional<domain::MarketStatus> status;
  std::optional<domain::OfferKind> kind;
  std::optional<int64_t> organisation_id;
  bool own_only = false;  // only the viewer's own offers (theirs and their organisations')
  std::optional<std::string> organisation_kind;  // the public list: "company", …
  int64_t offset = 0;
  int64_t limit = 20;
};

struct OfferPage {
  std::vector<domain::Offer> items;  // newest first
  int64_t total = 0;
};

class OfferStore {
 public:
  OfferStore(Database& database, const Clock& clock, const domain::PostcodeDirectory& postcodes)
      : database_(database), clock_(clock), postcodes_(postcodes) {}

  // kNotFound "offer.error.not_found" unless the viewer may see it.
  Result<domain::Offer> Get(const domain::OfferViewer& viewer, int64_t id);
  Result<OfferPage> List(const domain::OfferViewer& viewer, const OfferFilter& filter);
  // An open offer of an organisation with a public profile; kNotFound otherwise.
  Result<domain::Offer> GetPublic(int64_t id);
  Result<OfferPage> ListPublic(const OfferFilter& filter);

  // NormaliseOffer plus: the municipalities exist. The viewer must own the new offer
  // (kPermissionDenied "offer.error.not_yours").
  Result<domain::Offer> Create(const domain::OfferViewer& viewer, const domain::Actor& actor,
                               domain::Offer offer);
  // The owner cannot change (the current one is kept). kNotFound when the viewer cannot see it,
  // kPermissionDenied when they see but do not own it, kPreconditionFailed when stale.
  Result<domain::Offer> Update(const domain::OfferViewer& viewer, const domain::Actor& actor,
                               domain::Offer offer, int64_t expected_revision);
  Status Delete(const domain::OfferViewer& viewer, const domain::Actor& actor, int64_t id,
                int64_t expected_revision);

 private:
  Result<std::vector<FieldProblem>> Check(Connection& connection, domain::Offer& offer);

  Database& database_;
  const Clock& clock_;
  const domain::PostcodeDirectory& postcodes_;
};

}  // namespace samskab::storage
