// The audit trail: every change to tenant data records who, when, from which request, what, and
// the values before and after. Entries are only ever added (see storage/audit_store.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/access/access.h"

namespace samskab::domain {

// Who makes a change, and in which request. Every write to tenant data takes one.
struct Actor {
  std::optional<int64_t> user_id;
  std::optional<int64_t> token_id;
  std::string label;       // "user:12", "token:3", "cli", "system"
  std::string request_id;  // the HTTP request id, or "cli-…" for the command line

  static Actor Of(const Principal& principal, std::string request_id) {
    Actor actor;
    if (principal.kind == Principal::Kind::kUser) actor.user_id = principal.user_id;
    if (principal.kind == Principal::Kind::kToken) actor.token_id = principal.token_id;
    actor.label = principal.Label();
    actor.request_id = std::move(request_id);
    return actor;
  }
  static Actor System(std::string label, std::string request_id) {
    Actor actor;
    actor.label = std::move(label);
    actor.request_id = std::move(request_id);
    return actor;
  }
};

struct AuditEntry {
  int64_t id = 0;
  std::string municipality_code;  // empty: platform-wide (accounts, organisations)
  std::optional<int64_t> actor_user_id;
  std::optional<int64_t> actor_token_id;
  std::string actor_label;
  std::string request_id;
  std::string action;  // "unit.create", "user.erase", …
  std::string entity;  // "unit", "user", …
  std::string entity_id;
  std::optional<std::string> before_json;  // null for creations
  std::optional<std::string> after_json;   // null for deletions
  std::string at;
};

}  // namespace samskab::domain
