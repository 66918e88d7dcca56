#include "app/config.hpp"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <set>

#include "http/client_address.hpp"

namespace recirc::app {
namespace {

Error ConfigError(const std::string& key, const std::string& message) {
  return Error::InvalidArgument(key, "config " + key + ": " + message);
}

Status CheckKeys(const toml::table& table, const std::string& prefix,
                 const std::set<std::string, std::less<>>& known) {
  for (const auto& [key, value] : table) {
    const std::string name = prefix + std::string(key.str());
    if (!known.contains(key.str())) return ConfigError(name, "unknown setting");
  }
  return Ok();
}

template <class T>
Status Read(const toml::table& t, std::string_view key, const std::string& prefix, T& out) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return Ok();
  auto v = node->value<T>();
  if (!v) return ConfigError(prefix + std::string(key), "has the wrong type");
  out = *v;
  return Ok();
}

// [server] trusted_proxies = ["127.0.0.1", ...]: exact IPv4 or IPv6 addresses.
Status ReadTrustedProxies(const toml::table& server, std::vector<std::string>& out) {
  const toml::node* node = server.get("trusted_proxies");
  if (node == nullptr) return Ok();
  const auto* list = node->as_array();
  if (list == nullptr) return ConfigError("server.trusted_proxies", "is a list of IP addresses");
  out.clear();
  for (const auto& entry : *list) {
    auto text = entry.value<std::string>();
    if (!text || !http::IsIpAddress(*text)) {
      return ConfigError("server.trusted_proxies", "is a list of IP addresses");
    }
    out.push_back(*text);
  }
  return Ok();
}

// [registry]: hold_days (every item) and [[registry.hold]] rules by category and region prefix.
Status ApplyRegistry(const toml::table& reg, Config& c) {
  RECIRC_CHECK(CheckKeys(reg, "registry.", {"hold_days", "hold", "retention_years", "report_dir"}));
  if (reg.contains("report_dir")) {
    std::string dir;
    RECIRC_CHECK(Read(reg, "report_dir", "registry.", dir));
    if (dir.empty()) return ConfigError("registry.report_dir", "is a directory path");
    c.report_dir = dir;
  }
  RECIRC_CHECK(Read(reg, "retention_years", "registry.", c.retention_years));
  if (c.retention_years < 2 || c.retention_years > 100) {
    return ConfigError("registry.retention_years",
                       "registers are kept 2 to 100 years (at least 2 by law)");
  }
  RECIRC_CHECK(Read(reg, "hold_days", "registry.", c.hold_policy.default_days));
  if (const toml::node* node = reg.get("hold")) {
    const auto* rules = node->as_array();
    if (rules == nullptr)
      return ConfigError("registry.hold", "is an array of tables [[registry.hold]]");
    for (size_t i = 0; i < rules->size(); ++i) {
      const std::string prefix = "registry.hold[" + std::to_string(i) + "].";
      const auto* t = (*rules)[i].as_table();
      if (t == nullptr)
        return ConfigError("registry.hold", "is an array of tables [[registry.hold]]");
      RECIRC_CHECK(CheckKeys(*t, prefix, {"category", "region_prefix", "days"}));
      registry::HoldRule rule;
      RECIRC_CHECK(Read(*t, "category", prefix, rule.category));
      RECIRC_CHECK(Read(*t, "region_prefix", prefix, rule.region_prefix));
      if (!t->contains("days")) return ConfigError(prefix + "days", "is required");
      RECIRC_CHECK(Read(*t, "days", prefix, rule.days));
      c.hold_policy.rules.push_back(std::move(rule));
    }
  }
  if (Status st = c.hold_policy.Validate("registry"); !st) {
    return ConfigError(st.error().field, st.error().message);
  }
  return Ok();
}

// An array of tables, each read by `read(table, prefix)`.
template <class F>
Status ReadTables(const toml::table& parent, std::string_view key, const std::string& name,
                  F&& read) {
  const toml::node* node = parent.get(key);
  if (node == nullptr) return Ok();
  const auto* list = node->as_array();
  if (list == nullptr) return ConfigError(name, "is an array of tables [[" + name + "]]");
  for (size_t i = 0; i < list->size(); ++i) {
    const auto* t = (*list)[i].as_table();
    if (t == nullptr) return ConfigError(name, "is an array of tables [[" + name + "]]");
    RECIRC_CHECK(read(*t, name + "[" + std::to_string(i) + "]."));
  }
  return Ok();
}

Status Required(const toml::table& t, std::string_view key, const std::string& prefix,
                std::string& out) {
  if (!t.contains(key)) return ConfigError(prefix + std::string(key), "is required");
  RECIRC_CHECK(Read(t, key, prefix, out));
  if (out.empty()) return ConfigError(prefix + std::string(key), "must not be empty");
  return Ok();
}

// [[witness.log]] origin/key and [[log.witness]] name/key/url. The keys are checked where they
// are used (Application::Create), which names the entry.
Status ApplyWitnesses(const toml::table& root, Config& c) {
  if (const auto* w = root.get_as<toml::table>("witness")) {
    RECIRC_CHECK(CheckKeys(*w, "witness.", {"log"}));
    RECIRC_CHECK(ReadTables(*w, "log", "witness.log",
                            [&](const toml::table& t, const std::string& prefix) -> Status {
                              RECIRC_CHECK(CheckKeys(t, prefix, {"origin", "key"}));
                              WitnessLogConfig log;
                              RECIRC_CHECK(Required(t, "origin", prefix, log.origin));
                              RECIRC_CHECK(Required(t, "key", prefix, log.key));
                              c.witness_logs.push_back(std::move(log));
                              return Ok();
                            }));
  }
  if (const auto* log = root.get_as<toml::table>("log")) {
    RECIRC_CHECK(ReadTables(*log, "witness", "log.witness",
                            [&](const toml::table& t, const std::string& prefix) -> Status {
                              RECIRC_CHECK(CheckKeys(t, prefix, {"name", "key", "url"}));
                              LogWitnessConfig w;
                              RECIRC_CHECK(Required(t, "name", prefix, w.name));
                              RECIRC_CHECK(Required(t, "key", prefix, w.key));
                              RECIRC_CHECK(Required(t, "url", prefix, w.url));
                              while (w.url.ends_with('/')) w.url.pop_back();
                              c.log_witnesses.push_back(std::move(w));
                              return Ok();
                            }));
    int64_t retry = c.witness_retry.count();
    RECIRC_CHECK(Read(*log, "witness_retry_ms", "log.", retry));
    if (retry < 1 || retry > 3'600'000) {
      return ConfigError("log.witness_retry_ms", "must be 1 to 3600000");
    }
    c.witness_retry = std::chrono::milliseconds(retry);
  }
  return Ok();
}

Status ReadMillis(const toml::table& t, std::string_view key, std::chrono::milliseconds& out,
                  int64_t min, int64_t max) {
  int64_t ms = out.count();
  RECIRC_CHECK(Read(t, key, "federation.", ms));
  if (ms < min || ms > max) {
    return ConfigError("federation." + std::string(key),
                       "must be " + std::to_string(min) + " to " + std::to_string(max));
  }
  out = std::chrono::milliseconds(ms);
  return Ok();
}

// [federation] and [[federation.shop]]; the keys are checked where they are used
// (Application::Create), which names the entry.
Status ApplyFederation(const toml::table& f, Config& c) {
  auto& fed = c.federation;
  RECIRC_CHECK(CheckKeys(f, "federation.",
                         {"city_url", "city_key", "retry_ms", "retry_max_ms", "pull_interval_ms",
                          "max_in_flight", "shop"}));
  RECIRC_CHECK(Read(f, "city_url", "federation.", fed.city_url));
  while (fed.city_url.ends_with('/')) fed.city_url.pop_back();
  RECIRC_CHECK(Read(f, "city_key", "federation.", fed.city_key));
  if (fed.city_url.empty() != fed.city_key.empty()) {
    return ConfigError(fed.city_url.empty() ? "federation.city_url" : "federation.city_key",
                       "is required with the other (city_url and city_key go together)");
  }
  RECIRC_CHECK(ReadMillis(f, "retry_ms", fed.retry, 1, 3'600'000));
  RECIRC_CHECK(ReadMillis(f, "retry_max_ms", fed.retry_max, 1, 86'400'000));
  RECIRC_CHECK(ReadMillis(f, "pull_interval_ms", fed.pull_interval, 100, 3'600'000));
  int64_t in_flight = fed.max_in_flight;
  RECIRC_CHECK(Read(f, "max_in_flight", "federation.", in_flight));
  if (in_flight < 1 || in_flight > 64) {
    return ConfigError("federation.max_in_flight", "must be 1 to 64");
  }
  fed.max_in_flight = static_cast<int>(in_flight);
  return ReadTables(f, "shop", "federation.shop",
                    [&](const toml::table& t, const std::string& prefix) -> Status {
                      RECIRC_CHECK(CheckKeys(t, prefix, {"key", "region"}));
                      FederationShopConfig shop;
                      RECIRC_CHECK(Required(t, "key", prefix, shop.key));
                      RECIRC_CHECK(Required(t, "region", prefix, shop.region));
                      fed.shops.push_back(std::move(shop));
                      return Ok();
                    });
}

Status ApplyToml(const toml::table& root, Config& c) {
  RECIRC_CHECK(CheckKeys(
      root, "",
      {"database", "server", "security", "data_dir", "web_root", "public_base_url", "time_zone",
       "log", "registry", "tlog", "witness", "market", "statistics", "complaints", "federation"}));
  std::string text;
  if (root.contains("data_dir")) {
    RECIRC_CHECK(Read(root, "data_dir", "", text));
    c.data_dir = text;
  }
  if (root.contains("web_root")) {
    RECIRC_CHECK(Read(root, "web_root", "", text));
    c.web_root = text;
  }
  if (root.contains("public_base_url")) {
    RECIRC_CHECK(Read(root, "public_base_url", "", c.public_base_url));
  }
  if (root.contains("time_zone")) RECIRC_CHECK(Read(root, "time_zone", "", c.time_zone));
  if (const auto* db = root.get_as<toml::table>("database")) {
    RECIRC_CHECK(CheckKeys(*db, "database.", {"url", "pool"}));
    RECIRC_CHECK(Read(*db, "url", "database.", c.database_url));
    int64_t pool = c.database_pool;
    RECIRC_CHECK(Read(*db, "pool", "database.", pool));
    if (pool < 1 || pool > 256) return ConfigError("database.pool", "must be 1 to 256");
    c.database_pool = static_cast<int>(pool);
  }
  if (const auto* s = root.get_as<toml::table>("server")) {
    RECIRC_CHECK(
        CheckKeys(*s, "server.",
                  {"listen", "network_threads", "worker_threads", "max_connections",
                   "header_timeout_seconds", "idle_timeout_seconds", "shutdown_grace_seconds",
                   "hashing_threads", "hashing_queue", "trusted_proxies"}));
    if (s->contains("listen")) {
      RECIRC_CHECK(Read(*s, "listen", "server.", text));
      RECIRC_CHECK(ParseListen(text, c.server));
    }
    int64_t n = 0;
    auto read_int = [&](std::string_view key, int64_t min, int64_t max, auto&& apply) -> Status {
      if (!s->contains(key)) return Ok();
      RECIRC_CHECK(Read(*s, key, "server.", n));
      if (n < min || n > max) {
        return ConfigError("server." + std::string(key),
                           "must be " + std::to_string(min) + " to " + std::to_string(max));
      }
      apply(n);
      return Ok();
    };
    RECIRC_CHECK(
        read_int("network_threads", 1, 64, [&](int64_t v) { c.server.network_threads = int(v); }));
    RECIRC_CHECK(
        read_int("worker_threads", 1, 256, [&](int64_t v) { c.server.worker_threads = int(v); }));
    RECIRC_CHECK(read_int("max_connections", 1, 1'000'000,
                          [&](int64_t v) { c.server.max_connections = v; }));
    RECIRC_CHECK(read_int("header_timeout_seconds", 1, 3600,
                          [&](int64_t v) { c.server.header_timeout = std::chrono::seconds(v); }));
    RECIRC_CHECK(read_int("idle_timeout_seconds", 1, 3600,
                          [&](int64_t v) { c.server.idle_timeout = std::chrono::seconds(v); }));
    RECIRC_CHECK(read_int("shutdown_grace_seconds", 0, 3600,
                          [&](int64_t v) { c.server.shutdown_grace = std::chrono::seconds(v); }));
    RECIRC_CHECK(
        read_int("hashing_threads", 1, 64, [&](int64_t v) { c.server.hashing_threads = int(v); }));
    RECIRC_CHECK(
        read_int("hashing_queue", 0, 10'000, [&](int64_t v) { c.server.hashing_queue = int(v); }));
    RECIRC_CHECK(ReadTrustedProxies(*s, c.server.trusted_proxies));
  }
  if (const auto* sec = root.get_as<toml::table>("security")) {
    RECIRC_CHECK(CheckKeys(*sec, "security.",
                           {"session_lifetime_minutes", "secure_cookies", "password_cost"}));
    int64_t minutes = c.session_lifetime.count();
    RECIRC_CHECK(Read(*sec, "session_lifetime_minutes", "security.", minutes));
    if (minutes < 1 || minutes > int64_t{60} * 24 * 30) {
      return ConfigError("security.session_lifetime_minutes", "must be 1 to 43200");
    }
    c.session_lifetime = std::chrono::minutes(minutes);
    RECIRC_CHECK(Read(*sec, "secure_cookies", "security.", c.secure_cookies));
    if (sec->contains("password_cost")) {
      RECIRC_CHECK(Read(*sec, "password_cost", "security.", text));
      if (text == "interactive") {
        c.password_cost = crypto::PasswordCost::kInteractive;
      } else if (text == "moderate") {
        c.password_cost = crypto::PasswordCost::kModerate;
      } else {
        return ConfigError("security.password_cost", "is interactive or moderate");
      }
    }
  }
  if (const auto* log = root.get_as<toml::table>("log")) {
    RECIRC_CHECK(CheckKeys(*log, "log.", {"access", "witness", "witness_retry_ms"}));
    RECIRC_CHECK(Read(*log, "access", "log.", c.access_log));
  }
  if (const auto* reg = root.get_as<toml::table>("registry")) RECIRC_CHECK(ApplyRegistry(*reg, c));
  if (const auto* m = root.get_as<toml::table>("market")) {
    RECIRC_CHECK(CheckKeys(*m, "market.", {"simulated_payments"}));
    RECIRC_CHECK(Read(*m, "simulated_payments", "market.", c.market.simulated_payments));
  }
  if (const auto* co = root.get_as<toml::table>("complaints")) {
    RECIRC_CHECK(CheckKeys(*co, "complaints.", {"answer_days"}));
    RECIRC_CHECK(Read(*co, "answer_days", "complaints.", c.complaints.answer_days));
    if (c.complaints.answer_days < 1 || c.complaints.answer_days > 90) {
      return ConfigError("complaints.answer_days", "is from 1 to 90 days");
    }
  }
  if (const auto* st = root.get_as<toml::table>("statistics")) {
    RECIRC_CHECK(CheckKeys(*st, "statistics.", {"min_cell", "baseline_year"}));
    RECIRC_CHECK(Read(*st, "min_cell", "statistics.", c.statistics.min_cell));
    RECIRC_CHECK(Read(*st, "baseline_year", "statistics.", c.statistics.baseline_year));
    if (c.statistics.baseline_year < 2000 || c.statistics.baseline_year > 2100) {
      return ConfigError("statistics.baseline_year", "is a year between 2000 and 2100");
    }
    if (c.statistics.min_cell < 1) {
      return ConfigError("statistics.min_cell", "is at least 1");
    }
  }
  RECIRC_CHECK(ApplyWitnesses(root, c));
  if (const auto* f = root.get_as<toml::table>("federation")) RECIRC_CHECK(ApplyFederation(*f, c));
  if (const auto* t = root.get_as<toml::table>("tlog")) {
    RECIRC_CHECK(
        CheckKeys(*t, "tlog.", {"batch_size", "checkpoint_interval_ms", "seizure_delay_days"}));
    int64_t seizure_days = c.tlog.seizure_delay.count() / 24;
    RECIRC_CHECK(Read(*t, "seizure_delay_days", "tlog.", seizure_days));
    if (seizure_days < 0 || seizure_days > 3650) {
      return ConfigError("tlog.seizure_delay_days", "must be 0 to 3650");
    }
    c.tlog.seizure_delay = std::chrono::hours(24 * seizure_days);
    int64_t batch = c.tlog.batch_size;
    RECIRC_CHECK(Read(*t, "batch_size", "tlog.", batch));
    if (batch < 1 || batch > 100'000) return ConfigError("tlog.batch_size", "must be 1 to 100000");
    c.tlog.batch_size = static_cast<int>(batch);
    int64_t interval = c.tlog.checkpoint_interval.count();
    RECIRC_CHECK(Read(*t, "checkpoint_interval_ms", "tlog.", interval));
    if (interval < 0 || interval > 3'600'000) {
      return ConfigError("tlog.checkpoint_interval_ms", "must be 0 to 3600000");
    }
    c.tlog.checkpoint_interval = std::chrono::milliseconds(interval);
  }
  return Ok();
}

// An IANA zone name ("Asia/Shanghai", "UTC"): letters, digits and _ + - /; the browser checks the
// name itself and falls back to its own zone for one it does not know.
Status CheckTimeZone(const std::string& zone) {
  const bool ok = !zone.empty() && zone.size() <= 64 &&
                  zone.find_first_not_of(
                      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                      "0123456789_+-/") == std::string::npos;
  if (!ok) return ConfigError("time_zone", "an IANA time zone name, for example Asia/Shanghai");
  return Ok();
}

// An absolute http(s) URL without query, fragment or white space; a trailing slash is dropped.
Status CheckPublicBaseUrl(std::string& url) {
  while (url.ends_with('/')) url.pop_back();
  if (url.empty()) return Ok();
  const bool scheme = url.starts_with("https://") || url.starts_with("http://");
  const bool clean = url.find_first_of("?# \t\r\n\"<>") == std::string::npos;
  if (!scheme || !clean || url.size() > 200 || url.ends_with("//")) {
    return ConfigError("public_base_url",
                       "must be an http:// or https:// address without query, for example "
                       "https://shop.example");
  }
  return Ok();
}

Status ApplyEnvironment(Config& c) {
  if (const char* v = std::getenv("RECIRC_DATABASE_URL"); v && *v) c.database_url = v;
  if (const char* v = std::getenv("RECIRC_DATA_DIR"); v && *v) c.data_dir = v;
  if (const char* v = std::getenv("RECIRC_WEB_ROOT"); v && *v) c.web_root = v;
  if (const char* v = std::getenv("RECIRC_LISTEN"); v && *v) RECIRC_CHECK(ParseListen(v, c.server));
  if (const char* v = std::getenv("RECIRC_PUBLIC_BASE_URL"); v && *v) c.public_base_url = v;
  if (const char* v = std::getenv("RECIRC_TIME_ZONE"); v && *v) c.time_zone = v;
  return Ok();
}

}  // namespace

std::string Config::PublicBaseUrl() const {
  if (!public_base_url.empty()) return public_base_url;
  std::string host = server.host;
  if (host.empty() || host == "0.0.0.0" || host == "::") host = "localhost";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(server.port);
}

Config ForDemo(Config config) {
  config.market.simulated_payments = true;
  return config;
}

std::string Config::DatabaseUrl() const {
  if (!database_url.empty()) return database_url;
  return "sqlite://" + std::filesystem::absolute(data_dir / "recirc.db").string();
}

Status ParseListen(std::string_view text, http::ServerConfig& server) {
  const size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    return Error::InvalidArgument("listen", "listen is host:port, for example 127.0.0.1:8080");
  }
  std::string_view host = text.substr(0, colon);
  const std::string_view port = text.substr(colon + 1);
  unsigned value = 0;
  auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || ptr != port.data() + port.size() || value > 65535) {
    return Error::InvalidArgument("listen", "the port is a number from 0 to 65535");
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  server.host = host.empty() ? "0.0.0.0" : std::string(host);
  server.port = static_cast<uint16_t>(value);
  return Ok();
}

Result<Config> LoadConfig(const std::optional<std::filesystem::path>& path) {
  Config c;
  if (path) {
    // Debian's toml++ is built with exceptions: catch them here, at the boundary.
    toml::table table;
    try {
      table = toml::parse_file(path->string());
    } catch (const toml::parse_error& e) {
      return Error::InvalidArgument("config", "config file " + path->string() + " line " +
                                                  std::to_string(e.source().begin.line) + ": " +
                                                  std::string(e.description()));
    }
    RECIRC_CHECK(ApplyToml(table, c));
  }
  RECIRC_CHECK(ApplyEnvironment(c));
  RECIRC_CHECK(CheckPublicBaseUrl(c.public_base_url));
  RECIRC_CHECK(CheckTimeZone(c.time_zone));
  return c;
}

}  // namespace recirc::app
