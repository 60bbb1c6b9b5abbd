#include "storage/account_store.h"
#include "storage/notices.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "storage/audit_store.h"
#include "storage/volunteer_store.h"

namespace samskab::storage {
namespace {

using domain::Grant;
using domain::Role;
using domain::User;

#define SAMSKAB_USER_COLUMNS \
  "id, email, display_name, password_hash, email_verified_at, created_at, erased_at, revision"
constexpr char kUserById[] = "SELECT " SAMSKAB_USER_COLUMNS " FROM users WHERE id = ?";
constexpr char kUserByEmail[] =
    "SELECT " SAMSKAB_USER_COLUMNS " FROM users WHERE email = ? AND erased_at IS NULL";
#undef SAMSKAB_USER_COLUMNS
constexpr char kInsertUser[] =
    "INSERT INTO users (email, display_name, password_hash, email_verified_at, created_at, revision) "
    "VALUES (?, ?, ?, ?, ?, 1) RETURNING id";
constexpr char kGrantsOf[] =
    "SELECT role, COALESCE(municipality_code, ''), unit_id, organisation_id FROM role_grants WHERE user_id = "
    "? "
    "ORDER BY id";
constexpr char kInsertGrant[] =
    "INSERT INTO role_grants (user_id, role, municipality_code, unit_id, organisation_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kUnitInMunicipality[] = "SELECT COUNT(*) FROM units WHERE municipality_code = ? AND id = ?";
// The people holding roles in one scope: a municipality's staff, an organisation's members.
#define SAMSKAB_GRANT_HOLDERS(scope_column)                                                                  \
  "SELECT g.id, u.id, u.email, u.display_name, g.role, g.unit_id FROM role_grants g JOIN users u ON u.id = " \
  "g.user_id WHERE g." scope_column " = ? AND u.erased_at IS NULL ORDER BY u.display_name, u.id, g.id"
constexpr char kStaff[] = SAMSKAB_GRANT_HOLDERS("municipality_code");
constexpr char kMembers[] = SAMSKAB_GRANT_HOLDERS("organisation_id");
#undef SAMSKAB_GRANT_HOLDERS
constexpr char kStaffGrant[] =
    "SELECT user_id, role, COALESCE(municipality_code, ''), unit_id, organisation_id FROM role_grants "
    "WHERE id = ? AND municipality_code = ?";
constexpr char kDeleteGrant[] = "DELETE FROM role_grants WHERE id = ? AND municipality_code = ?";
constexpr char kSetPassword[] =
    "UPDATE users SET password_hash = ?, revision = revision + 1 WHERE id = ? AND erased_at IS NULL";
constexpr char kSetVerified[] =
    "UPDATE users SET email_verified_at = ?, revision = revision + 1 WHERE id = ? AND erased_at IS NULL";

constexpr char kInsertSession[] =
    "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)";
// The session, its user and the user's roles in one statement (one row per role, or one row
// with NULL role columns): this runs on every logged-in request.
constexpr char kSessionWithUser[] =
    "SELECT s.token_hash, s.user_id, s.created_at, s.last_seen_at, s.expires_at, "
    "u.id, u.email, u.display_name, u.password_hash, u.email_verified_at, u.created_at, u.erased_at, "
    "u.revision, "
    "g.role, COALESCE(g.municipality_code, ''), g.unit_id, g.organisation_id "
    "FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN role_grants g ON g.user_id = u.id "
    "WHERE s.token_hash = ? AND s.expires_at > ? AND u.erased_at IS NULL ORDER BY g.id";
constexpr char kTouchSession[] = "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?";
constexpr char kDeleteSession[] = "DELETE FROM sessions WHERE token_hash = ?";
constexpr char kDeleteSessionsOf[] = "DELETE FROM sessions WHERE user_id = ?";
constexpr char kSessionsOf[] =
    "SELECT token_hash, user_id, created_at, last_seen_at, expires_at FROM sessions WHERE user_id = ? ORDER "
    "BY "
    "created_at";

#define SAMSKAB_TOKEN_COLUMNS                                                                        \
  "token_hash, purpose, email, user_id, COALESCE(municipality_code, ''), organisation_id, payload, " \
  "created_at, expires_at, used_at"
constexpr char kInsertToken[] =
    "INSERT INTO one_time_tokens (token_hash, purpose, email, user_id, municipality_code, organisation_id, "
    "payload, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kPeekToken[] =
    "SELECT " SAMSKAB_TOKEN_COLUMNS
    " FROM one_time_tokens WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND "
    "expires_at > ?";
constexpr char kUseToken[] =
    "UPDATE one_time_tokens SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND "
    "expires_at > ?";
constexpr char kTokenByHash[] = "SELECT " SAMSKAB_TOKEN_COLUMNS " FROM one_time_tokens WHERE token_hash = ?";
constexpr char kPendingInvitations[] =
    "SELECT " SAMSKAB_TOKEN_COLUMNS
    " FROM one_time_tokens WHERE municipality_code = ? AND purpose = "
    "'invitation' AND used_at IS NULL AND expires_at > ? ORDER BY created_at";
#undef SAMSKAB_TOKEN_COLUMNS

constexpr char kOutbox[] =
    "SELECT id, recipient, subject, body, created_at, sent_at FROM outbox ORDER BY id DESC LIMIT ?";

#define SAMSKAB_API_TOKEN_COLUMNS \
  "id, name, COALESCE(municipality_code, ''), role, created_by, created_at, last_used_at, revoked_at"
constexpr char kInsertApiToken[] =
    "INSERT INTO api_tokens (token_hash, name, municipality_code, role, created_by, created_at) VALUES (?, "
    "?, ?, "
    "?, ?, ?) RETURNING id";
constexpr char kApiTokenByHash[] =
    "SELECT " SAMSKAB_API_TOKEN_COLUMNS " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL";
constexpr char kApiTokenById[] =
    "SELECT " SAMSKAB_API_TOKEN_COLUMNS " FROM api_tokens WHERE id = ? AND municipality_code = ?";
constexpr char kApiTokens[] =
    "SELECT " SAMSKAB_API_TOKEN_COLUMNS " FROM api_tokens WHERE municipality_code = ? ORDER BY id DESC";
#undef SAMSKAB_API_TOKEN_COLUMNS
constexpr char kRevokeApiToken[] =
    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND municipality_code = ? AND revoked_at IS NULL";
constexpr char kUseApiToken[] = "UPDATE api_tokens SET last_used_at = ? WHERE id = ?";

constexpr char kFailures[] = "SELECT failures FROM login_failures WHERE subject = ? AND window_start >= ?";
constexpr char kAddFailure[] =
    "INSERT INTO login_failures (subject, failures, window_start) VALUES (?, 1, ?) ON CONFLICT (subject) DO "
    "UPDATE SET failures = CASE WHEN login_failures.window_start >= ? THEN login_failures.failures + 1 ELSE "
    "1 "
    "END, window_start = CASE WHEN login_failures.window_start >= ? THEN login_failures.window_start ELSE ? "
    "END";
constexpr char kClearFailures[] = "DELETE FROM login_failures WHERE subject = ?";

constexpr char kInsertConsent[] =
    "INSERT INTO consents (user_id, purpose, text_version, given_at) VALUES (?, ?, ?, ?)";
constexpr char kConsents[] =
    "SELECT id, purpose, text_version, given_at, withdrawn_at FROM consents WHERE user_id = ? ORDER BY id";

constexpr char kInsertOrganisation[] =
    "INSERT INTO organisations (name, kind, search_text, revision, created_at, updated_at) "
    "VALUES (?, ?, ?, 1, ?, ?) RETURNING id";
constexpr char kOrganisationName[] = "SELECT name FROM organisations WHERE id = ?";

constexpr char kSecret[] = "SELECT secret FROM instance_secrets WHERE name = ?";
constexpr char kInsertSecret[] =
    "INSERT INTO instance_secrets (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING";

User UserFromRow(const Row& row) {
  User user;
  user.id = row.Int(0);
  user.email = row.Text(1);
  user.display_name = row.Text(2);
  user.password_hash = row.Text(3);
  user.email_verified_at = row.OptionalText(4);
  user.created_at = row.Text(5);
  user.erased_at = row.OptionalText(6);
  user.revision = row.Int(7);
  return user;
}

Grant GrantFromRow(const Row& row, size_t first) {
  Grant grant;
  grant.role = domain::ParseRole(row.Text(first)).value_or(Role::kVolunteer);
  grant.municipality_code = row.Text(first + 1);
  if (!row.IsNull(first + 2)) grant.unit_id = row.Int(first + 2);
  if (!row.IsNull(first + 3)) grant.organisation_id = row.Int(first + 3);
  return grant;
}

SessionRecord SessionFromRow(const Row& row) {
  return {row.Text(0), row.Int(1), row.Text(2), row.Text(3), row.Text(4)};
}

domain::OneTimeToken TokenFromRow(const Row& row) {
  domain::OneTimeToken token;
  token.token_hash = row.Text(0);
  const std::string& purpose = row.Text(1);
  for (auto p : {domain::TokenPurpose::kVerifyEmail, domain::TokenPurpose::kResetPassword,
                 domain::TokenPurpose::kInvitation}) {
    if (domain::TokenPurposeName(p) == purpose) token.purpose = p;
  }
  token.email = row.Text(2);
  if (!row.IsNull(3)) token.user_id = row.Int(3);
  if (token.purpose == domain::TokenPurpose::kInvitation) {
    Grant grant;
    const auto payload = nlohmann::json::parse(row.Text(6), nullptr, false);
    if (payload.is_object()) {
      grant.role = domain::ParseRole(payload.value("role", "")).value_or(Role::kVolunteer);
      if (payload.contains("unit_id") && payload["unit_id"].is_number_integer())
        grant.unit_id = payload["unit_id"].get<int64_t>();
    }
    grant.municipality_code = row.Text(4);
    if (!row.IsNull(5)) grant.organisation_id = row.Int(5);
    token.grant = grant;
  }
  token.created_at = row.Text(7);
  token.expires_at = row.Text(8);
  token.used_at = row.OptionalText(9);
  return token;
}

domain::ApiToken ApiTokenFromRow(const Row& row) {
  domain::ApiToken token;
  token.id = row.Int(0);
  token.name = row.Text(1);
  token.municipality_code = row.Text(2);
  token.role = domain::ParseRole(row.Text(3)).value_or(Role::kMunicipalEmployee);
  if (!row.IsNull(4)) token.created_by = row.Int(4);
  token.created_at = row.Text(5);
  token.last_used_at = row.OptionalText(6);
  token.revoked_at = row.OptionalText(7);
  return token;
}

Result<std::vector<Grant>> GrantsOn(Connection& connection, int64_t user_id) {
  auto rows = connection.Query(kGrantsOf, {user_id});
  if (!rows.ok()) return rows.status();
  std::vector<Grant> grants;
  for (const auto& row : *rows) grants.push_back(GrantFromRow(row, 0));
  return grants;
}

Result<UserWithGrants> UserOn(Connection& connection, const char* sql, const Value& key) {
  auto rows = connection.Query(sql, {key});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no such user");
  UserWithGrants found{UserFromRow(rows->front()), {}};
  auto grants = GrantsOn(connection, found.user.id);
  if (!grants.ok()) return grants.status();
  found.grants = std::move(grants).value();
  return found;
}

// A grant's scope must exist and fit its role (the CHECK constraints say the same; this gives
// the user a message instead of a constraint error).
Status CheckGrant(Connection& connection, const Grant& grant) {
  switch (grant.role) {
    case Role::kPlatformAdmin:
    case Role::kVolunteer:
      return Status::Ok();
    case Role::kMunicipalAdmin:
      if (grant.municipality_code.empty())
        return InvalidArgument("municipality missing", "account.error.scope");
      return Status::Ok();
    case Role::kMunicipalEmployee: {
      if (grant.municipality_code.empty() || !grant.unit_id)
        return InvalidArgument("employee needs a unit", "account.error.unit_required");
      auto rows = connection.Query(kUnitInMunicipality, {grant.municipality_code, *grant.unit_id});
      if (!rows.ok()) return rows.status();
      if (rows->front().Int(0) == 0)
        return InvalidArgument("unit not in municipality", "unit.error.not_found");
      return Status::Ok();
    }
    case Role::kOrganisationAdmin:
    case Role::kOrganisationMember:
      if (!grant.organisation_id) return InvalidArgument("organisation missing", "account.error.scope");
      return Status::Ok();
  }
  return InvalidArgument("unknown role", "account.error.scope");
}

Status InsertGrant(Connection& connection, const domain::Actor& actor, int64_t user_id, const Grant& grant,
                   const std::string& now) {
  SAMSKAB_RETURN_IF_ERROR(CheckGrant(connection, grant));
  auto inserted = connection.Execute(
      kInsertGrant, {user_id, std::string(domain::RoleName(grant.role)), NullIfEmpty(grant.municipality_code),
                     NullIfEmpty(grant.unit_id), NullIfEmpty(grant.organisation_id), now});
  if (!inserted.ok()) {
    if (inserted.status().code() == ErrorCode::kAlreadyExists)
      return Status(ErrorCode::kAlreadyExists, "grant exists", "account.error.role_exists");
    return inserted.status();
  }
  return RecordAudit(connection, actor, grant.municipality_code, "role.grant", "user",
                     std::to_string(user_id), std::nullopt, GrantSnapshot(grant), now);
}

Result<User> InsertUserOn(Connection& connection, const domain::Actor& actor, User user,
                          const std::vector<Grant>& grants, const std::string& now) {
  user.created_at = now;
  auto existing = connection.Query("SELECT COUNT(*) FROM users WHERE email = ?", {user.email});
  if (!existing.ok()) return existing.status();
  if (existing->front().Int(0) > 0)
    return Status(ErrorCode::kAlreadyExists, "e-mail taken", "account.error.email_taken");
  auto rows = connection.Query(kInsertUser, {user.email, user.display_name, user.password_hash,
                                             NullIfEmpty(user.email_verified_at), now});
  if (!rows.ok()) return rows.status();
  user.id = rows->front().Int(0);
  // The account is platform-wide; its creation is logged where its first role puts it.
  const std::string municipality = grants.empty() ? std::string() : grants.front().municipality_code;
  SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, municipality, "user.create", "user",
                                      std::to_string(user.id), std::nullopt, UserSnapshot(user), now));
  for (const auto& grant : grants)
    SAMSKAB_RETURN_IF_ERROR(InsertGrant(connection, actor, user.id, grant, now));
  return user;
}

}  // namespace

std::string UserSnapshot(const User& user) {
  return nlohmann::json{{"id", user.id},
                        {"email", user.email},
                        {"display_name", user.display_name},
                        {"email_verified", user.email_verified_at.has_value()},
                        {"created_at", user.created_at}}
      .dump();
}

std::string GrantSnapshot(const Grant& grant) {
  nlohmann::json json = {{"role", domain::RoleName(grant.role)}};
  if (!grant.municipality_code.empty()) json["municipality_code"] = grant.municipality_code;
  if (grant.unit_id) json["unit_id"] = *grant.unit_id;
  if (grant.organisation_id) json["organisation_id"] = *grant.organisation_id;
  return json.dump();
}

Result<User> AccountStore::CreateUser(const domain::Actor& actor, User user,
                                      const std::vector<Grant>& grants) {
  SAMSKAB_RETURN_IF_ERROR(domain::NormaliseEmail(user.email));
  SAMSKAB_RETURN_IF_ERROR(domain::NormaliseDisplayName(user.display_name));
  const std::string now = Now();
  return InWriteTransaction<User>(database_, [&](Connection& connection) -> Result<User> {
    return InsertUserOn(connection, actor, std::move(user), grants, now);
  });
}

Result<UserWithGrants> AccountStore::FindByEmail(const std::string& email) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return UserOn(**lease, kUserByEmail, email);
}

Result<UserWithGrants> AccountStore::GetUser(int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return UserOn(**lease, kUserById, id);
}

Status AccountStore::AddGrant(const domain::Actor& actor, int64_t user_id, const Grant& grant) {
  const std::string now = Now();
  return Changed(user_id, InWriteTransaction<bool>(database_, [&](Connection& connection) -> Result<bool> {
                            SAMSKAB_RETURN_IF_ERROR(InsertGrant(connection, actor, user_id, grant, now));
                            return true;
                          }).status());
}

Status AccountStore::RemoveStaffGrant(const domain::Actor& actor, const domain::MunicipalityScope& scope,
                                      int64_t grant_id) {
  const std::string now = Now();
  int64_t changed_user = 0;
  Status removed = InWriteTransaction<bool>(database_, [&](Connection& connection) -> Result<bool> {
                     auto rows = connection.Query(kStaffGrant, {grant_id, scope.code()});
                     if (!rows.ok()) return rows.status();
                     if (rows->empty()) return NotFound("no such grant in this municipality");
                     const int64_t user_id = rows->front().Int(0);
                     changed_user = user_id;
                     const Grant grant = GrantFromRow(rows->front(), 1);
                     auto deleted = connection.Execute(kDeleteGrant, {grant_id, scope.code()});
                     if (!deleted.ok()) return deleted.status();
                     SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "role.revoke",
                                                         "user", std::to_string(user_id),
                                                         GrantSnapshot(grant), std::nullopt, now));
                     return true;
                   }).status();
  return Changed(changed_user, removed);
}

namespace {
Result<std::vector<StaffGrant>> GrantHolders(Database& database, const char* sql, const Value& scope) {
  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(sql, {scope});
  if (!rows.ok()) return rows.status();
  std::vector<StaffGrant> holders;
  for (const auto& row : *rows) {
    StaffGrant holder{row.Int(0),
                      row.Int(1),
                      row.Text(2),
                      row.Text(3),
                      domain::ParseRole(row.Text(4)).value_or(Role::kMunicipalEmployee),
                      std::nullopt};
    if (!row.IsNull(5)) holder.unit_id = row.Int(5);
    holders.push_back(std::move(holder));
  }
  return holders;
}
}  // namespace

Result<std::vector<StaffGrant>> AccountStore::ListStaff(const domain::MunicipalityScope& scope) {
  return GrantHolders(database_, kStaff, scope.code());
}

Result<std::vector<StaffGrant>> AccountStore::ListOrganisationMembers(int64_t organisation_id) {
  return GrantHolders(database_, kMembers, organisation_id);
}

Status AccountStore::SetPasswordHash(const domain::Actor& actor, int64_t user_id, const std::string& hash) {
  const std::string now = Now();
  return Changed(user_id, InWriteTransaction<bool>(database_, [&](Connection& connection) -> Result<bool> {
                            auto changed = connection.Execute(kSetPassword, {hash, user_id});
                            if (!changed.ok()) return changed.status();
                            if (*changed == 0) return NotFound("no such user");
                            // The hash itself never goes into the log.
                            SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, "", "user.password",
                                                                "user", std::to_string(user_id), std::nullopt,
                                                                std::nullopt, now));
                            return true;
                          }).status());
}

Status AccountStore::Erase(const domain::Actor& actor, int64_t user_id) {
  const std::string now = Now();
  return Changed(
      user_id, InWriteTransaction<bool>(database_, [&](Connection& connection) -> Result<bool> {
                 auto found = UserOn(connection, kUserById, user_id);
                 if (!found.ok()) return found.status();
                 if (found->user.erased_at) return NotFound("already erased");
                 const std::string id = std::to_string(user_id);
                 const std::string email = found->user.email;
                 const char* statements[] = {
                     "DELETE FROM sessions WHERE user_id = ?",
                     "DELETE FROM role_grants WHERE user_id = ?",
                     "DELETE FROM consents WHERE user_id = ?",
                     "DELETE FROM one_time_tokens WHERE user_id = ?",
                 };
                 for (const char* sql : statements) {
                   auto done = connection.Execute(sql, {user_id});
                   if (!done.ok()) return done.status();
                 }
                 // The volunteer profile is the person's own data: it goes with the account.
                 SAMSKAB_RETURN_IF_ERROR(EraseVolunteerProfileOf(connection, actor, user_id, clock_));
                 // Links sent to the address (invitations) and messages written from it go too, and so
                 // do its applications to opportunities with their messages (decision 0011).
                 for (const char* sql :
                      {"DELETE FROM one_time_tokens WHERE email = ?", "DELETE FROM inquiries WHERE email = ?",
                       "DELETE FROM application_messages WHERE application_id IN "
                       "(SELECT id FROM applications WHERE email = ?)",
                       "DELETE FROM applications WHERE email = ?"}) {
                   auto done = connection.Execute(sql, {email});
                   if (!done.ok()) return done.status();
                 }
                 // The person's own values leave the audit trail; the fact that changes happened stays.
                 auto scrubbed = connection.Execute(
                     "UPDATE audit_log SET before_json = NULL, after_json = NULL WHERE entity = 'user' AND "
                     "entity_id = ?",
                     {id});
                 if (!scrubbed.ok()) return scrubbed.status();
                 auto anonymised = connection.Execute(
                     "UPDATE users SET email = ?, display_name = '', password_hash = '', email_verified_at = "
                     "NULL, "
                     "erased_at = ?, revision = revision + 1 WHERE id = ?",
                     {fmt::format("erased-{}@invalid", user_id), now, user_id});
                 if (!anonymised.ok()) return anonymised.status();
                 SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, "", "user.erase", "user", id,
                                                     std::nullopt, std::nullopt, now));
                 return true;
               }).status());
}

Status AccountStore::CreateSession(const SessionRecord& session) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return (*lease)
      ->Execute(kInsertSession, {session.token_hash, session.user_id, session.created_at,
                                 session.last_seen_at, session.expires_at})
      .status();
}

Result<std::pair<SessionRecord, UserWithGrants>> AccountStore::LookupSession(const std::string& token_hash,
                                                                             const std::string& now) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSessionWithUser, {token_hash, now});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no such session");
  const Row& first = rows->front();
  SessionRecord session = SessionFromRow(first);
  UserWithGrants user;
  user.user.id = first.Int(5);
  user.user.email = first.Text(6);
  user.user.display_name = first.Text(7);
  user.user.password_hash = first.Text(8);
  user.user.email_verified_at = first.OptionalText(9);
  user.user.created_at = first.Text(10);
  user.user.erased_at = first.OptionalText(11);
  user.user.revision = first.Int(12);
  for (const auto& row : *rows) {
    if (!row.IsNull(13)) user.grants.push_back(GrantFromRow(row, 13));
  }
  return std::make_pair(std::move(session), std::move(user));
}

Status AccountStore::TouchSession(const std::string& token_hash, const std::string& now) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return (*lease)->Execute(kTouchSession, {now, token_hash}).status();
}

Status AccountStore::DeleteSession(const std::string& token_hash) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return (*lease)->Execute(kDeleteSession, {token_hash}).status();
}

Result<int64_t> AccountStore::DeleteSessionsOf(int64_t user_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto deleted = (*lease)->Execute(kDeleteSessionsOf, {user_id});
  if (deleted.ok()) (void)Changed(user_id, Status::Ok());
  return deleted;
}

Result<std::vector<SessionRecord>> AccountStore::SessionsOf(int64_t user_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSessionsOf, {user_id});
  if (!rows.ok()) return rows.status();
  std::vector<SessionRecord> sessions;
  for (const auto& row : *rows) sessions.push_back(SessionFromRow(row));
  return sessions;
}

Status AccountStore::CreateOneTimeToken(const domain::OneTimeToken& token) {
  nlohmann::json payload = nlohmann::json::object();
  std::string municipality;
  std::optional<int64_t> organisation;
  if (token.grant) {
    payload["role"] = domain::RoleName(token.grant->role);
    if (token.grant->unit_id) payload["unit_id"] = *token.grant->unit_id;
    municipality = token.grant->municipality_code;
    organisation = token.grant->organisation_id;
  }
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return (*lease)
      ->Execute(kInsertToken,
                {token.token_hash, std::string(domain::TokenPurposeName(token.purpose)), token.email,
                 NullIfEmpty(token.user_id), NullIfEmpty(municipality), NullIfEmpty(organisation),
                 payload.dump(), Value(Null{}), token.created_at, token.expires_at})
      .status();
}

Result<domain::OneTimeToken> AccountStore::PeekOneTimeToken(const std::string& token_hash,
                                                            domain::TokenPurpose purpose,
                                                            const std::string& now) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kPeekToken, {token_hash, std::string(domain::TokenPurposeName(purpose)), now});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no usable token", "account.error.link_invalid");
  return TokenFromRow(rows->front());
}

Result<domain::OneTimeToken> AccountStore::ConsumeOneTimeToken(Connection& connection,
                                                               const std::string& token_hash,
                                                               domain::TokenPurpose purpose,
                                                               const std::string& now) {
  auto used =
      connection.Execute(kUseToken, {now, token_hash, std::string(domain::TokenPurposeName(purpose)), now});
  if (!used.ok()) return used.status();
  if (*used == 0) return NotFound("no usable token", "account.error.link_invalid");
  auto rows = connection.Query(kTokenByHash, {token_hash});
  if (!rows.ok()) return rows.status();
  return TokenFromRow(rows->front());
}

Result<std::vector<domain::OneTimeToken>> AccountStore::PendingInvitations(
    const domain::MunicipalityScope& scope, const std::string& now) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kPendingInvitations, {scope.code(), now});
  if (!rows.ok()) return rows.status();
  std::vector<domain::OneTimeToken> tokens;
  for (const auto& row : *rows) tokens.push_back(TokenFromRow(row));
  return tokens;
}

Result<int64_t> AccountStore::AcceptInvitation(const domain::Actor& actor, const std::string& token_hash,
                                               const std::optional<User>& new_user) {
  const std::string now = Now();
  return ChangedUser(InWriteTransaction<int64_t>(database_, [&](Connection& connection) -> Result<int64_t> {
    auto token = ConsumeOneTimeToken(connection, token_hash, domain::TokenPurpose::kInvitation, now);
    if (!token.ok()) return token.status();
    if (!token->grant) return Internal("invitation without a role");
    auto existing = UserOn(connection, kUserByEmail, token->email);
    if (existing.ok()) {
      SAMSKAB_RETURN_IF_ERROR(InsertGrant(connection, actor, existing->user.id, *token->grant, now));
      return existing->user.id;
    }
    if (existing.status().code() != ErrorCode::kNotFound) return existing.status();
    if (!new_user) return InvalidArgument("a new account needs a name and a password", "validation.required");
    User user = *new_user;
    user.email = token->email;
    user.email_verified_at = now;  // the link reached this address
    auto created = InsertUserOn(connection, actor, user, {*token->grant}, now);
    if (!created.ok()) return created.status();
    return created->id;
  }));
}

Result<int64_t> AccountStore::ResetPassword(const domain::Actor& actor, const std::string& token_hash,
                                            const std::string& password_hash) {
  const std::string now = Now();
  return ChangedUser(InWriteTransaction<int64_t>(database_, [&](Connection& connection) -> Result<int64_t> {
    auto token = ConsumeOneTimeToken(connection, token_hash, domain::TokenPurpose::kResetPassword, now);
    if (!token.ok()) return token.status();
    if (!token->user_id) return Internal("reset token without a user");
    auto changed = connection.Execute(kSetPassword, {password_hash, *token->user_id});
    if (!changed.ok()) return changed.status();
    if (*changed == 0) return NotFound("user erased", "account.error.link_invalid");
    auto ended = connection.Execute(kDeleteSessionsOf, {*token->user_id});
    if (!ended.ok()) return ended.status();
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, "", "user.password_reset", "user",
                                        std::to_string(*token->user_id), std::nullopt, std::nullopt, now));
    return *token->user_id;
  }));
}

Result<int64_t> AccountStore::VerifyEmail(const domain::Actor& actor, const std::string& token_hash) {
  const std::string now = Now();
  return ChangedUser(InWriteTransaction<int64_t>(database_, [&](Connection& connection) -> Result<int64_t> {
    auto token = ConsumeOneTimeToken(connection, token_hash, domain::TokenPurpose::kVerifyEmail, now);
    if (!token.ok()) return token.status();
    if (!token->user_id) return Internal("verification token without a user");
    auto changed = connection.Execute(kSetVerified, {now, *token->user_id});
    if (!changed.ok()) return changed.status();
    if (*changed == 0) return NotFound("user erased", "account.error.link_invalid");
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, "", "user.verify_email", "user",
                                        std::to_string(*token->user_id), std::nullopt, std::nullopt, now));
    return *token->user_id;
  }));
}

Status AccountStore::Enqueue(Connection& connection, const domain::OutboxMessage& message) {
  return QueueMail(connection, message.recipient, message.subject, message.body, message.created_at);
}

Status AccountStore::Enqueue(const domain::OutboxMessage& message) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return Enqueue(**lease, message);
}

Result<std::vector<domain::OutboxMessage>> AccountStore::ListOutbox(int limit) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kOutbox, {int64_t{limit}});
  if (!rows.ok()) return rows.status();
  std::vector<domain::OutboxMessage> messages;
  for (const auto& row : *rows) {
    messages.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.OptionalText(5)});
  }
  return messages;
}

Result<domain::ApiToken> AccountStore::CreateApiToken(const domain::Actor& actor, domain::ApiToken token,
                                                      const std::string& token_hash) {
  if (!domain::RoleAllowedForToken(token.role))
    return InvalidArgument("role not allowed for tokens", "token.error.role");
  if (token.role != Role::kPlatformAdmin && token.municipality_code.empty())
    return InvalidArgument("token needs a municipality", "account.error.scope");
  token.name = std::string(text::Trim(token.name));
  if (token.name.empty()) return InvalidArgument("token name empty", "validation.required");
  if (domain::CharacterCount(token.name) > 200)
    return InvalidArgument("token name too long", "validation.too_long");
  const std::string now = Now();
  token.created_at = now;
  return InWriteTransaction<
      domain::ApiToken>(database_, [&](Connection& connection) -> Result<domain::ApiToken> {
    auto rows = connection.Query(
        kInsertApiToken, {token_hash, token.name, NullIfEmpty(token.municipality_code),
                          std::string(domain::RoleName(token.role)), NullIfEmpty(token.created_by), now});
    if (!rows.ok()) return rows.status();
    token.id = rows->front().Int(0);
    nlohmann::json after = {{"id", token.id}, {"name", token.name}, {"role", domain::RoleName(token.role)}};
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, token.municipality_code, "api_token.create",
                                        "api_token", std::to_string(token.id), std::nullopt, after.dump(),
                                        now));
    return token;
  });
}

Result<domain::ApiToken> AccountStore::LookupApiToken(const std::string& token_hash) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kApiTokenByHash, {token_hash});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no such token");
  return ApiTokenFromRow(rows->front());
}

Result<std::vector<domain::ApiToken>> AccountStore::ListApiTokens(const domain::MunicipalityScope& scope) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kApiTokens, {scope.code()});
  if (!rows.ok()) return rows.status();
  std::vector<domain::ApiToken> tokens;
  for (const auto& row : *rows) tokens.push_back(ApiTokenFromRow(row));
  return tokens;
}

Status AccountStore::RevokeApiToken(const domain::Actor& actor, const domain::MunicipalityScope& scope,
                                    int64_t id) {
  const std::string now = Now();
  return InWriteTransaction<bool>(
             database_,
             [&](Connection& connection) -> Result<bool> {
               auto rows = connection.Query(kApiTokenById, {id, scope.code()});
               if (!rows.ok()) return rows.status();
               if (rows->empty()) return NotFound("no such token in this municipality");
               auto revoked = connection.Execute(kRevokeApiToken, {now, id, scope.code()});
               if (!revoked.ok()) return revoked.status();
               if (*revoked == 0) return true;  // already revoked: nothing changes
               SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "api_token.revoke",
                                                   "api_token", std::to_string(id), std::nullopt,
                                                   std::nullopt, now));
               return true;
             })
      .status();
}

Status AccountStore::NoteApiTokenUse(int64_t id, const std::string& now) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return (*lease)->Execute(kUseApiToken, {now, id}).status();
}

Result<int64_t> AccountStore::RecentFailures(const std::string& subject, const std::string& window_start) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kFailures, {subject, window_start});
  if (!rows.ok()) return rows.status();
  return rows->empty() ? 0 : rows->front().Int(0);
}

Status AccountStore::RecordFailure(const std::string& subject, const std::string& now,
                                   const std::string& window_start) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return (*lease)->Execute(kAddFailure, {subject, now, window_start, window_start, now}).status();
}

Status AccountStore::ClearFailures(const std::string& subject) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return (*lease)->Execute(kClearFailures, {subject}).status();
}

Status AccountStore::RecordConsent(const domain::Actor& actor, int64_t user_id, const std::string& purpose,
                                   const std::string& text_version) {
  const std::string now = Now();
  return InWriteTransaction<bool>(
             database_,
             [&](Connection& connection) -> Result<bool> {
               auto inserted = connection.Execute(kInsertConsent, {user_id, purpose, text_version, now});
               if (!inserted.ok()) return inserted.status();
               nlohmann::json after = {{"purpose", purpose}, {"text_version", text_version}};
               SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, "", "consent.give", "user",
                                                   std::to_string(user_id), std::nullopt, after.dump(), now));
               return true;
             })
      .status();
}

Result<std::vector<domain::Consent>> AccountStore::ConsentsOf(int64_t user_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kConsents, {user_id});
  if (!rows.ok()) return rows.status();
  std::vector<domain::Consent> consents;
  for (const auto& row : *rows) {
    consents.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.OptionalText(4)});
  }
  return consents;
}

Result<int64_t> AccountStore::CreateOrganisation(const domain::Actor& actor, const std::string& name,
                                                 const std::string& kind) {
  const std::string now = Now();
  return InWriteTransaction<int64_t>(database_, [&](Connection& connection) -> Result<int64_t> {
    auto rows = connection.Query(kInsertOrganisation, {name, kind, text::FoldCase(name), now, now});
    if (!rows.ok()) return rows.status();
    const int64_t id = rows->front().Int(0);
    nlohmann::json after = {{"id", id}, {"name", name}, {"kind", kind}};
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, "", "organisation.create", "organisation",
                                        std::to_string(id), std::nullopt, after.dump(), now));
    return id;
  });
}

Result<std::string> AccountStore::OrganisationName(int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kOrganisationName, {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no such organisation");
  return rows->front().Text(0);
}

Status AccountStore::Changed(int64_t user_id, Status status) const {
  if (status.ok() && user_id > 0 && user_changed_) user_changed_(user_id);
  return status;
}

Result<int64_t> AccountStore::ChangedUser(Result<int64_t> user_id) const {
  if (user_id.ok()) (void)Changed(*user_id, Status::Ok());
  return user_id;
}

Result<std::string> AccountStore::InstanceSecret(const std::string& name,
                                                 const std::function<std::string()>& make_secret) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSecret, {name});
  if (!rows.ok()) return rows.status();
  if (!rows->empty()) return rows->front().Text(0);
  // Two instances starting at once: the first insert wins and both read it back.
  auto inserted = (*lease)->Execute(kInsertSecret, {name, make_secret(), Now()});
  if (!inserted.ok()) return inserted.status();
  rows = (*lease)->Query(kSecret, {name});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Internal("instance secret vanished");
  return rows->front().Text(0);
}

}  // namespace samskab::storage
