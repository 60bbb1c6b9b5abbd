// Account commands of the samskab binary: `user add`, `token create`, and the demo's people.
// Each works on an opened App (so hashing, validation and the audit log are the product's own).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "app/app.h"

namespace samskab::app {

struct GrantOptions {
  std::string role;
  std::string municipality;
  std::optional<int64_t> unit_id;
  std::optional<int64_t> organisation_id;
};

// Checks a role name and its scope as given on the command line; kInvalidArgument naming what
// is missing (a municipal role without --municipality, an employee without --unit, …). A token
// is scoped to a municipality, never to a unit.
Result<domain::Grant> GrantFromOptions(App& app, const GrantOptions& options, bool for_token);

// `samskab user add`: the password is the first line of `password_input`. Returns the user id.
Result<int64_t> AddUser(App& app, const std::string& email, const std::string& name,
                        const GrantOptions& grant, std::istream& password_input);

// `samskab token create`: the new token (shown once).
Result<auth::CreatedToken> CreateToken(App& app, const std::string& name, const GrantOptions& grant);

// The demo's people, units and organisation (idempotent): one account per role, all with
// kDemoPassword. Only `samskab demo` calls this; a production installation has no such accounts.
inline constexpr char kDemoPassword[] = "samskab-demo-2026";
// The demo's admin of the partner organisation of a vulnerable need (app/needs_demo.cpp).
inline constexpr char kDemoPartnerEmail[] = "partner@demo.samskab.dk";
Status SetUpDemoPeople(App& app);

}  // namespace samskab::app
