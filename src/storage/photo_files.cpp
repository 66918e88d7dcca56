#include "storage/photo_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "core/private_files.hpp"

namespace recirc::storage {
namespace {

Status SyncPath(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return Error::Internal("cannot open " + path.string() + ": " + std::strerror(errno));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Error::Internal("cannot sync " + path.string() + ": " + std::strerror(errno));
  return Ok();
}

}  // namespace

std::filesystem::path PhotoFiles::PathOf(const std::string& name) const {
  return root_ / name.substr(0, 2) / name;
}

Status PhotoFiles::Put(const std::string& name, std::string_view bytes) const {
  if (name.size() < 3 || name.find('/') != std::string::npos || name.starts_with(".")) {
    return Error::Internal("not a photo file name: " + name);
  }
  const auto path = PathOf(name);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return Ok();
  if (!CreatePrivateDirectories(path.parent_path())) {
    return Error::Internal("cannot create " + path.parent_path().string());
  }
  // Unique per process and thread, so concurrent uploads of the same bytes do not share it.
  const auto temp = path.parent_path() /
                    (".tmp-" + name + "-" + std::to_string(::getpid()) + "-" +
                     std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Error::Internal("cannot write " + temp.string() + ": " + std::strerror(errno));
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink(temp.c_str());
      return Error::Internal("cannot write " + temp.string() + ": " + std::strerror(errno));
    }
    written += static_cast<size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) {
    ::unlink(temp.c_str());
    return Error::Internal("cannot sync " + temp.string());
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    ::unlink(temp.c_str());
    return Error::Internal("cannot rename " + temp.string() + ": " + ec.message());
  }
  return SyncPath(path.parent_path(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

Result<std::string> PhotoFiles::Get(const std::string& name) const {
  std::ifstream in(PathOf(name), std::ios::binary);
  if (!in) return Error::NotFound("photo " + name + " is missing from the photo store");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace recirc::storage
