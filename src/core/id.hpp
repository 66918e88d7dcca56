#pragma once
// Ids: 128-bit, time-ordered (UUIDv7 layout: 48-bit Unix milliseconds, version, random bits),
// written on the wire and in the database as 26 characters of Crockford base32, which sort in
// time order. StrongId<Tag> keeps an OrganisationId from being passed where a UserId belongs.

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/random.hpp"

namespace recirc {

class Id {
 public:
  Id() = default;
  static Id Generate(const Clock& clock, Random& random);
  // Accepts upper or lower case and Crockford's aliases (O→0, I/L→1); rejects anything else,
  // naming `field` in the error.
  static Result<Id> Parse(std::string_view text, std::string_view field);
  std::string ToString() const;
  const std::array<uint8_t, 16>& bytes() const { return bytes_; }
  bool IsNil() const;
  int64_t UnixMillis() const;
  auto operator<=>(const Id&) const = default;

 private:
  std::array<uint8_t, 16> bytes_{};
};

template <class Tag>
class StrongId {
 public:
  StrongId() = default;
  explicit StrongId(Id id) : id_(id) {}
  static StrongId Generate(const Clock& clock, Random& random) {
    return StrongId(Id::Generate(clock, random));
  }
  static Result<StrongId> Parse(std::string_view text, std::string_view field) {
    auto id = Id::Parse(text, field);
    if (!id) return id.error();
    return StrongId(*id);
  }
  // For an id read back from the database or from a record a service returned, which only ever
  // holds what ToString wrote: a malformed one is a damaged database or a programmer's mistake,
  // so Result::value() throws (as ParseStored does for enums, core/enum_table.hpp).
  static StrongId Stored(std::string_view text) { return Parse(text, "id").value(); }
  std::string ToString() const { return id_.ToString(); }
  const Id& id() const { return id_; }
  bool IsNil() const { return id_.IsNil(); }
  auto operator<=>(const StrongId&) const = default;

 private:
  Id id_;
};

}  // namespace recirc
