#include "api/vocabularies_api.h"

#include <fmt/format.h>

#include "api/json_api.h"
#include "auth/request_context.h"

namespace samskab::api {
namespace {

using domain::Term;
using domain::Vocabulary;

nlohmann::json TermToJson(const storage::VocabularyStore& store, Vocabulary vocabulary, const Term& term,
                          std::string_view lang) {
  nlohmann::json json = {
      {"key", term.key}, {"built_in", term.built_in}, {"label", store.Label(vocabulary, term, lang)}};
  if (!term.built_in) {
    json["label_da"] = term.label_da;
    json["label_nb"] = term.label_nb;
    json["label_en"] = term.label_en;
  }
  return json;
}

// Reads a new term: "key", "label_da", "label_nb", "label_en", all text; unknown fields refused.
Result<Term> ReadTerm(const nlohmann::json& body) {
  Term term;
  term.built_in = false;
  std::vector<FieldProblem> problems;
  for (const auto& [name, value] : body.items()) {
    std::string* target = name == "key"        ? &term.key
                          : name == "label_da" ? &term.label_da
                          : name == "label_nb" ? &term.label_nb
                          : name == "label_en" ? &term.label_en
                                               : nullptr;
    if (target == nullptr) {
      problems.push_back({name, "error.unknown_field"});
    } else if (!value.is_string()) {
      problems.push_back({name, "validation.type_text"});
    } else {
      *target = value.get<std::string>();
    }
  }
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  return term;
}

}  // namespace

Result<Vocabulary> VocabularyOf(const http::Request& request) {
  const auto vocabulary = domain::ParseVocabulary(request.PathParam("vocabulary"));
  if (!vocabulary) return NotFound("no such vocabulary", "vocabularies.error.unknown_vocabulary");
  return *vocabulary;
}

void RegisterVocabularyApi(http::Router& router, storage::VocabularyStore& vocabularies) {
  router.Add(
      "GET", "/api/v1/vocabularies/{vocabulary}", domain::Access::MunicipalStaff(),
      [&vocabularies](http::Request& request) -> Result<http::Response> {
        auto vocabulary = VocabularyOf(request);
        if (!vocabulary.ok()) return vocabulary.status();
        auto terms = vocabularies.Terms(auth::ScopeOf(request), *vocabulary);
        if (!terms.ok()) return terms.status();
        nlohmann::json items = nlohmann::json::array();
        for (const auto& term : *terms)
          items.push_back(TermToJson(vocabularies, *vocabulary, term, request.lang));
        return Json(200, {{"vocabulary", domain::VocabularyName(*vocabulary)}, {"items", std::move(items)}});
      });

  router.Add("POST", "/api/v1/vocabularies/{vocabulary}", domain::Access::MunicipalAdmin(),
             [&vocabularies](http::Request& request) -> Result<http::Response> {
               auto vocabulary = VocabularyOf(request);
               if (!vocabulary.ok()) return vocabulary.status();
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               auto term = ReadTerm(*body);
               if (!term.ok()) return term.status();
               auto added =
                   vocabularies.AddTerm(auth::ScopeOf(request), auth::ActorOf(request), *vocabulary, *term);
               if (!added.ok()) {
                 // A key that is taken is a problem with the field, like the others: 422 naming it.
                 if (added.status().code() == ErrorCode::kAlreadyExists)
                   return ValidationFailed(added.status().fields());
                 return added.status();
               }
               auto response = Json(201, TermToJson(vocabularies, *vocabulary, *added, request.lang));
               response.headers.Add("Location", fmt::format("/api/v1/vocabularies/{}/{}",
                                                            domain::VocabularyName(*vocabulary), added->key));
               return response;
             });

  router.Add(
      "DELETE", "/api/v1/vocabularies/{vocabulary}/{key}", domain::Access::MunicipalAdmin(),
      [&vocabularies](http::Request& request) -> Result<http::Response> {
        auto vocabulary = VocabularyOf(request);
        if (!vocabulary.ok()) return vocabulary.status();
        SAMSKAB_RETURN_IF_ERROR(vocabularies.RemoveTerm(auth::ScopeOf(request), auth::ActorOf(request),
                                                        *vocabulary, std::string(request.PathParam("key"))));
        http::Response response;
        response.status = 204;
        return response;
      });
}

}  // namespace samskab::api
