#pragma once
// The photo store shared by every context (acquisition photos, offer and order photos):
// content-addressed files under <data_dir>/photos/. Bytes that are personal data (ID document
// images) arrive here already encrypted; this layer never sees them in plaintext.

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::storage {

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
