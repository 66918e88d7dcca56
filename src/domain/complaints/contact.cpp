#include "domain/complaints/contact.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/identity/text.hpp"

namespace recirc::complaints {
namespace {

std::string Context(std::string_view field, const std::string& complaint_id) {
  return fmt::format("complaint.{}:{}", field, complaint_id);
}

// The length in bytes of the UTF-8 sequence that starts with `lead`.
size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  return 4;
}

}  // namespace

Result<Contact> CheckContact(const std::optional<std::string>& name,
                             const std::optional<std::string>& phone) {
  Contact c;
  if (name && !name->empty()) {
    RECIRC_CHECK(identity::CheckText(*name, "contact_name", 50));
    c.name = *name;
  }
  if (phone && !phone->empty()) {
    const bool digits =
        std::all_of(phone->begin(), phone->end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (phone->size() != 11 || (*phone)[0] != '1' || !digits) {
      return Error::InvalidArgument("contact_phone", "an 11-digit mobile number starting with 1")
          .Id("complaint.bad_phone");
    }
    c.phone = *phone;
  }
  return c;
}

Result<std::optional<std::string>> Seal(const crypto::FieldCipher& cipher, Random& random,
                                        const std::optional<std::string>& value,
                                        std::string_view field, const std::string& complaint_id) {
  if (!value) return std::optional<std::string>();
  RECIRC_TRY(std::string sealed, cipher.Encrypt(*value, Context(field, complaint_id), random));
  return std::optional<std::string>(std::move(sealed));
}

Result<std::optional<std::string>> Open(const crypto::FieldCipher& cipher,
                                        const std::optional<std::string>& stored,
                                        std::string_view field, const std::string& complaint_id) {
  if (!stored) return std::optional<std::string>();
  RECIRC_TRY(std::string plain, cipher.Decrypt(*stored, Context(field, complaint_id)));
  return std::optional<std::string>(std::move(plain));
}

std::string MaskName(std::string_view name) {
  if (name.empty()) return {};
  const size_t first = std::min(name.size(), SequenceLength(static_cast<unsigned char>(name[0])));
  size_t rest = 0;
  for (size_t i = first; i < name.size();
       i += SequenceLength(static_cast<unsigned char>(name[i]))) {
    ++rest;
  }
  return std::string(name.substr(0, first)) + std::string(std::max<size_t>(rest, 1), '*');
}

std::string MaskPhone(std::string_view phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return fmt::format("{}****{}", phone.substr(0, 3), phone.substr(phone.size() - 4));
}

}  // namespace recirc::complaints
