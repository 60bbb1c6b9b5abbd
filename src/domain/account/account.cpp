#include "domain/account/account.h"

#include <algorithm>

#include "core/text.h"

namespace samskab::domain {

Status NormaliseEmail(std::string& email) {
  email = text::ToLower(text::Trim(email));
  if (email.empty()) return InvalidArgument("email is empty", "validation.required");
  if (email.size() > kMaxEmailLength) return InvalidArgument("email is too long", "validation.too_long");
  if (!LooksLikeEmail(email)) return InvalidArgument("not an e-mail address", "validation.email");
  return Status::Ok();
}

Status NormaliseDisplayName(std::string& name) {
  name = std::string(text::Trim(name));
  if (name.empty()) return InvalidArgument("name is empty", "validation.required");
  if (CharacterCount(name) > kMaxDisplayNameLength)
    return InvalidArgument("name too long", "validation.too_long");
  if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
    return InvalidArgument("control characters in name", "validation.required");
  return Status::Ok();
}

std::string_view TokenPurposeName(TokenPurpose purpose) {
  switch (purpose) {
    case TokenPurpose::kVerifyEmail:
      return "verify_email";
    case TokenPurpose::kResetPassword:
      return "reset_password";
    case TokenPurpose::kInvitation:
      return "invitation";
  }
  return "";
}

bool RoleAllowedForToken(Role role) {
  return role == Role::kPlatformAdmin || role == Role::kMunicipalAdmin || role == Role::kMunicipalEmployee;
}

}  // namespace samskab::domain
