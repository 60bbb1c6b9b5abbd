#include "web/i18n.h"

#include <gtest/gtest.h>

#include "core/embedded.h"
#include "web/views.h"

namespace samskab::web {
namespace {

TEST(Catalog, EveryKeyExistsInEveryLanguage) {
  auto catalog = Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok()) << catalog.status().log_message();
  for (const auto lang : kLanguages) {
    const auto missing = catalog->MissingIn(lang);
    EXPECT_TRUE(missing.empty()) << "missing in " << lang << ": " << ::testing::PrintToString(missing);
    EXPECT_GT(catalog->Keys(lang).size(), 80u);
  }
}

TEST(Catalog, MissingInReportsAKeyAbsentFromOneLanguage) {
  auto catalog =
      Catalog::FromToml({{"da", "[a]\nx = \"1\"\ny = \"2\""}, {"en", "[a]\nx = \"1\""}, {"nb", ""}});
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(catalog->MissingIn("en"), std::vector<std::string>{"a.y"});
  EXPECT_EQ(catalog->MissingIn("nb"), (std::vector<std::string>{"a.x", "a.y"}));
  EXPECT_EQ(catalog->Get("en", "a.y"), "[a.y]");
}

TEST(Catalog, ABrokenCatalogNamesTheFile) {
  auto catalog = Catalog::FromToml({{"da", "[a\nx = 1"}});
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.status().log_message().find("messages/da.toml"), std::string::npos);
}

TEST(Catalog, EveryKeyATemplateUsesIsInTheCatalog) {
  auto catalog = Catalog::LoadEmbedded();
  ASSERT_TRUE(catalog.ok());
  int keys_seen = 0;
  for (const auto& resource : embedded::All()) {
    if (resource.name.rfind("templates/", 0) != 0) continue;
    for (size_t open = resource.bytes.find("[["); open != std::string_view::npos;
         open = resource.bytes.find("[[", open + 2)) {
      const size_t close = resource.bytes.find("]]", open);
      ASSERT_NE(close, std::string_view::npos) << resource.name;
      const std::string key(resource.bytes.substr(open + 2, close - open - 2));
      // Directives, not messages: asset URLs, the language code, conditional blocks.
      if (key.rfind("asset:", 0) == 0 || key == "=lang" || key.front() == '?' || key.front() == '!' ||
          key.front() == '/') {
        continue;
      }
      ++keys_seen;
      if (key.front() == '@') {  // "[[@nb:language.name]]": one language's message
        EXPECT_TRUE(catalog->Has(key.substr(1, 2), key.substr(4))) << resource.name << ": " << key;
        continue;
      }
      for (const auto lang : kLanguages) EXPECT_TRUE(catalog->Has(lang, key)) << resource.name << ": " << key;
    }
  }
  EXPECT_GT(keys_seen, 40);
  EXPECT_EQ(Localise("[[nav.start]]", *catalog, "en"), "Home");
  EXPECT_EQ(Localise("[[nav.start]]", *catalog, "nb"), "Forside");
}

struct NegotiationCase {
  std::string cookie;
  std::string accept_language;
  std::string expected;
};

TEST(NegotiateLanguage, CookieThenAcceptLanguageThenDanish) {
  const NegotiationCase cases[] = {
      {"", "", "da"},
      {"lang=en", "nb", "en"},
      {"other=1; lang=nb", "en", "nb"},
      {"lang=fr", "en-GB,en;q=0.9", "en"},
      {"", "nn-NO,en;q=0.5", "nb"},
      {"", "no", "nb"},
      {"", "de-DE,sv;q=0.8", "da"},
      {"", "EN-us", "en"},
      {"lang=<script>", "", "da"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NegotiateLanguage(c.cookie, c.accept_language), c.expected)
        << c.cookie << " | " << c.accept_language;
  }
}

TEST(Localise, EscapesCatalogTextAndTurnsPlaceholdersIntoTemplateMarkers) {
  auto catalog = Catalog::FromToml({{"da", "[t]\nx = \"A & <b> for {municipality}\""}});
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(Localise("<h1>[[t.x]]</h1>", *catalog, "da"), "<h1>A &amp; &lt;b&gt; for {{MUNICIPALITY}}</h1>");
}

TEST(Localise, DirectivesForAssetsLanguageAndConditionalBlocks) {
  auto catalog = Catalog::FromToml({{"da", "[l]\nname = \"Dansk\""}, {"en", "[l]\nname = \"English\""}});
  ASSERT_TRUE(catalog.ok());
  const auto url = [](std::string_view path) { return "/static/" + std::string(path) + "?v=1"; };
  EXPECT_EQ(Localise("<a href=\"[[asset:app/app.css]]\">", *catalog, "da", url),
            "<a href=\"/static/app/app.css?v=1\">");
  EXPECT_EQ(Localise("<html lang=\"[[=lang]]\">", *catalog, "en"), "<html lang=\"en\">");
  const std::string switcher = "[[?da]]<b>[[@da:l.name]]</b>[[/?]][[!da]]<a>[[@da:l.name]]</a>[[/!]]";
  EXPECT_EQ(Localise(switcher, *catalog, "da"), "<b>Dansk</b>");
  EXPECT_EQ(Localise(switcher, *catalog, "en"), "<a>Dansk</a>");
  const std::string nav = "<li[[?nav:start]] class=\"active\"[[/?]]>";
  EXPECT_EQ(Localise(nav, *catalog, "da", {}, {"nav:start"}), "<li class=\"active\">");
  EXPECT_EQ(Localise(nav, *catalog, "da", {}, {"nav:contact"}), "<li>");
  // Blocks of the same kind nest: a dropped outer block drops its inner blocks with it.
  const std::string nested = "[[?user]]<li[[?nav:account]] class=\"active\"[[/?]]>me</li>[[/?]]<p>";
  EXPECT_EQ(Localise(nested, *catalog, "da", {}, {"nav:account"}), "<p>");
  EXPECT_EQ(Localise(nested, *catalog, "da", {}, {"user", "nav:account"}), "<li class=\"active\">me</li><p>");
  EXPECT_EQ(Localise(nested, *catalog, "da", {}, {"user"}), "<li>me</li><p>");
}

}  // namespace
}  // namespace samskab::web
