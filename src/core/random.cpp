#include "core/random.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace samskab {
namespace {
struct SodiumInit {
  SodiumInit() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  }
};
void EnsureSodium() { static const SodiumInit kInit; }

std::string ToHex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}
}  // namespace

std::string RandomHex(size_t bytes) {
  EnsureSodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return ToHex(buf.data(), buf.size());
}

bool SecureEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string ContentHash(std::string_view data, size_t hex_chars) {
  EnsureSodium();
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     nullptr, 0);
  std::string hex = ToHex(hash, sizeof hash);
  hex.resize(std::min(hex_chars, hex.size()));
  return hex;
}

std::string KeyedHash(std::string_view key, std::string_view data) {
  EnsureSodium();
  unsigned char k[crypto_generichash_KEYBYTES_MAX];
  size_t key_size = key.size();
  if (key_size > sizeof k || key_size < crypto_generichash_KEYBYTES_MIN) {
    crypto_generichash(k, sizeof k, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr,
                       0);
    key_size = sizeof k;
  } else {
    std::copy(key.begin(), key.end(), k);
  }
  unsigned char mac[32];
  crypto_generichash(mac, sizeof mac, reinterpret_cast<const unsigned char*>(data.data()), data.size(), k,
                     key_size);
  sodium_memzero(k, sizeof k);
  return ToHex(mac, sizeof mac);
}

}  // namespace samskab
