#include "web/views.h"

#include <fmt/format.h>

#include "core/embedded.h"
#include "core/text.h"

namespace samskab::web {
namespace {
constexpr std::string_view kTemplatePrefix = "templates/";

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

std::string Localise(std::string_view source, const Catalog& catalog, std::string_view lang) {
  std::string out;
  out.reserve(source.size() * 2);
  size_t pos = 0;
  for (;;) {
    const size_t open = source.find("[[", pos);
    if (open == std::string_view::npos) break;
    const size_t close = source.find("]]", open + 2);
    if (close == std::string_view::npos) break;
    out.append(source.substr(pos, open - pos));
    const std::string escaped = EscapeHtml(catalog.Get(lang, source.substr(open + 2, close - open - 2)));
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
    pos = close + 2;
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
    for (const auto lang : kLanguages) {
      const std::string localised = Localise(resource.bytes, catalog_, lang);
      if (!cache_->StringToTemplateCache(CacheKey(name, lang), localised, ctemplate::DO_NOT_STRIP)) {
        return Internal(fmt::format("template {} ({}) does not parse", resource.name, lang));
      }
    }
  }
  cache_->Freeze();
  dkfds_css_ = assets_.Url("dkfds/css/dkfds.min.css");
  dkfds_js_ = assets_.Url("dkfds/js/dkfds.min.js");
  app_css_ = assets_.Url("app/app.css");
  app_js_ = assets_.Url("app/app.js");
  htmx_js_ = assets_.Url("htmx/htmx.min.js");
  icons_ = assets_.Url("dkfds/img/all-svg-icons.svg");
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
  layout.SetValue("LANG", request.lang);
  layout.SetValue("TITLE", frame.title);
  layout.SetValue("MUNICIPALITY", frame.municipality_name);
  layout.SetValue("CONTENT", body);
  layout.SetValue("DKFDS_CSS", dkfds_css_);
  layout.SetValue("DKFDS_JS", dkfds_js_);
  layout.SetValue("APP_CSS", app_css_);
  layout.SetValue("APP_JS", app_js_);
  layout.SetValue("HTMX_JS", htmx_js_);
  layout.SetValue("RETURN_TO", text::PercentEncode(request.target.size() <= 512 ? request.target : "/"));
  for (const auto lang : kLanguages) {
    auto* item = layout.AddSectionDictionary("LANGUAGE");
    item->SetValue("CODE", TemplateText(lang));
    item->SetValue("NAME", catalog_.Get(lang, "language.name"));
    item->ShowSection(lang == request.lang ? "CURRENT" : "OTHER");
  }
  static constexpr std::pair<std::string_view, std::string_view> kNav[] = {{"start", "/"},
                                                                           {"contact", "/contact"}};
  for (const auto& [id, href] : kNav) {
    auto* item = layout.AddSectionDictionary("NAV");
    item->SetValue("HREF", TemplateText(href));
    item->SetValue("LABEL", catalog_.Get(request.lang, fmt::format("nav.{}", id)));
    item->ShowSection(frame.nav_active == id ? "ACTIVE" : "INACTIVE");
  }
  return Fragment(request.lang, "layout", layout);
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
