#include "web/views.h"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "core/embedded.h"
#include "core/text.h"

namespace samskab::web {
namespace {
constexpr std::string_view kTemplatePrefix = "templates/";
// The main menu's items ("" for pages outside the menu, such as error pages).
constexpr const char* kNavItems[] = {"", "start", "contact", "account", "admin", "login"};

std::string CacheKey(std::string_view name, std::string_view lang) {
  return fmt::format("{}@{}", name, lang);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}
// The position after the "[[/?]]" (or "[[/!]]") that closes the block opened before `pos`;
// blocks of the same kind may nest ("[[?user]]…[[?nav:account]]…[[/?]]…[[/?]]").
size_t EndOfBlock(std::string_view source, size_t pos, char kind) {
  const std::string open = std::string("[[") + kind;
  const std::string close = std::string("[[/") + kind + "]]";
  int depth = 1;
  while (depth > 0) {
    const size_t next_close = source.find(close, pos);
    if (next_close == std::string_view::npos) return source.size();
    const size_t next_open = source.find(open, pos);
    if (next_open != std::string_view::npos && next_open < next_close) {
      ++depth;
      pos = next_open + open.size();
    } else {
      --depth;
      pos = next_close + close.size();
    }
  }
  return pos;
}

}  // namespace

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string Localise(std::string_view source, const Catalog& catalog, std::string_view lang,
                     const std::function<std::string(std::string_view)>& asset_url,
                     const std::vector<std::string>& flags) {
  const auto flagged = [&](std::string_view token) {
    return token == lang || std::find(flags.begin(), flags.end(), token) != flags.end();
  };
  std::string out;
  out.reserve(source.size() * 2);
  size_t pos = 0;
  for (;;) {
    const size_t open = source.find("[[", pos);
    if (open == std::string_view::npos) break;
    const size_t close = source.find("]]", open + 2);
    if (close == std::string_view::npos) break;
    out.append(source.substr(pos, open - pos));
    const std::string_view key = source.substr(open + 2, close - open - 2);
    pos = close + 2;
    if (key == "/?" || key == "/!") continue;  // the end of a block that is kept
    if (!key.empty() && (key.front() == '?' || key.front() == '!')) {
      // "[[?da]]…[[/?]]" is kept only in Danish, "[[!da]]…[[/!]]" in every other language; the
      // same for the flags, e.g. "nav:start" in the start page's variant of the layout.
      const bool keep = flagged(key.substr(1)) == (key.front() == '?');
      if (!keep) pos = EndOfBlock(source, pos, key.front());
      continue;
    }
    if (key == "=lang") {
      out.append(lang);
      continue;
    }
    // "[[asset:dkfds/css/dkfds.min.css]]": the asset's URL with its content hash, fixed at load.
    if (key.substr(0, 6) == "asset:") {
      out += EscapeHtml(asset_url ? asset_url(key.substr(6)) : std::string(key.substr(6)));
      continue;
    }
    // "[[@nb:language.name]]": a message in a given language (the language switch names each
    // language in its own words).
    std::string_view message_lang = lang;
    std::string_view message_key = key;
    if (key.size() > 4 && key.front() == '@' && key[3] == ':') {
      message_lang = key.substr(1, 2);
      message_key = key.substr(4);
    }
    const std::string escaped = EscapeHtml(catalog.Get(message_lang, message_key));
    // "{municipality}" -> "{{MUNICIPALITY}}": the value is filled in, and escaped, per request.
    size_t p = 0;
    for (;;) {
      const size_t brace = escaped.find('{', p);
      const size_t end = brace == std::string::npos ? std::string::npos : escaped.find('}', brace);
      if (end == std::string::npos) {
        out.append(escaped, p);
        break;
      }
      out.append(escaped, p, brace - p);
      out += "{{" + Upper(std::string_view(escaped).substr(brace + 1, end - brace - 1)) + "}}";
      p = end + 1;
    }
  }
  out.append(source.substr(pos));
  return out;
}

Views::Views(const Catalog& catalog, http::AssetStore& assets)
    : catalog_(catalog), assets_(assets), cache_(std::make_unique<ctemplate::TemplateCache>()) {}

Status Views::Load() {
  for (const auto& resource : embedded::All()) {
    if (resource.name.substr(0, kTemplatePrefix.size()) != kTemplatePrefix) continue;
    std::string_view name = resource.name.substr(kTemplatePrefix.size());
    name.remove_suffix(4);  // ".tpl"
    // The layout comes in one variant per menu item, so that marking the current item costs
    // nothing per request (ctemplate sections are the expensive part of an expansion).
    // Likewise one for the public and one for a logged-in user ("+user": name, account, log out),
    // and one for a user with an administrator's or a municipal employee's role ("+admin": the
    // administration item, under which the staff pages are).
    std::vector<std::pair<std::string, std::vector<std::string>>> variants;  // key suffix, flags
    if (name == "layout") {
      for (const char* nav : kNavItems) {
        variants.push_back({std::string("#") + nav, {std::string("nav:") + nav}});
        variants.push_back({std::string("#") + nav + "+user", {std::string("nav:") + nav, "user"}});
        // A user who administers something also gets the menu item for it.
        variants.push_back(
            {std::string("#") + nav + "+user+admin", {std::string("nav:") + nav, "user", "admin"}});
      }
    } else {
      variants.push_back({"", {}});
    }
    for (const auto lang : kLanguages) {
      for (const auto& [suffix, flags] : variants) {
        const std::string localised = Localise(
            resource.bytes, catalog_, lang, [this](std::string_view path) { return assets_.Url(path); },
            flags);
        const std::string key = CacheKey(std::string(name) + suffix, lang);
        if (!cache_->StringToTemplateCache(key, localised, ctemplate::DO_NOT_STRIP)) {
          return Internal(fmt::format("template {} ({}) does not parse", resource.name, lang));
        }
      }
    }
  }
  cache_->Freeze();
  return Status::Ok();
}

std::string Views::Fragment(std::string_view lang, std::string_view name,
                            const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  if (!cache_->ExpandWithData(CacheKey(name, lang), ctemplate::DO_NOT_STRIP, &dict, nullptr, &out)) {
    throw std::runtime_error(fmt::format("template {} ({}) failed to expand", name, lang));
  }
  return out;
}

std::string Views::Page(const http::Request& request, const Frame& frame, std::string_view name,
                        const ctemplate::TemplateDictionary& content) const {
  const std::string body = Fragment(request.lang, name, content);
  ctemplate::TemplateDictionary layout("layout");
  layout.SetValue("TITLE", frame.title);
  layout.SetValue("MUNICIPALITY", frame.municipality_name);
  layout.SetValue("CONTENT", body);
  layout.SetValue("RETURN_TO", text::PercentEncode(request.target.size() <= 512 ? request.target : "/"));
  const bool known =
      std::find(std::begin(kNavItems), std::end(kNavItems), frame.nav_active) != std::end(kNavItems);
  std::string variant = "layout#" + (known ? frame.nav_active : std::string());
  if (request.principal && request.principal->kind == domain::Principal::Kind::kUser) {
    variant += "+user";
    const auto& principal = *request.principal;
    // Municipal employees too: the staff pages (the collaboration registry) start at /admin.
    if (principal.Has(domain::Role::kPlatformAdmin) || principal.Has(domain::Role::kMunicipalAdmin) ||
        principal.Has(domain::Role::kMunicipalEmployee) || principal.Has(domain::Role::kOrganisationAdmin))
      variant += "+admin";
    layout.SetValue("USER_NAME", request.principal->display_name);
    layout.SetValue("CSRF_TOKEN", request.principal->csrf_token);
  }
  return Fragment(request.lang, variant, layout);
}

std::string Views::ErrorPage(const http::Request& request, int status, const std::string& title,
                             const std::string& message, const std::string& municipality_name) const {
  ctemplate::TemplateDictionary content("error");
  content.SetIntValue("STATUS", status);
  content.SetValue("TITLE", title);
  content.SetValue("MESSAGE", message);
  content.SetValue("REQUEST_ID", request.request_id);
  return Page(request, Frame{title, municipality_name, ""}, "error", content);
}

}  // namespace samskab::web
