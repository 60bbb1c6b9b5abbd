#include "auth/accounts.h"

#include <fmt/format.h>

#include "core/random.h"
#include "core/replace.h"

namespace samskab::auth {
namespace {

constexpr std::string_view kApiTokenPrefix = "smk_";

nlohmann::json Nullable(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

AccountService::AccountService(storage::AccountStore& accounts, storage::AuditStore& audit,
                               Authenticator& authenticator, const Clock& clock, Translate translate,
                               LinkOptions options)
    : accounts_(accounts),
      audit_(audit),
      authenticator_(authenticator),
      clock_(clock),
      translate_(std::move(translate)),
      options_(std::move(options)) {}

Result<std::string> AccountService::IssueToken(domain::OneTimeToken token, std::chrono::seconds lifetime) {
  const std::string secret = RandomHex(32);
  const auto now = clock_.Now();
  token.token_hash = Authenticator::TokenHash(secret);
  token.created_at = FormatUtc(now);
  token.expires_at = FormatUtc(now + lifetime);
  SAMSKAB_RETURN_IF_ERROR(accounts_.CreateOneTimeToken(token));
  return secret;
}

Status AccountService::Mail(const std::string& recipient, std::string_view lang, std::string_view kind,
                            const std::string& link, const std::string& name) {
  domain::OutboxMessage message;
  message.recipient = recipient;
  message.subject = translate_(lang, fmt::format("mail.{}.subject", kind));
  message.body = translate_(lang, fmt::format("mail.{}.body", kind));
  message.body = text::ReplaceAll(text::ReplaceAll(std::move(message.body), "{link}", link), "{name}", name);
  message.created_at = FormatUtc(clock_.Now());
  return accounts_.Enqueue(message);
}

Result<std::string> AccountService::Invite(const domain::Actor& actor, std::string email,
                                           const domain::Grant& grant, std::string_view lang) {
  SAMSKAB_RETURN_IF_ERROR(domain::NormaliseEmail(email));
  if (grant.role == domain::Role::kPlatformAdmin || grant.role == domain::Role::kVolunteer)
    return InvalidArgument("invitations are for staff and organisation members", "account.error.scope");
  domain::OneTimeToken token;
  token.purpose = domain::TokenPurpose::kInvitation;
  token.email = email;
  token.grant = grant;
  auto secret = IssueToken(token, options_.invitation_lifetime);
  if (!secret.ok()) return secret;
  SAMSKAB_RETURN_IF_ERROR(
      Mail(email, lang, "invitation", fmt::format("{}/invitation/{}", options_.public_url, *secret), email));
  (void)actor;  // the invitation's audit entry is the role grant made when it is accepted
  return secret;
}

Result<domain::OneTimeToken> AccountService::PeekInvitation(std::string_view token) {
  return accounts_.PeekOneTimeToken(Authenticator::TokenHash(token), domain::TokenPurpose::kInvitation,
                                    FormatUtc(clock_.Now()));
}

Result<LoginResult> AccountService::AcceptInvitation(const domain::Actor& actor, std::string_view token,
                                                     std::string display_name, std::string_view password) {
  auto invitation = PeekInvitation(token);
  if (!invitation.ok()) return invitation.status();
  std::optional<domain::User> new_user;
  auto existing = accounts_.FindByEmail(invitation->email);
  if (!existing.ok()) {
    if (existing.status().code() != ErrorCode::kNotFound) return existing.status();
    // Check the new account's fields before the link is used up.
    SAMSKAB_RETURN_IF_ERROR(domain::NormaliseDisplayName(display_name));
    auto hash = authenticator_.HashPassword(password);
    if (!hash.ok()) return hash.status();
    new_user = domain::User{};
    new_user->display_name = display_name;
    new_user->password_hash = *hash;
  }
  auto user_id = accounts_.AcceptInvitation(actor, Authenticator::TokenHash(token), new_user);
  if (!user_id.ok()) return user_id.status();
  return authenticator_.OpenSession(*user_id);
}

Status AccountService::RequestPasswordReset(std::string email, std::string_view lang) {
  SAMSKAB_RETURN_IF_ERROR(domain::NormaliseEmail(email));
  auto user = accounts_.FindByEmail(email);
  if (!user.ok()) {
    // No account: the answer is the same, and nothing is sent.
    return user.status().code() == ErrorCode::kNotFound ? Status::Ok() : user.status();
  }
  domain::OneTimeToken token;
  token.purpose = domain::TokenPurpose::kResetPassword;
  token.email = email;
  token.user_id = user->user.id;
  auto secret = IssueToken(token, options_.reset_lifetime);
  if (!secret.ok()) return secret.status();
  return Mail(email, lang, "reset", fmt::format("{}/reset/{}", options_.public_url, *secret),
              user->user.display_name);
}

Status AccountService::ResetPassword(const domain::Actor& actor, std::string_view token,
                                     std::string_view new_password) {
  auto hash = authenticator_.HashPassword(new_password);
  if (!hash.ok()) return hash.status();
  return accounts_.ResetPassword(actor, Authenticator::TokenHash(token), *hash).status();
}

Status AccountService::SendVerification(const domain::Principal& principal, std::string_view lang) {
  if (principal.kind != domain::Principal::Kind::kUser)
    return Status(ErrorCode::kPermissionDenied, "not a user");
  if (principal.email_verified) return Status::Ok();
  domain::OneTimeToken token;
  token.purpose = domain::TokenPurpose::kVerifyEmail;
  token.email = principal.email;
  token.user_id = principal.user_id;
  auto secret = IssueToken(token, options_.verification_lifetime);
  if (!secret.ok()) return secret.status();
  return Mail(principal.email, lang, "verify", fmt::format("{}/verify/{}", options_.public_url, *secret),
              principal.display_name);
}

Status AccountService::VerifyEmail(const domain::Actor& actor, std::string_view token) {
  return accounts_.VerifyEmail(actor, Authenticator::TokenHash(token)).status();
}

Status AccountService::ChangePassword(const domain::Actor& actor, const domain::Principal& principal,
                                      const std::string& current, std::string_view replacement,
                                      const std::string& client_address) {
  auto checked = authenticator_.CheckPassword(principal.email, current, client_address);
  if (!checked.ok()) {
    const ErrorCode code = checked.status().code();
    if (code == ErrorCode::kUnauthenticated || code == ErrorCode::kInvalidArgument)
      return InvalidArgument("current password wrong", "account.error.current_password");
    return checked.status();  // kTooManyRequests: the throttle's own message
  }
  if (*checked != principal.user_id) return Status(ErrorCode::kPermissionDenied, "not the same account");
  auto hash = authenticator_.HashPassword(replacement);
  if (!hash.ok()) return hash.status();
  SAMSKAB_RETURN_IF_ERROR(accounts_.SetPasswordHash(actor, principal.user_id, *hash));
  // Other devices must log in again with the new password; this session stays.
  auto sessions = accounts_.SessionsOf(principal.user_id);
  if (!sessions.ok()) return sessions.status();
  for (const auto& session : *sessions) {
    if (session.token_hash != principal.session_hash)
      SAMSKAB_RETURN_IF_ERROR(accounts_.DeleteSession(session.token_hash));
  }
  return Status::Ok();
}

Result<nlohmann::json> AccountService::ExportData(int64_t user_id) {
  auto user = accounts_.GetUser(user_id);
  if (!user.ok()) return user.status();
  auto consents = accounts_.ConsentsOf(user_id);
  if (!consents.ok()) return consents.status();
  auto sessions = accounts_.SessionsOf(user_id);
  if (!sessions.ok()) return sessions.status();
  auto audit = audit_.ListForUser(user_id);
  if (!audit.ok()) return audit.status();

  nlohmann::json out = nlohmann::json::parse(storage::UserSnapshot(user->user));
  out["exported_at"] = FormatUtc(clock_.Now());
  auto& roles = out["roles"] = nlohmann::json::array();
  for (const auto& grant : user->grants)
    roles.push_back(nlohmann::json::parse(storage::GrantSnapshot(grant)));
  auto& consent_list = out["consents"] = nlohmann::json::array();
  for (const auto& consent : *consents) {
    consent_list.push_back({{"purpose", consent.purpose},
                            {"text_version", consent.text_version},
                            {"given_at", consent.given_at},
                            {"withdrawn_at", Nullable(consent.withdrawn_at)}});
  }
  auto& session_list = out["sessions"] = nlohmann::json::array();
  for (const auto& session : *sessions) {
    session_list.push_back({{"created_at", session.created_at},
                            {"last_seen_at", session.last_seen_at},
                            {"expires_at", session.expires_at}});
  }
  auto& activity = out["activity"] = nlohmann::json::array();
  for (const auto& entry : *audit) {
    activity.push_back({{"at", entry.at},
                        {"action", entry.action},
                        {"entity", entry.entity},
                        {"entity_id", entry.entity_id},
                        {"municipality_code", entry.municipality_code}});
  }
  for (const auto& [name, read] : export_parts_) {
    auto part = read(user_id);
    if (!part.ok()) return part.status();
    out[name] = std::move(*part);
  }
  return out;
}

void AccountService::AddExportPart(std::string name, ExportPart read) {
  export_parts_.emplace_back(std::move(name), std::move(read));
}

Status AccountService::Erase(const domain::Actor& actor, int64_t user_id) {
  return accounts_.Erase(actor, user_id);
}

Result<domain::User> AccountService::AddUser(const domain::Actor& actor, std::string email,
                                             std::string display_name, std::string_view password,
                                             const domain::Grant& grant) {
  auto hash = authenticator_.HashPassword(password);
  if (!hash.ok()) return hash.status();
  domain::User user;
  user.email = std::move(email);
  user.display_name = std::move(display_name);
  user.password_hash = *hash;
  user.email_verified_at = FormatUtc(clock_.Now());
  return accounts_.CreateUser(actor, user, {grant});
}

Result<CreatedToken> AccountService::CreateApiToken(const domain::Actor& actor, domain::ApiToken token) {
  const std::string secret = std::string(kApiTokenPrefix) + RandomHex(32);
  auto created = accounts_.CreateApiToken(actor, std::move(token), Authenticator::TokenHash(secret));
  if (!created.ok()) return created.status();
  return CreatedToken{*created, secret};
}

}  // namespace samskab::auth
