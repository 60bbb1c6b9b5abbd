// Organisation profiles on the storage seam; the same SQL serves SQLite and PostgreSQL. Who sees
// and edits what (docs/decisions/0008-organisation-visibility.md):
//  - municipal staff see the organisations visible in their municipality (kOrganisationVisibleIn:
//    public, registered by the municipality, or shared with it) and edit only those their
//    municipality registered (municipality_code = theirs);
//  - an organisation's admins edit its own profile (municipality_code NULL) and choose the
//    municipalities it is shared with;
//  - the public sees public profiles only.
// Every write is audited in its transaction. Another municipality's private organisation is
// "not found", exactly like one that does not exist.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/organisation/organisation.h"
#include "domain/unit/unit.h"
#include "storage/database.h"

namespace samskab::storage {

// The lists' filters; unset fields do not filter.
struct OrganisationFilter {
  std::string text;  // words that must all occur in name, description, resources, frames or town
  std::optional<domain::OrganisationKind> kind;
  std::optional<std::string> welfare_area;  // a built-in key
  int64_t offset = 0;
  int64_t limit = 20;
};

struct OrganisationPage {
  std::vector<domain::Organisation> items;  // by name
  int64_t total = 0;                        // rows matching the filter
};

// Called inside an update's transaction when the organisation's kind changed: the collaborations
// it is a partner of must be placed again (storage::RefreshPartnerPlacements). A failure rolls the
// update back.
using KindChangedHook =
    std::function<Status(Connection& connection, int64_t organisation_id, const std::string& now)>;

class OrganisationStore {
 public:
  OrganisationStore(Database& database, const Clock& clock, const domain::PostcodeDirectory& postcodes,
                    const domain::IcnpoCatalog& icnpo, KindChangedHook on_kind_changed = {})
      : database_(database),
        clock_(clock),
        postcodes_(postcodes),
        icnpo_(icnpo),
        on_kind_changed_(std::move(on_kind_changed)) {}

  // NormaliseOrganisation with this store's reference data (the API uses it to name every
  // problem of a request at once, its own and the profile's).
  std::vector<FieldProblem> Normalise(domain::Organisation& organisation) const;

  // Registered by the scope's municipality: its data (municipality_code = scope).
  Result<domain::Organisation> Create(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                                      domain::Organisation organisation);
  Result<domain::Organisation> Get(const domain::MunicipalityScope& scope, int64_t id);
  Result<domain::Organisation> GetPublic(int64_t id);
  // An organisation's own profile (municipality_code NULL), for its admins.
  Result<domain::Organisation> GetOwn(int64_t id);
  Result<OrganisationPage> List(const domain::MunicipalityScope& scope, const OrganisationFilter& filter);
  Result<OrganisationPage> ListPublic(const OrganisationFilter& filter);

  // Municipal staff: only their municipality's records (another's visible one: kPermissionDenied
  // "organisation.error.not_yours"; an invisible one: kNotFound). kPreconditionFailed when
  // `expected_revision` is stale. Contacts are replaced as a whole.
  Result<domain::Organisation> Update(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                                      domain::Organisation organisation, int64_t expected_revision);
  // Organisation admins: their own profile.
  Result<domain::Organisation> UpdateOwn(const domain::Actor& actor, domain::Organisation organisation,
                                         int64_t expected_revision);

  // The municipalities an own profile is shared with (by code), and sharing or withdrawing it.
  // Sharing twice or withdrawing an absent share changes nothing and is no error. An unknown
  // municipality: kNotFound "organisation.error.unknown_municipality".
  Result<std::vector<std::string>> Shares(int64_t organisation_id);
  Status Share(const domain::Actor& actor, int64_t organisation_id, const std::string& municipality_code);
  Status Unshare(const domain::Actor& actor, int64_t organisation_id, const std::string& municipality_code);

 private:
  Result<domain::Organisation> WriteUpdate(Connection& connection, const domain::Actor& actor,
                                           const domain::Organisation& current, domain::Organisation changed,
                                           int64_t expected_revision, const std::string& audit_municipality);

  Database& database_;
  const Clock& clock_;
  const domain::PostcodeDirectory& postcodes_;
  const domain::IcnpoCatalog& icnpo_;
  KindChangedHook on_kind_changed_;
};

}  // namespace samskab::storage
