// Server-rendered pages. Templates are ctemplate files (templates/*.tpl) with auto-escaping by
// context: every {{VALUE}} is escaped for where it stands (HTML text, attribute, URL), so user
// input cannot become markup. `[[key]]` in a template is a catalog message, filled in at load
// time for each language, so a request only expands its own data. Thread-safe after Load().
#pragma once

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "http/message.h"
#include "http/static_files.h"
#include "web/i18n.h"

namespace samskab::web {

// What the layout needs beyond the page's own content.
struct Frame {
  std::string title;              // the page's <title> and <h1> context, already translated
  std::string municipality_name;  // shown in the header
  std::string nav_active;         // "start", "contact", … marks the current menu item
};

class Views {
 public:
  Views(const Catalog& catalog, http::AssetStore& assets);
  // Registers every embedded template in every language; fails on a template error.
  Status Load();

  // Renders `templates/<name>.tpl` in the request's language inside the layout.
  std::string Page(const http::Request& request, const Frame& frame, std::string_view name,
                   const ctemplate::TemplateDictionary& content) const;
  // Renders a template alone (fragments for htmx, tests).
  std::string Fragment(std::string_view lang, std::string_view name,
                       const ctemplate::TemplateDictionary& dict) const;
  std::string ErrorPage(const http::Request& request, int status, const std::string& title,
                        const std::string& message, const std::string& municipality_name) const;

  const Catalog& catalog() const { return catalog_; }

 private:
  const Catalog& catalog_;
  http::AssetStore& assets_;
  std::unique_ptr<ctemplate::TemplateCache> cache_;
};

// A string_view as ctemplate's string type (it has no constructor from string_view).
inline ctemplate::TemplateString TemplateText(std::string_view s) { return {s.data(), s.size()}; }

// Escapes text for HTML (for catalog text placed into templates at load time).
std::string EscapeHtml(std::string_view s);

// Replaces `[[key]]` in `source` with the escaped message and its `{name}` placeholders with
// template markers `{{NAME}}`; `[[asset:path]]` with the asset's hashed URL; `[[=lang]]` with the
// language code; `[[@nb:key]]` with a message in a given language; and keeps `[[?flag]]…[[/?]]`
// only when `flag` is the language or one of `flags` (`[[!flag]]…[[/!]]`: only when it is not).
// Exposed for tests.
std::string Localise(std::string_view source, const Catalog& catalog, std::string_view lang,
                     const std::function<std::string(std::string_view)>& asset_url = {},
                     const std::vector<std::string>& flags = {});

}  // namespace samskab::web
