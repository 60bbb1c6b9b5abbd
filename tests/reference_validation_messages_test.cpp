// The catalog keys that the reference-data validators return (postcodes, CVR numbers) reach the
// user as text, so each must be in every language's catalog. The keys are taken from the
// validators' own failures, not from a list that could drift from them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/organisation/cvr.h"
#include "domain/place/postcodes.h"
#include "web/i18n.h"

namespace samskab {
namespace {

std::string CvrKey(std::string input) { return domain::ValidateCvr(input).user_message_key(); }

TEST(ReferenceValidationMessages, EveryKeyIsInEveryLanguage) {
  auto postcodes = domain::PostcodeDirectory::LoadEmbedded();
  ASSERT_TRUE(postcodes.ok()) << postcodes.status().log_message();
  const std::vector<std::string> keys = {
      postcodes->NormalisePostcode("800").status().user_message_key(),
      postcodes->NormalisePostcode("0000").status().user_message_key(),
      CvrKey("2918854"),
      CvrKey("29188549"),
  };
  auto catalog = web::Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok()) << catalog.status().log_message();
  for (const auto& key : keys) {
    ASSERT_FALSE(key.empty());
    for (const auto lang : web::kLanguages) EXPECT_TRUE(catalog->Has(lang, key)) << lang << ": " << key;
  }
}

}  // namespace
}  // namespace samskab
