#pragma once
// The complainant's contact details: personal data, sealed at rest with the field cipher and the
// data keys that protect sellers (FieldCipher, context "complaint.<field>:<complaint id>"),
// opened only for the complainant (in full) and market supervision (masked), never for the
// operator, never in logs or journal events.

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"

namespace recirc::complaints {

struct Contact {
  std::optional<std::string> name;
  std::optional<std::string> phone;
};

// Checks the optional name (at most 50 characters) and phone (an 11-digit mainland mobile
// number); errors name contact_name or contact_phone.
Result<Contact> CheckContact(const std::optional<std::string>& name,
                             const std::optional<std::string>& phone);

Result<std::optional<std::string>> Seal(const crypto::FieldCipher& cipher, Random& random,
                                        const std::optional<std::string>& value,
                                        std::string_view field, const std::string& complaint_id);
Result<std::optional<std::string>> Open(const crypto::FieldCipher& cipher,
                                        const std::optional<std::string>& stored,
                                        std::string_view field, const std::string& complaint_id);

// "张三丰" → "张**", "13812345678" → "138****5678".
std::string MaskName(std::string_view name);
std::string MaskPhone(std::string_view phone);

}  // namespace recirc::complaints
