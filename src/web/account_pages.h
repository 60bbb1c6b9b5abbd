// The pages of a person's own account: log in and out, password reset, e-mail verification,
// invitation acceptance, my account, and my data (download and erasure).
#pragma once

#include "http/router.h"
#include "web/pages.h"

namespace samskab::web {

void RegisterAccountPages(http::Router& router, const PageDependencies& deps);

// Shared by the page modules: a page built from templates/form_page.tpl.
struct FormPage {
  std::string heading;  // translated
  std::string lead;
  std::string notice;
  std::vector<std::pair<std::string, std::string>> facts;  // label, value
  std::vector<std::pair<std::string, std::string>> links;  // href, text
  std::string nav;                                         // the menu item to mark
};
Result<http::Response> RenderFormPage(const PageDependencies& deps, const http::Request& request,
                                      const FormPage& page, const Form* form, int status);
// A short message page (templates/notice.tpl) with an optional button link.
Result<http::Response> RenderNotice(const PageDependencies& deps, const http::Request& request,
                                    const std::string& heading_key, const std::string& text_key, int status,
                                    const std::string& link_href = "", const std::string& link_key = "");
// The notices a redirect may ask a page to show (`?notice=…`): an allow-list, so that a crafted
// link cannot put arbitrary text on our pages.
std::string NoticeText(const PageDependencies& deps, const http::Request& request);

}  // namespace samskab::web
