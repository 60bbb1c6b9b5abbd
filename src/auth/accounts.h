// Account workflows that span several steps: invitations, e-mail verification, password reset,
// the person's data export and erasure, API tokens. Links go out through the outbox in the
// recipient's language; only hashes of their tokens are stored. Answers never reveal whether an
// e-mail address has an account.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/authenticator.h"
#include "storage/account_store.h"
#include "storage/audit_store.h"

namespace samskab::auth {

struct LinkOptions {
  std::string public_url = "http://localhost:8080";  // where links in e-mails point
  std::chrono::seconds invitation_lifetime = std::chrono::hours(24 * 7);
  std::chrono::seconds reset_lifetime = std::chrono::hours(1);
  std::chrono::seconds verification_lifetime = std::chrono::hours(48);
};

// A catalog lookup: (language, key) -> text. Mail text has `{link}` and `{name}` placeholders.
using Translate = std::function<std::string(std::string_view lang, std::string_view key)>;

struct CreatedToken {
  domain::ApiToken token;
  std::string secret;  // shown once, never stored
};

class AccountService {
 public:
  AccountService(storage::AccountStore& accounts, storage::AuditStore& audit, Authenticator& authenticator,
                 const Clock& clock, Translate translate, LinkOptions options);

  // Sends an invitation to `email` for `grant`. Returns the link's token (tests and the CLI
  // use it; pages never show it).
  Result<std::string> Invite(const domain::Actor& actor, std::string email, const domain::Grant& grant,
                             std::string_view lang);
  Result<domain::OneTimeToken> PeekInvitation(std::string_view token);
  // Accepts: an existing account gets the role; otherwise a new account with this name and
  // password. The caller is logged in afterwards.
  Result<LoginResult> AcceptInvitation(const domain::Actor& actor, std::string_view token,
                                       std::string display_name, std::string_view password);

  // Always succeeds from the caller's point of view; mails a link only when the account exists.
  Status RequestPasswordReset(std::string email, std::string_view lang);
  Status ResetPassword(const domain::Actor& actor, std::string_view token, std::string_view new_password);
  Status SendVerification(const domain::Principal& principal, std::string_view lang);
  Status VerifyEmail(const domain::Actor& actor, std::string_view token);
  // Changes the password of a logged-in user who knows the current one; ends their other sessions.
  // Wrong current passwords count towards the login throttle, so a stolen session cannot be
  // used to guess the password.
  Status ChangePassword(const domain::Actor& actor, const domain::Principal& principal,
                        const std::string& current, std::string_view replacement,
                        const std::string& client_address);

  // Everything the platform holds about the person, as JSON (GDPR art. 15 and 20).
  Result<nlohmann::json> ExportData(int64_t user_id);
  // A part of that export kept by another module (the volunteer profile, the applications):
  // `read` gives the part's JSON for a user, and the export carries it under `name`. Added while
  // the App is built, before requests are served.
  using ExportPart = std::function<Result<nlohmann::json>(int64_t user_id)>;
  void AddExportPart(std::string name, ExportPart read);
  Status Erase(const domain::Actor& actor, int64_t user_id);

  // `samskab user add`: an account with a password and one role, e-mail counted as verified.
  Result<domain::User> AddUser(const domain::Actor& actor, std::string email, std::string display_name,
                               std::string_view password, const domain::Grant& grant);
  // A new API token; the secret is returned once.
  Result<CreatedToken> CreateApiToken(const domain::Actor& actor, domain::ApiToken token);

 private:
  Result<std::string> IssueToken(domain::OneTimeToken token, std::chrono::seconds lifetime);
  Status Mail(const std::string& recipient, std::string_view lang, std::string_view kind,
              const std::string& link, const std::string& name);

  storage::AccountStore& accounts_;
  storage::AuditStore& audit_;
  Authenticator& authenticator_;
  const Clock& clock_;
  Translate translate_;
  LinkOptions options_;
  std::vector<std::pair<std::string, ExportPart>> export_parts_;
};

}  // namespace samskab::auth
