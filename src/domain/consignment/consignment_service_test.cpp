// The consignment service on both databases: a consignor with sealed personal data, an intake
// registered as a consignment acquisition, markdowns and expiry by the clock as public events
// without personal data, a sale at the markdown paying the exact split, payouts and reversals.
#include "domain/consignment/consignment_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/identity/directory_service.hpp"
#include "domain/registry/registration.hpp"
#include "support/test_database.hpp"

namespace recirc::consignment {
namespace {

namespace json = boost::json;
using identity::OrganisationKind;
using identity::Principal;
using identity::Role;
using std::chrono::hours;

constexpr std::string_view kRegions =
    "code,name,parent_code,level\n110000,北京市,,province\n110105,朝阳区,110000,county\n";
constexpr hours kDay{24};

class ConsignmentTest : public testing::BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (IsSkipped() || HasFailure()) return;
    directory_.emplace(db(), identity_repo_, journal_, regions_, hasher_, clock_, random_);
    registration_.emplace(db(), registry_, identity_port_, no_sales_, journal_, cipher_, index_,
                          clock_, random_);
    registrar_.registration = &*registration_;
    sellable_.emplace(registration_->holds());
    service_.emplace(db(), repo_, journal_, registrar_, *sellable_, cipher_, index_, clock_,
                     random_);
    shop_ = Org("绿循环寄卖");
    outlet_ = *directory_->CreateOutlet(Principal::System(), OrganisationId::Stored(shop_.id),
                                        {"社区寄卖店", "110105", "建国路"});
    clerk_ = As(shop_);
    other_ = As(Org("别家"));
  }
  storage::OrganisationRecord Org(std::string name) {
    return *directory_->CreateOrganisation(Principal::System(),
                                           {"operator", std::move(name), std::nullopt, "110105"});
  }
  static Principal As(const storage::OrganisationRecord& org) {
    Principal p;
    p.user_id = "U" + org.id.substr(1);
    p.role = Role::kOperatorStaff;
    p.kind = OrganisationKind::kOperator;
    p.organisation = org;
    return p;
  }
  std::string Consignor() {
    auto c = service_->AddConsignor(clerk_, {"individual", "张三丰", "resident_id",
                                             "11010519491231002X", std::nullopt, "13800138000"});
    EXPECT_TRUE(c) << c.error().message;
    return c->id;
  }
  Agreement Terms() {
    Agreement a;
    a.split = {{0, 60}, {100000, 70}};
    a.period_days = 90;
    a.grace_days = 7;
    a.expiry_action = ExpiryAction::kReturn;
    a.markdowns = {{30, 10}, {60, 20}};
    a.minimum_payout_fen = 5000;
    a.sale_fee_fen = 200;
    return a;
  }
  IntakeInput Intake(const std::string& consignor, int64_t price, Agreement terms) {
    IntakeInput in;
    in.consignor_id = consignor;
    in.outlet_id = outlet_.id;
    in.person_matches_id = true;
    in.origin_statement = "自用多年";
    in.list_price_fen = price;
    in.agreement = std::move(terms);
    in.item = {"musical_instrument",
               "Yamaha",
               "F310",
               {{"serial", "YAMAHA-F310-" + std::to_string(++serials_)}},
               std::nullopt,
               "琴颈平直",
               1};
    return in;
  }
  std::vector<storage::EventRecord> Events(const std::string& item_id) {
    return *storage::ReadValue<std::vector<storage::EventRecord>>(
        db(), [&](storage::Session& s) { return journal_.ForAggregate(s, "item", item_id); });
  }
  static ItemId I(const std::string& id) { return *ItemId::Parse(id, "item_id"); }

  struct Registrar final : AcquisitionRegistrar {
    registry::RegistrationService* registration = nullptr;
    Result<registry::AcquisitionReceipt> Register(const Principal& actor,
                                                  const registry::AcquisitionInput& in) override {
      return registration->Register(actor, in);
    }
  } registrar_;
  struct NoSales final : registry::CirculationPort {
    Result<bool> SoldSinceLastAcquisition(storage::Session&, const std::string&) const override {
      return false;
    }
  } no_sales_;
  SeededRandom random_{36};
  core::RegionTable regions_ = core::RegionTable::ParseCsv(kRegions, "test").value();
  crypto::PasswordHasher hasher_{crypto::PasswordCost::kMinimumForTests};
  crypto::FieldCipher cipher_ =
      crypto::FieldCipher::Create({{"k1", std::string(32, 'k')}}, "k1").value();
  crypto::BlindIndex index_ = crypto::BlindIndex::Create(std::string(32, 'i')).value();
  storage::IdentityRepository identity_repo_;
  identity::IdentityPortImpl identity_port_{identity_repo_};
  storage::RegistryRepository registry_;
  storage::ConsignmentRepository repo_;
  storage::JournalRepository journal_{clock_, random_};
  std::optional<identity::DirectoryService> directory_;
  std::optional<registry::RegistrationService> registration_;
  std::optional<market::RegistryHoldsCheck> sellable_;
  std::optional<ConsignmentService> service_;
  storage::OrganisationRecord shop_;
  storage::OutletRecord outlet_;
  Principal clerk_, other_;
  int serials_ = 0;
};

TEST_P(ConsignmentTest, AConsignorsPersonalDataIsSealedAndShownMasked) {
  const std::string id = Consignor();
  auto row = *storage::ReadValue<std::optional<storage::ConsignorRecord>>(
      db(), [&](storage::Session& s) { return repo_.FindConsignor(s, id); });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->name_enc.find("张三丰"), std::string::npos);
  EXPECT_EQ(row->id_number_enc->find("11010519491231002X"), std::string::npos);
  EXPECT_EQ(row->phone_enc->find("13800138000"), std::string::npos);
  auto list = service_->Consignors(clerk_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->at(0).name_masked, "张*丰");
  EXPECT_EQ(list->at(0).id_number_masked, "110105********002X");
  EXPECT_EQ(list->at(0).phone_masked, "138****8000");
  // Another shop sees none of them, and bad input names the field.
  EXPECT_TRUE(service_->Consignors(other_)->empty());
  EXPECT_EQ(service_->StatementOf(other_, id).error().code, ErrorCode::kNotFound);
  auto bad = service_->AddConsignor(
      clerk_, {"business", "某公司", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  EXPECT_EQ(bad.error().field, "consignor.credit_code");
  Principal buyer = clerk_;
  buyer.kind = OrganisationKind::kBuyers;
  EXPECT_EQ(service_->Consignors(buyer).error().code, ErrorCode::kPermissionDenied);
}

TEST_P(ConsignmentTest, ASaleAtTheMarkdownPaysTheExactSplitAndTheClockPublishesTheMarkdowns) {
  const std::string consignor = Consignor();
  Agreement bad = Terms();
  bad.period_days = 0;
  EXPECT_EQ(service_->Intake(clerk_, Intake(consignor, 99999, bad)).error().field,
            "agreement.period_days");

  auto intake = service_->Intake(clerk_, Intake(consignor, 99999, Terms()));
  ASSERT_TRUE(intake) << intake.error().message;
  const std::string item = intake->receipt.item_id;
  EXPECT_EQ(intake->agreement.current_price_fen, 99999);

  clock_.Advance(31 * kDay);
  auto run = service_->RunDue();
  ASSERT_TRUE(run);
  EXPECT_EQ(run->marked_down, 1);
  EXPECT_EQ(service_->RunDue()->marked_down, 0) << "a markdown is published once";
  EXPECT_EQ(service_->AgreementOfItem(clerk_, I(item))->current_price_fen, 89999);
  clock_.Advance(30 * kDay);
  auto sale = service_->RecordSale(clerk_, I(item));
  ASSERT_TRUE(sale) << sale.error().message;
  // 20% off 999.99 yuan = 799.99 (79999.2 fen rounded down); 60% of it = 47999.4 -> 47999 fen.
  EXPECT_EQ(sale->split.sale_fen, 79999);
  EXPECT_EQ(sale->split.consignor_fen, 47999);
  EXPECT_EQ(sale->split.shop_fen, 32000);
  auto statement = service_->StatementOf(clerk_, consignor);
  ASSERT_TRUE(statement);
  const Balances b = statement->consignor.balances;
  EXPECT_EQ(b.payable, 47999 - 200);
  EXPECT_EQ(b.cash, 79999);
  EXPECT_TRUE(b.Balance());

  // The item's history: consigned, marked down twice (the sale found 20% in force), sold; no
  // personal data in any payload.
  std::vector<std::string> types;
  for (const auto& e : Events(item)) {
    types.push_back(e.type);
    EXPECT_EQ(e.payload.find("张三丰"), std::string::npos);
    EXPECT_EQ(e.payload.find(consignor), std::string::npos) << e.type;
  }
  EXPECT_NE(std::find(types.begin(), types.end(), "item.acquired"), types.end());
  EXPECT_EQ(std::count(types.begin(), types.end(), "item.marked_down"), 1);
  EXPECT_EQ(types.back(), "item.consignment_sold");

  // Payouts: not below the minimum unless it is the whole balance, never above it.
  EXPECT_EQ(service_->Payout(clerk_, consignor, 100, "cash").error().field, "amount_fen");
  EXPECT_EQ(service_->Payout(clerk_, consignor, 47800, "cash").error().message_id,
            "consignment.overdrawn");
  auto paid = service_->Payout(clerk_, consignor, 40000, "simulated");
  ASSERT_TRUE(paid) << paid.error().message;
  EXPECT_EQ(paid->balances.payable, 7799);
  // The buyer returns it: the sale's share was partly paid out, so the reversal is refused.
  EXPECT_EQ(service_->ReverseSale(clerk_, I(item)).error().message_id,
            "consignment.reversal_after_payout");
  ASSERT_TRUE(service_->Payout(clerk_, consignor, 7799, "cash"));
  EXPECT_EQ(service_->StatementOf(clerk_, consignor)->consignor.balances.payable, 0);
}

TEST_P(ConsignmentTest, AReversalRestoresTheBalanceAndExpiryActionsRunByTheClock) {
  const std::string consignor = Consignor();
  auto sold = service_->Intake(clerk_, Intake(consignor, 50000, Terms()));
  ASSERT_TRUE(sold) << sold.error().message;
  // Within the statutory hold period (7 days) the item may not be sold.
  auto held = service_->RecordSale(clerk_, I(sold->receipt.item_id));
  ASSERT_FALSE(held);
  EXPECT_EQ(held.error().code, ErrorCode::kFailedPrecondition);
  clock_.Advance(8 * kDay);
  ASSERT_TRUE(service_->RecordSale(clerk_, I(sold->receipt.item_id)));
  auto reversed = service_->ReverseSale(clerk_, I(sold->receipt.item_id));
  ASSERT_TRUE(reversed) << reversed.error().message;
  EXPECT_EQ(reversed->status, "active");
  auto b = service_->StatementOf(clerk_, consignor)->consignor.balances;
  EXPECT_EQ(b.payable, 0);
  EXPECT_EQ(b.cash, 0);

  Agreement convert = Terms();
  convert.expiry_action = ExpiryAction::kConvertToStock;
  convert.convert_price_fen = 12000;
  auto kept = service_->Intake(clerk_, Intake(consignor, 30000, convert));
  ASSERT_TRUE(kept);
  clock_.Advance(88 * kDay);  // the first item: 96 days; the second: 88
  EXPECT_EQ(service_->RunDue()->expired, 0) << "still within the grace days";
  clock_.Advance(10 * kDay);  // 106 and 98 days: both past 90 + 7
  auto run = service_->RunDue();
  ASSERT_TRUE(run);
  EXPECT_EQ(run->expired, 2);
  EXPECT_EQ(Events(sold->receipt.item_id).back().type, "item.returned_to_consignor");
  EXPECT_EQ(Events(kept->receipt.item_id).back().type, "item.converted_to_stock");
  b = service_->StatementOf(clerk_, consignor)->consignor.balances;
  EXPECT_EQ(b.payable, 12000);
  EXPECT_TRUE(b.Balance());
  EXPECT_EQ(service_->RecordSale(clerk_, I(kept->receipt.item_id)).error().message_id,
            "consignment.not_active");
}

RECIRC_BOTH_DATABASES(ConsignmentTest);

}  // namespace
}  // namespace recirc::consignment
