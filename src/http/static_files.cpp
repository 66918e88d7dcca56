#include "http/static_files.hpp"

#include <zlib.h>

#include <fstream>
#include <sstream>

#include "crypto/token.hpp"

namespace recirc::http {
namespace {

std::string ContentType(const std::string& ext) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".map", "application/json"},
  };
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool Compressible(const std::string& type) {
  return type.starts_with("text/") || type.starts_with("application/json") ||
         type == "image/svg+xml" || type.starts_with("application/manifest");
}

std::optional<std::string> Gzip(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

}  // namespace

Result<StaticFiles> StaticFiles::Load(const std::filesystem::path& root) {
  StaticFiles out;
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    return Error::NotFound("web root " + root.string() + " is not a directory");
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    File f;
    f.body = std::make_shared<const std::string>(buf.str());
    f.content_type = ContentType(entry.path().extension().string());
    f.etag = "\"" + crypto::Sha256Hex(*f.body).substr(0, 32) + "\"";
    const std::string url = "/" + std::filesystem::relative(entry.path(), root).generic_string();
    f.immutable = url.starts_with("/assets/");
    if (Compressible(f.content_type) && f.body->size() >= 1024) {
      if (auto z = Gzip(*f.body); z && z->size() < f.body->size()) {
        f.gzip = std::make_shared<const std::string>(std::move(*z));
      }
    }
    out.files_.emplace(url, std::move(f));
  }
  if (ec) return Error::Internal("cannot read web root: " + ec.message());
  return out;
}

std::optional<Response> StaticFiles::Serve(std::string_view path, std::string_view accept_encoding,
                                           std::string_view if_none_match) const {
  auto it = files_.find(path == "/" ? std::string_view("/index.html") : path);
  if (it == files_.end()) {
    const auto slash = path.rfind('/');
    const bool has_extension =
        path.find('.', slash == std::string_view::npos ? 0 : slash) != std::string_view::npos;
    if (has_extension || path.starts_with("/assets/")) return std::nullopt;
    it = files_.find(std::string_view("/index.html"));
    if (it == files_.end()) return std::nullopt;
  }
  const File& f = it->second;
  Response r;
  r.headers.emplace_back("ETag", f.etag);
  r.headers.emplace_back("Cache-Control",
                         f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.headers.emplace_back("Vary", "Accept-Encoding");
  if (!if_none_match.empty() && if_none_match.find(f.etag) != std::string_view::npos) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.content_type = f.content_type;
  if (f.gzip && accept_encoding.find("gzip") != std::string_view::npos) {
    r.shared_body = f.gzip;
    r.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    r.shared_body = f.body;
  }
  return r;
}

}  // namespace recirc::http
