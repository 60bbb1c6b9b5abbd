#include "core/password.h"

#include <sodium.h>

#include "core/random.h"

namespace samskab::password {

Limits Interactive() { return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE}; }
Limits Minimal() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

Status CheckStrength(std::string_view password) {
  size_t characters = 0;
  for (const char c : password) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  if (characters < kMinLength) return InvalidArgument("password too short", "validation.password_too_short");
  if (password.size() > kMaxLength) return InvalidArgument("password too long", "validation.too_long");
  return Status::Ok();
}

Result<std::string> Hash(std::string_view password, const Limits& limits) {
  (void)RandomHex(1);  // makes sure libsodium is initialised
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), limits.ops, limits.memory_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("argon2id hashing failed (out of memory?)");
  }
  return std::string(out);
}

bool Verify(std::string_view password, const std::string& hash) {
  (void)RandomHex(1);
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(const std::string& hash, const Limits& limits) {
  return crypto_pwhash_str_needs_rehash(hash.c_str(), limits.ops, limits.memory_bytes) != 0;
}

}  // namespace samskab::password
