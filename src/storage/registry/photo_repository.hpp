#pragma once
// Photos of acquisitions: the metadata rows (SQL); the bytes are content-addressed files under
// <data_dir>/photos/ (storage/photo_files.hpp). Bytes that are personal data (ID document images)
// arrive here already encrypted; this layer never sees them in plaintext.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/photo_files.hpp"  // the files behind the rows

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

}  // namespace recirc::storage
