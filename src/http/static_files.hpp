#pragma once
// StaticFiles: the built web application (web/dist), loaded into memory at start-up.
//
// Caching: files under /assets/ carry a content hash in their names (Vite), so they are served
// "public, max-age=31536000, immutable"; everything else (index.html) "no-cache" with an ETag, so
// a new release is picked up at once. Text files of 1 KiB or more are gzip-compressed once at
// load and sent compressed to clients that accept gzip. Paths without a file extension fall back
// to index.html (the single-page app's own router handles them).

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "http/response.hpp"

namespace recirc::http {

class StaticFiles {
 public:
  static Result<StaticFiles> Load(const std::filesystem::path& root);
  // nullopt when no file (and no SPA fallback) applies.
  std::optional<Response> Serve(std::string_view path, std::string_view accept_encoding,
                                std::string_view if_none_match) const;
  size_t size() const { return files_.size(); }

 private:
  struct File {
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzip;  // null when not worth compressing
    std::string content_type;
    std::string etag;
    bool immutable = false;
  };
  std::map<std::string, File, std::less<>> files_;  // key: URL path, e.g. "/assets/app-x1.js"
};

}  // namespace recirc::http
