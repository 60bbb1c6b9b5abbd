#include "web/vocabulary_pages.h"

#include <fmt/format.h>

#include "api/vocabularies_api.h"
#include "auth/request_context.h"
#include "web/admin_frame.h"

namespace samskab::web {
namespace {

using Deps = VocabularyPageDependencies;
using domain::Vocabulary;

constexpr Vocabulary kVocabularies[] = {Vocabulary::kWelfareArea, Vocabulary::kTargetGroup};
constexpr std::string_view kTermInputs[] = {"key", "label_da", "label_nb", "label_en"};

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

std::string VocabulariesPath(const http::Request& request) {
  return fmt::format("/admin/{}/vocabularies", auth::ScopeOf(request).code());
}

// What the add form holds (as posted, after a problem) and the page's problem, if any.
struct PageState {
  text::Params values = {{"vocabulary", "welfare_area"}};
  std::vector<FieldProblem> problems;
  std::string error_key;
  std::string error_text;
};

Form AddForm(const Deps& deps, const http::Request& request, const PageState& state) {
  Form form;
  form.action = VocabulariesPath(request);
  form.submit = T(deps, request, "vocabularies.add_submit");
  form.problems = state.problems;
  const auto value = [&](std::string_view name) {
    return std::string(text::Find(state.values, name).value_or(""));
  };
  Field vocabulary = MakeField(deps.pages, request, "vocabulary", "select", "vocabularies.field.vocabulary",
                               "off", 0, value("vocabulary"));
  for (const auto v : kVocabularies) {
    const std::string name(domain::VocabularyName(v));
    vocabulary.options.emplace_back(name, T(deps, request, "vocabularies.heading_" + name));
  }
  form.fields.push_back(std::move(vocabulary));
  for (const auto name : kTermInputs) {
    const bool key = name == "key";
    Field field =
        MakeField(deps.pages, request, std::string(name), "text", fmt::format("vocabularies.field.{}", name),
                  "off", key ? 40 : static_cast<int>(domain::kMaxTermLabelLength), value(name));
    if (key) field.hint = T(deps, request, "vocabularies.field.key_hint");
    form.fields.push_back(std::move(field));
  }
  return form;
}

Result<http::Response> PageWith(const Deps& deps, const http::Request& request, const PageState& state,
                                int status) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto frame = MunicipalPage(deps.pages, request, "vocabularies", state.error_key);
  if (!frame.ok()) return frame.status();
  frame->error_text = state.error_text;
  if (!state.error_text.empty()) frame->notice.clear();
  frame->form_problems = !state.problems.empty();
  http::Response cookies;
  ctemplate::TemplateDictionary body("admin_vocabularies");
  for (const auto vocabulary : kVocabularies) {
    const std::string name(domain::VocabularyName(vocabulary));
    auto terms = deps.vocabularies.Terms(scope, vocabulary);
    if (!terms.ok()) return terms.status();
    auto* section = body.AddSectionDictionary("VOCABULARY");
    section->SetValue("HEADING", T(deps, request, "vocabularies.heading_" + name));
    section->SetValue("ID", name);
    for (const auto& term : *terms) {
      auto* row = section->AddSectionDictionary("TERM");
      const std::string label = deps.vocabularies.Label(vocabulary, term, request.lang);
      row->SetValue("LABEL", label);
      row->SetValue("KEY", term.key);
      if (term.built_in) {
        row->ShowSection("BUILT_IN");
        continue;
      }
      auto* own = row->AddSectionDictionary("OWN");
      own->SetValue("LABELS", fmt::format("{} / {} / {}", term.label_da, term.label_nb, term.label_en));
      const Form remove =
          ButtonForm(fmt::format("{}/{}/{}/delete", VocabulariesPath(request), name, term.key),
                     T(deps, request, "vocabularies.remove"), label);
      own->SetValue("REMOVE_FORM",
                    RenderForm(deps.pages.views, request, cookies, remove, deps.pages.secure_cookies));
    }
  }
  body.SetValue("ADD_FORM", RenderForm(deps.pages.views, request, cookies, AddForm(deps, request, state),
                                       deps.pages.secure_cookies));
  return RenderAdmin(deps.pages, request, *frame, "admin_vocabularies", body, status, cookies);
}

Result<http::Response> VocabulariesPage(const Deps& deps, http::Request& request) {
  return PageWith(deps, request, PageState{}, 200);
}

// --- POST /admin/{municipality}/vocabularies: add a term ---

Result<http::Response> AddSubmit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  PageState state;
  state.values = *params;
  if (!FormCsrfValid(request, *params)) {
    state.problems.push_back({std::string(kFormLevel), "validation.csrf"});
    return PageWith(deps, request, state, 403);
  }
  const auto vocabulary = domain::ParseVocabulary(FormValue(*params, "vocabulary"));
  if (!vocabulary) {
    state.problems.push_back({"vocabulary", "validation.choice"});
    return PageWith(deps, request, state, 422);
  }
  domain::Term term;
  term.key = FormValue(*params, "key");
  term.label_da = FormValue(*params, "label_da");
  term.label_nb = FormValue(*params, "label_nb");
  term.label_en = FormValue(*params, "label_en");
  auto added = deps.vocabularies.AddTerm(auth::ScopeOf(request), auth::ActorOf(request), *vocabulary, term);
  if (!added.ok()) {
    const Status& failure = added.status();
    if (failure.fields().empty()) return failure;
    state.problems = failure.fields();
    return PageWith(deps, request, state, 422);
  }
  return http::Redirect(303, VocabulariesPath(request) + "?notice=vocabulary.term_added");
}

// --- POST /admin/{municipality}/vocabularies/{vocabulary}/{key}/delete ---

Result<http::Response> RemoveSubmit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  PageState state;
  if (!FormCsrfValid(request, *params)) {
    state.error_key = "validation.csrf";
    return PageWith(deps, request, state, 403);
  }
  auto vocabulary = api::VocabularyOf(request);
  if (!vocabulary.ok()) return vocabulary.status();
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  const std::string key(request.PathParam("key"));
  Status removed = deps.vocabularies.RemoveTerm(scope, auth::ActorOf(request), *vocabulary, key);
  if (removed.ok()) return http::Redirect(303, VocabulariesPath(request) + "?notice=vocabulary.term_removed");
  if (removed.user_message_key() == "vocabularies.error.in_use") {
    // The message says how many collaborations use the term, so the admin knows what to change.
    auto uses = deps.vocabularies.CountUses(scope, *vocabulary, key);
    if (!uses.ok()) return uses.status();
    state.error_text =
        Fill(Fill(T(deps, request, "vocabularies.error.in_use_count"), "count", std::to_string(*uses)),
             "term", deps.vocabularies.TermLabel(scope, *vocabulary, key, request.lang));
    return PageWith(deps, request, state, 409);
  }
  if (removed.code() == ErrorCode::kFailedPrecondition || removed.code() == ErrorCode::kNotFound) {
    state.error_key = removed.user_message_key();
    return PageWith(deps, request, state, removed.code() == ErrorCode::kNotFound ? 404 : 409);
  }
  return removed;
}

}  // namespace

void RegisterVocabularyPages(http::Router& router, const VocabularyPageDependencies& deps) {
  const domain::Access admins = domain::Access::MunicipalAdmin("municipality");
  const auto page = [&deps](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", "/admin/{municipality}/vocabularies", admins, page(VocabulariesPage));
  router.Add("POST", "/admin/{municipality}/vocabularies", admins, page(AddSubmit));
  router.Add("POST", "/admin/{municipality}/vocabularies/{vocabulary}/{key}/delete", admins,
             page(RemoveSubmit));
}

}  // namespace samskab::web
