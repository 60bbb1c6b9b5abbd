#include "storage/organisation_store.h"

#include <map>

#include <fmt/format.h>

#include "core/text.h"
#include "domain/vocabulary/vocabulary.h"
#include "storage/audit_store.h"
#include "storage/opportunity_store.h"
#include "storage/organisation_visibility.h"
#include "storage/search_words.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Organisation;

// The column list of FromRow(), in its order; the table is aliased `o` (kOrganisationVisibleIn).
#define SAMSKAB_COLUMNS                                                                             \
  "o.id, o.municipality_code, o.is_public, o.name, o.kind, o.cvr, o.street, o.postcode, o.town, "   \
  "o.description, o.website, o.icnpo, o.welfare_areas, o.target_groups, o.resources, o.roles_can, " \
  "o.roles_cannot, o.frames, o.revision, o.created_at, o.updated_at"
constexpr char kSelect[] = "SELECT " SAMSKAB_COLUMNS " FROM organisations o WHERE o.id = ?";
constexpr char kSelectList[] = "SELECT " SAMSKAB_COLUMNS " FROM organisations o WHERE ";
#undef SAMSKAB_COLUMNS
constexpr char kCountList[] = "SELECT COUNT(*) FROM organisations o WHERE ";
constexpr char kInsert[] =
    "INSERT INTO organisations (municipality_code, is_public, name, kind, cvr, street, postcode, town, "
    "description, website, icnpo, welfare_areas, target_groups, resources, roles_can, roles_cannot, frames, "
    "search_text, revision, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr char kUpdate[] =
    "UPDATE organisations SET is_public = ?, name = ?, kind = ?, cvr = ?, street = ?, postcode = ?, town = "
    "?, "
    "description = ?, website = ?, icnpo = ?, welfare_areas = ?, target_groups = ?, resources = ?, "
    "roles_can = ?, roles_cannot = ?, frames = ?, search_text = ?, revision = revision + 1, updated_at = ? "
    "WHERE id = ? AND revision = ?";
constexpr char kContacts[] =
    "SELECT organisation_id, name, title, email, phone, is_public FROM organisation_contacts "
    "WHERE organisation_id = ? ORDER BY position, id";
constexpr char kDeleteContacts[] = "DELETE FROM organisation_contacts WHERE organisation_id = ?";
constexpr char kInsertContact[] =
    "INSERT INTO organisation_contacts (organisation_id, name, title, email, phone, is_public, position) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr char kShares[] =
    "SELECT municipality_code FROM organisation_shares WHERE organisation_id = ? ORDER BY municipality_code";
constexpr char kMunicipalityExists[] = "SELECT COUNT(*) FROM municipalities WHERE code = ?";
constexpr char kInsertShare[] =
    "INSERT INTO organisation_shares (organisation_id, municipality_code, created_at) VALUES (?, ?, ?) "
    "ON CONFLICT (organisation_id, municipality_code) DO NOTHING";
constexpr char kDeleteShare[] =
    "DELETE FROM organisation_shares WHERE organisation_id = ? AND municipality_code = ?";

Organisation FromRow(const Row& row) {
  Organisation o;
  o.id = row.Int(0);
  o.municipality_code = row.OptionalText(1);
  o.is_public = row.Int(2) != 0;
  o.name = row.Text(3);
  o.kind = domain::ParseOrganisationKind(row.Text(4)).value_or(domain::OrganisationKind::kCommunity);
  o.cvr = row.OptionalText(5);
  o.street = row.Text(6);
  o.postcode = row.OptionalText(7);
  o.town = row.Text(8);
  o.description = row.Text(9);
  o.website = row.Text(10);
  o.icnpo = row.OptionalText(11);
  o.welfare_areas = domain::SplitKeyList(row.Text(12));
  o.target_groups = domain::SplitKeyList(row.Text(13));
  o.resources = row.Text(14);
  o.roles_can = domain::SplitKeyList(row.Text(15));
  o.roles_cannot = domain::SplitKeyList(row.Text(16));
  o.frames = row.Text(17);
  o.revision = row.Int(18);
  o.created_at = row.Text(19);
  o.updated_at = row.Text(20);
  return o;
}

// What the free-text filter searches (see the migration).
std::string SearchText(const Organisation& o) {
  return text::FoldCase(o.name + "\n" + o.description + "\n" + o.resources + "\n" + o.frames + "\n" + o.town);
}

Value Flag(bool value) { return int64_t{value ? 1 : 0}; }

Status LoadContacts(Connection& connection, Organisation& organisation) {
  auto rows = connection.Query(kContacts, {organisation.id});
  if (!rows.ok()) return rows.status();
  organisation.contacts.clear();
  for (const auto& row : *rows)
    organisation.contacts.push_back({row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Int(5) != 0});
  return Status::Ok();
}

Status WriteContacts(Connection& connection, const Organisation& organisation) {
  SAMSKAB_RETURN_IF_ERROR(connection.Execute(kDeleteContacts, {organisation.id}).status());
  int64_t position = 0;
  for (const auto& c : organisation.contacts) {
    SAMSKAB_RETURN_IF_ERROR(connection
                                .Execute(kInsertContact, {organisation.id, c.name, c.title, c.email, c.phone,
                                                          Flag(c.is_public), position++})
                                .status());
  }
  return Status::Ok();
}

// One organisation with its contacts, if `condition` (extra SQL on `o`, with `params` after the
// id) holds; kNotFound otherwise.
Result<Organisation> GetWhere(Connection& connection, int64_t id, const std::string& condition,
                              Params params) {
  params.insert(params.begin(), id);
  auto rows = connection.Query(std::string(kSelect) + condition, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty())
    return NotFound(fmt::format("organisation {} not found", id), "organisation.error.not_found");
  Organisation organisation = FromRow(rows->front());
  SAMSKAB_RETURN_IF_ERROR(LoadContacts(connection, organisation));
  return organisation;
}

Result<Organisation> GetVisibleOn(Connection& connection, const MunicipalityScope& scope, int64_t id) {
  return GetWhere(connection, id, std::string(" AND ") + kOrganisationVisibleIn,
                  {scope.code(), scope.code()});
}

Result<Organisation> GetOwnOn(Connection& connection, int64_t id) {
  return GetWhere(connection, id, " AND o.municipality_code IS NULL", {});
}

// A page of organisations matching `visibility` (SQL on `o` with its parameters) and the filter.
Result<OrganisationPage> ListWhere(Database& database, std::string visibility, Params params,
                                   const OrganisationFilter& filter) {
  std::string where = std::move(visibility);
  if (filter.kind) {
    where += " AND o.kind = ?";
    params.emplace_back(std::string(domain::OrganisationKindName(*filter.kind)));
  }
  if (filter.welfare_area) {
    where += " AND o.welfare_areas LIKE ? ESCAPE '\\'";
    params.emplace_back(ContainsPattern("," + *filter.welfare_area + ","));
  }
  for (const auto& word : SearchWords(filter.text)) {
    where += " AND o.search_text LIKE ? ESCAPE '\\'";
    params.emplace_back(ContainsPattern(word));
  }
  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  auto count = (*lease)->Query(kCountList + where, params);
  if (!count.ok()) return count.status();
  OrganisationPage page;
  page.total = count->front().Int(0);
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  auto rows = (*lease)->Query(kSelectList + where + " ORDER BY o.name, o.id LIMIT ? OFFSET ?", params);
  if (!rows.ok()) return rows.status();
  page.items.reserve(rows->size());
  for (const auto& row : *rows) {
    page.items.push_back(FromRow(row));
    SAMSKAB_RETURN_IF_ERROR(LoadContacts(**lease, page.items.back()));
  }
  return page;
}

Status Invalid(std::vector<FieldProblem> problems) { return ValidationFailed(std::move(problems)); }

Status Stale(const Organisation& current, int64_t expected_revision) {
  return Status(ErrorCode::kPreconditionFailed,
                fmt::format("organisation {} is at revision {}, not {}", current.id, current.revision,
                            expected_revision),
                "error.precondition_failed");
}

}  // namespace

std::vector<FieldProblem> OrganisationStore::Normalise(Organisation& organisation) const {
  return domain::NormaliseOrganisation(organisation, postcodes_, icnpo_);
}

Result<Organisation> OrganisationStore::Create(const MunicipalityScope& scope, const domain::Actor& actor,
                                               Organisation o) {
  if (auto problems = Normalise(o); !problems.empty()) return Invalid(std::move(problems));
  o.municipality_code = scope.code();
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Organisation>(database_, [&](Connection& connection) -> Result<Organisation> {
    auto rows = connection.Query(kInsert, {scope.code(),
                                           Flag(o.is_public),
                                           o.name,
                                           std::string(domain::OrganisationKindName(o.kind)),
                                           NullIfEmpty(o.cvr),
                                           o.street,
                                           NullIfEmpty(o.postcode),
                                           o.town,
                                           o.description,
                                           o.website,
                                           NullIfEmpty(o.icnpo),
                                           domain::JoinKeyList(o.welfare_areas),
                                           domain::JoinKeyList(o.target_groups),
                                           o.resources,
                                           domain::JoinKeyList(o.roles_can),
                                           domain::JoinKeyList(o.roles_cannot),
                                           o.frames,
                                           SearchText(o),
                                           now,
                                           now});
    if (!rows.ok()) return rows.status();
    o.id = rows->front().Int(0);
    SAMSKAB_RETURN_IF_ERROR(WriteContacts(connection, o));
    auto stored = GetVisibleOn(connection, scope, o.id);
    if (!stored.ok()) return stored;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "organisation.create",
                                        "organisation", std::to_string(o.id), std::nullopt,
                                        domain::OrganisationToJson(*stored, true).dump(), now));
    return stored;
  });
}

Result<Organisation> OrganisationStore::Get(const MunicipalityScope& scope, int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetVisibleOn(**lease, scope, id);
}

Result<Organisation> OrganisationStore::GetPublic(int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetWhere(**lease, id, " AND o.is_public = 1", {});
}

Result<Organisation> OrganisationStore::GetOwn(int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetOwnOn(**lease, id);
}

Result<OrganisationPage> OrganisationStore::List(const MunicipalityScope& scope,
                                                 const OrganisationFilter& filter) {
  return ListWhere(database_, kOrganisationVisibleIn, {scope.code(), scope.code()}, filter);
}

Result<OrganisationPage> OrganisationStore::ListPublic(const OrganisationFilter& filter) {
  return ListWhere(database_, "o.is_public = 1", {}, filter);
}

Result<Organisation> OrganisationStore::WriteUpdate(Connection& connection, const domain::Actor& actor,
                                                    const Organisation& current, Organisation o,
                                                    int64_t expected_revision,
                                                    const std::string& audit_municipality) {
  if (current.revision != expected_revision) return Stale(current, expected_revision);
  o.id = current.id;
  o.municipality_code = current.municipality_code;
  const std::string now = FormatUtc(clock_.Now());
  auto updated = connection.Execute(kUpdate, {Flag(o.is_public),
                                              o.name,
                                              std::string(domain::OrganisationKindName(o.kind)),
                                              NullIfEmpty(o.cvr),
                                              o.street,
                                              NullIfEmpty(o.postcode),
                                              o.town,
                                              o.description,
                                              o.website,
                                              NullIfEmpty(o.icnpo),
                                              domain::JoinKeyList(o.welfare_areas),
                                              domain::JoinKeyList(o.target_groups),
                                              o.resources,
                                              domain::JoinKeyList(o.roles_can),
                                              domain::JoinKeyList(o.roles_cannot),
                                              o.frames,
                                              SearchText(o),
                                              now,
                                              o.id,
                                              expected_revision});
  if (!updated.ok()) return updated.status();
  if (*updated != 1) return Stale(current, expected_revision);
  SAMSKAB_RETURN_IF_ERROR(WriteContacts(connection, o));
  if (o.kind != current.kind) {
    SAMSKAB_RETURN_IF_ERROR(
        RefreshOpportunityOrganisationKind(connection, o.id, domain::OrganisationKindName(o.kind)));
    if (on_kind_changed_) SAMSKAB_RETURN_IF_ERROR(on_kind_changed_(connection, o.id, now));
  }
  auto after = GetWhere(connection, o.id, "", {});
  if (!after.ok()) return after;
  SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, audit_municipality, "organisation.update",
                                      "organisation", std::to_string(o.id),
                                      domain::OrganisationToJson(current, true).dump(),
                                      domain::OrganisationToJson(*after, true).dump(), now));
  return after;
}

Result<Organisation> OrganisationStore::Update(const MunicipalityScope& scope, const domain::Actor& actor,
                                               Organisation o, int64_t expected_revision) {
  if (auto problems = Normalise(o); !problems.empty()) return Invalid(std::move(problems));
  return InWriteTransaction<Organisation>(database_, [&](Connection& connection) -> Result<Organisation> {
    auto current = GetVisibleOn(connection, scope, o.id);
    if (!current.ok()) return current.status();
    if (current->municipality_code != scope.code()) {
      return Status(ErrorCode::kPermissionDenied,
                    fmt::format("organisation {} is not registered by {}", o.id, scope.code()),
                    "organisation.error.not_yours");
    }
    return WriteUpdate(connection, actor, *current, std::move(o), expected_revision, scope.code());
  });
}

Result<Organisation> OrganisationStore::UpdateOwn(const domain::Actor& actor, Organisation o,
                                                  int64_t expected_revision) {
  if (auto problems = Normalise(o); !problems.empty()) return Invalid(std::move(problems));
  return InWriteTransaction<Organisation>(database_, [&](Connection& connection) -> Result<Organisation> {
    auto current = GetOwnOn(connection, o.id);
    if (!current.ok()) return current.status();
    return WriteUpdate(connection, actor, *current, std::move(o), expected_revision, "");
  });
}

Result<std::vector<std::string>> OrganisationStore::Shares(int64_t organisation_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kShares, {organisation_id});
  if (!rows.ok()) return rows.status();
  std::vector<std::string> codes;
  codes.reserve(rows->size());
  for (const auto& row : *rows) codes.push_back(row.Text(0));
  return codes;
}

Status OrganisationStore::Share(const domain::Actor& actor, int64_t organisation_id,
                                const std::string& municipality_code) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<int64_t>(
             database_,
             [&](Connection& connection) -> Result<int64_t> {
               SAMSKAB_RETURN_IF_ERROR(GetOwnOn(connection, organisation_id).status());
               auto exists = connection.Query(kMunicipalityExists, {municipality_code});
               if (!exists.ok()) return exists.status();
               if (exists->front().Int(0) == 0)
                 return NotFound("no municipality " + municipality_code,
                                 "organisation.error.unknown_municipality");
               auto inserted = connection.Execute(kInsertShare, {organisation_id, municipality_code, now});
               if (!inserted.ok() || *inserted == 0) return inserted;
               // In the municipality's own log: it now sees the profile.
               SAMSKAB_RETURN_IF_ERROR(
                   RecordAudit(connection, actor, municipality_code, "organisation.share", "organisation",
                               std::to_string(organisation_id), std::nullopt,
                               nlohmann::json{{"shared_with", municipality_code}}.dump(), now));
               return inserted;
             })
      .status();
}

Status OrganisationStore::Unshare(const domain::Actor& actor, int64_t organisation_id,
                                  const std::string& municipality_code) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<int64_t>(
             database_,
             [&](Connection& connection) -> Result<int64_t> {
               SAMSKAB_RETURN_IF_ERROR(GetOwnOn(connection, organisation_id).status());
               auto deleted = connection.Execute(kDeleteShare, {organisation_id, municipality_code});
               if (!deleted.ok() || *deleted == 0) return deleted;
               SAMSKAB_RETURN_IF_ERROR(
                   RecordAudit(connection, actor, municipality_code, "organisation.unshare", "organisation",
                               std::to_string(organisation_id),
                               nlohmann::json{{"shared_with", municipality_code}}.dump(), std::nullopt, now));
               return deleted;
             })
      .status();
}

}  // namespace samskab::storage
