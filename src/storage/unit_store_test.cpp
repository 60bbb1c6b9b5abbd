// The unit hierarchy's contract, on SQLite and PostgreSQL.
#include "storage/unit_store.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "app/app.h"
#include "storage/audit_store.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Unit;
using domain::UnitKind;

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

class UnitContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), TestClock()).ok());
    store_ = std::make_unique<UnitStore>(db(), TestClock());
  }
  Unit Make(UnitKind kind, std::string name, std::optional<int64_t> parent = std::nullopt) {
    Unit unit;
    unit.kind = kind;
    unit.name = std::move(name);
    unit.parent_id = parent;
    return unit;
  }
  Unit MustCreate(const MunicipalityScope& scope, UnitKind kind, std::string name,
                  std::optional<int64_t> parent = std::nullopt) {
    auto created = store_->Create(scope, actor_, Make(kind, std::move(name), parent));
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? *created : Unit{};
  }
  const domain::Actor actor_ = domain::Actor::System("test", "req-test-1");
  const MunicipalityScope furesoe_{"0190"};
  const MunicipalityScope aalborg_{"0851"};
  std::unique_ptr<UnitStore> store_;
};

TEST_P(UnitContract, TheHierarchyIsAdministrationCenterDepartment) {
  const Unit admin = MustCreate(furesoe_, UnitKind::kAdministration, "  Social- og Sundhedsforvaltningen ");
  EXPECT_EQ(admin.name, "Social- og Sundhedsforvaltningen") << "names are trimmed";
  const Unit center = MustCreate(furesoe_, UnitKind::kCenter, "Center for Sundhed og Seniorliv", admin.id);
  const Unit department = MustCreate(furesoe_, UnitKind::kDepartment, "Plejecenter Ryetbo", center.id);
  EXPECT_EQ(department.parent_id, center.id);
  EXPECT_EQ(department.municipality_code, "0190");
  EXPECT_EQ(department.created_at, "2026-11-18T11:06:40Z");

  struct Wrong {
    UnitKind kind;
    std::optional<int64_t> parent;
    const char* key;
  };
  const Wrong wrongs[] = {
      {UnitKind::kAdministration, admin.id, "unit.error.administration_parent"},
      {UnitKind::kCenter, std::nullopt, "unit.error.center_parent"},
      {UnitKind::kCenter, center.id, "unit.error.center_parent"},
      {UnitKind::kDepartment, admin.id, "unit.error.department_parent"},
      {UnitKind::kDepartment, department.id, "unit.error.department_parent"},
      {UnitKind::kDepartment, int64_t{999999}, "unit.error.parent_not_found"},
  };
  for (const auto& wrong : wrongs) {
    auto created = store_->Create(furesoe_, actor_, Make(wrong.kind, "X", wrong.parent));
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(created.status().user_message_key(), wrong.key);
  }
  auto listed = store_->List(furesoe_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 3u) << "nothing refused was stored";
  EXPECT_EQ((*listed)[0].id, admin.id);
  EXPECT_EQ((*listed)[1].id, center.id);
  EXPECT_EQ((*listed)[2].id, department.id);
}

TEST_P(UnitContract, AnotherMunicipalitysUnitLooksExactlyLikeAMissingOne) {
  const Unit admin = MustCreate(furesoe_, UnitKind::kAdministration, "Forvaltningen");
  const auto missing = store_->Get(aalborg_, 987654);
  const auto foreign = store_->Get(aalborg_, admin.id);
  EXPECT_EQ(foreign.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(foreign.status().code(), missing.status().code());
  EXPECT_EQ(foreign.status().user_message_key(), missing.status().user_message_key());
  // Nor can it be used as a parent, renamed or deleted from there.
  auto center = store_->Create(aalborg_, actor_, Make(UnitKind::kCenter, "Center", admin.id));
  EXPECT_EQ(center.status().user_message_key(), "unit.error.parent_not_found");
  Unit renamed = admin;
  renamed.name = "Overtaget";
  EXPECT_EQ(store_->Update(aalborg_, actor_, renamed, admin.revision).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->Delete(aalborg_, actor_, admin.id, admin.revision).code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->Get(furesoe_, admin.id)->name, "Forvaltningen");
  EXPECT_TRUE(store_->List(aalborg_)->empty());
}

TEST_P(UnitContract, SiblingNamesAreUniqueAndNamesAreChecked) {
  const Unit admin = MustCreate(furesoe_, UnitKind::kAdministration, "Forvaltningen");
  MustCreate(furesoe_, UnitKind::kCenter, "Center for Børn og Voksne", admin.id);
  auto twin =
      store_->Create(furesoe_, actor_, Make(UnitKind::kCenter, "Center for Børn og Voksne", admin.id));
  EXPECT_EQ(twin.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(twin.status().user_message_key(), "unit.error.name_taken");
  EXPECT_EQ(
      store_->Create(furesoe_, actor_, Make(UnitKind::kAdministration, " ")).status().user_message_key(),
      "validation.required");
  EXPECT_EQ(store_->Create(furesoe_, actor_, Make(UnitKind::kAdministration, std::string(201, 'x')))
                .status()
                .user_message_key(),
            "validation.too_long");
  const Unit hostile = MustCreate(furesoe_, UnitKind::kAdministration, "'; DROP TABLE units; -- <b>");
  EXPECT_EQ(store_->Get(furesoe_, hostile.id)->name, "'; DROP TABLE units; -- <b>");
}

TEST_P(UnitContract, UpdatesNeedTheCurrentRevision) {
  const Unit admin = MustCreate(furesoe_, UnitKind::kAdministration, "Forvaltningen");
  Unit renamed = admin;
  renamed.name = "Kultur- og Fritidsforvaltningen";
  auto updated = store_->Update(furesoe_, actor_, renamed, admin.revision);
  ASSERT_TRUE(updated.ok()) << updated.status().log_message();
  EXPECT_EQ(updated->revision, admin.revision + 1);
  renamed.name = "Stale";
  EXPECT_EQ(store_->Update(furesoe_, actor_, renamed, admin.revision).status().code(),
            ErrorCode::kPreconditionFailed);
  EXPECT_EQ(store_->Get(furesoe_, admin.id)->name, "Kultur- og Fritidsforvaltningen");
}

TEST_P(UnitContract, AUnitWithChildrenCannotBeDeleted) {
  const Unit admin = MustCreate(furesoe_, UnitKind::kAdministration, "Forvaltningen");
  const Unit center = MustCreate(furesoe_, UnitKind::kCenter, "Centret", admin.id);
  const Status refused = store_->Delete(furesoe_, actor_, admin.id, admin.revision);
  EXPECT_EQ(refused.code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.user_message_key(), "unit.error.has_children");
  EXPECT_EQ(store_->Delete(furesoe_, actor_, center.id, center.revision + 5).code(),
            ErrorCode::kPreconditionFailed);
  EXPECT_TRUE(store_->Delete(furesoe_, actor_, center.id, center.revision).ok());
  EXPECT_TRUE(store_->Delete(furesoe_, actor_, admin.id, admin.revision).ok());
  EXPECT_TRUE(store_->List(furesoe_)->empty());
}

TEST_P(UnitContract, EveryChangeIsInTheMunicipalitysAuditLogWithBeforeAndAfter) {
  const Unit admin = MustCreate(furesoe_, UnitKind::kAdministration, "Forvaltningen");
  Unit renamed = admin;
  renamed.name = "Borgerforvaltningen";
  ASSERT_TRUE(store_->Update(furesoe_, actor_, renamed, admin.revision).ok());
  ASSERT_TRUE(store_->Delete(furesoe_, actor_, admin.id, admin.revision + 1).ok());
  // A refused change leaves no entry.
  EXPECT_FALSE(store_->Delete(furesoe_, actor_, admin.id, admin.revision + 1).ok());

  AuditStore audit(db());
  auto entries = audit.List(furesoe_, 10, 0);
  ASSERT_TRUE(entries.ok()) << entries.status().log_message();
  ASSERT_EQ(entries->size(), 3U);
  const auto& del = (*entries)[0];
  const auto& upd = (*entries)[1];
  const auto& add = (*entries)[2];
  EXPECT_EQ(add.action, "unit.create");
  EXPECT_FALSE(add.before_json.has_value());
  EXPECT_EQ(nlohmann::json::parse(*add.after_json)["name"], "Forvaltningen");
  EXPECT_EQ(upd.action, "unit.update");
  EXPECT_EQ(nlohmann::json::parse(*upd.before_json)["name"], "Forvaltningen");
  EXPECT_EQ(nlohmann::json::parse(*upd.after_json)["name"], "Borgerforvaltningen");
  EXPECT_EQ(del.action, "unit.delete");
  EXPECT_FALSE(del.after_json.has_value());
  EXPECT_EQ(del.actor_label, "test");
  EXPECT_EQ(del.request_id, "req-test-1");
  EXPECT_EQ(del.entity_id, std::to_string(admin.id));
  EXPECT_EQ(del.at, "2026-11-18T11:06:40Z");
  // Another municipality's log does not show them.
  EXPECT_TRUE(audit.List(aalborg_, 10, 0)->empty());
  // Paging: older than the newest.
  EXPECT_EQ(audit.List(furesoe_, 10, del.id)->size(), 2U);
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitContract, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
