#include "storage/need_approval_store.h"

#include <algorithm>

#include <fmt/format.h>

#include "storage/audit_store.h"
#include "storage/offer_store.h"

namespace samskab::storage {
namespace {

using domain::ApprovalDecision;
using domain::NeedApproval;

// The column list of FromRow(), in its order, with the need, its unit, the offer and its owner,
// and the partner organisation.
#define SAMSKAB_COLUMNS                                                                                    \
  "a.need_id, a.offer_id, a.organisation_id, a.decision, a.direct_contact, a.note, a.requested_by, "       \
  "a.requested_at, a.decided_by, a.decided_at, a.revision, n.municipality_code, n.title, u.name, "         \
  "COALESCE(n.target_group, ''), f.title, f.kind, f.description, COALESCE(fo.name, fu.display_name, ''), " \
  "o.name FROM need_approvals a JOIN needs n ON n.id = a.need_id JOIN units u ON u.municipality_code = "   \
  "n.municipality_code AND u.id = n.unit_id JOIN offers f ON f.id = a.offer_id LEFT JOIN organisations "   \
  "fo ON fo.id = f.organisation_id LEFT JOIN users fu ON fu.id = f.user_id JOIN organisations o ON o.id "  \
  "= a.organisation_id"
constexpr char kSelect[] = "SELECT " SAMSKAB_COLUMNS;
#undef SAMSKAB_COLUMNS

// The approvals an organisation decides: it is the need's partner and the need is vulnerable.
constexpr char kPartnersWhere[] =
    " WHERE a.organisation_id = ? AND n.partner_organisation_id = a.organisation_id AND n.vulnerable = 1";

constexpr char kInsert[] =
    "INSERT INTO need_approvals (need_id, offer_id, organisation_id, decision, direct_contact, note, "
    "requested_by, requested_at, revision) VALUES (?, ?, ?, 'pending', 0, '', ?, ?, 1)";
constexpr char kDecide[] =
    "UPDATE need_approvals SET decision = ?, direct_contact = ?, note = ?, decided_by = ?, decided_at = ?, "
    "revision = revision + 1 WHERE need_id = ? AND offer_id = ? AND organisation_id = ? AND revision = ?";
constexpr char kMoveTo[] =
    "UPDATE need_approvals SET organisation_id = ?, decision = 'pending', direct_contact = 0, note = '', "
    "decided_by = NULL, decided_at = NULL, revision = revision + 1 WHERE need_id = ? AND offer_id = ?";
constexpr char kPartnerAdmins[] =
    "SELECT DISTINCT u.email FROM role_grants g JOIN users u ON u.id = g.user_id WHERE g.role = "
    "'organisation_admin' AND g.organisation_id = ? AND u.erased_at IS NULL ORDER BY u.email";
constexpr char kUserEmail[] = "SELECT email FROM users WHERE id = ? AND erased_at IS NULL";

NeedApproval FromRow(const Row& row) {
  NeedApproval a;
  a.need_id = row.Int(0);
  a.offer_id = row.Int(1);
  a.organisation_id = row.Int(2);
  a.decision = domain::ParseApprovalDecision(row.Text(3)).value_or(ApprovalDecision::kPending);
  a.direct_contact = row.Int(4) != 0;
  a.note = row.Text(5);
  if (!row.IsNull(6)) a.requested_by = row.Int(6);
  a.requested_at = row.Text(7);
  if (!row.IsNull(8)) a.decided_by = row.Int(8);
  a.decided_at = row.OptionalText(9);
  a.revision = row.Int(10);
  a.municipality_code = row.Text(11);
  a.need_title = row.Text(12);
  a.unit_name = row.Text(13);
  a.target_group = row.Text(14);
  a.offer_title = row.Text(15);
  a.offer_kind = row.Text(16);
  a.offer_description = row.Text(17);
  a.offer_owner_name = row.Text(18);
  a.organisation_name = row.Text(19);
  return a;
}

Result<std::vector<NeedApproval>> Select(Connection& connection, const std::string& where,
                                         const Params& params) {
  auto rows = connection.Query(std::string(kSelect) + where, params);
  if (!rows.ok()) return rows.status();
  std::vector<NeedApproval> list;
  list.reserve(rows->size());
  for (const Row& row : *rows) list.push_back(FromRow(row));
  return list;
}

Status NotFoundApproval(int64_t need_id, int64_t offer_id) {
  return NotFound(fmt::format("no approval of offer {} for need {} for this organisation", offer_id, need_id),
                  "need_approval.error.not_found");
}

Status NotVulnerable(int64_t need_id) {
  return InvalidArgument(fmt::format("need {} is not vulnerable: no approval needed", need_id),
                         "need_approval.error.not_vulnerable");
}

// The audit log's key of an approval: "need:offer".
std::string AuditKey(int64_t need_id, int64_t offer_id) { return fmt::format("{}:{}", need_id, offer_id); }

Status Audit(Connection& connection, const domain::Actor& actor, std::string_view action,
             const NeedApproval* before, const NeedApproval* after, const std::string& now) {
  const NeedApproval& one = after ? *after : *before;
  const auto json = [](const NeedApproval* a) -> std::optional<std::string> {
    if (!a) return std::nullopt;
    return domain::NeedApprovalAuditJson(*a).dump();
  };
  return RecordAudit(connection, actor, one.municipality_code, action, "need_approval",
                     AuditKey(one.need_id, one.offer_id), json(before), json(after), now);
}

// --- e-mail notices, in the language of the need's country (decision 0004's keys: "no-…" is Norway) ---

std::string NoticeLanguage(const NeedApproval& a) {
  return a.municipality_code.starts_with("no-") ? "nb" : "da";
}

Status Enqueue(Connection& connection, const NoticeText& text, const NeedApproval& a, std::string_view kind,
               const std::string& recipient, const std::string& link, const std::string& now) {
  const std::string lang = NoticeLanguage(a);
  const std::string decision =
      text(lang, fmt::format("need_approval.decision.{}", domain::ApprovalDecisionName(a.decision)));
  return QueueNotice(connection, text, lang, kind,
                     {{"need", a.need_title},
                      {"offer", a.offer_title},
                      {"owner", a.offer_owner_name},
                      {"organisation", a.organisation_name},
                      {"decision", decision},
                      {"link", link}},
                     recipient, now);
}

// Asked: every admin of the partner organisation is told where to decide.
Status NotifyPartner(Connection& connection, const NoticeText& text, const std::string& base,
                     const NeedApproval& a, const std::string& now) {
  auto admins = connection.Query(kPartnerAdmins, {a.organisation_id});
  if (!admins.ok()) return admins.status();
  const std::string link = fmt::format("{}/organisations/{}/need-approvals", base, a.organisation_id);
  for (const Row& admin : *admins)
    SAMSKAB_RETURN_IF_ERROR(Enqueue(connection, text, a, "need_approval_asked", admin.Text(0), link, now));
  return Status::Ok();
}

// Decided: the person who asked (an API token has no address: no notice).
Status NotifyAsker(Connection& connection, const NoticeText& text, const std::string& base,
                   const NeedApproval& a, const std::string& now) {
  if (!a.requested_by) return Status::Ok();
  auto email = connection.Query(kUserEmail, {*a.requested_by});
  if (!email.ok()) return email.status();
  if (email->empty()) return Status::Ok();
  const std::string link =
      fmt::format("{}/admin/{}/needs/{}#approvals", base, a.municipality_code, a.need_id);
  return Enqueue(connection, text, a, "need_approval_decided", email->front().Text(0), link, now);
}

Result<NeedApproval> GetOne(Connection& connection, int64_t need_id, int64_t offer_id) {
  auto found = Select(connection, " WHERE a.need_id = ? AND a.offer_id = ?", {need_id, offer_id});
  if (!found.ok()) return found.status();
  if (found->empty()) return NotFoundApproval(need_id, offer_id);
  return found->front();
}

Status DeleteWhere(Connection& connection, const domain::Actor& actor, const std::string& where, int64_t key,
                   const std::string& now) {
  auto doomed = Select(connection, where, {key});
  if (!doomed.ok()) return doomed.status();
  for (const NeedApproval& a : *doomed) {
    SAMSKAB_RETURN_IF_ERROR(
        connection
            .Execute("DELETE FROM need_approvals WHERE need_id = ? AND offer_id = ?", {a.need_id, a.offer_id})
            .status());
    SAMSKAB_RETURN_IF_ERROR(Audit(connection, actor, "need_approval.delete", &a, nullptr, now));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<NeedApproval>> NeedApprovalStore::ListForNeed(const domain::MunicipalityScope& scope,
                                                                 int64_t need_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto need =
      (*lease)->Query("SELECT id FROM needs WHERE municipality_code = ? AND id = ?", {scope.code(), need_id});
  if (!need.ok()) return need.status();
  if (need->empty()) return NotFound(fmt::format("need {} not found", need_id), "need.error.not_found");
  return Select(**lease,
                std::string(" WHERE n.municipality_code = ? AND a.need_id = ? AND ") + kOfferedTo +
                    " ORDER BY a.requested_at, a.offer_id",
                {scope.code(), need_id, OfferedToPattern(scope.code())});
}

Result<std::vector<AskableOffer>> NeedApprovalStore::AskableOffers(const domain::MunicipalityScope& scope,
                                                                   int64_t need_id, int limit) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(
      std::string(
          "SELECT f.id, f.title, f.kind, COALESCE(o.name, us.display_name, '') FROM offers f LEFT JOIN "
          "organisations o ON o.id = f.organisation_id LEFT JOIN users us ON us.id = f.user_id WHERE "
          "f.status = 'open' AND ") +
          kOfferedTo +
          " AND NOT EXISTS (SELECT 1 FROM need_approvals a WHERE a.need_id = ? AND a.offer_id = f.id) ORDER "
          "BY "
          "f.id DESC LIMIT ?",
      {OfferedToPattern(scope.code()), need_id, int64_t{std::clamp(limit, 1, 500)}});
  if (!rows.ok()) return rows.status();
  std::vector<AskableOffer> offers;
  for (const Row& row : *rows) offers.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3)});
  return offers;
}

Result<NeedApprovalStore::Asked> NeedApprovalStore::Ask(const domain::MunicipalityScope& scope,
                                                        const domain::Actor& actor, int64_t need_id,
                                                        int64_t offer_id) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Asked>(database_, [&](Connection& connection) -> Result<Asked> {
    auto need = connection.Query(
        "SELECT vulnerable, partner_organisation_id FROM needs WHERE municipality_code = ? AND id = ?",
        {scope.code(), need_id});
    if (!need.ok()) return need.status();
    if (need->empty()) return NotFound(fmt::format("need {} not found", need_id), "need.error.not_found");
    // A vulnerable need always names its partner (NormaliseNeed); without one there is nobody to ask.
    if (need->front().Int(0) == 0 || need->front().IsNull(1)) return NotVulnerable(need_id);
    const int64_t partner = need->front().Int(1);
    auto offer = connection.Query(std::string("SELECT f.id FROM offers f WHERE f.id = ? AND ") + kOfferedTo,
                                  {offer_id, OfferedToPattern(scope.code())});
    if (!offer.ok()) return offer.status();
    if (offer->empty())
      return NotFound(fmt::format("offer {} not found or not offered to {}", offer_id, scope.code()),
                      "offer.error.not_found");
    auto existing = GetOne(connection, need_id, offer_id);
    if (existing.ok()) {
      if (existing->decision == ApprovalDecision::kPending) return Asked{std::move(existing).value(), false};
      return Status(ErrorCode::kFailedPrecondition, "the partner has already decided",
                    "need_approval.error.already_decided");
    }
    if (existing.status().code() != ErrorCode::kNotFound) return existing.status();
    auto inserted =
        connection.Execute(kInsert, {need_id, offer_id, partner, NullIfEmpty(actor.user_id), now});
    if (!inserted.ok()) {
      // Two requests at once: the primary key is the last word.
      if (inserted.status().code() == ErrorCode::kAlreadyExists)
        return Status(ErrorCode::kAlreadyExists, "asked twice at once", "need_approval.error.already_asked");
      return inserted.status();
    }
    auto created = GetOne(connection, need_id, offer_id);
    if (!created.ok()) return created.status();
    SAMSKAB_RETURN_IF_ERROR(Audit(connection, actor, "need_approval.ask", nullptr, &*created, now));
    SAMSKAB_RETURN_IF_ERROR(NotifyPartner(connection, text_, public_url_, *created, now));
    return Asked{std::move(created).value(), true};
  });
}

Result<NeedApprovalPage> NeedApprovalStore::ListForOrganisation(int64_t organisation_id,
                                                                std::optional<ApprovalDecision> decision,
                                                                int64_t offset, int64_t limit) {
  std::string where = kPartnersWhere;
  Params params{organisation_id};
  if (decision) {
    where += " AND a.decision = ?";
    params.emplace_back(std::string(domain::ApprovalDecisionName(*decision)));
  }
  return ListPartners(where, params, offset, limit);
}

Result<NeedApprovalPage> NeedApprovalStore::ListDecidedForOrganisation(int64_t organisation_id,
                                                                       int64_t offset, int64_t limit) {
  return ListPartners(
      std::string(kPartnersWhere) + " AND a.decision <> ?",
      {organisation_id, std::string(domain::ApprovalDecisionName(ApprovalDecision::kPending))}, offset,
      limit);
}

// One page of the partner's approvals matching `where` (kPartnersWhere and more), with the total.
Result<NeedApprovalPage> NeedApprovalStore::ListPartners(const std::string& where, const Params& params,
                                                         int64_t offset, int64_t limit) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto count = (*lease)->Query(
      "SELECT COUNT(*) FROM need_approvals a JOIN needs n ON n.id = a.need_id" + where, params);
  if (!count.ok()) return count.status();
  Params page_params = params;
  page_params.emplace_back(std::clamp<int64_t>(limit, 1, 100));
  page_params.emplace_back(std::max<int64_t>(offset, 0));
  auto items = Select(
      **lease, where + " ORDER BY a.requested_at DESC, a.need_id DESC, a.offer_id DESC LIMIT ? OFFSET ?",
      page_params);
  if (!items.ok()) return items.status();
  return NeedApprovalPage{std::move(items).value(), count->front().Int(0)};
}

Result<NeedApproval> NeedApprovalStore::GetForOrganisation(int64_t organisation_id, int64_t need_id,
                                                           int64_t offer_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto found = Select(**lease, std::string(kPartnersWhere) + " AND a.need_id = ? AND a.offer_id = ?",
                      {organisation_id, need_id, offer_id});
  if (!found.ok()) return found.status();
  if (found->empty()) return NotFoundApproval(need_id, offer_id);
  return found->front();
}

Result<NeedApproval> NeedApprovalStore::Decide(int64_t organisation_id, const domain::Actor& actor,
                                               int64_t need_id, int64_t offer_id,
                                               domain::ApprovalChoice choice, int64_t expected_revision) {
  std::vector<FieldProblem> problems = domain::NormaliseApprovalChoice(choice);
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<NeedApproval>(database_, [&](Connection& connection) -> Result<NeedApproval> {
    // The organisation's approvals while it is the need's partner; vulnerable or not, so that a need
    // that stopped being vulnerable gets its clear answer below.
    auto found = Select(connection,
                        " WHERE a.organisation_id = ? AND n.partner_organisation_id = a.organisation_id AND "
                        "a.need_id = ? AND a.offer_id = ?",
                        {organisation_id, need_id, offer_id});
    if (!found.ok()) return found.status();
    if (found->empty()) return NotFoundApproval(need_id, offer_id);
    const NeedApproval before = found->front();
    auto vulnerable = connection.Query("SELECT vulnerable FROM needs WHERE id = ?", {need_id});
    if (!vulnerable.ok()) return vulnerable.status();
    if (vulnerable->empty() || vulnerable->front().Int(0) == 0) return NotVulnerable(need_id);
    if (before.revision != expected_revision)
      return Status(ErrorCode::kPreconditionFailed,
                    fmt::format("approval {} is at revision {}, not {}", AuditKey(need_id, offer_id),
                                before.revision, expected_revision),
                    "error.precondition_failed");
    auto updated =
        connection.Execute(kDecide, {std::string(domain::ApprovalDecisionName(choice.decision)),
                                     int64_t{choice.direct_contact}, choice.note, NullIfEmpty(actor.user_id),
                                     now, need_id, offer_id, organisation_id, expected_revision});
    if (!updated.ok()) return updated.status();
    if (*updated != 1)
      return Status(ErrorCode::kPreconditionFailed, "approval changed meanwhile",
                    "error.precondition_failed");
    auto after = GetOne(connection, need_id, offer_id);
    if (!after.ok()) return after.status();
    SAMSKAB_RETURN_IF_ERROR(Audit(connection, actor, "need_approval.decide", &before, &*after, now));
    SAMSKAB_RETURN_IF_ERROR(NotifyAsker(connection, text_, public_url_, *after, now));
    return after;
  });
}

Status DeleteApprovalsOfNeed(Connection& connection, const domain::Actor& actor, int64_t need_id,
                             const std::string& now) {
  return DeleteWhere(connection, actor, " WHERE a.need_id = ?", need_id, now);
}

Status DeleteApprovalsOfOffer(Connection& connection, const domain::Actor& actor, int64_t offer_id,
                              const std::string& now) {
  return DeleteWhere(connection, actor, " WHERE a.offer_id = ?", offer_id, now);
}

Status MoveApprovalsToPartner(Connection& connection, const domain::Actor& actor, const domain::Need& need,
                              const std::string& now, const ApprovalNotices* notices) {
  if (!need.vulnerable || !need.partner_organisation_id) return Status::Ok();
  auto moving = Select(connection, " WHERE a.need_id = ? AND a.organisation_id <> ?",
                       {need.id, *need.partner_organisation_id});
  if (!moving.ok()) return moving.status();
  for (const NeedApproval& before : *moving) {
    SAMSKAB_RETURN_IF_ERROR(
        connection.Execute(kMoveTo, {*need.partner_organisation_id, before.need_id, before.offer_id})
            .status());
    auto after = GetOne(connection, before.need_id, before.offer_id);
    if (!after.ok()) return after.status();
    SAMSKAB_RETURN_IF_ERROR(Audit(connection, actor, "need_approval.partner_changed", &before, &*after, now));
    if (notices)
      SAMSKAB_RETURN_IF_ERROR(NotifyPartner(connection, notices->text, notices->public_url, *after, now));
  }
  return Status::Ok();
}

}  // namespace samskab::storage
