// Operators' own watchlists and agents acting for a seller, on both databases.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/registry/registry_fixture.hpp"
#include "domain/registry/seller_view.hpp"

namespace recirc::registry {
namespace {

TEST_P(RegistryTest, AnOperatorsOwnListScreensOnlyItsOwnRegistrations) {
  const std::string imei = Imei("35693803564380");
  auto entry = registration_->AddOwnWatchlistEntry(clerk_, "imei", imei, "black", "本店失窃");
  ASSERT_TRUE(entry) << entry.error().message;
  EXPECT_EQ(entry->source, "operator_list");
  EXPECT_EQ(registration_->OwnWatchlist(clerk_)->size(), 1u);
  EXPECT_EQ(registration_->AddOwnWatchlistEntry(clerk_, "imei", imei, "white", "x").error().field,
            "status");
  EXPECT_EQ(registration_->AddOwnWatchlistEntry(clerk_, "imei", "123", "grey", "x").error().field,
            "identifier_value");
  EXPECT_FALSE(registration_->AddOwnWatchlistEntry(chaoyang_, "imei", imei, "black", "x"))
      << "police use the police watchlist";

  // Another shop registers the same IMEI: the first shop's list does not apply to it.
  auto other_org = Org("operator", "别家", "110108");
  auto other_outlet =
      *directory_->CreateOutlet(Principal::System(), OrganisationId::Stored(other_org.id),
                                {"海淀店", "110108", "中关村大街 1 号"});
  auto other = As(other_org, identity::Role::kOperatorStaff, identity::OrganisationKind::kOperator);
  EXPECT_TRUE(registration_->OwnWatchlist(other)->empty());
  auto in = Phone(imei);
  in.outlet_id = other_outlet.id;
  auto theirs = registration_->Register(other, in);
  ASSERT_TRUE(theirs) << theirs.error().message;
  EXPECT_EQ(ToString(theirs->status), "registered");

  auto ours = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  ASSERT_TRUE(ours);
  EXPECT_EQ(ToString(ours->status), "registered");
  ASSERT_TRUE(registration_->AddOwnWatchlistEntry(clerk_, "imei", Imei("35209900176148"), "black",
                                                  "顾客报失"));
  auto hit = registration_->Register(clerk_, Phone(Imei("35209900176148")));
  ASSERT_TRUE(hit);
  EXPECT_EQ(ToString(hit->status), "held_for_verification")
      << "its own list applies to its own intake";
}

TEST_P(RegistryTest, AnAgentsDataIsEncryptedMaskedForTheShopAndFullForThePolice) {
  auto in = Phone(Imei("49015420323751"));
  in.seller.agent = AgentInput{"李代理",      "resident_id", "110105194912310021",
                               "13700137000", std::nullopt,  "委托书 2026-0012，代售 iPhone 一部"};
  auto bad = registration_->Register(clerk_, in);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "seller.agent.id_number");
  in.seller.agent->id_number = "11010519491231002X";
  in.seller.agent->authority = "";
  EXPECT_EQ(registration_->Register(clerk_, in).error().field, "seller.agent.authority");
  in.seller.agent->authority = "委托书 2026-0012，代售 iPhone 一部";
  auto r = registration_->Register(clerk_, in);
  ASSERT_TRUE(r) << r.error().message;

  for (const char* table : {"parties", "acquisitions", "events"}) {
    auto rows = storage::ReadValue<storage::Rows>(
        db(), [&](storage::Session& s) { return s.Query(std::string("SELECT * FROM ") + table); });
    ASSERT_TRUE(rows);
    for (const auto& row : *rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        for (const char* secret : {"李代理", "13700137000", "委托书"}) {
          EXPECT_EQ(row.Text(i).find(secret), std::string::npos) << table << " holds " << secret;
        }
      }
    }
  }
  SellerViewService views(db(), repo_, cipher_, clock_, random_);
  auto masked = views.Masked(clerk_, *AcquisitionId::Parse(r->id, "id"));
  ASSERT_TRUE(masked) << masked.error().message;
  EXPECT_EQ(masked->name, "张*丰") << "the seller stays the principal";
  EXPECT_EQ(*masked->agent_name, "李*理");
  EXPECT_EQ(*masked->agent_phone, "137****7000");
  auto full = views.Full(chaoyang_, *AcquisitionId::Parse(r->id, "id"), "案件 2026-118 核查代售");
  ASSERT_TRUE(full) << full.error().message;
  EXPECT_EQ(*full->agent_name, "李代理");
  EXPECT_EQ(*full->agent_authority, "委托书 2026-0012，代售 iPhone 一部");
  EXPECT_EQ(full->name, "张三丰");
}

TEST_P(RegistryTest, SupervisorsSeeTheAccessAuditOfTheirJurisdiction) {
  auto r = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  ASSERT_TRUE(r);
  SellerViewService views(db(), repo_, cipher_, clock_, random_);
  ASSERT_TRUE(views.Full(chaoyang_, *AcquisitionId::Parse(r->id, "id"), "案件 2026-118 核查来源"));
  // Officers do not see the audit of their own views; the supervisors of the jurisdiction do.
  EXPECT_EQ(police_->AccessAudit(chaoyang_, std::nullopt, std::nullopt).error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(police_->AccessAudit(beijing_, std::nullopt, std::nullopt).error().code,
            ErrorCode::kPermissionDenied);
  Principal city = beijing_;
  city.role = identity::Role::kPoliceSupervisor;
  Principal shenzhen = shenzhen_;
  shenzhen.role = identity::Role::kPoliceSupervisor;
  Principal district = chaoyang_;
  district.role = identity::Role::kPoliceSupervisor;
  district.user_id = "U-supervisor";
  EXPECT_EQ(police_->AccessAudit(district, std::nullopt, std::nullopt)->size(), 1u);
  // A supervisor is also an officer: the alerts and the full seller view stay open to them.
  EXPECT_TRUE(police_->ListAlerts(district, std::nullopt));
  EXPECT_TRUE(views.Full(district, *AcquisitionId::Parse(r->id, "id"), "督察抽查登记 2026-12"));
  EXPECT_EQ(police_->AccessAudit(district, std::nullopt, std::nullopt)->size(), 2u);
  auto all = police_->AccessAudit(city, std::nullopt, std::nullopt);
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 2u) << "the city bureau oversees its district";
  EXPECT_TRUE(std::any_of(all->begin(), all->end(), [&](const auto& e) {
    return e.entry.viewer_id == chaoyang_.user_id && e.entry.reason == "案件 2026-118 核查来源" &&
           e.acquisition.id == r->id && e.item.id == r->item_id;
  }));
  EXPECT_TRUE(police_->AccessAudit(shenzhen, std::nullopt, std::nullopt)->empty());
  const int64_t now = ToUnixMillis(clock_.Now());
  EXPECT_TRUE(police_->AccessAudit(city, now + 1, std::nullopt)->empty()) << "from";
  EXPECT_EQ(police_->AccessAudit(clerk_, std::nullopt, std::nullopt).error().code,
            ErrorCode::kPermissionDenied);
}

}  // namespace
}  // namespace recirc::registry
