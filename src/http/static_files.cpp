#include "http/static_files.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

#include "core/random.h"
#include "core/text.h"

namespace samskab::http {
namespace {

constexpr std::uintmax_t kMaxAssetBytes = std::uintmax_t{8} * 1024 * 1024;

struct TypeInfo {
  std::string_view extension;
  std::string_view content_type;
  bool compressible;
};
constexpr TypeInfo kTypes[] = {
    {".css", "text/css; charset=utf-8", true},
    {".js", "text/javascript; charset=utf-8", true},
    {".map", "application/json", true},
    {".json", "application/json", true},
    {".svg", "image/svg+xml", true},
    {".txt", "text/plain; charset=utf-8", true},
    {".woff2", "font/woff2", false},
    {".woff", "font/woff", false},
    {".ttf", "font/ttf", true},
    {".png", "image/png", false},
    {".ico", "image/x-icon", true},
    {".webp", "image/webp", false},
};

const TypeInfo* TypeFor(std::string_view path) {
  for (const auto& type : kTypes) {
    if (path.size() > type.extension.size() &&
        path.substr(path.size() - type.extension.size()) == type.extension) {
      return &type;
    }
  }
  return nullptr;
}

// Every segment must be a plain name: no empty, ".", ".." or hidden segments, no backslashes.
bool IsSafeRelativePath(std::string_view path) {
  if (path.empty() || path.size() > 512) return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view segment = path.substr(start, slash - start);
    if (segment.empty() || segment.front() == '.') return false;
    if (segment.find_first_of("\\:\0", 0, 3) != std::string_view::npos) return false;
    start = slash + 1;
  }
  return true;
}

}  // namespace

std::string Gzip(std::string_view data) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return rc == Z_STREAM_END ? out : std::string{};
}

AssetStore::AssetStore(std::vector<Mount> mounts) : mounts_(std::move(mounts)) {}

std::shared_ptr<const AssetStore::Asset> AssetStore::Load(std::string_view logical_path) {
  {
    std::shared_lock lock(mutex_);
    auto found = cache_.find(logical_path);
    if (found != cache_.end()) return found->second;
  }
  if (!IsSafeRelativePath(logical_path)) return nullptr;
  const size_t slash = logical_path.find('/');
  if (slash == std::string_view::npos) return nullptr;
  const std::string_view mount_name = logical_path.substr(0, slash);
  const std::string_view relative = logical_path.substr(slash + 1);
  const TypeInfo* type = TypeFor(relative);
  if (!type) return nullptr;
  for (const Mount& mount : mounts_) {
    if (mount.name != mount_name) continue;
    std::error_code ec;
    const auto root = std::filesystem::canonical(mount.directory, ec);
    if (ec) return nullptr;
    const auto file = std::filesystem::canonical(root / std::filesystem::path(relative), ec);
    if (ec) return nullptr;
    // Symbolic links must not lead out of the mount.
    const auto [root_end, file_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    if (root_end != root.end()) return nullptr;
    if (!std::filesystem::is_regular_file(file, ec) ||
        std::filesystem::file_size(file, ec) > kMaxAssetBytes) {
      return nullptr;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in.good() && !in.eof()) return nullptr;
    auto asset = std::make_shared<Asset>();
    auto bytes = std::make_shared<const std::string>(content.str());
    asset->hash = ContentHash(*bytes, 16);
    asset->etag = "\"" + asset->hash + "\"";
    asset->content_type = std::string(type->content_type);
    if (type->compressible && bytes->size() > 1024) {
      std::string gz = Gzip(*bytes);
      // Keep the variant only when it saves at least a tenth.
      if (!gz.empty() && gz.size() < bytes->size() * 9 / 10) {
        asset->gzip = std::make_shared<const std::string>(std::move(gz));
      }
    }
    asset->bytes = std::move(bytes);
    std::unique_lock lock(mutex_);
    auto [it, inserted] = cache_.emplace(std::string(logical_path), std::move(asset));
    return it->second;
  }
  return nullptr;
}

bool AssetStore::Preload(std::string_view logical_path) { return Load(logical_path) != nullptr; }

std::string AssetStore::Url(std::string_view logical_path) {
  auto asset = Load(logical_path);
  std::string url = "/static/" + std::string(logical_path);
  if (asset) url += "?v=" + asset->hash;
  return url;
}

namespace {
// True when Accept-Encoding lists gzip (or *) without q=0.
bool AcceptsGzip(std::string_view accept_encoding) {
  while (!accept_encoding.empty()) {
    const size_t comma = accept_encoding.find(',');
    std::string_view item = text::Trim(accept_encoding.substr(0, comma));
    accept_encoding =
        comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    const size_t semicolon = item.find(';');
    const std::string_view coding = text::Trim(item.substr(0, semicolon));
    if (coding != "gzip" && coding != "*") continue;
    if (semicolon == std::string_view::npos) return true;
    std::string_view q = text::Trim(item.substr(semicolon + 1));
    return !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000");
  }
  return false;
}
}  // namespace

Response AssetStore::Serve(const Request& request) {
  auto asset = Load(request.PathParam("path"));
  Response response;
  if (!asset) {
    response.status = 404;
    return response;  // the caller renders the error page
  }
  response.headers.Add("Content-Type", asset->content_type);
  response.headers.Add("ETag", asset->etag);
  const auto params = text::ParseUrlEncoded(request.query);
  const bool versioned = params && text::Find(*params, "v") == std::optional<std::string_view>(asset->hash);
  response.headers.Add("Cache-Control",
                       versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
  if (asset->gzip) response.headers.Add("Vary", "Accept-Encoding");
  if (request.headers.Get("If-None-Match") == asset->etag) {
    response.status = 304;
    return response;
  }
  if (asset->gzip && AcceptsGzip(request.headers.Get("Accept-Encoding"))) {
    response.headers.Add("Content-Encoding", "gzip");
    response.shared_body = asset->gzip;
  } else {
    response.shared_body = asset->bytes;
  }
  return response;
}

}  // namespace samskab::http
