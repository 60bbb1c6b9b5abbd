#include "core/password.h"

#include <gtest/gtest.h>

namespace samskab::password {
namespace {

TEST(Password, HashesVerifyAndAreSaltedArgon2id) {
  auto first = Hash("korrekt hest batteri hæfteklamme", Minimal());
  auto second = Hash("korrekt hest batteri hæfteklamme", Minimal());
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->rfind("$argon2id$", 0), 0u);
  EXPECT_NE(*first, *second) << "every hash has its own salt";
  EXPECT_TRUE(Verify("korrekt hest batteri hæfteklamme", *first));
  EXPECT_FALSE(Verify("korrekt hest batteri hæfteklamm", *first));
  EXPECT_FALSE(Verify("", *first));
  EXPECT_FALSE(Verify("korrekt hest batteri hæfteklamme", "not a hash"));
  EXPECT_FALSE(Verify("x", std::string(1000, '$')));
}

TEST(Password, NeedsRehashWhenTheLimitsChange) {
  auto hash = Hash("en lang nok adgangskode", Minimal());
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(NeedsRehash(*hash, Minimal()));
  EXPECT_TRUE(NeedsRehash(*hash, Interactive()));
}

TEST(Password, StrengthRulesCountCharactersNotBytes) {
  EXPECT_EQ(CheckStrength("kort").user_message_key(), "validation.password_too_short");
  EXPECT_EQ(CheckStrength("æøåæøåæøå").user_message_key(), "validation.password_too_short") << "9 characters";
  EXPECT_TRUE(CheckStrength("æøåæøåæøåæ").ok()) << "10 characters";
  EXPECT_EQ(CheckStrength(std::string(1025, 'a')).user_message_key(), "validation.too_long");
}

}  // namespace
}  // namespace samskab::password
