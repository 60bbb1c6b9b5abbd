#include "web/admin_frame.h"

#include <fmt/format.h>

#include "auth/request_context.h"
#include "web/account_pages.h"

namespace samskab::web {

std::vector<SideNavItem> MunicipalNav(const PageDependencies& deps, const http::Request& request,
                                      const std::string& code, std::string_view current) {
  const domain::Principal& principal = auth::PrincipalOf(request);
  // The same rule as the routes' Access::MunicipalAdmin: an employee would only meet 403s there.
  const bool admin =
      principal.Has(domain::Role::kPlatformAdmin) || principal.HasIn(domain::Role::kMunicipalAdmin, code);
  std::vector<SideNavItem> items;
  const auto add = [&](std::string_view page) {
    items.push_back({fmt::format("/admin/{}/{}", code, page),
                     Message(deps, request, fmt::format("admin.menu.{}", page)), current == page});
  };
  // Every staff member's pages: the registry, the model and the municipality's organisations.
  for (const std::string_view page : {"collaborations", "matrix", "advisor", "inspiration", "organisations",
                                      "worksheets", "opportunities", "needs"})
    add(page);
  if (admin) {
    for (const std::string_view page : {"units", "vocabularies", "staff", "tokens", "inquiries", "audit"})
      add(page);
  }
  return items;
}

Form ButtonForm(std::string action, std::string submit, std::string context,
                std::vector<std::pair<std::string, std::string>> hidden) {
  Form form;
  form.action = std::move(action);
  form.submit = std::move(submit);
  form.submit_context = std::move(context);
  form.secondary = true;
  form.hidden = std::move(hidden);
  return form;
}

std::string ShowTime(std::string_view iso) {
  if (iso.size() < 16 || iso[10] != 'T') return std::string(iso);
  return fmt::format("{} {} UTC", iso.substr(0, 10), iso.substr(11, 5));
}

// A catalog text with its "{name}" placeholder filled in (the template escapes the result).
std::string Fill(std::string text, std::string_view name, std::string_view value) {
  const std::string placeholder = fmt::format("{{{}}}", name);
  for (size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size()))
    text.replace(at, placeholder.size(), value);
  return text;
}

Result<http::Response> RenderAdmin(const PageDependencies& deps, const http::Request& request,
                                   const AdminPage& page, std::string_view body_template,
                                   const ctemplate::TemplateDictionary& body, int status,
                                   const http::Response& cookies) {
  auto site = SiteMunicipality(deps);
  if (!site.ok()) return site.status();
  ctemplate::TemplateDictionary content("admin_page");
  content.SetValue("HEADING", page.heading);
  content.SetValue("COLUMN", page.sidenav.empty() ? "col-lg-10" : "col-lg-9");
  if (!page.lead.empty()) content.AddSectionDictionary("LEAD")->SetValue("TEXT", page.lead);
  if (!page.notice.empty()) content.AddSectionDictionary("NOTICE")->SetValue("TEXT", page.notice);
  if (!page.error_text.empty()) {
    content.AddSectionDictionary("PAGE_ERROR")->SetValue("TEXT", page.error_text);
  } else if (!page.error_key.empty()) {
    content.AddSectionDictionary("PAGE_ERROR")->SetValue("TEXT", Message(deps, request, page.error_key));
  }
  if (!page.sidenav.empty()) {
    auto* nav = content.AddSectionDictionary("SIDENAV");
    nav->SetValue("LABEL", page.sidenav_label);
    for (const auto& item : page.sidenav) {
      auto* entry = nav->AddSectionDictionary("ITEM");
      entry->SetValue("HREF", item.href);
      entry->SetValue("TEXT", item.text);
      if (item.current) entry->ShowSection("CURRENT");
    }
  }
  content.SetValue("BODY", deps.views.Fragment(request.lang, body_template, body));
  const std::string title = PageTitle(
      deps, request, page.heading, !page.error_key.empty() || !page.error_text.empty() || page.form_problems);
  const Frame frame{title, site->name, "admin"};
  return HtmlPage(deps.views.Page(request, frame, "admin_page", content), status, cookies);
}

// The frame of a municipal page: heading with the municipality's name, side menu, notice.
Result<AdminPage> MunicipalPage(const PageDependencies& deps, const http::Request& request,
                                std::string_view page, std::string error_key) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto municipality = deps.municipalities.Get(scope.code());
  if (!municipality.ok()) return municipality.status();
  AdminPage frame;
  frame.heading =
      Fill(Message(deps, request, fmt::format("admin.{}.heading", page)), "municipality", municipality->name);
  frame.lead = Message(deps, request, fmt::format("admin.{}.lead", page));
  frame.notice = error_key.empty() ? NoticeText(deps, request) : "";
  frame.error_key = std::move(error_key);
  frame.sidenav_label = Message(deps, request, "admin.menu_label");
  frame.sidenav = MunicipalNav(deps, request, scope.code(), page);
  return frame;
}

}  // namespace samskab::web
