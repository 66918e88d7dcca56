#include "core/private_files.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace recirc {

Status CreatePrivateDirectories(const std::filesystem::path& dir) {
  std::error_code ec;
  if (dir.empty() || std::filesystem::is_directory(dir, ec)) return Ok();
  if (dir.has_parent_path() && dir.parent_path() != dir) {
    RECIRC_CHECK(CreatePrivateDirectories(dir.parent_path()));
  }
  if (::mkdir(dir.c_str(), kPrivateDirectoryMode) != 0) {
    if (errno == EEXIST) return Ok();  // made by someone else meanwhile: theirs
    return Error::Unavailable("cannot create " + dir.string() + ": " + std::strerror(errno));
  }
  // mkdir's mode passes through the umask, which may take the owner's bits too; chmod makes the
  // folder exactly 0700.
  ::chmod(dir.c_str(), kPrivateDirectoryMode);
  return Ok();
}

}  // namespace recirc
