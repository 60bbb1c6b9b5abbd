#include "web/i18n.h"

#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/embedded.h"
#include "core/text.h"
#include "http/message.h"

namespace samskab::web {

bool IsSupportedLanguage(std::string_view lang) {
  for (const auto supported : kLanguages) {
    if (supported == lang) return true;
  }
  return false;
}

namespace {
Status Flatten(const toml::table& table, const std::string& prefix,
               std::map<std::string, std::string, std::less<>>& out, std::string_view lang) {
  for (const auto& [key, node] : table) {
    const std::string full = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* sub = node.as_table()) {
      SAMSKAB_RETURN_IF_ERROR(Flatten(*sub, full, out, lang));
    } else if (const auto* value = node.as_string()) {
      out[full] = value->get();
    } else {
      return InvalidArgument(fmt::format("messages/{}.toml: {} must be a string", lang, full));
    }
  }
  return Status::Ok();
}
}  // namespace

Result<Catalog> Catalog::FromToml(const std::map<std::string, std::string, std::less<>>& toml_by_lang) {
  Catalog catalog;
  for (const auto& [lang, source] : toml_by_lang) {
    toml::table parsed;
    try {
      parsed = toml::parse(source, "messages/" + lang + ".toml");
    } catch (const toml::parse_error& error) {
      return InvalidArgument(fmt::format("messages/{}.toml: {} (line {})", lang, error.description(),
                                         error.source().begin.line));
    }
    SAMSKAB_RETURN_IF_ERROR(Flatten(parsed, "", catalog.messages_[lang], lang));
  }
  return catalog;
}

Result<Catalog> Catalog::LoadEmbedded() {
  std::map<std::string, std::string, std::less<>> sources;
  for (const auto lang : kLanguages) {
    const std::string name = fmt::format("messages/{}.toml", lang);
    const auto bytes = embedded::Find(name);
    if (bytes.empty()) return Internal(name + " is not compiled in");
    sources[std::string(lang)] = std::string(bytes);
  }
  return FromToml(sources);
}

const std::string& Catalog::Get(std::string_view lang, std::string_view key) const {
  auto language = messages_.find(lang);
  if (language == messages_.end()) language = messages_.find(kDefaultLanguage);
  if (language != messages_.end()) {
    auto found = language->second.find(key);
    if (found != language->second.end()) return found->second;
  }
  // Missing keys are a defect caught by the catalog test; show the key rather than nothing.
  thread_local std::string missing;
  missing = fmt::format("[{}]", key);
  return missing;
}

bool Catalog::Has(std::string_view lang, std::string_view key) const {
  auto language = messages_.find(lang);
  return language != messages_.end() && language->second.count(key) > 0;
}

std::vector<std::string> Catalog::Keys(std::string_view lang) const {
  std::vector<std::string> keys;
  auto language = messages_.find(lang);
  if (language == messages_.end()) return keys;
  for (const auto& [key, value] : language->second) keys.push_back(key);
  return keys;
}

std::vector<std::string> Catalog::MissingIn(std::string_view lang) const {
  std::set<std::string> all;
  for (const auto& [other, messages] : messages_) {
    for (const auto& [key, value] : messages) all.insert(key);
  }
  std::vector<std::string> missing;
  for (const auto& key : all) {
    if (!Has(lang, key)) missing.push_back(key);
  }
  return missing;
}

std::string NegotiateLanguage(std::string_view cookie_header, std::string_view accept_language) {
  const std::string_view chosen = http::CookieValue(cookie_header, "lang");
  if (IsSupportedLanguage(chosen)) return std::string(chosen);
  // Accept-Language: take the first supported tag in the order the browser lists them
  // (browsers list by preference); "no" and "nn" count as bokmål, the written form we offer.
  while (!accept_language.empty()) {
    const size_t comma = accept_language.find(',');
    std::string_view item = text::Trim(accept_language.substr(0, comma));
    accept_language =
        comma == std::string_view::npos ? std::string_view{} : accept_language.substr(comma + 1);
    item = item.substr(0, item.find(';'));
    std::string primary = text::ToLower(item.substr(0, item.find('-')));
    if (primary == "da" || primary == "en" || primary == "nb") return primary;
    if (primary == "no" || primary == "nn") return "nb";
  }
  return std::string(kDefaultLanguage);
}

}  // namespace samskab::web
