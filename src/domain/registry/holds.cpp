#include "domain/registry/holds.hpp"

#include <algorithm>

#include "domain/registry/registration.hpp"

namespace recirc::registry {

int64_t HoldPolicy::DaysFor(std::string_view category, std::string_view region_code) const {
  int64_t days = default_days;
  int best = -1;
  for (const auto& r : rules) {
    if (!r.category.empty() && r.category != category) continue;
    if (!region_code.starts_with(r.region_prefix)) continue;
    const int score = static_cast<int>(r.region_prefix.size()) * 2 + (r.category.empty() ? 0 : 1);
    if (score > best) {
      best = score;
      days = r.days;
    }
  }
  return days;
}

Status HoldPolicy::Validate(const std::string& field) const {
  const auto check_days = [&](int64_t d, const std::string& f) -> Status {
    if (d < 0 || d > kMaxHoldDays) {
      return Error::InvalidArgument(f, "a hold period is 0 to 365 days");
    }
    return Ok();
  };
  RECIRC_CHECK(check_days(default_days, field + ".hold_days"));
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string f = field + ".hold[" + std::to_string(i) + "]";
    RECIRC_CHECK(check_days(rules[i].days, f + ".days"));
    if (!rules[i].category.empty() && CheckCategory(rules[i].category).has_error()) {
      return Error::InvalidArgument(f + ".category",
                                    "a category of data/categories.json that may be acquired");
    }
    const auto& p = rules[i].region_prefix;
    if (p.size() > 6 ||
        !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return Error::InvalidArgument(f + ".region_prefix",
                                    "up to 6 digits of a GB/T 2260 region code");
    }
  }
  return Ok();
}

Sellability EvaluateHolds(const std::vector<storage::HoldRecord>& holds, ItemStatus item_status,
                          int64_t now) {
  Sellability out;
  std::optional<int64_t> statutory_until;
  bool police = false;
  bool photo_missing = false;
  for (const auto& h : holds) {
    HoldState st{h.kind, h.until_at, h.released_at, false};
    st.active = !h.released_at && (!h.until_at || *h.until_at > now);
    if (st.active && h.until_at)
      statutory_until = std::max(statutory_until.value_or(0), *h.until_at);
    if (st.active && h.kind == kPhotoHold) {
      photo_missing = true;
    } else if (st.active && !h.until_at) {
      police = true;
    }
    out.holds.push_back(st);
  }
  if (item_status == ItemStatus::kSeized) {
    out.reason = "the item was seized by the police";
    out.reason_id = "hold.seized";
  } else if (police || item_status == ItemStatus::kHeld) {
    out.reason = "held for verification until the police release it";
    out.reason_id = "hold.police";
  } else if (photo_missing) {
    out.reason =
        "item.photos: a colour photo is mandatory for an item without a serial number; upload "
        "one (kind=item) to complete the registration";
    out.reason_id = "hold.photo_missing";
  } else if (statutory_until) {
    out.reason = "in its hold period until " + FormatRfc3339(FromUnixMillis(*statutory_until));
    out.reason_id = "hold.period";
    out.reason_params.push_back({"until", FormatRfc3339(FromUnixMillis(*statutory_until))});
  } else if (item_status != ItemStatus::kInStock) {
    out.reason = "the item is " + ToString(item_status);
    out.reason_id = "hold.status";
    out.reason_params.push_back({"status", ToString(item_status)});
  }
  out.sellable = out.reason.empty();
  return out;
}

Result<Sellability> HoldService::IsSellable(storage::Session& s, const std::string& item_id) const {
  RECIRC_TRY(auto item, repo_.FindItem(s, item_id));
  if (!item) return Error::NotFound("item " + item_id + " not found");
  RECIRC_TRY(auto holds, repo_.HoldsOfItem(s, item_id));
  return EvaluateHolds(holds, item->status, ToUnixMillis(clock_.Now()));
}

Result<Sellability> HoldService::IsSellable(const std::string& item_id) const {
  return storage::ReadValue<Sellability>(
      db_, [&](storage::Session& s) { return IsSellable(s, item_id); });
}

}  // namespace recirc::registry
