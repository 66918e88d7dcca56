#include "domain/registry/federation_port.hpp"

#include <boost/json.hpp>

namespace recirc::registry {

Result<std::optional<ExportedRegistration>> FederationPortImpl::ExportRegistration(
    storage::Session& s, const std::string& acquisition_id) const {
  RECIRC_TRY(auto acquisition, repo_.FindAcquisition(s, acquisition_id));
  if (!acquisition) return std::optional<ExportedRegistration>();
  RECIRC_TRY(auto item, repo_.FindItem(s, acquisition->item_id));
  if (!item) {
    std::string why = "registration ";
    why.append(acquisition_id).append(" names no item");
    return Error::Internal(why);
  }
  RECIRC_TRY(auto identifiers, repo_.IdentifiersOfItem(s, item->id));
  ExportedRegistration out{*acquisition, *item, std::move(identifiers), std::nullopt};
  auto seller = sellers_.ForTransfer(s, *acquisition);
  if (seller) {
    out.seller = std::move(*seller);
  } else if (seller.error().code != ErrorCode::kFailedPrecondition) {  // erased: send without
    return seller.error();
  }
  return std::optional<ExportedRegistration>(std::move(out));
}

Result<bool> FederationPortImpl::ImportWatchlistEntry(storage::Session& s,
                                                      const storage::WatchlistRecord& entry) const {
  RECIRC_TRY(bool added, repo_.InsertWatchlistEntryIfAbsent(s, entry));
  if (!added || entry.status != WatchlistStatus::kBlack) return added;
  RECIRC_TRY(auto item_id,
             repo_.FindItemByIdentifier(s, entry.identifier_kind, entry.identifier_value));
  if (!item_id) return true;
  RECIRC_TRY(auto item, repo_.FindItem(s, *item_id));
  if (!item || item->status != ItemStatus::kInStock) return true;  // held or seized already
  RECIRC_TRY(auto acquisitions, repo_.AcquisitionsOfItem(s, *item_id));
  if (acquisitions.empty()) return true;
  const auto& last = acquisitions.back();
  boost::json::array reasons{{{"signal", "watchlist_black"},
                              {"weight", 100},
                              {"detail", "identifier on a black list (entered at the city)"}}};
  RECIRC_TRY(auto alert, alerts_.Raise(s, identity::Principal::System(),
                                       {last.id, *item_id, last.region_code, 100,
                                        boost::json::serialize(reasons), AlertHold::kScreening},
                                       ToUnixMillis(clock_.Now())));
  (void)alert;
  return true;
}

}  // namespace recirc::registry
