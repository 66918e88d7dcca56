#pragma once
// Config: every setting of a recirc node, with defaults that make `recirc serve` work with no
// file at all. Sources, later ones winning: defaults → TOML file (--config) → environment
// (RECIRC_*) → command-line flags. Unknown keys in the file are errors, not silently ignored.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "crypto/password.hpp"
#include "domain/registry/holds.hpp"
#include "http/server.hpp"

namespace recirc::app {

// The item-history transparency log (docs/tlog.md). Its origin is the name of the log key
// (<data_dir>/keys/log.key, set by `recirc keys init --origin`).
struct TlogConfig {
  int batch_size = 1000;  // journal events per batch: one signed checkpoint per batch
  std::chrono::milliseconds checkpoint_interval{1000};  // least time between two batches
  // [tlog] seizure_delay_days: how long after a police seizure the log shows it (without the
  // police organisation); history/seizure_publisher.hpp.
  std::chrono::hours seizure_delay{7 * 24};
};

// [[witness.log]]: a log this node witnesses (docs/tlog.md).
struct WitnessLogConfig {
  std::string origin;
  std::string key;  // the log's verifier key; its name is the origin
};

// [[log.witness]]: a witness this node's log asks to cosign its checkpoints.
struct LogWitnessConfig {
  std::string name;
  std::string key;  // the witness's cosignature/v1 verifier key; its name is `name`
  std::string url;  // http://host:port/prefix (the witness answers POST <url>/add-checkpoint)
};

// [market]: the simulated payment provider (SIMULATED, moves no money) is for `recirc demo` and
// tests; `serve` offers it only when this is set.
struct MarketConfig {
  bool simulated_payments = false;
};

// [statistics]: exports suppress a cell of fewer than min_cell transactions (DOMAIN.md: small
// cells are suppressed, never estimated), so no figure points at one person's sale.
// baseline_year: the year the pilot plan measures growth against (its figures are imported).
struct StatisticsConfig {
  int64_t min_cell = 3;
  int64_t baseline_year = 2024;
};

// [complaints]: the days an operator has to answer a complaint before it is flagged overdue
// (the platform's own time limit, DOMAIN.md "Complaints").
struct ComplaintsConfig {
  int64_t answer_days = 7;
};

// [[federation.shop]]: a shop node this city node accepts batches from (docs/federation.md).
struct FederationShopConfig {
  std::string key;     // the shop's log verifier key (`recirc keys show` on the shop); its name
                       // is the shop's origin
  std::string region;  // the region code prefix its outlets lie in (at least a province code)
};

// [federation]: this node as a shop reporting to a city (city_url and city_key), and as a city
// accepting shops ([[federation.shop]]). A node may be neither (it stands alone) or both.
struct FederationConfig {
  std::string city_url;  // http://host:port of the city node; empty: this node reports nowhere
  std::string city_key;  // the city's log verifier key
  std::chrono::milliseconds retry{1000};          // first wait after a failed push, doubling
  std::chrono::milliseconds retry_max{60000};     // the longest wait
  std::chrono::milliseconds pull_interval{2000};  // how often the city's watchlist is pulled
  int max_in_flight = 4;  // batches a city applies at once; more are answered 503
  std::vector<FederationShopConfig> shops;
};

struct Config {
  std::string database_url;  // default: sqlite:///<data_dir>/recirc.db
  std::filesystem::path data_dir = "var";
  std::optional<std::filesystem::path> web_root;  // default: web/dist if it exists
  // Where people reach this node's web app ("https://shop.example"): item labels' QR codes point
  // to <public_base_url>/items/<id>, inspection certificates' to <public_base_url>/verify/...
  // Never taken from a request's Host header (anyone may send any). Empty: PublicBaseUrl().
  std::string public_base_url;
  // time_zone (RECIRC_TIME_ZONE): the IANA zone the web app shows times in (GET
  // /api/v1/web-settings). The server itself keeps and sends UTC.
  std::string time_zone = "Asia/Shanghai";
  http::ServerConfig server;
  int database_pool = 8;
  std::chrono::minutes session_lifetime{12 * 60};
  crypto::PasswordCost password_cost = crypto::PasswordCost::kInteractive;
  bool secure_cookies = false;
  bool access_log = true;
  registry::HoldPolicy hold_policy;  // [registry] hold_days and [[registry.hold]] rules
  int64_t retention_years = 2;       // [registry] retention_years, at least 2
  // [registry] report_dir: where serve delivers the daily register reports (none if unset).
  std::optional<std::filesystem::path> report_dir;
  TlogConfig tlog;
  std::vector<WitnessLogConfig> witness_logs;     // [[witness.log]]
  std::vector<LogWitnessConfig> log_witnesses;    // [[log.witness]]
  std::chrono::milliseconds witness_retry{5000};  // [log] witness_retry_ms: first retry delay
  MarketConfig market;                            // [market]
  StatisticsConfig statistics;                    // [statistics]
  ComplaintsConfig complaints;                    // [complaints]
  FederationConfig federation;                    // [federation], [[federation.shop]]

  std::string DatabaseUrl() const;
  // public_base_url, else the listen address ("http://127.0.0.1:8080"; localhost for a
  // wildcard address): printed QR codes then work on the node's own machine only, which is the
  // hint to configure it.
  std::string PublicBaseUrl() const;
};

// `recirc demo`'s settings over a loaded config: the simulated payment provider is offered.
Config ForDemo(Config config);

// Reads `path` (if given) over the defaults, then the environment.
Result<Config> LoadConfig(const std::optional<std::filesystem::path>& path);
// "127.0.0.1:8080", "[::1]:8080" or ":8080".
Status ParseListen(std::string_view text, http::ServerConfig& server);

}  // namespace recirc::app
