// The worksheet store's contract, on SQLite and PostgreSQL: create and revisit a unit's worksheet
// for a year, update with the revision read, a stale revision refused with nothing changed, units
// of another municipality, validation, the list and the audit log.
#include "storage/worksheet_store.h"

#include <gtest/gtest.h>

#include "app/app.h"
#include "storage/audit_store.h"
#include "storage/unit_store.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using domain::MunicipalityScope;
using domain::Worksheet;

const FixedClock& TestClock() {
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

class WorksheetContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), TestClock()).ok());
    store_ = std::make_unique<WorksheetStore>(db(), TestClock());
    administration_ = AddUnit(furesoe_, domain::UnitKind::kAdministration, "Velfærd", std::nullopt);
    health_ = AddUnit(furesoe_, domain::UnitKind::kCenter, "Center for Sundhed", administration_);
    daycare_ = AddUnit(furesoe_, domain::UnitKind::kCenter, "Center for Dagtilbud", administration_);
    aalborg_unit_ = AddUnit(aalborg_, domain::UnitKind::kAdministration, "Forvaltning", std::nullopt);
  }
  int64_t AddUnit(const MunicipalityScope& scope, domain::UnitKind kind, const std::string& name,
                  std::optional<int64_t> parent) {
    UnitStore units(db(), TestClock());
    domain::Unit unit;
    unit.kind = kind;
    unit.name = name;
    unit.parent_id = parent;
    auto created = units.Create(scope, actor_, unit);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? created->id : 0;
  }
  Worksheet Make(int64_t unit, int year) const {
    Worksheet w;
    w.unit_id = unit;
    w.year = year;
    w.work_areas = "Besøg på plejecentre, træning";
    w.quadrants = {3, 1};
    w.contact_owner = "Centerlederen";
    return w;
  }
  int64_t Count(const std::string& table) {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  const domain::Actor actor_ = domain::Actor::System("test", "req-worksheet");
  const MunicipalityScope furesoe_{"0190"};
  const MunicipalityScope aalborg_{"0851"};
  std::unique_ptr<WorksheetStore> store_;
  int64_t administration_ = 0, health_ = 0, daycare_ = 0, aalborg_unit_ = 0;
};

TEST_P(WorksheetContract, AUnitsWorksheetIsSavedRevisitedAndUpdatedWithItsRevision) {
  EXPECT_EQ(store_->Get(furesoe_, health_, 2026).status().code(), ErrorCode::kNotFound);
  auto created = store_->Save(furesoe_, actor_, Make(health_, 2026), 0);
  ASSERT_TRUE(created.ok()) << created.status().log_message();
  EXPECT_EQ(created->revision, 1);
  EXPECT_EQ(created->unit_name, "Center for Sundhed");
  EXPECT_EQ(created->quadrants, (std::vector<int>{1, 3}));

  auto read = store_->Get(furesoe_, health_, 2026);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->work_areas, "Besøg på plejecentre, træning");
  EXPECT_EQ(read->contact_owner, "Centerlederen");
  EXPECT_EQ(read->updated_at, "2026-11-18T11:06:40Z");

  Worksheet changed = *read;
  changed.relatives = "Pårørenderådet på Lillevang";
  changed.quadrants = {};
  auto updated = store_->Save(furesoe_, actor_, changed, read->revision);
  ASSERT_TRUE(updated.ok()) << updated.status().log_message();
  EXPECT_EQ(updated->revision, 2);
  EXPECT_TRUE(updated->quadrants.empty());
  EXPECT_EQ(updated->relatives, "Pårørenderådet på Lillevang");

  // Another year and another unit are other worksheets; the list names the units, newest year first.
  ASSERT_TRUE(store_->Save(furesoe_, actor_, Make(health_, 2027), 0).ok());
  ASSERT_TRUE(store_->Save(furesoe_, actor_, Make(daycare_, 2026), 0).ok());
  auto list = store_->List(furesoe_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].year, 2027);
  EXPECT_EQ((*list)[1].unit_name, "Center for Dagtilbud");
  EXPECT_EQ((*list)[2].unit_name, "Center for Sundhed");
  EXPECT_TRUE(store_->List(aalborg_)->empty());

  AuditStore audit(db());
  auto entries = audit.List(furesoe_, 10, 0);
  ASSERT_TRUE(entries.ok());
  int creates = 0, updates = 0;
  for (const auto& entry : *entries) {
    if (entry.action == "worksheet.create") ++creates;
    if (entry.action == "worksheet.update") {
      ++updates;
      EXPECT_TRUE(entry.before_json.has_value());
      EXPECT_NE(entry.after_json->find("Pårørenderådet"), std::string::npos);
    }
  }
  EXPECT_EQ(creates, 3);
  EXPECT_EQ(updates, 1);
}

TEST_P(WorksheetContract, AStaleRevisionIsRefusedAndChangesNothing) {
  auto created = store_->Save(furesoe_, actor_, Make(health_, 2026), 0);
  ASSERT_TRUE(created.ok());
  Worksheet first = *created;
  first.priorities = "Først";
  ASSERT_TRUE(store_->Save(furesoe_, actor_, first, 1).ok());
  const int64_t audit_before = Count("audit_log");

  Worksheet second = *created;  // read before the first save
  second.priorities = "Anden";
  auto stale = store_->Save(furesoe_, actor_, second, 1);
  EXPECT_EQ(stale.status().code(), ErrorCode::kPreconditionFailed);
  EXPECT_EQ(stale.status().user_message_key(), "worksheet.error.stale");
  // Starting a worksheet someone else started in between is stale too.
  auto started = store_->Save(furesoe_, actor_, second, 0);
  EXPECT_EQ(started.status().code(), ErrorCode::kPreconditionFailed);
  // A revision for a worksheet that does not exist.
  EXPECT_EQ(store_->Save(furesoe_, actor_, Make(daycare_, 2026), 4).status().code(),
            ErrorCode::kPreconditionFailed);

  EXPECT_EQ(store_->Get(furesoe_, health_, 2026)->priorities, "Først");
  EXPECT_EQ(store_->Get(furesoe_, health_, 2026)->revision, 2);
  EXPECT_EQ(Count("center_worksheets"), 1);
  EXPECT_EQ(Count("audit_log"), audit_before);
}

TEST_P(WorksheetContract, AnotherMunicipalitysUnitAndBadAnswersAreRefused) {
  auto foreign = store_->Save(furesoe_, actor_, Make(aalborg_unit_, 2026), 0);
  EXPECT_EQ(foreign.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(foreign.status().user_message_key(), "worksheet.error.unit_not_found");
  ASSERT_TRUE(store_->Save(aalborg_, actor_, Make(aalborg_unit_, 2026), 0).ok());
  EXPECT_EQ(store_->Get(furesoe_, aalborg_unit_, 2026).status().code(), ErrorCode::kNotFound);

  Worksheet bad = Make(health_, 1899);
  bad.quadrants = {2, 7};
  bad.spreading = std::string(domain::kMaxWorksheetAnswerLength + 1, 'x');
  auto refused = store_->Save(furesoe_, actor_, bad, 0);
  EXPECT_EQ(refused.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.status().fields(), (std::vector<FieldProblem>{{"year", "worksheet.error.year"},
                                                                  {"quadrants", "worksheet.error.quadrants"},
                                                                  {"spreading", "validation.too_long"}}));
  EXPECT_EQ(Count("center_worksheets"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorksheetContract, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
