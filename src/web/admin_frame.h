// The frame every administration page shares (templates/admin_page.tpl): heading, lead, notice,
// a problem of the whole page, and the side menu of the municipality's administration.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "web/forms.h"
#include "web/pages.h"

namespace samskab::web {

struct SideNavItem {
  std::string href;
  std::string text;
  bool current = false;
};

struct AdminPage {
  std::string heading;  // translated
  std::string lead;
  std::string notice;      // a success message (?notice=…)
  std::string error_key;   // a problem of the whole page (catalog key), shown as an alert
  std::string error_text;  // or such a problem already translated (a message with a number filled in)
  std::string sidenav_label;
  std::vector<SideNavItem> sidenav;
  bool form_problems = false;  // a form on the page has problems (the title says so)
};

// The page `body_template` (filled from `body`) inside the frame and the layout.
Result<http::Response> RenderAdmin(const PageDependencies& deps, const http::Request& request,
                                   const AdminPage& page, std::string_view body_template,
                                   const ctemplate::TemplateDictionary& body, int status,
                                   const http::Response& cookies);

// The frame of a municipal page ("admin.<page>.heading" with the municipality's name, its lead,
// the side menu, the notice of ?notice=). The menu shows the municipal admins' pages only to
// those who may open them.
// The pages of one municipality the caller may use, in the side menu: the registry, the model
// and the organisations for all staff, then the administration for its admins.
std::vector<SideNavItem> MunicipalNav(const PageDependencies& deps, const http::Request& request,
                                      const std::string& code, std::string_view current);

Result<AdminPage> MunicipalPage(const PageDependencies& deps, const http::Request& request,
                                std::string_view page, std::string error_key);

// A form that is one secondary button (delete, remove, revoke) in a table row; `context` is read
// after the button's text by screen readers ("Slet" + " Plejecenter Lillevang").
Form ButtonForm(std::string action, std::string submit, std::string context,
                std::vector<std::pair<std::string, std::string>> hidden = {});

// A stored timestamp ("2026-11-23T12:49:51Z") as people read it: "2026-11-23 12:49 UTC".
std::string ShowTime(std::string_view iso);

// A catalog text with its "{name}" placeholder filled in (the template escapes the result).
std::string Fill(std::string text, std::string_view name, std::string_view value);

}  // namespace samskab::web
