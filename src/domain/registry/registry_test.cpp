#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/validators.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/police_feed.hpp"
#include "domain/registry/registration.hpp"
#include "domain/registry/registry_fixture.hpp"
#include "domain/registry/screening.hpp"
#include "domain/registry/seller_view.hpp"
#include "journal/runner.hpp"

namespace recirc::registry {
namespace {

using identity::Principal;

// The intake answer for a category, word for word as before data/categories.json held the list.
TEST(CategoryTest, IntakeAcceptsTheListedCategoriesAndNamesThemWhenRefusing) {
  EXPECT_TRUE(CheckCategory("phone"));
  EXPECT_TRUE(CheckCategory("other"));
  for (const char* code : {"tank", ""}) {
    auto st = CheckCategory(code);
    ASSERT_FALSE(st) << code;
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(st.error().field, "item.category");
    EXPECT_EQ(st.error().message,
              "the category is one of phone, tablet, laptop, computer, camera, appliance, "
              "furniture, clothing, luxury_bag, jewellery, bicycle, car, book, toy, watch, "
              "sports_goods, musical_instrument, other");
  }
  for (const char* code : {"weapon", "police_gear", "military_gear", "id_document", "state_seal",
                           "hazardous", "seized_property"}) {
    EXPECT_TRUE(IsProhibitedCategory(code)) << code;
    EXPECT_EQ(CheckCategory(code).error().code, ErrorCode::kFailedPrecondition) << code;
  }
  EXPECT_FALSE(IsProhibitedCategory("phone"));
}

TEST_P(RegistryTest, WatchlistedImeiIsHeldAndOnlyTheRegionsPoliceSeeTheAlert) {
  const std::string imei = Imei("35693803564380");
  ASSERT_TRUE(
      police_->AddWatchlistEntry(chaoyang_, {"imei", imei, "black", "报失被盗 2026-11-01"}));

  auto receipt = registration_->Register(clerk_, Phone(imei));
  ASSERT_TRUE(receipt) << receipt.error().message;
  EXPECT_EQ(ToString(receipt->status), "held_for_verification");
  EXPECT_EQ(ToString(registration_->Get(clerk_, Acq(receipt->id))->status),
            "held_for_verification");

  auto seen = police_->ListAlerts(chaoyang_, std::nullopt);
  ASSERT_TRUE(seen) << seen.error().message;
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_NE((*seen)[0].alert.reasons.find("watchlist_black"), std::string::npos);
  EXPECT_EQ(ToString((*seen)[0].item.status), "held");
  EXPECT_EQ(police_->ListAlerts(beijing_, std::nullopt)->size(), 1u)
      << "the city covers its districts";
  EXPECT_TRUE(police_->ListAlerts(shenzhen_, std::nullopt)->empty())
      << "other jurisdictions see nothing";
  auto shop_asks = police_->ListAlerts(clerk_, std::nullopt);
  ASSERT_FALSE(shop_asks);
  EXPECT_EQ(shop_asks.error().code, ErrorCode::kPermissionDenied);

  const std::string alert_id = (*seen)[0].alert.id;
  auto foreign = police_->Decide(shenzhen_, AlertId::Parse(alert_id, "id").value(), "release");
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(police_->Decide(chaoyang_, AlertId::Parse(alert_id, "id").value(), "forgive"));
  auto released = police_->Decide(chaoyang_, AlertId::Parse(alert_id, "id").value(), "release");
  ASSERT_TRUE(released) << released.error().message;
  EXPECT_EQ(ToString(released->status), "released");
  EXPECT_EQ(ToString(registration_->Get(clerk_, Acq(receipt->id))->status), "registered");
  EXPECT_FALSE(police_->Decide(chaoyang_, AlertId::Parse(alert_id, "id").value(), "seize",
                               std::string("案件 2026-301")))
      << "decided once";
}

TEST_P(RegistryTest, PoliceSearchTheRegisterByIdentifierPersonAndOutlet) {
  const std::string imei = Imei("49015420323751");
  ASSERT_TRUE(registration_->Register(clerk_, Phone(imei)));
  ASSERT_TRUE(registration_->Register(clerk_, Phone(Imei("35209900176148"))));
  RegisterQuery by_imei;
  by_imei.identifier_kind = "imei";
  by_imei.identifier_value = imei;
  EXPECT_EQ(police_->SearchRegister(chaoyang_, by_imei)->size(), 1u);
  EXPECT_TRUE(police_->SearchRegister(shenzhen_, by_imei)->empty()) << "outside the jurisdiction";
  // Normalised before the blind index; each registration found is audited with the reason.
  SellerSearch by_person{"resident_id", "11010519491231002x", "案件 2026-301 核查"};
  EXPECT_EQ(police_->SearchBySeller(beijing_, by_person)->size(), 2u);
  EXPECT_FALSE(police_->SearchBySeller(beijing_, {"resident_id", "11010519491231002x", "x"}));
  EXPECT_FALSE(police_->SearchBySeller(clerk_, by_person));
  RegisterQuery by_outlet;
  by_outlet.outlet_id = outlet_.id;
  EXPECT_EQ(police_->SearchRegister(chaoyang_, by_outlet)->size(), 2u);
  EXPECT_FALSE(police_->SearchRegister(chaoyang_, RegisterQuery{}));
  EXPECT_FALSE(police_->SearchRegister(clerk_, by_outlet));
}

TEST_P(RegistryTest, CleanRegistrationsAreNumberedAndARepeatIdentifierIsHeld) {
  auto first = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(ToString(first->status), "registered");
  EXPECT_EQ(first->number, 1);
  auto second = registration_->Register(clerk_, Phone(Imei("35209900176148")));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->number, 2);
  EXPECT_EQ(ToString(second->status), "registered");
  auto again = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->item_id, first->item_id) << "one identity per physical item";
  EXPECT_EQ(ToString(again->status), "held_for_verification") << "acquired again, never sold";
}

TEST_P(RegistryTest, BadInputNamesTheFieldAndWritesNothing) {
  auto in = Phone("490154203237519");
  auto bad_imei = registration_->Register(clerk_, in);
  ASSERT_FALSE(bad_imei);
  EXPECT_EQ(bad_imei.error().field, "item.identifiers[0].imei");
  in = Phone(Imei("49015420323751"));
  in.seller.id_number = "110105194912310021";
  auto bad_id = registration_->Register(clerk_, in);
  ASSERT_FALSE(bad_id);
  EXPECT_EQ(bad_id.error().field, "seller.id_number");
  in = Phone(Imei("49015420323751"));
  in.item.category = "weapon";
  auto prohibited = registration_->Register(clerk_, in);
  ASSERT_FALSE(prohibited);
  EXPECT_EQ(prohibited.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(prohibited.error().field, "item.category");
  in = Phone(Imei("49015420323751"));
  in.item.identifiers = {{"vin", "1HGCM82633A00435X"}};
  EXPECT_EQ(registration_->Register(clerk_, in).error().field, "item.identifiers[0].vin");
  in = Phone(Imei("49015420323751"));
  in.outlet_id = "01M82QGDFSEZ4VR0P0J7CYX2FC";
  EXPECT_EQ(registration_->Register(clerk_, in).error().field, "outlet_id");
  EXPECT_EQ(Count("acquisitions"), 0);
  EXPECT_EQ(Count("parties"), 0);
  EXPECT_EQ(Count("items"), 0);
}

TEST_P(RegistryTest, NoPlaintextPersonalDataIsStored) {
  ASSERT_TRUE(registration_->Register(clerk_, Phone(Imei("49015420323751"))));
  const std::vector<std::string> secrets = {"张三丰", "11010519491231002X", "13800138000", "光华路",
                                            "换新机"};
  // Every column of every row of the tables that hold seller data, as text.
  for (const char* table : {"parties", "acquisitions", "events"}) {
    auto rows = storage::ReadValue<storage::Rows>(
        db(), [&](storage::Session& s) { return s.Query(std::string("SELECT * FROM ") + table); });
    ASSERT_TRUE(rows);
    for (const auto& row : *rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        for (const auto& secret : secrets) {
          EXPECT_EQ(row.Text(i).find(secret), std::string::npos) << table << " holds " << secret;
        }
      }
    }
  }
  if (GetParam() == testing::Backend::kSqlite) {
    // And the raw database files themselves (main file and write-ahead log).
    const std::string path = test_db().url().substr(std::string("sqlite://").size());
    std::string all;
    for (const std::string& file : {path, path + "-wal"}) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      all += bytes.str();
    }
    // The scan sees what is stored in the clear (so it would see a leak too).
    ASSERT_NE(all.find("iPhone 13"), std::string::npos);
    for (const auto& secret : secrets) {
      EXPECT_EQ(all.find(secret), std::string::npos) << "the database files hold " << secret;
    }
  }
}

TEST_P(RegistryTest, ShopsSeeMaskedSellersAndPoliceFullViewsAreAudited) {
  auto receipt = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  ASSERT_TRUE(receipt);
  SellerViewService views(db(), repo_, cipher_, clock_, random_);
  auto masked = views.Masked(clerk_, *AcquisitionId::Parse(receipt->id, "id"));
  ASSERT_TRUE(masked) << masked.error().message;
  EXPECT_EQ(masked->name, "张*丰");
  EXPECT_EQ(masked->id_number, "110105********002X");
  EXPECT_EQ(masked->phone, "138****8000");
  EXPECT_TRUE(masked->masked);
  EXPECT_FALSE(
      views.Full(clerk_, *AcquisitionId::Parse(receipt->id, "id"), "curious about the seller"));

  auto no_reason = views.Full(chaoyang_, *AcquisitionId::Parse(receipt->id, "id"), "");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_EQ(views.Full(shenzhen_, *AcquisitionId::Parse(receipt->id, "id"), "案件 2026-117 核查")
                .error()
                .code,
            ErrorCode::kNotFound);
  auto full =
      views.Full(chaoyang_, *AcquisitionId::Parse(receipt->id, "id"), "案件 2026-117 核查来源");
  ASSERT_TRUE(full) << full.error().message;
  EXPECT_EQ(full->name, "张三丰");
  EXPECT_EQ(full->id_number, "11010519491231002X");
  EXPECT_EQ(full->origin_statement, "自用两年，换新机");

  auto audit = storage::ReadValue<std::vector<storage::AccessAuditRecord>>(
      db(), [&](storage::Session& s) -> Result<std::vector<storage::AccessAuditRecord>> {
        RECIRC_TRY(auto a, repo_.FindAcquisition(s, receipt->id));
        return repo_.AccessAuditOf(s, a->seller_id);
      });
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1u) << "one full view, one audit record; refused views leave none";
  EXPECT_EQ((*audit)[0].viewer_id, chaoyang_.user_id);
  EXPECT_EQ((*audit)[0].reason, "案件 2026-117 核查来源");
  auto tamper = db().Write([](storage::Session& s) -> Status {
    RECIRC_TRY(int64_t n, s.Execute("UPDATE access_audit SET reason = 'nothing'"));
    (void)n;
    return Ok();
  });
  EXPECT_FALSE(tamper) << "the audit cannot be edited";
}

TEST_P(RegistryTest, PoliceFeedFollowsTheJournalByJurisdiction) {
  ASSERT_TRUE(registration_->Register(clerk_, Phone(Imei("49015420323751"))));
  ASSERT_TRUE(registration_->Register(clerk_, Phone(Imei("35209900176148"))));
  storage::PoliceFeedRepository feed_repo;
  PoliceFeed feed(feed_repo, identity_port_);
  journal::JournalRunner runner(db(), journal_, {&feed});
  ASSERT_TRUE(runner.RunOnce());
  auto all = police_->Feed(chaoyang_, 0);
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].region_code, "110105");
  EXPECT_EQ(police_->Feed(chaoyang_, (*all)[0].seq)->size(), 1u) << "the cursor moves on";
  EXPECT_TRUE(police_->Feed(shenzhen_, 0)->empty());
  ASSERT_TRUE(runner.Rebuild("police_feed"));
  ASSERT_TRUE(runner.RunOnce());
  EXPECT_EQ(police_->Feed(beijing_, 0)->size(), 2u) << "rebuilt from the journal";
}

TEST(MaskTest, MasksKeepOnlyWhatIdentifiesTheRecordToStaff) {
  EXPECT_EQ(MaskName("王芳"), "王*");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧**娜");
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskPhone("13800138000"), "138****8000");
  EXPECT_EQ(MaskAddress("北京市朝阳区光华路 1 号"), "北京市朝阳区****");
}

RECIRC_BOTH_DATABASES(RegistryTest);

TEST(ScreeningTest, SignalsAddUpToTheThreshold) {
  EXPECT_FALSE(Screen({}).alert);
  EXPECT_TRUE(Screen({.watchlist_black = 1}).alert);
  EXPECT_TRUE(Screen({.watchlist_grey = 1}).alert);
  EXPECT_FALSE(Screen({.identity_not_checked = true}).alert) << "40 alone is under 50";
  auto both = Screen({.identity_not_checked = true, .seller_recent_acquisitions = 3});
  EXPECT_TRUE(both.alert);
  EXPECT_EQ(both.score, 70);
  EXPECT_EQ(both.signals.size(), 2u);
}

TEST(JurisdictionTest, PrefixFollowsTheLevelOfTheCode) {
  EXPECT_EQ(JurisdictionPrefix("110000"), "11");
  EXPECT_EQ(JurisdictionPrefix("440300"), "4403");
  EXPECT_EQ(JurisdictionPrefix("110105"), "110105");
}

}  // namespace
}  // namespace recirc::registry
