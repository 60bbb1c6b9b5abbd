// The collaboration registry on the storage seam; the same SQL serves SQLite and PostgreSQL.
// Every statement is restricted to the scope's municipality. The placement columns are derived
// by the model on every write (and RefreshPartnerPlacements re-derives them when a partner's kind
// changes), so filters on level and quadrant run in SQL.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/collaboration/collaboration.h"
#include "domain/place/postcodes.h"
#include "domain/unit/unit.h"
#include "storage/database.h"

namespace samskab::storage {

// The overview's filters (appendix 1 of the memo). Unset fields do not filter.
struct CollaborationFilter {
  std::optional<int64_t> unit_id;  // this unit and every unit below it (a center and its departments)
  // unit_id and the units below it, as ResolveUnitFilter finds them (the store does so before it
  // builds its SQL): literal ids let the planner estimate the filter, where a recursive query
  // over the units left PostgreSQL guessing and walking every collaboration in title order.
  std::vector<int64_t> unit_ids_below;
  std::optional<std::string> welfare_area;
  std::optional<std::string> target_group;
  std::optional<domain::OrganisationKind> organisation_kind;  // at least one partner of the kind
  std::optional<domain::InvolvementLevel> level;              // the effective level
  std::optional<int> quadrant;                                // 1-4
  std::optional<domain::CollaborationForm> form;
  std::optional<domain::CollaborationStatus> status;
  std::string text;  // words that must all occur in title, description or locality (any case)
  bool inspiration_only = false;
};

enum class CollaborationSort { kTitle, kStatus, kLevel, kStartsOn, kUpdatedAt };
struct CollaborationOrder {
  CollaborationSort sort = CollaborationSort::kTitle;
  bool descending = false;
};

struct CollaborationPage {
  std::vector<domain::Collaboration> items;
  int64_t total = 0;  // rows matching the filter
};

// One point of the matrix: enough to draw and link it.
struct MatrixPoint {
  int64_t id = 0;
  std::string title;
  domain::InvolvementLevel level = domain::InvolvementLevel::kLow;
  std::optional<domain::VolunteerType> volunteer_type;
  std::optional<int> quadrant;
};

// The SQL the overview runs, exposed so the benchmark can time the bare statements next to the
// page that runs them: the page of a filter (its rows carry the number of matching rows), the count
// (run only when a page past the last is asked for), and the one statement that reads the units
// and partners of up to kLinkBatch collaborations.
struct BuiltQuery {
  std::string sql;
  Params params;
};
struct OverviewSql {
  BuiltQuery count;
  BuiltQuery page;
};
// Fills filter.unit_ids_below when the filter names a unit (nothing else is read or changed).
Status ResolveUnitFilter(Connection& connection, const domain::MunicipalityScope& scope,
                         CollaborationFilter& filter);
// REQUIRES: ResolveUnitFilter has resolved `filter`.
OverviewSql BuildOverviewSql(const domain::MunicipalityScope& scope, const CollaborationFilter& filter,
                             const CollaborationOrder& order, int64_t offset, int64_t limit);
inline constexpr int kLinkBatch = 100;
// Rows (kind, collaboration id, id, name, organisation kind): kind kUnitLink for a unit, kPartnerLink
// for a partner; units first, each by name. Its parameters: LinksOfBatchParams (the ids padded
// with 0 to kLinkBatch, twice), so one prepared statement serves every page.
inline constexpr int64_t kUnitLink = 0;
inline constexpr int64_t kPartnerLink = 1;
const std::string& LinksOfBatchSql();
Params LinksOfBatchParams(const std::vector<int64_t>& collaboration_ids);

// Re-derives the stored placement of every collaboration that has `organisation_id` as partner
// (all municipalities), inside the caller's transaction. The organisation store calls it when a
// kind changes.
Status RefreshPartnerPlacements(Connection& connection, int64_t organisation_id, const std::string& now);

// Sets the `partnership_agreement` fact of a collaboration (a signed agreement exists) and
// re-derives its placement, audited, inside the caller's transaction. Nothing when already set.
Status MarkPartnershipAgreement(Connection& connection, const domain::MunicipalityScope& scope,
                                const domain::Actor& actor, int64_t collaboration_id, const std::string& now);

// The employee responsible for a collaboration or an agreement must work for the municipality
// (admin or employee, not erased); otherwise adds the problem for "responsible_user_id".
Status CheckResponsible(Connection& connection, const domain::MunicipalityScope& scope,
                        const std::optional<int64_t>& user_id, std::vector<FieldProblem>& problems);

// The import keys (domain::Collaboration::import_key) the municipality already has: the CSV
// import's preview counts a row whose key is here as a duplicate.
Result<std::set<std::string>> ImportKeysOf(Connection& connection, const domain::MunicipalityScope& scope);

class CollaborationStore {
 public:
  CollaborationStore(Database& database, const Clock& clock, const domain::PostcodeDirectory& postcodes)
      : database_(database), clock_(clock), postcodes_(postcodes) {}

  Result<domain::Collaboration> Get(const domain::MunicipalityScope& scope, int64_t id);
  Result<CollaborationPage> List(const domain::MunicipalityScope& scope, const CollaborationFilter& filter,
                                 const CollaborationOrder& order, int64_t offset, int64_t limit);
  // Every matching collaboration in order, one at a time (exports), without holding them all.
  Status ForEach(const domain::MunicipalityScope& scope, const CollaborationFilter& filter,
                 const CollaborationOrder& order,
                 const std::function<void(const domain::Collaboration&)>& visit);
  Result<std::vector<MatrixPoint>> Matrix(const domain::MunicipalityScope& scope,
                                          const CollaborationFilter& filter);

  // Validates (NormaliseCollaboration plus: units of this municipality, partners the municipality
  // may see, vocabulary terms of the municipality, postcode known), then stores and audits.
  // kInvalidArgument naming every bad field.
  Result<domain::Collaboration> Create(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                                       domain::Collaboration collaboration);
  // As Create, plus the lifecycle (collaboration.error.status_change) and the revision
  // (kPreconditionFailed when stale).
  Result<domain::Collaboration> Update(const domain::MunicipalityScope& scope, const domain::Actor& actor,
                                       domain::Collaboration collaboration, int64_t expected_revision);
  Status Delete(const domain::MunicipalityScope& scope, const domain::Actor& actor, int64_t id,
                int64_t expected_revision);

  // The same checks and writes on the caller's transaction: the CSV import writes many rows in one.
  Result<domain::Collaboration> CreateOn(Connection& connection, const domain::MunicipalityScope& scope,
                                         const domain::Actor& actor, domain::Collaboration collaboration,
                                         const std::string& now);
  // The CSV import's write, inside the caller's transaction: many rows per INSERT, so 10,000 rows
  // cost some hundred statements rather than ten per row (docs/decisions/0009).
  // REQUIRES: every row has an import_key, NormaliseCollaboration found no problem, and its units,
  // partners (with their kinds) and terms were resolved within `scope` (the importer checks each
  // row against the same rules as Check(), with the municipality's lists read once).
  // A row whose import_key the municipality already has is skipped (also one imported by someone
  // else meanwhile). No audit entry per row: the importer writes one for the import. Returns the
  // new ids by import_key.
  Result<std::map<std::string, int64_t>> InsertImportedOn(Connection& connection,
                                                          const domain::MunicipalityScope& scope,
                                                          const std::vector<domain::Collaboration>& rows,
                                                          const std::string& now);
  // Every problem of a collaboration that Create would refuse, without writing (the import's preview).
  Result<std::vector<FieldProblem>> Check(Connection& connection, const domain::MunicipalityScope& scope,
                                          domain::Collaboration& collaboration);

 private:
  Database& database_;
  const Clock& clock_;
  const domain::PostcodeDirectory& postcodes_;
};

}  // namespace samskab::storage
