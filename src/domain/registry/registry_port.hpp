#pragma once
// RegistryPort: what the other contexts (inspection, market, documents) may ask of the registry.
// They hold this interface, never the registry's repository; registry_port_impl.hpp implements it
// over that repository and src/app/ wires the two together.
//
// Contract for every call: it runs inside the caller's transaction, on the Session the caller
// passes (from Database::Read for the reads, Database::Write for AddIdentifier and RaiseAlert), so
// what the registry reads or writes commits or rolls back with the caller's own rows. No call
// opens a transaction of its own or keeps the Session. Errors are storage errors unless stated.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/identity/principal.hpp"
#include "storage/database.hpp"
#include "storage/registry/registry_repository.hpp"  // the record types (ItemRecord, …) only

namespace recirc::registry {

// One signal of a police alert raised from another context, as alerts keep it.
struct AlertSignal {
  std::string signal;  // e.g. "identifier_changed"
  int64_t weight = 0;  // also the alert's score
  std::string detail;  // for the officer; no personal data
};

class RegistryPort {
 public:
  virtual ~RegistryPort() = default;

  // The item's public facts and status (in_stock, held, seized); nullopt when there is none.
  virtual Result<std::optional<storage::ItemRecord>> FindItem(storage::Session& s,
                                                              const std::string& item_id) const = 0;
  // The id of the item carrying identifier (kind, value) — the value normalised as registration
  // normalises it; nullopt when no item carries it.
  virtual Result<std::optional<std::string>> FindItemByIdentifier(
      storage::Session& s, const std::string& kind, const std::string& value) const = 0;
  // The item's identifiers (kind, normalised value), as registered and added since.
  virtual Result<std::vector<std::pair<std::string, std::string>>> IdentifiersOfItem(
      storage::Session& s, const std::string& item_id) const = 0;
  // The items the organisation registered, newest first, before `before_id` (empty: from the
  // newest); `identifier` (empty: any) keeps those carrying that value (IMEI, serial, …), which
  // is normalised here as registration normalises it.
  virtual Result<std::vector<storage::ItemRecord>> ItemsOfOrganisation(
      storage::Session& s, const std::string& organisation_id, const std::string& before_id,
      const std::string& identifier, int64_t limit) const = 0;
  // Items not seized registered at an outlet of the region (`region_prefix`, as
  // JurisdictionPrefix gives; empty: everywhere), oldest first, after `after_id` (empty: from the
  // oldest): the inspectors' queue reads these.
  virtual Result<std::vector<storage::ItemRecord>> ItemsRegisteredInRegion(
      storage::Session& s, const std::string& region_prefix, const std::string& after_id,
      int64_t limit) const = 0;
  // The ids of the items registered in the region under register number `number` (one per
  // outlet that used it) or, with `acquisition_id` instead, under that registration.
  virtual Result<std::vector<std::string>> ItemsOfReceipt(
      storage::Session& s, const std::string& region_prefix, std::optional<int64_t> number,
      const std::string& acquisition_id) const = 0;
  // Adds identifier (kind, value) to the item (the old ones stay: they still find the item).
  // The caller checks first that no other item carries it (an identifier belongs to one item).
  virtual Status AddIdentifier(storage::Session& s, const std::string& item_id,
                               const std::string& kind, const std::string& value) const = 0;
  // The item's registrations, oldest first (an item bought back later has several).
  virtual Result<std::vector<storage::AcquisitionRecord>> AcquisitionsOfItem(
      storage::Session& s, const std::string& item_id) const = 0;
  // The outlet's register with created_at in [from, to), in number order.
  virtual Result<std::vector<storage::AcquisitionRecord>> AcquisitionsOfOutlet(
      storage::Session& s, const std::string& outlet_id, int64_t from, int64_t to) const = 0;
  // Raises a police alert on the item for the police of the region where it was last registered
  // (police_alert.hpp; the item is not held). Does nothing when the item was never registered:
  // there is no region to send it to. Returns the alert's id, or nullopt when none was raised.
  virtual Result<std::optional<std::string>> RaiseAlert(storage::Session& s,
                                                        const identity::Principal& actor,
                                                        const std::string& item_id,
                                                        const AlertSignal& signal) const = 0;
};

}  // namespace recirc::registry
