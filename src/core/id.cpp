#include "core/id.hpp"

namespace recirc {
namespace {
__extension__ typedef unsigned __int128 Uint128;
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int DecodeChar(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') return 0;
  if (c == 'I' || c == 'L') return 1;
  for (int i = 0; i < 32; ++i) {
    if (kAlphabet[i] == c) return i;
  }
  return -1;
}
}  // namespace

Id Id::Generate(const Clock& clock, Random& random) {
  Id id;
  const uint64_t ms = static_cast<uint64_t>(ToUnixMillis(clock.Now()));
  for (int i = 0; i < 6; ++i) id.bytes_[i] = static_cast<uint8_t>(ms >> (8 * (5 - i)));
  random.Fill(std::span<uint8_t>(id.bytes_.data() + 6, 10));
  id.bytes_[6] = static_cast<uint8_t>((id.bytes_[6] & 0x0F) | 0x70);  // version 7
  id.bytes_[8] = static_cast<uint8_t>((id.bytes_[8] & 0x3F) | 0x80);  // RFC 9562 variant
  return id;
}

std::string Id::ToString() const {
  // 128 bits as 26 base32 digits, most significant first; the first digit carries 3 bits.
  std::string out(26, '0');
  Uint128 v = 0;
  for (uint8_t b : bytes_) v = (v << 8) | b;
  for (int i = 25; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kAlphabet[static_cast<int>(v & 31)];
    v >>= 5;
  }
  return out;
}

Result<Id> Id::Parse(std::string_view text, std::string_view field) {
  if (text.size() != 26) {
    return Error::InvalidArgument(std::string(field), "an id has 26 characters");
  }
  Uint128 v = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const int d = DecodeChar(text[i]);
    if (d < 0)
      return Error::InvalidArgument(std::string(field), "an id is written in Crockford base32");
    if (i == 0 && d > 7) return Error::InvalidArgument(std::string(field), "an id is out of range");
    v = (v << 5) | static_cast<unsigned>(d);
  }
  Id id;
  for (int i = 15; i >= 0; --i) {
    id.bytes_[static_cast<size_t>(i)] = static_cast<uint8_t>(v & 0xFF);
    v >>= 8;
  }
  return id;
}

bool Id::IsNil() const {
  for (uint8_t b : bytes_) {
    if (b != 0) return false;
  }
  return true;
}

int64_t Id::UnixMillis() const {
  uint64_t ms = 0;
  for (int i = 0; i < 6; ++i) ms = (ms << 8) | bytes_[static_cast<size_t>(i)];
  return static_cast<int64_t>(ms);
}

}  // namespace recirc
