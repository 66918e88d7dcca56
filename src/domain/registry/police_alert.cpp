#include "domain/registry/police_alert.hpp"

#include <boost/json.hpp>

#include <optional>

#include "core/id.hpp"
#include "domain/registry/events.hpp"
#include "domain/registry/holds.hpp"

namespace recirc::registry {

Result<storage::AlertRecord> PoliceAlerts::Raise(storage::Session& s,
                                                 const identity::Principal& actor,
                                                 const AlertInput& in, int64_t now) const {
  storage::AlertRecord alert{Id::Generate(clock_, random_).ToString(),
                             in.acquisition_id,
                             in.item_id,
                             in.region_code,
                             in.score,
                             in.reasons,
                             AlertStatus::kOpen,
                             std::nullopt,
                             std::nullopt,
                             now};
  RECIRC_CHECK(repo_.InsertAlert(s, alert));
  if (in.hold == AlertHold::kScreening) {
    RECIRC_CHECK(
        repo_.InsertHold(s, {Id::Generate(clock_, random_).ToString(), in.item_id,
                             in.acquisition_id, std::string(kScreeningHold), std::nullopt, now}));
    RECIRC_CHECK(repo_.SetItemStatus(s, in.item_id, ItemStatus::kHeld));
    RECIRC_CHECK(repo_.SetAcquisitionStatus(s, in.acquisition_id, AcquisitionStatus::kHeld));
  }
  RECIRC_TRY(
      int64_t seq,
      journal_.Append(s, {events::kAlertRaised, alert.id, actor.organisation.id, actor.user_id,
                          boost::json::serialize(boost::json::object{
                              {"score", alert.score}, {"region_code", alert.region_code}})}));
  (void)seq;
  return alert;
}

}  // namespace recirc::registry
