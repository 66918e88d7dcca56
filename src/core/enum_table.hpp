#pragma once
// Enum tables: a status or state vocabulary is an enum class with ONE table giving each
// enumerator its wire and database string. ToString and Parse<E> are generated from that table;
// nothing else spells the strings.
//
// To add a vocabulary, next to the enum (in the owning context's statuses.hpp):
//   enum class OfferStatus { kDraft, kPublished };
//   inline constexpr EnumTable<OfferStatus, 2> kOfferStatusTable{
//       "offer status", {{{OfferStatus::kDraft, "draft"}, {OfferStatus::kPublished,
//       "published"}}}};
//   constexpr const auto& EnumTableOf(OfferStatus) { return kOfferStatusTable; }
// EnumTableOf is found by argument-dependent lookup.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/error.hpp"

namespace recirc {

template <class E, std::size_t N>
struct EnumTable {
  std::string_view what;  // "offer status": for error messages
  std::array<std::pair<E, std::string_view>, N> entries;
};

template <class E>
concept TabledEnum = std::is_enum_v<E> && requires(E e) {
  EnumTableOf(e);
};

// The enumerator's wire and database string.
template <TabledEnum E>
std::string ToString(E value) {
  for (const auto& [e, text] : EnumTableOf(value).entries) {
    if (e == value) return std::string(text);
  }
  return "unknown";  // only for a value cast from an integer outside the enum
}

// The enumerator spelled `text` (exactly, as ToString writes it); else kInvalidArgument naming
// `field` and listing the accepted strings.
template <TabledEnum E>
Result<E> Parse(std::string_view text, std::string_view field) {
  const auto& table = EnumTableOf(E{});
  std::string accepted;
  for (const auto& [e, name] : table.entries) {
    if (name == text) return e;
    if (!accepted.empty()) accepted += ", ";
    accepted += name;
  }
  return Error::InvalidArgument(std::string(field),
                                "the " + std::string(table.what) + " is one of " + accepted);
}

// For strings read back from the database, which only ever holds what ToString wrote: an unknown
// string is a damaged database, a programmer's mistake, so Result::value() throws.
template <TabledEnum E>
E ParseStored(std::string_view text, std::string_view column) {
  return Parse<E>(text, column).value();
}

}  // namespace recirc
