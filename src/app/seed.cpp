#include "app/seed.hpp"

#include <span>

#include "app/demo.hpp"
#include "app/demo_market.hpp"
#include "core/embedded_file.hpp"
#include "core/validators.hpp"
#include "storage/identity/identity_repository.hpp"

namespace recirc::app {

std::span<const EmbeddedFile> DevicesCsv();

namespace {

// Registrations per transaction: the bulk path commits once per batch instead of once per item.
constexpr size_t kSeedBatch = 500;

struct Device {
  std::string category, brand, model;
};

std::vector<Device> LoadDevices() {
  std::vector<Device> out;
  std::string_view text = DevicesCsv().front().content;
  bool header = true;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (header || line.empty()) {
      header = false;
      continue;
    }
    const size_t a = line.find(',');
    const size_t b = line.find(',', a + 1);
    out.push_back({std::string(line.substr(0, a)), std::string(line.substr(a + 1, b - a - 1)),
                   std::string(line.substr(b + 1))});
  }
  return out;
}

uint64_t Draw(Random& random) {
  std::array<uint8_t, 8> bytes{};
  random.Fill(bytes);
  uint64_t v = 0;
  for (uint8_t b : bytes) v = (v << 8) | b;
  return v;
}

std::string Digits(Random& random, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += static_cast<char>('0' + Draw(random) % 10);
  return out;
}

}  // namespace

Result<SeedReport> SeedRegistrations(identity::DirectoryService& directory,
                                     registry::RegistrationService& registration,
                                     registry::PoliceService& police, storage::Database& db,
                                     int64_t items, Random& random) {
  RECIRC_TRY(auto logins, SeedDemo(directory, db));
  (void)logins;
  RECIRC_TRY(auto clerk, DemoPrincipal(db, "shop.clerk"));
  RECIRC_TRY(auto officer, DemoPrincipal(db, "police.chaoyang"));
  RECIRC_TRY(auto outlets, directory.ListOutlets(
                               clerk, OrganisationId::Stored(clerk.organisation.id), {"", 200}));
  if (outlets.items.empty()) return Error::FailedPrecondition("the demo operator has no outlet");
  const std::vector<Device> devices = LoadDevices();
  static constexpr std::array<const char*, 8> kSurnames = {"王", "李", "张", "刘",
                                                           "陈", "杨", "赵", "黄"};
  static constexpr std::array<const char*, 8> kGiven = {"伟", "芳", "娜", "敏",
                                                        "静", "磊", "洋", "婷"};
  static constexpr std::array<const char*, 4> kKinds = {"purchase", "trade_in", "buy_back",
                                                        "consignment_intake"};
  SeedReport report;
  std::vector<registry::AcquisitionInput> batch;
  batch.reserve(kSeedBatch);
  const auto flush = [&]() -> Status {
    if (batch.empty()) return Ok();
    RECIRC_TRY(auto receipts, registration.RegisterBatch(clerk, batch));
    for (const auto& r : receipts) {
      report.registered++;
      report.held += r.status == registry::ReceiptStatus::kHeldForVerification;
    }
    batch.clear();
    return Ok();
  };
  for (int64_t i = 0; i < items; ++i) {
    const Device& d = devices[Draw(random) % devices.size()];
    const std::string tac14 = "86" + Digits(random, 12);
    RECIRC_TRY(char check, core::ImeiCheckDigit(tac14));
    const std::string imei = tac14 + check;
    if (Draw(random) % 50 == 0) {
      RECIRC_TRY(auto entry,
                 police.AddWatchlistEntry(officer, {"imei", imei, "black", "【合成】失窃报案"}));
      (void)entry;
      report.watchlisted++;
    }
    const int year = 1960 + static_cast<int>(Draw(random) % 45);
    const std::string id17 = "110105" + std::to_string(year) + "0" +
                             std::to_string(1 + Draw(random) % 9) + "1" +
                             std::to_string(Draw(random) % 9) + Digits(random, 3);
    RECIRC_TRY(char id_check, core::ResidentIdCheckChar(id17));
    registry::AcquisitionInput in;
    in.outlet_id = outlets.items[Draw(random) % outlets.items.size()].id;
    in.kind = kKinds[Draw(random) % kKinds.size()];
    in.channel = Draw(random) % 5 == 0 ? "door_to_door" : "store";
    in.price_fen = 20000 + static_cast<int64_t>(Draw(random) % 600000);
    in.payment_method = Draw(random) % 2 == 0 ? "mobile_payment" : "cash";
    in.person_matches_id = Draw(random) % 20 != 0;
    in.origin_statement = "【合成】自用" + std::to_string(1 + Draw(random) % 5) + "年，换新";
    in.seller = {"individual",
                 std::string("【合成】") + kSurnames[Draw(random) % 8] + kGiven[Draw(random) % 8],
                 std::string("resident_id"),
                 id17 + id_check,
                 std::nullopt,
                 "13" + Digits(random, 9),
                 std::nullopt};
    in.item = {d.category, d.brand, d.model, {{"imei", imei}}, std::nullopt, "九成新", 1};
    batch.push_back(std::move(in));
    if (batch.size() == kSeedBatch) RECIRC_CHECK(flush());
  }
  RECIRC_CHECK(flush());
  return report;
}

}  // namespace recirc::app
