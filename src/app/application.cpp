#include "app/application.hpp"

#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>
#include <span>
#include <stop_token>
#include <thread>

#include "app/federation_node.hpp"
#include "app/node_keys.hpp"
#include "app/periodic_job.hpp"
#include "app/witness_client.hpp"

#include "api/api.hpp"
#include "core/embedded_file.hpp"
#include "documents/item_label_service.hpp"
#include "documents/report_delivery.hpp"
#include "domain/complaints/complaint_service.hpp"
#include "domain/consignment/consignment_service.hpp"
#include "domain/history/log_service.hpp"
#include "domain/history/seizure_publisher.hpp"
#include "domain/history/sequencer.hpp"
#include "domain/history/witness.hpp"
#include "domain/history/witness_sender.hpp"
#include "domain/identity/account_service.hpp"
#include "domain/identity/auth_service.hpp"
#include "domain/identity/buyer_service.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/identity/identity_port.hpp"
#include "domain/inspection/services.hpp"
#include "domain/market/complaint_port.hpp"
#include "domain/market/offer_photos.hpp"
#include "domain/market/sale_records.hpp"
#include "domain/market/services.hpp"
#include "domain/notifications/notification_service.hpp"
#include "domain/notifications/notifier.hpp"
#include "domain/registry/federation_port.hpp"
#include "domain/registry/personal_data.hpp"
#include "domain/registry/photos.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/police_feed.hpp"
#include "domain/registry/registration.hpp"
#include "domain/registry/registry_port_impl.hpp"
#include "domain/registry/seller_view.hpp"
#include "domain/statistics/rollups.hpp"
#include "domain/statistics/statistics_service.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"
#include "journal/event_counts.hpp"
#include "journal/runner.hpp"
#include "search/feed/search_consumer.hpp"
#include "search/search_index.hpp"
#include "storage/event_counts_repository.hpp"
#include "storage/history/tlog_repository.hpp"
#include "storage/history/witness_repository.hpp"
#include "storage/idempotency_repository.hpp"
#include "storage/identity/identity_repository.hpp"
#include "storage/inspection/inspection_repository.hpp"
#include "storage/market/market_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/registry/photo_repository.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::app {

std::span<const EmbeddedFile> RegionsCsv();

Result<core::RegionTable> LoadRegions() {
  return core::RegionTable::ParseCsv(RegionsCsv().front().content, "data/regions.csv");
}

namespace {

// [[witness.log]] and [[log.witness]] with their keys parsed; errors name the entry.
Result<std::vector<history::WitnessedLog>> WitnessedLogs(const Config& c) {
  std::vector<history::WitnessedLog> logs;
  for (size_t i = 0; i < c.witness_logs.size(); ++i) {
    const auto& l = c.witness_logs[i];
    const std::string field = "witness.log[" + std::to_string(i) + "].key";
    auto key = tlog::Verifier::FromKey(l.key);
    if (!key) return Error::InvalidArgument(field, "config " + field + ": " + key.error().message);
    if (key->name() != l.origin) {
      return Error::InvalidArgument(field, "config " + field + ": the key's name " + key->name() +
                                               " is not the origin " + l.origin);
    }
    logs.push_back({l.origin, *key});
  }
  return logs;
}

Result<std::vector<history::LogWitness>> LogWitnesses(const Config& c) {
  std::vector<history::LogWitness> witnesses;
  for (size_t i = 0; i < c.log_witnesses.size(); ++i) {
    const auto& w = c.log_witnesses[i];
    const std::string field = "log.witness[" + std::to_string(i) + "].key";
    auto key = tlog::CosignatureVerifier::FromKey(w.key);
    if (!key) return Error::InvalidArgument(field, "config " + field + ": " + key.error().message);
    if (key->name() != w.name) {
      return Error::InvalidArgument(field, "config " + field + ": the key's name " + key->name() +
                                               " is not the witness name " + w.name);
    }
    witnesses.push_back({*key, w.url});
  }
  return witnesses;
}

}  // namespace

// consignment::AcquisitionRegistrar over the registry's RegistrationService.
class RegistrationRegistrar final : public consignment::AcquisitionRegistrar {
 public:
  explicit RegistrationRegistrar(registry::RegistrationService& registration)
      : registration_(registration) {}
  Result<registry::AcquisitionReceipt> Register(const identity::Principal& actor,
                                                const registry::AcquisitionInput& in) override {
    return registration_.Register(actor, in);
  }

 private:
  registry::RegistrationService& registration_;
};

struct Application::Parts {
  Parts(const Config& c, storage::Database& database, const Clock& clk, Random& rnd,
        core::RegionTable region_table, crypto::FieldCipher field_cipher,
        crypto::BlindIndex blind_index, inspection::Catalogue checklist_catalogue,
        const tlog::Signer& log_key, market::ProhibitedRules prohibited_rules,
        std::unique_ptr<search::SearchIndex> search)
      : config(c),
        db(database),
        clock(clk),
        random(rnd),
        regions(std::move(region_table)),
        cipher(std::move(field_cipher)),
        index(std::move(blind_index)),
        idempotency_mac(index.Derive("idempotency.request")),
        journal(clk, rnd),
        registry_port(registry_repo, journal, clock, random),
        sale_records(journal),
        hasher(c.password_cost),
        directory(db, identity_repo, journal, regions, hasher, clock, random),
        accounts(db, identity_repo, journal, regions, hasher, clock, random),
        auth(db, identity_repo, journal, hasher, clock, random, c.session_lifetime),
        registration(db, registry_repo, identity_port, sale_records, journal, cipher, index, clock,
                     random, c.hold_policy),
        police(db, registry_repo, identity_port, journal, index, clock, random),
        seller_view(db, registry_repo, cipher, clock, random),
        checklists(std::move(checklist_catalogue)),
        reports(db, checklists, inspection_repo, registry_port, journal, cipher, clock, random),
        sanitization(db, checklists, inspection_repo, registry_port, journal, clock, random),
        repairs(db, inspection_repo, registry_port, journal, clock, random),
        disclosure(db, checklists, registry_port, journal),
        inspection_queue(db, inspection_repo, registry_port, identity_port),
        inspection_services{checklists, reports,    sanitization,
                            repairs,    disclosure, inspection_queue},
        prohibited(std::move(prohibited_rules)),
        sellable(registration.holds()),
        seal(cipher, random),
        market_context{db,          checklists,    prohibited,      sellable,
                       market_repo, registry_port, inspection_port, identity_port,
                       journal,     clock,         random,          seal},
        offers(market_context),
        best_offers(market_context),
        listing_blocks(market_context),
        orders(market_context, payment_providers),
        after_sales(market_context, orders, reports),
        auctions(market_context, offers, orders, auction_repo),
        inventory(market_context),
        rentals(market_context, offers, rental_repo),
        market_services{offers,     best_offers,       listing_blocks, orders,    after_sales,
                        prohibited, payment_providers, auctions,       inventory, rentals},
        photos(db, registry_repo, photo_repo, storage::PhotoFiles(c.data_dir / "photos"), cipher,
               clock, random),
        personal_data(db, cipher, clock, random),
        buyers(directory, clock),
        offer_photos(market_context, photos),
        order_photos(market_context, storage::PhotoFiles(c.data_dir / "photos")),
        event_counts(event_counts_repo),
        police_feed(police_feed_repo, identity_port),
        sequencer(tlog_repo, log_key, clock),
        seizures(db, journal, clock, c.tlog.seizure_delay),
        log_service(db, tlog_repo, log_key.VerifierKey(), &witness_repo),
        labels(db, journal, checklists, log_key.name(), c.PublicBaseUrl()),
        search_index(std::move(search)),
        search_consumer(*search_index),
        statistics(db, statistics_repo, clock, c.statistics.min_cell,
                   static_cast<int>(c.statistics.baseline_year)),
        rollups(statistics_repo, identity_port, registry_port),
        notification_service(db, notification_repo, notification_hub, clock),
        notifier(notification_repo, identity_port, notification_hub, clock),
        complaint_port(market_context),
        complaints(db, complaint_repo, journal, identity_port, complaint_port, cipher, clock,
                   random, complaints::ComplaintPolicy{c.complaints.answer_days}),
        consignment_registrar(registration),
        consignment(db, consignment_repo, journal, consignment_registrar, sellable, cipher, index,
                    clock, random),
        runner(db, journal, {&event_counts, &police_feed, &search_consumer, &rollups, &notifier}),
        tlog_runner(db, journal, {&sequencer}, c.tlog.batch_size) {}

  Config config;
  storage::Database& db;
  const Clock& clock;
  Random& random;
  core::RegionTable regions;
  crypto::FieldCipher cipher;
  crypto::BlindIndex index;
  crypto::BlindIndex idempotency_mac;  // keyed MAC of Idempotency-Key request bodies
  storage::JournalRepository journal;
  storage::IdentityRepository identity_repo;
  storage::IdempotencyRepository idempotency_repo;
  storage::EventCountsRepository event_counts_repo;
  storage::RegistryRepository registry_repo;
  storage::PoliceFeedRepository police_feed_repo;
  storage::InspectionRepository inspection_repo;
  storage::PhotoRepository photo_repo;
  storage::TlogRepository tlog_repo;
  storage::WitnessRepository witness_repo;
  // What inspection, market and documents may ask of the registry (registry_port.hpp).
  registry::RegistryPortImpl registry_port;
  // What registration asks of the market: was a re-acquired item sold by recirc
  // (circulation_port.hpp).
  market::SaleRecords sale_records;
  // What registry and market may read of the directory, and market of inspection.
  identity::IdentityPortImpl identity_port{identity_repo};
  inspection::InspectionPortImpl inspection_port{inspection_repo};
  crypto::PasswordHasher hasher;
  identity::DirectoryService directory;
  identity::AccountService accounts;
  identity::AuthService auth;
  registry::RegistrationService registration;
  registry::PoliceService police;
  registry::SellerViewService seller_view;
  // What federation may ask of the registry (exports, watchlist entries from the city).
  registry::FederationPortImpl federation_port{registry_repo, seller_view, journal, clock, random};
  inspection::Catalogue checklists;
  inspection::InspectionService reports;
  inspection::SanitizationService sanitization;
  inspection::RepairService repairs;
  inspection::DisclosureService disclosure;
  inspection::InspectionQueueService inspection_queue;
  inspection::InspectionServices inspection_services;
  storage::MarketRepository market_repo;
  market::ProhibitedRules prohibited;
  market::RegistryHoldsCheck sellable;
  market::FieldCipherSeal seal;  // buyers' delivery details, under the sellers' data keys
  market::CashAtOutlet cash_payments;
  market::SimulatedProvider simulated_payments;  // SIMULATED: moves no money (tests, demo)
  market::PaymentProviders payment_providers;
  market::MarketContext market_context;
  market::OfferService offers;
  market::BestOfferService best_offers;
  market::ListingBlockService listing_blocks;
  market::OrderService orders;
  market::AfterSalesService after_sales;
  storage::AuctionRepository auction_repo;
  market::AuctionService auctions;
  market::InventoryService inventory;
  storage::RentalRepository rental_repo;
  market::RentalService rentals;
  market::MarketServices market_services;
  registry::PhotoService photos;
  registry::PersonalDataService personal_data;
  identity::BuyerService buyers;
  market::OfferPhotoService offer_photos;
  market::OrderPhotoService order_photos;
  std::optional<documents::ReportDelivery> report_delivery;  // [registry] report_dir
  journal::EventCounts event_counts;
  registry::PoliceFeed police_feed;
  history::Sequencer sequencer;
  history::SeizurePublisher seizures;  // item.seized reaches the log after [tlog] seizure_delay
  history::LogService log_service;
  documents::LabelService labels;
  std::unique_ptr<search::SearchIndex> search_index;  // <data_dir>/search, one writer per process
  search::SearchConsumer search_consumer;
  storage::StatisticsRepository statistics_repo;
  statistics::StatisticsService statistics;
  statistics::Rollups rollups;  // the statistics' journal consumer
  storage::NotificationRepository notification_repo;
  notifications::NotificationHub notification_hub;  // the open notification streams
  notifications::NotificationService notification_service;
  notifications::Notifier notifier;  // the notification centre's journal consumer
  storage::ComplaintRepository complaint_repo;
  market::ComplaintPortImpl complaint_port;  // what complaints may ask of the market
  complaints::ComplaintService complaints;
  storage::ConsignmentRepository consignment_repo;
  // Consigned items are registered through the registry's acquisition path.
  RegistrationRegistrar consignment_registrar;
  consignment::ConsignmentService consignment;
  journal::JournalRunner runner;
  // The transparency log has its own runner: its batches are paced by the checkpoint interval.
  journal::JournalRunner tlog_runner;
  std::unique_ptr<api::ApiContexts> api;  // the route groups hold references into it
  std::optional<http::Router> router;
  std::unique_ptr<http::Metrics> metrics;
  std::optional<http::StaticFiles> static_files;
  std::unique_ptr<http::Dispatcher> dispatcher;
  std::unique_ptr<http::BoundedPool> hashing;  // login and sign-up: outlives the server
  std::unique_ptr<http::Server> server;
  // The database outlives the application and keeps its commit listeners: the listener reaches
  // the runner through this pointer, which the destructor clears.
  std::shared_ptr<std::atomic<journal::JournalRunner*>> wake_target =
      std::make_shared<std::atomic<journal::JournalRunner*>>(&runner);
  std::shared_ptr<std::atomic<journal::JournalRunner*>> tlog_wake_target =
      std::make_shared<std::atomic<journal::JournalRunner*>>(&tlog_runner);
  // Witnesses: this node as a witness of other logs, and this log's witnesses (docs/tlog.md).
  std::unique_ptr<history::WitnessService> witness;
  std::unique_ptr<history::WitnessSender> witness_sender;
  // Shop to city and city to shop (docs/federation.md).
  std::unique_ptr<FederationNode> federation;
};

Application::Application(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

Application::~Application() {
  if (!parts_) return;
  parts_->wake_target->store(nullptr);
  parts_->tlog_wake_target->store(nullptr);
  parts_->runner.Stop();
  parts_->tlog_runner.Stop();
  parts_->witness_sender->Stop();
  parts_->federation->Stop();
}

Result<std::unique_ptr<Application>> Application::Create(const Config& config,
                                                         storage::Database& db, const Clock& clock,
                                                         Random& random) {
  RECIRC_TRY(auto migrated, storage::Migrate(db, clock));
  for (const auto& name : migrated.applied) spdlog::info("applied migration {}", name);
  RECIRC_TRY(auto regions, LoadRegions());
  RECIRC_TRY(auto keys, LoadNodeKeys(db, config.data_dir, "recirc.example/log", clock, random));
  RECIRC_TRY(auto checklists, inspection::Catalogue::Embedded());
  RECIRC_TRY(auto prohibited, market::ProhibitedRules::Embedded());
  RECIRC_TRY(auto search_index, search::SearchIndex::Open(config.data_dir / "search"));
  RECIRC_TRY(auto witnessed_logs, WitnessedLogs(config));
  RECIRC_TRY(auto log_witnesses, LogWitnesses(config));
  auto parts = std::make_unique<Parts>(
      config, db, clock, random, std::move(regions), std::move(keys.cipher), std::move(keys.index),
      std::move(checklists), std::move(keys.log), std::move(prohibited), std::move(search_index));
  Parts& p = *parts;
  p.witness = std::make_unique<history::WitnessService>(p.db, p.witness_repo,
                                                        tlog::CosignatureSigner(keys.witness),
                                                        std::move(witnessed_logs), p.clock);
  p.witness_sender = std::make_unique<history::WitnessSender>(
      p.db, p.tlog_repo, p.witness_repo, std::move(log_witnesses),
      [](const std::string& url, const std::string& body) {
        return PostText(url, body, std::chrono::seconds(10));
      },
      p.clock, config.witness_retry);
  RECIRC_TRY(p.federation,
             FederationNode::Create(config.federation, p.db, p.journal, p.federation_port,
                                    p.identity_port, keys.log, p.clock, p.random));
  if (config.report_dir) {
    p.report_delivery.emplace(p.db, p.registry_port, *config.report_dir, p.clock);
  }
  RECIRC_CHECK(p.db.Write([&p](storage::Session& s) { return p.sequencer.PublishInitial(s); }));
  p.payment_providers.Add(p.cash_payments);
  if (config.market.simulated_payments) {
    p.payment_providers.Add(p.simulated_payments);
    spdlog::warn("market: the SIMULATED payment provider is on: its orders move no money");
  } else {
    p.payment_providers.Withhold(
        "simulated",
        "simulated payments move no money and are for the demo and tests; a server offers them "
        "with [market] simulated_payments = true");
  }

  const std::string public_base_url = config.PublicBaseUrl();
  p.api = std::make_unique<api::ApiContexts>(api::ApiContexts{
      .system = {p.db, p.journal, p.regions, p.metrics, config.time_zone},
      .identity = {p.auth, p.directory, p.accounts, p.buyers, config.session_lifetime,
                   config.secure_cookies},
      .registry = {p.registration, p.police, p.seller_view, p.photos, p.labels, public_base_url},
      .inspection = {p.inspection_services, public_base_url},
      .history = {p.log_service, *p.witness},
      .market = {p.market_services, *p.search_index, p.regions, p.offer_photos, p.order_photos},
      .statistics = {p.statistics},
      .notifications = {p.notification_service},
      .complaints = {p.complaints},
      .federation = {p.federation->inbox(), p.federation->watchlist()},
      .consignment = {p.consignment},
  });
  RECIRC_TRY(auto router, http::Router::Build(api::BuildRoutes(*p.api)));
  p.router.emplace(std::move(router));
  std::vector<std::string> labels;
  for (const auto& r : p.router->routes()) {
    labels.push_back(std::string(boost::beast::http::to_string(r.method)) + " " + r.pattern);
  }
  p.metrics = std::make_unique<http::Metrics>(std::move(labels));
  p.metrics->AddCollector([&p](std::string& out) {
    auto cursors = storage::ReadValue<std::vector<std::pair<std::string, int64_t>>>(
        p.db, [&](storage::Session& s) { return p.journal.AllCursors(s); });
    auto head =
        storage::ReadValue<int64_t>(p.db, [&](storage::Session& s) { return p.journal.Head(s); });
    out += "# HELP recirc_journal_head Highest sequence number in the events journal.\n";
    out += "# TYPE recirc_journal_head gauge\n";
    out += "recirc_journal_head " + std::to_string(head ? *head : -1) + "\n";
    out += "# HELP recirc_journal_consumer_position Last event applied by each consumer.\n";
    out += "# TYPE recirc_journal_consumer_position gauge\n";
    if (cursors) {
      for (const auto& [name, pos] : *cursors) {
        out += "recirc_journal_consumer_position{consumer=\"" + name + "\"} " +
               std::to_string(pos) + "\n";
      }
    }
    out += "# HELP recirc_journal_consumer_passes_total Runs of a consumer that applied events.\n";
    out += "# TYPE recirc_journal_consumer_passes_total counter\n";
    for (const journal::JournalRunner* runner : {&p.runner, &p.tlog_runner}) {
      for (const auto& [name, passes] : runner->Passes()) {
        out += "recirc_journal_consumer_passes_total{consumer=\"" + name + "\"} " +
               std::to_string(passes) + "\n";
      }
    }
    out += "# HELP recirc_db_write_transactions_total Write transactions committed.\n";
    out += "# TYPE recirc_db_write_transactions_total counter\n";
    out += "recirc_db_write_transactions_total " + std::to_string(p.db.committed_writes()) + "\n";
    p.federation->WriteMetrics(out);
  });

  // An explicitly empty web root means "API only" (tests); unset means web/dist if present.
  const std::filesystem::path web_root = config.web_root.value_or("web/dist");
  if (!web_root.empty()) {
    if (auto files = http::StaticFiles::Load(web_root)) {
      p.static_files.emplace(std::move(*files));
      spdlog::info("serving the web app from {} ({} files)", web_root.string(),
                   p.static_files->size());
    } else if (config.web_root) {
      return files.error();
    } else {
      spdlog::warn("no web app at {}: run `npm run build` in web/ (the API works without it)",
                   web_root.string());
    }
  }

  std::shared_ptr<spdlog::logger> access;
  if (config.access_log) {
    access = std::make_shared<spdlog::logger>("access",
                                              std::make_shared<spdlog::sinks::stdout_sink_mt>());
    access->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %v", spdlog::pattern_time_type::utc);
  } else {
    access =
        std::make_shared<spdlog::logger>("access", std::make_shared<spdlog::sinks::null_sink_mt>());
  }
  p.dispatcher = std::make_unique<http::Dispatcher>(
      *p.router, p.auth, p.db, p.idempotency_repo, p.cipher, p.idempotency_mac, *p.metrics,
      p.static_files ? &*p.static_files : nullptr, p.clock, p.random, std::move(access));
  p.hashing = std::make_unique<http::BoundedPool>(config.server.hashing_threads,
                                                  config.server.hashing_queue);
  p.server = std::make_unique<http::Server>(config.server, *p.dispatcher, *p.metrics, *p.hashing);
  p.db.OnCommit([target = p.wake_target] {
    if (auto* runner = target->load()) runner->Wake();
  });
  p.db.OnCommit([target = p.tlog_wake_target] {
    if (auto* runner = target->load()) runner->Wake();
  });
  return std::unique_ptr<Application>(new Application(std::move(parts)));
}

identity::DirectoryService& Application::directory() { return parts_->directory; }
identity::AuthService& Application::auth() { return parts_->auth; }
registry::RegistrationService& Application::registration() { return parts_->registration; }
registry::PoliceService& Application::police() { return parts_->police; }
registry::PersonalDataService& Application::personal_data() { return parts_->personal_data; }

Result<int64_t> Application::EraseExpiredDeliveries() {
  const int64_t now = ToUnixMillis(parts_->clock.Now());
  return parts_->orders.EraseDeliveriesBefore(
      registry::YearsBefore(now, parts_->config.retention_years));
}

Result<int64_t> Application::ReencryptDeliveries() {
  RECIRC_TRY(int64_t n, market::ReencryptDeliveries(parts_->db, parts_->market_repo, parts_->seal));
  (void)n;
  return market::DeliveriesUnderOldKeys(parts_->db, parts_->market_repo, parts_->seal);
}

Status Application::RunMaintenance() {
  RECIRC_TRY(int64_t erased, parts_->personal_data.EraseExpired(parts_->config.retention_years));
  if (erased > 0) spdlog::info("retention: erased the personal data of {} registrations", erased);
  RECIRC_TRY(int64_t deliveries, EraseExpiredDeliveries());
  if (deliveries > 0)
    spdlog::info("retention: erased the delivery details of {} orders", deliveries);
  RECIRC_TRY(int64_t resealed,
             market::ReencryptDeliveries(parts_->db, parts_->market_repo, parts_->seal));
  if (resealed > 0) spdlog::info("re-encrypted the delivery details of {} orders", resealed);
  RECIRC_TRY(auto report, parts_->personal_data.Reencrypt());
  if (report.parties + report.acquisitions > 0) {
    spdlog::info("re-encrypted {} parties and {} registrations under the current key",
                 report.parties, report.acquisitions);
  }
  if (parts_->report_delivery) {
    RECIRC_TRY(auto delivered, parts_->report_delivery->DeliverDue());
    for (const auto& day : delivered.days) spdlog::info("delivered the daily reports of {}", day);
  }
  return Ok();
}
Status Application::RunMarketJobs() {
  RECIRC_TRY(int64_t expired, parts_->best_offers.ExpireDue());
  if (expired > 0) spdlog::info("market: {} best offers expired", expired);
  RECIRC_TRY(int64_t unpaid, parts_->orders.ExpireUnpaid());
  if (unpaid > 0)
    spdlog::info("market: {} unpaid orders cancelled after the payment window", unpaid);
  RECIRC_TRY(int64_t closed, parts_->auctions.CloseDue());
  if (closed > 0) spdlog::info("market: {} auctions closed", closed);
  RECIRC_TRY(int64_t settled, parts_->orders.SettleDue());
  if (settled > 0) spdlog::info("market: {} orders settled after their windows", settled);
  RECIRC_TRY(auto consigned, parts_->consignment.RunDue());
  if (consigned.marked_down + consigned.expired > 0) {
    spdlog::info("consignment: {} markdowns, {} expiry actions", consigned.marked_down,
                 consigned.expired);
  }
  RECIRC_TRY(int64_t seizures, parts_->seizures.PublishDue());
  if (seizures > 0) spdlog::info("log: {} seizures published after their delay", seizures);
  return Ok();
}

Result<DemoMarketReport> Application::SeedDemoMarket() {
  Parts& p = *parts_;
  int64_t longest = p.config.hold_policy.default_days;
  for (const auto& rule : p.config.hold_policy.rules) longest = std::max(longest, rule.days);
  FakeClock registered_at(p.clock.Now() - std::chrono::hours(24 * (longest + 1)));
  const storage::JournalRepository journal(registered_at, p.random);
  registry::RegistrationService registration(p.db, p.registry_repo, p.identity_port, p.sale_records,
                                             journal, p.cipher, p.index, registered_at, p.random,
                                             p.config.hold_policy);
  return app::SeedDemoMarket({p.db, p.directory, registration, p.police, p.photos, p.reports,
                              p.sanitization, p.offers, p.registry_repo, p.clock});
}
http::Dispatcher& Application::dispatcher() { return *parts_->dispatcher; }
http::BoundedPool& Application::hashing_pool() { return *parts_->hashing; }
Status Application::RunWitnessesOnce() {
  RECIRC_TRY(auto round, parts_->witness_sender->RunOnce());
  if (round.failures.empty()) return Ok();
  std::string why;
  for (const auto& f : round.failures) why += (why.empty() ? "" : "; ") + f;
  return Error::Unavailable("witnesses: " + why);
}
Status Application::RunFederationOnce() { return parts_->federation->RunOnce(); }
void Application::SetFederationTransport(federation::Post post) {
  parts_->federation->SetTransport(std::move(post));
}
Result<int64_t> Application::RunJournalOnce() {
  RECIRC_TRY(int64_t a, parts_->runner.RunOnce());
  RECIRC_TRY(int64_t b, parts_->tlog_runner.RunOnce());
  return a + b;
}
const http::Router& Application::router() const { return *parts_->router; }
const core::RegionTable& Application::regions() const { return parts_->regions; }
const documents::LabelService& Application::labels() const { return parts_->labels; }

search::SearchIndex& Application::search() { return *parts_->search_index; }

Status Application::CatchUp() {
  RECIRC_CHECK(parts_->runner.RunOnce());
  return Ok();
}

Result<int64_t> Application::Reindex() {
  RECIRC_CHECK(parts_->runner.Rebuild(parts_->search_consumer.name()));
  RECIRC_CHECK(parts_->runner.RunOnce());
  return parts_->search_index->Count();
}

Result<int64_t> Application::RebuildStatistics() {
  RECIRC_CHECK(parts_->runner.Rebuild(parts_->rollups.name()));
  return parts_->runner.RunOnce();
}

Status Application::Listen() { return parts_->server->Listen(); }
uint16_t Application::port() const { return parts_->server->port(); }

void Application::Serve() {
  parts_->runner.Start(std::chrono::seconds(1));
  parts_->tlog_runner.Start(std::chrono::seconds(1), parts_->config.tlog.checkpoint_interval);
  parts_->witness_sender->Start(std::chrono::seconds(1));
  parts_->federation->Start();
  // Personal-data upkeep: at start, then hourly, until the server stops.
  std::mutex mutex;
  std::condition_variable_any wake;
  std::jthread maintenance([this, &mutex, &wake](const std::stop_token& stop) {
    while (!stop.stop_requested()) {
      if (auto st = RunMaintenance(); !st) {
        spdlog::error("personal-data upkeep failed: {}", st.error().message);
      }
      std::unique_lock lock(mutex);
      wake.wait_for(lock, stop, std::chrono::hours(1), [] { return false; });
    }
  });
  // The market's jobs (best-offer expiry, auction close, settlement) and the delayed publication of
  // seizures every minute, until the server stops.
  std::optional<PeriodicJob> market_jobs;
  market_jobs.emplace("market jobs", std::chrono::minutes(1), [this] { return RunMarketJobs(); });
  parts_->server->Run();
  market_jobs.reset();
  maintenance.request_stop();
  maintenance.join();
  parts_->runner.Stop();
  parts_->tlog_runner.Stop();
  parts_->witness_sender->Stop();
  parts_->federation->Stop();
}

void Application::Stop() { parts_->server->Stop(); }

}  // namespace recirc::app
