// samskab's configuration: defaults, then a TOML file (--config), then SAMSKAB_* environment
// variables, then command-line flags. Every source goes through one table of settings, so a
// bad value is reported the same way from anywhere: the key, the source, and what is wrong.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace samskab::app {

struct Config {
  // [database]
  std::string database_url = "sqlite:samskab.db";
  int database_pool_size = 8;
  // [server]
  std::string server_listen = "127.0.0.1:8080";
  int server_io_threads = 1;
  int server_worker_threads = 4;
  int server_hash_threads = 1;
  int server_header_limit_bytes = 16 * 1024;
  // The CSV import takes files up to 10 MiB (api/collaboration_import.h) inside a multipart body.
  int server_body_limit_bytes = 12 * 1024 * 1024;
  int server_request_timeout_ms = 10000;
  int server_shutdown_timeout_ms = 20000;
  bool server_trust_forwarded = false;
  bool server_secure_cookies = false;
  // [log]
  std::string log_level = "info";
  std::string log_file = "-";
  // [site]
  std::string site_municipality = "0190";  // the municipality whose pages this instance shows
  std::string site_assets_dir;             // repository root with node_modules/ and assets/; empty: find it
  std::string site_public_url = "http://127.0.0.1:8080";  // the address users reach; links in e-mails
  // [auth]
  int auth_session_hours = 12;  // a login lasts this long at most
  int auth_idle_minutes = 120;  // and ends after this long without a request
  std::string auth_password_cost = "interactive";
  int auth_session_cache_ms = 1000;  // a read session is reused this long (0: read every time)  // argon2id
                                     // limits: interactive, or minimal (tests only)

  // Host and port of server_listen (validated when set).
  std::string ListenHost() const;
  int ListenPort() const;
};

// The setting keys, "server.listen", with their help text (for --help and the docs).
std::vector<std::pair<std::string, std::string>> SettingKeys();

// Applies one setting by key. `source` names where it came from, for the message.
Status ApplySetting(Config& config, const std::string& key, const std::string& value,
                    const std::string& source);

// Applies a TOML document. Unknown keys are errors (a typo must not be silently ignored).
Status ApplyToml(Config& config, const std::string& toml_text, const std::string& file_name);

// Applies SAMSKAB_<SECTION>_<KEY> variables from `environment` (name -> value).
Status ApplyEnvironment(Config& config, const std::map<std::string, std::string>& environment);

// The process environment as a map.
std::map<std::string, std::string> ProcessEnvironment();

}  // namespace samskab::app
