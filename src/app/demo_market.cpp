#include "app/demo_market.hpp"

#include <boost/json.hpp>

#include <array>

#include "core/validators.hpp"
#include "crypto/token.hpp"
#include "documents/item_picture.hpp"
#include "storage/identity/identity_repository.hpp"

namespace recirc::app {
namespace {

namespace json = boost::json;

struct DemoItem {
  const char* category;
  const char* brand;
  const char* model;
  const char* identifier_kind;  // imei (14 digits here; the check digit is computed) or serial
  const char* identifier;
  const char* subtitle;  // on the picture
  uint32_t colour;
  const char* title;  // of the offer
  const char* description;
  int64_t price_fen;  // the offer's price; the shop paid about 60 % of it
  int64_t warranty_months;
  bool reported_stolen;  // the police watchlist has it: held by screening, offer stays a draft
};

// Mixed Chinese and English titles, as shops write them, so search can be tried with 手机,
// 沙发, a model name, or both.
constexpr std::array<DemoItem, 11> kItems = {{
    {"phone", "Apple", "iPhone 13", "imei", "86723409000001", "手机 · 128GB 午夜色", 0x2B3A55,
     "iPhone 13 128GB 午夜色 手机 九成新", "电池健康 88%，屏幕有细微划痕，原装充电线。", 329900, 3,
     false},
    {"phone", "Huawei", "Mate 40", "imei", "86723409000002", "华为手机 · 8+256GB 亮黑色", 0x1F1F1F,
     "华为 Mate 40 8+256GB 亮黑色 手机", "鸿蒙系统，已恢复出厂设置，边框轻微磨损。", 259900, 3,
     false},
    {"phone", "Xiaomi", "Xiaomi 13", "imei", "86723409000003", "小米手机 · 12+256GB 白色", 0xE8E4DA,
     "小米 Xiaomi 13 12+256GB 白色 手机", "电池健康 91%，外观近新，送手机壳。", 189900, 3, false},
    {"phone", "Apple", "iPhone 12 mini", "imei", "86723409000004", "手机 · 64GB 绿色", 0x6B8F71,
     "iPhone 12 mini 64GB 绿色 小屏手机", "电池健康 82%，背板有使用痕迹。", 149900, 3, false},
    {"laptop", "Lenovo", "ThinkPad X1 Carbon", "serial", "PF3DEMO01", "笔记本电脑 · i7 16GB",
     0x303030, "联想 ThinkPad X1 Carbon 笔记本电脑 i7 16GB 512GB",
     "2022 款，键盘完好，电池健康 84%，硬盘已按标准清除。", 459900, 3, false},
    {"furniture", "IKEA", "KIVIK", "serial", "IKEA-KIVIK-DEMO-0001", "宜家三人沙发 · 灰色",
     0x8A8D91, "宜家 IKEA KIVIK 三人沙发 灰色 布艺沙发", "可拆洗沙发套，无破损，需自提或同城配送。",
     120000, 0, false},
    {"furniture", "KUKA", "真皮沙发 2088", "serial", "KUKA-2088-DEMO-0002", "顾家双人沙发 · 棕色",
     0x7B4A2D, "顾家家居 KUKA 真皮双人沙发 棕色", "头层牛皮，扶手轻微磨损，结构稳固。", 260000, 0,
     false},
    {"appliance", "Midea", "M1-L213B", "serial", "MIDEA-M1L213B-DEMO-03", "美的微波炉 · 20L",
     0xC0392B, "美的 Midea 微波炉 M1-L213B 20L", "使用两年，功能正常，已清洁消毒。", 39900, 3,
     false},
    // A book the shop inspects itself (a self-inspection category) and a bicycle, which needs
    // the inspection body (data/categories.json "inspection").
    {"book", "人民文学出版社", "红楼梦（全两册）", "serial", "ISBN-9787020002207", "图书 · 红楼梦",
     0xA93226, "红楼梦 人民文学出版社 全两册 图书", "书页完整，封面轻微磨损，无笔记。", 3500, 0,
     false},
    {"bicycle", "Giant", "Escape 2", "serial", "GIANT-ESC2-DEMO-0010", "捷安特自行车 · 城市款",
     0x1E8449, "捷安特 Giant Escape 2 城市自行车 单车", "刹车与变速已调校，轮胎八成新。", 98000, 0,
     false},
    {"phone", "Apple", "iPhone 14 Pro", "imei", "86723409000009", "手机 · 256GB 暗紫色", 0x4B3B5C,
     "iPhone 14 Pro 256GB 暗紫色 手机", "（演示：公安报失的手机，登记时被筛查扣留，不能上架。）",
     599900, 3, true},
}};

Result<std::string> Identifier(const DemoItem& d) {
  // As the register stores it (NormaliseIdentifier), so the look-up for idempotency matches.
  if (std::string_view(d.identifier_kind) != "imei") return core::NormaliseIdentifier(d.identifier);
  RECIRC_TRY(char check, core::ImeiCheckDigit(d.identifier));
  return std::string(d.identifier) + check;
}

json::object Results(const DemoItem& d, const std::string& photo, int64_t n) {
  const std::string category = d.category;
  if (category == "phone") {
    return {
        {"powers_on", "pass"},      {"display", "pass"},
        {"touch", "pass"},          {"cameras", "pass"},
        {"audio", "pass"},          {"buttons", "pass"},
        {"charging", "pass"},       {"connectivity", "pass"},
        {"battery_health", 80 + n}, {"liquid_indicator", "not_triggered"},
        {"activation_lock", "off"}, {"screen_glass", n % 2 == 0 ? "flawless" : "micro_scratches"},
        {"housing", "light_wear"},  {"photo_front", photo},
        {"photo_back", photo}};
  }
  if (category == "laptop") {
    return {{"powers_on", "pass"},
            {"display", "pass"},
            {"keyboard", "pass"},
            {"touchpad", "pass"},
            {"ports", "pass"},
            {"wireless", "pass"},
            {"webcam", "pass"},
            {"battery_health", 84},
            {"storage_health", "good"},
            {"firmware_lock", "off"},
            {"screen", "micro_scratches"},
            {"housing", "light_wear"},
            {"photo_open", photo}};
  }
  if (category == "furniture") {
    return {{"structure_stable", "pass"}, {"joints", "tight"},  {"surface", "light_wear"},
            {"upholstery", "light_wear"}, {"no_pests", "pass"}, {"photo_overall", photo}};
  }
  if (category == "book") {
    return {{"cover", "light_wear"},
            {"pages", "complete"},
            {"binding", "pass"},
            {"no_damp_mould", "pass"},
            {"photo_cover", photo}};
  }
  if (category == "bicycle") {
    return {{"brakes", "pass"},      {"frame", "scratched"},       {"frame_number_legible", "pass"},
            {"wheels_true", "pass"}, {"drivetrain", "pass"},       {"tyre_tread_pct", 80},
            {"photo_side", photo},   {"photo_frame_number", photo}};
  }
  return {{"powers_on", "pass"}, {"main_function", "pass"}, {"electrical_safety", "pass"},
          {"noise", "normal"},   {"age_years", 2},          {"housing", "light_wear"},
          {"photo_front", photo}};
}

// The demo book shows a self-inspection (its category allows it, data/categories.json); the
// other items, sofas included, keep the inspection body's report.
bool SelfInspected(const DemoItem& d) { return std::string_view(d.category) == "book"; }

inspection::SanitizationInput Wipe(const DemoItem& d, const std::string& serial,
                                   const std::string& today) {
  inspection::SanitizationInput in;
  in.manufacturer = d.brand;
  in.model = d.model;
  in.serial = serial;
  in.media_type = "flash";
  in.media_source = std::string(d.category) == "laptop" ? "内置固态硬盘" : "机身内置存储";
  in.level = "purge";
  in.method = "crypto_erase";
  in.tool = "recirc-wipe (演示)";
  in.tool_version = "2.1";
  in.verification_method = "全盘抽样读取";
  in.verification_result = "passed";
  in.sanitizer = {"钱清除", "数据清除员", today, "北京市朝阳区建国路 88 号"};
  in.verifier = {"孙复核", "质检主管", today, "北京市朝阳区建国路 88 号"};
  in.consent = {true, "全部用户数据", true, today};
  in.destination = "resale";
  return in;
}

Result<registry::AcquisitionInput> Acquisition(const DemoItem& d, const std::string& outlet,
                                               const std::string& identifier, int64_t n) {
  static constexpr std::array<const char*, 9> kSellers = {
      "【演示】王伟", "【演示】李芳", "【演示】张娜", "【演示】刘敏", "【演示】陈静",
      "【演示】杨磊", "【演示】赵洋", "【演示】黄婷", "【演示】周强"};
  // A different fictional seller for each item (the same ID number selling often is a signal):
  // region 110105, born 1985-01-01, sequence 101 + n.
  const std::string id17 = "11010519850101" + std::to_string(101 + n);
  RECIRC_TRY(char check, core::ResidentIdCheckChar(id17));
  registry::AcquisitionInput in;
  in.outlet_id = outlet;
  in.kind = "purchase";
  in.channel = "store";
  in.price_fen = d.price_fen * 6 / 10;
  in.payment_method = "mobile_payment";
  in.person_matches_id = true;
  in.origin_statement = "【演示】自用，换新后出售";
  in.origin_acquired_year = 2023;
  in.seller = {"individual",
               kSellers[static_cast<size_t>(n) % kSellers.size()],
               std::string("resident_id"),
               id17 + check,
               std::nullopt,
               std::nullopt,
               std::nullopt};
  in.item = {d.category,         d.brand, d.model, {{d.identifier_kind, identifier}}, std::nullopt,
             "九成新，功能正常", 1};
  return in;
}

}  // namespace

Result<identity::Principal> DemoPrincipal(storage::Database& db, const std::string& username) {
  const storage::IdentityRepository repo;
  return storage::ReadValue<identity::Principal>(
      db, [&](storage::Session& s) -> Result<identity::Principal> {
        RECIRC_TRY(auto user, repo.FindUserByUsername(s, username));
        if (!user) return Error::NotFound("demo user " + username + " is missing");
        RECIRC_TRY(auto org, repo.FindOrganisation(s, user->organisation_id));
        if (!org) return Error::NotFound("the organisation of demo user " + username);
        identity::Principal p;
        p.user_id = user->id;
        p.username = user->username;
        p.display_name = user->display_name;
        p.role = identity::ParseRole(user->role).value_or(identity::Role::kOperatorStaff);
        p.kind = identity::ParseKind(org->kind).value_or(identity::OrganisationKind::kOperator);
        p.organisation = *org;
        return p;
      });
}

Result<DemoMarketReport> SeedDemoMarket(const DemoMarketServices& x) {
  RECIRC_TRY(auto clerk, DemoPrincipal(x.db, "shop.clerk"));
  RECIRC_TRY(auto inspector, DemoPrincipal(x.db, "inspector"));
  RECIRC_TRY(auto officer, DemoPrincipal(x.db, "police.chaoyang"));
  RECIRC_TRY(auto outlets, x.directory.ListOutlets(
                               clerk, OrganisationId::Stored(clerk.organisation.id), {"", 200}));
  std::string outlet;
  for (const auto& o : outlets.items) {
    if (o.region_code == "110105") outlet = o.id;
  }
  if (outlet.empty()) return Error::FailedPrecondition("the demo shop has no Chaoyang outlet");
  const std::string today = FormatRfc3339(x.clock.Now()).substr(0, 10);

  DemoMarketReport report;
  for (size_t i = 0; i < kItems.size(); ++i) {
    const DemoItem& d = kItems[i];
    const auto n = static_cast<int64_t>(i);
    RECIRC_TRY(std::string identifier, Identifier(d));
    RECIRC_TRY(auto existing,
               storage::ReadValue<std::optional<std::string>>(x.db, [&](storage::Session& s) {
                 return x.registry.FindItemByIdentifier(s, d.identifier_kind, identifier);
               }));
    if (existing) continue;  // made by an earlier run
    if (d.reported_stolen) {
      RECIRC_TRY(auto entry,
                 x.police.AddWatchlistEntry(officer, {d.identifier_kind, identifier, "black",
                                                      "【演示】机主报失，串号已登记"}));
      (void)entry;
    }
    RECIRC_TRY(auto acquisition, Acquisition(d, outlet, identifier, n));
    RECIRC_TRY(auto receipt, x.registration.Register(clerk, acquisition));
    report.registered++;
    report.held += receipt.status == registry::ReceiptStatus::kHeldForVerification;

    RECIRC_TRY(std::string png,
               documents::ItemPicturePng({d.model, d.subtitle, d.colour, "recirc 演示图片 DEMO"}));
    RECIRC_TRY(auto acquisition_id, AcquisitionId::Parse(receipt.id, "id"));
    RECIRC_TRY(auto photo,
               x.photos.Upload(clerk, acquisition_id, {std::string("item"), "image/png", png}));
    const std::string photo_ref = "sha256:" + photo.record.sha256;
    RECIRC_TRY(auto item, ItemId::Parse(receipt.item_id, "item_id"));
    RECIRC_TRY(auto inspected,
               x.reports.Submit(SelfInspected(d) ? clerk : inspector, item,
                                {std::nullopt, Results(d, photo_ref, n), std::nullopt, {}}));
    (void)inspected;
    const std::string category = d.category;
    if (category == "phone" || category == "laptop") {
      RECIRC_TRY(auto wiped, x.sanitization.Record(clerk, item, Wipe(d, identifier, today)));
      (void)wiped;
    }
    market::OfferTerms terms;
    terms.item_id = receipt.item_id;
    terms.channel = "online";
    terms.title = d.title;
    terms.description = d.description;
    terms.price_fen = d.price_fen;
    terms.warranty_months = d.warranty_months;
    terms.return_days = 7;
    terms.best_offer = {true, d.price_fen * 95 / 100, d.price_fen * 70 / 100};
    RECIRC_TRY(auto offer, x.offers.Create(clerk, terms));
    if (receipt.status != registry::ReceiptStatus::kRegistered)
      continue;  // held: publishing would answer item_held
    RECIRC_TRY(auto offer_id, OfferId::Parse(offer.id, "id"));
    RECIRC_TRY(auto published, x.offers.Publish(clerk, offer_id, std::nullopt));
    if (published.offer.status != market::OfferStatus::kPublished) {
      return Error::Internal("demo offer " + offer.id + " was " + ToString(published.offer.status));
    }
    report.published++;
  }
  return report;
}

}  // namespace recirc::app
