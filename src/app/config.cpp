#include "app/config.h"

#include <charconv>
#include <functional>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/text.h"
#include "storage/database.h"

extern char** environ;

namespace samskab::app {
namespace {

using Apply = std::function<Status(Config&, const std::string&)>;

struct Setting {
  const char* key;
  const char* help;
  Apply apply;
};

Apply Integer(int Config::*field, int min, int max) {
  return [=](Config& config, const std::string& value) -> Status {
    int parsed = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec != std::errc() || end != value.data() + value.size() || parsed < min || parsed > max) {
      return InvalidArgument(
          fmt::format("must be a whole number from {} to {} (got \"{}\")", min, max, value));
    }
    config.*field = parsed;
    return Status::Ok();
  };
}

Apply Boolean(bool Config::*field) {
  return [=](Config& config, const std::string& value) -> Status {
    const std::string lower = text::ToLower(value);
    if (lower == "true" || lower == "1" || lower == "yes") {
      config.*field = true;
    } else if (lower == "false" || lower == "0" || lower == "no") {
      config.*field = false;
    } else {
      return InvalidArgument(fmt::format("must be true or false (got \"{}\")", value));
    }
    return Status::Ok();
  };
}

Apply Text(std::string Config::*field, const std::function<Status(const std::string&)>& check = {}) {
  return [=](Config& config, const std::string& value) -> Status {
    if (check) SAMSKAB_RETURN_IF_ERROR(check(value));
    config.*field = value;
    return Status::Ok();
  };
}

Status CheckListen(const std::string& value) {
  const size_t colon = value.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return InvalidArgument(fmt::format("must be HOST:PORT, such as 127.0.0.1:8080 (got \"{}\")", value));
  }
  int port = -1;
  const std::string_view digits(value.data() + colon + 1, value.size() - colon - 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc() || end != digits.data() + digits.size() || port < 0 || port > 65535) {
    return InvalidArgument(fmt::format("port must be a number from 0 to 65535 (got \"{}\")", digits));
  }
  return Status::Ok();
}

Status CheckDatabaseUrl(const std::string& value) {
  auto parsed = storage::ParseDatabaseUrl(value);
  if (!parsed.ok())
    return InvalidArgument(parsed.status().log_message() + fmt::format(" (got \"{}\")", value));
  return Status::Ok();
}

Status CheckLogLevel(const std::string& value) {
  for (const char* level : {"trace", "debug", "info", "warn", "error", "off"}) {
    if (value == level) return Status::Ok();
  }
  return InvalidArgument(fmt::format("must be trace, debug, info, warn, error or off (got \"{}\")", value));
}

// A platform municipality code: a Danish code ("0190") or "no-" and a Norwegian kommunenummer
// ("no-0301"); see docs/decisions/0004-municipality-keys.md.
Status CheckMunicipalityCode(const std::string& value) {
  const std::string_view digits =
      value.rfind("no-", 0) == 0 ? std::string_view(value).substr(3) : std::string_view(value);
  if (digits.size() != 4 || digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return InvalidArgument(fmt::format(
        "must be a four-digit municipality code such as 0190, or no- and a Norwegian one such as no-0301 "
        "(got \"{}\")",
        value));
  }
  return Status::Ok();
}

Status CheckPublicUrl(const std::string& value) {
  const bool scheme = value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0;
  if (!scheme || value.back() == '/' || value.find_first_of(" \"<>") != std::string::npos) {
    return InvalidArgument(fmt::format(
        "must be http(s)://host[:port] without a trailing slash, such as https://samskab.furesoe.dk "
        "(got \"{}\")",
        value));
  }
  return Status::Ok();
}

Status CheckPasswordCost(const std::string& value) {
  if (value == "interactive" || value == "minimal") return Status::Ok();
  return InvalidArgument(fmt::format("must be interactive or minimal (got \"{}\")", value));
}

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> kSettings = {
      {"database.url", "sqlite:PATH or postgresql://…", Text(&Config::database_url, CheckDatabaseUrl)},
      {"database.pool_size", "database connections per process (1-256)",
       Integer(&Config::database_pool_size, 1, 256)},
      {"server.listen", "HOST:PORT to serve on", Text(&Config::server_listen, CheckListen)},
      {"server.io_threads", "threads doing network I/O (1-64)", Integer(&Config::server_io_threads, 1, 64)},
      {"server.worker_threads", "threads for database work, pages and hashing (1-256)",
       Integer(&Config::server_worker_threads, 1, 256)},
      {"server.hash_threads",
       "threads for password hashing at login (1-64); each hash holds 64 MiB while it runs",
       Integer(&Config::server_hash_threads, 1, 64)},
      {"server.header_limit_bytes", "largest request header (1024-1048576)",
       Integer(&Config::server_header_limit_bytes, 1024, 1 << 20)},
      {"server.body_limit_bytes", "largest request body (1024-1073741824)",
       Integer(&Config::server_body_limit_bytes, 1024, 1 << 30)},
      {"server.request_timeout_ms", "time for a whole request to arrive; idle keep-alive limit (100-600000)",
       Integer(&Config::server_request_timeout_ms, 100, 600000)},
      {"server.shutdown_timeout_ms", "time to finish requests in flight at shutdown (0-600000)",
       Integer(&Config::server_shutdown_timeout_ms, 0, 600000)},
      {"server.trust_forwarded", "take the client address from X-Forwarded-For (behind nginx)",
       Boolean(&Config::server_trust_forwarded)},
      {"server.secure_cookies", "mark cookies Secure (when served over TLS)",
       Boolean(&Config::server_secure_cookies)},
      {"log.level", "trace, debug, info, warn, error or off", Text(&Config::log_level, CheckLogLevel)},
      {"log.file", "log file, or - for standard error", Text(&Config::log_file)},
      {"site.municipality", "code of the municipality this instance presents",
       Text(&Config::site_municipality, CheckMunicipalityCode)},
      {"site.assets_dir", "directory holding node_modules/ and assets/", Text(&Config::site_assets_dir)},
      {"site.public_url",
       "the address users reach the platform at, for links in e-mails (http(s)://host[:port])",
       Text(&Config::site_public_url, CheckPublicUrl)},
      {"auth.session_hours", "longest life of a login session in hours (1-720)",
       Integer(&Config::auth_session_hours, 1, 720)},
      {"auth.idle_minutes", "a session ends after this many minutes without a request (5-10080)",
       Integer(&Config::auth_idle_minutes, 5, 10080)},
      {"auth.session_cache_ms",
       "how long an instance reuses a session it read, in ms (0-60000); changes through other instances wait "
       "this long",
       Integer(&Config::auth_session_cache_ms, 0, 60000)},
      {"auth.password_cost", "argon2id limits: interactive (production) or minimal (tests only)",
       Text(&Config::auth_password_cost, CheckPasswordCost)},
  };
  return kSettings;
}

std::string EnvironmentName(const std::string& key) {
  std::string name = "SAMSKAB_";
  for (const char c : key) name.push_back(c == '.' ? '_' : static_cast<char>(std::toupper(c)));
  return name;
}

}  // namespace

std::string Config::ListenHost() const { return server_listen.substr(0, server_listen.rfind(':')); }
int Config::ListenPort() const { return std::stoi(server_listen.substr(server_listen.rfind(':') + 1)); }

std::vector<std::pair<std::string, std::string>> SettingKeys() {
  std::vector<std::pair<std::string, std::string>> keys;
  for (const auto& setting : Settings()) keys.emplace_back(setting.key, setting.help);
  return keys;
}

Status ApplySetting(Config& config, const std::string& key, const std::string& value,
                    const std::string& source) {
  for (const auto& setting : Settings()) {
    if (key != setting.key) continue;
    Status status = setting.apply(config, value);
    if (!status.ok()) {
      return InvalidArgument(fmt::format("configuration {} ({}): {}", key, source, status.log_message()));
    }
    return Status::Ok();
  }
  return InvalidArgument(fmt::format("configuration {} ({}): unknown setting", key, source));
}

Status ApplyToml(Config& config, const std::string& toml_text, const std::string& file_name) {
  toml::table parsed;
  try {
    parsed = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& error) {
    return InvalidArgument(fmt::format("configuration file {}: {} at line {}", file_name, error.description(),
                                       error.source().begin.line));
  }
  for (const auto& [section, node] : parsed) {
    const auto* table = node.as_table();
    if (!table) {
      return InvalidArgument(fmt::format("configuration file {}: {} must be a section like [{}]", file_name,
                                         section.str(), section.str()));
    }
    for (const auto& [name, value] : *table) {
      const std::string key = fmt::format("{}.{}", section.str(), name.str());
      std::string text_value;
      if (const auto* s = value.as_string()) {
        text_value = s->get();
      } else if (const auto* i = value.as_integer()) {
        text_value = std::to_string(i->get());
      } else if (const auto* b = value.as_boolean()) {
        text_value = b->get() ? "true" : "false";
      } else {
        return InvalidArgument(
            fmt::format("configuration {} (file {}): must be a string, number or boolean", key, file_name));
      }
      SAMSKAB_RETURN_IF_ERROR(ApplySetting(config, key, text_value, "file " + file_name));
    }
  }
  return Status::Ok();
}

Status ApplyEnvironment(Config& config, const std::map<std::string, std::string>& environment) {
  for (const auto& setting : Settings()) {
    const std::string name = EnvironmentName(setting.key);
    auto found = environment.find(name);
    if (found == environment.end()) continue;
    SAMSKAB_RETURN_IF_ERROR(ApplySetting(config, setting.key, found->second, "environment " + name));
  }
  return Status::Ok();
}

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> out;
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string_view item(*entry);
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    out.emplace(std::string(item.substr(0, eq)), std::string(item.substr(eq + 1)));
  }
  return out;
}

}  // namespace samskab::app
