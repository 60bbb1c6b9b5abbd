// /admin/{municipality}/vocabularies (municipal admins): the municipality's welfare areas and
// target groups, built-in and its own, a form to add an own term, and removal of an own term that
// no collaboration uses (storage/vocabulary_store.h says why).
#pragma once

#include "http/router.h"
#include "storage/vocabulary_store.h"
#include "web/pages.h"

namespace samskab::web {

struct VocabularyPageDependencies {
  const PageDependencies& pages;
  storage::VocabularyStore& vocabularies;
};

void RegisterVocabularyPages(http::Router& router, const VocabularyPageDependencies& deps);

}  // namespace samskab::web
