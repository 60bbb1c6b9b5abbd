#include "storage/application_store.h"

#include <fmt/format.h>

#include "core/random.h"
#include "domain/account/account.h"
#include "storage/audit_store.h"

namespace samskab::storage {
namespace {

using domain::Application;
using domain::ApplicationMessage;
using domain::ApplicationState;
using domain::OpportunityFacts;
using domain::Party;

constexpr char kOpportunityColumns[] =
    "id, municipality_code, unit_id, organisation_id, title, capacity, status, ends_on, involves_children, "
    "language, created_by FROM opportunities WHERE id = ?";
#define SAMSKAB_COLUMNS                                                                                   \
  "a.id, a.opportunity_id, a.user_id, a.email, a.name, a.phone, a.motivation, a.state, a.revision, "      \
  "a.created_at, a.updated_at, o.id, o.municipality_code, o.unit_id, o.organisation_id, o.title, "        \
  "o.capacity, o.status, o.ends_on, o.involves_children, o.language, o.created_by, p.child_certificate, " \
  "p.child_certificate_on FROM applications a JOIN opportunities o ON o.id = a.opportunity_id "           \
  "LEFT JOIN volunteer_profiles p ON p.user_id = a.user_id "
constexpr char kSelectOne[] = "SELECT " SAMSKAB_COLUMNS "WHERE a.id = ?";
#define SAMSKAB_FOR_OPPORTUNITY "WHERE a.opportunity_id = ? AND a.state <> 'unverified' "
constexpr char kSelectForOpportunity[] =
    "SELECT " SAMSKAB_COLUMNS SAMSKAB_FOR_OPPORTUNITY "ORDER BY a.id LIMIT ? OFFSET ?";
// The pipeline's order: the states as domain::kApplicationStates lists them.
constexpr char kSelectForOpportunityByState[] =
    "SELECT " SAMSKAB_COLUMNS SAMSKAB_FOR_OPPORTUNITY
    "ORDER BY CASE a.state WHEN 'new' THEN 1 WHEN 'contacted' THEN 2 WHEN 'agreed' THEN 3 WHEN 'active' THEN "
    "4 "
    "WHEN 'ended' THEN 5 WHEN 'declined' THEN 6 ELSE 7 END, a.id LIMIT ? OFFSET ?";
#undef SAMSKAB_FOR_OPPORTUNITY
constexpr char kCountByState[] =
    "SELECT state, COUNT(*) FROM applications WHERE opportunity_id = ? AND state <> 'unverified' GROUP BY "
    "state";
constexpr char kSelectForUser[] = "SELECT " SAMSKAB_COLUMNS "WHERE a.user_id = ? ORDER BY a.id DESC";
constexpr char kSelectPageForUser[] =
    "SELECT " SAMSKAB_COLUMNS "WHERE a.user_id = ? ORDER BY a.id DESC LIMIT ? OFFSET ?";
constexpr char kCountForUser[] = "SELECT COUNT(*) FROM applications WHERE user_id = ?";
constexpr char kSelectByToken[] =
    "SELECT " SAMSKAB_COLUMNS "WHERE a.verify_token_hash = ? AND a.state = 'unverified'";
#undef SAMSKAB_COLUMNS
constexpr char kPlacesTaken[] =
    "SELECT COUNT(*) FROM applications WHERE opportunity_id = ? AND state IN ('agreed', 'active')";
constexpr char kSameEmail[] = "SELECT COUNT(*) FROM applications WHERE opportunity_id = ? AND email = ?";
constexpr char kInsert[] =
    "INSERT INTO applications (opportunity_id, user_id, email, name, phone, motivation, state, "
    "verify_token_hash, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
    "RETURNING id";
constexpr char kUpdateState[] =
    "UPDATE applications SET state = ?, verify_token_hash = NULL, revision = revision + 1, updated_at = ? "
    "WHERE id = ? AND revision = ?";
constexpr char kUserEmail[] = "SELECT email FROM users WHERE id = ?";
constexpr char kMessages[] =
    "SELECT id, application_id, author_user_id, from_applicant, body, created_at FROM application_messages "
    "WHERE application_id = ? ORDER BY id";
constexpr char kInsertMessage[] =
    "INSERT INTO application_messages (application_id, author_user_id, from_applicant, body, created_at) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id";

std::optional<int64_t> OptionalInt(const Row& row, size_t i) {
  return row.IsNull(i) ? std::nullopt : std::optional<int64_t>(row.Int(i));
}

OpportunityFacts OpportunityFromRow(const Row& row, size_t i) {
  OpportunityFacts o;
  o.id = row.Int(i);
  o.municipality_code = row.Text(i + 1);
  o.unit_id = OptionalInt(row, i + 2);
  o.organisation_id = OptionalInt(row, i + 3);
  o.title = row.Text(i + 4);
  o.capacity = row.Int(i + 5);
  o.status = row.Text(i + 6);
  o.ends_on = row.OptionalText(i + 7);
  o.involves_children = row.Int(i + 8) != 0;
  o.language = row.Text(i + 9);
  o.created_by = OptionalInt(row, i + 10);
  return o;
}

Application FromRow(const Row& row) {
  Application a;
  a.id = row.Int(0);
  a.opportunity_id = row.Int(1);
  a.user_id = OptionalInt(row, 2);
  a.email = row.Text(3);
  a.name = row.Text(4);
  a.phone = row.Text(5);
  a.motivation = row.Text(6);
  a.state = domain::ParseApplicationState(row.Text(7)).value_or(ApplicationState::kNew);
  a.revision = row.Int(8);
  a.created_at = row.Text(9);
  a.updated_at = row.Text(10);
  a.opportunity = OpportunityFromRow(row, 11);
  if (!row.IsNull(22)) {
    a.certificate.status = row.Text(22);
    if (a.certificate.Obtained()) a.certificate.on = row.OptionalText(23);
  }
  return a;
}

Result<Application> GetOn(Connection& connection, int64_t id) {
  auto rows = connection.Query(kSelectOne, {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound(fmt::format("application {} not found", id));
  return FromRow(rows->front());
}

// The opportunity's row, locked until the transaction ends where the backend can lock a row:
// PostgreSQL's FOR UPDATE makes two agreements to the same opportunity wait for each other, so
// both cannot count the same free place. SQLite has no row locks and needs none: a write
// transaction (BEGIN IMMEDIATE) holds the whole database.
Result<OpportunityFacts> LockOpportunity(Connection& connection, int64_t id) {
  std::string sql = std::string("SELECT ") + kOpportunityColumns;
  if (connection.backend() == Backend::kPostgres) sql += " FOR UPDATE";
  auto rows = connection.Query(sql, {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty())
    return NotFound(fmt::format("opportunity {} not found", id), "application.error.no_opportunity");
  return OpportunityFromRow(rows->front(), 0);
}

Result<int64_t> PlacesTaken(Connection& connection, int64_t opportunity_id) {
  auto rows = connection.Query(kPlacesTaken, {opportunity_id});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

}  // namespace

std::string VerificationTokenHash(std::string_view token) { return ContentHash(token, 64); }

ApplicationStore::ApplicationStore(Database& database, const Clock& clock, NoticeText text,
                                   ApplicationStoreOptions options)
    : database_(database), clock_(clock), text_(std::move(text)), options_(std::move(options)) {}

namespace {

// One notice in the outbox, in the same transaction as the change it tells about.
struct Notice {
  std::string recipient;
  std::string kind;  // mail.<kind>.subject / .body
  std::string link;
  std::string state;  // translated state, for state notices
};

Status Enqueue(Connection& connection, const NoticeText& text, const Application& a, const Notice& notice,
               const std::string& now) {
  if (notice.recipient.empty()) return Status::Ok();
  return QueueNotice(
      connection, text, a.opportunity.language, notice.kind,
      {{"title", a.opportunity.title}, {"name", a.name}, {"state", notice.state}, {"link", notice.link}},
      notice.recipient, now);
}

// The poster's contact: the opportunity's author (no notice when it has none).
Result<std::string> PosterEmail(Connection& connection, const OpportunityFacts& o) {
  if (!o.created_by) return std::string();
  auto rows = connection.Query(kUserEmail, {*o.created_by});
  if (!rows.ok()) return rows.status();
  return rows->empty() ? std::string() : rows->front().Text(0);
}

// The poster's pipeline page: the organisation's for its posts, the municipality's for a unit's.
std::string PipelineLink(const std::string& base, const OpportunityFacts& o) {
  if (o.organisation_id)
    return fmt::format("{}/account/organisations/{}/opportunities/{}/applications", base, *o.organisation_id,
                       o.id);
  return fmt::format("{}/admin/{}/opportunities/{}/applications", base, o.municipality_code, o.id);
}

// Where an applicant follows their application: their account's list, or (without an account)
// the opportunity's public page.
std::string ApplicantLink(const std::string& base, const Application& a) {
  return a.user_id ? base + "/account/applications"
                   : fmt::format("{}/opportunities/{}", base, a.opportunity_id);
}

Status NotifyPoster(Connection& connection, const NoticeText& text, const std::string& base,
                    const Application& a, std::string_view kind, const std::string& now) {
  auto email = PosterEmail(connection, a.opportunity);
  if (!email.ok()) return email.status();
  return Enqueue(connection, text, a, {*email, std::string(kind), PipelineLink(base, a.opportunity), ""},
                 now);
}

}  // namespace

Result<OpportunityFacts> ApplicationStore::Opportunity(int64_t opportunity_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(std::string("SELECT ") + kOpportunityColumns, {opportunity_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty())
    return NotFound(fmt::format("opportunity {} not found", opportunity_id),
                    "application.error.no_opportunity");
  return OpportunityFromRow(rows->front(), 0);
}

Result<Application> ApplicationStore::Get(int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return GetOn(**lease, id);
}

namespace {
Result<std::vector<Application>> ListOf(Connection& connection, const char* sql, const Params& params) {
  auto rows = connection.Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<Application> list;
  list.reserve(rows->size());
  for (const Row& row : *rows) list.push_back(FromRow(row));
  return list;
}

// The page `sql` selects (its last two parameters: LIMIT and OFFSET) and the count `count_sql`
// gives, both keyed by `key`, on one connection.
Result<ApplicationPage> PageOf(Database& database, const char* sql, const char* count_sql, int64_t key,
                               int64_t offset, int64_t limit) {
  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  auto items = ListOf(**lease, sql, {key, limit, offset});
  if (!items.ok()) return items.status();
  auto count = (*lease)->Query(count_sql, {key});
  if (!count.ok()) return count.status();
  return ApplicationPage{std::move(items).value(), count->front().Int(0)};
}

constexpr char kCountForOpportunity[] =
    "SELECT COUNT(*) FROM applications WHERE opportunity_id = ? AND state <> 'unverified'";
}  // namespace

Result<ApplicationPage> ApplicationStore::ListForOpportunity(int64_t opportunity_id, ApplicationOrder order,
                                                             int64_t offset, int64_t limit) {
  return PageOf(database_,
                order == ApplicationOrder::kByState ? kSelectForOpportunityByState : kSelectForOpportunity,
                kCountForOpportunity, opportunity_id, offset, limit);
}

Result<std::map<ApplicationState, int64_t>> ApplicationStore::CountByState(int64_t opportunity_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kCountByState, {opportunity_id});
  if (!rows.ok()) return rows.status();
  std::map<ApplicationState, int64_t> counts;
  for (const Row& row : *rows) {
    if (const auto state = domain::ParseApplicationState(row.Text(0))) counts[*state] = row.Int(1);
  }
  return counts;
}

Result<ApplicationPage> ApplicationStore::ListForUser(int64_t user_id, int64_t offset, int64_t limit) {
  return PageOf(database_, kSelectPageForUser, kCountForUser, user_id, offset, limit);
}

Result<std::vector<Application>> ApplicationStore::AllForUser(int64_t user_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return ListOf(**lease, kSelectForUser, {user_id});
}

Result<ApplicationStore::Applied> ApplicationStore::Apply(const domain::Actor& actor, Application a,
                                                          std::string_view lang) {
  std::vector<FieldProblem> problems = domain::NormaliseApplication(a);
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  const auto now_point = clock_.Now();
  const std::string now = FormatUtc(now_point);
  const bool anonymous = !a.user_id.has_value();
  const std::string token = anonymous ? RandomHex(32) : std::string();
  return InWriteTransaction<Applied>(database_, [&](Connection& connection) -> Result<Applied> {
    auto opportunity = LockOpportunity(connection, a.opportunity_id);
    if (!opportunity.ok()) return opportunity.status();
    if (!domain::AcceptsApplications(*opportunity, now.substr(0, 10)))
      return Status(ErrorCode::kFailedPrecondition, "opportunity not open", "application.error.closed");
    auto taken = PlacesTaken(connection, a.opportunity_id);
    if (!taken.ok()) return taken.status();
    if (*taken >= opportunity->capacity)
      return Status(ErrorCode::kFailedPrecondition, "opportunity full", "application.error.full");
    auto same = connection.Query(kSameEmail, {a.opportunity_id, a.email});
    if (!same.ok()) return same.status();
    if (same->front().Int(0) > 0)
      return Status(ErrorCode::kAlreadyExists, "applied twice", "application.error.duplicate");
    const ApplicationState state = anonymous ? ApplicationState::kUnverified : ApplicationState::kNew;
    auto inserted = connection.Query(
        kInsert, {a.opportunity_id, NullIfEmpty(a.user_id), a.email, a.name, a.phone, a.motivation,
                  std::string(domain::ApplicationStateName(state)),
                  anonymous ? Value(VerificationTokenHash(token)) : Value(Null{}), now, now});
    if (!inserted.ok()) {
      // Two submissions at once: the UNIQUE constraint is the last word.
      if (inserted.status().code() == ErrorCode::kAlreadyExists)
        return Status(ErrorCode::kAlreadyExists, "applied twice", "application.error.duplicate");
      return inserted.status();
    }
    auto created = GetOn(connection, inserted->front().Int(0));
    if (!created.ok()) return created.status();
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, opportunity->municipality_code,
                                        "application.create", "application", std::to_string(created->id),
                                        std::nullopt, domain::ApplicationAuditJson(*created).dump(), now));
    if (anonymous) {
      // The link goes to the address given: only its owner can make the application count. The
      // mail is in the language the person applied in.
      Application in_lang = *created;
      in_lang.opportunity.language = std::string(lang);
      SAMSKAB_RETURN_IF_ERROR(
          Enqueue(connection, text_, in_lang,
                  {created->email, "application_verify",
                   fmt::format("{}/applications/verify?token={}", options_.public_url, token), ""},
                  now));
    } else {
      SAMSKAB_RETURN_IF_ERROR(
          NotifyPoster(connection, text_, options_.public_url, *created, "application_received", now));
    }
    return Applied{std::move(created).value(), token};
  });
}

Result<Application> ApplicationStore::Verify(const domain::Actor& actor, std::string_view token) {
  const auto now_point = clock_.Now();
  const std::string now = FormatUtc(now_point);
  const std::string oldest = FormatUtc(now_point - options_.verification_lifetime);
  return InWriteTransaction<Application>(database_, [&](Connection& connection) -> Result<Application> {
    const Status link_gone(ErrorCode::kNotFound, "unknown, used or expired application link",
                           "application.error.link");
    if (token.empty() || token.size() > 128) return link_gone;
    auto rows = connection.Query(kSelectByToken, {VerificationTokenHash(token)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return link_gone;
    const Application before = FromRow(rows->front());
    if (before.created_at < oldest) return link_gone;
    auto updated = connection.Execute(
        kUpdateState,
        {std::string(domain::ApplicationStateName(ApplicationState::kNew)), now, before.id, before.revision});
    if (!updated.ok()) return updated.status();
    auto after = GetOn(connection, before.id);
    if (!after.ok()) return after;
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, before.opportunity.municipality_code,
                                        "application.verify", "application", std::to_string(before.id),
                                        domain::ApplicationAuditJson(before).dump(),
                                        domain::ApplicationAuditJson(*after).dump(), now));
    SAMSKAB_RETURN_IF_ERROR(
        NotifyPoster(connection, text_, options_.public_url, *after, "application_received", now));
    return after;
  });
}

Result<Application> ApplicationStore::ChangeState(const domain::Actor& actor, int64_t id, ApplicationState to,
                                                  Party by, int64_t expected_revision,
                                                  bool certificate_confirmed) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<Application>(database_, [&](Connection& connection) -> Result<Application> {
    auto found = GetOn(connection, id);
    if (!found.ok()) return found.status();
    // Lock first, then read the application again: what was read before the lock may be stale.
    auto opportunity = LockOpportunity(connection, found->opportunity_id);
    if (!opportunity.ok()) return opportunity.status();
    auto before = GetOn(connection, id);
    if (!before.ok()) return before.status();
    if (before->revision != expected_revision)
      return Status(ErrorCode::kPreconditionFailed, "stale application revision",
                    "error.precondition_failed");
    // Only the e-mail link verifies an application (Verify), never a state change.
    if (before->state == ApplicationState::kUnverified || !domain::MayTransition(before->state, to, by))
      return Status(
          ErrorCode::kFailedPrecondition,
          fmt::format("{} may not move an application from {} to {}", domain::PartyName(by),
                      domain::ApplicationStateName(before->state), domain::ApplicationStateName(to)),
          "application.error.transition");
    const bool confirmed = by == Party::kPoster && certificate_confirmed;
    SAMSKAB_RETURN_IF_ERROR(domain::CheckCertificate(*opportunity, to, before->certificate, confirmed));
    if (domain::TakesPlace(to) && !domain::TakesPlace(before->state)) {
      auto taken = PlacesTaken(connection, before->opportunity_id);
      if (!taken.ok()) return taken.status();
      if (*taken >= opportunity->capacity)
        return Status(ErrorCode::kFailedPrecondition, "opportunity full", "application.error.full");
    }
    auto updated = connection.Execute(
        kUpdateState, {std::string(domain::ApplicationStateName(to)), now, id, expected_revision});
    if (!updated.ok()) return updated.status();
    if (*updated != 1)
      return Status(ErrorCode::kPreconditionFailed, "stale application revision",
                    "error.precondition_failed");
    auto after = GetOn(connection, id);
    if (!after.ok()) return after;
    nlohmann::json after_json = domain::ApplicationAuditJson(*after);
    after_json["by"] = domain::PartyName(by);
    if (opportunity->involves_children && to == ApplicationState::kAgreed)
      after_json["child_certificate"] = before->certificate.Obtained() ? "profile" : "confirmed_by_poster";
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(
        connection, actor, opportunity->municipality_code, "application.state", "application",
        std::to_string(id), domain::ApplicationAuditJson(*before).dump(), after_json.dump(), now));
    const std::string state_label = text_(
        after->opportunity.language, fmt::format("application.state.{}", domain::ApplicationStateName(to)));
    if (by == Party::kPoster) {
      SAMSKAB_RETURN_IF_ERROR(Enqueue(
          connection, text_, *after,
          {after->email, "application_state", ApplicantLink(options_.public_url, *after), state_label}, now));
    } else {
      SAMSKAB_RETURN_IF_ERROR(
          NotifyPoster(connection, text_, options_.public_url, *after, "application_withdrawn", now));
    }
    return after;
  });
}

Result<std::vector<ApplicationMessage>> ApplicationStore::Messages(int64_t application_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kMessages, {application_id});
  if (!rows.ok()) return rows.status();
  std::vector<ApplicationMessage> list;
  for (const Row& row : *rows) {
    list.push_back({row.Int(0), row.Int(1), OptionalInt(row, 2), row.Int(3) != 0, row.Text(4), row.Text(5)});
  }
  return list;
}

Result<ApplicationMessage> ApplicationStore::AddMessage(const domain::Actor& actor, int64_t application_id,
                                                        Party by, std::string body) {
  SAMSKAB_RETURN_IF_ERROR(domain::NormaliseMessage(body));
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<ApplicationMessage>(
      database_, [&](Connection& connection) -> Result<ApplicationMessage> {
        auto a = GetOn(connection, application_id);
        if (!a.ok()) return a.status();
        if (a->state == ApplicationState::kUnverified)
          return Status(ErrorCode::kFailedPrecondition, "application not verified",
                        "application.error.unverified");
        ApplicationMessage m;
        m.application_id = application_id;
        m.author_user_id = actor.user_id;
        m.from_applicant = by == Party::kApplicant;
        m.body = body;
        m.created_at = now;
        auto inserted = connection.Query(kInsertMessage, {application_id, NullIfEmpty(m.author_user_id),
                                                          int64_t{m.from_applicant ? 1 : 0}, m.body, now});
        if (!inserted.ok()) return inserted.status();
        m.id = inserted->front().Int(0);
        // The log says that a message was written and by whom, not what it says.
        SAMSKAB_RETURN_IF_ERROR(
            RecordAudit(connection, actor, a->opportunity.municipality_code, "application.message",
                        "application", std::to_string(application_id), std::nullopt,
                        nlohmann::json({{"message_id", m.id}, {"from", domain::PartyName(by)}}).dump(), now));
        if (by == Party::kPoster) {
          SAMSKAB_RETURN_IF_ERROR(
              Enqueue(connection, text_, *a,
                      {a->email, "application_message", ApplicantLink(options_.public_url, *a), ""}, now));
        } else {
          SAMSKAB_RETURN_IF_ERROR(
              NotifyPoster(connection, text_, options_.public_url, *a, "application_message_poster", now));
        }
        return m;
      });
}

}  // namespace samskab::storage
