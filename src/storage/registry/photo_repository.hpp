#pragma once
// Photos of acquisitions: the metadata rows (SQL) and the content-addressed files under
// <data_dir>/photos/ (PhotoFiles). Bytes that are personal data (ID document images) arrive here
// already encrypted; this layer never sees them in plaintext.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct PhotoRecord {
  std::string acquisition_id;
  std::string sha256;  // of the image itself (before any encryption), lower-case hex
  std::string kind;    // item, id_document
  std::string media_type;
  int64_t size_bytes = 0;
  bool encrypted = false;
  std::string uploaded_by;
  int64_t created_at = 0;
};

class PhotoRepository {
 public:
  // Inserts unless the acquisition already has this photo; true if a row was added.
  Result<bool> Insert(Session& s, const PhotoRecord& r) const;
  Result<std::vector<PhotoRecord>> OfAcquisition(Session& s,
                                                 const std::string& acquisition_id) const;
  Result<std::optional<PhotoRecord>> Find(Session& s, const std::string& acquisition_id,
                                          const std::string& sha256) const;
};

// Content-addressed files: <root>/<first two hex digits>/<sha256>[.enc]. A file is written to a
// temporary name, flushed to disk (fsync), then renamed into place and the directory synced, so a
// reader sees a whole file or none. Writing a name that already exists does nothing (the name is
// the content's hash, so the bytes are the same).
class PhotoFiles {
 public:
  explicit PhotoFiles(std::filesystem::path root) : root_(std::move(root)) {}
  Status Put(const std::string& name, std::string_view bytes) const;
  Result<std::string> Get(const std::string& name) const;
  std::filesystem::path PathOf(const std::string& name) const;

 private:
  std::filesystem::path root_;
};

}  // namespace recirc::storage
