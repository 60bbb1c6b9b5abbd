// Unpredictable identifiers and tokens (libsodium's CSPRNG). Safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace samskab {

// `bytes` random bytes as lowercase hex (2 * bytes characters).
std::string RandomHex(size_t bytes);

// Constant-time comparison, for secrets such as CSRF tokens.
bool SecureEquals(std::string_view a, std::string_view b);

// Keyed BLAKE2b (a MAC): 64 hex characters that only a holder of `key` can compute. Keys longer
// than 64 bytes are hashed first. For signed cookies and session-bound CSRF tokens.
std::string KeyedHash(std::string_view key, std::string_view data);

// BLAKE2b of `data`, as `hex_chars` lowercase hex characters (at most 64). For ETags and asset names.
std::string ContentHash(std::string_view data, size_t hex_chars);

}  // namespace samskab
