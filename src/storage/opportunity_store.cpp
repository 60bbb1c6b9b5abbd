#include "storage/opportunity_store.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "domain/vocabulary/vocabulary.h"
#include "storage/audit_store.h"

namespace samskab::storage {
namespace {

using domain::Opportunity;

constexpr char kEntity[] = "opportunity";

#define SAMSKAB_COLUMNS                                                                                   \
  "o.id, o.municipality_code, o.unit_id, o.organisation_id, o.title, o.description, o.skills, "           \
  "o.welfare_areas, o.target_groups, o.availability, o.time_note, o.postcode, o.capacity, o.starts_on, "  \
  "o.ends_on, o.involves_children, o.status, o.language, o.organisation_kind, o.created_by, o.revision, " \
  "o.created_at, o.updated_at, u.name, g.name FROM opportunities o LEFT JOIN units u ON "                 \
  "u.municipality_code "                                                                                  \
  "= o.municipality_code AND u.id = o.unit_id LEFT JOIN organisations g ON g.id = o.organisation_id"
constexpr char kSelectColumns[] = "SELECT " SAMSKAB_COLUMNS;
constexpr char kSelectOne[] = "SELECT " SAMSKAB_COLUMNS " WHERE o.id = ?";
constexpr char kSelectOpen[] = "SELECT " SAMSKAB_COLUMNS " WHERE o.id = ? AND o.status = 'open'";
#undef SAMSKAB_COLUMNS
constexpr char kInsert[] =
    "INSERT INTO opportunities (municipality_code, unit_id, organisation_id, title, description, skills, "
    "welfare_areas, target_groups, availability, time_note, postcode, capacity, starts_on, ends_on, "
    "involves_children, status, language, organisation_kind, created_by, revision, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr char kUpdate[] =
    "UPDATE opportunities SET unit_id = ?, title = ?, description = ?, skills = ?, welfare_areas = ?, "
    "target_groups = ?, availability = ?, time_note = ?, postcode = ?, capacity = ?, starts_on = ?, ends_on "
    "= ?, "
    "involves_children = ?, status = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = "
    "?";
constexpr char kDelete[] = "DELETE FROM opportunities WHERE id = ? AND revision = ?";

Opportunity FromRow(const Row& row, const domain::PostcodeDirectory& postcodes) {
  Opportunity o;
  o.id = row.Int(0);
  o.municipality_code = row.Text(1);
  if (!row.IsNull(2)) o.unit_id = row.Int(2);
  if (!row.IsNull(3)) o.organisation_id = row.Int(3);
  o.title = row.Text(4);
  o.description = row.Text(5);
  o.skills = domain::SplitKeyList(row.Text(6));
  o.welfare_areas = domain::SplitKeyList(row.Text(7));
  o.target_groups = domain::SplitKeyList(row.Text(8));
  o.availability = domain::WeeklyAvailability::FromBits(static_cast<uint32_t>(row.Int(9)));
  o.time_note = row.Text(10);
  o.postcode = row.OptionalText(11);
  if (o.postcode) {
    if (auto found = postcodes.Lookup(*o.postcode)) o.town = found->town;
  }
  o.capacity = row.Int(12);
  o.starts_on = row.OptionalText(13);
  o.ends_on = row.OptionalText(14);
  o.involves_children = row.Int(15) != 0;
  o.status = domain::ParseOpportunityStatus(row.Text(16)).value_or(domain::OpportunityStatus::kDraft);
  o.language = row.Text(17);
  o.organisation_kind = row.OptionalText(18);
  if (!row.IsNull(19)) o.created_by = row.Int(19);
  o.revision = row.Int(20);
  o.created_at = row.Text(21);
  o.updated_at = row.Text(22);
  o.unit_name = row.Text(23);
  o.organisation_name = row.Text(24);
  return o;
}

Result<std::optional<Opportunity>> Find(Connection& connection, int64_t id,
                                        const domain::PostcodeDirectory& postcodes) {
  auto rows = connection.Query(kSelectOne, {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Opportunity>();
  return std::optional<Opportunity>(FromRow(rows->front(), postcodes));
}

Status Missing(int64_t id) {
  return NotFound(fmt::format("opportunity {} not found or not the caller's", id),
                  "opportunity.error.not_found");
}

Status Stale(int64_t id) {
  return Status(ErrorCode::kPreconditionFailed, fmt::format("stale opportunity {}", id),
                "opportunity.error.stale");
}

// The manager's opportunity, or "not found" for one that is not theirs.
Result<Opportunity> FindManaged(Connection& connection, const OpportunityManager& manager, int64_t id,
                                const domain::PostcodeDirectory& postcodes) {
  auto found = Find(connection, id, postcodes);
  if (!found.ok()) return found.status();
  if (!found->has_value() || !manager.Covers(**found)) return Missing(id);
  return std::move(**found);
}

Status CheckUnit(Connection& connection, const Opportunity& o) {
  if (!o.unit_id) return Status::Ok();
  auto unit = connection.Query("SELECT COUNT(*) FROM units WHERE municipality_code = ? AND id = ?",
                               {o.municipality_code, *o.unit_id});
  if (!unit.ok()) return unit.status();
  if (unit->front().Int(0) == 0) return ValidationFailed({{"unit_id", "opportunity.error.unknown_unit"}});
  return Status::Ok();
}

Value Optional(const std::optional<int64_t>& value) { return value ? Value(*value) : Value(Null{}); }

}  // namespace

bool OpportunityManager::Covers(const Opportunity& o) const {
  if (!municipality_code.empty() && o.municipality_code == municipality_code) return true;
  return o.organisation_id && std::find(organisation_ids.begin(), organisation_ids.end(),
                                        *o.organisation_id) != organisation_ids.end();
}

std::vector<FieldProblem> OpportunityStore::Normalise(Opportunity& opportunity) const {
  return domain::NormaliseOpportunity(opportunity, postcodes_);
}

Result<Opportunity> OpportunityStore::Get(const OpportunityManager& manager, int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return FindManaged(**lease, manager, id, postcodes_);
}

Result<Opportunity> OpportunityStore::GetOpen(int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSelectOpen, {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Missing(id);
  return FromRow(rows->front(), postcodes_);
}

Result<OpportunityPage> OpportunityStore::List(const OpportunityManager& manager,
                                               std::optional<domain::OpportunityStatus> status,
                                               int64_t offset, int64_t limit) {
  OpportunityPage page;
  if (manager.empty()) return page;
  // (municipality OR organisation IN (…)) [AND status]: the placeholders vary with the number of
  // organisations, the values are still bound.
  std::vector<std::string> whose;
  Params params;
  if (!manager.municipality_code.empty()) {
    whose.emplace_back("o.municipality_code = ?");
    params.emplace_back(manager.municipality_code);
  }
  if (!manager.organisation_ids.empty()) {
    std::string marks;
    for (const int64_t id : manager.organisation_ids) {
      marks += marks.empty() ? "?" : ", ?";
      params.emplace_back(id);
    }
    whose.push_back(fmt::format("o.organisation_id IN ({})", marks));
  }
  std::string where = fmt::format(" WHERE ({})", fmt::join(whose, " OR "));
  if (status) {
    where += " AND o.status = ?";
    params.emplace_back(std::string(domain::OpportunityStatusName(*status)));
  }
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto count = (*lease)->Query("SELECT COUNT(*) FROM opportunities o" + where, params);
  if (!count.ok()) return count.status();
  page.total = count->front().Int(0);
  params.emplace_back(limit);
  params.emplace_back(offset);
  auto rows =
      (*lease)->Query(std::string(kSelectColumns) + where + " ORDER BY o.id DESC LIMIT ? OFFSET ?", params);
  if (!rows.ok()) return rows.status();
  for (const Row& row : *rows) page.items.push_back(FromRow(row, postcodes_));
  return page;
}

Result<Opportunity> OpportunityStore::Create(const domain::Actor& actor, Opportunity o) {
  std::vector<FieldProblem> problems = Normalise(o);
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Opportunity>(database_, [&](Connection& connection) -> Result<Opportunity> {
    auto municipality = connection.Query("SELECT country FROM municipalities WHERE code = ? AND active = 1",
                                         {o.municipality_code});
    if (!municipality.ok()) return municipality.status();
    if (municipality->empty())
      return ValidationFailed({{"municipality_code", "opportunity.error.municipality"}});
    o.language = std::string(domain::OpportunityLanguage(municipality->front().Text(0)));
    SAMSKAB_RETURN_IF_ERROR(CheckUnit(connection, o));
    o.organisation_kind.reset();
    if (o.organisation_id) {
      auto kind = connection.Query("SELECT kind FROM organisations WHERE id = ?", {*o.organisation_id});
      if (!kind.ok()) return kind.status();
      if (kind->empty())
        return ValidationFailed({{"organisation_id", "opportunity.error.organisation_not_yours"}});
      o.organisation_kind = kind->front().Text(0);
    }
    auto inserted = connection.Query(kInsert, {o.municipality_code,
                                               Optional(o.unit_id),
                                               Optional(o.organisation_id),
                                               o.title,
                                               o.description,
                                               domain::JoinKeyList(o.skills),
                                               domain::JoinKeyList(o.welfare_areas),
                                               domain::JoinKeyList(o.target_groups),
                                               int64_t{o.availability.bits()},
                                               o.time_note,
                                               NullIfEmpty(o.postcode),
                                               o.capacity,
                                               NullIfEmpty(o.starts_on),
                                               NullIfEmpty(o.ends_on),
                                               int64_t{o.involves_children ? 1 : 0},
                                               std::string(domain::OpportunityStatusName(o.status)),
                                               o.language,
                                               NullIfEmpty(o.organisation_kind),
                                               Optional(actor.user_id),
                                               now,
                                               now});
    if (!inserted.ok()) return inserted.status();
    auto saved = Find(connection, inserted->front().Int(0), postcodes_);
    if (!saved.ok()) return saved.status();
    if (!saved->has_value()) return Internal("created opportunity not found");
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, o.municipality_code, "opportunity.create", kEntity,
                                        std::to_string((*saved)->id), std::nullopt,
                                        domain::OpportunityToJson(**saved).dump(), now));
    return std::move(**saved);
  });
}

Result<Opportunity> OpportunityStore::Update(const OpportunityManager& manager, const domain::Actor& actor,
                                             Opportunity o, int64_t expected_revision) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Opportunity>(database_, [&](Connection& connection) -> Result<Opportunity> {
    auto current = FindManaged(connection, manager, o.id, postcodes_);
    if (!current.ok()) return current.status();
    // Where and by whom it was posted stays; only a unit's post may move to another unit.
    o.municipality_code = current->municipality_code;
    o.organisation_id = current->organisation_id;
    if (o.organisation_id) o.unit_id.reset();
    std::vector<FieldProblem> problems = Normalise(o);
    if (!problems.empty()) return ValidationFailed(std::move(problems));
    if (current->revision != expected_revision) return Stale(o.id);
    SAMSKAB_RETURN_IF_ERROR(CheckUnit(connection, o));
    auto updated = connection.Execute(
        kUpdate, {Optional(o.unit_id), o.title, o.description, domain::JoinKeyList(o.skills),
                  domain::JoinKeyList(o.welfare_areas), domain::JoinKeyList(o.target_groups),
                  int64_t{o.availability.bits()}, o.time_note, NullIfEmpty(o.postcode), o.capacity,
                  NullIfEmpty(o.starts_on), NullIfEmpty(o.ends_on), int64_t{o.involves_children ? 1 : 0},
                  std::string(domain::OpportunityStatusName(o.status)), now, o.id, expected_revision});
    if (!updated.ok()) return updated.status();
    if (*updated == 0) return Stale(o.id);
    auto saved = Find(connection, o.id, postcodes_);
    if (!saved.ok()) return saved.status();
    if (!saved->has_value()) return Internal("updated opportunity not found");
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(
        connection, actor, current->municipality_code, "opportunity.update", kEntity, std::to_string(o.id),
        domain::OpportunityToJson(*current).dump(), domain::OpportunityToJson(**saved).dump(), now));
    return std::move(**saved);
  });
}

Status OpportunityStore::Delete(const OpportunityManager& manager, const domain::Actor& actor, int64_t id,
                                int64_t expected_revision) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<bool>(
             database_,
             [&](Connection& connection) -> Result<bool> {
               auto current = FindManaged(connection, manager, id, postcodes_);
               if (!current.ok()) return current.status();
               if (current->revision != expected_revision) return Stale(id);
               auto applied =
                   connection.Query("SELECT COUNT(*) FROM applications WHERE opportunity_id = ?", {id});
               if (!applied.ok()) return applied.status();
               if (applied->front().Int(0) > 0)
                 return Status(ErrorCode::kFailedPrecondition,
                               fmt::format("opportunity {} has applications", id),
                               "opportunity.error.has_applications");
               auto deleted = connection.Execute(kDelete, {id, expected_revision});
               if (!deleted.ok()) return deleted.status();
               if (*deleted == 0) return Stale(id);
               SAMSKAB_RETURN_IF_ERROR(RecordAudit(
                   connection, actor, current->municipality_code, "opportunity.delete", kEntity,
                   std::to_string(id), domain::OpportunityToJson(*current).dump(), std::nullopt, now));
               return true;
             })
      .status();
}

Status RefreshOpportunityOrganisationKind(Connection& connection, int64_t organisation_id,
                                          std::string_view kind) {
  return connection
      .Execute("UPDATE opportunities SET organisation_kind = ? WHERE organisation_id = ?",
               {std::string(kind), organisation_id})
      .status();
}

}  // namespace samskab::storage
