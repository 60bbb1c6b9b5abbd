#include "web/pages.h"

#include <fmt/format.h>

#include "core/text.h"
#include "web/csrf.h"

namespace samskab::web {
namespace {

http::Response Html(std::string body) {
  auto response = http::MakeResponse(200, "text/html; charset=utf-8", std::move(body));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

Result<http::Response> StartPage(const PageDependencies& deps, http::Request& request) {
  auto municipality = SiteMunicipality(deps);
  if (!municipality.ok()) return municipality.status();
  const Catalog& catalog = deps.views.catalog();
  ctemplate::TemplateDictionary content("start");
  content.SetValue("MUNICIPALITY", municipality->name);
  const Frame frame{catalog.Get(request.lang, "start.title"), municipality->name, "start"};
  return Html(deps.views.Page(request, frame, "start", content));
}

struct ContactForm {
  domain::Inquiry inquiry;
  std::vector<FieldProblem> problems;
};

http::Response RenderContact(const PageDependencies& deps, const http::Request& request,
                             const domain::Municipality& municipality, const ContactForm& form, int status) {
  const Catalog& catalog = deps.views.catalog();
  http::Response response;  // carries the CSRF cookie when the token is new
  ctemplate::TemplateDictionary content("contact");
  content.SetValue("CSRF_TOKEN", CsrfToken(request, response, deps.secure_cookies));
  if (!form.problems.empty()) {
    auto* errors = content.AddSectionDictionary("ERRORS");
    for (const auto& problem : form.problems) {
      // A problem with the whole form (an expired CSRF token) is plain text; a field's problem
      // links to the field and names it, so each link makes sense on its own (WCAG 2.4.4).
      const bool whole_form = problem.field == kCsrfField;
      auto* item = errors->AddSectionDictionary(whole_form ? "FORM_ERROR" : "ERROR");
      item->SetValue("FIELD", problem.field);
      if (!whole_form) item->SetValue("LABEL", catalog.Get(request.lang, "contact." + problem.field));
      item->SetValue("MESSAGE", catalog.Get(request.lang, problem.message_key));
    }
  }
  auto field = [&](const char* section, const std::string& name, const std::string& value) {
    auto* dict = content.AddSectionDictionary(section);
    dict->SetValue("VALUE", value);
    for (const auto& problem : form.problems) {
      if (problem.field != name) continue;
      auto* invalid = dict->AddSectionDictionary("INVALID");
      invalid->SetValue("MESSAGE", catalog.Get(request.lang, problem.message_key));
      break;
    }
    return dict;
  };
  field("FIELD_NAME", "name", form.inquiry.name);
  field("FIELD_EMAIL", "email", form.inquiry.email);
  auto* topic = field("FIELD_TOPIC", "topic", form.inquiry.topic);
  for (const auto option : domain::kInquiryTopics) {
    auto* item = topic->AddSectionDictionary("OPTION");
    item->SetValue("VALUE", TemplateText(option));
    item->SetValue("LABEL", catalog.Get(request.lang, fmt::format("contact.topic_option.{}", option)));
    if (option == form.inquiry.topic) item->ShowSection("SELECTED");
  }
  field("FIELD_MESSAGE", "message", form.inquiry.message);
  const std::string title =
      PageTitle(deps, request, catalog.Get(request.lang, "contact.title"), !form.problems.empty());
  const Frame frame{title, municipality.name, "contact"};
  http::Response page = Html(deps.views.Page(request, frame, "contact", content));
  page.status = status;
  for (const auto& [name, value] : response.headers.items()) page.headers.Add(name, value);  // Set-Cookie
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

Result<http::Response> ContactPage(const PageDependencies& deps, http::Request& request) {
  auto municipality = SiteMunicipality(deps);
  if (!municipality.ok()) return municipality.status();
  ContactForm form;
  form.inquiry.topic = "help";
  return RenderContact(deps, request, *municipality, form, 200);
}

Result<http::Response> ContactSubmit(const PageDependencies& deps, http::Request& request) {
  auto municipality = SiteMunicipality(deps);
  if (!municipality.ok()) return municipality.status();
  const std::string content_type = text::ToLower(request.headers.Get("Content-Type"));
  if (content_type.rfind("application/x-www-form-urlencoded", 0) != 0)
    return Status(ErrorCode::kUnsupportedMediaType, "contact form must be form-encoded");
  const auto params = text::ParseUrlEncoded(request.body);
  ContactForm form;
  if (!params) {
    form.problems.push_back({"message", "validation.not_utf8"});
    return RenderContact(deps, request, *municipality, form, 400);
  }
  auto value = [&](std::string_view name) { return std::string(text::Find(*params, name).value_or("")); };
  form.inquiry.name = value("name");
  form.inquiry.email = value("email");
  form.inquiry.topic = value("topic");
  form.inquiry.message = value("message");
  if (!CsrfValid(request, value(std::string(kCsrfField)))) {
    // Nothing is stored; the form comes back with the user's text and a fresh token.
    form.problems.push_back({"csrf_token", "validation.csrf"});
    return RenderContact(deps, request, *municipality, form, 403);
  }
  form.problems = domain::NormaliseAndValidate(form.inquiry);
  if (!form.problems.empty()) return RenderContact(deps, request, *municipality, form, 422);
  form.inquiry.municipality_code = municipality->code;
  form.inquiry.request_id = request.request_id;
  form.inquiry.created_at = FormatUtc(deps.clock.Now());
  auto stored = deps.inquiries.Add(form.inquiry);
  if (!stored.ok()) return stored.status();
  // Post/Redirect/Get: a reload of the receipt does not send the message twice.
  return http::Redirect(303, "/contact/sent");
}

Result<http::Response> ContactSent(const PageDependencies& deps, http::Request& request) {
  auto municipality = SiteMunicipality(deps);
  if (!municipality.ok()) return municipality.status();
  ctemplate::TemplateDictionary content("contact_sent");
  const Frame frame{deps.views.catalog().Get(request.lang, "contact.sent_heading"), municipality->name,
                    "contact"};
  return Html(deps.views.Page(request, frame, "contact_sent", content));
}

Result<http::Response> SwitchLanguage(const PageDependencies& deps, http::Request& request) {
  const auto params = text::ParseUrlEncoded(request.query);
  if (!params) return Status(ErrorCode::kMalformed, "malformed query string");
  const std::string_view lang = text::Find(*params, "set").value_or("");
  if (!IsSupportedLanguage(lang))
    return Status(ErrorCode::kMalformed, "unknown language", "error.invalid_language");
  auto response = http::Redirect(303, SafeReturnPath(text::Find(*params, "return").value_or("/")));
  response.headers.Add("Set-Cookie", fmt::format("lang={}; Path=/; Max-Age=31536000; SameSite=Lax{}", lang,
                                                 deps.secure_cookies ? "; Secure" : ""));
  return response;
}

}  // namespace

std::string Message(const PageDependencies& deps, const http::Request& request, std::string_view key) {
  return deps.views.catalog().Get(request.lang, key);
}

Field MakeField(const PageDependencies& deps, const http::Request& request, std::string name,
                std::string type, std::string_view label_key, std::string autocomplete, int max_length,
                std::string value) {
  Field field;
  field.name = std::move(name);
  field.type = std::move(type);
  field.label = Message(deps, request, label_key);
  field.autocomplete = std::move(autocomplete);
  field.max_length = max_length;
  field.value = std::move(value);
  return field;
}

std::string PageTitle(const PageDependencies& deps, const http::Request& request, const std::string& title,
                      bool failed) {
  return failed ? Message(deps, request, "form.error_prefix") + " " + title : title;
}

// The municipality the pages present; its name is in the header of every page.
Result<domain::Municipality> SiteMunicipality(const PageDependencies& deps) {
  // Without its municipality the instance is not set up (run `samskab demo`): 503, not 404.
  auto municipality = deps.municipalities.Get(deps.site_municipality);
  if (!municipality.ok()) return Unavailable("site municipality: " + municipality.status().log_message());
  if (!municipality->active) return Unavailable("the site municipality is not active; run samskab demo");
  return municipality;
}

std::string SafeReturnPath(std::string_view candidate) {
  // Only a local absolute path: "/x", never "//host", "/\host", a scheme or control characters.
  if (candidate.empty() || candidate.front() != '/' || candidate.size() > 512) return "/";
  if (candidate.size() > 1 && (candidate[1] == '/' || candidate[1] == '\\')) return "/";
  for (const char c : candidate) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7F) return "/";
  }
  return std::string(candidate);
}

void RegisterPages(http::Router& router, const PageDependencies& deps) {
  router.Add("GET", "/", domain::Access::Public(), [&deps](http::Request& r) { return StartPage(deps, r); });
  router.Add("GET", "/contact", domain::Access::Public(),
             [&deps](http::Request& r) { return ContactPage(deps, r); });
  router.Add("POST", "/contact", domain::Access::Public(),
             [&deps](http::Request& r) { return ContactSubmit(deps, r); });
  router.Add("GET", "/contact/sent", domain::Access::Public(),
             [&deps](http::Request& r) { return ContactSent(deps, r); });
  router.Add(
      "GET", "/language", domain::Access::Public(),
      [&deps](http::Request& r) { return SwitchLanguage(deps, r); }, http::Runs::kOnIoThread);
}

}  // namespace samskab::web
