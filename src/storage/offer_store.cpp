#include "storage/offer_store.h"

#include <algorithm>

#include <fmt/format.h>

#include "domain/vocabulary/vocabulary.h"
#include "storage/audit_store.h"
#include "storage/need_approval_store.h"

namespace samskab::storage {
namespace {

using domain::Offer;
using domain::OfferViewer;

#define SAMSKAB_COLUMNS                                                                                \
  "f.id, f.organisation_id, f.user_id, f.kind, f.title, f.description, f.skills, f.languages, "        \
  "f.welfare_areas, f.target_groups, f.availability, f.hours, f.event_on, f.event_capacity, "          \
  "f.postcode, f.travel_km, f.municipalities, f.status, f.created_by, f.revision, f.created_at, "      \
  "f.updated_at, COALESCE(o.name, us.display_name, ''), COALESCE(o.kind, '') FROM offers f LEFT JOIN " \
  "organisations o ON o.id = f.organisation_id LEFT JOIN users us ON us.id = f.user_id"
constexpr char kSelect[] = "SELECT " SAMSKAB_COLUMNS;
#undef SAMSKAB_COLUMNS

constexpr char kInsert[] =
    "INSERT INTO offers (organisation_id, user_id, kind, title, description, skills, languages, "
    "welfare_areas, target_groups, availability, hours, event_on, event_capacity, postcode, travel_km, "
    "municipalities, status, created_by, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr char kUpdate[] =
    "UPDATE offers SET kind = ?, title = ?, description = ?, skills = ?, languages = ?, welfare_areas = ?, "
    "target_groups = ?, availability = ?, hours = ?, event_on = ?, event_capacity = ?, postcode = ?, "
    "travel_km = ?, municipalities = ?, status = ?, revision = revision + 1, updated_at = ? WHERE id = ? "
    "AND revision = ?";

Offer FromRow(const Row& row, const domain::PostcodeDirectory& postcodes) {
  Offer o;
  o.id = row.Int(0);
  if (!row.IsNull(1)) o.organisation_id = row.Int(1);
  if (!row.IsNull(2)) o.user_id = row.Int(2);
  o.kind = domain::ParseOfferKind(row.Text(3)).value_or(domain::OfferKind::kSkills);
  o.title = row.Text(4);
  o.description = row.Text(5);
  o.skills = domain::SplitKeyList(row.Text(6));
  o.languages = domain::SplitKeyList(row.Text(7));
  o.welfare_areas = domain::SplitKeyList(row.Text(8));
  o.target_groups = domain::SplitKeyList(row.Text(9));
  o.availability = domain::WeeklyAvailability::FromBits(static_cast<uint32_t>(row.Int(10)));
  if (!row.IsNull(11)) o.hours = row.Int(11);
  o.event_on = row.OptionalText(12);
  if (!row.IsNull(13)) o.event_capacity = row.Int(13);
  o.postcode = row.OptionalText(14);
  if (o.postcode) {
    if (auto known = postcodes.Lookup(*o.postcode)) o.town = known->town;
  }
  o.travel_km = row.Int(15);
  o.municipalities = domain::SplitKeyList(row.Text(16));
  o.status = domain::ParseMarketStatus(row.Text(17)).value_or(domain::MarketStatus::kOpen);
  if (!row.IsNull(18)) o.created_by = row.Int(18);
  o.revision = row.Int(19);
  o.created_at = row.Text(20);
  o.updated_at = row.Text(21);
  o.owner_name = row.Text(22);
  o.organisation_kind = row.Text(23);
  return o;
}

// The fields both the INSERT and the UPDATE write, from kind to status, in their order.
Params FieldParams(const Offer& o) {
  return {std::string(domain::OfferKindName(o.kind)),
          o.title,
          o.description,
          domain::JoinKeyList(o.skills),
          domain::JoinKeyList(o.languages),
          domain::JoinKeyList(o.welfare_areas),
          domain::JoinKeyList(o.target_groups),
          int64_t{o.availability.bits()},
          NullIfEmpty(o.hours),
          NullIfEmpty(o.event_on),
          NullIfEmpty(o.event_capacity),
          NullIfEmpty(o.postcode),
          o.travel_km,
          domain::JoinKeyList(o.municipalities),
          std::string(domain::MarketStatusName(o.status))};
}

std::string Placeholders(size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

// The visibility predicate for `viewer` (see the header), appended with its parameters. With
// `own_only`, the offers the viewer owns.
void AppendVisible(const OfferViewer& viewer, bool own_only, std::string& where, Params& params) {
  if (viewer.everything && !own_only) return;
  std::vector<std::string> any;
  if (viewer.user_id) {
    any.emplace_back("f.user_id = ?");
    params.emplace_back(*viewer.user_id);
  }
  if (!viewer.organisation_ids.empty()) {
    any.push_back("f.organisation_id IN (" + Placeholders(viewer.organisation_ids.size()) + ")");
    for (int64_t id : viewer.organisation_ids) params.emplace_back(id);
  }
  if (!own_only) {
    for (const auto& code : viewer.municipality_codes) {
      any.emplace_back(kOfferedTo);
      params.emplace_back(OfferedToPattern(code));
    }
  }
  if (any.empty()) {
    where += " AND 1 = 0";
    return;
  }
  where += " AND (";
  for (size_t i = 0; i < any.size(); ++i) where += (i == 0 ? "" : " OR ") + any[i];
  where += ")";
}

void AppendFilter(const OfferFilter& filter, std::string& where, Params& params) {
  if (filter.status) {
    where += " AND f.status = ?";
    params.emplace_back(std::string(domain::MarketStatusName(*filter.status)));
  }
  if (filter.kind) {
    where += " AND f.kind = ?";
    params.emplace_back(std::string(domain::OfferKindName(*filter.kind)));
  }
  if (filter.organisation_id) {
    where += " AND f.organisation_id = ?";
    params.emplace_back(*filter.organisation_id);
  }
  if (filter.organisation_kind) {
    where += " AND o.kind = ?";
    params.emplace_back(*filter.organisation_kind);
  }
}

Result<OfferPage> Page(Connection& connection, const std::string& where, const Params& params,
                       const OfferFilter& filter, const domain::PostcodeDirectory& postcodes) {
  auto count = connection.Query(
      "SELECT COUNT(*) FROM offers f LEFT JOIN organisations o ON o.id = f.organisation_id" + where, params);
  if (!count.ok()) return count.status();
  Params page_params = params;
  page_params.emplace_back(std::clamp<int64_t>(filter.limit, 1, 100));
  page_params.emplace_back(std::max<int64_t>(filter.offset, 0));
  auto rows =
      connection.Query(std::string(kSelect) + where + " ORDER BY f.id DESC LIMIT ? OFFSET ?", page_params);
  if (!rows.ok()) return rows.status();
  OfferPage page;
  page.total = count->front().Int(0);
  for (const Row& row : *rows) page.items.push_back(FromRow(row, postcodes));
  return page;
}

Status NotFoundOffer(int64_t id) {
  return NotFound(fmt::format("offer {} not found or not visible", id), "offer.error.not_found");
}
Status NotYours() {
  return Status(ErrorCode::kPermissionDenied, "the offer is not the caller's", "offer.error.not_yours");
}

Result<Offer> GetOn(Connection& connection, const OfferViewer& viewer, int64_t id,
                    const domain::PostcodeDirectory& postcodes) {
  std::string where = " WHERE f.id = ?";
  Params params{id};
  AppendVisible(viewer, false, where, params);
  auto rows = connection.Query(std::string(kSelect) + where, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFoundOffer(id);
  return FromRow(rows->front(), postcodes);
}

std::string AuditKey(const Offer& o) { return std::to_string(o.id); }

}  // namespace

std::string OfferedToPattern(const std::string& municipality_code) { return "%," + municipality_code + ",%"; }

Result<Offer> OfferStore::Get(const OfferViewer& viewer, int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetOn(**lease, viewer, id, postcodes_);
}

Result<OfferPage> OfferStore::List(const OfferViewer& viewer, const OfferFilter& filter) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  std::string where = " WHERE 1 = 1";
  Params params;
  AppendVisible(viewer, filter.own_only, where, params);
  AppendFilter(filter, where, params);
  return Page(**lease, where, params, filter, postcodes_);
}

Result<Offer> OfferStore::GetPublic(int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(std::string(kSelect) + " WHERE f.id = ?" + kPublicOfferWhere, {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFoundOffer(id);
  return FromRow(rows->front(), postcodes_);
}

Result<OfferPage> OfferStore::ListPublic(const OfferFilter& filter) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  std::string where = std::string(" WHERE 1 = 1") + kPublicOfferWhere;
  Params params;
  OfferFilter public_filter = filter;
  public_filter.status.reset();
  AppendFilter(public_filter, where, params);
  return Page(**lease, where, params, filter, postcodes_);
}

Result<std::vector<FieldProblem>> OfferStore::Check(Connection& connection, Offer& o) {
  std::vector<FieldProblem> problems = domain::NormaliseOffer(o, postcodes_);
  const bool municipality_problem = std::any_of(
      problems.begin(), problems.end(), [](const FieldProblem& p) { return p.field == "municipalities"; });
  if (!municipality_problem) {
    for (const auto& code : o.municipalities) {
      auto rows = connection.Query("SELECT COUNT(*) FROM municipalities WHERE code = ?", {code});
      if (!rows.ok()) return rows.status();
      if (rows->front().Int(0) == 0) {
        problems.push_back({"municipalities", "offer.error.unknown_municipality"});
        break;
      }
    }
  }
  return problems;
}

Result<Offer> OfferStore::Create(const OfferViewer& viewer, const domain::Actor& actor, Offer o) {
  if (!domain::OwnsOffer(viewer, o) && (o.organisation_id.has_value() != o.user_id.has_value()))
    return NotYours();
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Offer>(database_, [&](Connection& connection) -> Result<Offer> {
    auto problems = Check(connection, o);
    if (!problems.ok()) return problems.status();
    if (!problems->empty()) return ValidationFailed(std::move(problems).value());
    Params params{NullIfEmpty(o.organisation_id), NullIfEmpty(o.user_id)};
    for (auto& value : FieldParams(o)) params.push_back(std::move(value));
    params.push_back(NullIfEmpty(actor.user_id));
    params.emplace_back(now);
    params.emplace_back(now);
    auto rows = connection.Query(kInsert, params);
    if (!rows.ok()) return rows.status();
    OfferViewer owner;
    owner.everything = true;  // just written by its owner
    auto created = GetOn(connection, owner, rows->front().Int(0), postcodes_);
    if (!created.ok()) return created;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, "", "offer.create", "offer", AuditKey(*created),
                                        std::nullopt, domain::OfferToJson(*created).dump(), now));
    return created;
  });
}

Result<Offer> OfferStore::Update(const OfferViewer& viewer, const domain::Actor& actor, Offer o,
                                 int64_t expected_revision) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Offer>(database_, [&](Connection& connection) -> Result<Offer> {
    auto current = GetOn(connection, viewer, o.id, postcodes_);
    if (!current.ok()) return current.status();
    if (!domain::OwnsOffer(viewer, *current)) return NotYours();
    if (current->revision != expected_revision)
      return Status(
          ErrorCode::kPreconditionFailed,
          fmt::format("offer {} is at revision {}, not {}", o.id, current->revision, expected_revision),
          "error.precondition_failed");
    o.organisation_id = current->organisation_id;
    o.user_id = current->user_id;
    auto problems = Check(connection, o);
    if (!problems.ok()) return problems.status();
    if (!problems->empty()) return ValidationFailed(std::move(problems).value());
    Params params = FieldParams(o);
    params.emplace_back(now);
    params.emplace_back(o.id);
    params.emplace_back(expected_revision);
    auto updated = connection.Execute(kUpdate, params);
    if (!updated.ok()) return updated.status();
    if (*updated == 0)
      return Status(ErrorCode::kPreconditionFailed, "offer changed meanwhile", "error.precondition_failed");
    auto after = GetOn(connection, viewer, o.id, postcodes_);
    if (!after.ok()) return after;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, "", "offer.update", "offer", AuditKey(*after),
                                        domain::OfferToJson(*current).dump(),
                                        domain::OfferToJson(*after).dump(), now));
    return after;
  });
}

Status OfferStore::Delete(const OfferViewer& viewer, const domain::Actor& actor, int64_t id,
                          int64_t expected_revision) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<int64_t>(
             database_,
             [&](Connection& connection) -> Result<int64_t> {
               auto current = GetOn(connection, viewer, id, postcodes_);
               if (!current.ok()) return current.status();
               if (!domain::OwnsOffer(viewer, *current)) return NotYours();
               if (current->revision != expected_revision)
                 return Status(ErrorCode::kPreconditionFailed, "stale offer revision",
                               "error.precondition_failed");
               // The marks users put on the offer's proposed matches, and the partners' approvals of
               // it for needs, mean nothing without it.
               SAMSKAB_RETURN_IF_ERROR(DeleteApprovalsOfOffer(connection, actor, id, now));
               SAMSKAB_RETURN_IF_ERROR(
                   connection
                       .Execute(
                           "DELETE FROM match_marks WHERE (subject_kind = 'offer' AND subject_id = ?) OR "
                           "(candidate_kind = 'offer' AND candidate_id = ?)",
                           {id, id})
                       .status());
               auto deleted = connection.Execute("DELETE FROM offers WHERE id = ? AND revision = ?",
                                                 {id, expected_revision});
               if (!deleted.ok()) return deleted;
               SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, "", "offer.delete", "offer",
                                                   std::to_string(id), domain::OfferToJson(*current).dump(),
                                                   std::nullopt, now));
               return deleted;
             })
      .status();
}

}  // namespace samskab::storage
