// /api/v1/vocabularies/{vocabulary}: the municipality's welfare areas or target groups (built-in
// and its own terms) for its staff; its admins add own terms and remove those no collaboration
// uses (storage/vocabulary_store.h).
#pragma once

#include "http/router.h"
#include "storage/vocabulary_store.h"

namespace samskab::api {

void RegisterVocabularyApi(http::Router& router, storage::VocabularyStore& vocabularies);

// The vocabulary a path names ("welfare_area", "target_group"); kNotFound otherwise.
Result<domain::Vocabulary> VocabularyOf(const http::Request& request);

}  // namespace samskab::api
