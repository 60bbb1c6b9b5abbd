// The vocabulary store's contract, on SQLite and PostgreSQL: a municipality's own terms after the
// built-in ones, adding (key rules, labels required, a key taken), removing (built-in refused, a
// term in use refused with the count, nothing changed), labels, tenancy and the audit log.
#include "storage/vocabulary_store.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "app/app.h"
#include "storage/audit_store.h"
#include "storage/collaboration_store.h"
#include "storage/unit_store.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Term;
using domain::Vocabulary;

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

class VocabularyContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), TestClock()).ok());
    store_ = std::make_unique<VocabularyStore>(
        db(), TestClock(),
        [](std::string_view lang, std::string_view key) { return fmt::format("{}:{}", lang, key); });
  }
  static Term Own(std::string key, const std::string& da) {
    Term term;
    term.key = std::move(key);
    term.label_da = da;
    term.label_nb = da + " (nb)";
    term.label_en = da + " (en)";
    return term;
  }
  int64_t Count(const std::string& table) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  const domain::Actor actor_ = domain::Actor::System("test", "req-vocabulary");
  const MunicipalityScope furesoe_{"0190"};
  const MunicipalityScope aalborg_{"0851"};
  std::unique_ptr<VocabularyStore> store_;
};

TEST_P(VocabularyContract, OwnTermsComeAfterTheBuiltInOnesAndOnlyInTheirMunicipality) {
  ASSERT_TRUE(
      store_->AddTerm(furesoe_, actor_, Vocabulary::kWelfareArea, Own("  vaagetjeneste ", " Vågetjeneste "))
          .ok());
  ASSERT_TRUE(
      store_->AddTerm(furesoe_, actor_, Vocabulary::kWelfareArea, Own("besoeg", "Besøgsvenner")).ok());
  auto terms = store_->Terms(furesoe_, Vocabulary::kWelfareArea);
  ASSERT_TRUE(terms.ok());
  const size_t built_in = domain::BuiltInTerms(Vocabulary::kWelfareArea).size();
  ASSERT_EQ(terms->size(), built_in + 2);
  EXPECT_TRUE((*terms)[0].built_in);
  EXPECT_EQ((*terms)[0].key, "health");
  // Own terms by their Danish label; key and labels trimmed.
  EXPECT_EQ((*terms)[built_in].key, "besoeg");
  EXPECT_FALSE((*terms)[built_in].built_in);
  EXPECT_EQ((*terms)[built_in + 1].key, "vaagetjeneste");
  EXPECT_EQ((*terms)[built_in + 1].label_da, "Vågetjeneste");
  // The other vocabulary and the other municipality do not see them.
  EXPECT_EQ(store_->Terms(furesoe_, Vocabulary::kTargetGroup)->size(),
            domain::BuiltInTerms(Vocabulary::kTargetGroup).size());
  EXPECT_EQ(store_->Terms(aalborg_, Vocabulary::kWelfareArea)->size(), built_in);

  // Labels: the catalog's for built-in terms, the own label in the language, the key when unknown.
  EXPECT_EQ(store_->TermLabel(furesoe_, Vocabulary::kWelfareArea, "health", "nb"),
            "nb:vocabulary.welfare_area.health");
  EXPECT_EQ(store_->TermLabel(furesoe_, Vocabulary::kWelfareArea, "besoeg", "en"), "Besøgsvenner (en)");
  EXPECT_EQ(store_->TermLabel(furesoe_, Vocabulary::kWelfareArea, "besoeg", "da"), "Besøgsvenner");
  EXPECT_EQ(store_->TermLabel(aalborg_, Vocabulary::kWelfareArea, "besoeg", "da"), "besoeg");

  auto lease = db().Acquire();
  EXPECT_TRUE(*IsKnownTerm(**lease, furesoe_, Vocabulary::kWelfareArea, "besoeg"));
  EXPECT_FALSE(*IsKnownTerm(**lease, aalborg_, Vocabulary::kWelfareArea, "besoeg"));
}

TEST_P(VocabularyContract, BadTermsAreRefusedNamingEveryFieldAndChangeNothing) {
  const int64_t audit_before = Count("audit_log");
  Term bad = Own("Store Bogstaver!", "");
  bad.label_nb = std::string(domain::kMaxTermLabelLength + 1, 'x');
  bad.label_en = "   ";
  auto added = store_->AddTerm(furesoe_, actor_, Vocabulary::kTargetGroup, bad);
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(added.status().fields(), (std::vector<FieldProblem>{{"key", "vocabulary.error.key"},
                                                                {"label_da", "validation.required"},
                                                                {"label_nb", "validation.too_long"},
                                                                {"label_en", "validation.required"}}));
  // A built-in key, and a key the municipality already has: taken, named at the key.
  auto built_in = store_->AddTerm(furesoe_, actor_, Vocabulary::kTargetGroup, Own("elderly", "Ældre"));
  EXPECT_EQ(built_in.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(built_in.status().fields(), (std::vector<FieldProblem>{{"key", "vocabularies.error.key_taken"}}));
  ASSERT_TRUE(
      store_->AddTerm(furesoe_, actor_, Vocabulary::kTargetGroup, Own("bedsteforaeldre", "Bedsteforældre"))
          .ok());
  auto again = store_->AddTerm(furesoe_, actor_, Vocabulary::kTargetGroup, Own("bedsteforaeldre", "Andet"));
  EXPECT_EQ(again.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.status().user_message_key(), "vocabularies.error.key_taken");
  EXPECT_EQ(Count("vocabulary_terms"), 1);
  EXPECT_EQ(Count("audit_log"), audit_before + 1);
  // The same key in another municipality is its own.
  EXPECT_TRUE(store_->AddTerm(aalborg_, actor_, Vocabulary::kTargetGroup, Own("bedsteforaeldre", "B")).ok());
}

TEST_P(VocabularyContract, ATermInUseOrBuiltInIsNotRemovedAndAFreeOneIsAudited) {
  ASSERT_TRUE(
      store_->AddTerm(furesoe_, actor_, Vocabulary::kWelfareArea, Own("vaagetjeneste", "Vågetjeneste")).ok());
  ASSERT_TRUE(
      store_->AddTerm(furesoe_, actor_, Vocabulary::kTargetGroup, Own("vaagetjeneste", "Døende")).ok());
  UnitStore units(db(), TestClock());
  domain::Unit unit;
  unit.kind = domain::UnitKind::kAdministration;
  unit.name = "Velfærd";
  auto created_unit = units.Create(furesoe_, actor_, unit);
  ASSERT_TRUE(created_unit.ok());
  static const domain::PostcodeDirectory kPostcodes = *domain::PostcodeDirectory::LoadEmbedded();
  CollaborationStore collaborations(db(), TestClock(), kPostcodes);
  for (const char* title : {"Våger i Farum", "Våger i Værløse"}) {
    domain::Collaboration c;
    c.title = title;
    c.unit_ids = {created_unit->id};
    c.welfare_area = "vaagetjeneste";
    ASSERT_TRUE(collaborations.Create(furesoe_, actor_, c).ok());
  }

  const int64_t audit_before = Count("audit_log");
  Status in_use = store_->RemoveTerm(furesoe_, actor_, Vocabulary::kWelfareArea, "vaagetjeneste");
  EXPECT_EQ(in_use.code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(in_use.user_message_key(), "vocabularies.error.in_use");
  EXPECT_EQ(*store_->CountUses(furesoe_, Vocabulary::kWelfareArea, "vaagetjeneste"), 2);
  Status built_in = store_->RemoveTerm(furesoe_, actor_, Vocabulary::kWelfareArea, "health");
  EXPECT_EQ(built_in.code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(built_in.user_message_key(), "vocabularies.error.built_in");
  EXPECT_EQ(store_->RemoveTerm(furesoe_, actor_, Vocabulary::kWelfareArea, "ukendt").code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->RemoveTerm(aalborg_, actor_, Vocabulary::kWelfareArea, "vaagetjeneste").code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(Count("vocabulary_terms"), 2);
  EXPECT_EQ(Count("audit_log"), audit_before);

  // The same key as a target group is not used by any collaboration: it goes, with an entry.
  ASSERT_TRUE(store_->RemoveTerm(furesoe_, actor_, Vocabulary::kTargetGroup, "vaagetjeneste").ok());
  EXPECT_EQ(Count("vocabulary_terms"), 1);
  AuditStore audit(db());
  auto entries = audit.List(furesoe_, 1, 0);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ(entries->front().action, "vocabulary.term_remove");
  EXPECT_EQ(entries->front().entity_id, "target_group/vaagetjeneste");
  EXPECT_FALSE(entries->front().after_json.has_value());
}

TEST_P(VocabularyContract, ATermOnANeedOrAnOpportunityIsInUseToo) {
  ASSERT_TRUE(store_->AddTerm(furesoe_, actor_, Vocabulary::kWelfareArea, Own("natcafe", "Natcafé")).ok());
  ASSERT_TRUE(
      store_->AddTerm(furesoe_, actor_, Vocabulary::kTargetGroup, Own("nat_gaester", "Natgæster")).ok());
  ASSERT_TRUE(store_->AddTerm(furesoe_, actor_, Vocabulary::kTargetGroup, Own("natxgaester", "Andre")).ok());
  UnitStore units(db(), TestClock());
  domain::Unit unit;
  unit.kind = domain::UnitKind::kAdministration;
  unit.name = "Velfærd";
  auto created_unit = units.Create(furesoe_, actor_, unit);
  ASSERT_TRUE(created_unit.ok());
  {
    auto lease = db().Acquire();
    ASSERT_TRUE(
        (*lease)
            ->Execute(
                "INSERT INTO needs (municipality_code, unit_id, title, welfare_area, status, visibility, "
                "created_at, updated_at) VALUES ('0190', ?, 'Nattevagt', 'natcafe', 'open', 'private', "
                "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                {created_unit->id})
            .ok());
    ASSERT_TRUE(
        (*lease)
            ->Query("INSERT INTO opportunities (municipality_code, unit_id, title, target_groups, capacity, "
                    "status, created_at, updated_at) VALUES ('0190', ?, 'Natcafé', ',elderly,nat_gaester,', "
                    "2, 'open', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
                    {created_unit->id})
            .ok());
  }
  EXPECT_EQ(*store_->CountUses(furesoe_, Vocabulary::kWelfareArea, "natcafe"), 1) << "the need";
  EXPECT_EQ(*store_->CountUses(furesoe_, Vocabulary::kTargetGroup, "nat_gaester"), 1) << "the opportunity";
  EXPECT_EQ(*store_->CountUses(furesoe_, Vocabulary::kTargetGroup, "natxgaester"), 0) << "_ is no wildcard";
  EXPECT_EQ(store_->RemoveTerm(furesoe_, actor_, Vocabulary::kWelfareArea, "natcafe").user_message_key(),
            "vocabularies.error.in_use");
  EXPECT_EQ(store_->RemoveTerm(furesoe_, actor_, Vocabulary::kTargetGroup, "nat_gaester").user_message_key(),
            "vocabularies.error.in_use");
  EXPECT_TRUE(store_->RemoveTerm(furesoe_, actor_, Vocabulary::kTargetGroup, "natxgaester").ok());
  EXPECT_EQ(Count("vocabulary_terms"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, VocabularyContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
