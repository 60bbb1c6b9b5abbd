#include "storage/collaboration_store.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "core/text.h"
#include "storage/audit_store.h"
#include "storage/organisation_visibility.h"
#include "storage/search_words.h"
#include "storage/vocabulary_store.h"

namespace samskab::storage {
namespace {

using domain::Collaboration;
using domain::MunicipalityScope;

// The column list of FromRow(), in its order.
#define SAMSKAB_COLUMNS                                                                                   \
  "c.id, c.municipality_code, c.title, c.description, c.welfare_area, c.target_group, c.starts_on, "      \
  "c.ends_on, c.status, c.form, c.staff_hours_per_year, c.budget_dkk, c.funding_source, c.locality, "     \
  "c.postcode, c.activity_registered, c.evaluated, c.rooms_lent, c.citizens_referred, c.contact_person, " \
  "c.coordination, c.staff_take_part, c.partnership_agreement, c.dedicated_budget, c.override_level, "    \
  "c.override_reason, c.inspiration, c.inspiration_note, c.responsible_user_id, c.import_key, "           \
  "c.revision, c.created_at, c.updated_at"
constexpr char kColumns[] = SAMSKAB_COLUMNS;
constexpr char kSelectOne[] =
    "SELECT " SAMSKAB_COLUMNS " FROM collaborations c WHERE c.municipality_code = ? AND c.id = ?";
#undef SAMSKAB_COLUMNS
constexpr size_t kFirstFactColumn = 17;
// The overview page's extra column after kColumns: the number of matching rows.
constexpr size_t kTotalColumn = 33;

constexpr char kInsert[] =
    "INSERT INTO collaborations (municipality_code, title, description, welfare_area, target_group, "
    "starts_on, "
    "ends_on, status, form, staff_hours_per_year, budget_dkk, funding_source, locality, postcode, "
    "activity_registered, evaluated, rooms_lent, citizens_referred, contact_person, coordination, "
    "staff_take_part, partnership_agreement, dedicated_budget, override_level, override_reason, inspiration, "
    "inspiration_note, responsible_user_id, import_key, derived_level, level, volunteer_type, quadrant, "
    "search_text, partner_kinds, revision, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, "
    "?, ?, 1, ?, ?) RETURNING id";
constexpr char kUpdate[] =
    "UPDATE collaborations SET title = ?, description = ?, welfare_area = ?, target_group = ?, starts_on = "
    "?, "
    "ends_on = ?, status = ?, form = ?, staff_hours_per_year = ?, budget_dkk = ?, funding_source = ?, "
    "locality = ?, postcode = ?, activity_registered = ?, evaluated = ?, rooms_lent = ?, citizens_referred = "
    "?, "
    "contact_person = ?, coordination = ?, staff_take_part = ?, partnership_agreement = ?, dedicated_budget "
    "= ?, "
    "override_level = ?, override_reason = ?, inspiration = ?, inspiration_note = ?, responsible_user_id = "
    "?, "
    "import_key = ?, derived_level = ?, level = ?, volunteer_type = ?, quadrant = ?, search_text = ?, "
    "partner_kinds = ?, "
    "revision = revision + 1, updated_at = ? "
    "WHERE municipality_code = ? AND id = ? AND revision = ?";
constexpr char kDelete[] =
    "DELETE FROM collaborations WHERE municipality_code = ? AND id = ? AND revision = ?";
// By the primary key's first column only: with the municipality in the WHERE clause SQLite picks
// the (municipality_code, unit_id, …) index and scans every link of the municipality. The id
// comes from a scoped read, so the municipality is implied.
constexpr char kDeleteUnits[] = "DELETE FROM collaboration_units WHERE collaboration_id = ?";
constexpr char kDeletePartners[] = "DELETE FROM collaboration_partners WHERE collaboration_id = ?";
constexpr char kInsertUnit[] =
    "INSERT INTO collaboration_units (collaboration_id, municipality_code, unit_id) VALUES (?, ?, ?)";
constexpr char kInsertPartner[] =
    "INSERT INTO collaboration_partners (collaboration_id, organisation_id) VALUES (?, ?)";
constexpr char kUnitNamed[] = "SELECT id, name FROM units WHERE municipality_code = ? AND id = ?";

// Units and partners of up to kLinkBatch collaborations in one statement each: the id list is padded
// to a fixed length so that one prepared statement serves every page.
std::string Placeholders(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}
constexpr char kUnitsOfMunicipality[] =
    "SELECT cu.collaboration_id, u.id, u.name FROM collaboration_units cu JOIN units u ON "
    "u.municipality_code = cu.municipality_code AND u.id = cu.unit_id WHERE cu.municipality_code = ? "
    "ORDER BY u.name, u.id";
constexpr char kPartnersOfMunicipality[] =
    "SELECT cp.collaboration_id, o.id, o.name, o.kind FROM collaboration_partners cp JOIN collaborations c "
    "ON "
    "c.id = cp.collaboration_id JOIN organisations o ON o.id = cp.organisation_id WHERE c.municipality_code "
    "= ? "
    "ORDER BY o.name, o.id";

std::optional<std::string> OptionalText(const Row& row, size_t i) { return row.OptionalText(i); }
std::optional<int64_t> OptionalInt(const Row& row, size_t i) {
  return row.IsNull(i) ? std::nullopt : std::optional<int64_t>(row.Int(i));
}

Collaboration FromRow(const Row& row) {
  Collaboration c;
  c.id = row.Int(0);
  c.municipality_code = row.Text(1);
  c.title = row.Text(2);
  c.description = row.Text(3);
  c.welfare_area = OptionalText(row, 4);
  c.target_group = OptionalText(row, 5);
  c.starts_on = OptionalText(row, 6);
  c.ends_on = OptionalText(row, 7);
  c.status = domain::ParseCollaborationStatus(row.Text(8)).value_or(domain::CollaborationStatus::kIdea);
  c.form = domain::ParseCollaborationForm(row.Text(9)).value_or(domain::CollaborationForm::kAdHoc);
  c.staff_hours_per_year = OptionalInt(row, 10);
  c.budget_dkk = OptionalInt(row, 11);
  c.funding_source = row.Text(12);
  c.locality = row.Text(13);
  c.postcode = OptionalText(row, 14);
  c.activity_registered = row.Int(15) != 0;
  c.evaluated = row.Int(16) != 0;
  size_t column = kFirstFactColumn;
  for (const auto& field : domain::kFactFields) c.facts.*(field.member) = row.Int(column++) != 0;
  if (!row.IsNull(24)) c.override_level = domain::ParseInvolvementLevel(row.Text(24));
  c.override_reason = row.Text(25);
  c.inspiration = row.Int(26) != 0;
  c.inspiration_note = row.Text(27);
  c.responsible_user_id = OptionalInt(row, 28);
  c.import_key = OptionalText(row, 29);
  c.revision = row.Int(30);
  c.created_at = row.Text(31);
  c.updated_at = row.Text(32);
  return c;
}

// Fills units, partners and the placement of collaborations read without them.
void Attach(Collaboration& c, std::vector<domain::CollaborationUnit> units,
            std::vector<domain::CollaborationPartner> partners) {
  c.units = std::move(units);
  c.partners = std::move(partners);
  c.unit_ids.clear();
  for (const auto& unit : c.units) c.unit_ids.push_back(unit.id);
  std::sort(c.unit_ids.begin(), c.unit_ids.end());
  c.partner_ids.clear();
  for (const auto& partner : c.partners) c.partner_ids.push_back(partner.id);
  std::sort(c.partner_ids.begin(), c.partner_ids.end());
  c.placement = domain::PlacementOf(c);
}

using UnitsById = std::map<int64_t, std::vector<domain::CollaborationUnit>>;
using PartnersById = std::map<int64_t, std::vector<domain::CollaborationPartner>>;

void CollectUnits(const Rows& rows, UnitsById& units) {
  for (const Row& row : rows) units[row.Int(0)].push_back({row.Int(1), row.Text(2)});
}
void CollectPartners(const Rows& rows, PartnersById& partners) {
  for (const Row& row : rows) {
    partners[row.Int(0)].push_back(
        {row.Int(1), row.Text(2),
         domain::ParseOrganisationKind(row.Text(3)).value_or(domain::OrganisationKind::kCommunity)});
  }
}

// Units and partners of `items` (at most kLinkBatch), in one statement (LinksOfBatchSql).
Status AttachBatch(Connection& connection, std::vector<Collaboration>& items) {
  if (items.empty()) return Status::Ok();
  // The ids come from a scoped read; filtering on the municipality here too would make SQLite scan
  // every link of the municipality through the (municipality_code, unit_id) index.
  std::vector<int64_t> ids;
  ids.reserve(items.size());
  for (const auto& c : items) ids.push_back(c.id);
  auto rows = connection.Query(LinksOfBatchSql(), LinksOfBatchParams(ids));
  if (!rows.ok()) return rows.status();
  UnitsById units;
  PartnersById partners;
  for (const Row& row : *rows) {
    if (row.Int(0) == kUnitLink) {
      units[row.Int(1)].push_back({row.Int(2), row.Text(3)});
    } else {
      partners[row.Int(1)].push_back(
          {row.Int(2), row.Text(3),
           domain::ParseOrganisationKind(row.Text(4)).value_or(domain::OrganisationKind::kCommunity)});
    }
  }
  for (auto& c : items) Attach(c, std::move(units[c.id]), std::move(partners[c.id]));
  return Status::Ok();
}

Result<Collaboration> GetOn(Connection& connection, const MunicipalityScope& scope, int64_t id) {
  auto rows = connection.Query(kSelectOne, {scope.code(), id});
  if (!rows.ok()) return rows.status();
  if (rows->empty())
    return NotFound(fmt::format("collaboration {} not found in municipality {}", id, scope.code()));
  std::vector<Collaboration> items{FromRow(rows->front())};
  SAMSKAB_RETURN_IF_ERROR(AttachBatch(connection, items));
  return std::move(items.front());
}

// The text the free-text filter searches: title, description, locality and funding source.
std::string SearchText(const Collaboration& c) {
  return text::FoldCase(c.title + "\n" + c.description + "\n" + c.locality + "\n" + c.funding_source);
}

// The partners' kinds as bits (1 << the kind's position): the kind filter's column.
int64_t KindBit(domain::OrganisationKind kind) { return int64_t{1} << static_cast<int>(kind); }
int64_t PartnerKinds(const Collaboration& c) {
  int64_t bits = 0;
  for (const auto& partner : c.partners) bits |= KindBit(partner.kind);
  return bits;
}

// " WHERE …" of the overview's query, with its parameters in order.
struct WhereClause {
  std::string where;
  Params params;
};
WhereClause BuildWhere(const MunicipalityScope& scope, const CollaborationFilter& filter) {
  WhereClause clause;
  clause.where = " WHERE c.municipality_code = ?";
  clause.params.emplace_back(scope.code());
  if (filter.unit_id) {
    // The ids first, through the (municipality_code, unit_id, collaboration_id) index, rather
    // than a correlated EXISTS for every collaboration of the municipality. The unit ids are
    // padded with 0 (no unit's id) to a power of two, so a few prepared statements serve all.
    std::vector<int64_t> units = filter.unit_ids_below;
    if (units.empty()) units.push_back(*filter.unit_id);
    size_t slots = 1;
    while (slots < units.size()) slots *= 2;
    clause.where +=
        " AND c.id IN (SELECT cu.collaboration_id FROM collaboration_units cu WHERE "
        "cu.municipality_code = ? AND cu.unit_id IN (" +
        Placeholders(static_cast<int>(slots)) + "))";
    clause.params.emplace_back(scope.code());
    for (size_t i = 0; i < slots; ++i) clause.params.emplace_back(i < units.size() ? units[i] : int64_t{0});
  }
  const auto equals = [&](const char* column, Value value) {
    clause.where += fmt::format(" AND c.{} = ?", column);
    clause.params.push_back(std::move(value));
  };
  if (filter.welfare_area) equals("welfare_area", *filter.welfare_area);
  if (filter.target_group) equals("target_group", *filter.target_group);
  if (filter.level) equals("level", std::string(domain::InvolvementLevelName(*filter.level)));
  if (filter.quadrant) equals("quadrant", int64_t{*filter.quadrant});
  if (filter.form) equals("form", std::string(domain::CollaborationFormName(*filter.form)));
  if (filter.status) equals("status", std::string(domain::CollaborationStatusName(*filter.status)));
  if (filter.inspiration_only) equals("inspiration", int64_t{1});
  if (filter.organisation_kind) {
    clause.where += " AND (c.partner_kinds & ?) <> 0";
    clause.params.emplace_back(KindBit(*filter.organisation_kind));
  }
  for (const auto& word : SearchWords(filter.text)) {
    clause.where += " AND c.search_text LIKE ? ESCAPE '\\'";
    clause.params.emplace_back(ContainsPattern(word));
  }
  return clause;
}

std::string OrderBy(const CollaborationOrder& order) {
  const char* direction = order.descending ? " DESC" : "";
  switch (order.sort) {
    case CollaborationSort::kTitle:
      return fmt::format(" ORDER BY c.title{0}, c.id{0}", direction);
    case CollaborationSort::kStatus:
      return fmt::format(
          " ORDER BY CASE c.status WHEN 'idea' THEN 0 WHEN 'planned' THEN 1 WHEN 'active' THEN 2 WHEN "
          "'paused' "
          "THEN 3 ELSE 4 END{0}, c.title, c.id",
          direction);
    case CollaborationSort::kLevel:
      return fmt::format(
          " ORDER BY CASE c.level WHEN 'low' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END{0}, c.title, c.id",
          direction);
    case CollaborationSort::kStartsOn:
      // Without a start date last (both backends order NULL differently, so no NULL reaches ORDER BY).
      return fmt::format(" ORDER BY COALESCE(c.starts_on, '9999-12-31'){0}, c.title, c.id", direction);
    case CollaborationSort::kUpdatedAt:
      return fmt::format(" ORDER BY c.updated_at{0}, c.id{0}", direction);
  }
  return " ORDER BY c.id";
}

// The parameters of the INSERT and the UPDATE share their first part: the stored fields and
// the derived placement, in the order of both statements.
Params FieldParams(const Collaboration& c) {
  const domain::Placement placement = domain::PlacementOf(c);
  Params params = {
      c.title,
      c.description,
      NullIfEmpty(c.welfare_area),
      NullIfEmpty(c.target_group),
      NullIfEmpty(c.starts_on),
      NullIfEmpty(c.ends_on),
      std::string(domain::CollaborationStatusName(c.status)),
      std::string(domain::CollaborationFormName(c.form)),
      NullIfEmpty(c.staff_hours_per_year),
      NullIfEmpty(c.budget_dkk),
      c.funding_source,
      c.locality,
      NullIfEmpty(c.postcode),
      int64_t{c.activity_registered},
      int64_t{c.evaluated},
  };
  for (const auto& field : domain::kFactFields) params.emplace_back(int64_t{c.facts.*(field.member)});
  params.push_back(c.override_level ? Value(std::string(domain::InvolvementLevelName(*c.override_level)))
                                    : Value(Null{}));
  params.emplace_back(c.override_reason);
  params.emplace_back(int64_t{c.inspiration});
  params.emplace_back(c.inspiration_note);
  params.push_back(NullIfEmpty(c.responsible_user_id));
  params.push_back(NullIfEmpty(c.import_key));
  params.emplace_back(std::string(domain::InvolvementLevelName(placement.level)));
  params.emplace_back(std::string(domain::InvolvementLevelName(placement.effective_level)));
  params.push_back(placement.volunteer_type
                       ? Value(std::string(domain::VolunteerTypeName(*placement.volunteer_type)))
                       : Value(Null{}));
  params.push_back(placement.quadrant ? Value(int64_t{*placement.quadrant}) : Value(Null{}));
  params.emplace_back(SearchText(c));
  params.emplace_back(PartnerKinds(c));
  return params;
}

// Replaces the links of `c`; a new collaboration has none to delete.
Status WriteLinks(Connection& connection, const MunicipalityScope& scope, const Collaboration& c,
                  bool fresh) {
  if (!fresh) {
    SAMSKAB_RETURN_IF_ERROR(connection.Execute(kDeleteUnits, {c.id}).status());
    SAMSKAB_RETURN_IF_ERROR(connection.Execute(kDeletePartners, {c.id}).status());
  }
  for (int64_t unit : c.unit_ids)
    SAMSKAB_RETURN_IF_ERROR(connection.Execute(kInsertUnit, {c.id, scope.code(), unit}).status());
  for (int64_t partner : c.partner_ids)
    SAMSKAB_RETURN_IF_ERROR(connection.Execute(kInsertPartner, {c.id, partner}).status());
  return Status::Ok();
}

std::string PartnerVisibleSql() {
  return std::string("SELECT o.id, o.name, o.kind FROM organisations o WHERE o.id = ? AND ") +
         kOrganisationVisibleIn;
}

}  // namespace

const std::string& LinksOfBatchSql() {
  static const std::string sql =
      "SELECT 0, cu.collaboration_id, u.id, u.name, '' FROM collaboration_units cu JOIN units u ON "
      "u.municipality_code = cu.municipality_code AND u.id = cu.unit_id WHERE cu.collaboration_id IN (" +
      Placeholders(kLinkBatch) +
      ") UNION ALL SELECT 1, cp.collaboration_id, o.id, o.name, o.kind FROM collaboration_partners cp "
      "JOIN organisations o ON o.id = cp.organisation_id WHERE cp.collaboration_id IN (" +
      Placeholders(kLinkBatch) + ") ORDER BY 1, 4, 3";
  return sql;
}

Params LinksOfBatchParams(const std::vector<int64_t>& collaboration_ids) {
  Params ids(collaboration_ids.begin(), collaboration_ids.end());
  while (ids.size() < static_cast<size_t>(kLinkBatch))
    ids.emplace_back(int64_t{0});  // no collaboration has id 0
  Params both = ids;
  both.insert(both.end(), ids.begin(), ids.end());
  return both;
}

Status ResolveUnitFilter(Connection& connection, const MunicipalityScope& scope,
                         CollaborationFilter& filter) {
  filter.unit_ids_below.clear();
  if (!filter.unit_id) return Status::Ok();
  auto rows = connection.Query("SELECT id, parent_id FROM units WHERE municipality_code = ?", {scope.code()});
  if (!rows.ok()) return rows.status();
  std::multimap<int64_t, int64_t> children;  // parent -> child
  for (const Row& row : *rows) {
    if (!row.IsNull(1)) children.emplace(row.Int(1), row.Int(0));
  }
  std::set<int64_t> below{*filter.unit_id};
  std::vector<int64_t> pending{*filter.unit_id};
  while (!pending.empty()) {
    const int64_t parent = pending.back();
    pending.pop_back();
    const auto [first, last] = children.equal_range(parent);
    for (auto it = first; it != last; ++it) {
      if (below.insert(it->second).second) pending.push_back(it->second);
    }
  }
  filter.unit_ids_below.assign(below.begin(), below.end());
  return Status::Ok();
}

OverviewSql BuildOverviewSql(const MunicipalityScope& scope, const CollaborationFilter& filter,
                             const CollaborationOrder& order, int64_t offset, int64_t limit) {
  WhereClause clause = BuildWhere(scope, filter);
  OverviewSql sql;
  sql.count.sql = "SELECT COUNT(*) FROM collaborations c" + clause.where;
  sql.count.params = clause.params;
  // Deferred join: sort and cut the narrow (id, sort key) rows, then read the wide rows of the page
  // only; sorting every matching row with all its columns costs several times more.
  // The page carries the number of matching rows (an uncorrelated subquery, evaluated once), so a
  // page is one statement; only a page past the last needs the count on its own. (A window
  // function instead would make PostgreSQL walk every row in sort order for a selective filter.)
  sql.page.sql = std::string("SELECT ") + kColumns + ", (" + sql.count.sql +
                 ") FROM collaborations c JOIN (SELECT c.id AS page_id FROM collaborations c" + clause.where +
                 OrderBy(order) + " LIMIT ? OFFSET ?) p ON p.page_id = c.id" + OrderBy(order);
  sql.page.params = clause.params;
  sql.page.params.insert(sql.page.params.end(), clause.params.begin(), clause.params.end());
  sql.page.params.emplace_back(limit);
  sql.page.params.emplace_back(offset);
  return sql;
}

namespace {

// Writes the placement columns of `c` as read back (with its partners' current kinds).
Status StorePlacement(Connection& connection, const MunicipalityScope& scope, const Collaboration& c,
                      const std::string& now) {
  const domain::Placement& placement = c.placement;
  return connection
      .Execute(
          "UPDATE collaborations SET derived_level = ?, level = ?, volunteer_type = ?, quadrant = ?, "
          "partner_kinds = ?, updated_at = ? WHERE municipality_code = ? AND id = ?",
          {std::string(domain::InvolvementLevelName(placement.level)),
           std::string(domain::InvolvementLevelName(placement.effective_level)),
           placement.volunteer_type ? Value(std::string(domain::VolunteerTypeName(*placement.volunteer_type)))
                                    : Value(Null{}),
           placement.quadrant ? Value(int64_t{*placement.quadrant}) : Value(Null{}), PartnerKinds(c), now,
           scope.code(), c.id})
      .status();
}

}  // namespace

Status CheckResponsible(Connection& connection, const MunicipalityScope& scope,
                        const std::optional<int64_t>& user_id, std::vector<FieldProblem>& problems) {
  if (!user_id) return Status::Ok();
  auto rows = connection.Query(
      "SELECT COUNT(*) FROM role_grants g JOIN users u ON u.id = g.user_id WHERE g.user_id = ? AND "
      "g.municipality_code = ? AND g.role IN ('municipal_admin', 'municipal_employee') AND u.erased_at IS "
      "NULL",
      {*user_id, scope.code()});
  if (!rows.ok()) return rows.status();
  if (rows->front().Int(0) == 0)
    problems.push_back({"responsible_user_id", "collaboration.error.unknown_responsible"});
  return Status::Ok();
}

Status RefreshPartnerPlacements(Connection& connection, int64_t organisation_id, const std::string& now) {
  auto rows = connection.Query(
      "SELECT c.municipality_code, c.id FROM collaborations c JOIN collaboration_partners cp ON "
      "cp.collaboration_id = c.id WHERE cp.organisation_id = ? ORDER BY c.id",
      {organisation_id});
  if (!rows.ok()) return rows.status();
  for (const Row& row : *rows) {
    const MunicipalityScope scope(row.Text(0));
    auto c = GetOn(connection, scope, row.Int(1));
    if (!c.ok()) return c.status();
    SAMSKAB_RETURN_IF_ERROR(StorePlacement(connection, scope, *c, now));
  }
  return Status::Ok();
}

Status MarkPartnershipAgreement(Connection& connection, const MunicipalityScope& scope,
                                const domain::Actor& actor, int64_t collaboration_id,
                                const std::string& now) {
  auto before = GetOn(connection, scope, collaboration_id);
  if (!before.ok()) return before.status();
  if (before->facts.partnership_agreement) return Status::Ok();
  SAMSKAB_RETURN_IF_ERROR(
      connection
          .Execute("UPDATE collaborations SET partnership_agreement = 1, revision = revision + 1 "
                   "WHERE municipality_code = ? AND id = ?",
                   {scope.code(), collaboration_id})
          .status());
  auto after = GetOn(connection, scope, collaboration_id);
  if (!after.ok()) return after.status();
  SAMSKAB_RETURN_IF_ERROR(StorePlacement(connection, scope, *after, now));
  return RecordAudit(connection, actor, scope.code(), "collaboration.update", "collaboration",
                     std::to_string(collaboration_id), domain::CollaborationToJson(*before).dump(),
                     domain::CollaborationToJson(*after).dump(), now);
}

Result<Collaboration> CollaborationStore::Get(const MunicipalityScope& scope, int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetOn(**lease, scope, id);
}

Result<CollaborationPage> CollaborationStore::List(const MunicipalityScope& scope,
                                                   const CollaborationFilter& filter,
                                                   const CollaborationOrder& order, int64_t offset,
                                                   int64_t limit) {
  limit = std::clamp<int64_t>(limit, 1, kLinkBatch);
  offset = std::max<int64_t>(offset, 0);
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  CollaborationFilter resolved = filter;
  SAMSKAB_RETURN_IF_ERROR(ResolveUnitFilter(**lease, scope, resolved));
  const OverviewSql sql = BuildOverviewSql(scope, resolved, order, offset, limit);
  auto rows = (*lease)->Query(sql.page.sql, sql.page.params);
  if (!rows.ok()) return rows.status();
  CollaborationPage page;
  if (!rows->empty()) {
    page.total = rows->front().Int(kTotalColumn);
  } else if (offset > 0) {  // past the last page: how many there are all the same
    auto count = (*lease)->Query(sql.count.sql, sql.count.params);
    if (!count.ok()) return count.status();
    page.total = count->front().Int(0);
  }
  page.items.reserve(rows->size());
  for (const Row& row : *rows) page.items.push_back(FromRow(row));
  SAMSKAB_RETURN_IF_ERROR(AttachBatch(**lease, page.items));
  return page;
}

Status CollaborationStore::ForEach(const MunicipalityScope& scope, const CollaborationFilter& filter,
                                   const CollaborationOrder& order,
                                   const std::function<void(const Collaboration&)>& visit) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  CollaborationFilter resolved = filter;
  SAMSKAB_RETURN_IF_ERROR(ResolveUnitFilter(**lease, scope, resolved));
  const WhereClause clause = BuildWhere(scope, resolved);
  auto rows = (*lease)->Query(
      std::string("SELECT ") + kColumns + " FROM collaborations c" + clause.where + OrderBy(order),
      clause.params);
  if (!rows.ok()) return rows.status();
  // All links of the municipality in two statements, rather than two per collaboration.
  auto unit_rows = (*lease)->Query(kUnitsOfMunicipality, {scope.code()});
  if (!unit_rows.ok()) return unit_rows.status();
  auto partner_rows = (*lease)->Query(kPartnersOfMunicipality, {scope.code()});
  if (!partner_rows.ok()) return partner_rows.status();
  UnitsById units;
  PartnersById partners;
  CollectUnits(*unit_rows, units);
  CollectPartners(*partner_rows, partners);
  for (const Row& row : *rows) {
    Collaboration c = FromRow(row);
    auto unit_it = units.find(c.id);
    auto partner_it = partners.find(c.id);
    Attach(c, unit_it == units.end() ? std::vector<domain::CollaborationUnit>{} : std::move(unit_it->second),
           partner_it == partners.end() ? std::vector<domain::CollaborationPartner>{}
                                        : std::move(partner_it->second));
    visit(c);
  }
  return Status::Ok();
}

Result<std::vector<MatrixPoint>> CollaborationStore::Matrix(const MunicipalityScope& scope,
                                                            const CollaborationFilter& filter) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  CollaborationFilter resolved = filter;
  SAMSKAB_RETURN_IF_ERROR(ResolveUnitFilter(**lease, scope, resolved));
  const WhereClause clause = BuildWhere(scope, resolved);
  auto rows =
      (*lease)->Query("SELECT c.id, c.title, c.level, c.volunteer_type, c.quadrant FROM collaborations c" +
                          clause.where + " ORDER BY c.id",
                      clause.params);
  if (!rows.ok()) return rows.status();
  std::vector<MatrixPoint> points;
  points.reserve(rows->size());
  for (const Row& row : *rows) {
    MatrixPoint point;
    point.id = row.Int(0);
    point.title = row.Text(1);
    point.level = domain::ParseInvolvementLevel(row.Text(2)).value_or(domain::InvolvementLevel::kLow);
    if (!row.IsNull(3)) {
      point.volunteer_type = row.Text(3) == "associations"
                                 ? domain::VolunteerType::kAssociations
                                 : domain::VolunteerType::kCommunitiesAndIndividuals;
    }
    if (!row.IsNull(4)) point.quadrant = static_cast<int>(row.Int(4));
    points.push_back(std::move(point));
  }
  return points;
}

Result<std::vector<FieldProblem>> CollaborationStore::Check(Connection& connection,
                                                            const MunicipalityScope& scope,
                                                            Collaboration& c) {
  std::vector<FieldProblem> problems = domain::NormaliseCollaboration(c);
  c.units.clear();
  for (int64_t unit_id : c.unit_ids) {
    auto rows = connection.Query(kUnitNamed, {scope.code(), unit_id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) {
      problems.push_back({"unit_ids", "collaboration.error.unknown_unit"});
      break;
    }
    c.units.push_back({unit_id, rows->front().Text(1)});
  }
  c.partners.clear();
  for (int64_t partner_id : c.partner_ids) {
    auto rows = connection.Query(PartnerVisibleSql(), {partner_id, scope.code(), scope.code()});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) {
      problems.push_back({"partner_ids", "collaboration.error.unknown_partner"});
      break;
    }
    c.partners.push_back({partner_id, rows->front().Text(1),
                          domain::ParseOrganisationKind(rows->front().Text(2))
                              .value_or(domain::OrganisationKind::kCommunity)});
  }
  const auto check_term = [&](const std::optional<std::string>& key, domain::Vocabulary vocabulary,
                              const char* field) -> Status {
    if (!key) return Status::Ok();
    auto known = IsKnownTerm(connection, scope, vocabulary, *key);
    if (!known.ok()) return known.status();
    if (!*known) problems.push_back({field, "collaboration.error.unknown_term"});
    return Status::Ok();
  };
  SAMSKAB_RETURN_IF_ERROR(check_term(c.welfare_area, domain::Vocabulary::kWelfareArea, "welfare_area"));
  SAMSKAB_RETURN_IF_ERROR(check_term(c.target_group, domain::Vocabulary::kTargetGroup, "target_group"));
  if (c.postcode) {
    auto postcode = postcodes_.NormalisePostcode(*c.postcode);
    if (postcode.ok()) {
      c.postcode = postcode->code;
    } else {
      problems.push_back({"postcode", postcode.status().user_message_key()});
    }
  }
  SAMSKAB_RETURN_IF_ERROR(CheckResponsible(connection, scope, c.responsible_user_id, problems));
  return problems;
}

Result<Collaboration> CollaborationStore::CreateOn(Connection& connection, const MunicipalityScope& scope,
                                                   const domain::Actor& actor, Collaboration c,
                                                   const std::string& now) {
  auto problems = Check(connection, scope, c);
  if (!problems.ok()) return problems.status();
  if (!problems->empty()) return ValidationFailed(std::move(problems).value());
  Params params{scope.code()};
  for (auto& value : FieldParams(c)) params.push_back(std::move(value));
  params.emplace_back(now);
  params.emplace_back(now);
  auto rows = connection.Query(kInsert, params);
  if (!rows.ok()) return rows.status();
  c.id = rows->front().Int(0);
  SAMSKAB_RETURN_IF_ERROR(WriteLinks(connection, scope, c, /*fresh=*/true));
  // Check() has read the units' and partners' names; the rest is what was just written. Reading
  // the row back would cost three statements per row of a 10,000-row import.
  c.municipality_code = scope.code();
  c.revision = 1;
  c.created_at = now;
  c.updated_at = now;
  std::sort(c.units.begin(), c.units.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  std::sort(c.partners.begin(), c.partners.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  c.placement = domain::PlacementOf(c);
  SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "collaboration.create",
                                      "collaboration", std::to_string(c.id), std::nullopt,
                                      domain::CollaborationToJson(c).dump(), now));
  return c;
}

Result<std::set<std::string>> ImportKeysOf(Connection& connection, const MunicipalityScope& scope) {
  auto rows = connection.Query(
      "SELECT import_key FROM collaborations WHERE municipality_code = ? AND import_key IS NOT NULL",
      {scope.code()});
  if (!rows.ok()) return rows.status();
  std::set<std::string> keys;
  for (const Row& row : *rows) keys.insert(row.Text(0));
  return keys;
}

namespace {

// Rows per multi-row INSERT: 100 collaborations are 3,800 parameters, well below both backends'
// limits (SQLite 32,766, PostgreSQL 65,535); links are 3 or 2 parameters a row.
constexpr size_t kImportBatch = 100;
constexpr size_t kLinkInsertBatch = 1000;

// "INSERT … VALUES (…), (…) …" for `rows` rows of `columns` placeholders each.
std::string ValuesList(size_t rows, const std::string& one_row) {
  std::string out;
  out.reserve(rows * (one_row.size() + 2));
  for (size_t i = 0; i < rows; ++i) {
    if (i > 0) out += ", ";
    out += one_row;
  }
  return out;
}

// Inserts `params` in statements of up to `batch` rows of `per_row` parameters each.
Status InsertLinkRows(Connection& connection, const std::string& head, size_t per_row, const Params& params,
                      size_t batch) {
  const std::string one_row = "(" + Placeholders(static_cast<int>(per_row)) + ")";
  const size_t rows = params.size() / per_row;
  for (size_t first = 0; first < rows; first += batch) {
    const size_t count = std::min(batch, rows - first);
    Params slice(params.begin() + static_cast<std::ptrdiff_t>(first * per_row),
                 params.begin() + static_cast<std::ptrdiff_t>((first + count) * per_row));
    SAMSKAB_RETURN_IF_ERROR(connection.Execute(head + ValuesList(count, one_row), slice).status());
  }
  return Status::Ok();
}

}  // namespace

Result<std::map<std::string, int64_t>> CollaborationStore::InsertImportedOn(
    Connection& connection, const MunicipalityScope& scope, const std::vector<Collaboration>& rows,
    const std::string& now) {
  // kInsert's column list and one row of its placeholders (the revision is the literal 1).
  const std::string_view insert(kInsert);
  const std::string head(insert.substr(0, insert.find("VALUES") + 7));
  const std::string one_row(
      insert.substr(insert.find("VALUES") + 7, insert.find(" RETURNING") - insert.find("VALUES") - 7));
  const std::string tail = " ON CONFLICT (municipality_code, import_key) DO NOTHING RETURNING id, import_key";
  std::map<std::string, int64_t> created;
  for (size_t first = 0; first < rows.size(); first += kImportBatch) {
    const size_t count = std::min(kImportBatch, rows.size() - first);
    Params params;
    for (size_t i = first; i < first + count; ++i) {
      params.emplace_back(scope.code());
      for (auto& value : FieldParams(rows[i])) params.push_back(std::move(value));
      params.emplace_back(now);
      params.emplace_back(now);
    }
    std::string sql = head;
    sql += ValuesList(count, one_row);
    sql += tail;
    auto inserted = connection.Query(sql, params);
    if (!inserted.ok()) return inserted.status();
    for (const Row& row : *inserted) created.emplace(row.Text(1), row.Int(0));
  }
  Params unit_params;
  Params partner_params;
  for (const Collaboration& c : rows) {
    auto id = created.find(c.import_key.value_or(""));
    if (id == created.end()) continue;  // already imported
    for (int64_t unit : c.unit_ids) {
      unit_params.emplace_back(id->second);
      unit_params.emplace_back(scope.code());
      unit_params.emplace_back(unit);
    }
    for (int64_t partner : c.partner_ids) {
      partner_params.emplace_back(id->second);
      partner_params.emplace_back(partner);
    }
  }
  SAMSKAB_RETURN_IF_ERROR(InsertLinkRows(
      connection, "INSERT INTO collaboration_units (collaboration_id, municipality_code, unit_id) VALUES ", 3,
      unit_params, kLinkInsertBatch));
  SAMSKAB_RETURN_IF_ERROR(InsertLinkRows(
      connection, "INSERT INTO collaboration_partners (collaboration_id, organisation_id) VALUES ", 2,
      partner_params, kLinkInsertBatch));
  return created;
}

Result<Collaboration> CollaborationStore::Create(const MunicipalityScope& scope, const domain::Actor& actor,
                                                 Collaboration c) {
  c.id = 0;
  c.municipality_code = scope.code();
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Collaboration>(
      database_, [&](Connection& connection) { return CreateOn(connection, scope, actor, c, now); });
}

Result<Collaboration> CollaborationStore::Update(const MunicipalityScope& scope, const domain::Actor& actor,
                                                 Collaboration c, int64_t expected_revision) {
  return InWriteTransaction<Collaboration>(database_, [&](Connection& connection) -> Result<Collaboration> {
    auto current = GetOn(connection, scope, c.id);
    if (!current.ok()) return current.status();
    if (current->revision != expected_revision) {
      return Status(ErrorCode::kPreconditionFailed,
                    fmt::format("collaboration {} is at revision {}, not {}", c.id, current->revision,
                                expected_revision),
                    "error.precondition_failed");
    }
    auto problems = Check(connection, scope, c);
    if (!problems.ok()) return problems.status();
    if (!domain::CanChangeStatus(current->status, c.status))
      problems->push_back({"status", "collaboration.error.status_change"});
    if (!problems->empty()) return ValidationFailed(std::move(problems).value());
    const std::string now = FormatUtc(clock_.Now());
    Params params = FieldParams(c);
    params.emplace_back(now);
    params.emplace_back(scope.code());
    params.emplace_back(c.id);
    params.emplace_back(expected_revision);
    auto updated = connection.Execute(kUpdate, params);
    if (!updated.ok()) return updated.status();
    SAMSKAB_RETURN_IF_ERROR(WriteLinks(connection, scope, c, /*fresh=*/false));
    auto after = GetOn(connection, scope, c.id);
    if (!after.ok()) return after;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(
        connection, actor, scope.code(), "collaboration.update", "collaboration", std::to_string(c.id),
        domain::CollaborationToJson(*current).dump(), domain::CollaborationToJson(*after).dump(), now));
    return after;
  });
}

Status CollaborationStore::Delete(const MunicipalityScope& scope, const domain::Actor& actor, int64_t id,
                                  int64_t expected_revision) {
  auto result = InWriteTransaction<int64_t>(database_, [&](Connection& connection) -> Result<int64_t> {
    auto current = GetOn(connection, scope, id);
    if (!current.ok()) return current.status();
    if (current->revision != expected_revision)
      return Status(ErrorCode::kPreconditionFailed, "stale revision", "error.precondition_failed");
    // Links first: PostgreSQL and SQLite both cascade, but only when foreign keys are enforced;
    // deleting them explicitly keeps the order obvious.
    SAMSKAB_RETURN_IF_ERROR(connection.Execute(kDeleteUnits, {id}).status());
    SAMSKAB_RETURN_IF_ERROR(connection.Execute(kDeletePartners, {id}).status());
    auto deleted = connection.Execute(kDelete, {scope.code(), id, expected_revision});
    if (!deleted.ok()) return deleted;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(
        connection, actor, scope.code(), "collaboration.delete", "collaboration", std::to_string(id),
        domain::CollaborationToJson(*current).dump(), std::nullopt, FormatUtc(clock_.Now())));
    return deleted;
  });
  return result.status();
}

}  // namespace samskab::storage
