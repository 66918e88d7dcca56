// Near misses (signals below the alert threshold, recorded for the police) and the mandatory
// colour photo of an item without a serial number, on both databases.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>

#include "domain/registry/photos.hpp"
#include "domain/registry/registry_fixture.hpp"
#include "storage/registry/photo_repository.hpp"
#include "support/test_images.hpp"

namespace recirc::registry {
namespace {

TEST_P(RegistryTest, SignalsBelowTheThresholdAreKeptForThePoliceOfTheJurisdiction) {
  AcquisitionInput doubtful = Phone(Imei("49015420323751"));
  doubtful.person_matches_id = false;  // identity_not_checked: 40, below the threshold of 50
  auto r = registration_->Register(clerk_, doubtful);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(ToString(r->status), "registered") << "a near miss holds nothing";
  ASSERT_TRUE(registration_->Register(clerk_, Phone(Imei("35209900176148")))) << "clean";
  const std::string stolen = Imei("35693803564380");
  ASSERT_TRUE(police_->AddWatchlistEntry(chaoyang_, {"imei", stolen, "black", "报失"}));
  ASSERT_TRUE(registration_->Register(clerk_, Phone(stolen))) << "an alert, not a near miss";

  auto seen = police_->NearMisses(chaoyang_, std::nullopt, std::nullopt);
  ASSERT_TRUE(seen) << seen.error().message;
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ((*seen)[0].near_miss.acquisition_id, r->id);
  EXPECT_EQ((*seen)[0].near_miss.item_id, r->item_id);
  EXPECT_EQ((*seen)[0].near_miss.score, 40);
  EXPECT_NE((*seen)[0].near_miss.reasons.find("identity_not_checked"), std::string::npos);
  EXPECT_EQ((*seen)[0].near_miss.region_code, "110105");
  EXPECT_EQ((*seen)[0].item.brand, "Apple") << "the item, to search the register for it";
  EXPECT_EQ((*seen)[0].acquisition.outlet_id, outlet_.id);
  EXPECT_EQ((*seen)[0].acquisition.number, r->number);
  ASSERT_EQ((*seen)[0].identifiers.size(), 1u);
  EXPECT_EQ((*seen)[0].identifiers[0].first, "imei");
  EXPECT_EQ(police_->NearMisses(beijing_, std::nullopt, std::nullopt)->size(), 1u)
      << "the city covers its districts";
  EXPECT_TRUE(police_->NearMisses(shenzhen_, std::nullopt, std::nullopt)->empty());
  const int64_t now = ToUnixMillis(clock_.Now());
  EXPECT_TRUE(police_->NearMisses(chaoyang_, now + 1, std::nullopt)->empty()) << "from";
  EXPECT_TRUE(police_->NearMisses(chaoyang_, std::nullopt, now)->empty()) << "to is exclusive";
  auto shop = police_->NearMisses(clerk_, std::nullopt, std::nullopt);
  ASSERT_FALSE(shop);
  EXPECT_EQ(shop.error().code, ErrorCode::kPermissionDenied) << "the shop is never told";
  EXPECT_EQ(Count("screening_near_misses"), 1);
}

class PhotoRequiredTest : public RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    dir_ = std::filesystem::temp_directory_path() /
           ("recirc_photo_required_" + std::to_string(::getpid()) + "_" +
            std::to_string(GetParam() == testing::Backend::kSqlite ? 0 : 1));
    photos_.emplace(db(), repo_, photo_repo_, storage::PhotoFiles(dir_), cipher_, clock_, random_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    RegistryTest::TearDown();
  }
  AcquisitionInput Bag() {
    AcquisitionInput in = Phone(Imei("49015420323751"));
    in.item = {"luxury_bag",        "Coach",    "Tabby", {{"engraving", "LW-0911"}},
               std::string("棕色"), "边角磨损", 1};
    return in;
  }
  std::filesystem::path dir_;
  storage::PhotoRepository photo_repo_;
  std::optional<PhotoService> photos_;
};

TEST_P(PhotoRequiredTest, AnItemWithoutASerialNumberWaitsForItsColourPhoto) {
  auto r = registration_->Register(clerk_, Bag());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->photo_required) << "an engraving is a mark, not a serial number";
  EXPECT_EQ(ToString(r->status), "registered");
  auto before = registration_->holds().IsSellable(r->item_id);
  ASSERT_TRUE(before);
  EXPECT_FALSE(before->sellable);
  EXPECT_TRUE(before->reason.starts_with("item.photos:")) << before->reason;

  // A police release of screening holds leaves the photo hold alone.
  ASSERT_TRUE(db().Write([&](storage::Session& s) {
    return repo_.ReleaseHolds(s, r->item_id, ToUnixMillis(clock_.Now()));
  }));
  EXPECT_TRUE(registration_->holds().IsSellable(r->item_id)->reason.starts_with("item.photos:"));

  // An ID document image is not a photo of the item.
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "IHDR-bag";
  ASSERT_TRUE(photos_->Upload(clerk_, Acq(r->id), {"id_document", "image/png", png + "-id"}));
  EXPECT_TRUE(registration_->holds().IsSellable(r->item_id)->reason.starts_with("item.photos:"));
  // A black-and-white photo of the item is stored, as evidence, but is not the colour photo.
  const std::string grey = testing::EncodePng(testing::GreyPicture(40, 30));
  auto grey_photo = photos_->Upload(clerk_, Acq(r->id), {"item", "image/png", grey});
  ASSERT_TRUE(grey_photo) << grey_photo.error().message;
  EXPECT_TRUE(grey_photo->created);
  EXPECT_EQ(grey_photo->in_colour, std::optional<bool>(false));
  EXPECT_TRUE(registration_->holds().IsSellable(r->item_id)->reason.starts_with("item.photos:"))
      << "a grey photo leaves the hold";
  const std::string grey_jpeg = testing::EncodeJpeg(testing::ColourPicture(40, 30), true);
  ASSERT_EQ(photos_->Upload(clerk_, Acq(r->id), {"item", "image/jpeg", grey_jpeg})->in_colour,
            false);
  EXPECT_TRUE(registration_->holds().IsSellable(r->item_id)->reason.starts_with("item.photos:"));
  auto listed = photos_->List(clerk_, Acq(r->id));
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 3u) << "the ID document and both grey photos are kept";
  // Undecodable bytes are refused and change nothing.
  auto broken = photos_->Upload(clerk_, Acq(r->id), {"item", "image/png", png});
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().field, "photo");
  EXPECT_EQ(photos_->List(clerk_, Acq(r->id))->size(), 3u);

  auto photo =
      photos_->Upload(clerk_, Acq(r->id),
                      {"item", "image/png", testing::EncodePng(testing::ColourPicture(40, 30))});
  ASSERT_TRUE(photo) << photo.error().message;
  EXPECT_EQ(photo->in_colour, std::optional<bool>(true));
  auto after = registration_->holds().IsSellable(r->item_id);
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->sellable) << "the statutory hold period still runs";
  EXPECT_TRUE(after->reason.starts_with("in its hold period")) << after->reason;
  clock_.Advance(std::chrono::days(8));
  EXPECT_TRUE(registration_->holds().IsSellable(r->item_id)->sellable);
}

TEST_P(PhotoRequiredTest, AnItemWithASerialNumberNeedsNoPhoto) {
  auto r = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_FALSE(r->photo_required);
  clock_.Advance(std::chrono::days(8));
  EXPECT_TRUE(registration_->holds().IsSellable(r->item_id)->sellable);
  AcquisitionInput none = Bag();
  none.item.identifiers.clear();
  auto bare = registration_->Register(clerk_, none);
  ASSERT_TRUE(bare) << bare.error().message;
  EXPECT_TRUE(bare->photo_required) << "no identifier at all";
}

TEST_P(PhotoRequiredTest, ACorrectionThatAddsASerialNumberReleasesThePhotoHold) {
  auto r = registration_->Register(clerk_, Bag());
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_TRUE(r->photo_required);
  const auto photo_hold = [&]() -> std::optional<storage::HoldRecord> {
    std::optional<storage::HoldRecord> found;
    EXPECT_TRUE(db().Read([&](storage::Session& s) -> Status {
      RECIRC_TRY(auto holds, repo_.HoldsOfItem(s, r->item_id));
      for (const auto& h : holds) {
        if (h.kind == "photo_required") found = h;
      }
      return Ok();
    }));
    return found;
  };

  // Another engraving is still only a mark.
  CorrectionInput mark;
  mark.reason = "刻字补录：内侧第二处刻字";
  mark.identifiers = {{"engraving", "LW-0912"}};
  ASSERT_TRUE(registration_->Correct(clerk_, Acq(r->id), mark));
  ASSERT_TRUE(photo_hold());
  EXPECT_FALSE(photo_hold()->released_at) << "an engraving is not a serial number";

  clock_.Advance(std::chrono::minutes(5));
  const int64_t corrected_at = ToUnixMillis(clock_.Now());
  CorrectionInput serial;
  serial.reason = "补录内衬上的序列号";
  serial.identifiers = {{"serial", "CT-2231-0098"}};
  auto v = registration_->Correct(clerk_, Acq(r->id), serial);
  ASSERT_TRUE(v) << v.error().message;
  auto released = photo_hold();
  ASSERT_TRUE(released) << "released, not deleted";
  ASSERT_TRUE(released->released_at);
  EXPECT_EQ(*released->released_at, corrected_at);
  for (const auto& h : v->sellability.holds) {
    if (h.kind == "photo_required") {
      EXPECT_FALSE(h.active) << "the registration view shows it ended";
    }
  }

  // A changed identifier alerts by itself: the item waits for the police, then for its
  // statutory period, and no longer for a photo.
  auto alerts = police_->ListAlerts(chaoyang_, std::nullopt);
  ASSERT_TRUE(alerts) << alerts.error().message;
  ASSERT_FALSE(alerts->empty());
  for (const auto& a : *alerts)
    ASSERT_TRUE(police_->Decide(chaoyang_, AlertId::Parse(a.alert.id, "id").value(), "release"));
  auto after = registration_->holds().IsSellable(r->item_id);
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->sellable);
  EXPECT_TRUE(after->reason.starts_with("in its hold period")) << after->reason;
  clock_.Advance(std::chrono::days(8));
  EXPECT_TRUE(registration_->holds().IsSellable(r->item_id)->sellable);
  EXPECT_EQ(*photo_hold()->released_at, corrected_at) << "the record is kept as it was";
}

TEST_P(PhotoRequiredTest, ARefusedCorrectionLeavesThePhotoHold) {
  auto other = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  auto r = registration_->Register(clerk_, Bag());
  ASSERT_TRUE(other && r);
  CorrectionInput taken;
  taken.reason = "补录串号（实为另一件物品的）";
  taken.identifiers = {{"imei", Imei("49015420323751")}};
  auto refused = registration_->Correct(clerk_, Acq(r->id), taken);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kAlreadyExists);
  clock_.Advance(std::chrono::days(8));
  auto still = registration_->holds().IsSellable(r->item_id);
  ASSERT_TRUE(still);
  EXPECT_FALSE(still->sellable);
  EXPECT_TRUE(still->reason.starts_with("item.photos:")) << still->reason;
}

RECIRC_BOTH_DATABASES(PhotoRequiredTest);

}  // namespace
}  // namespace recirc::registry
