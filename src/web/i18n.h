// The message catalog: every user-facing string, in Danish (default), Norwegian bokmål and
// English, from messages/<lang>.toml compiled into the binary. Keys are dotted ("nav.start").
// Messages may hold named placeholders, "{municipality}". Read-only after loading; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace samskab::web {

inline constexpr std::string_view kDefaultLanguage = "da";
inline constexpr std::string_view kLanguages[] = {"da", "nb", "en"};

bool IsSupportedLanguage(std::string_view lang);

class Catalog {
 public:
  // Loads the embedded catalogs; fails naming the file and key when a catalog is malformed.
  static Result<Catalog> LoadEmbedded();
  // Builds a catalog from TOML texts by language (tests).
  static Result<Catalog> FromToml(const std::map<std::string, std::string, std::less<>>& toml_by_lang);

  // The message, or the key itself in brackets when missing (a test keeps that from happening).
  const std::string& Get(std::string_view lang, std::string_view key) const;
  bool Has(std::string_view lang, std::string_view key) const;
  // Keys present in some language but missing in `lang`.
  std::vector<std::string> MissingIn(std::string_view lang) const;
  std::vector<std::string> Keys(std::string_view lang) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> messages_;
};

// Picks the language: the `lang` cookie, then Accept-Language, then Danish.
std::string NegotiateLanguage(std::string_view cookie_header, std::string_view accept_language);

}  // namespace samskab::web
