// Static assets (the dkfds design system, htmx, our own CSS and JS), served from a few
// directories ("mounts") under /static/<mount>/<path>.
//
// Each file is read once, on first use, and kept in memory with its content hash and, for
// text types, a gzip variant. Pages link assets through Url(), which appends the content
// hash ("?v=…"): such URLs are cached for a year, others revalidate with the ETag.
// Only files below a mount, with a known type, are served: no dot-files, no "..".
// Thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace samskab::http {

struct Mount {
  std::string name;  // "dkfds"
  std::filesystem::path directory;
};

class AssetStore {
 public:
  explicit AssetStore(std::vector<Mount> mounts);

  // "/static/dkfds/css/dkfds.min.css?v=1a2b3c4d5e6f"; without a hash when the file is missing.
  std::string Url(std::string_view logical_path);
  // Serves request.PathParam("path") ("dkfds/css/dkfds.min.css"); 404 for anything not servable.
  Response Serve(const Request& request);
  // Loads the file now (start-up warming of the assets every page uses).
  bool Preload(std::string_view logical_path);

  struct Asset {
    std::shared_ptr<const std::string> bytes;
    std::shared_ptr<const std::string> gzip;  // null when compression does not help
    std::string content_type;
    std::string hash;  // 16 hex characters of BLAKE2b
    std::string etag;  // "\"<hash>\""
  };

 private:
  std::shared_ptr<const Asset> Load(std::string_view logical_path);

  std::vector<Mount> mounts_;
  std::shared_mutex mutex_;
  std::map<std::string, std::shared_ptr<const Asset>, std::less<>> cache_;
};

// The gzip encoding of `data` (zlib, best compression).
std::string Gzip(std::string_view data);

}  // namespace samskab::http
