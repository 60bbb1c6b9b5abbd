// Password hashing with argon2id (libsodium's crypto_pwhash_str). A hash takes ~50 ms and
// 64 MiB at the interactive limits: call these on a worker thread, never on an I/O thread.
// The stored string carries its own parameters and salt, so limits can be raised later and old
// hashes still verify (NeedsRehash says when to store a new one). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace samskab::password {

struct Limits {
  unsigned long long ops;
  size_t memory_bytes;
};
// libsodium's interactive limits: the default for logins.
Limits Interactive();
// The smallest limits libsodium allows: for tests only, where thousands of hashes run.
Limits Minimal();

inline constexpr size_t kMinLength = 10;
inline constexpr size_t kMaxLength = 1024;  // bounds the work an attacker can ask for

// Checks the length rules; kInvalidArgument with a catalog key when they fail.
Status CheckStrength(std::string_view password);

// The argon2id hash string ("$argon2id$v=19$m=…"), or kInternal when memory runs out.
Result<std::string> Hash(std::string_view password, const Limits& limits);

// True when `password` matches `hash`. False for a wrong password and for a malformed hash.
bool Verify(std::string_view password, const std::string& hash);

// True when `hash` was made with other limits than `limits` (store a new hash after a login).
bool NeedsRehash(const std::string& hash, const Limits& limits);

}  // namespace samskab::password
