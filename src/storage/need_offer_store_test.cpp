// The need and offer stores' contract, on SQLite and PostgreSQL: create, read, update with the
// revision read, delete, the audit log; another municipality's need (private or public) is not
// found; private needs never reach the public list; the vulnerable rule; offers seen by their
// owners and the municipalities they are offered to, and changed by their owners only.
#include <gtest/gtest.h>

#include "app/app.h"
#include "storage/audit_store.h"
#include "storage/need_store.h"
#include "storage/offer_store.h"
#include "storage/unit_store.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Need;
using domain::Offer;
using domain::OfferViewer;

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

const domain::PostcodeDirectory& Postcodes() {
  static const domain::PostcodeDirectory kDirectory = *domain::PostcodeDirectory::LoadEmbedded();
  return kDirectory;
}

class MarketContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), TestClock()).ok());
    needs_ = std::make_unique<NeedStore>(db(), TestClock(), Postcodes());
    offers_ = std::make_unique<OfferStore>(db(), TestClock(), Postcodes());
    UnitStore units(db(), TestClock());
    domain::Unit unit;
    unit.kind = domain::UnitKind::kAdministration;
    unit.name = "Social og Sundhed";
    unit_ = units.Create(furesoe_, actor_, unit)->id;
    aalborg_unit_ = units.Create(aalborg_, actor_, unit)->id;
    Run("INSERT INTO organisations (name, kind, is_public, created_at, updated_at) VALUES ('Dansk "
        "Flygtningehjælp Furesø', 'humanitarian_association', 1, 'x', 'x')");
    Run("INSERT INTO organisations (name, kind, is_public, created_at, updated_at) VALUES ('Byggefirma A/S', "
        "'company', 1, 'x', 'x')");
    Run("INSERT INTO organisations (name, kind, is_public, created_at, updated_at) VALUES ('Skjult ApS', "
        "'company', 0, 'x', 'x')");
    Run("INSERT INTO users (email, display_name, password_hash, created_at) VALUES ('anna@example.dk', "
        "'Anna', "
        "'', 'x')");
    partner_ = Id("SELECT id FROM organisations WHERE name LIKE 'Dansk%'");
    company_ = Id("SELECT id FROM organisations WHERE name = 'Byggefirma A/S'");
    hidden_company_ = Id("SELECT id FROM organisations WHERE name = 'Skjult ApS'");
    anna_ = Id("SELECT id FROM users WHERE email = 'anna@example.dk'");
  }
  void Run(const std::string& sql) {
    auto lease = db().Acquire();
    auto done = (*lease)->Execute(sql);
    ASSERT_TRUE(done.ok()) << done.status().log_message();
  }
  int64_t Id(const std::string& sql) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query(sql);
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : 0;
  }
  int64_t Count(const std::string& table) { return Id("SELECT COUNT(*) FROM " + table); }
  Need MakeNeed(int64_t unit) const {
    Need n;
    n.unit_id = unit;
    n.title = "Lektiehjælp til nyankomne børn";
    n.description = "To eftermiddage om ugen på biblioteket.";
    n.skills = {"teaching"};
    n.languages = {"ar"};
    n.welfare_area = "refugees_and_integration";
    n.target_group = "refugees_and_immigrants";
    n.postcode = "3520";
    n.places = 3;
    return n;
  }
  Offer MakeOffer() const {
    Offer o;
    o.organisation_id = company_;
    o.kind = domain::OfferKind::kEventDay;
    o.title = "Medarbejderdag: vi maler klubhuset";
    o.event_on = "2027-05-12";
    o.event_capacity = 20;
    o.municipalities = {"0190"};
    return o;
  }
  OfferViewer Member(int64_t organisation) const {
    OfferViewer viewer;
    viewer.user_id = 1000;
    viewer.organisation_ids = {organisation};
    return viewer;
  }
  OfferViewer Staff(const std::string& code) const {
    OfferViewer viewer;
    viewer.user_id = 2000;
    viewer.municipality_codes = {code};
    return viewer;
  }

  const domain::Actor actor_ = domain::Actor::System("test", "req-market");
  const MunicipalityScope furesoe_{"0190"};
  const MunicipalityScope aalborg_{"0851"};
  std::unique_ptr<NeedStore> needs_;
  std::unique_ptr<OfferStore> offers_;
  int64_t unit_ = 0, aalborg_unit_ = 0, partner_ = 0, company_ = 0, hidden_company_ = 0, anna_ = 0;
};

TEST_P(MarketContract, ANeedIsCreatedReadUpdatedWithItsRevisionAndDeletedAudited) {
  auto created = needs_->Create(furesoe_, actor_, MakeNeed(unit_));
  ASSERT_TRUE(created.ok()) << created.status().log_message();
  EXPECT_EQ(created->revision, 1);
  EXPECT_EQ(created->unit_name, "Social og Sundhed");
  EXPECT_EQ(created->town, "Farum");
  EXPECT_EQ(created->visibility, domain::NeedVisibility::kPrivate);

  Need changed = *created;
  changed.status = domain::MarketStatus::kClosed;
  changed.availability = *domain::WeeklyAvailability::FromCellKeys({"tue_afternoon", "thu_afternoon"});
  auto updated = needs_->Update(furesoe_, actor_, changed, 1);
  ASSERT_TRUE(updated.ok()) << updated.status().log_message();
  EXPECT_EQ(updated->revision, 2);
  EXPECT_EQ(updated->status, domain::MarketStatus::kClosed);
  EXPECT_EQ(updated->availability.Count(), 2);
  EXPECT_EQ(updated->skills, (std::vector<std::string>{"teaching"}));

  // A stale revision changes nothing.
  changed.title = "Noget andet";
  EXPECT_EQ(needs_->Update(furesoe_, actor_, changed, 1).status().code(), ErrorCode::kPreconditionFailed);
  EXPECT_EQ(needs_->Get(furesoe_, created->id)->title, "Lektiehjælp til nyankomne børn");

  NeedFilter closed_only;
  closed_only.status = domain::MarketStatus::kClosed;
  NeedFilter open_only;
  open_only.status = domain::MarketStatus::kOpen;
  auto list = needs_->List(furesoe_, closed_only);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 1);
  EXPECT_EQ(needs_->List(furesoe_, open_only)->total, 0);

  EXPECT_EQ(needs_->Delete(furesoe_, actor_, created->id, 1).code(), ErrorCode::kPreconditionFailed);
  ASSERT_TRUE(needs_->Delete(furesoe_, actor_, created->id, 2).ok());
  EXPECT_EQ(Count("needs"), 0);
  AuditStore audit(db());
  auto entries = audit.List(furesoe_, 10, 0);
  ASSERT_TRUE(entries.ok());
  std::vector<std::string> actions;
  for (const auto& entry : *entries) {
    if (entry.entity == "need") actions.push_back(entry.action);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"need.delete", "need.update", "need.create"}));
}

TEST_P(MarketContract, AnotherMunicipalitysNeedIsNotFoundAndPrivateNeedsStayWithTheStaff) {
  auto aalborg_private = needs_->Create(aalborg_, actor_, MakeNeed(aalborg_unit_));
  ASSERT_TRUE(aalborg_private.ok()) << aalborg_private.status().log_message();
  Need public_need = MakeNeed(aalborg_unit_);
  public_need.visibility = domain::NeedVisibility::kPublic;
  auto aalborg_public = needs_->Create(aalborg_, actor_, public_need);
  ASSERT_TRUE(aalborg_public.ok());

  for (int64_t id : {aalborg_private->id, aalborg_public->id}) {
    auto foreign = needs_->Get(furesoe_, id);
    EXPECT_EQ(foreign.status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(foreign.status().user_message_key(), "need.error.not_found");
    Need attempt = *aalborg_private;
    attempt.id = id;
    EXPECT_EQ(needs_->Update(furesoe_, actor_, attempt, 1).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(needs_->Delete(furesoe_, actor_, id, 1).code(), ErrorCode::kNotFound);
  }
  EXPECT_EQ(needs_->List(furesoe_, {})->total, 0);
  // A unit of another municipality cannot be named.
  auto wrong_unit = needs_->Create(furesoe_, actor_, MakeNeed(aalborg_unit_));
  EXPECT_EQ(wrong_unit.status().fields(),
            (std::vector<FieldProblem>{{"unit_id", "need.error.unknown_unit"}}));

  // The public sees the public open need only.
  EXPECT_EQ(needs_->GetPublic(aalborg_private->id).status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(needs_->GetPublic(aalborg_public->id).ok());
  auto listed = needs_->ListPublic({});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->total, 1);
  EXPECT_EQ(listed->items.front().id, aalborg_public->id);
  Need closed = *aalborg_public;
  closed.status = domain::MarketStatus::kClosed;
  ASSERT_TRUE(needs_->Update(aalborg_, actor_, closed, 1).ok());
  EXPECT_EQ(needs_->ListPublic({})->total, 0);
  EXPECT_EQ(needs_->GetPublic(aalborg_public->id).status().code(), ErrorCode::kNotFound);
}

TEST_P(MarketContract, AVulnerableTargetGroupNeedsAPartnerTheMunicipalityMaySee) {
  Need vulnerable = MakeNeed(unit_);
  vulnerable.vulnerable = true;
  vulnerable.direct_contact = false;
  const int64_t audit_before = Count("audit_log");
  auto refused = needs_->Create(furesoe_, actor_, vulnerable);
  EXPECT_EQ(refused.status().fields(),
            (std::vector<FieldProblem>{{"partner_organisation_id", "need.error.partner_required"}}));
  vulnerable.partner_organisation_id =
      hidden_company_;  // not public, not shared: the municipality cannot see it
  EXPECT_EQ(needs_->Create(furesoe_, actor_, vulnerable).status().fields(),
            (std::vector<FieldProblem>{{"partner_organisation_id", "need.error.unknown_partner"}}));
  EXPECT_EQ(Count("needs"), 0);
  EXPECT_EQ(Count("audit_log"), audit_before);

  vulnerable.partner_organisation_id = partner_;
  auto created = needs_->Create(furesoe_, actor_, vulnerable);
  ASSERT_TRUE(created.ok()) << created.status().log_message();
  EXPECT_TRUE(created->vulnerable);
  EXPECT_FALSE(created->direct_contact);
  EXPECT_EQ(created->partner_organisation_name, "Dansk Flygtningehjælp Furesø");
}

TEST_P(MarketContract, NeedsMayUseTheMunicipalitysOwnTermsAndNameEveryBadField) {
  Run("INSERT INTO vocabulary_terms (municipality_code, vocabulary, term_key, label_da, label_nb, label_en, "
      "created_at) VALUES ('0190', 'target_group', 'farum_nord', 'Farum Nord', 'Farum Nord', 'Farum North', "
      "'x')");
  Need own = MakeNeed(unit_);
  own.target_group = "farum_nord";
  EXPECT_TRUE(needs_->Create(furesoe_, actor_, own).ok());
  own.unit_id = aalborg_unit_;
  EXPECT_EQ(needs_->Create(aalborg_, actor_, own).status().fields(),
            (std::vector<FieldProblem>{{"target_group", "need.error.unknown_term"}}));

  Need bad = MakeNeed(unit_);
  bad.title = "";
  bad.postcode = "0000";
  bad.places = 0;
  bad.welfare_area = "nonsense";
  EXPECT_EQ(needs_->Create(furesoe_, actor_, bad).status().fields(),
            (std::vector<FieldProblem>{{"title", "validation.required"},
                                       {"postcode", "validation.postcode_unknown"},
                                       {"places", "market.error.places"},
                                       {"welfare_area", "need.error.unknown_term"}}));
  EXPECT_EQ(Count("needs"), 1);
}

TEST_P(MarketContract, AnOfferIsSeenByItsOwnerAndTheMunicipalitiesItIsOfferedTo) {
  auto created = offers_->Create(Member(company_), actor_, MakeOffer());
  ASSERT_TRUE(created.ok()) << created.status().log_message();
  EXPECT_EQ(created->owner_name, "Byggefirma A/S");
  EXPECT_EQ(created->organisation_kind, "company");

  EXPECT_TRUE(offers_->Get(Member(company_), created->id).ok());
  EXPECT_TRUE(offers_->Get(Staff("0190"), created->id).ok());
  EXPECT_EQ(offers_->Get(Staff("0851"), created->id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(offers_->Get(Member(partner_), created->id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(offers_->List(Staff("0851"), {})->total, 0);
  EXPECT_EQ(offers_->List(Staff("0190"), {})->total, 1);

  // Offered to every municipality: Aalborg sees it too.
  Offer everywhere = *created;
  everywhere.municipalities.clear();
  auto updated = offers_->Update(Member(company_), actor_, everywhere, 1);
  ASSERT_TRUE(updated.ok()) << updated.status().log_message();
  EXPECT_TRUE(offers_->Get(Staff("0851"), created->id).ok());
  EXPECT_EQ(offers_->List(Staff("0851"), {})->total, 1);

  // Staff see but do not change it; a stale revision changes nothing.
  EXPECT_EQ(offers_->Update(Staff("0190"), actor_, everywhere, 2).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(offers_->Update(Member(company_), actor_, everywhere, 1).status().code(),
            ErrorCode::kPreconditionFailed);
  EXPECT_EQ(offers_->Delete(Staff("0190"), actor_, created->id, 2).code(), ErrorCode::kPermissionDenied);

  // The public list: open offers of public organisations.
  EXPECT_EQ(offers_->ListPublic({})->total, 1);
  Offer hidden = MakeOffer();
  hidden.organisation_id = hidden_company_;
  ASSERT_TRUE(offers_->Create(Member(hidden_company_), actor_, hidden).ok());
  EXPECT_EQ(offers_->ListPublic({})->total, 1);

  ASSERT_TRUE(offers_->Delete(Member(company_), actor_, created->id, 2).ok());
  EXPECT_EQ(offers_->Get(Member(company_), created->id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Id("SELECT COUNT(*) FROM audit_log WHERE entity = 'offer'"), 4);
}

TEST_P(MarketContract, APersonOffersForThemselvesOnlyAndBadOffersChangeNothing) {
  Offer own;
  own.user_id = anna_;
  own.kind = domain::OfferKind::kHours;
  own.title = "Jeg kan give fire timer om ugen";
  own.hours = 4;
  OfferViewer anna;
  anna.user_id = anna_;
  auto created = offers_->Create(anna, actor_, own);
  ASSERT_TRUE(created.ok()) << created.status().log_message();
  EXPECT_EQ(created->owner_name, "Anna");
  EXPECT_EQ(offers_->ListPublic({})->total, 0);  // a person's offer is never public
  OfferFilter own_only;
  own_only.own_only = true;
  EXPECT_EQ(offers_->List(anna, own_only)->total, 1);

  OfferViewer someone;
  someone.user_id = anna_ + 1;
  EXPECT_EQ(offers_->Create(someone, actor_, own).status().code(), ErrorCode::kPermissionDenied);
  Offer company = MakeOffer();
  EXPECT_EQ(offers_->Create(anna, actor_, company).status().code(), ErrorCode::kPermissionDenied);

  const int64_t before = Count("offers");
  Offer bad = MakeOffer();
  bad.event_capacity.reset();
  bad.travel_km = -1;
  bad.municipalities = {"0190", "9999"};
  EXPECT_EQ(offers_->Create(Member(company_), actor_, bad).status().fields(),
            (std::vector<FieldProblem>{{"event_capacity", "offer.error.event_capacity_required"},
                                       {"travel_km", "offer.error.travel_km"},
                                       {"municipalities", "offer.error.unknown_municipality"}}));
  EXPECT_EQ(Count("offers"), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, MarketContract, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
