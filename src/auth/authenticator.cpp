#include "auth/authenticator.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/random.h"
#include "core/text.h"

namespace samskab::auth {
namespace {

constexpr std::string_view kBearer = "Bearer ";
constexpr size_t kTokenHexLength = 64;
// How often a session's last_seen_at is written: not on every request, which would make every
// logged-in page a database write.
constexpr auto kTouchInterval = std::chrono::seconds(60);

bool IsHex(std::string_view s, size_t size) {
  return s.size() == size && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

// At most this many sessions are remembered; beyond it the cache starts afresh.
constexpr size_t kMaxCachedSessions = 10000;

Authenticator::Authenticator(storage::AccountStore& accounts, const Clock& clock, AuthOptions options)
    : accounts_(accounts), clock_(clock), options_(std::move(options)) {
  public_ = std::make_shared<const domain::Principal>();
}

const std::string& Authenticator::DummyHash() {
  // Made at the first login attempt, not at start-up (it costs as much as a login).
  std::call_once(dummy_once_, [this] {
    auto dummy = password::Hash(RandomHex(16), options_.password_limits);
    dummy_hash_ = dummy.ok() ? *dummy : std::string();
  });
  return dummy_hash_;
}

std::shared_ptr<const domain::Principal> Authenticator::CachedPrincipal(const std::string& hash,
                                                                        const std::string& now,
                                                                        const std::string& idle_since) {
  if (options_.session_cache.count() <= 0) return nullptr;
  std::lock_guard lock(cache_mutex_);
  auto found = cache_.find(hash);
  if (found == cache_.end()) return nullptr;
  const CachedSession& entry = found->second;
  const bool fresh = std::chrono::steady_clock::now() - entry.read_at < options_.session_cache;
  // Expired or idle sessions are looked up again (and ended there); so are stale entries.
  if (!fresh || entry.expires_at <= now || entry.last_seen_at < idle_since) {
    cache_.erase(found);
    return nullptr;
  }
  return entry.principal;
}

void Authenticator::Remember(const std::string& hash, CachedSession entry) {
  if (options_.session_cache.count() <= 0) return;
  std::lock_guard lock(cache_mutex_);
  if (cache_.size() >= kMaxCachedSessions) cache_.clear();
  cache_[hash] = std::move(entry);
}

void Authenticator::Forget(const std::string& hash) {
  std::lock_guard lock(cache_mutex_);
  cache_.erase(hash);
}

void Authenticator::ForgetUser(int64_t user_id) {
  std::lock_guard lock(cache_mutex_);
  std::erase_if(cache_, [user_id](const auto& item) { return item.second.principal->user_id == user_id; });
}

std::string Authenticator::TokenHash(std::string_view token) { return ContentHash(token, 64); }

Result<std::string> Authenticator::HashPassword(std::string_view password) const {
  SAMSKAB_RETURN_IF_ERROR(password::CheckStrength(password));
  return password::Hash(password, options_.password_limits);
}

std::string Authenticator::Cookie(const std::string& value, std::chrono::seconds max_age) const {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}", kSessionCookie, value,
                     max_age.count(), options_.secure_cookies ? "; Secure" : "");
}

std::string Authenticator::ClearCookie() const { return Cookie("", std::chrono::seconds(0)); }

Result<std::shared_ptr<const domain::Principal>> Authenticator::Authenticate(const http::Request& request) {
  const std::string_view authorization = request.headers.Get("Authorization");
  if (!authorization.empty()) {
    if (authorization.substr(0, kBearer.size()) != kBearer)
      return Status(ErrorCode::kUnauthenticated, "unsupported Authorization scheme", "auth.error.bearer");
    return FromBearer(text::Trim(authorization.substr(kBearer.size())));
  }
  const std::string_view cookie = http::CookieValue(request.headers.Get("Cookie"), kSessionCookie);
  if (!cookie.empty()) return FromSession(cookie);
  return public_;
}

std::shared_ptr<const domain::Principal> Authenticator::PrincipalOf(const storage::UserWithGrants& user,
                                                                    const std::string& session_hash) const {
  auto principal = std::make_shared<domain::Principal>();
  principal->kind = domain::Principal::Kind::kUser;
  principal->user_id = user.user.id;
  principal->email = user.user.email;
  principal->display_name = user.user.display_name;
  principal->email_verified = user.user.email_verified_at.has_value();
  principal->grants = user.grants;
  principal->session_hash = session_hash;
  principal->csrf_token = KeyedHash(options_.secret, "csrf:" + session_hash);
  return principal;
}

Result<std::shared_ptr<const domain::Principal>> Authenticator::FromSession(std::string_view cookie) {
  const size_t dot = cookie.find('.');
  if (dot == std::string_view::npos) return public_;
  const std::string_view token = cookie.substr(0, dot);
  const std::string_view mac = cookie.substr(dot + 1);
  // Another installation's cookie, or a forged one, ends here without a database lookup.
  if (!IsHex(token, kTokenHexLength) || !SecureEquals(mac, KeyedHash(options_.secret, token))) return public_;
  const auto now = clock_.Now();
  const std::string hash = TokenHash(token);
  const std::string now_text = FormatUtc(now);
  const std::string idle_since = FormatUtc(now - options_.idle_timeout);
  if (auto cached = CachedPrincipal(hash, now_text, idle_since)) return cached;
  auto found = accounts_.LookupSession(hash, now_text);
  if (!found.ok()) {
    if (found.status().code() == ErrorCode::kNotFound) return public_;
    return found.status();
  }
  const auto& [session, user] = *found;
  if (session.last_seen_at < idle_since) {
    (void)accounts_.DeleteSession(hash);
    return public_;
  }
  std::string last_seen = session.last_seen_at;
  if (last_seen < FormatUtc(now - kTouchInterval)) {
    if (Status touched = accounts_.TouchSession(hash, now_text); touched.ok()) {
      last_seen = now_text;
    } else {
      spdlog::warn("session touch failed: {}", touched.log_message());
    }
  }
  auto principal = PrincipalOf(user, hash);
  Remember(hash, {principal, session.expires_at, last_seen, std::chrono::steady_clock::now()});
  return principal;
}

Result<std::shared_ptr<const domain::Principal>> Authenticator::FromBearer(std::string_view token) {
  auto found = accounts_.LookupApiToken(TokenHash(token));
  if (!found.ok()) {
    if (found.status().code() == ErrorCode::kNotFound)
      return Status(ErrorCode::kUnauthenticated, "unknown or revoked API token", "auth.error.bearer");
    return found.status();
  }
  const auto now = clock_.Now();
  if (!found->last_used_at || *found->last_used_at < FormatUtc(now - kTouchInterval)) {
    (void)accounts_.NoteApiTokenUse(found->id, FormatUtc(now));
  }
  auto principal = std::make_shared<domain::Principal>();
  principal->kind = domain::Principal::Kind::kToken;
  principal->token_id = found->id;
  principal->display_name = found->name;
  principal->grants.push_back({found->role, found->municipality_code, std::nullopt, std::nullopt});
  return std::shared_ptr<const domain::Principal>(std::move(principal));
}

Status Authenticator::CheckThrottle(const std::string& account_subject, const std::string& address_subject,
                                    const std::string& window_start) {
  auto account = accounts_.RecentFailures(account_subject, window_start);
  if (!account.ok()) return account.status();
  auto address = accounts_.RecentFailures(address_subject, window_start);
  if (!address.ok()) return address.status();
  if (*account >= options_.max_failures_per_account || *address >= options_.max_failures_per_address)
    return Status(ErrorCode::kTooManyRequests, "login throttled", "auth.error.throttled");
  return Status::Ok();
}

Result<LoginResult> Authenticator::Login(const std::string& email_input, const std::string& password_input,
                                         const std::string& client_address) {
  auto user_id = CheckPassword(email_input, password_input, client_address);
  if (!user_id.ok()) return user_id.status();
  return OpenSession(*user_id);
}

Result<int64_t> Authenticator::CheckPassword(const std::string& email_input,
                                             const std::string& password_input,
                                             const std::string& client_address) {
  std::string email = email_input;
  SAMSKAB_RETURN_IF_ERROR(domain::NormaliseEmail(email));
  if (password_input.empty()) return InvalidArgument("password empty", "validation.required");
  if (password_input.size() > password::kMaxLength)
    return Status(ErrorCode::kUnauthenticated, "password too long", "auth.error.credentials");
  const auto now = clock_.Now();
  const std::string window_start = FormatUtc(now - options_.failure_window);
  const std::string account_subject = "account:" + email;
  const std::string address_subject = "address:" + client_address;
  SAMSKAB_RETURN_IF_ERROR(CheckThrottle(account_subject, address_subject, window_start));

  auto user = accounts_.FindByEmail(email);
  if (!user.ok() && user.status().code() != ErrorCode::kNotFound) return user.status();
  // The same work for an unknown address as for a known one: timing does not tell them apart.
  const bool known = user.ok() && !user->user.password_hash.empty();
  const bool verified = password::Verify(password_input, known ? user->user.password_hash : DummyHash());
  if (!known || !verified) {
    for (const auto& subject : {account_subject, address_subject}) {
      if (Status recorded = accounts_.RecordFailure(subject, FormatUtc(now), window_start); !recorded.ok())
        return recorded;
    }
    return Status(ErrorCode::kUnauthenticated, "wrong e-mail or password", "auth.error.credentials");
  }
  (void)accounts_.ClearFailures(account_subject);
  if (password::NeedsRehash(user->user.password_hash, options_.password_limits)) {
    auto rehashed = password::Hash(password_input, options_.password_limits);
    if (rehashed.ok()) {
      (void)accounts_.SetPasswordHash(domain::Actor::System("login-rehash", ""), user->user.id, *rehashed);
    }
  }
  return user->user.id;
}

Result<LoginResult> Authenticator::OpenSession(int64_t user_id) {
  auto user = accounts_.GetUser(user_id);
  if (!user.ok()) return user.status();
  const auto now = clock_.Now();
  const std::string token = RandomHex(kTokenHexLength / 2);
  const std::string hash = TokenHash(token);
  storage::SessionRecord session{hash, user_id, FormatUtc(now), FormatUtc(now),
                                 FormatUtc(now + options_.session_lifetime)};
  SAMSKAB_RETURN_IF_ERROR(accounts_.CreateSession(session));
  return LoginResult{PrincipalOf(*user, hash),
                     Cookie(token + "." + KeyedHash(options_.secret, token), options_.session_lifetime)};
}

std::string Authenticator::Logout(const domain::Principal& principal) {
  if (!principal.session_hash.empty()) {
    Forget(principal.session_hash);
    if (Status deleted = accounts_.DeleteSession(principal.session_hash); !deleted.ok())
      spdlog::warn("logout: {}", deleted.log_message());
  }
  return ClearCookie();
}

Status Authenticator::LogoutEverywhere(int64_t user_id) {
  return accounts_.DeleteSessionsOf(user_id).status();
}

}  // namespace samskab::auth
