// The partner organisation's approvals (docs/decisions/0018-approval.md), on SQLite and PostgreSQL:
// asking for a vulnerable need only, twice changes nothing, an offer the municipality may not see
// is not found, only the need's partner decides, direct contact only with an approval, the
// revision, the notices in the outbox, the audit log, a new partner decides afresh, and deleting a
// need or an offer deletes its approvals in the same transaction.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "app/app.h"
#include "storage/need_approval_store.h"
#include "storage/need_store.h"
#include "storage/offer_store.h"
#include "storage/unit_store.h"
#include "support/market_fixture.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using domain::ApprovalDecision;
using domain::MunicipalityScope;

using samskab::testing::MarketClock;
using samskab::testing::MarketPostcodes;

class ApprovalContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), MarketClock()).ok());
    needs_ = std::make_unique<NeedStore>(db(), MarketClock(), MarketPostcodes(),
                                         ApprovalNotices{[](std::string_view lang, std::string_view key) {
                                                           return fmt::format("{}:{}", lang, key);
                                                         },
                                                         "https://samskab.test"});
    offers_ = std::make_unique<OfferStore>(db(), MarketClock(), MarketPostcodes());
    approvals_ = std::make_unique<NeedApprovalStore>(
        db(), MarketClock(),
        [](std::string_view lang, std::string_view key) { return fmt::format("{}:{}", lang, key); },
        "https://samskab.test");
    UnitStore units(db(), MarketClock());
    domain::Unit unit;
    unit.kind = domain::UnitKind::kAdministration;
    unit.name = "Social og Sundhed";
    unit_ = units.Create(furesoe_, actor_, unit)->id;
    using samskab::testing::InsertOrganisation;
    partner_ = InsertOrganisation(db(), "Dansk Flygtningehjælp Furesø", "humanitarian_association");
    other_partner_ = InsertOrganisation(db(), "Mødrehjælpen", "humanitarian_association");
    company_ = InsertOrganisation(db(), "Byggefirma A/S", "company");
    sara_ = samskab::testing::InsertUser(db(), "sara@dfh.test", "Sara");
    anna_ = samskab::testing::InsertUser(db(), "anna@furesoe.test", "Anna");
    Run(
        fmt::format("INSERT INTO role_grants (user_id, role, organisation_id, created_at) VALUES ({}, "
                    "'organisation_admin', {}, 'x')",
                    sara_, partner_));
    staff_.user_id = anna_;
    staff_.label = "user:" + std::to_string(anna_);
    partner_admin_.user_id = sara_;
    partner_admin_.label = "user:" + std::to_string(sara_);

    domain::Need n;
    n.unit_id = unit_;
    n.title = "Udflugt for nyankomne familier";
    n.target_group = "refugees_and_immigrants";
    n.vulnerable = true;
    n.direct_contact = false;
    n.partner_organisation_id = partner_;
    need_ = needs_->Create(furesoe_, actor_, n)->id;
    n.title = "Maling af klubhuset";
    n.vulnerable = false;
    n.direct_contact = true;
    n.partner_organisation_id.reset();
    plain_need_ = needs_->Create(furesoe_, actor_, n)->id;
    offer_ = AddOffer({"0190"});
    elsewhere_offer_ = AddOffer({"0851"});
  }
  int64_t AddOffer(std::vector<std::string> municipalities) {
    domain::OfferViewer owner;
    owner.everything = true;
    auto created =
        offers_->Create(owner, actor_, samskab::testing::EventDayOffer(company_, std::move(municipalities)));
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? created->id : 0;
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
  int64_t Count(const std::string& table_and_where) { return Id("SELECT COUNT(*) FROM " + table_and_where); }

  const domain::Actor actor_ = domain::Actor::System("test", "req-approval");
  domain::Actor staff_, partner_admin_;
  const MunicipalityScope furesoe_{"0190"};
  const MunicipalityScope aalborg_{"0851"};
  std::unique_ptr<NeedStore> needs_;
  std::unique_ptr<OfferStore> offers_;
  std::unique_ptr<NeedApprovalStore> approvals_;
  int64_t unit_ = 0, partner_ = 0, other_partner_ = 0, company_ = 0, sara_ = 0, anna_ = 0;
  int64_t need_ = 0, plain_need_ = 0, offer_ = 0, elsewhere_offer_ = 0;
};

TEST_P(ApprovalContract, TheStaffAskAndOnlyThePartnerDecidesWithDirectContactOnlyWhenApproved) {
  auto asked = approvals_->Ask(furesoe_, staff_, need_, offer_);
  ASSERT_TRUE(asked.ok()) << asked.status().log_message();
  EXPECT_TRUE(asked->created);
  EXPECT_EQ(asked->approval.decision, ApprovalDecision::kPending);
  EXPECT_FALSE(asked->approval.direct_contact);
  EXPECT_EQ(asked->approval.organisation_id, partner_);
  EXPECT_EQ(Count("audit_log WHERE action = 'need_approval.ask' AND municipality_code = '0190'"), 1);
  EXPECT_EQ(
      Count("outbox WHERE recipient = 'sara@dfh.test' AND subject = 'da:mail.need_approval_asked.subject'"),
      1);

  // Asking twice changes nothing.
  auto again = approvals_->Ask(furesoe_, staff_, need_, offer_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(Count("audit_log WHERE action = 'need_approval.ask'"), 1);
  EXPECT_EQ(Count("outbox"), 1);

  // Another organisation is not the partner: not found.
  EXPECT_EQ(approvals_->GetForOrganisation(company_, need_, offer_).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(approvals_->Decide(company_, actor_, need_, offer_, {}, 1).status().code(), ErrorCode::kNotFound);
  auto pending = approvals_->ListForOrganisation(partner_, ApprovalDecision::kPending, 0, 20);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->total, 1);
  EXPECT_EQ(pending->items[0].offer_owner_name, "Byggefirma A/S");
  EXPECT_EQ(approvals_->ListForOrganisation(company_, std::nullopt, 0, 20)->total, 0);

  // No direct contact without an approval; no decision back to pending; the note's length.
  auto refused =
      approvals_->Decide(partner_, partner_admin_, need_, offer_, {ApprovalDecision::kDeclined, true, ""}, 1);
  ASSERT_EQ(refused.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.status().fields().front().field, "direct_contact");
  EXPECT_EQ(
      approvals_->Decide(partner_, partner_admin_, need_, offer_, {ApprovalDecision::kPending, false, ""}, 1)
          .status()
          .code(),
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(approvals_
                ->Decide(partner_, partner_admin_, need_, offer_,
                         {ApprovalDecision::kApproved, false, std::string(1001, 'x')}, 1)
                .status()
                .code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(approvals_->GetForOrganisation(partner_, need_, offer_)->revision, 1);

  // Approved without contact: direct contact stays false. A stale revision is refused.
  auto approved =
      approvals_->Decide(partner_, partner_admin_, need_, offer_,
                         {ApprovalDecision::kApproved, false, "  Som eksterne, uden nære relationer. "}, 1);
  ASSERT_TRUE(approved.ok()) << approved.status().log_message();
  EXPECT_EQ(approved->decision, ApprovalDecision::kApproved);
  EXPECT_FALSE(approved->direct_contact);
  EXPECT_EQ(approved->note, "Som eksterne, uden nære relationer.");
  EXPECT_EQ(approved->decided_by, sara_);
  EXPECT_EQ(approved->revision, 2);
  EXPECT_EQ(Count("outbox WHERE recipient = 'anna@furesoe.test' AND subject = "
                  "'da:mail.need_approval_decided.subject'"),
            1);
  EXPECT_EQ(
      approvals_->Decide(partner_, partner_admin_, need_, offer_, {ApprovalDecision::kApproved, true, ""}, 1)
          .status()
          .code(),
      ErrorCode::kPreconditionFailed);
  auto contact =
      approvals_->Decide(partner_, partner_admin_, need_, offer_, {ApprovalDecision::kApproved, true, ""}, 2);
  ASSERT_TRUE(contact.ok());
  EXPECT_TRUE(contact->direct_contact);
  EXPECT_EQ(Count("audit_log WHERE action = 'need_approval.decide' AND entity_id = '" +
                  std::to_string(need_) + ":" + std::to_string(offer_) + "'"),
            2);

  // Once decided, asking again is a clear conflict.
  EXPECT_EQ(approvals_->Ask(furesoe_, staff_, need_, offer_).status().code(), ErrorCode::kFailedPrecondition);
  auto listed = approvals_->ListForNeed(furesoe_, need_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().decision, ApprovalDecision::kApproved);
}

TEST_P(ApprovalContract, BadAsksAreRefusedAndNothingChanges) {
  const int64_t audit = Count("audit_log");
  auto plain = approvals_->Ask(furesoe_, staff_, plain_need_, offer_);
  EXPECT_EQ(plain.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(plain.status().user_message_key(), "need_approval.error.not_vulnerable");
  auto hidden = approvals_->Ask(furesoe_, staff_, need_, elsewhere_offer_);
  EXPECT_EQ(hidden.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(hidden.status().user_message_key(), "offer.error.not_found");
  EXPECT_EQ(approvals_->Ask(furesoe_, staff_, need_, 999999).status().code(), ErrorCode::kNotFound);
  auto other_municipality = approvals_->Ask(aalborg_, staff_, need_, offer_);
  EXPECT_EQ(other_municipality.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(other_municipality.status().user_message_key(), "need.error.not_found");
  EXPECT_EQ(approvals_->ListForNeed(aalborg_, need_).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Count("need_approvals"), 0);
  EXPECT_EQ(Count("audit_log"), audit);
  EXPECT_EQ(Count("outbox"), 0);
  // The offer offered elsewhere is not among those the staff may ask for.
  auto askable = approvals_->AskableOffers(furesoe_, need_, 50);
  ASSERT_TRUE(askable.ok());
  ASSERT_EQ(askable->size(), 1u);
  EXPECT_EQ(askable->front().id, offer_);
}

TEST_P(ApprovalContract, ANewPartnerDecidesAfreshAndANeedNoLongerVulnerableIsNotDecided) {
  const int64_t mette = samskab::testing::InsertUser(db(), "mette@mh.test", "Mette");
  Run(
      fmt::format("INSERT INTO role_grants (user_id, role, organisation_id, created_at) VALUES ({}, "
                  "'organisation_admin', {}, 'x')",
                  mette, other_partner_));
  ASSERT_TRUE(approvals_->Ask(furesoe_, staff_, need_, offer_).ok());
  ASSERT_TRUE(
      approvals_->Decide(partner_, partner_admin_, need_, offer_, {ApprovalDecision::kApproved, true, ""}, 1)
          .ok());
  auto need = needs_->Get(furesoe_, need_);
  ASSERT_TRUE(need.ok());
  need->partner_organisation_id = other_partner_;
  auto moved = needs_->Update(furesoe_, actor_, *need, need->revision);
  ASSERT_TRUE(moved.ok()) << moved.status().log_message();
  auto waiting = approvals_->GetForOrganisation(other_partner_, need_, offer_);
  ASSERT_TRUE(waiting.ok());
  EXPECT_EQ(waiting->decision, ApprovalDecision::kPending);
  EXPECT_FALSE(waiting->direct_contact);
  EXPECT_FALSE(waiting->decided_at.has_value());
  EXPECT_EQ(approvals_->GetForOrganisation(partner_, need_, offer_).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Count("audit_log WHERE action = 'need_approval.partner_changed'"), 1);
  EXPECT_EQ(
      Count("outbox WHERE recipient = 'mette@mh.test' AND subject = 'da:mail.need_approval_asked.subject'"),
      1)
      << "the new partner's admin is told that an approval waits";

  moved->title += " (rettet)";
  auto again = needs_->Update(furesoe_, actor_, *moved, moved->revision);
  ASSERT_TRUE(again.ok()) << again.status().log_message();
  EXPECT_EQ(Count("outbox WHERE recipient = 'mette@mh.test'"), 1) << "the same partner is not told twice";
  moved = again;
  moved->vulnerable = false;
  auto plain = needs_->Update(furesoe_, actor_, *moved, moved->revision);
  ASSERT_TRUE(plain.ok()) << plain.status().log_message();
  EXPECT_EQ(approvals_->ListForOrganisation(other_partner_, std::nullopt, 0, 20)->total, 0);
  auto refused = approvals_->Decide(other_partner_, actor_, need_, offer_,
                                    {ApprovalDecision::kApproved, false, ""}, waiting->revision);
  EXPECT_EQ(refused.status().user_message_key(), "need_approval.error.not_vulnerable");
}

TEST_P(ApprovalContract, DeletingANeedOrAnOfferDeletesItsApprovalsInTheSameTransaction) {
  const int64_t second_offer = AddOffer({});
  ASSERT_TRUE(approvals_->Ask(furesoe_, staff_, need_, offer_).ok());
  ASSERT_TRUE(approvals_->Ask(furesoe_, staff_, need_, second_offer).ok());
  domain::OfferViewer owner;
  owner.everything = true;
  ASSERT_TRUE(offers_->Delete(owner, actor_, second_offer, 1).ok());
  EXPECT_EQ(Count("need_approvals"), 1);
  EXPECT_EQ(Count("audit_log WHERE action = 'need_approval.delete' AND municipality_code = '0190'"), 1);
  auto need = needs_->Get(furesoe_, need_);
  ASSERT_TRUE(need.ok());
  ASSERT_TRUE(needs_->Delete(furesoe_, actor_, need_, need->revision).ok());
  EXPECT_EQ(Count("need_approvals"), 0);
  EXPECT_EQ(Count("audit_log WHERE action = 'need_approval.delete'"), 2);
}

TEST_P(ApprovalContract, TheForeignKeysRefuseADeletionThatForgetsTheApprovals) {
  ASSERT_TRUE(approvals_->Ask(furesoe_, staff_, need_, offer_).ok());
  auto lease = db().Acquire();
  EXPECT_FALSE((*lease)->Execute("DELETE FROM offers WHERE id = ?", {offer_}).ok());
  EXPECT_FALSE((*lease)->Execute("DELETE FROM needs WHERE id = ?", {need_}).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ApprovalContract, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
