// recirc: the command line. Parses arguments and hands over to app/commands.cpp.
#include <sys/stat.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "app/commands.hpp"
#include "app/keys.hpp"
#include "app/log_commands.hpp"

namespace {

struct CommonOptions {
  std::string config_file;
  std::string database;
  std::string listen;
  std::string web_root;
  std::string data_dir;
};

void AddCommon(CLI::App* cmd, CommonOptions& o) {
  cmd->add_option("--config", o.config_file, "TOML configuration file");
  cmd->add_option("--database", o.database, "sqlite:///path/to/file.db or postgresql://...");
  cmd->add_option("--listen", o.listen, "host:port to listen on (default 127.0.0.1:8080)");
  cmd->add_option("--web-root", o.web_root, "directory of the built web app (default web/dist)");
  cmd->add_option("--data-dir", o.data_dir,
                  "directory for the database file and keys (default var)");
}

// Flags win over the environment, which wins over the file.
recirc::Result<recirc::app::Config> Load(const CommonOptions& o) {
  std::optional<std::filesystem::path> file;
  if (!o.config_file.empty()) file = o.config_file;
  auto config = recirc::app::LoadConfig(file);
  if (!config) return config;
  if (!o.database.empty()) config->database_url = o.database;
  if (!o.data_dir.empty()) config->data_dir = o.data_dir;
  if (!o.web_root.empty()) config->web_root = o.web_root;
  if (!o.listen.empty()) {
    if (auto st = recirc::app::ParseListen(o.listen, config->server); !st) return st.error();
  }
  return config;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"recirc: trusted circulation of second-hand goods"};
  cli.require_subcommand(1);
  CommonOptions common;

  auto* serve = cli.add_subcommand("serve", "Run the server");
  auto* demo = cli.add_subcommand("demo", "Load demo organisations and users, then run the server");
  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations and exit");
  auto* reindex = cli.add_subcommand(
      "reindex", "Rebuild the search index from the journal (stop the server first)");
  int64_t seed_items = 1000;
  auto* seed = cli.add_subcommand("seed", "Load demo data and N synthetic registrations");
  seed->add_option("--items", seed_items, "how many items to register (default 1000)");
  auto* keys = cli.add_subcommand("keys", "Manage the node's keys");
  keys->require_subcommand(1);
  std::string origin = "recirc.example/log";
  auto* keys_init = keys->add_subcommand("init", "Create missing key files in <data-dir>/keys");
  keys_init->add_option("--origin", origin, "the transparency log's origin (its key name)");
  std::string witness_name(recirc::app::kDefaultWitnessName);
  keys_init->add_option("--witness-name", witness_name,
                        "this node's name as a witness (its cosignature key name)");
  auto* keys_show = keys->add_subcommand("show", "Print the log's verifier key");
  auto* keys_rotate = keys->add_subcommand(
      "rotate", "Add a new current personal-data key and re-encrypt every field under it");
  auto* retention = cli.add_subcommand("retention", "Personal data past the retention period");
  retention->require_subcommand(1);
  auto* retention_run =
      retention->add_subcommand("run", "Erase personal data of registrations past the period");
  auto* stats = cli.add_subcommand("stats", "The authorities' statistics (docs/statistics.md)");
  stats->require_subcommand(1);
  auto* stats_rebuild = stats->add_subcommand(
      "rebuild", "Recount the statistics from the journal (stop the server first)");
  auto* admin = cli.add_subcommand("admin", "Create organisations, outlets and users");
  admin->require_subcommand(1);

  recirc::app::AdminRequest request;
  std::string credit_code;
  auto* create_org = admin->add_subcommand("create-organisation", "Create an organisation");
  create_org
      ->add_option(
          "--kind", request.organisation.kind,
          "operator, inspection_body, police, commerce_authority, market_supervision, platform")
      ->required();
  create_org->add_option("--name", request.organisation.name)->required();
  create_org->add_option("--region", request.organisation.region_code, "GB/T 2260 code")
      ->required();
  create_org->add_option("--credit-code", credit_code, "unified social credit code");
  auto* create_outlet = admin->add_subcommand("create-outlet", "Create an outlet of an operator");
  create_outlet->add_option("--organisation", request.organisation_id)->required();
  create_outlet->add_option("--name", request.outlet.name)->required();
  create_outlet->add_option("--region", request.outlet.region_code)->required();
  create_outlet->add_option("--address", request.outlet.address)->required();
  auto* create_user = admin->add_subcommand(
      "create-user", "Create a user (password from RECIRC_NEW_PASSWORD or --password)");
  create_user->add_option("--organisation", request.organisation_id)->required();
  create_user->add_option("--username", request.user.username)->required();
  create_user->add_option("--display-name", request.user.display_name)->required();
  create_user->add_option("--role", request.user.role)->required();
  create_user->add_option("--password", request.user.password);
  auto* list_orgs = admin->add_subcommand("list-organisations", "List organisations");

  std::string label_item;
  std::string label_size = "50x30";
  std::string label_output;
  auto* label = cli.add_subcommand("label", "Write an item's label (PDF with its QR code)");
  label->add_option("item", label_item, "the item id")->required();
  label->add_option("--size", label_size, "40x30, 50x30, 60x40, 100x50 or 100x70 (mm)");
  label->add_option("-o,--output", label_output, "the PDF file to write")->required();

  recirc::app::VerifyRequest verify_request;
  std::string entry_file;
  auto* verify = cli.add_subcommand(
      "verify", "Check a .tlog-proof file or an item passport offline against the log's key");
  verify->add_option("file", verify_request.file, "the .tlog-proof file or passport JSON")
      ->required();
  verify->add_option("--key", verify_request.key, "the log's verifier key (recirc keys show)")
      ->required();
  verify->add_option("--witness-key", verify_request.witness_keys,
                     "a witness key whose cosignature is required");
  verify->add_option("--entry", entry_file,
                     "for a .tlog-proof: the leaf, or the item's passport holding it");
  recirc::app::AuditRequest audit_request;
  std::string audit_key;
  std::string audit_state;
  auto* log = cli.add_subcommand("log", "Check a transparency log");
  log->require_subcommand(1);
  auto* audit = log->add_subcommand(
      "audit", "Fetch a log's checkpoint, tiles and entries, recompute and check everything");
  audit->add_option("url", audit_request.url, "http://host:port of a recirc node (or its /log)")
      ->required();
  audit->add_option("--key", audit_key, "the log's verifier key (remembered in --state)");
  audit->add_option("--state", audit_state,
                    "file keeping the key and the last checkpoint seen, for consistency");
  audit->add_option("--witness-key", audit_request.witness_keys,
                    "a witness's cosignature key: its cosignature is checked if present");

  for (auto* cmd :
       {serve, demo, migrate, seed, reindex, keys_init, keys_show, keys_rotate, retention_run,
        stats_rebuild, create_org, create_outlet, create_user, list_orgs, label}) {
    AddCommon(cmd, common);
  }
  CLI11_PARSE(cli, argc, argv);
  // Offline tools: no configuration, no database.
  if (*verify) {
    if (!entry_file.empty()) verify_request.entry = entry_file;
    return recirc::app::RunVerify(verify_request, std::cout);
  }
  if (*audit) {
    if (!audit_key.empty()) audit_request.key = audit_key;
    if (!audit_state.empty()) audit_request.state = audit_state;
    return recirc::app::RunLogAudit(audit_request, std::cout);
  }

  auto config = Load(common);
  if (!config) {
    std::cerr << "recirc: " << config.error().message << "\n";
    return 2;
  }
  // Whatever a library creates in the data folder (SQLite's -wal/-shm, Xapian's files, a
  // report) is owner-only too, not only what our code creates with explicit modes.
  ::umask(077);
  if (*serve) return recirc::app::RunServe(*config, false, std::cout);
  if (*demo) return recirc::app::RunServe(*config, true, std::cout);
  if (*migrate) return recirc::app::RunMigrate(*config, std::cout);
  if (*reindex) return recirc::app::RunReindex(*config, std::cout);
  if (*seed) return recirc::app::RunSeed(*config, seed_items, std::cout);
  if (*label) {
    return recirc::app::RunLabel(*config, label_item, label_size, label_output, std::cout);
  }
  if (*keys_init) return recirc::app::RunKeysInit(*config, origin, witness_name, std::cout);
  if (*keys_show) return recirc::app::RunKeysShow(*config, std::cout);
  if (*keys_rotate) return recirc::app::RunKeysRotate(*config, std::cout);
  if (*retention_run) return recirc::app::RunRetention(*config, std::cout);
  if (*stats_rebuild) return recirc::app::RunStatsRebuild(*config, std::cout);
  if (*create_org) {
    request.kind = recirc::app::AdminRequest::Kind::kCreateOrganisation;
    if (!credit_code.empty()) request.organisation.credit_code = credit_code;
  } else if (*create_outlet) {
    request.kind = recirc::app::AdminRequest::Kind::kCreateOutlet;
  } else if (*create_user) {
    request.kind = recirc::app::AdminRequest::Kind::kCreateUser;
    if (request.user.password.empty()) {
      if (const char* p = std::getenv("RECIRC_NEW_PASSWORD")) request.user.password = p;
    }
  } else {
    request.kind = recirc::app::AdminRequest::Kind::kListOrganisations;
  }
  return recirc::app::RunAdmin(*config, request, std::cout);
}
