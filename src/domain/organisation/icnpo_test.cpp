#include "domain/organisation/icnpo.h"

#include <gtest/gtest.h>

namespace samskab::domain {
namespace {

const IcnpoCatalog& Catalog() {
  static const IcnpoCatalog catalog = [] {
    auto loaded = IcnpoCatalog::LoadEmbedded();
    if (!loaded.ok()) ADD_FAILURE() << loaded.status().log_message();
    return loaded.ok() ? std::move(*loaded) : IcnpoCatalog();
  }();
  return catalog;
}

TEST(Icnpo, AllFortyCategoriesLoad) {
  EXPECT_EQ(Catalog().All().size(), 40u);
  size_t original = 0;
  for (const auto& c : Catalog().All()) {
    if (c.in_original_spec) ++original;
  }
  EXPECT_EQ(original, 28u);  // ICNPO's own groups; the other 12 are drkane's UK refinements
}

TEST(Icnpo, KnownCategories) {
  const auto culture = Catalog().Find("1100");
  ASSERT_TRUE(culture);
  EXPECT_EQ(culture->name, "Culture and Arts");
  EXPECT_EQ(culture->group, "Culture and sport");
  EXPECT_TRUE(culture->in_original_spec);

  // Quoted in the file, with a comma inside.
  const auto scouts = Catalog().Find("4110");
  ASSERT_TRUE(scouts);
  EXPECT_EQ(scouts->name, "Scouts, guides and other groups");
  EXPECT_EQ(scouts->group, "Social Services");
  EXPECT_FALSE(scouts->in_original_spec);

  const auto volunteering = Catalog().Find("8200");
  ASSERT_TRUE(volunteering);
  EXPECT_EQ(volunteering->name, "Other philanthropic intermediaries and voluntarism promotion");
  EXPECT_EQ(volunteering->group, "Philanthropy and volunteering");

  const auto religion = Catalog().Find("10100");  // five digits: groups 10 to 12
  ASSERT_TRUE(religion);
  EXPECT_EQ(religion->group, "Religion");
  const auto development = Catalog().Find("6100");
  ASSERT_TRUE(development);
  EXPECT_EQ(development->group, "Community, employment and housing");
}

TEST(Icnpo, UnknownCodes) {
  for (const std::string_view code : {"", "1000", "110", "01100", "1100 ", "Culture and Arts"}) {
    EXPECT_FALSE(Catalog().Find(code)) << code;
  }
}

TEST(Icnpo, BrokenReferenceDataFailsTheLoad) {
  const std::string header = "icnpo,icnpo_desc,icnpo_group,in_original_spec\n";
  EXPECT_TRUE(IcnpoCatalog::Parse(header + "1100,Culture and Arts,Culture and sport,TRUE\n").ok());
  EXPECT_TRUE(IcnpoCatalog::Parse(header + "4110,\"Say \"\"hi\"\"\",Social,FALSE").ok());
  for (const std::string& body : {
           std::string("icnpo;icnpo_desc\n1100;Culture"),            // wrong header
           header,                                                   // no categories
           header + "1100,Culture and Arts,Culture and sport",       // three fields
           header + "1100,Culture and Arts,Culture and sport,yes",   // flag
           header + "11A0,Culture and Arts,Culture and sport,TRUE",  // code
           header + "1100,\"Culture, Arts,Culture and sport,TRUE",   // unclosed quote
           header + "1100,Cul\"ture,Culture and sport,TRUE",         // stray quote
           header + "1100,,Culture and sport,TRUE",                  // empty name
           header + "1100,A,B,TRUE\n1100,A,B,TRUE",                  // twice
           header + "1100,A,B,TRUE\n\n1200,A,B,TRUE",                // empty line
       }) {
    const auto parsed = IcnpoCatalog::Parse(body);
    EXPECT_FALSE(parsed.ok()) << body;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInternal) << body;
  }
}

}  // namespace
}  // namespace samskab::domain
