// The volunteer and opportunity stores' contracts, on SQLite and PostgreSQL: a person's own
// profile with its revision, the change log and the audit entry of every write, the volunteer
// role on creation, what staff see, erasure with the account; opportunities within a
// municipality and an organisation, the open ones for everyone, bad input refused with nothing
// changed.
#include "storage/volunteer_store.h"

#include <gtest/gtest.h>

#include "app/app.h"
#include "storage/account_store.h"
#include "storage/audit_store.h"
#include "storage/market_changes.h"
#include "storage/municipality_store.h"
#include "storage/opportunity_store.h"
#include "storage/unit_store.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Opportunity;
using domain::VolunteerProfile;

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

const domain::PostcodeDirectory& Postcodes() {
  static const domain::PostcodeDirectory directory = *domain::PostcodeDirectory::LoadEmbedded();
  return directory;
}

class MarketStoreContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), TestClock()).ok());
    MunicipalityStore municipalities(db(), TestClock());
    ASSERT_TRUE(municipalities.SetActive(actor_, "0190", true, std::nullopt).ok());
    ASSERT_TRUE(municipalities.SetActive(actor_, "no-0301", true, std::nullopt).ok());
    volunteers_ = std::make_unique<VolunteerStore>(db(), TestClock(), Postcodes());
    opportunities_ = std::make_unique<OpportunityStore>(db(), TestClock(), Postcodes());
    accounts_ = std::make_unique<AccountStore>(db(), TestClock());
    karen_ = AddUser("karen@example.dk", "Karen Jensen");
    ali_ = AddUser("ali@example.dk", "Ali Hassan");
    UnitStore units(db(), TestClock());
    domain::Unit unit;
    unit.kind = domain::UnitKind::kAdministration;
    unit.name = "Plejecenter Solgården";
    auto created = units.Create(furesoe_, actor_, unit);
    ASSERT_TRUE(created.ok());
    unit_ = created->id;
    auto organisation = accounts_->CreateOrganisation(actor_, "Røde Kors Furesø", "humanitarian_association");
    ASSERT_TRUE(organisation.ok());
    organisation_ = *organisation;
  }
  int64_t AddUser(const std::string& email, const std::string& name) {
    domain::User user;
    user.email = email;
    user.display_name = name;
    auto created = accounts_->CreateUser(actor_, user, {});
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? created->id : 0;
  }
  static VolunteerProfile Profile() {
    VolunteerProfile p;
    p.about = "Pensioneret lærer";
    p.skills = {"homework_help", "walking_company"};
    p.skill_tags = {"Skak"};
    p.languages = {"da", "de"};
    p.availability = *domain::WeeklyAvailability::FromCellKeys({"mon_morning", "thu_evening"});
    p.postcode = "3520";
    p.welfare_areas = {"elderly"};
    p.visibility = domain::VolunteerVisibility::kMunicipalities;
    return p;
  }
  Opportunity UnitPost() const {
    Opportunity o;
    o.municipality_code = "0190";
    o.unit_id = unit_;
    o.title = "Besøgsven på Solgården";
    o.description = "Kaffe og snak med beboerne.";
    o.skills = {"visiting_friend"};
    o.availability = *domain::WeeklyAvailability::FromCellKeys({"tue_afternoon"});
    o.postcode = "3520";
    o.capacity = 3;
    o.status = domain::OpportunityStatus::kOpen;
    return o;
  }
  int64_t Count(const std::string& table) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  int64_t VolunteerGrants(int64_t user_id) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM role_grants WHERE user_id = ? AND role = 'volunteer'",
                                {user_id});
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  const domain::Actor actor_ = domain::Actor::System("test", "req-market");
  const MunicipalityScope furesoe_{"0190"};
  std::unique_ptr<VolunteerStore> volunteers_;
  std::unique_ptr<OpportunityStore> opportunities_;
  std::unique_ptr<AccountStore> accounts_;
  int64_t karen_ = 0, ali_ = 0, unit_ = 0, organisation_ = 0;
};

TEST_P(MarketStoreContract, APersonsProfileIsCreatedReadAndReplacedWithItsRevision) {
  EXPECT_EQ(volunteers_->GetOwn(karen_).status().user_message_key(), "volunteer.error.not_found");
  auto created = volunteers_->SaveOwn(actor_, karen_, Profile(), 0);
  ASSERT_TRUE(created.ok()) << created.status().log_message();
  EXPECT_EQ(created->revision, 1);
  EXPECT_EQ(created->display_name, "Karen Jensen");
  EXPECT_EQ(created->email, "karen@example.dk");
  EXPECT_EQ(created->town, "Farum");
  EXPECT_EQ(created->skill_tags, (std::vector<std::string>{"skak"}));
  EXPECT_EQ(VolunteerGrants(karen_), 1) << "creating a profile makes the person a volunteer";

  auto read = volunteers_->GetOwn(karen_);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->availability, created->availability);
  EXPECT_EQ(read->languages, (std::vector<std::string>{"da", "de"}));

  VolunteerProfile changed = *read;
  changed.travel_km = 40;
  changed.child_certificate = domain::ChildCertificate::kObtained;
  changed.child_certificate_on = "2026-10-01";
  auto updated = volunteers_->SaveOwn(actor_, karen_, changed, 1);
  ASSERT_TRUE(updated.ok()) << updated.status().log_message();
  EXPECT_EQ(updated->revision, 2);
  EXPECT_EQ(updated->travel_km, 40);
  EXPECT_EQ(updated->child_certificate_on, "2026-10-01");
  EXPECT_EQ(VolunteerGrants(karen_), 1);

  // Every write is in the change log the matching index follows, and in the audit log.
  auto lease = db().Acquire();
  auto changes = ChangesAfter(**lease, 0, 10);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2U);
  EXPECT_EQ((*changes)[1].record_id, created->id);
  auto audit = AuditStore(db()).ListForUser(karen_);
  auto rows = (*lease)->Query(
      "SELECT action, before_json IS NULL FROM audit_log WHERE entity = 'volunteer_profile' ORDER BY id");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2U);
  EXPECT_EQ((*rows)[0].Text(0), "volunteer.create");
  EXPECT_EQ((*rows)[1].Text(0), "volunteer.update");
  EXPECT_EQ((*rows)[1].Int(1), 0);
}

TEST_P(MarketStoreContract, AStaleRevisionOrBadFieldsChangeNothing) {
  ASSERT_TRUE(volunteers_->SaveOwn(actor_, karen_, Profile(), 0).ok());
  const int64_t changes = Count("market_changes");
  const int64_t audit = Count("audit_log");
  auto again = volunteers_->SaveOwn(actor_, karen_, Profile(), 0);
  EXPECT_EQ(again.status().code(), ErrorCode::kPreconditionFailed);
  EXPECT_EQ(again.status().user_message_key(), "volunteer.error.stale");
  EXPECT_EQ(volunteers_->SaveOwn(actor_, karen_, Profile(), 7).status().code(),
            ErrorCode::kPreconditionFailed);
  EXPECT_EQ(volunteers_->SaveOwn(actor_, ali_, Profile(), 3).status().code(), ErrorCode::kPreconditionFailed)
      << "no profile yet: only revision 0 creates";

  VolunteerProfile bad = Profile();
  bad.postcode = "9999";
  bad.skills = {"juggling"};
  bad.travel_km = 900;
  auto refused = volunteers_->SaveOwn(actor_, karen_, bad, 1);
  ASSERT_EQ(refused.status().code(), ErrorCode::kInvalidArgument);
  ASSERT_EQ(refused.status().fields().size(), 3U);
  EXPECT_EQ(refused.status().fields()[0].field, "skills");
  EXPECT_EQ(refused.status().fields()[1].message_key, "validation.postcode_unknown");
  EXPECT_EQ(volunteers_->DeleteOwn(actor_, karen_, 5).code(), ErrorCode::kPreconditionFailed);
  EXPECT_EQ(Count("market_changes"), changes);
  EXPECT_EQ(Count("audit_log"), audit);
  EXPECT_EQ(volunteers_->GetOwn(karen_)->revision, 1);
  EXPECT_EQ(VolunteerGrants(ali_), 0);
}

TEST_P(MarketStoreContract, StaffSeeOnlySharedActiveProfilesWithFilters) {
  ASSERT_TRUE(volunteers_->SaveOwn(actor_, karen_, Profile(), 0).ok());
  VolunteerProfile ali = Profile();
  ali.skills = {"driving"};
  ali.languages = {"ar", "da"};
  ali.postcode = "2640";
  ali.visibility = domain::VolunteerVisibility::kPublic;
  auto ali_profile = volunteers_->SaveOwn(actor_, ali_, ali, 0);
  ASSERT_TRUE(ali_profile.ok());
  const int64_t private_user = AddUser("privat@example.dk", "Privat Person");
  VolunteerProfile hidden = Profile();
  hidden.visibility = domain::VolunteerVisibility::kPrivate;
  auto hidden_profile = volunteers_->SaveOwn(actor_, private_user, hidden, 0);
  ASSERT_TRUE(hidden_profile.ok());

  auto all = volunteers_->ListShared({});
  ASSERT_TRUE(all.ok()) << all.status().log_message();
  EXPECT_EQ(all->total, 2);
  auto arabic = volunteers_->ListShared({std::nullopt, "ar", std::nullopt, 0, 20});
  ASSERT_TRUE(arabic.ok());
  ASSERT_EQ(arabic->items.size(), 1U);
  EXPECT_EQ(arabic->items[0].user_id, ali_);
  EXPECT_EQ(volunteers_->ListShared({"homework_help", std::nullopt, std::nullopt, 0, 20})->total, 1);
  EXPECT_EQ(volunteers_->ListShared({std::nullopt, std::nullopt, "2640", 0, 20})->total, 1);
  EXPECT_EQ(volunteers_->ListShared({"driving", "de", std::nullopt, 0, 20})->total, 0);
  auto paged = volunteers_->ListShared({std::nullopt, std::nullopt, std::nullopt, 1, 1});
  EXPECT_EQ(paged->items.size(), 1U);
  EXPECT_EQ(paged->total, 2);

  EXPECT_TRUE(volunteers_->GetShared(ali_profile->id).ok());
  EXPECT_EQ(volunteers_->GetShared(hidden_profile->id).status().code(), ErrorCode::kNotFound);
  // A volunteer who stops is no longer shown.
  VolunteerProfile stopped = *ali_profile;
  stopped.active = false;
  ASSERT_TRUE(volunteers_->SaveOwn(actor_, ali_, stopped, 1).ok());
  EXPECT_EQ(volunteers_->GetShared(ali_profile->id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(volunteers_->ListShared({})->total, 1);
}

TEST_P(MarketStoreContract, TheProfileGoesWithTheAccountAndWithItsOwnersDeletion) {
  auto karen = volunteers_->SaveOwn(actor_, karen_, Profile(), 0);
  ASSERT_TRUE(karen.ok());
  ASSERT_TRUE(accounts_->Erase(actor_, karen_).ok());
  EXPECT_EQ(volunteers_->GetOwn(karen_).status().code(), ErrorCode::kNotFound);
  auto lease = db().Acquire();
  auto latest = ChangesAfter(**lease, 1, 10);
  ASSERT_EQ(latest->size(), 1U) << "the erasure is in the change log";
  EXPECT_EQ((*latest)[0].record_id, karen->id);
  auto snapshots = (*lease)->Query(
      "SELECT COUNT(*) FROM audit_log WHERE entity = 'volunteer_profile' AND (before_json IS NOT NULL OR "
      "after_json IS NOT NULL)");
  EXPECT_EQ(snapshots->front().Int(0), 0) << "the person's values leave the audit trail";

  auto ali = volunteers_->SaveOwn(actor_, ali_, Profile(), 0);
  ASSERT_TRUE(ali.ok());
  ASSERT_TRUE(volunteers_->DeleteOwn(actor_, ali_, 1).ok());
  EXPECT_EQ(volunteers_->GetOwn(ali_).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(volunteers_->DeleteOwn(actor_, ali_, 1).code(), ErrorCode::kNotFound);
  EXPECT_EQ(Count("market_changes"), 4);
}

TEST_P(MarketStoreContract, AUnitsOpportunityIsPostedChangedAndDeletedInItsMunicipality) {
  const OpportunityManager staff{"0190", {}};
  auto created = opportunities_->Create(actor_, UnitPost());
  ASSERT_TRUE(created.ok()) << created.status().log_message();
  EXPECT_EQ(created->unit_name, "Plejecenter Solgården");
  EXPECT_EQ(created->language, "da");
  EXPECT_FALSE(created->organisation_kind);
  EXPECT_EQ(created->town, "Farum");
  EXPECT_TRUE(opportunities_->Get(staff, created->id).ok());
  EXPECT_EQ(opportunities_->Get({"0851", {}}, created->id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(opportunities_->Get({"", {organisation_}}, created->id).status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(opportunities_->GetOpen(created->id).ok());

  Opportunity draft = *created;
  draft.status = domain::OpportunityStatus::kDraft;
  draft.municipality_code = "0851";  // ignored: the municipality stays
  auto updated = opportunities_->Update(staff, actor_, draft, 1);
  ASSERT_TRUE(updated.ok()) << updated.status().log_message();
  EXPECT_EQ(updated->revision, 2);
  EXPECT_EQ(updated->municipality_code, "0190");
  EXPECT_EQ(opportunities_->GetOpen(created->id).status().code(), ErrorCode::kNotFound)
      << "drafts are not public";
  EXPECT_EQ(opportunities_->Update(staff, actor_, draft, 1).status().code(), ErrorCode::kPreconditionFailed);

  auto listed = opportunities_->List(staff, std::nullopt, 0, 20);
  ASSERT_TRUE(listed.ok()) << listed.status().log_message();
  EXPECT_EQ(listed->total, 1);
  EXPECT_EQ(opportunities_->List(staff, domain::OpportunityStatus::kOpen, 0, 20)->total, 0);
  EXPECT_EQ(opportunities_->List({}, std::nullopt, 0, 20)->total, 0);

  EXPECT_EQ(opportunities_->Delete(staff, actor_, created->id, 1).code(), ErrorCode::kPreconditionFailed);
  ASSERT_TRUE(opportunities_->Delete(staff, actor_, created->id, 2).ok());
  EXPECT_EQ(opportunities_->Get(staff, created->id).status().code(), ErrorCode::kNotFound);
  auto audit = AuditStore(db()).List(furesoe_, 10, 0);
  ASSERT_TRUE(audit.ok());
  ASSERT_GE(audit->size(), 3U);
  EXPECT_EQ((*audit)[0].action, "opportunity.delete");
  EXPECT_EQ((*audit)[2].action, "opportunity.create");
}

TEST_P(MarketStoreContract, AnOrganisationPostsInAMunicipalityOfItsChoice) {
  const OpportunityManager members{"", {organisation_}};
  Opportunity o = UnitPost();
  o.unit_id.reset();
  o.organisation_id = organisation_;
  o.municipality_code = "no-0301";
  o.postcode.reset();
  auto created = opportunities_->Create(actor_, o);
  ASSERT_TRUE(created.ok()) << created.status().log_message();
  EXPECT_EQ(created->language, "nb") << "a Norwegian municipality's post is stemmed as bokmål";
  EXPECT_EQ(created->organisation_kind, "humanitarian_association");
  EXPECT_EQ(created->organisation_name, "Røde Kors Furesø");
  EXPECT_TRUE(opportunities_->Get(members, created->id).ok());
  EXPECT_TRUE(opportunities_->Get({"no-0301", {}}, created->id).ok()) << "the municipality's staff see it";
  EXPECT_EQ(opportunities_->List(members, std::nullopt, 0, 20)->total, 1);

  // Someone applied: it can be closed, not deleted.
  {
    auto lease = db().Acquire();
    ASSERT_TRUE(
        (*lease)
            ->Execute("INSERT INTO applications (opportunity_id, email, name, state, created_at, updated_at) "
                      "VALUES (?, 'a@b.dk', 'A', 'new', 'x', 'x')",
                      {created->id})
            .ok());
  }
  const Status refused = opportunities_->Delete(members, actor_, created->id, 1);
  EXPECT_EQ(refused.code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.user_message_key(), "opportunity.error.has_applications");
  EXPECT_TRUE(opportunities_->Get(members, created->id).ok());
}

TEST_P(MarketStoreContract, BadOpportunitiesAreRefusedAndNothingIsStored) {
  const int64_t audit = Count("audit_log");
  Opportunity o = UnitPost();
  o.postcode = "9999";
  o.capacity = 0;
  o.starts_on = "2027-05-01";
  o.ends_on = "2027-04-01";
  auto refused = opportunities_->Create(actor_, o);
  ASSERT_EQ(refused.status().code(), ErrorCode::kInvalidArgument);
  ASSERT_EQ(refused.status().fields().size(), 3U);
  EXPECT_EQ(refused.status().fields()[0].message_key, "validation.postcode_unknown");
  EXPECT_EQ(refused.status().fields()[1].message_key, "opportunity.error.capacity");
  EXPECT_EQ(refused.status().fields()[2].message_key, "opportunity.error.ends_before_start");

  Opportunity inactive = UnitPost();
  inactive.municipality_code = "0851";  // Aalborg is not active
  EXPECT_EQ(opportunities_->Create(actor_, inactive).status().fields().at(0).field, "municipality_code");
  Opportunity missing = UnitPost();
  missing.municipality_code = "9999";
  EXPECT_EQ(opportunities_->Create(actor_, missing).status().fields().at(0).message_key,
            "opportunity.error.municipality");
  Opportunity stranger = UnitPost();
  stranger.municipality_code = "no-0301";  // the unit is Furesø's
  EXPECT_EQ(opportunities_->Create(actor_, stranger).status().fields().at(0).message_key,
            "opportunity.error.unknown_unit");
  EXPECT_EQ(Count("opportunities"), 0);
  EXPECT_EQ(Count("audit_log"), audit);
}

INSTANTIATE_TEST_SUITE_P(Backends, MarketStoreContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
