#include "storage/sqlite/snowball_tokenizer.h"

#include <libstemmer.h>

#include <cstring>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "storage/sqlite/fts5_api.h"

namespace samskab::storage {
namespace {

// The languages a table may name; anything else fails the CREATE VIRTUAL TABLE.
bool IsSupportedLanguage(std::string_view language) {
  return language == "danish" || language == "norwegian";
}

// What xCreateTokenizer keeps for us: the unicode61 tokenizer we wrap.
struct Module {
  fts5_tokenizer unicode61{};
  void* unicode61_context = nullptr;
};

// One tokenizer instance (one per FTS5 table and connection). libstemmer's stemmers keep state
// between calls, so each instance owns its own; FTS5 never uses one instance from two threads
// at once because a connection is used by one thread at a time.
struct Instance {
  const Module* module = nullptr;
  Fts5Tokenizer* inner = nullptr;
  sb_stemmer* stemmer = nullptr;
  ~Instance() {
    if (inner) module->unicode61.xDelete(inner);
    if (stemmer) sb_stemmer_delete(stemmer);
  }
};

int Create(void* context, const char** args, int arg_count, Fts5Tokenizer** out) {
  *out = nullptr;
  if (arg_count != 1 || !IsSupportedLanguage(args[0])) return SQLITE_ERROR;
  auto instance = std::make_unique<Instance>();
  instance->module = static_cast<const Module*>(context);
  const char* inner_args[] = {"remove_diacritics", "0"};
  int rc = instance->module->unicode61.xCreate(instance->module->unicode61_context, inner_args, 2,
                                               &instance->inner);
  if (rc != SQLITE_OK) return rc;
  instance->stemmer = sb_stemmer_new(args[0], "UTF_8");
  if (!instance->stemmer) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(instance.release());
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Instance*>(tokenizer); }

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

// Between unicode61 and FTS5: stems each (already lower-cased) token on its way through.
struct Relay {
  sb_stemmer* stemmer;
  void* context;
  TokenCallback callback;
};

int StemToken(void* relay_ptr, int flags, const char* token, int length, int start, int end) {
  auto* relay = static_cast<Relay*>(relay_ptr);
  const sb_symbol* stem = sb_stemmer_stem(relay->stemmer, reinterpret_cast<const sb_symbol*>(token), length);
  if (!stem) return SQLITE_NOMEM;
  return relay->callback(relay->context, flags, reinterpret_cast<const char*>(stem),
                         sb_stemmer_length(relay->stemmer), start, end);
}

int Tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int length,
             TokenCallback callback) {
  auto* instance = reinterpret_cast<Instance*>(tokenizer);
  Relay relay{instance->stemmer, context, callback};
  return instance->module->unicode61.xTokenize(instance->inner, &relay, flags, text, length, StemToken);
}

}  // namespace

Status RegisterSnowballTokenizer(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (!api) return Internal("sqlite: FTS5 is not available");
  auto module = std::make_unique<Module>();
  if (api->xFindTokenizer(api, "unicode61", &module->unicode61_context, &module->unicode61) != SQLITE_OK) {
    return Internal("sqlite: FTS5 has no unicode61 tokenizer");
  }
  fts5_tokenizer snowball{Create, Delete, Tokenize};
  const int rc = api->xCreateTokenizer(api, "snowball", module.get(), &snowball,
                                       [](void* context) { delete static_cast<Module*>(context); });
  if (rc != SQLITE_OK)
    return Internal(fmt::format("sqlite: cannot register the snowball tokenizer ({})", rc));
  static_cast<void>(module.release());  // owned by the connection now; freed by the destroy callback
  return Status::Ok();
}

}  // namespace samskab::storage
