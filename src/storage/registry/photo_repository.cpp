#include "storage/registry/photo_repository.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "core/private_files.hpp"
#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO acquisition_photos (acquisition_id, sha256, kind, media_type, size_bytes, "
    "encrypted, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (acquisition_id, sha256) DO NOTHING";
constexpr std::string_view kColumns =
    "SELECT acquisition_id, sha256, kind, media_type, size_bytes, encrypted, uploaded_by, "
    "created_at FROM acquisition_photos ";

PhotoRecord ToPhoto(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5) != 0, r.Text(6), r.Int(7)};
}

Status SyncPath(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return Error::Internal("cannot open " + path.string() + ": " + std::strerror(errno));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Error::Internal("cannot sync " + path.string() + ": " + std::strerror(errno));
  return Ok();
}

}  // namespace

Result<bool> PhotoRepository::Insert(Session& s, const PhotoRecord& r) const {
  RECIRC_TRY(int64_t n,
             s.Execute(kInsert, {r.acquisition_id, r.sha256, r.kind, r.media_type, r.size_bytes,
                                 int64_t{r.encrypted ? 1 : 0}, r.uploaded_by, r.created_at}));
  return n > 0;
}

Result<std::vector<PhotoRecord>> PhotoRepository::OfAcquisition(
    Session& s, const std::string& acquisition_id) const {
  return MapRows<PhotoRecord>(
      s.Query(std::string(kColumns) + "WHERE acquisition_id = $1 ORDER BY created_at, sha256",
              {acquisition_id}),
      ToPhoto);
}

Result<std::optional<PhotoRecord>> PhotoRepository::Find(Session& s,
                                                         const std::string& acquisition_id,
                                                         const std::string& sha256) const {
  return MapOptional<PhotoRecord>(
      s.QueryOptional(std::string(kColumns) + "WHERE acquisition_id = $1 AND sha256 = $2",
                      {acquisition_id, sha256}),
      ToPhoto);
}

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
