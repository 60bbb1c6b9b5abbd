// Authentication: who is calling. A request carries a session cookie (people in the browser) or
// `Authorization: Bearer <token>` (integrations), or nothing (the public).
//
// Session cookie: `<token>.<mac>`, where the token is 32 random bytes and the mac a keyed
// BLAKE2b of it under the installation's secret (stored in the database, so every instance
// behind a load balancer shares it). A cookie signed by another installation fails the mac and
// costs no database lookup. The database stores only a hash of the token, so a copy of the
// database logs nobody in. Forms of a logged-in user carry a CSRF token derived from the session.
//
// Login: argon2id (on its own pool), throttled per account and per client address, with the
// same answer and the same work for an unknown e-mail as for a wrong password.
//
// A logged-in request would otherwise cost a database round trip for the session, its user and
// roles; the principal is kept in memory for `session_cache` (1 s) after it was read. This
// instance forgets a person's entries at once when their account, roles or sessions change here
// (AccountStore::OnUserChanged); a change made through another instance takes effect here within
// that second. Expiry and idle time are checked against the clock on every request.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"
#include "core/password.h"
#include "domain/access/access.h"
#include "http/message.h"
#include "storage/account_store.h"

namespace samskab::auth {

inline constexpr std::string_view kSessionCookie = "samskab_session";

struct AuthOptions {
  std::string secret;  // the installation's signing key
  std::chrono::seconds session_lifetime = std::chrono::hours(12);
  std::chrono::seconds idle_timeout = std::chrono::hours(2);
  password::Limits password_limits = password::Interactive();
  bool secure_cookies = false;                    // add `Secure` (served over TLS)
  std::chrono::milliseconds session_cache{1000};  // how long a read session is reused; 0: never
  int max_failures_per_account = 5;               // within `failure_window`
  int max_failures_per_address = 30;
  std::chrono::seconds failure_window = std::chrono::minutes(15);
};

struct LoginResult {
  std::shared_ptr<const domain::Principal> principal;
  std::string set_cookie;  // the new session cookie (a new token at every login: no fixation)
};

class Authenticator {
 public:
  Authenticator(storage::AccountStore& accounts, const Clock& clock, AuthOptions options);

  // The principal for the request's credentials; the public when there are none or they are not
  // valid (expired, revoked, signed by another installation). A broken Bearer token is an error
  // (kUnauthenticated), since an integration must learn that its token does not work.
  Result<std::shared_ptr<const domain::Principal>> Authenticate(const http::Request& request);

  // Checks e-mail and password and opens a session. kUnauthenticated "auth.error.credentials"
  // for an unknown e-mail and a wrong password alike; kTooManyRequests "auth.error.throttled".
  Result<LoginResult> Login(const std::string& email, const std::string& password,
                            const std::string& client_address);
  // The password check of Login() without a new session: for a logged-in person who confirms
  // their current password (changing it). Throttled and counted like a login. The user's id.
  Result<int64_t> CheckPassword(const std::string& email, const std::string& password,
                                const std::string& client_address);
  // Ends this session; the returned header clears the cookie.
  std::string Logout(const domain::Principal& principal);
  // Ends every session of the user (all devices, all instances).
  Status LogoutEverywhere(int64_t user_id);
  // Opens a session for a user who just proved who they are some other way (accepted an invitation).
  Result<LoginResult> OpenSession(int64_t user_id);

  // Drops what this instance remembers of the user's sessions (their account changed).
  void ForgetUser(int64_t user_id);

  // Hashes a new password with the configured limits (for reset, invitation, CLI).
  Result<std::string> HashPassword(std::string_view password) const;
  // The stored form of a secret token (sessions, one-time links, API tokens).
  static std::string TokenHash(std::string_view token);
  std::string ClearCookie() const;
  const AuthOptions& options() const { return options_; }

 private:
  Result<std::shared_ptr<const domain::Principal>> FromSession(std::string_view cookie);
  Result<std::shared_ptr<const domain::Principal>> FromBearer(std::string_view token);
  std::shared_ptr<const domain::Principal> PrincipalOf(const storage::UserWithGrants& user,
                                                       const std::string& session_hash) const;
  std::string Cookie(const std::string& value, std::chrono::seconds max_age) const;
  Status CheckThrottle(const std::string& account_subject, const std::string& address_subject,
                       const std::string& window_start);

  const std::string& DummyHash();

  // A session read from the database, reused for options_.session_cache.
  struct CachedSession {
    std::shared_ptr<const domain::Principal> principal;
    std::string expires_at;
    std::string last_seen_at;
    std::chrono::steady_clock::time_point read_at;
  };
  std::shared_ptr<const domain::Principal> CachedPrincipal(const std::string& hash, const std::string& now,
                                                           const std::string& idle_since);
  void Remember(const std::string& hash, CachedSession entry);
  void Forget(const std::string& hash);

  storage::AccountStore& accounts_;
  const Clock& clock_;
  AuthOptions options_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified against for unknown e-mails, so both take the same time
  std::shared_ptr<const domain::Principal> public_;
  std::mutex cache_mutex_;
  std::unordered_map<std::string, CachedSession> cache_;  // by session token hash
};

}  // namespace samskab::auth
