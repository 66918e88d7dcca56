// Signed notes: the text rules, Sign and Open. Keys are in note_keys.cpp.

#include "tlog/note.hpp"

#include "tlog/hash.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <utility>

namespace recirc::tlog {
namespace {

constexpr std::string_view kSignaturePrefix = "\xE2\x80\x94 ";  // em dash U+2014, space

// Decodes the UTF-8 sequence at s[pos], advancing pos; false for invalid UTF-8 (overlong forms,
// surrogates and values above U+10FFFF included).
bool NextRune(std::string_view s, std::size_t& pos, char32_t& rune) {
  auto byte = [&](std::size_t i) { return static_cast<uint8_t>(s[i]); };
  uint8_t b0 = byte(pos);
  std::size_t length = b0 < 0x80                  ? 1
                       : b0 >= 0xC2 && b0 <= 0xDF ? 2
                       : b0 >= 0xE0 && b0 <= 0xEF ? 3
                       : b0 >= 0xF0 && b0 <= 0xF4 ? 4
                                                  : 0;
  if (length == 0 || pos + length > s.size()) {
    return false;
  }
  rune = length == 1 ? b0 : b0 & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      return false;
    }
    rune = (rune << 6) | (byte(pos + i) & 0x3F);
  }
  if ((length == 3 && rune < 0x800) || (length == 4 && (rune < 0x10000 || rune > 0x10FFFF)) ||
      (rune >= 0xD800 && rune <= 0xDFFF)) {
    return false;
  }
  pos += length;
  return true;
}

// Unicode White_Space, as Go's unicode.IsSpace.
bool IsSpace(char32_t r) {
  return (r >= 0x09 && r <= 0x0D) || r == 0x20 || r == 0x85 || r == 0xA0 || r == 0x1680 ||
         (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F ||
         r == 0x3000;
}

// Valid UTF-8 without control characters other than '\n'.
Status CheckText(std::string_view s, const char* field) {
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t at = pos;
    char32_t rune = 0;
    if (!NextRune(s, pos, rune)) {
      return Error::InvalidArgument(field, "invalid UTF-8 at byte " + std::to_string(at));
    }
    if (rune < 0x20 && rune != '\n') {
      return Error::InvalidArgument(field, "control character at byte " + std::to_string(at));
    }
  }
  return Ok();
}

}  // namespace

bool IsValidKeyName(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  for (std::size_t pos = 0; pos < name.size();) {
    char32_t rune = 0;
    if (!NextRune(name, pos, rune) || IsSpace(rune) || rune == '+') {
      return false;
    }
  }
  return true;
}

bool IsValidNoteText(std::string_view text) { return CheckText(text, "text").has_value(); }

std::string KeyIdHex(uint32_t id) {
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", id);
  return hex;
}

Result<std::string> Sign(std::string_view text, std::span<const Signer> signers) {
  if (text.empty() || text.back() != '\n') {
    return Error::InvalidArgument("text", "note text must be non-empty and end in a newline");
  }
  RECIRC_CHECK(CheckText(text, "text"));
  if (signers.empty()) {
    return Error::InvalidArgument("signers", "a note needs a signature");
  }
  std::string note(text);
  note += '\n';
  for (const Signer& signer : signers) {
    uint32_t id = signer.key_id();
    std::vector<uint8_t> bytes{static_cast<uint8_t>(id >> 24), static_cast<uint8_t>(id >> 16),
                               static_cast<uint8_t>(id >> 8), static_cast<uint8_t>(id)};
    auto signature = signer.SignBytes(AsBytes(text));
    bytes.insert(bytes.end(), signature.begin(), signature.end());
    note += kSignaturePrefix;
    note += signer.name();
    note += ' ';
    note += Base64Encode(bytes);
    note += '\n';
  }
  return note;
}

Result<OpenedNote> Open(std::string_view note, std::span<const Verifier> verifiers) {
  auto malformed = [](std::string why) {
    return Error::InvalidArgument("note", "malformed note: " + std::move(why));
  };
  RECIRC_CHECK(CheckText(note, "note"));
  // The text ends at the last empty line; the text itself may contain empty lines.
  std::size_t split = note.rfind("\n\n");
  if (split == std::string_view::npos) {
    return malformed("no empty line before the signatures");
  }
  OpenedNote opened;
  opened.text = std::string(note.substr(0, split + 1));
  std::string_view block = note.substr(split + 2);
  if (block.empty() || block.back() != '\n') {
    return malformed("no signature lines");
  }

  std::set<std::pair<std::string_view, uint32_t>> seen_known;
  std::set<std::string_view> seen_unknown;
  std::size_t lines = 0;
  while (!block.empty()) {
    std::size_t end = block.find('\n');
    std::string_view line = block.substr(0, end);
    block.remove_prefix(end + 1);
    if (++lines > kMaxNoteSignatures) {
      return malformed("more than " + std::to_string(kMaxNoteSignatures) + " signatures");
    }
    if (!line.starts_with(kSignaturePrefix)) {
      return malformed("signature line " + std::to_string(lines) + " does not start with \"— \"");
    }
    std::string_view rest = line.substr(kSignaturePrefix.size());
    std::size_t space = rest.find(' ');
    std::string_view name = rest.substr(0, space);
    std::string_view b64 = space == std::string_view::npos ? "" : rest.substr(space + 1);
    auto bytes = Base64Decode(b64, "note");
    if (!IsValidKeyName(name) || !bytes || bytes->size() < 5) {
      return malformed("signature line " + std::to_string(lines) + " is not \"— name base64\"");
    }
    uint32_t id = (uint32_t{(*bytes)[0]} << 24) | (uint32_t{(*bytes)[1]} << 16) |
                  (uint32_t{(*bytes)[2]} << 8) | (*bytes)[3];
    NoteSignature signature{std::string(name), id, std::string(b64)};
    auto known = std::find_if(verifiers.begin(), verifiers.end(), [&](const Verifier& v) {
      return v.name() == name && v.key_id() == id;
    });
    if (known == verifiers.end()) {
      if (seen_unknown.insert(line).second) {
        opened.unverified.push_back(std::move(signature));
      }
      continue;
    }
    if (!seen_known.insert({name, id}).second) {
      continue;
    }
    if (!known->Verify(AsBytes(opened.text), std::span(*bytes).subspan(4))) {
      return Error::Unauthenticated("note signature by " + std::string(name) + " (" + KeyIdHex(id) +
                                    ") does not verify");
    }
    opened.verified.push_back(std::move(signature));
  }
  if (opened.verified.empty()) {
    return Error::Unauthenticated("note is not signed by a known key");
  }
  return opened;
}

}  // namespace recirc::tlog
