#include "domain/inspection/queue.hpp"

#include "core/id.hpp"
#include "domain/registry/item_fields.hpp"
#include "domain/registry/police.hpp"

namespace recirc::inspection {
namespace {

// A page of the queue reads at most this many items before answering with a cursor.
constexpr int64_t kScanLimit = 2000;

Result<std::string> RegionOf(const identity::Principal& actor) {
  if (!actor.Has(identity::Permission::kInspectionWrite)) {
    return Error::PermissionDenied("your role has no inspection queue");
  }
  if (actor.SeesAllOrganisations()) return std::string();
  if (actor.kind != identity::OrganisationKind::kInspectionBody) {
    return Error::PermissionDenied("only inspection bodies have an inspection queue");
  }
  return registry::JurisdictionPrefix(actor.organisation.region_code);
}

Error ItemNotFound(const std::string& id) {
  return Error::NotFound("item " + id + " not found").Id("inspection.item_not_found");
}

}  // namespace

Result<QueueEntry> InspectionQueueService::Entry(storage::Session& s,
                                                 storage::ItemRecord item) const {
  QueueEntry e;
  RECIRC_TRY(e.identifiers, registry_.IdentifiersOfItem(s, item.id));
  RECIRC_TRY(auto acquisitions, registry_.AcquisitionsOfItem(s, item.id));
  if (!acquisitions.empty()) {
    e.acquisition = std::move(acquisitions.back());
    RECIRC_TRY(auto outlet, identity_.FindOutlet(s, e.acquisition->outlet_id));
    if (outlet) e.outlet_name = outlet->name;
  }
  RECIRC_TRY(auto reports, repo_.ReportsOfItem(s, item.id));
  e.inspected = !reports.empty();
  e.item = std::move(item);
  return e;
}

Result<QueuePage> InspectionQueueService::Queue(const identity::Principal& actor,
                                                const storage::PageRequest& page) {
  RECIRC_TRY(std::string region, RegionOf(actor));
  if (page.limit < 1 || page.limit > 100) {
    return Error::InvalidArgument("limit", "limit is 1 to 100");
  }
  return storage::ReadValue<QueuePage>(db_, [&](storage::Session& s) -> Result<QueuePage> {
    QueuePage out;
    std::string after = page.after;
    int64_t scanned = 0;
    for (;;) {
      RECIRC_TRY(auto items, registry_.ItemsRegisteredInRegion(s, region, after, page.limit));
      for (auto& item : items) {
        after = item.id;
        RECIRC_TRY(auto entry, Entry(s, std::move(item)));
        if (entry.inspected) continue;
        out.items.push_back(std::move(entry));
        if (static_cast<int>(out.items.size()) == page.limit) {
          out.next_cursor = after;
          return out;
        }
      }
      scanned += static_cast<int64_t>(items.size());
      if (static_cast<int>(items.size()) < page.limit) return out;  // the end
      if (scanned >= kScanLimit) {
        out.next_cursor = after;
        return out;
      }
    }
  });
}

Result<std::vector<QueueEntry>> InspectionQueueService::Lookup(
    const identity::Principal& actor, const std::optional<std::string>& imei,
    const std::optional<std::string>& receipt) {
  RECIRC_TRY(std::string region, RegionOf(actor));
  const bool by_imei = imei && !imei->empty();
  const bool by_receipt = receipt && !receipt->empty();
  if (by_imei == by_receipt) {
    return Error::InvalidArgument("imei", "give an IMEI or a receipt number")
        .Id("inspection.lookup_needs_one");
  }
  std::string imei_value;
  std::optional<int64_t> number;
  std::string acquisition_id;
  if (by_imei) {
    RECIRC_TRY(imei_value, registry::NormaliseItemIdentifier("imei", *imei, "imei"));
  } else if (!receipt->empty() && receipt->size() <= 18 &&
             receipt->find_first_not_of("0123456789") == std::string::npos) {
    number = std::stoll(*receipt);
  } else {
    auto id = Id::Parse(*receipt, "receipt");
    if (!id) {
      return Error::InvalidArgument("receipt",
                                    "a receipt number, or the registration id on the receipt")
          .Id("inspection.receipt_malformed");
    }
    acquisition_id = id->ToString();
  }
  return storage::ReadValue<std::vector<QueueEntry>>(
      db_, [&](storage::Session& s) -> Result<std::vector<QueueEntry>> {
        std::vector<std::string> ids;
        if (by_imei) {
          RECIRC_TRY(auto found, registry_.FindItemByIdentifier(s, "imei", imei_value));
          if (found) {
            // Only an item registered in the region: the same test as the queue's.
            RECIRC_TRY(auto acquisitions, registry_.AcquisitionsOfItem(s, *found));
            for (const auto& a : acquisitions) {
              if (a.region_code.starts_with(region)) {
                ids.push_back(*found);
                break;
              }
            }
          }
        } else {
          RECIRC_TRY(ids, registry_.ItemsOfReceipt(s, region, number, acquisition_id));
        }
        std::vector<QueueEntry> out;
        for (const auto& id : ids) {
          RECIRC_TRY(auto item, registry_.FindItem(s, id));
          if (!item) continue;
          RECIRC_TRY(auto entry, Entry(s, std::move(*item)));
          out.push_back(std::move(entry));
        }
        return out;
      });
}

Result<QueueEntry> InspectionQueueService::Item(const identity::Principal& actor,
                                                const ItemId& id) {
  RECIRC_TRY(std::string region, RegionOf(actor));
  (void)region;
  const std::string item_id = id.ToString();
  return storage::ReadValue<QueueEntry>(db_, [&](storage::Session& s) -> Result<QueueEntry> {
    RECIRC_TRY(auto item, registry_.FindItem(s, item_id));
    if (!item) return ItemNotFound(item_id);
    return Entry(s, std::move(*item));
  });
}

}  // namespace recirc::inspection
