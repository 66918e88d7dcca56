#pragma once
// The registry tests' fixture (both databases): a shop in Beijing-Chaoyang with one outlet, its
// clerk, and police of Chaoyang, Beijing and Shenzhen.

#include <gtest/gtest.h>

#include "core/validators.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/registration.hpp"
#include "support/test_database.hpp"

namespace recirc::registry {

using identity::Principal;

inline constexpr std::string_view kRegions =
    "code,name,parent_code,level\n"
    "110000,北京市,,province\n"
    "110105,朝阳区,110000,county\n"
    "110108,海淀区,110000,county\n"
    "440000,广东省,,province\n"
    "440300,深圳市,440000,city\n";

inline std::string Imei(std::string fourteen) {
  return fourteen + core::ImeiCheckDigit(fourteen).value();
}

class RegistryTest : public testing::BothDatabases {
 protected:
  // Typed ids from a record's text id (the services take StrongIds).
  static AcquisitionId Acq(const std::string& text) {
    return AcquisitionId::Parse(text, "id").value();
  }
  void SetUp() override {
    BothDatabases::SetUp();
    if (IsSkipped() || HasFailure()) return;
    directory_.emplace(db(), identity_repo_, journal_, regions_, hasher_, clock_, random_);
    registration_.emplace(db(), repo_, identity_port_, no_sales_, journal_, cipher_, index_, clock_,
                          random_);
    police_.emplace(db(), repo_, identity_port_, journal_, index_, clock_, random_);
    shop_org_ = Org("operator", "绿循环", "110105");
    outlet_ = *directory_->CreateOutlet(Principal::System(), OrganisationId::Stored(shop_org_.id),
                                        {"朝阳店", "110105", "建国路 88 号"});
    clerk_ = As(shop_org_, identity::Role::kOperatorStaff, identity::OrganisationKind::kOperator);
    chaoyang_ = As(Org("police", "朝阳分局", "110105"), identity::Role::kPoliceOfficer,
                   identity::OrganisationKind::kPolice);
    beijing_ = As(Org("police", "北京市公安局", "110000"), identity::Role::kPoliceOfficer,
                  identity::OrganisationKind::kPolice);
    shenzhen_ = As(Org("police", "深圳市公安局", "440300"), identity::Role::kPoliceOfficer,
                   identity::OrganisationKind::kPolice);
  }

  storage::OrganisationRecord Org(std::string kind, std::string name, std::string region) {
    return *directory_->CreateOrganisation(Principal::System(), {kind, name, std::nullopt, region});
  }
  Principal As(const storage::OrganisationRecord& org, identity::Role role,
               identity::OrganisationKind kind) {
    Principal p;
    p.user_id = "U" + org.id.substr(1);
    p.role = role;
    p.kind = kind;
    p.organisation = org;
    return p;
  }
  AcquisitionInput Phone(const std::string& imei) {
    AcquisitionInput in;
    in.outlet_id = outlet_.id;
    in.kind = "purchase";
    in.channel = "store";
    in.price_fen = 120000;
    in.payment_method = "cash";
    in.person_matches_id = true;
    in.origin_statement = "自用两年，换新机";
    in.seller = {"individual",
                 "张三丰",
                 std::string("resident_id"),
                 std::string("11010519491231002X"),
                 std::nullopt,
                 std::string("13800138000"),
                 std::string("北京市朝阳区光华路 1 号")};
    in.item = {"phone", "Apple", "iPhone 13", {{"imei", imei}}, std::string("黑色"), "轻微划痕", 1};
    return in;
  }
  int64_t Count(const std::string& table) {
    return *storage::ReadValue<int64_t>(db(), [&](storage::Session& s) -> Result<int64_t> {
      RECIRC_TRY(auto r, s.QueryOne("SELECT COUNT(*) FROM " + table, {}, "count"));
      return r.Int(0);
    });
  }

  SeededRandom random_{11};
  core::RegionTable regions_ = core::RegionTable::ParseCsv(kRegions, "test").value();
  crypto::PasswordHasher hasher_{crypto::PasswordCost::kMinimumForTests};
  crypto::FieldCipher cipher_ =
      crypto::FieldCipher::Create({{"k1", std::string(32, 'k')}}, "k1").value();
  crypto::BlindIndex index_ = crypto::BlindIndex::Create(std::string(32, 'i')).value();
  storage::IdentityRepository identity_repo_;
  identity::IdentityPortImpl identity_port_{identity_repo_};
  storage::RegistryRepository repo_;
  storage::JournalRepository journal_{clock_, random_};
  // These tests sell nothing: no item was ever sold after its acquisition.
  struct NoSalesRecorded final : registry::CirculationPort {
    Result<bool> SoldSinceLastAcquisition(storage::Session&, const std::string&) const override {
      return false;
    }
  } no_sales_;
  std::optional<identity::DirectoryService> directory_;
  std::optional<RegistrationService> registration_;
  std::optional<PoliceService> police_;
  storage::OrganisationRecord shop_org_;
  storage::OutletRecord outlet_;
  Principal clerk_, chaoyang_, beijing_, shenzhen_;
};

}  // namespace recirc::registry
