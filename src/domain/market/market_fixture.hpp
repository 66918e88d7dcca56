#pragma once
// The market tests' fixture (both databases): a shop in Beijing-Chaoyang with one outlet and its
// clerk and buying desk, an inspection body, and market supervision of Beijing and of Shenzhen;
// helpers that register, inspect, sanitize and publish a phone, and take an order to receipt.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "core/validators.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/inspection/report_service.hpp"
#include "domain/inspection/sanitization.hpp"
#include "domain/market/order_photos.hpp"
#include "domain/market/sale_records.hpp"
#include "domain/market/services.hpp"
#include "domain/registry/registration.hpp"
#include "domain/registry/registry_port_impl.hpp"
#include "support/test_database.hpp"
#include "support/test_images.hpp"

namespace recirc::market {

namespace json = boost::json;
using identity::OrganisationKind;
using identity::Principal;
using identity::Role;
using std::chrono::hours;

inline constexpr std::string_view kRegions =
    "code,name,parent_code,level\n110000,北京市,,province\n110105,朝阳区,110000,county\n"
    "440000,广东省,,province\n440300,深圳市,440000,city\n";

inline std::string Imei(std::string fourteen) {
  return fourteen + core::ImeiCheckDigit(fourteen).value();
}
inline const std::string kPhoto = "sha256:" + std::string(64, 'c');

inline json::object PhoneResults() {
  return json::object{{"powers_on", "pass"},      {"display", "pass"},
                      {"touch", "pass"},          {"cameras", "pass"},
                      {"audio", "pass"},          {"buttons", "pass"},
                      {"charging", "pass"},       {"connectivity", "pass"},
                      {"battery_health", 86},     {"liquid_indicator", "not_triggered"},
                      {"activation_lock", "off"}, {"screen_glass", "micro_scratches"},
                      {"housing", "flawless"},    {"photo_front", kPhoto},
                      {"photo_back", kPhoto}};
}

class MarketFixture : public testing::BothDatabases {
 protected:
  // Typed ids from a record's text id (the services take StrongIds).
  static OfferId Oid(const std::string& text) { return OfferId::Parse(text, "id").value(); }
  static BestOfferId Bid(const std::string& text) { return BestOfferId::Parse(text, "id").value(); }
  static ItemId Itm(const std::string& text) { return ItemId::Parse(text, "id").value(); }
  static OrderId Ord(const std::string& text) { return OrderId::Parse(text, "id").value(); }
  static AfterSaleId Case(const std::string& text) {
    return AfterSaleId::Parse(text, "id").value();
  }
  static InspectionReportId Rep(const std::string& text) {
    return InspectionReportId::Parse(text, "id").value();
  }
  void SetUp() override {
    BothDatabases::SetUp();
    if (IsSkipped() || HasFailure()) return;
    directory_.emplace(db(), identity_repo_, journal_, regions_, hasher_, clock_, random_);
    registration_.emplace(db(), registry_, identity_port_, sale_records_, journal_, cipher_, index_,
                          clock_, random_, registry::HoldPolicy{.default_days = 7, .rules = {}});
    sellable_.emplace(registration_->holds());
    reports_.emplace(db(), catalogue_, inspection_repo_, registry_port_, journal_, cipher_, clock_,
                     random_);
    sanitization_.emplace(db(), catalogue_, inspection_repo_, registry_port_, journal_, clock_,
                          random_);
    ctx_.emplace(MarketContext{db(), catalogue_, rules_, *sellable_, repo_, registry_port_,
                               inspection_port_, identity_port_, journal_, clock_, random_, seal_});
    providers_.Add(cash_);
    providers_.Add(simulated_);
    offers_.emplace(*ctx_);
    best_.emplace(*ctx_);
    blocks_.emplace(*ctx_);
    orders_.emplace(*ctx_, providers_);
    after_sales_.emplace(*ctx_, *orders_, *reports_);
    photo_dir_ = std::filesystem::temp_directory_path() /
                 ("recirc_order_photos_" + std::to_string(::getpid()) + "_" +
                  std::to_string(GetParam() == testing::Backend::kSqlite ? 0 : 1));
    order_photos_.emplace(*ctx_, storage::PhotoFiles(photo_dir_));

    shop_ = Org("operator", "绿循环", "110105");
    outlet_ = *directory_->CreateOutlet(Principal::System(), OrganisationId::Stored(shop_.id),
                                        {"朝阳店", "110105", "建国路"});
    clerk_ = As(shop_, Role::kOperatorStaff, OrganisationKind::kOperator, "UCLERK");
    buyer_ = As(shop_, Role::kOperatorStaff, OrganisationKind::kOperator, "UBUYERDESK");
    auto body = Org("inspection_body", "华检中心", "440300");
    inspector_ = As(body, Role::kInspector, OrganisationKind::kInspectionBody, "UINSPECTOR");
    supervisor_ = As(Org("market_supervision", "北京市市场监管局", "110000"),
                     Role::kMarketSupervisor, OrganisationKind::kMarketSupervision, "USUPER");
    far_supervisor_ = As(Org("market_supervision", "深圳市市场监管局", "440300"),
                         Role::kMarketSupervisor, OrganisationKind::kMarketSupervision, "UFAR");
  }

  storage::OrganisationRecord Org(std::string kind, std::string name, std::string region) {
    return *directory_->CreateOrganisation(Principal::System(), {kind, name, std::nullopt, region});
  }
  Principal As(const storage::OrganisationRecord& org, Role role, OrganisationKind kind,
               std::string user) {
    Principal p;
    p.user_id = std::move(user);
    p.role = role;
    p.kind = kind;
    p.organisation = org;
    return p;
  }
  // A phone bought at the counter from a checked individual seller.
  registry::AcquisitionInput PhoneAcquisition(std::string imei) const {
    registry::AcquisitionInput in;
    in.outlet_id = outlet_.id;
    in.kind = "purchase";
    in.channel = "store";
    in.price_fen = 100000;
    in.payment_method = "cash";
    in.person_matches_id = true;
    in.origin_statement = "自用";
    in.seller = {"individual",
                 "张三丰",
                 std::string("resident_id"),
                 std::string("11010519491231002X"),
                 std::nullopt,
                 std::nullopt,
                 std::nullopt};
    in.item = {"phone",    "Apple", "iPhone 13", {{"imei", std::move(imei)}}, std::nullopt,
               "轻微划痕", 1};
    return in;
  }
  // Registers a phone; unless told otherwise, lets its statutory hold period (7 days) pass.
  std::string Register(std::string imei, bool wait_out_hold = true) {
    auto receipt = registration_->Register(clerk_, PhoneAcquisition(std::move(imei)));
    EXPECT_TRUE(receipt) << receipt.error().message;
    if (wait_out_hold) clock_.Advance(hours(7 * 24 + 1));
    return receipt->item_id;
  }
  std::string Inspect(const std::string& item) {
    auto r =
        reports_->Submit(inspector_, Itm(item), {std::nullopt, PhoneResults(), std::nullopt, {}});
    EXPECT_TRUE(r) << r.error().message;
    return r->id;
  }
  void Sanitize(const std::string& item) {
    inspection::SanitizationInput in;
    in.manufacturer = "Apple";
    in.model = "iPhone 13";
    in.serial = "F2LXK0ABCD";
    in.media_type = "flash";
    in.media_source = "机主手机内置存储";
    in.level = "purge";
    in.method = "crypto_erase";
    in.tool = "recirc-wipe";
    in.tool_version = "2.1";
    in.verification_method = "全盘抽样读取";
    in.verification_result = "passed";
    in.sanitizer = {"钱清除", "数据清除员", "2026-12-01", "北京市朝阳区建国路 88 号"};
    in.verifier = {"孙复核", "质检主管", "2026-12-01", "北京市朝阳区建国路 88 号"};
    in.consent = {true, "全部用户数据", true, "2026-11-30"};
    in.destination = "resale";
    ASSERT_TRUE(sanitization_->Record(clerk_, Itm(item), in));
  }
  OfferTerms Terms(const std::string& item) {
    return {item,
            "fixed_price",
            "online",
            std::nullopt,
            "iPhone 13 128GB 蓝色",
            "电池 86%",
            350000,
            3,
            7,
            {}};
  }
  // A phone inspected, sanitized and published; returns the offer.
  storage::OfferRecord Published(const std::string& imei14, BestOfferTerms best = {}) {
    const std::string item = Register(Imei(imei14));
    Inspect(item);
    Sanitize(item);
    auto t = Terms(item);
    t.best_offer = best;
    auto offer = offers_->Create(clerk_, t);
    EXPECT_TRUE(offer) << offer.error().message;
    auto published = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
    EXPECT_TRUE(published) << published.error().message;
    EXPECT_EQ(ToString(published->offer.status), "published");
    return published->offer;
  }
  std::vector<storage::EventRecord> Events(const std::string& type, const std::string& id) {
    return *storage::ReadValue<std::vector<storage::EventRecord>>(
        db(), [&](storage::Session& s) { return journal_.ForAggregate(s, type, id); });
  }
  Result<storage::OrderRecord> Order(const storage::OfferRecord& offer,
                                     std::string provider = "simulated") {
    return orders_->Place(buyer_,
                          {Oid(offer.id), "B-0042", provider, *offer.disclosure_version, {}});
  }
  void TearDown() override {
    std::error_code ec;
    if (!photo_dir_.empty()) std::filesystem::remove_all(photo_dir_, ec);
    BothDatabases::TearDown();
  }
  // Uploads `bytes` (a colour PNG unless given) as a photo of the order at `stage` (dispatch,
  // return); returns its reference, sha256:<hex>.
  std::string OrderPhoto(const Principal& who, const std::string& order_id, std::string_view stage,
                         const std::string& bytes = testing::ColourPng()) {
    auto r = order_photos_->Upload(who, Ord(order_id), {std::string(stage), "image/png", bytes});
    EXPECT_TRUE(r) << r.error().message;
    return r ? "sha256:" + r->record.sha256 : kPhoto;
  }
  // The item's first registered identifier (its IMEI): what the dispatch records.
  std::string SerialOf(const std::string& item_id) {
    auto ids = storage::ReadValue<std::vector<std::pair<std::string, std::string>>>(
        db(), [&](storage::Session& s) { return registry_port_.IdentifiersOfItem(s, item_id); });
    EXPECT_TRUE(ids && !ids->empty());
    return ids && !ids->empty() ? ids->front().second : std::string();
  }
  storage::OrderRecord Received(const storage::OfferRecord& offer) {
    auto o = Order(offer);
    EXPECT_TRUE(o) << o.error().message;
    EXPECT_TRUE(orders_->Pay(buyer_, Ord(o->id), Money::Fen(350000), std::nullopt));
    const std::string photo = OrderPhoto(clerk_, o->id, kStageDispatch);
    auto d = orders_->Dispatch(clerk_, Ord(o->id),
                               {"shipping", {SerialOf(o->item_id)}, {photo}, "SF1234"});
    EXPECT_TRUE(d) << d.error().message;
    auto r = orders_->Receive(buyer_, Ord(o->id), "as_described");
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }

  SeededRandom random_{33};
  core::RegionTable regions_ = core::RegionTable::ParseCsv(kRegions, "test").value();
  crypto::PasswordHasher hasher_{crypto::PasswordCost::kMinimumForTests};
  crypto::FieldCipher cipher_ =
      crypto::FieldCipher::Create({{"k1", std::string(32, 'k')}}, "k1").value();
  FieldCipherSeal seal_{cipher_, random_};
  crypto::BlindIndex index_ = crypto::BlindIndex::Create(std::string(32, 'i')).value();
  inspection::Catalogue catalogue_ = inspection::Catalogue::Embedded().value();
  ProhibitedRules rules_ = ProhibitedRules::Embedded().value();
  storage::IdentityRepository identity_repo_;
  identity::IdentityPortImpl identity_port_{identity_repo_};
  storage::RegistryRepository registry_;
  storage::InspectionRepository inspection_repo_;
  inspection::InspectionPortImpl inspection_port_{inspection_repo_};
  storage::MarketRepository repo_;
  storage::JournalRepository journal_{clock_, random_};
  registry::RegistryPortImpl registry_port_{registry_, journal_, clock_, random_};
  SaleRecords sale_records_{journal_};  // what registration asks of the market
  std::optional<RegistryHoldsCheck> sellable_;
  CashAtOutlet cash_;
  SimulatedProvider simulated_;
  PaymentProviders providers_;
  std::optional<identity::DirectoryService> directory_;
  std::optional<registry::RegistrationService> registration_;
  std::optional<inspection::InspectionService> reports_;
  std::optional<inspection::SanitizationService> sanitization_;
  std::optional<MarketContext> ctx_;
  std::optional<OfferService> offers_;
  std::optional<BestOfferService> best_;
  std::optional<ListingBlockService> blocks_;
  std::optional<OrderService> orders_;
  std::optional<AfterSalesService> after_sales_;
  std::filesystem::path photo_dir_;  // the photo store of order photos, removed after the test
  std::optional<OrderPhotoService> order_photos_;
  storage::OrganisationRecord shop_;
  storage::OutletRecord outlet_;
  Principal clerk_, buyer_, inspector_, supervisor_, far_supervisor_;
};

}  // namespace recirc::market
