// Accounts on the storage seam: users and their role grants, sessions, one-time tokens, the
// outbox, API tokens, login throttling records, consents, instance secrets, and erasure. The
// same SQL serves SQLite and PostgreSQL. Secrets are stored only as hashes (callers hash).
// Changes to people and roles are written to the audit log in the same transaction.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/account/account.h"
#include "domain/audit/audit.h"
#include "domain/unit/unit.h"
#include "storage/database.h"

namespace samskab::storage {

// A user with their roles, as a session or the login needs them.
struct UserWithGrants {
  domain::User user;
  std::vector<domain::Grant> grants;
};

// A holder of a role in a scope (a municipality's staff, an organisation's members): one row per
// role grant there.
struct StaffGrant {
  int64_t grant_id = 0;
  int64_t user_id = 0;
  std::string email;
  std::string display_name;
  domain::Role role = domain::Role::kMunicipalEmployee;
  std::optional<int64_t> unit_id;
};

struct SessionRecord {
  std::string token_hash;
  int64_t user_id = 0;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;
};

class AccountStore {
 public:
  AccountStore(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  // --- users and roles ---
  // kAlreadyExists when the e-mail is taken. Grants are checked against their scopes (a unit
  // must be in the grant's municipality).
  Result<domain::User> CreateUser(const domain::Actor& actor, domain::User user,
                                  const std::vector<domain::Grant>& grants);
  Result<UserWithGrants> FindByEmail(const std::string& email);
  Result<UserWithGrants> GetUser(int64_t id);
  Status AddGrant(const domain::Actor& actor, int64_t user_id, const domain::Grant& grant);
  // Removes a municipal role grant of the scope's municipality (staff page).
  Status RemoveStaffGrant(const domain::Actor& actor, const domain::MunicipalityScope& scope,
                          int64_t grant_id);
  Result<std::vector<StaffGrant>> ListStaff(const domain::MunicipalityScope& scope);
  // The people holding a role in the organisation (admins and members).
  Result<std::vector<StaffGrant>> ListOrganisationMembers(int64_t organisation_id);
  Status SetPasswordHash(const domain::Actor& actor, int64_t user_id, const std::string& hash);
  // Anonymises the person: e-mail, name and password go, roles, sessions, tokens and consents
  // are removed; the row stays so that statistics keep counting. Their contact-form messages
  // are deleted and their personal values are removed from audit snapshots about them.
  Status Erase(const domain::Actor& actor, int64_t user_id);

  // --- sessions ---
  Status CreateSession(const SessionRecord& session);
  // The session's user and roles when the session exists, has not expired and the user is not
  // erased; kNotFound otherwise.
  Result<std::pair<SessionRecord, UserWithGrants>> LookupSession(const std::string& token_hash,
                                                                 const std::string& now);
  Status TouchSession(const std::string& token_hash, const std::string& now);
  Status DeleteSession(const std::string& token_hash);
  Result<int64_t> DeleteSessionsOf(int64_t user_id);
  Result<std::vector<SessionRecord>> SessionsOf(int64_t user_id);

  // --- one-time tokens (verification, reset, invitation) ---
  Status CreateOneTimeToken(const domain::OneTimeToken& token);
  // The token if it exists, is of `purpose`, unused and unexpired; kNotFound otherwise.
  Result<domain::OneTimeToken> PeekOneTimeToken(const std::string& token_hash, domain::TokenPurpose purpose,
                                                const std::string& now);
  // Like Peek, and marks it used in the same statement: of two concurrent uses one wins.
  Result<domain::OneTimeToken> ConsumeOneTimeToken(Connection& connection, const std::string& token_hash,
                                                   domain::TokenPurpose purpose, const std::string& now);
  Result<std::vector<domain::OneTimeToken>> PendingInvitations(const domain::MunicipalityScope& scope,
                                                               const std::string& now);

  // Uses an invitation: adds its role to the account with the invited e-mail, or creates that
  // account from `new_user` (name and password hash) when there is none. One transaction: the
  // link is used exactly once. Returns the user id; kNotFound "account.error.link_invalid" for an
  // unknown, used or expired link; kInvalidArgument when a new account is needed and none given.
  Result<int64_t> AcceptInvitation(const domain::Actor& actor, const std::string& token_hash,
                                   const std::optional<domain::User>& new_user);
  // Uses a reset link: sets the password and ends every session of the user.
  Result<int64_t> ResetPassword(const domain::Actor& actor, const std::string& token_hash,
                                const std::string& password_hash);
  // Uses a verification link.
  Result<int64_t> VerifyEmail(const domain::Actor& actor, const std::string& token_hash);

  // --- outbox ---
  Status Enqueue(Connection& connection, const domain::OutboxMessage& message);
  Status Enqueue(const domain::OutboxMessage& message);
  Result<std::vector<domain::OutboxMessage>> ListOutbox(int limit);

  // --- API tokens ---
  Result<domain::ApiToken> CreateApiToken(const domain::Actor& actor, domain::ApiToken token,
                                          const std::string& token_hash);
  // Active (not revoked) token by hash; kNotFound otherwise.
  Result<domain::ApiToken> LookupApiToken(const std::string& token_hash);
  Result<std::vector<domain::ApiToken>> ListApiTokens(const domain::MunicipalityScope& scope);
  Status RevokeApiToken(const domain::Actor& actor, const domain::MunicipalityScope& scope, int64_t id);
  Status NoteApiTokenUse(int64_t id, const std::string& now);

  // --- login throttling ---
  // Failures recorded for `subject` since `window_start` (older windows count as none).
  Result<int64_t> RecentFailures(const std::string& subject, const std::string& window_start);
  Status RecordFailure(const std::string& subject, const std::string& now, const std::string& window_start);
  Status ClearFailures(const std::string& subject);

  // --- consents ---
  Status RecordConsent(const domain::Actor& actor, int64_t user_id, const std::string& purpose,
                       const std::string& text_version);
  Result<std::vector<domain::Consent>> ConsentsOf(int64_t user_id);

  // --- organisations (minimal until issue 4) ---
  Result<int64_t> CreateOrganisation(const domain::Actor& actor, const std::string& name,
                                     const std::string& kind);
  Result<std::string> OrganisationName(int64_t id);

  // --- instance secrets ---
  // The named secret; created from `make_secret` the first time (all instances then share it).
  Result<std::string> InstanceSecret(const std::string& name,
                                     const std::function<std::string()>& make_secret);

  Database& database() { return database_; }

  // Called after every committed change to a person's account, roles or sessions (so that an
  // in-process cache of logged-in principals can forget them). Set once, before serving.
  void OnUserChanged(std::function<void(int64_t user_id)> listener) { user_changed_ = std::move(listener); }

 private:
  std::string Now() const { return FormatUtc(clock_.Now()); }
  // Tell the listener about `user_id` when `status` is ok; returns `status`.
  Status Changed(int64_t user_id, Status status) const;
  Result<int64_t> ChangedUser(Result<int64_t> user_id) const;
  std::function<void(int64_t)> user_changed_;
  Database& database_;
  const Clock& clock_;
};

// JSON of a user for the audit log and the data export (never the password hash).
std::string UserSnapshot(const domain::User& user);
std::string GrantSnapshot(const domain::Grant& grant);

}  // namespace samskab::storage
