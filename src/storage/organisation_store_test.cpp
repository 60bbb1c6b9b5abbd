// The organisation store's contract, on SQLite and PostgreSQL: who sees which profile
// (docs/decisions/0008-organisation-visibility.md), who may change it, validation, the lists'
// filters, shares, the kind-changed hook and the audit log.
#include "storage/organisation_store.h"

#include <gtest/gtest.h>

#include "app/app.h"
#include "storage/account_store.h"
#include "storage/audit_store.h"
#include "storage/municipality_store.h"
#include "storage/opportunity_store.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Organisation;
using domain::OrganisationKind;

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

const domain::PostcodeDirectory& Postcodes() {
  static const domain::PostcodeDirectory kPostcodes = *domain::PostcodeDirectory::LoadEmbedded();
  return kPostcodes;
}

const domain::IcnpoCatalog& Icnpo() {
  static const domain::IcnpoCatalog kIcnpo = *domain::IcnpoCatalog::LoadEmbedded();
  return kIcnpo;
}

class OrganisationContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), TestClock()).ok());
    store_ = MakeStore({});
  }
  std::unique_ptr<OrganisationStore> MakeStore(KindChangedHook hook) {
    return std::make_unique<OrganisationStore>(db(), TestClock(), Postcodes(), Icnpo(), std::move(hook));
  }
  static Organisation Make(std::string name, OrganisationKind kind = OrganisationKind::kCommunity) {
    Organisation o;
    o.name = std::move(name);
    o.kind = kind;
    return o;
  }
  Organisation MustCreate(const MunicipalityScope& scope, Organisation o) {
    auto created = store_->Create(scope, actor_, std::move(o));
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? *created : Organisation{};
  }
  // An organisation keeping its own profile, as an invitation or `samskab demo` creates it.
  int64_t MustCreateOwn(const std::string& name) {
    AccountStore accounts(db(), TestClock());
    auto id = accounts.CreateOrganisation(actor_, name, "humanitarian_association");
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }
  int64_t Count(const std::string& table) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  const domain::Actor actor_ = domain::Actor::System("test", "req-test-1");
  const MunicipalityScope furesoe_{"0190"};
  const MunicipalityScope aalborg_{"0851"};
  std::unique_ptr<OrganisationStore> store_;
};

TEST_P(OrganisationContract, AMunicipalityRegistersAnOrganisationAsItsOwnData) {
  Organisation o = Make("  Strikkecaféen i Værløse ");
  o.cvr = "DK 29188548";
  o.street = "Stiager 2";
  o.postcode = "3500";
  o.welfare_areas = {"elderly", "inclusion"};
  o.roles_can = {"provider"};
  o.roles_cannot = {"supplier"};
  o.resources = "Otte frivillige, garn og et lokale hver tirsdag.";
  o.contacts = {{"Birthe Holm", "Tovholder", "birthe@example.dk", "22 33 44 55", true},
                {"Karl Jensen", "", "", "", false}};
  const Organisation created = MustCreate(furesoe_, o);
  EXPECT_EQ(created.municipality_code, "0190");
  EXPECT_EQ(created.name, "Strikkecaféen i Værløse");
  EXPECT_EQ(created.cvr, "29188548");
  EXPECT_EQ(created.town, "Værløse");
  EXPECT_EQ(created.revision, 1);
  EXPECT_EQ(created.created_at, "2026-11-18T11:06:40Z");
  ASSERT_EQ(created.contacts.size(), 2U);
  EXPECT_EQ(created.contacts[0].name, "Birthe Holm");
  EXPECT_EQ(created.contacts[1].name, "Karl Jensen");
  EXPECT_EQ(created.welfare_areas, (std::vector<std::string>{"elderly", "inclusion"}));

  // Another municipality, and the public, cannot see it; that looks exactly like a missing one.
  const auto foreign = store_->Get(aalborg_, created.id);
  const auto missing = store_->Get(aalborg_, 987654);
  EXPECT_EQ(foreign.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(foreign.status().user_message_key(), missing.status().user_message_key());
  EXPECT_EQ(store_->GetPublic(created.id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetOwn(created.id).status().code(), ErrorCode::kNotFound)
      << "a municipality's record has no organisation admins";
  EXPECT_EQ(store_->List(aalborg_, {})->total, 0);
  EXPECT_EQ(store_->List(furesoe_, {})->total, 1);

  auto audit = AuditStore(db()).List(furesoe_, 10, 0);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1U);
  EXPECT_EQ((*audit)[0].action, "organisation.create");
  EXPECT_NE((*audit)[0].after_json->find("Strikkecaféen"), std::string::npos);
}

TEST_P(OrganisationContract, BadInputNamesEveryFieldAndStoresNothing) {
  Organisation o = Make("");
  o.cvr = "29188549";
  o.postcode = "0000";
  o.roles_can = {"advocate"};
  o.roles_cannot = {"advocate"};
  o.contacts = {{"Anna", "", "ikke-en-adresse", "", false}};
  auto created = store_->Create(furesoe_, actor_, o);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), ErrorCode::kInvalidArgument);
  const std::vector<FieldProblem> expected = {{"name", "validation.required"},
                                              {"cvr", "validation.cvr_checksum"},
                                              {"postcode", "validation.postcode_unknown"},
                                              {"roles_cannot", "organisation.error.roles_overlap"},
                                              {"contacts.0.email", "validation.email"}};
  EXPECT_EQ(created.status().fields(), expected);
  EXPECT_EQ(Count("organisations"), 0);
  EXPECT_EQ(Count("organisation_contacts"), 0);
  EXPECT_EQ(Count("audit_log"), 0);
}

TEST_P(OrganisationContract, VisibleInAMunicipalityWhenPublicRegisteredThereOrShared) {
  const int64_t own = MustCreateOwn("Røde Kors Furesø");
  EXPECT_EQ(store_->Get(furesoe_, own).status().code(), ErrorCode::kNotFound) << "private and not shared";
  ASSERT_TRUE(store_->GetOwn(own).ok());

  ASSERT_TRUE(store_->Share(actor_, own, "0190").ok());
  ASSERT_TRUE(store_->Share(actor_, own, "0190").ok()) << "sharing twice is no error";
  EXPECT_TRUE(store_->Get(furesoe_, own).ok());
  EXPECT_EQ(store_->Get(aalborg_, own).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(*store_->Shares(own), (std::vector<std::string>{"0190"}));
  EXPECT_EQ(store_->List(furesoe_, {})->total, 1);
  const Status unknown = store_->Share(actor_, own, "9999");
  EXPECT_EQ(unknown.code(), ErrorCode::kNotFound);
  EXPECT_EQ(unknown.user_message_key(), "organisation.error.unknown_municipality");
  // A municipality's record cannot be shared by anyone: it has no organisation admins.
  const Organisation registered = MustCreate(aalborg_, Make("Gåklubben"));
  EXPECT_EQ(store_->Share(actor_, registered.id, "0190").code(), ErrorCode::kNotFound);

  ASSERT_TRUE(store_->Unshare(actor_, own, "0190").ok());
  ASSERT_TRUE(store_->Unshare(actor_, own, "0190").ok());
  EXPECT_EQ(store_->Get(furesoe_, own).status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(store_->Shares(own)->empty());

  // Public: everyone sees it, the public too.
  Organisation profile = *store_->GetOwn(own);
  profile.is_public = true;
  ASSERT_TRUE(store_->UpdateOwn(actor_, profile, profile.revision).ok());
  EXPECT_TRUE(store_->Get(furesoe_, own).ok());
  EXPECT_TRUE(store_->Get(aalborg_, own).ok());
  EXPECT_TRUE(store_->GetPublic(own).ok());
  EXPECT_EQ(store_->ListPublic({})->total, 1);
  // The share and its withdrawal are in the municipality's log.
  auto audit = AuditStore(db()).List(furesoe_, 10, 0);
  ASSERT_EQ(audit->size(), 2U);
  EXPECT_EQ((*audit)[0].action, "organisation.unshare");
  EXPECT_EQ((*audit)[1].action, "organisation.share");
}

TEST_P(OrganisationContract, OnlyTheOwnerChangesARecordAndStaleRevisionsAreRefused) {
  Organisation registered = Make("Gåklubben");
  registered.is_public = true;
  registered.contacts = {{"Anna", "", "", "", true}, {"Bo", "", "", "", false}};
  const Organisation created = MustCreate(furesoe_, registered);

  Organisation changed = created;
  changed.name = "Gåklubben Farum";
  changed.contacts = {{"Cecilie", "Formand", "cecilie@example.dk", "", true}};
  // Aalborg sees the public record but it is not Aalborg's to change.
  auto foreign = store_->Update(aalborg_, actor_, changed, created.revision);
  EXPECT_EQ(foreign.status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(foreign.status().user_message_key(), "organisation.error.not_yours");
  auto updated = store_->Update(furesoe_, actor_, changed, created.revision);
  ASSERT_TRUE(updated.ok()) << updated.status().log_message();
  EXPECT_EQ(updated->name, "Gåklubben Farum");
  EXPECT_EQ(updated->revision, 2);
  ASSERT_EQ(updated->contacts.size(), 1U) << "contacts are replaced as a whole";
  EXPECT_EQ(updated->contacts[0].name, "Cecilie");
  EXPECT_EQ(Count("organisation_contacts"), 1);
  auto stale = store_->Update(furesoe_, actor_, changed, created.revision);
  EXPECT_EQ(stale.status().code(), ErrorCode::kPreconditionFailed);
  EXPECT_EQ(stale.status().user_message_key(), "error.precondition_failed");
  // An invalid change is refused whole.
  changed.postcode = "9999";
  changed.name = "Ændret";
  auto invalid = store_->Update(furesoe_, actor_, changed, updated->revision);
  EXPECT_EQ(invalid.status().fields(),
            (std::vector<FieldProblem>{{"postcode", "validation.postcode_unknown"}}));
  EXPECT_EQ(store_->Get(furesoe_, created.id)->name, "Gåklubben Farum");
  // Organisation admins cannot reach a municipality's record, nor staff an organisation's own.
  EXPECT_EQ(store_->UpdateOwn(actor_, *updated, updated->revision).status().code(), ErrorCode::kNotFound);
  const int64_t own = MustCreateOwn("Ældre Sagen Furesø");
  ASSERT_TRUE(store_->Share(actor_, own, "0190").ok());
  Organisation theirs = *store_->Get(furesoe_, own);
  theirs.name = "Overtaget";
  EXPECT_EQ(store_->Update(furesoe_, actor_, theirs, theirs.revision).status().user_message_key(),
            "organisation.error.not_yours");
  EXPECT_EQ(store_->GetOwn(own)->name, "Ældre Sagen Furesø");
}

TEST_P(OrganisationContract, ListsFilterByTextKindAndWelfareAreaAndPage) {
  Organisation a = Make("Ældrecaféen", OrganisationKind::kCommunity);
  a.welfare_areas = {"elderly"};
  a.is_public = true;
  Organisation b = Make("Farum Boldklub", OrganisationKind::kPopularEducationAssociation);
  b.description = "Fodbold for ÆLDRE og unge";
  b.welfare_areas = {"culture_and_leisure", "elderly"};
  Organisation c = Make("Lektiecaféen 100%", OrganisationKind::kHumanitarianAssociation);
  c.welfare_areas = {"children_and_young_people"};
  c.is_public = true;
  for (const auto& o : {a, b, c}) MustCreate(furesoe_, o);
  MustCreate(aalborg_, Make("Aalborgs ældreklub"));

  const auto names = [](const Result<OrganisationPage>& page) {
    std::vector<std::string> out;
    for (const auto& o : page->items) out.push_back(o.name);
    return out;
  };
  OrganisationFilter filter;
  filter.text = "ældre";
  EXPECT_EQ(names(store_->List(furesoe_, filter)),
            (std::vector<std::string>{"Farum Boldklub", "Ældrecaféen"}))
      << "case folded, Danish letters too, in name and description";
  filter.text = "ÆLDRE fodbold";
  EXPECT_EQ(names(store_->List(furesoe_, filter)), (std::vector<std::string>{"Farum Boldklub"}));
  filter.text = "%";
  EXPECT_EQ(names(store_->List(furesoe_, filter)), (std::vector<std::string>{"Lektiecaféen 100%"}))
      << "% is a literal character";
  filter = {};
  filter.kind = OrganisationKind::kCommunity;
  EXPECT_EQ(names(store_->List(furesoe_, filter)), (std::vector<std::string>{"Ældrecaféen"}));
  filter = {};
  filter.welfare_area = "elderly";
  EXPECT_EQ(store_->List(furesoe_, filter)->total, 2);
  filter = {};
  filter.limit = 2;
  auto first = store_->List(furesoe_, filter);
  EXPECT_EQ(first->total, 3);
  EXPECT_EQ(names(first), (std::vector<std::string>{"Farum Boldklub", "Lektiecaféen 100%"}));
  filter.offset = 2;
  EXPECT_EQ(names(store_->List(furesoe_, filter)), (std::vector<std::string>{"Ældrecaféen"}));
  // The public directory: public profiles of every municipality's records, nothing else.
  EXPECT_EQ(names(store_->ListPublic({})), (std::vector<std::string>{"Lektiecaféen 100%", "Ældrecaféen"}));
}

TEST_P(OrganisationContract, AKindChangeCallsTheHookInsideTheUpdatesTransaction) {
  struct Call {
    int64_t id = 0;
    std::string now;
    std::string kind_seen;
  };
  std::vector<Call> calls;
  bool fail = false;
  store_ = MakeStore([&](Connection& connection, int64_t id, const std::string& now) -> Status {
    // The hook runs on the update's connection: it sees the new kind before the commit.
    auto rows = connection.Query("SELECT kind FROM organisations WHERE id = ?", {id});
    if (!rows.ok()) return rows.status();
    calls.push_back({id, now, rows->front().Text(0)});
    if (fail) return Internal("placement refresh failed");
    return Status::Ok();
  });
  const Organisation created = MustCreate(furesoe_, Make("Naboskabet"));
  Organisation renamed = created;
  renamed.name = "Naboskabet Stavnsholt";
  auto same_kind = store_->Update(furesoe_, actor_, renamed, created.revision);
  ASSERT_TRUE(same_kind.ok());
  EXPECT_TRUE(calls.empty()) << "only a change of kind calls the hook";

  Organisation association = *same_kind;
  association.kind = OrganisationKind::kHumanitarianAssociation;
  fail = true;
  auto refused = store_->Update(furesoe_, actor_, association, same_kind->revision);
  EXPECT_EQ(refused.status().code(), ErrorCode::kInternal);
  ASSERT_EQ(calls.size(), 1U);
  EXPECT_EQ(calls[0].kind_seen, "humanitarian_association");
  const auto after_failure = store_->Get(furesoe_, created.id);
  EXPECT_EQ(after_failure->kind, OrganisationKind::kCommunity) << "the hook's failure rolled the update back";
  EXPECT_EQ(after_failure->revision, same_kind->revision);

  fail = false;
  auto changed = store_->Update(furesoe_, actor_, association, same_kind->revision);
  ASSERT_TRUE(changed.ok());
  ASSERT_EQ(calls.size(), 2U);
  EXPECT_EQ(calls[1].id, created.id);
  EXPECT_EQ(calls[1].now, "2026-11-18T11:06:40Z");
  EXPECT_EQ(changed->kind, OrganisationKind::kHumanitarianAssociation);
}

// The search's facet reads organisation_kind on the opportunity: a change of the organisation's
// kind reaches its posts in the same transaction (and is rolled back with it).
TEST_P(OrganisationContract, AKindChangeReachesTheOrganisationsOpportunitiesInItsTransaction) {
  const int64_t own = MustCreateOwn("Spejderne Farum");
  const int64_t other = MustCreateOwn("Røde Kors Farum");
  ASSERT_TRUE(MunicipalityStore(db(), TestClock()).SetActive(actor_, "0190", true, std::nullopt).ok());
  OpportunityStore opportunities(db(), TestClock(), Postcodes());
  const auto post = [&](int64_t organisation) {
    domain::Opportunity o;
    o.municipality_code = "0190";
    o.organisation_id = organisation;
    o.title = "Lejrhjælper";
    o.capacity = 2;
    auto created = opportunities.Create(actor_, o);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? *created : domain::Opportunity{};
  };
  const domain::Opportunity first = post(own);
  const domain::Opportunity second = post(own);
  const domain::Opportunity others = post(other);
  ASSERT_EQ(first.organisation_kind, "humanitarian_association");
  const auto kind_of = [&](int64_t opportunity) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query("SELECT organisation_kind FROM opportunities WHERE id = ?", {opportunity});
    return rows.ok() && !rows->empty() ? rows->front().Text(0) : std::string("?");
  };
  Organisation profile = *store_->GetOwn(own);
  profile.kind = OrganisationKind::kPopularEducationAssociation;
  // A failure later in the transaction takes the posts' kind back too.
  store_ = MakeStore([](Connection&, int64_t, const std::string&) { return Internal("refresh failed"); });
  EXPECT_EQ(store_->UpdateOwn(actor_, profile, profile.revision).status().code(), ErrorCode::kInternal);
  EXPECT_EQ(kind_of(first.id), "humanitarian_association");
  store_ = MakeStore({});
  ASSERT_TRUE(store_->UpdateOwn(actor_, profile, profile.revision).ok());
  EXPECT_EQ(kind_of(first.id), "popular_education_association");
  EXPECT_EQ(kind_of(second.id), "popular_education_association");
  EXPECT_EQ(kind_of(others.id), "humanitarian_association") << "another organisation's posts stay";
  // The posts themselves did not change: their revisions (and ETags) stay.
  const storage::OpportunityManager manager{"", {own}};
  EXPECT_EQ(opportunities.Get(manager, first.id)->revision, first.revision);
  EXPECT_EQ(opportunities.Get(manager, first.id)->organisation_kind, "popular_education_association");
}

INSTANTIATE_TEST_SUITE_P(Backends, OrganisationContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
