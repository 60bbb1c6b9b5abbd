// Accounts: people who log in, the one-time links sent to them, API tokens and consents.
// Plain types and the rules on their fields; storage is in storage/account_store.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/access/access.h"
#include "domain/inquiry/inquiry.h"  // LooksLikeEmail, CharacterCount, kMaxEmailLength

namespace samskab::domain {

struct User {
  int64_t id = 0;
  std::string email;  // lower-case
  std::string display_name;
  std::string password_hash;
  std::optional<std::string> email_verified_at;
  std::string created_at;
  std::optional<std::string> erased_at;
  int64_t revision = 1;
};

inline constexpr size_t kMaxDisplayNameLength = 200;

// Trims and lower-cases an e-mail address and checks its form; kInvalidArgument with
// "validation.required", "validation.too_long" or "validation.email".
Status NormaliseEmail(std::string& email);
// Trims a display name; 1-200 characters, no control characters.
Status NormaliseDisplayName(std::string& name);

enum class TokenPurpose { kVerifyEmail, kResetPassword, kInvitation };
std::string_view TokenPurposeName(TokenPurpose purpose);

// What an invitation grants when accepted.
struct Invitation {
  std::string email;
  Grant grant;
  std::optional<int64_t> invited_by;
  std::string expires_at;
};

// A one-time token as stored (the secret itself is never stored, only its hash).
struct OneTimeToken {
  std::string token_hash;
  TokenPurpose purpose = TokenPurpose::kVerifyEmail;
  std::string email;
  std::optional<int64_t> user_id;
  std::optional<Grant> grant;  // invitations
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> used_at;
};

struct ApiToken {
  int64_t id = 0;
  std::string name;
  std::string municipality_code;  // empty for platform_admin tokens
  Role role = Role::kMunicipalEmployee;
  std::optional<int64_t> created_by;
  std::string created_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
};
// Tokens can carry these roles only: people's roles (organisation, volunteer) need a person.
bool RoleAllowedForToken(Role role);

struct Consent {
  int64_t id = 0;
  std::string purpose;       // "privacy_notice", "volunteer_profile", …
  std::string text_version;  // the version of the text the person saw, "2026-11"
  std::string given_at;
  std::optional<std::string> withdrawn_at;
};

struct OutboxMessage {
  int64_t id = 0;
  std::string recipient;
  std::string subject;
  std::string body;
  std::string created_at;
  std::optional<std::string> sent_at;
};

}  // namespace samskab::domain
