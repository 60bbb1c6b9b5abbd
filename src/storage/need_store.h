// Needs (domain/market/need.h) on the storage seam; the same SQL serves SQLite and PostgreSQL.
// Who sees what (docs/decisions/0013-needs-offers.md):
//  - the municipality's staff see all its needs, private and public (every staff call takes the
//    scope, so another municipality's need, private or public, is "not found" there);
//  - everyone else (organisations, companies, volunteers, the public) sees public open needs only,
//    through GetPublic/ListPublic.
// Which units a staff member may post for is the caller's question (UnitsInReach); the store
// checks that the unit is the municipality's, that the partner organisation is one the
// municipality may see and that the terms are the municipality's. Every write is audited in its
// transaction; updates and deletions carry the revision the caller read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/market/need.h"
#include "domain/place/postcodes.h"
#include "domain/unit/unit.h"
#include "storage/database.h"
#include "storage/need_approval_store.h"  // ApprovalNotices

namespace samskab::storage {

struct NeedFilter {
  std::optional<domain::MarketStatus> status;
  std::optional<int64_t> unit_id;  // exactly this unit
  std::optional<domain::NeedVisibility> visibility;
  std::optional<std::string> municipality_code;  // the public list only
  int64_t offset = 0;
  int64_t limit = 20;
};

struct NeedPage {
  std::vector<domain::Need> items;  // newest first
  int64_t total = 0;
};

class NeedStore {
 public:
  // With `notices`, a new partner organisation's admins are told that approvals wait for them.
  NeedStore(Database& database, const Clock& clock, const domain::PostcodeDirectory& postcodes,
            std::optional<ApprovalNotices> notices = std::nullopt)
      : database_(database), clock_(clock), postcodes_(postcodes), notices_(std::move(notices)) {}

  // The municipality's need; kNotFound "need.error.not_found" for another municipality's.
  Result<domain::Need> Get(const domain::MunicipalityScope& scope, int64_t id);
  Result<NeedPage> List(const domain::MunicipalityScope& scope, const NeedFilter& filter);
  // A public, open need of any municipality; kNotFound for every other.
  Result<domain::Need> GetPublic(int64_t id);
  // Public open needs (filter.status and filter.visibility are ignored).
  Result<NeedPage> ListPublic(const NeedFilter& filter);

  // NormaliseNeed plus: the unit is the municipality's, the partner organisation is visible to
  // the municipality, the terms are the municipality's. kInvalidArgument naming every bad field.
  Result<domain::Need> Create(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                              domain::Need need);
  // As Create; kPreconditionFailed "error.precondition_failed" when `expected_revision` is stale.
  Result<domain::Need> Update(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                              domain::Need need, int64_t expected_revision);
  // Deletes the need and the marks on its matches.
  Status Delete(const domain::MunicipalityScope& scope, const domain::Actor& actor, int64_t id,
                int64_t expected_revision);

 private:
  Result<std::vector<FieldProblem>> Check(Connection& connection, const domain::MunicipalityScope& scope,
                                          domain::Need& need);

  Database& database_;
  const Clock& clock_;
  const domain::PostcodeDirectory& postcodes_;
  std::optional<ApprovalNotices> notices_;
};

}  // namespace samskab::storage
