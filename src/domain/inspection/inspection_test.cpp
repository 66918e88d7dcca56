// The inspection services on both databases: signed reports, verification, comparison,
// sanitization and the offer rule, repairs, and the disclosure built from events.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/validators.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/inspection/disclosure.hpp"
#include "domain/inspection/repair.hpp"
#include "domain/inspection/report_service.hpp"
#include "domain/inspection/sanitization.hpp"
#include "domain/registry/registration.hpp"
#include "domain/registry/registry_port_impl.hpp"
#include "support/test_database.hpp"

namespace recirc::inspection {
namespace {

namespace json = boost::json;
using identity::OrganisationKind;
using identity::Principal;
using identity::Role;

constexpr std::string_view kRegions =
    "code,name,parent_code,level\n110000,北京市,,province\n110105,朝阳区,110000,county\n"
    "440000,广东省,,province\n440300,深圳市,440000,city\n";

std::string Imei(std::string fourteen) { return fourteen + core::ImeiCheckDigit(fourteen).value(); }

json::object PhoneResults() {
  const std::string photo = "sha256:" + std::string(64, 'b');
  return json::object{{"powers_on", "pass"},      {"display", "pass"},
                      {"touch", "pass"},          {"cameras", "pass"},
                      {"audio", "pass"},          {"buttons", "pass"},
                      {"charging", "pass"},       {"connectivity", "pass"},
                      {"battery_health", 86},     {"liquid_indicator", "not_triggered"},
                      {"activation_lock", "off"}, {"screen_glass", "micro_scratches"},
                      {"housing", "flawless"},    {"photo_front", photo},
                      {"photo_back", photo}};
}

class InspectionTest : public testing::BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (IsSkipped() || HasFailure()) return;
    directory_.emplace(db(), identity_repo_, journal_, regions_, hasher_, clock_, random_);
    registration_.emplace(db(), registry_, identity_port_, no_sales_, journal_, cipher_, index_,
                          clock_, random_);
    reports_.emplace(db(), catalogue_, repo_, registry_port_, journal_, cipher_, clock_, random_);
    sanitization_.emplace(db(), catalogue_, repo_, registry_port_, journal_, clock_, random_);
    repairs_.emplace(db(), repo_, registry_port_, journal_, clock_, random_);
    disclosure_.emplace(db(), catalogue_, registry_port_, journal_);
    shop_ = Org("operator", "绿循环", "110105");
    outlet_ = *directory_->CreateOutlet(Principal::System(), OrganisationId::Stored(shop_.id),
                                        {"朝阳店", "110105", "建国路"});
    clerk_ = As(shop_, Role::kOperatorStaff, OrganisationKind::kOperator);
    other_clerk_ =
        As(Org("operator", "别家", "110105"), Role::kOperatorStaff, OrganisationKind::kOperator);
    body_ = Org("inspection_body", "华检中心", "440300");
    inspector_ = As(body_, Role::kInspector, OrganisationKind::kInspectionBody);
    inspector_.user_id = "UINSPECTOR";
  }

  storage::OrganisationRecord Org(std::string kind, std::string name, std::string region) {
    return *directory_->CreateOrganisation(Principal::System(), {kind, name, std::nullopt, region});
  }
  Principal As(const storage::OrganisationRecord& org, Role role, OrganisationKind kind) {
    Principal p;
    p.user_id = "U" + org.id.substr(1);
    p.role = role;
    p.kind = kind;
    p.organisation = org;
    return p;
  }
  static ItemId I(const std::string& id) { return *ItemId::Parse(id, "item_id"); }
  static InspectionReportId R(const std::string& id) {
    return *InspectionReportId::Parse(id, "id");
  }
  static SanitizationId S(const std::string& id) { return *SanitizationId::Parse(id, "id"); }
  std::string Register(std::string category, std::string imei) {
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
    in.item = {category, "Apple", "iPhone 13", {}, std::nullopt, "轻微划痕", 1};
    if (!imei.empty()) in.item.identifiers = {{"imei", imei}};
    auto receipt = registration_->Register(clerk_, in);
    EXPECT_TRUE(receipt) << receipt.error().message;
    return receipt->item_id;
  }
  std::vector<storage::EventRecord> Events(const std::string& item_id) {
    return *storage::ReadValue<std::vector<storage::EventRecord>>(
        db(), [&](storage::Session& s) { return journal_.ForAggregate(s, "item", item_id); });
  }
  SanitizationInput Wipe(std::string result) {
    SanitizationInput in;
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
    in.verification_result = std::move(result);
    in.sanitizer = {"钱清除", "数据清除员", "2026-12-01", "北京市朝阳区建国路 88 号"};
    in.verifier = {"孙复核", "质检主管", "2026-12-01", "北京市朝阳区建国路 88 号"};
    in.consent = {true, "全部用户数据", true, "2026-11-30"};
    in.destination = "resale";
    return in;
  }

  SeededRandom random_{21};
  core::RegionTable regions_ = core::RegionTable::ParseCsv(kRegions, "test").value();
  crypto::PasswordHasher hasher_{crypto::PasswordCost::kMinimumForTests};
  crypto::FieldCipher cipher_ =
      crypto::FieldCipher::Create({{"k1", std::string(32, 'k')}}, "k1").value();
  crypto::BlindIndex index_ = crypto::BlindIndex::Create(std::string(32, 'i')).value();
  Catalogue catalogue_ = Catalogue::Embedded().value();
  storage::IdentityRepository identity_repo_;
  identity::IdentityPortImpl identity_port_{identity_repo_};
  storage::RegistryRepository registry_;
  storage::InspectionRepository repo_;
  storage::JournalRepository journal_{clock_, random_};
  // These tests sell nothing: no item was ever sold after its acquisition.
  struct NoSalesRecorded final : registry::CirculationPort {
    Result<bool> SoldSinceLastAcquisition(storage::Session&, const std::string&) const override {
      return false;
    }
  } no_sales_;
  registry::RegistryPortImpl registry_port_{registry_, journal_, clock_, random_};
  std::optional<identity::DirectoryService> directory_;
  std::optional<registry::RegistrationService> registration_;
  std::optional<InspectionService> reports_;
  std::optional<SanitizationService> sanitization_;
  std::optional<RepairService> repairs_;
  std::optional<DisclosureService> disclosure_;
  storage::OrganisationRecord shop_, body_;
  storage::OutletRecord outlet_;
  Principal clerk_, other_clerk_, inspector_;
};

TEST_P(InspectionTest, AReportIsSignedVerifiableAndFailsWhenAltered) {
  const std::string item = Register("phone", Imei("35693803564380"));
  InspectionInput in{std::nullopt, PhoneResults(), std::nullopt, {"背面有一处细小划痕"}};
  auto report = reports_->Submit(inspector_, I(item), in);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->report.at("grade").at("functional").at("value"), "0");
  EXPECT_EQ(report->report.at("grade").at("cosmetic").at("value"), "B");

  auto stored = reports_->Get(R(report->id));
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->signature, report->signature);
  Verification ok = reports_->Verify(stored->report, stored->signature);
  EXPECT_TRUE(ok.valid) << ok.reason;
  EXPECT_EQ(ok.report_id, report->id);

  json::object altered = stored->report;
  altered["results"].as_object()["battery_health"] = 99;
  Verification bad = reports_->Verify(altered, stored->signature);
  EXPECT_FALSE(bad.valid);
  EXPECT_EQ(bad.reason, "signature_mismatch");
  EXPECT_EQ(reports_->Verify(stored->report, "bm90IGEgc2lnbmF0dXJl").reason, "malformed_signature");
  json::object other_body = stored->report;
  other_body["inspection_body"].as_object()["organisation_id"] = shop_.id;
  EXPECT_EQ(reports_->Verify(other_body, stored->signature).reason, "key_not_of_body");
  EXPECT_EQ(reports_->Verify(json::value("x"), stored->signature).reason, "malformed_report");

  // The same body signs its second report with the same key.
  auto second = reports_->Submit(inspector_, I(item), in);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->verifier_key, report->verifier_key);
  EXPECT_EQ(reports_->OfItem(I(item))->size(), 2u);

  // The event holds public facts: the body, the grade, no inspector name.
  const auto events = Events(item);
  ASSERT_EQ(events.back().type, "item.inspected");
  const json::object p = json::parse(events.back().payload).as_object();
  EXPECT_EQ(p.at("grade").at("cosmetic"), "B");
  EXPECT_EQ(p.at("measured").at("battery_health"), 86);
  EXPECT_EQ(p.at("inspection_body_id").as_string(), body_.id);
  EXPECT_EQ(events.back().payload.find("UINSPECTOR"), std::string::npos);
}

TEST_P(InspectionTest, SubmissionsAreValidatedAndOnlyInspectionBodiesSign) {
  const std::string item = Register("phone", Imei("35693803564381"));
  json::object results = PhoneResults();
  results.erase("battery_health");
  auto missing = reports_->Submit(inspector_, I(item), {std::nullopt, results, std::nullopt, {}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "results.battery_health");
  auto by_shop =
      reports_->Submit(clerk_, I(item), {std::nullopt, PhoneResults(), std::nullopt, {}});
  ASSERT_FALSE(by_shop);
  // A phone is not a self-inspection category: the shop is told so, naming the category.
  EXPECT_EQ(by_shop.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(by_shop.error().field, "item.category");
  EXPECT_EQ(by_shop.error().message_id, "inspection.third_party_required");
  Principal buyer = clerk_;
  buyer.role = Role::kBuyer;
  buyer.kind = OrganisationKind::kBuyers;
  auto by_buyer =
      reports_->Submit(buyer, I(item), {std::nullopt, PhoneResults(), std::nullopt, {}});
  ASSERT_FALSE(by_buyer);
  EXPECT_EQ(by_buyer.error().code, ErrorCode::kPermissionDenied);
  auto no_item = reports_->Submit(inspector_, I("01M82QGDFSEZ4VR0P0J7CYX2FC"),
                                  {std::nullopt, PhoneResults(), std::nullopt, {}});
  ASSERT_FALSE(no_item);
  EXPECT_EQ(no_item.error().code, ErrorCode::kNotFound);
  auto bad_version = reports_->Submit(inspector_, I(item), {7, PhoneResults(), std::nullopt, {}});
  ASSERT_FALSE(bad_version);
  EXPECT_EQ(bad_version.error().field, "checklist_version");

  // A luxury bag needs an authenticity verdict.
  const std::string bag = Register("luxury_bag", "");
  const std::string photo = "sha256:" + std::string(64, 'c');
  json::object bag_results{{"leather", "light_wear"}, {"corners", "flawless"},
                           {"hardware", "flawless"},  {"lining", "flawless"},
                           {"stitching", "pass"},     {"date_code", "present"},
                           {"photo_logo", photo}};
  auto no_verdict =
      reports_->Submit(inspector_, I(bag), {std::nullopt, bag_results, std::nullopt, {}});
  ASSERT_FALSE(no_verdict);
  EXPECT_EQ(no_verdict.error().field, "authenticity");
  auto verdict = reports_->Submit(inspector_, I(bag),
                                  {std::nullopt,
                                   bag_results,
                                   AuthenticityInput{"genuine", "编码、五金刻印与走线与正品一致"},
                                   {}});
  ASSERT_TRUE(verdict) << verdict.error().message;
  EXPECT_EQ(verdict->report.at("authenticity").at("verdict"), "genuine");
  EXPECT_EQ(verdict->report.at("grade").at("overall").at("value"), "A");
}

// A shop inspects its own low-risk item (clothing) with the category's checklist; the report and
// the public event say self_inspection, and the report verifies under the shop's key. Another
// shop may not inspect it, and a third-party category is refused naming item.category.
TEST_P(InspectionTest, AShopMaySelfInspectItsOwnLowRiskItemsLabelledSo) {
  const std::string shirt = Register("clothing", "");
  const std::string photo = "sha256:" + std::string(64, 'd');
  const json::object results{{"fabric", "light_wear"},
                             {"stains", "none"},
                             {"fasteners", "pass"},
                             {"cleaned_disinfected", "pass"},
                             {"photo_front", photo}};
  auto own = reports_->Submit(clerk_, I(shirt), {std::nullopt, results, std::nullopt, {}});
  ASSERT_TRUE(own) << own.error().message;
  EXPECT_EQ(own->report.at("self_inspection"), true);
  EXPECT_EQ(own->report.at("inspection_body").at("organisation_id").as_string(), shop_.id);
  EXPECT_EQ(own->report.at("grade").at("overall").at("value"), "B");
  EXPECT_TRUE(reports_->Verify(own->report, own->signature).valid);
  const json::object event = json::parse(Events(shirt).back().payload).as_object();
  EXPECT_EQ(event.at("self_inspection"), true);

  auto not_theirs =
      reports_->Submit(other_clerk_, I(shirt), {std::nullopt, results, std::nullopt, {}});
  ASSERT_FALSE(not_theirs);
  EXPECT_EQ(not_theirs.error().code, ErrorCode::kPermissionDenied);

  auto by_body = reports_->Submit(inspector_, I(shirt), {std::nullopt, results, std::nullopt, {}});
  ASSERT_TRUE(by_body) << by_body.error().message;
  EXPECT_EQ(by_body->report.at("self_inspection"), false);
}

TEST_P(InspectionTest, ReinspectionIsComparedCheckByCheck) {
  const std::string item = Register("phone", Imei("35693803564382"));
  auto first =
      reports_->Submit(inspector_, I(item), {std::nullopt, PhoneResults(), std::nullopt, {}});
  ASSERT_TRUE(first);
  json::object later = PhoneResults();
  later["battery_health"] = 78;
  later["biometrics"] = "pass";
  auto second = reports_->Submit(inspector_, I(item), {std::nullopt, later, std::nullopt, {}});
  ASSERT_TRUE(second);
  auto diff = reports_->Compare(R(second->id), R(first->id));
  ASSERT_TRUE(diff) << diff.error().message;
  ASSERT_EQ(diff->size(), 3u);
  EXPECT_EQ((*diff)[0].id, "battery_health");
  EXPECT_EQ((*diff)[0].before, 86);
  EXPECT_EQ((*diff)[0].after, 78);
  EXPECT_EQ((*diff)[1].id, "biometrics");
  EXPECT_TRUE((*diff)[1].before.is_null());
  EXPECT_EQ((*diff)[2].what, "grade");
  EXPECT_EQ((*diff)[2].id, "functional");
  EXPECT_EQ((*diff)[2].after, "2");
  const std::string other = Register("phone", Imei("35693803564383"));
  auto third =
      reports_->Submit(inspector_, I(other), {std::nullopt, PhoneResults(), std::nullopt, {}});
  ASSERT_TRUE(third);
  EXPECT_EQ(reports_->Compare(R(third->id), R(first->id)).error().field, "with");
}

TEST_P(InspectionTest, ADeviceWithStorageCannotBeOfferedWithoutAPassingCertificate) {
  const std::string phone = Register("phone", Imei("35693803564384"));
  const std::string chair = Register("furniture", "");
  auto refused = sanitization_->CanOffer(phone, OfferKind::kSale);
  ASSERT_FALSE(refused);
  EXPECT_EQ(RuleOf(refused.error()), kRuleSanitizationRequired);
  EXPECT_TRUE(sanitization_->CanOffer(chair, OfferKind::kSale));

  auto failed = sanitization_->Record(clerk_, I(phone), Wipe("failed"));
  ASSERT_TRUE(failed) << failed.error().message;
  EXPECT_EQ(RuleOf(sanitization_->CanOffer(phone, OfferKind::kExport).error()),
            kRuleSanitizationRequired);
  clock_.Advance(std::chrono::milliseconds(1));
  auto passed = sanitization_->Record(clerk_, I(phone), Wipe("passed"));
  ASSERT_TRUE(passed);
  EXPECT_TRUE(sanitization_->CanOffer(phone, OfferKind::kRental));

  // The certificate keeps the staff names; the event does not.
  auto cert = sanitization_->Get(clerk_, S(passed->record.id));
  ASSERT_TRUE(cert);
  EXPECT_EQ(cert->details.at("verifier").at("name"), "孙复核");
  EXPECT_FALSE(sanitization_->Get(other_clerk_, S(passed->record.id)));
  const auto events = Events(phone);
  ASSERT_EQ(events.back().type, "item.sanitized");
  EXPECT_EQ(events.back().payload.find("孙复核"), std::string::npos);
  EXPECT_EQ(events.back().payload.find("钱清除"), std::string::npos);
  EXPECT_EQ(events.back().payload.find("F2LXK0ABCD"), std::string::npos);

  // A held item is refused whatever its certificates say.
  ASSERT_TRUE(db().Write([&](storage::Session& s) {
    return registry_.SetItemStatus(s, phone, registry::ItemStatus::kHeld);
  }));
  EXPECT_EQ(RuleOf(sanitization_->CanOffer(phone, OfferKind::kSale).error()), kRuleItemHeld);

  // Rules of the certificate, each naming its field.
  auto same = Wipe("passed");
  same.verifier.name = same.sanitizer.name;
  EXPECT_EQ(sanitization_->Record(clerk_, I(phone), same).error().field, "verifier.name");
  auto no_consent = Wipe("passed");
  no_consent.consent.given = false;
  EXPECT_EQ(sanitization_->Record(clerk_, I(phone), no_consent).error().field, "consent.given");
  auto one_pass = Wipe("passed");
  one_pass.media_type = "magnetic";
  one_pass.method = "overwrite";
  one_pass.level = "clear";
  one_pass.passes = 1;
  EXPECT_EQ(sanitization_->Record(clerk_, I(phone), one_pass).error().field, "passes");
  // Another shop's stock is not theirs to certify.
  EXPECT_EQ(sanitization_->Record(other_clerk_, I(phone), Wipe("passed")).error().code,
            ErrorCode::kNotFound);
}

TEST_P(InspectionTest, RepairsRecordPartsAndAnIdentifierChangeIsARedFlag) {
  const std::string old_imei = Imei("35693803564385");
  const std::string new_imei = Imei("35693803564386");
  const std::string item = Register("phone", old_imei);
  RepairInput in{"2026-11-28", "周师傅", "更换电池与主板", {}, std::nullopt};
  in.parts = {{"battery", "third_party", "Desay", "德赛电池"},
              {"logic_board", "original", "Apple", "Apple"}};
  in.identifier_change = IdentifierChange{"imei", old_imei, new_imei, "主板更换"};
  auto repair = repairs_->Record(clerk_, I(item), in);
  ASSERT_TRUE(repair) << repair.error().message;
  const auto events = Events(item);
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events[events.size() - 2].type, "item.repaired");
  EXPECT_EQ(events.back().type, "item.identifier_changed");
  EXPECT_EQ(events.back().payload.find(new_imei), std::string::npos);
  EXPECT_EQ(events[events.size() - 2].payload.find("周师傅"), std::string::npos);
  auto alerts = storage::ReadValue<std::vector<storage::AlertRecord>>(
      db(), [&](storage::Session& s) { return registry_.ListAlerts(s, "110105", std::nullopt); });
  ASSERT_TRUE(alerts);
  ASSERT_EQ(alerts->size(), 1u);
  EXPECT_EQ(alerts->front().item_id, item);
  EXPECT_NE(alerts->front().reasons.find("identifier_changed"), std::string::npos);
  auto found = storage::ReadValue<std::optional<std::string>>(db(), [&](storage::Session& s) {
    return registry_.FindItemByIdentifier(s, "imei", new_imei);
  });
  EXPECT_EQ(found->value_or(""), item);

  auto wrong_old = in;
  wrong_old.identifier_change->old_value = Imei("35693803564387");
  wrong_old.identifier_change->new_value = Imei("35693803564388");
  EXPECT_EQ(repairs_->Record(clerk_, I(item), wrong_old).error().field,
            "identifier_change.old_value");
  auto bad_origin = in;
  bad_origin.identifier_change.reset();
  bad_origin.parts[0].origin = "aftermarket";
  EXPECT_EQ(repairs_->Record(clerk_, I(item), bad_origin).error().field, "parts[0].origin");
}

TEST_P(InspectionTest, TheDisclosureIsBuiltFromEventsAndVersioned) {
  const std::string item = Register("phone", Imei("35693803564389"));
  auto v0 = disclosure_->Get(I(item), std::nullopt);
  ASSERT_TRUE(v0) << v0.error().message;
  EXPECT_EQ(v0->version, 0);
  EXPECT_NE(v0->text_en.find("not done yet"), std::string::npos);
  EXPECT_EQ(v0->facts.at("warranty").at("minimum_months"), 3);

  json::object results = PhoneResults();
  results["battery_health"] = 79;
  results["cameras"] = "fail";
  ASSERT_TRUE(reports_->Submit(inspector_, I(item), {std::nullopt, results, std::nullopt, {}}));
  auto v1 = disclosure_->Get(I(item), std::nullopt);
  ASSERT_TRUE(v1);
  EXPECT_EQ(v1->version, 1);
  EXPECT_NE(v1->text_en.find("Battery health (of original capacity): 79%"), std::string::npos)
      << v1->text_en;
  EXPECT_NE(v1->text_en.find("Cameras: failed"), std::string::npos);
  EXPECT_NE(v1->text_zh.find("摄像头：未通过"), std::string::npos);

  RepairInput in{"2026-11-28",
                 "周师傅",
                 "更换摄像头",
                 {{"camera", "third_party", "OFILM", "欧菲光"}},
                 std::nullopt};
  ASSERT_TRUE(repairs_->Record(clerk_, I(item), in));
  ASSERT_TRUE(sanitization_->Record(clerk_, I(item), Wipe("passed")));
  auto v3 = disclosure_->Get(I(item), std::nullopt);
  ASSERT_TRUE(v3);
  EXPECT_EQ(v3->version, 3);
  EXPECT_NE(v3->text_en.find("replaced camera (third-party, OFILM, 欧菲光)"), std::string::npos)
      << v3->text_en;
  // Enum values in words, not codes, in both languages.
  EXPECT_NE(v3->text_en.find("purge / cryptographic erase, verified"), std::string::npos)
      << v3->text_en;
  EXPECT_NE(v3->text_zh.find("净化 / 密码擦除"), std::string::npos) << v3->text_zh;
  EXPECT_EQ(v3->text_zh.find("crypto_erase"), std::string::npos) << v3->text_zh;
  EXPECT_EQ(v3->text_en.find("周师傅"), std::string::npos);
  // An earlier version is rebuilt exactly.
  auto again = disclosure_->Get(I(item), 1);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->text_en, v1->text_en);
  EXPECT_EQ(again->latest, 3);
  EXPECT_EQ(disclosure_->Get(I(item), 4).error().field, "version");
}

TEST_P(InspectionTest, AnOrganisationKeepsItsFirstKey) {
  auto first = storage::WriteValue<storage::InspectionKeyRecord>(db(), [&](storage::Session& s) {
    return repo_.InsertKeyIfAbsent(s, {body_.id, "key-one", "enc-one", 1});
  });
  ASSERT_TRUE(first) << first.error().message;
  auto second = storage::WriteValue<storage::InspectionKeyRecord>(db(), [&](storage::Session& s) {
    return repo_.InsertKeyIfAbsent(s, {body_.id, "key-two", "enc-two", 2});
  });
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->verifier_key, "key-one");
  auto by_verifier = storage::ReadValue<std::optional<storage::InspectionKeyRecord>>(
      db(), [&](storage::Session& s) { return repo_.FindKeyByVerifier(s, "key-one"); });
  ASSERT_TRUE(by_verifier && *by_verifier);
  EXPECT_EQ((*by_verifier)->organisation_id, body_.id);
}

RECIRC_BOTH_DATABASES(InspectionTest);

}  // namespace
}  // namespace recirc::inspection
