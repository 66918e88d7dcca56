#pragma once
// The node's own files hold personal data (the SQLite database, photos of ID cards and items,
// the search index, the police reports): folders it creates are 0700, files 0600, whatever the
// process umask. Folders that already exist are left as the operator made them.

#include <filesystem>

#include "core/error.hpp"

namespace recirc {

inline constexpr unsigned kPrivateDirectoryMode = 0700;
inline constexpr unsigned kPrivateFileMode = 0600;

// Like std::filesystem::create_directories, but every folder it creates is owner-only.
Status CreatePrivateDirectories(const std::filesystem::path& dir);

}  // namespace recirc
