#include "storage/need_store.h"

#include <algorithm>

#include <fmt/format.h>

#include "domain/vocabulary/vocabulary.h"
#include "storage/audit_store.h"
#include "storage/need_approval_store.h"
#include "storage/organisation_visibility.h"
#include "storage/vocabulary_store.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Need;

// The column list of FromRow(), in its order.
#define SAMSKAB_COLUMNS                                                                                   \
  "n.id, n.municipality_code, n.unit_id, u.name, n.title, n.description, n.skills, n.languages, "         \
  "n.welfare_area, n.target_group, n.vulnerable, n.direct_contact, n.partner_organisation_id, "           \
  "COALESCE(o.name, ''), n.involves_children, n.availability, n.postcode, n.places, n.starts_on, "        \
  "n.ends_on, n.visibility, n.status, n.created_by, n.revision, n.created_at, n.updated_at FROM needs n " \
  "JOIN units u ON u.municipality_code = n.municipality_code AND u.id = n.unit_id LEFT JOIN "             \
  "organisations o ON o.id = n.partner_organisation_id"
constexpr char kSelect[] = "SELECT " SAMSKAB_COLUMNS;
#undef SAMSKAB_COLUMNS

constexpr char kInsert[] =
    "INSERT INTO needs (municipality_code, unit_id, title, description, skills, languages, welfare_area, "
    "target_group, vulnerable, direct_contact, partner_organisation_id, involves_children, availability, "
    "postcode, places, starts_on, ends_on, visibility, status, created_by, revision, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr char kUpdate[] =
    "UPDATE needs SET unit_id = ?, title = ?, description = ?, skills = ?, languages = ?, welfare_area = ?, "
    "target_group = ?, vulnerable = ?, direct_contact = ?, partner_organisation_id = ?, involves_children = "
    "?, availability = ?, postcode = ?, places = ?, starts_on = ?, ends_on = ?, visibility = ?, status = ?, "
    "revision = revision + 1, updated_at = ? WHERE municipality_code = ? AND id = ? AND revision = ?";

Need FromRow(const Row& row, const domain::PostcodeDirectory& postcodes) {
  Need n;
  n.id = row.Int(0);
  n.municipality_code = row.Text(1);
  n.unit_id = row.Int(2);
  n.unit_name = row.Text(3);
  n.title = row.Text(4);
  n.description = row.Text(5);
  n.skills = domain::SplitKeyList(row.Text(6));
  n.languages = domain::SplitKeyList(row.Text(7));
  n.welfare_area = row.OptionalText(8);
  n.target_group = row.OptionalText(9);
  n.vulnerable = row.Int(10) != 0;
  n.direct_contact = row.Int(11) != 0;
  if (!row.IsNull(12)) n.partner_organisation_id = row.Int(12);
  n.partner_organisation_name = row.Text(13);
  n.involves_children = row.Int(14) != 0;
  n.availability = domain::WeeklyAvailability::FromBits(static_cast<uint32_t>(row.Int(15)));
  n.postcode = row.OptionalText(16);
  if (n.postcode) {
    if (auto known = postcodes.Lookup(*n.postcode)) n.town = known->town;
  }
  n.places = row.Int(17);
  n.starts_on = row.OptionalText(18);
  n.ends_on = row.OptionalText(19);
  n.visibility = domain::ParseNeedVisibility(row.Text(20)).value_or(domain::NeedVisibility::kPrivate);
  n.status = domain::ParseMarketStatus(row.Text(21)).value_or(domain::MarketStatus::kOpen);
  if (!row.IsNull(22)) n.created_by = row.Int(22);
  n.revision = row.Int(23);
  n.created_at = row.Text(24);
  n.updated_at = row.Text(25);
  return n;
}

// The fields both the INSERT and the UPDATE write, from unit_id to status, in their order.
Params FieldParams(const Need& n) {
  return {n.unit_id,
          n.title,
          n.description,
          domain::JoinKeyList(n.skills),
          domain::JoinKeyList(n.languages),
          NullIfEmpty(n.welfare_area),
          NullIfEmpty(n.target_group),
          int64_t{n.vulnerable},
          int64_t{n.direct_contact},
          NullIfEmpty(n.partner_organisation_id),
          int64_t{n.involves_children},
          int64_t{n.availability.bits()},
          NullIfEmpty(n.postcode),
          n.places,
          NullIfEmpty(n.starts_on),
          NullIfEmpty(n.ends_on),
          std::string(domain::NeedVisibilityName(n.visibility)),
          std::string(domain::MarketStatusName(n.status))};
}

Status NotFoundNeed(int64_t id) {
  return NotFound(fmt::format("need {} not found", id), "need.error.not_found");
}

Result<Need> GetOn(Connection& connection, const MunicipalityScope& scope, int64_t id,
                   const domain::PostcodeDirectory& postcodes) {
  auto rows = connection.Query(std::string(kSelect) + " WHERE n.municipality_code = ? AND n.id = ?",
                               {scope.code(), id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFoundNeed(id);
  return FromRow(rows->front(), postcodes);
}

// " WHERE …" with its parameters: the staff's list (scope set) or the public one (scope empty).
std::pair<std::string, Params> Where(const std::optional<MunicipalityScope>& scope,
                                     const NeedFilter& filter) {
  std::string where;
  Params params;
  if (scope) {
    where = " WHERE n.municipality_code = ?";
    params.emplace_back(scope->code());
    if (filter.status) {
      where += " AND n.status = ?";
      params.emplace_back(std::string(domain::MarketStatusName(*filter.status)));
    }
    if (filter.visibility) {
      where += " AND n.visibility = ?";
      params.emplace_back(std::string(domain::NeedVisibilityName(*filter.visibility)));
    }
  } else {
    where = " WHERE n.visibility = 'public' AND n.status = 'open'";
    if (filter.municipality_code) {
      where += " AND n.municipality_code = ?";
      params.emplace_back(*filter.municipality_code);
    }
  }
  if (filter.unit_id) {
    where += " AND n.unit_id = ?";
    params.emplace_back(*filter.unit_id);
  }
  return {where, params};
}

Result<NeedPage> ListOn(Connection& connection, const std::optional<MunicipalityScope>& scope,
                        const NeedFilter& filter, const domain::PostcodeDirectory& postcodes) {
  const auto [where, params] = Where(scope, filter);
  auto count = connection.Query("SELECT COUNT(*) FROM needs n" + where, params);
  if (!count.ok()) return count.status();
  Params page_params = params;
  page_params.emplace_back(std::clamp<int64_t>(filter.limit, 1, 100));
  page_params.emplace_back(std::max<int64_t>(filter.offset, 0));
  auto rows =
      connection.Query(std::string(kSelect) + where + " ORDER BY n.id DESC LIMIT ? OFFSET ?", page_params);
  if (!rows.ok()) return rows.status();
  NeedPage page;
  page.total = count->front().Int(0);
  for (const Row& row : *rows) page.items.push_back(FromRow(row, postcodes));
  return page;
}

}  // namespace

Result<Need> NeedStore::Get(const MunicipalityScope& scope, int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetOn(**lease, scope, id, postcodes_);
}

Result<NeedPage> NeedStore::List(const MunicipalityScope& scope, const NeedFilter& filter) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return ListOn(**lease, scope, filter, postcodes_);
}

Result<Need> NeedStore::GetPublic(int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(
      std::string(kSelect) + " WHERE n.id = ? AND n.visibility = 'public' AND n.status = 'open'", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFoundNeed(id);
  return FromRow(rows->front(), postcodes_);
}

Result<NeedPage> NeedStore::ListPublic(const NeedFilter& filter) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return ListOn(**lease, std::nullopt, filter, postcodes_);
}

Result<std::vector<FieldProblem>> NeedStore::Check(Connection& connection, const MunicipalityScope& scope,
                                                   Need& n) {
  std::vector<FieldProblem> problems = domain::NormaliseNeed(n, postcodes_);
  auto unit = connection.Query("SELECT name FROM units WHERE municipality_code = ? AND id = ?",
                               {scope.code(), n.unit_id});
  if (!unit.ok()) return unit.status();
  if (unit->empty()) {
    problems.push_back({"unit_id", "need.error.unknown_unit"});
  } else {
    n.unit_name = unit->front().Text(0);
  }
  n.partner_organisation_name.clear();
  if (n.partner_organisation_id) {
    auto partner = connection.Query(
        std::string("SELECT o.name FROM organisations o WHERE o.id = ? AND ") + kOrganisationVisibleIn,
        {*n.partner_organisation_id, scope.code(), scope.code()});
    if (!partner.ok()) return partner.status();
    if (partner->empty()) {
      problems.push_back({"partner_organisation_id", "need.error.unknown_partner"});
    } else {
      n.partner_organisation_name = partner->front().Text(0);
    }
  }
  const auto check_term = [&](const std::optional<std::string>& key, domain::Vocabulary vocabulary,
                              const char* field) -> Status {
    if (!key) return Status::Ok();
    auto known = IsKnownTerm(connection, scope, vocabulary, *key);
    if (!known.ok()) return known.status();
    if (!*known) problems.push_back({field, "need.error.unknown_term"});
    return Status::Ok();
  };
  SAMSKAB_RETURN_IF_ERROR(check_term(n.welfare_area, domain::Vocabulary::kWelfareArea, "welfare_area"));
  SAMSKAB_RETURN_IF_ERROR(check_term(n.target_group, domain::Vocabulary::kTargetGroup, "target_group"));
  return problems;
}

Result<Need> NeedStore::Create(const MunicipalityScope& scope, const domain::Actor& actor, Need n) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Need>(database_, [&](Connection& connection) -> Result<Need> {
    auto problems = Check(connection, scope, n);
    if (!problems.ok()) return problems.status();
    if (!problems->empty()) return ValidationFailed(std::move(problems).value());
    Params params{scope.code()};
    for (auto& value : FieldParams(n)) params.push_back(std::move(value));
    params.push_back(NullIfEmpty(actor.user_id));
    params.emplace_back(now);
    params.emplace_back(now);
    auto rows = connection.Query(kInsert, params);
    if (!rows.ok()) return rows.status();
    auto created = GetOn(connection, scope, rows->front().Int(0), postcodes_);
    if (!created.ok()) return created;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "need.create", "need",
                                        std::to_string(created->id), std::nullopt,
                                        domain::NeedToJson(*created).dump(), now));
    return created;
  });
}

Result<Need> NeedStore::Update(const MunicipalityScope& scope, const domain::Actor& actor, Need n,
                               int64_t expected_revision) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Need>(database_, [&](Connection& connection) -> Result<Need> {
    auto current = GetOn(connection, scope, n.id, postcodes_);
    if (!current.ok()) return current.status();
    if (current->revision != expected_revision)
      return Status(
          ErrorCode::kPreconditionFailed,
          fmt::format("need {} is at revision {}, not {}", n.id, current->revision, expected_revision),
          "error.precondition_failed");
    auto problems = Check(connection, scope, n);
    if (!problems.ok()) return problems.status();
    if (!problems->empty()) return ValidationFailed(std::move(problems).value());
    Params params = FieldParams(n);
    params.emplace_back(now);
    params.emplace_back(scope.code());
    params.emplace_back(n.id);
    params.emplace_back(expected_revision);
    auto updated = connection.Execute(kUpdate, params);
    if (!updated.ok()) return updated.status();
    if (*updated == 0)
      return Status(ErrorCode::kPreconditionFailed, "need changed meanwhile", "error.precondition_failed");
    auto after = GetOn(connection, scope, n.id, postcodes_);
    if (!after.ok()) return after;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "need.update", "need",
                                        std::to_string(n.id), domain::NeedToJson(*current).dump(),
                                        domain::NeedToJson(*after).dump(), now));
    // A new partner organisation decides afresh: the other organisation's decisions do not count.
    // While a need stays vulnerable with the same partner its approvals are already that partner's
    // (asked of it, or moved to it when it came), so there is nothing to look for.
    const bool same_partner =
        current->vulnerable && current->partner_organisation_id == after->partner_organisation_id;
    if (!same_partner)
      SAMSKAB_RETURN_IF_ERROR(
          MoveApprovalsToPartner(connection, actor, *after, now, notices_ ? &*notices_ : nullptr));
    return after;
  });
}

Status NeedStore::Delete(const MunicipalityScope& scope, const domain::Actor& actor, int64_t id,
                         int64_t expected_revision) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<int64_t>(
             database_,
             [&](Connection& connection) -> Result<int64_t> {
               auto current = GetOn(connection, scope, id, postcodes_);
               if (!current.ok()) return current.status();
               if (current->revision != expected_revision)
                 return Status(ErrorCode::kPreconditionFailed, "stale need revision",
                               "error.precondition_failed");
               // The marks users put on the need's proposed matches, and the partner's approvals of
               // offers for it, mean nothing without it.
               SAMSKAB_RETURN_IF_ERROR(DeleteApprovalsOfNeed(connection, actor, id, now));
               SAMSKAB_RETURN_IF_ERROR(
                   connection
                       .Execute("DELETE FROM match_marks WHERE (subject_kind = 'need' AND subject_id = ?) OR "
                                "(candidate_kind = 'need' AND candidate_id = ?)",
                                {id, id})
                       .status());
               auto deleted = connection.Execute(
                   "DELETE FROM needs WHERE municipality_code = ? AND id = ? AND revision = ?",
                   {scope.code(), id, expected_revision});
               if (!deleted.ok()) return deleted;
               SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "need.delete", "need",
                                                   std::to_string(id), domain::NeedToJson(*current).dump(),
                                                   std::nullopt, now));
               return deleted;
             })
      .status();
}

}  // namespace samskab::storage
