#pragma once
// Display names are shown beside usernames in audits and lists that police and administrators
// rely on, so they must read as what they are. A display name
//   - is valid UTF-8, trimmed, 1 to 64 code points;
//   - holds no control or format characters (Unicode categories Cc, Cf: this includes the bidi
//     controls U+202A..U+202E, U+2066..U+2069, U+200E/U+200F and zero-width characters) and no
//     line or paragraph separators (Zl, Zp);
//   - holds at least one letter (category L*), so "..." or "123" is not a name;
// and is stored in Unicode NFC (ICU's normaliser), so that equal names are equal bytes.
// Errors name `field`.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::identity {

// The name in NFC, or InvalidArgument naming `field`.
Result<std::string> NormaliseDisplayName(std::string_view value, std::string_view field);

}  // namespace recirc::identity
