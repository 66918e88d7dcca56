#include "app/commands.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "app/application.hpp"
#include "app/demo.hpp"
#include "app/keys.hpp"
#include "app/seed.hpp"
#include "core/private_files.hpp"
#include "crypto/secure_random.hpp"
#include "documents/item_label_service.hpp"
#include "domain/registry/personal_data.hpp"
#include "storage/migrations.hpp"

namespace recirc::app {
namespace {

int Fail(const Error& e, std::ostream& out) {
  out << "recirc: " << e.message;
  if (!e.field.empty() && e.message.find(e.field) == std::string::npos)
    out << " (" << e.field << ")";
  out << "\n";
  return e.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

Result<std::unique_ptr<storage::Database>> OpenConfigured(const Config& config) {
  if (!CreatePrivateDirectories(config.data_dir)) {
    return Error::Unavailable("cannot create data directory " + config.data_dir.string());
  }
  return storage::OpenDatabase(config.DatabaseUrl(), config.database_pool);
}

// A one-off command's application: the configured database and the whole wiring, without the
// access log. `fn(app, db)` returns the exit code.
template <class F>
int WithApplication(const Config& config, Random& random, std::ostream& out, F&& fn) {
  SystemClock clock;
  auto db = OpenConfigured(config);
  if (!db) return Fail(db.error(), out);
  Config quiet = config;
  quiet.access_log = false;
  auto app = Application::Create(quiet, **db, clock, random);
  if (!app) return Fail(app.error(), out);
  return fn(**app, **db);
}

std::string Redacted(const std::string& url) {
  // Never print a PostgreSQL password.
  const auto at = url.find('@');
  const auto scheme = url.find("://");
  if (at == std::string::npos || scheme == std::string::npos) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

// The data dir as an absolute path: it defaults to "var" in the working directory, and its keys
// must be the ones the database was made with, so every command says which folder it used.
std::string AbsoluteDataDir(const Config& config) {
  std::error_code ec;
  const auto dir = std::filesystem::absolute(config.data_dir, ec);
  return (ec ? config.data_dir : dir).string();
}

std::string Seconds(std::chrono::steady_clock::time_point from,
                    std::chrono::steady_clock::time_point to) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
  return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100);
}

}  // namespace

int RunServe(const Config& loaded, bool with_demo_data, std::ostream& out) {
  // The demo pays with the simulated provider; `serve` only when the config says so.
  const Config config = with_demo_data ? ForDemo(loaded) : loaded;
  SystemClock clock;
  crypto::SecureRandom random;
  auto db = OpenConfigured(config);
  if (!db) return Fail(db.error(), out);
  auto app = Application::Create(config, **db, clock, random);
  if (!app) return Fail(app.error(), out);
  std::vector<DemoLogin> logins;
  if (with_demo_data) {
    auto seeded = SeedDemo((*app)->directory(), **db);
    if (!seeded) return Fail(seeded.error(), out);
    logins = std::move(*seeded);
    auto market = (*app)->SeedDemoMarket();
    if (!market) return Fail(market.error(), out);
    if (market->registered > 0) {
      out << "demo market: registered " << market->registered << " items, published "
          << market->published << " offers (" << market->held << " held by screening)\n";
    }
  }
  if (auto st = (*app)->Listen(); !st) return Fail(st.error(), out);
  const std::string host = config.server.host == "0.0.0.0" ? "127.0.0.1" : config.server.host;
  out << "recirc listening on http://" << host << ":" << (*app)->port() << "\n";
  out << "database: " << Redacted(config.DatabaseUrl()) << "\n";
  out << "data dir: " << AbsoluteDataDir(config) << " (keys, photos, search index)\n";
  if (!logins.empty()) {
    out << "demo logins (password: " << kDemoPassword << "):\n";
    for (const auto& l : logins)
      out << "  " << l.username << "  (" << l.role << ", " << l.organisation << ")\n";
  }
  out.flush();
  (*app)->Serve();
  out << "recirc stopped\n";
  return 0;
}

int RunMigrate(const Config& config, std::ostream& out) {
  SystemClock clock;
  auto db = OpenConfigured(config);
  if (!db) return Fail(db.error(), out);
  auto report = storage::Migrate(**db, clock);
  if (!report) return Fail(report.error(), out);
  for (const auto& name : report->applied) out << "applied " << name << "\n";
  out << "schema version " << report->version << "\n";
  return 0;
}

int RunReindex(const Config& config, std::ostream& out) {
  crypto::SecureRandom random;
  return WithApplication(config, random, out, [&](Application& app, storage::Database&) {
    auto listings = app.Reindex();
    if (!listings) return Fail(listings.error(), out);
    out << "search index rebuilt from the journal: " << *listings << " listings\n";
    return 0;
  });
}

int RunStatsRebuild(const Config& config, std::ostream& out) {
  crypto::SecureRandom random;
  return WithApplication(config, random, out, [&](Application& app, storage::Database&) {
    auto events = app.RebuildStatistics();
    if (!events) return Fail(events.error(), out);
    out << "statistics recounted from the journal: " << *events << " events read\n";
    return 0;
  });
}

int RunLabel(const Config& config, const std::string& item_id, const std::string& size,
             const std::string& output, std::ostream& out) {
  crypto::SecureRandom random;
  return WithApplication(config, random, out, [&](Application& app, storage::Database&) {
    auto item = ItemId::Parse(item_id, "item_id");
    if (!item) return Fail(item.error(), out);
    auto pdf = app.labels().Pdf(*item, size, config.PublicBaseUrl());
    if (!pdf) return Fail(pdf.error(), out);
    std::ofstream file(output, std::ios::binary | std::ios::trunc);
    file << *pdf;
    file.close();
    if (!file) return Fail(Error::Unavailable("cannot write " + output), out);
    out << "wrote " << output << " (" << size << " mm label of item " << item_id << ")\n";
    return 0;
  });
}

int RunKeysInit(const Config& config, const std::string& origin, const std::string& witness_name,
                std::ostream& out) {
  crypto::SecureRandom random;
  auto report = InitKeys(config.data_dir, origin, random, witness_name);
  if (!report) return Fail(report.error(), out);
  for (const auto& f : report->created) out << "created " << f << "\n";
  for (const auto& f : report->kept) out << "kept existing " << f << "\n";
  return 0;
}

int RunKeysShow(const Config& config, std::ostream& out) {
  auto key = LogVerifierKey(config.data_dir);
  if (!key) return Fail(key.error(), out);
  out << *key << "\n";
  // Nodes made before witnesses existed get their witness key at the next start.
  if (auto witness = WitnessVerifierKey(config.data_dir)) out << *witness << "\n";
  return 0;
}

int RunKeysRotate(const Config& config, std::ostream& out) {
  crypto::SecureRandom random;
  auto key_id = RotateDataKey(config.data_dir, random);
  if (!key_id) return Fail(key_id.error(), out);
  out << "added data key " << *key_id << " (current); the old keys stay in data.key\n";
  out << "restart running servers so they encrypt under it; they also finish re-encryption\n";
  return WithApplication(config, random, out, [&](Application& app, storage::Database&) {
    auto report = app.personal_data().Reencrypt();
    if (!report) return Fail(report.error(), out);
    auto remaining = app.personal_data().Remaining();
    if (!remaining) return Fail(remaining.error(), out);
    auto deliveries = app.ReencryptDeliveries();
    if (!deliveries) return Fail(deliveries.error(), out);
    out << "re-encrypted " << report->parties << " parties and " << report->acquisitions
        << " registrations; " << *remaining + *deliveries << " values still under older keys\n";
    return 0;
  });
}

int RunRetention(const Config& config, std::ostream& out) {
  crypto::SecureRandom random;
  return WithApplication(config, random, out, [&](Application& app, storage::Database&) {
    auto erased = app.personal_data().EraseExpired(config.retention_years);
    if (!erased) return Fail(erased.error(), out);
    auto deliveries = app.EraseExpiredDeliveries();
    if (!deliveries) return Fail(deliveries.error(), out);
    out << "erased the personal data of " << *erased << " registrations and the delivery details "
        << "of " << *deliveries << " orders older than " << config.retention_years << " years\n";
    return 0;
  });
}

int RunSeed(const Config& config, int64_t items, std::ostream& out) {
  if (items < 1 || items > 10'000'000) {
    return Fail(Error::InvalidArgument("items", "--items is 1 to 10000000"), out);
  }
  crypto::SecureRandom random;
  return WithApplication(config, random, out, [&](Application& app, storage::Database& db) {
    out << "data dir: " << AbsoluteDataDir(config) << "\n";
    const auto started = std::chrono::steady_clock::now();
    auto report =
        SeedRegistrations(app.directory(), app.registration(), app.police(), db, items, random);
    if (!report) return Fail(report.error(), out);
    const auto seeded = std::chrono::steady_clock::now();
    out << "registered " << report->registered << " synthetic items (" << report->held
        << " held for verification; " << report->watchlisted << " reported stolen first) in "
        << Seconds(started, seeded) << " s\n";
    out.flush();
    // Leave the node caught up, so that a server started next does not spend its first minutes
    // feeding the journal consumers and the transparency log with what the seed wrote.
    auto fed = app.RunJournalOnce();
    if (!fed) return Fail(fed.error(), out);
    out << "journal consumers and transparency log caught up (" << *fed << " events) in "
        << Seconds(seeded, std::chrono::steady_clock::now()) << " s\n";
    return 0;
  });
}

int RunAdmin(const Config& config, const AdminRequest& request, std::ostream& out) {
  crypto::SecureRandom random;
  return WithApplication(config, random, out, [&](Application& app, storage::Database&) {
    auto& directory = app.directory();
    const auto system = identity::Principal::System();
    using Kind = AdminRequest::Kind;
    switch (request.kind) {
      case Kind::kCreateOrganisation: {
        auto org = directory.CreateOrganisation(system, request.organisation);
        if (!org) return Fail(org.error(), out);
        out << org->id << "\n";
        return 0;
      }
      case Kind::kCreateOutlet: {
        auto org = OrganisationId::Parse(request.organisation_id, "organisation_id");
        if (!org) return Fail(org.error(), out);
        auto outlet = directory.CreateOutlet(system, *org, request.outlet);
        if (!outlet) return Fail(outlet.error(), out);
        out << outlet->id << "\n";
        return 0;
      }
      case Kind::kCreateUser: {
        auto org = OrganisationId::Parse(request.organisation_id, "organisation_id");
        if (!org) return Fail(org.error(), out);
        auto user = directory.CreateUser(system, *org, request.user);
        if (!user) return Fail(user.error(), out);
        out << user->id << "\n";
        return 0;
      }
      case Kind::kListOrganisations: {
        storage::PageRequest page{"", 200};
        for (;;) {
          auto result = directory.ListOrganisations(system, page);
          if (!result) return Fail(result.error(), out);
          for (const auto& o : result->items) {
            out << o.id << "  " << o.kind << "  " << o.region_code << "  " << o.name << "\n";
          }
          if (!result->next_cursor) break;
          page.after = *result->next_cursor;
        }
        return 0;
      }
    }
    return 2;
  });
}

}  // namespace recirc::app
