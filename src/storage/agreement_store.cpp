#include "storage/agreement_store.h"

#include <fmt/format.h>

#include "storage/audit_store.h"
#include "storage/collaboration_store.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::PartnershipAgreement;

#define SAMSKAB_COLUMNS                                                                                 \
  "a.id, a.municipality_code, a.collaboration_id, a.municipality_obligations, a.partner_obligations, "  \
  "a.signed_on, a.review_on, a.status, a.responsible_user_id, a.revision, a.created_at, a.updated_at, " \
  "c.title FROM partnership_agreements a JOIN collaborations c ON c.municipality_code = "               \
  "a.municipality_code "                                                                                \
  "AND c.id = a.collaboration_id"
constexpr char kSelectOne[] = "SELECT " SAMSKAB_COLUMNS " WHERE a.municipality_code = ? AND a.id = ?";
constexpr char kSelectForCollaboration[] =
    "SELECT " SAMSKAB_COLUMNS " WHERE a.municipality_code = ? AND a.collaboration_id = ? ORDER BY a.id";
// Reminders: the review date within kReminderDays of today (or past), compared as ISO text.
constexpr char kSelectDue[] =
    "SELECT " SAMSKAB_COLUMNS
    " WHERE a.responsible_user_id = ? AND a.status <> 'ended' AND a.review_on IS NOT NULL "
    "AND a.review_on <= ? ORDER BY a.review_on, a.id";
#undef SAMSKAB_COLUMNS
constexpr char kCollaborationExists[] =
    "SELECT COUNT(*) FROM collaborations WHERE municipality_code = ? AND id = ?";
constexpr char kInsert[] =
    "INSERT INTO partnership_agreements (municipality_code, collaboration_id, municipality_obligations, "
    "partner_obligations, signed_on, review_on, status, responsible_user_id, revision, created_at, "
    "updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr char kUpdate[] =
    "UPDATE partnership_agreements SET municipality_obligations = ?, partner_obligations = ?, signed_on = ?, "
    "review_on = ?, status = ?, responsible_user_id = ?, revision = revision + 1, updated_at = ? "
    "WHERE municipality_code = ? AND id = ? AND revision = ?";
constexpr char kDelete[] =
    "DELETE FROM partnership_agreements WHERE municipality_code = ? AND id = ? AND revision = ?";

PartnershipAgreement FromRow(const Row& row) {
  PartnershipAgreement a;
  a.id = row.Int(0);
  a.municipality_code = row.Text(1);
  a.collaboration_id = row.Int(2);
  a.municipality_obligations = row.Text(3);
  a.partner_obligations = row.Text(4);
  a.signed_on = row.OptionalText(5);
  a.review_on = row.OptionalText(6);
  a.status = domain::ParseAgreementStatus(row.Text(7)).value_or(domain::AgreementStatus::kDraft);
  if (!row.IsNull(8)) a.responsible_user_id = row.Int(8);
  a.revision = row.Int(9);
  a.created_at = row.Text(10);
  a.updated_at = row.Text(11);
  a.collaboration_title = row.Text(12);
  return a;
}

Result<PartnershipAgreement> GetOn(Connection& connection, const MunicipalityScope& scope, int64_t id) {
  auto rows = connection.Query(kSelectOne, {scope.code(), id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound(fmt::format("agreement {} not found in {}", id, scope.code()));
  return FromRow(rows->front());
}

// Every rule, the responsible employee's membership of the municipality included.
Status Check(Connection& connection, const MunicipalityScope& scope, PartnershipAgreement& a) {
  std::vector<FieldProblem> problems = domain::NormaliseAgreement(a);
  SAMSKAB_RETURN_IF_ERROR(CheckResponsible(connection, scope, a.responsible_user_id, problems));
  return problems.empty() ? Status::Ok() : ValidationFailed(std::move(problems));
}

bool Binding(domain::AgreementStatus status) {
  return status == domain::AgreementStatus::kSigned || status == domain::AgreementStatus::kUnderReview;
}

}  // namespace

Result<PartnershipAgreement> AgreementStore::Get(const MunicipalityScope& scope, int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetOn(**lease, scope, id);
}

Result<std::vector<PartnershipAgreement>> AgreementStore::ListForCollaboration(const MunicipalityScope& scope,
                                                                               int64_t collaboration_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSelectForCollaboration, {scope.code(), collaboration_id});
  if (!rows.ok()) return rows.status();
  std::vector<PartnershipAgreement> list;
  for (const Row& row : *rows) list.push_back(FromRow(row));
  return list;
}

Result<PartnershipAgreement> AgreementStore::Create(const MunicipalityScope& scope,
                                                    const domain::Actor& actor, PartnershipAgreement a) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<PartnershipAgreement>(
      database_, [&](Connection& connection) -> Result<PartnershipAgreement> {
        auto exists = connection.Query(kCollaborationExists, {scope.code(), a.collaboration_id});
        if (!exists.ok()) return exists.status();
        if (exists->front().Int(0) == 0) return NotFound("collaboration not found in this municipality");
        SAMSKAB_RETURN_IF_ERROR(Check(connection, scope, a));
        auto rows = connection.Query(
            kInsert, {scope.code(), a.collaboration_id, a.municipality_obligations, a.partner_obligations,
                      NullIfEmpty(a.signed_on), NullIfEmpty(a.review_on),
                      std::string(domain::AgreementStatusName(a.status)), NullIfEmpty(a.responsible_user_id),
                      now, now});
        if (!rows.ok()) return rows.status();
        auto created = GetOn(connection, scope, rows->front().Int(0));
        if (!created.ok()) return created;
        if (Binding(created->status))
          SAMSKAB_RETURN_IF_ERROR(
              MarkPartnershipAgreement(connection, scope, actor, a.collaboration_id, now));
        SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "agreement.create", "agreement",
                                            std::to_string(created->id), std::nullopt,
                                            domain::AgreementToJson(*created).dump(), now));
        return created;
      });
}

Result<PartnershipAgreement> AgreementStore::Update(const MunicipalityScope& scope,
                                                    const domain::Actor& actor, PartnershipAgreement a,
                                                    int64_t expected_revision) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<PartnershipAgreement>(
      database_, [&](Connection& connection) -> Result<PartnershipAgreement> {
        auto current = GetOn(connection, scope, a.id);
        if (!current.ok()) return current.status();
        if (current->revision != expected_revision)
          return Status(ErrorCode::kPreconditionFailed, "stale agreement revision",
                        "error.precondition_failed");
        a.collaboration_id = current->collaboration_id;  // an agreement stays with its collaboration
        Status checked = Check(connection, scope, a);
        std::vector<FieldProblem> problems = checked.fields();
        if (!checked.ok() && problems.empty()) return checked;
        if (!domain::CanChangeAgreementStatus(current->status, a.status))
          problems.push_back({"status", "agreement.error.status_change"});
        if (!problems.empty()) return ValidationFailed(std::move(problems));
        auto updated = connection.Execute(
            kUpdate, {a.municipality_obligations, a.partner_obligations, NullIfEmpty(a.signed_on),
                      NullIfEmpty(a.review_on), std::string(domain::AgreementStatusName(a.status)),
                      NullIfEmpty(a.responsible_user_id), now, scope.code(), a.id, expected_revision});
        if (!updated.ok()) return updated.status();
        auto after = GetOn(connection, scope, a.id);
        if (!after.ok()) return after;
        if (Binding(after->status))
          SAMSKAB_RETURN_IF_ERROR(
              MarkPartnershipAgreement(connection, scope, actor, after->collaboration_id, now));
        SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "agreement.update", "agreement",
                                            std::to_string(a.id), domain::AgreementToJson(*current).dump(),
                                            domain::AgreementToJson(*after).dump(), now));
        return after;
      });
}

Status AgreementStore::Delete(const MunicipalityScope& scope, const domain::Actor& actor, int64_t id,
                              int64_t expected_revision) {
  return InWriteTransaction<int64_t>(
             database_,
             [&](Connection& connection) -> Result<int64_t> {
               auto current = GetOn(connection, scope, id);
               if (!current.ok()) return current.status();
               if (current->revision != expected_revision)
                 return Status(ErrorCode::kPreconditionFailed, "stale agreement revision",
                               "error.precondition_failed");
               auto deleted = connection.Execute(kDelete, {scope.code(), id, expected_revision});
               if (!deleted.ok()) return deleted;
               SAMSKAB_RETURN_IF_ERROR(RecordAudit(
                   connection, actor, scope.code(), "agreement.delete", "agreement", std::to_string(id),
                   domain::AgreementToJson(*current).dump(), std::nullopt, FormatUtc(clock_.Now())));
               return deleted;
             })
      .status();
}

Result<std::vector<PartnershipAgreement>> AgreementStore::DueFor(int64_t user_id, const std::string& today) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSelectDue, {user_id, domain::AddDays(today, domain::kReminderDays)});
  if (!rows.ok()) return rows.status();
  std::vector<PartnershipAgreement> list;
  for (const Row& row : *rows) list.push_back(FromRow(row));
  return list;
}

}  // namespace samskab::storage
