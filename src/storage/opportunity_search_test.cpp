// The opportunity search's contract on SQLite and PostgreSQL: the index follows inserts, updates
// and deletes by itself (migrations 0008 and 0010: triggers / generated column), Danish and
// Norwegian stemming, FTS syntax typed by users taken as words, only open opportunities that have
// not ended, the facets, snippets with marked words, ranking, the horizon, paging with a total,
// and the words' limits.
#include "storage/opportunity_search.h"

#include <gtest/gtest.h>
#include <algorithm>

#include "app/app.h"
#include "storage/unit_store.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

struct NewOpportunity {
  std::string title{};
  std::string description{};
  std::string language = "da";
  std::string municipality = "0190";
  std::string status = "open";
  std::optional<std::string> postcode{};
  std::string welfare_areas = ",";
  std::string target_groups = ",";
  int64_t availability = 0;
  bool by_organisation = false;
  std::string organisation_kind{};
  std::optional<std::string> ends_on{};
};

class OpportunitySearchContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), TestClock()).ok());
    UnitStore units(db(), TestClock());
    const auto actor = domain::Actor::System("test", "req-search");
    domain::Unit unit;
    unit.kind = domain::UnitKind::kAdministration;
    unit.name = "Center for Ældre";
    auto created = units.Create(domain::MunicipalityScope{"0190"}, actor, unit);
    ASSERT_TRUE(created.ok()) << created.status().log_message();
    unit_ = created->id;
    unit.name = "Bydel Frogner";
    auto oslo = units.Create(domain::MunicipalityScope{"no-0301"}, actor, unit);
    ASSERT_TRUE(oslo.ok()) << oslo.status().log_message();
    oslo_unit_ = oslo->id;
    auto org = Query(
        "INSERT INTO organisations (name, kind, is_public, created_at, updated_at) "
        "VALUES ('Lokalforeningen', 'popular_education_association', 1, '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z') RETURNING id",
        {});
    organisation_ = org.front().Int(0);
  }
  Rows Query(const std::string& sql, const Params& params) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    return rows.ok() ? *rows : Rows{};
  }
  int64_t Add(const NewOpportunity& o) {
    const bool oslo = o.municipality == "no-0301";
    auto rows = Query(
        "INSERT INTO opportunities (municipality_code, unit_id, organisation_id, title, description, "
        "welfare_areas, target_groups, availability, postcode, capacity, ends_on, status, language, "
        "organisation_kind, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') "
        "RETURNING id",
        {o.municipality, o.by_organisation ? Value(Null{}) : Value(oslo ? oslo_unit_ : unit_),
         o.by_organisation ? Value(organisation_) : Value(Null{}), o.title, o.description, o.welfare_areas,
         o.target_groups, o.availability, NullIfEmpty(o.postcode), NullIfEmpty(o.ends_on), o.status,
         o.language, NullIfEmpty(o.organisation_kind)});
    return rows.empty() ? 0 : rows.front().Int(0);
  }
  OpportunitySearchRequest Request(std::string_view text) {
    OpportunitySearchRequest request;
    auto words = SearchTextWords(text);
    EXPECT_TRUE(words.ok()) << text;
    if (words.ok()) request.words = *words;
    request.today = "2026-11-18";
    return request;
  }
  std::vector<int64_t> Ids(const OpportunitySearchRequest& request) {
    auto result = SearchOpportunities(db(), request);
    EXPECT_TRUE(result.ok()) << result.status().log_message();
    std::vector<int64_t> ids;
    if (result.ok()) {
      for (const auto& hit : result->hits) ids.push_back(hit.id);
    }
    return ids;
  }
  std::vector<int64_t> Find(std::string_view text) { return Ids(Request(text)); }

  int64_t unit_ = 0, oslo_unit_ = 0, organisation_ = 0;
};

using IdList = std::vector<int64_t>;

TEST_P(OpportunitySearchContract, DanishWordsFindTheirOtherForms) {
  const int64_t volunteer = Add({.title = "Bliv frivillig", .description = "Hjælp til i hverdagen"});
  const int64_t association = Add({.title = "Kasserer", .description = "Vores forening mangler en kasserer"});
  const int64_t elderly =
      Add({.title = "Besøgsven", .description = "Vær med til at gøre ældres hverdag lysere"});
  EXPECT_EQ(Find("frivillige"), IdList{volunteer});
  EXPECT_EQ(Find("foreningerne"), IdList{association});
  EXPECT_EQ(Find("ældre"), IdList{elderly});
  EXPECT_EQ(Find("ÆLDRE"), IdList{elderly}) << "case does not matter";
  EXPECT_EQ(Find("aeldre"), IdList{}) << "æ is a letter of its own, not a diacritic";
}

TEST_P(OpportunitySearchContract, NorwegianWordsFindTheirOtherFormsWithTheNorwegianStemmer) {
  const int64_t oslo = Add({.title = "Bli frivillig i bydelen",
                            .description = "Vi trenger hjelp til foreningene",
                            .language = "nb",
                            .municipality = "no-0301"});
  EXPECT_EQ(Find("frivillige"), IdList{oslo});
  EXPECT_EQ(Find("forening"), IdList{oslo});
}

TEST_P(OpportunitySearchContract, TheIndexFollowsInsertsUpdatesAndDeletes) {
  const int64_t id = Add({.title = "Lektiehjælp", .description = "Om eftermiddagen"});
  EXPECT_EQ(Find("lektiehjælp"), IdList{id});

  Query("UPDATE opportunities SET title = 'Fodboldtræner' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Find("lektiehjælp"), IdList{}) << "the old title is forgotten";
  EXPECT_EQ(Find("fodboldtræner"), IdList{id});
  EXPECT_EQ(Find("eftermiddagen"), IdList{id}) << "the text is still found";

  // Another language: indexed again with the other stemmer, and found only once.
  Query("UPDATE opportunities SET language = 'nb', title = 'Fotballtrener' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Find("fotballtrener"), IdList{id});
  EXPECT_EQ(Find("fodboldtræner"), IdList{});

  Query("UPDATE opportunities SET status = 'closed' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Find("fotballtrener"), IdList{}) << "closed: not public";
  Query("UPDATE opportunities SET status = 'open' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Find("fotballtrener"), IdList{id});

  Query("DELETE FROM opportunities WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Find("fotballtrener"), IdList{});
  EXPECT_EQ(Find("eftermiddagen"), IdList{});
  if (GetParam() == Backend::kSqlite) {
    // The external-content index agrees with its table (FTS5's own check).
    Query("INSERT INTO opportunity_search_da (opportunity_search_da) VALUES ('integrity-check') RETURNING 1",
          {});
    Query("INSERT INTO opportunity_search_nb (opportunity_search_nb) VALUES ('integrity-check') RETURNING 1",
          {});
  }
}

TEST_P(OpportunitySearchContract, SearchSyntaxTypedByUsersIsOnlyWords) {
  const int64_t id = Add({.title = "Frivillig i foreningen", .description = "Near the sea"});
  for (const char* typed :
       {"\"frivillig", "frivillig*", "frivillig -foreningen", "(frivillig", "title:frivillig", "^frivillig",
        "frivillig NEAR foreningen", "frivillig AND", "frivillig OR x", "frivillig & !foreningen",
        "frivillig | x", "NOT frivillig", "{frivillig}", "frivillig'); DROP TABLE opportunities; --"}) {
    auto result = SearchOpportunities(db(), Request(typed));
    ASSERT_TRUE(result.ok()) << typed << ": " << result.status().log_message();
  }
  EXPECT_EQ(Find("\"frivillig\" (foreningen)"), IdList{id});
  EXPECT_EQ(Find("near"), IdList{id}) << "NEAR is a word like any other";
  EXPECT_EQ(Find("frivillig -foreningen"), IdList{id}) << "- is no negation";
  EXPECT_EQ(Find("frivillig OR nothing"), IdList{}) << "OR is a word, and every word must be found";
}

TEST_P(OpportunitySearchContract, OnlyOpenOpportunitiesThatHaveNotEndedArePublic) {
  const int64_t open = Add({.title = "Frivillig A"});
  Add({.title = "Frivillig B", .status = "draft"});
  Add({.title = "Frivillig C", .status = "closed"});
  Add({.title = "Frivillig D", .ends_on = "2026-11-17"});
  const int64_t today = Add({.title = "Frivillig E", .ends_on = "2026-11-18"});
  EXPECT_EQ(Find("frivillig"), (IdList{open, today}));
  EXPECT_EQ(Find(""), (IdList{today, open})) << "without words: newest first";
}

TEST_P(OpportunitySearchContract, FacetsNarrowTheResults) {
  const int64_t elderly = Add({.title = "Frivillig besøgsven",
                               .postcode = "3500",
                               .welfare_areas = ",elderly,health,",
                               .target_groups = ",elderly,",
                               .availability = 0b010 << 3});  // Tuesday afternoon
  const int64_t children = Add({.title = "Frivillig træner",
                                .postcode = "9000",
                                .welfare_areas = ",children_youth,",
                                .availability = 0b001,  // Monday morning
                                .by_organisation = true,
                                .organisation_kind = "popular_education_association"});
  const int64_t oslo = Add({.title = "Frivillig", .language = "nb", .municipality = "no-0301"});
  auto request = Request("frivillig");
  EXPECT_EQ(Ids(request), (IdList{elderly, children, oslo}));

  auto by_area = request;
  by_area.welfare_area = "elderly";
  EXPECT_EQ(Ids(by_area), IdList{elderly});
  by_area.welfare_area = "health_";  // a LIKE wildcard is a character like any other
  EXPECT_EQ(Ids(by_area), IdList{});

  auto by_group = request;
  by_group.target_group = "elderly";
  EXPECT_EQ(Ids(by_group), IdList{elderly});

  auto by_place = request;
  by_place.postcodes = std::vector<std::string>{"3450", "3500", "3520"};
  EXPECT_EQ(Ids(by_place), IdList{elderly});

  auto by_day = request;
  by_day.weekday = 1;  // Tuesday
  EXPECT_EQ(Ids(by_day), IdList{elderly});
  by_day.weekday = 0;
  EXPECT_EQ(Ids(by_day), IdList{children});
  by_day.weekday = 6;
  EXPECT_EQ(Ids(by_day), IdList{});

  auto by_kind = request;
  by_kind.organisation_kind = "municipality";
  EXPECT_EQ(Ids(by_kind), (IdList{elderly, oslo}));
  by_kind.organisation_kind = "popular_education_association";
  EXPECT_EQ(Ids(by_kind), IdList{children});
  by_kind.organisation_kind = "company";
  EXPECT_EQ(Ids(by_kind), IdList{});

  auto by_municipality = request;
  by_municipality.municipality = "no-0301";
  EXPECT_EQ(Ids(by_municipality), IdList{oslo});

  auto browse = Request("");
  browse.welfare_area = "children_youth";
  EXPECT_EQ(Ids(browse), IdList{children});
}

TEST_P(OpportunitySearchContract, HitsCarryThePosterThePlaceAndASnippetWithTheMatchesMarked) {
  const int64_t id = Add({.title = "Besøgsven",
                          .description = "Vi søger frivillige, der vil besøge ældre borgere en gang om ugen.",
                          .postcode = "3500",
                          .by_organisation = true,
                          .organisation_kind = "popular_education_association"});
  auto result = SearchOpportunities(db(), Request("frivillig ældres"));
  ASSERT_TRUE(result.ok()) << result.status().log_message();
  ASSERT_EQ(result->hits.size(), 1U);
  const auto& hit = result->hits.front();
  EXPECT_EQ(hit.id, id);
  EXPECT_EQ(hit.title, "Besøgsven");
  EXPECT_EQ(hit.poster, "Lokalforeningen");
  EXPECT_EQ(hit.postcode, "3500");
  const auto parts = SplitSnippet(hit.snippet);
  std::vector<std::string> matched;
  for (const auto& part : parts) {
    if (part.match) matched.push_back(part.text);
  }
  EXPECT_EQ(matched, (std::vector<std::string>{"frivillige", "ældre"})) << hit.snippet;

  auto browse = SearchOpportunities(db(), Request(""));
  ASSERT_TRUE(browse.ok());
  EXPECT_EQ(browse->hits.front().poster, "Lokalforeningen");
  EXPECT_EQ(browse->hits.front().snippet,
            "Vi søger frivillige, der vil besøge ældre borgere en gang om ugen.");
}

TEST_P(OpportunitySearchContract, TheTitleRanksAboveTheTextAndTiesGoByIdWithPagesAndATotal) {
  const int64_t in_text = Add({.title = "Hjælper", .description = "Vi søger en kok til caféen"});
  const int64_t in_title = Add({.title = "Kok til caféen", .description = "Hver tirsdag"});
  EXPECT_EQ(Find("kok"), (IdList{in_title, in_text}));

  std::vector<int64_t> same;
  same.reserve(5);
  for (int i = 0; i < 5; ++i) same.push_back(Add({.title = "Cykelsmed", .description = "Reparer cykler"}));
  auto request = Request("cykelsmed");
  request.per_page = 2;
  std::vector<int64_t> seen;
  for (int page = 1; page <= 3; ++page) {
    request.page = page;
    auto result = SearchOpportunities(db(), request);
    ASSERT_TRUE(result.ok()) << result.status().log_message();
    EXPECT_EQ(result->total, 5);
    for (const auto& hit : result->hits) seen.push_back(hit.id);
  }
  EXPECT_EQ(seen, same) << "equal ranks by id, no gaps or repeats across pages";
  request.page = 4;
  auto past = SearchOpportunities(db(), request);
  ASSERT_TRUE(past.ok()) << past.status().log_message();
  EXPECT_TRUE(past->hits.empty());
  EXPECT_EQ(past->total, 5) << "past the last page the total is still told";
  auto browse = Request("");
  browse.per_page = 3;
  browse.page = 9;
  auto browse_past = SearchOpportunities(db(), browse);
  ASSERT_TRUE(browse_past.ok()) << browse_past.status().log_message();
  EXPECT_EQ(browse_past->total, 7);
}

TEST_P(OpportunitySearchContract, AnEndDateBeforeTodayInAnyYearMonthOrDayIsNotPublic) {
  // Today is 2026-11-18: SQLite's index says "ended" with words for the year, month and day.
  for (const char* ended :
       {"1999-05-05", "2000-01-01", "2025-12-31", "2026-01-05", "2026-10-31", "2026-11-01", "2026-11-17"}) {
    Add({.title = "Frivillig slut", .ends_on = ended});
  }
  const int64_t today = Add({.title = "Frivillig slut", .ends_on = "2026-11-18"});
  const int64_t tomorrow = Add({.title = "Frivillig slut", .ends_on = "2026-11-19"});
  const int64_t next_month = Add({.title = "Frivillig slut", .ends_on = "2026-12-01"});
  const int64_t next_year = Add({.title = "Frivillig slut", .ends_on = "2027-01-01"});
  const int64_t open_ended = Add({.title = "Frivillig slut"});
  EXPECT_EQ(Find("slut"), (IdList{today, tomorrow, next_month, next_year, open_ended}));

  auto new_year = Request("slut");
  new_year.today = "2027-01-01";
  EXPECT_EQ(Ids(new_year), (IdList{next_year, open_ended})) << "a year later the rest have ended";
}

TEST_P(OpportunitySearchContract, TheIndexFollowsChangesOfEveryFilteredColumn) {
  const int64_t id = Add({.title = "Frivillig værksted", .welfare_areas = ",elderly,"});
  auto request = Request("værksted");
  request.welfare_area = "children_youth";
  EXPECT_EQ(Ids(request), IdList{});
  Query("UPDATE opportunities SET welfare_areas = ',children_youth,' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Ids(request), IdList{id});

  request = Request("værksted");
  request.target_group = "refugees";
  Query("UPDATE opportunities SET target_groups = ',refugees,' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Ids(request), IdList{id});

  request = Request("værksted");
  request.weekday = 4;  // Friday
  EXPECT_EQ(Ids(request), IdList{});
  Query("UPDATE opportunities SET availability = ? WHERE id = ? RETURNING id", {int64_t{0b100} << 12, id});
  EXPECT_EQ(Ids(request), IdList{id});

  request = Request("værksted");
  request.organisation_kind = "company";
  Query(
      "UPDATE opportunities SET organisation_id = ?, unit_id = NULL, organisation_kind = 'company' WHERE id "
      "= ? "
      "RETURNING id",
      {organisation_, id});
  EXPECT_EQ(Ids(request), IdList{id}) << "the poster's kind";
  request.organisation_kind = "municipality";
  EXPECT_EQ(Ids(request), IdList{});

  request = Request("værksted");
  Query("UPDATE opportunities SET ends_on = '2026-11-01' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Ids(request), IdList{}) << "ended";
  Query("UPDATE opportunities SET ends_on = NULL WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Ids(request), IdList{id});

  Query("UPDATE opportunities SET status = 'closed' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Ids(request), IdList{}) << "closed";
  Query("UPDATE opportunities SET status = 'open' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Ids(request), IdList{id});

  request.postcodes = std::vector<std::string>{"3500", "3520"};
  EXPECT_EQ(Ids(request), IdList{});
  Query("UPDATE opportunities SET postcode = '3520' WHERE id = ? RETURNING id", {id});
  EXPECT_EQ(Ids(request), IdList{id}) << "the place";
  if (GetParam() == Backend::kSqlite) {
    Query("INSERT INTO opportunity_search_da (opportunity_search_da) VALUES ('integrity-check') RETURNING 1",
          {});
  }
}

TEST_P(OpportunitySearchContract, TheFiltersOwnWordsAreNeverFoundByTyping) {
  Add({.title = "Frivillig", .welfare_areas = ",elderly,", .availability = 1, .ends_on = "2027-03-03"});
  for (const char* typed : {"zopenz", "zshutz", "okz", "wd0z", "ey2027z", "em202703z", "ed20270303z",
                            "facets", "open:da", "wa:elderly", "ok:", "wd:0"})
    EXPECT_EQ(Find(typed), IdList{}) << typed;
}

// PostgreSQL drops stop words, so "og" is an empty query; joined to the filters' lexemes it would
// have been the filters alone, and found every open post.
TEST_P(OpportunitySearchContract, AQueryOfStopWordsOnlyFindsNoPostWithoutThem) {
  Add({.title = "Frivillig", .welfare_areas = ",elderly,"});
  EXPECT_EQ(Find("og"), IdList{});
  EXPECT_EQ(Find("og i de"), IdList{});
  auto with_facet = Request("og");
  with_facet.welfare_area = "elderly";
  EXPECT_EQ(Ids(with_facet), IdList{});
}

TEST_P(OpportunitySearchContract, OnlyTheNewestMatchesUpToTheHorizonAreRankedAndTheResultSaysSo) {
  // The oldest is the most relevant (the word in its title), yet beyond a horizon of three.
  const int64_t oldest = Add({.title = "Kok", .description = "Kok i køkkenet"});
  std::vector<int64_t> newer;
  newer.reserve(4);
  for (int i = 0; i < 4; ++i) newer.push_back(Add({.title = "Hjælper", .description = "Vi mangler en kok"}));
  auto request = Request("kok");
  request.horizon = 3;
  auto result = SearchOpportunities(db(), request);
  ASSERT_TRUE(result.ok()) << result.status().log_message();
  EXPECT_EQ(result->total, 3);
  EXPECT_TRUE(result->horizon_reached);
  EXPECT_EQ(Ids(request), (IdList{newer[1], newer[2], newer[3]}))
      << "equal ranks by id; the oldest are not ranked";

  request.horizon = 5;
  result = SearchOpportunities(db(), request);
  ASSERT_TRUE(result.ok()) << result.status().log_message();
  EXPECT_EQ(result->total, 5);
  EXPECT_TRUE(result->horizon_reached) << "as many as the horizon: there may be more";
  request.horizon = 6;
  result = SearchOpportunities(db(), request);
  ASSERT_TRUE(result.ok()) << result.status().log_message();
  EXPECT_FALSE(result->horizon_reached);
  EXPECT_EQ(Ids(request).front(), oldest) << "within the horizon relevance decides";

  auto browse = Request("");
  browse.horizon = 3;
  result = SearchOpportunities(db(), browse);
  ASSERT_TRUE(result.ok()) << result.status().log_message();
  EXPECT_EQ(result->total, 5) << "the list without words has no horizon";
  EXPECT_FALSE(result->horizon_reached);
}

// Each language has its own index; the horizon is the newest matches of both together.
TEST_P(OpportunitySearchContract, TheHorizonIsTheNewestMatchesOfBothLanguagesTogether) {
  Add({.title = "Zumba"});
  Add({.title = "Zumba"});
  const int64_t norwegian = Add({.title = "Zumba", .language = "nb", .municipality = "no-0301"});
  const int64_t norwegian_new = Add({.title = "Zumba", .language = "nb", .municipality = "no-0301"});
  const int64_t danish_new = Add({.title = "Zumba"});
  auto request = Request("zumba");
  request.horizon = 3;
  auto result = SearchOpportunities(db(), request);
  ASSERT_TRUE(result.ok()) << result.status().log_message();
  EXPECT_EQ(result->total, 3);
  EXPECT_TRUE(result->horizon_reached);
  IdList found = Ids(request);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (IdList{norwegian, norwegian_new, danish_new}));
  request.horizon = 5;
  EXPECT_EQ(Ids(request).size(), 5U);
  request.per_page = 1;
  request.page = 7;  // past the last page: the total alone
  result = SearchOpportunities(db(), request);
  ASSERT_TRUE(result.ok()) << result.status().log_message();
  EXPECT_EQ(result->total, 5);
  EXPECT_TRUE(result->hits.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, OpportunitySearchContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

TEST(OpportunitySearchWords, AreLettersAndDigitsFoldedWithEverythingElseASeparator) {
  EXPECT_EQ(*SearchTextWords("  Frivillige \"ÆLDRE\"* (NEAR) x-y 2026: ^a  "),
            (std::vector<std::string>{"frivillige", "ældre", "near", "x", "y", "2026", "a"}));
  EXPECT_EQ(*SearchTextWords("  "), std::vector<std::string>{});
  EXPECT_EQ(*SearchTextWords("“citat” — tankestreg…"), (std::vector<std::string>{"citat", "tankestreg"}));
}

TEST(OpportunitySearchWords, MoreThan200CharactersOrTwentyWordsAreRefused) {
  EXPECT_TRUE(SearchTextWords(std::string(200, 'a')).ok());
  EXPECT_EQ(SearchTextWords(std::string(201, 'a')).status().user_message_key(),
            "search.error.query_too_long");
  std::string twenty;
  for (int i = 0; i < 20; ++i) twenty += "ord ";
  EXPECT_TRUE(SearchTextWords(twenty).ok());
  EXPECT_EQ(SearchTextWords(twenty + "ord").status().user_message_key(), "search.error.query_too_long");
}

TEST(OpportunitySearchSnippets, SplitAtTheMarkersIntoPlainAndMatchedParts) {
  const std::string marked = std::string("a ") + kMatchStart + "b" + kMatchEnd + " <c> " + kMatchStart + "d";
  EXPECT_EQ(SplitSnippet(marked), (std::vector<SnippetPart>{{"a ", false}, {"b", true}, {" <c> d", false}}));
  EXPECT_EQ(SplitSnippet(""), std::vector<SnippetPart>{});
}

}  // namespace
}  // namespace samskab::storage
