#pragma once
// Checks on an item's own fields (category, identifiers, reference keys), shared by registration
// and the police's CSV importers. No storage.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::registry {

// Brand and model as reference_models stores them: ASCII lower case, outer spaces trimmed.
std::string ReferenceKey(std::string_view text);
// Categories an operator may not buy at all (weapons, police and military gear, ID documents,
// state seals, hazardous goods, seized property; intake "prohibited" in data/categories.json):
// refused with the reason.
bool IsProhibitedCategory(std::string_view category);
// A category that may be acquired (intake "accepted" in data/categories.json); prohibited ones
// fail with the reason (field item.category).
Status CheckCategory(std::string_view category);
// Normalises and validates one identifier ("imei", "meid", "vin", "serial", "mac",
// "gtin_serial", "engraving"); errors name `field`.
Result<std::string> NormaliseItemIdentifier(std::string_view kind, std::string_view value,
                                            std::string_view field);

}  // namespace recirc::registry
