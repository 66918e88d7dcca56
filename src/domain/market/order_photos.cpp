#include "domain/market/order_photos.hpp"

#include "crypto/token.hpp"
#include "domain/market/order_service.hpp"
#include "domain/registry/image_upload.hpp"

namespace recirc::market {
namespace {

using identity::Permission;

constexpr int64_t kDayMs = int64_t{24} * 60 * 60 * 1000;

Error Refusal(ErrorCode code, std::string_view rule, const std::string& text) {
  return Error{code, std::string(rule) + ": " + text, "stage"};
}

bool Visible(const identity::Principal& actor, const storage::OrderRecord& o) {
  return SeesOrder(actor, o);
}

// Who may add a photo at `stage` now; the order is visible to the actor.
Status MayUpload(const identity::Principal& actor, const storage::OrderRecord& o,
                 std::string_view stage, int64_t now) {
  if (stage == kStageDispatch) {
    if (!actor.Has(Permission::kMarketManage) || !actor.InOrganisation(o.organisation_id)) {
      return Refusal(ErrorCode::kPermissionDenied, "dispatch_photo_by_seller",
                     "dispatch photos are taken by the selling organisation's staff");
    }
    if (o.state != OrderState::kPaid) {
      return Refusal(ErrorCode::kFailedPrecondition, "order_state",
                     "the order is " + ToString(o.state) +
                         "; dispatch photos are taken while it is paid "
                         "and not yet dispatched");
    }
    return Ok();
  }
  if (!ActsForBuyer(actor, o)) {
    return Refusal(ErrorCode::kPermissionDenied, "return_photo_by_buyer",
                   "return photos are taken by the order's buyer");
  }
  if (o.state != OrderState::kReceived || !o.received_at) {
    return Refusal(ErrorCode::kFailedPrecondition, "order_state",
                   "the order is " + ToString(o.state) +
                       "; return photos are taken while a return may "
                       "be requested (received)");
  }
  if (now - *o.received_at > o.return_days * kDayMs) {
    return Refusal(ErrorCode::kFailedPrecondition, "return_window_closed",
                   "returns are taken within " + std::to_string(o.return_days) + " days");
  }
  return Ok();
}

}  // namespace

Status CheckOrderPhotoRefs(storage::Session& s, const storage::MarketRepository& repo,
                           const std::string& order_id, std::string_view stage,
                           const std::vector<std::string>& refs) {
  for (size_t i = 0; i < refs.size(); ++i) {
    const std::string hex = refs[i].substr(refs[i].find(':') + 1);
    RECIRC_TRY(auto found, repo.FindOrderPhoto(s, order_id, std::string(stage), hex));
    if (!found) {
      return Error{ErrorCode::kFailedPrecondition,
                   "photo_not_uploaded: " + refs[i] + " is not a " + std::string(stage) +
                       " photo of this order; upload it first (POST /api/v1/orders/" + order_id +
                       "/photos?stage=" + std::string(stage) + ")",
                   "photos[" + std::to_string(i) + "]"};
    }
  }
  return Ok();
}

Result<StoredOrderPhoto> OrderPhotoService::Upload(const identity::Principal& actor,
                                                   const OrderId& id,
                                                   const OrderPhotoUpload& upload) {
  const std::string order_id = id.ToString();
  if (!upload.stage || (*upload.stage != kStageDispatch && *upload.stage != kStageReturn)) {
    return Error::InvalidArgument("stage", "stage is dispatch or return (query parameter)");
  }
  const std::string stage = *upload.stage;
  RECIRC_TRY(const std::string media_type,
             registry::CheckDecodedImage(upload.content_type, upload.bytes));
  const std::string sha256 = crypto::Sha256Hex(upload.bytes);
  // The order must be the caller's, the stage open to them and below its photo cap, before
  // anything touches the disk.
  auto check = [&](storage::Session& s, bool lock) -> Result<storage::OrderRecord> {
    RECIRC_TRY(auto o, lock ? c_.repo.LockOrder(s, order_id) : c_.repo.FindOrder(s, order_id));
    if (!o || !Visible(actor, *o)) return Error::NotFound("order " + order_id + " not found");
    RECIRC_CHECK(MayUpload(actor, *o, stage, ToUnixMillis(c_.clock.Now())));
    RECIRC_TRY(auto photos, c_.repo.OrderPhotos(s, o->id));
    size_t at_stage = 0;
    for (const auto& p : photos) {
      if (p.stage != stage) continue;
      if (p.sha256 == sha256) return *o;  // the same bytes again: not a new photo
      ++at_stage;
    }
    if (at_stage >= kMaxOrderPhotosPerStage) {
      return Error{ErrorCode::kFailedPrecondition,
                   "too_many_photos: an order holds at most " +
                       std::to_string(kMaxOrderPhotosPerStage) + " " + stage + " photos",
                   "photo"};
    }
    return *o;
  };
  RECIRC_TRY(auto order, storage::ReadValue<storage::OrderRecord>(
                             c_.db, [&](storage::Session& s) { return check(s, false); }));
  storage::OrderPhotoRecord r{order.id,
                              stage,
                              sha256,
                              media_type,
                              static_cast<int64_t>(upload.bytes.size()),
                              actor.user_id,
                              ToUnixMillis(c_.clock.Now())};
  // The file is in place before its row: a crash in between leaves an unreferenced file, never
  // a row without its bytes.
  RECIRC_CHECK(files_.Put(r.sha256, upload.bytes));
  return storage::WriteValue<StoredOrderPhoto>(
      c_.db, [&](storage::Session& s) -> Result<StoredOrderPhoto> {
        // Again under the order's lock: it may have been dispatched or settled since.
        RECIRC_TRY(auto locked, check(s, true));
        (void)locked;
        RECIRC_TRY(bool created, c_.repo.InsertOrderPhoto(s, r));
        if (created) return StoredOrderPhoto{r, true};
        RECIRC_TRY(auto existing, c_.repo.FindOrderPhoto(s, r.order_id, r.stage, r.sha256));
        if (!existing) return Error::Internal("order photo row vanished");
        return StoredOrderPhoto{*existing, false};
      });
}

Result<std::vector<storage::OrderPhotoRecord>> OrderPhotoService::List(
    const identity::Principal& actor, const OrderId& id) {
  const std::string order_id = id.ToString();
  return storage::ReadValue<std::vector<storage::OrderPhotoRecord>>(
      c_.db, [&](storage::Session& s) -> Result<std::vector<storage::OrderPhotoRecord>> {
        RECIRC_TRY(auto o, c_.repo.FindOrder(s, order_id));
        if (!o || !Visible(actor, *o)) return Error::NotFound("order " + order_id + " not found");
        return c_.repo.OrderPhotos(s, o->id);
      });
}

Result<OrderPhotoBytes> OrderPhotoService::Get(const identity::Principal& actor, const OrderId& id,
                                               const std::string& sha256) {
  RECIRC_TRY(auto photos, List(actor, id));
  if (registry::IsSha256Hex(sha256)) {
    for (auto& p : photos) {
      if (p.sha256 != sha256) continue;
      RECIRC_TRY(std::string bytes, files_.Get(p.sha256));
      return OrderPhotoBytes{std::move(p), std::move(bytes)};
    }
  }
  return Error::NotFound("photo " + sha256 + " not found");
}

}  // namespace recirc::market
