#include "app/federation_node.hpp"

#include "app/federation_client.hpp"

#include <fmt/format.h>

namespace recirc::app {
namespace {

Result<tlog::Verifier> KeyOf(const std::string& text, const std::string& field) {
  auto key = tlog::Verifier::FromKey(text);
  if (!key) {
    return Error::InvalidArgument(field, fmt::format("config {}: {}", field, key.error().message));
  }
  return *key;
}

}  // namespace

Result<std::unique_ptr<FederationNode>> FederationNode::Create(
    const FederationConfig& c, storage::Database& db, const storage::JournalRepository& journal,
    const registry::FederationPort& registry, const identity::IdentityPort& identity,
    const tlog::Signer& key, const Clock& clock, Random& random) {
  std::unique_ptr<FederationNode> node(new FederationNode());
  node->db_ = &db;
  node->journal_ = &journal;
  node->pull_interval_ = c.pull_interval;
  std::vector<federation::KnownShop> shops;
  for (size_t i = 0; i < c.shops.size(); ++i) {
    const std::string field = fmt::format("federation.shop[{}].key", i);
    RECIRC_TRY(auto shop_key, KeyOf(c.shops[i].key, field));
    for (const auto& known : shops) {
      if (known.key.name() == shop_key.name()) {
        return Error::InvalidArgument(
            field, fmt::format("config {}: two shops named {}", field, shop_key.name()));
      }
    }
    shops.push_back({shop_key, c.shops[i].region});
  }
  node->inbox_ = std::make_unique<federation::CityInbox>(db, node->repo_, key, std::move(shops),
                                                         clock, random, c.max_in_flight);
  node->feed_ =
      std::make_unique<federation::WatchlistFeed>(db, journal, registry, identity, *node->inbox_);
  node->transport_ = [](const std::string& url, const std::string& body) {
    return PostNote(url, body, std::chrono::seconds(30));
  };
  if (c.city_url.empty()) return node;
  RECIRC_TRY(auto city_key, KeyOf(c.city_key, "federation.city_key"));
  FederationNode* self = node.get();
  auto post = [self](const std::string& url, const std::string& body) {
    return self->Post(url, body);
  };
  const federation::CityLink city{c.city_url, city_key};
  node->pusher_ = std::make_unique<federation::ShopPusher>(
      registry, identity, key, city, post, federation::Backoff{c.retry, c.retry_max}, clock);
  node->runner_ = std::make_unique<journal::JournalRunner>(
      db, journal, std::vector<journal::Consumer*>{node->pusher_.get()});
  node->puller_ = std::make_unique<federation::WatchlistPuller>(db, journal, registry, identity,
                                                                key, city, post);
  return node;
}

FederationNode::~FederationNode() { Stop(); }

void FederationNode::SetTransport(federation::Post post) {
  std::lock_guard lock(transport_mutex_);
  transport_ = std::move(post);
}

Result<federation::PostAnswer> FederationNode::Post(const std::string& url,
                                                    const std::string& body) {
  federation::Post post;
  {
    std::lock_guard lock(transport_mutex_);
    post = transport_;
  }
  return post(url, body);
}

Status FederationNode::RunOnce() {
  if (!pusher_) return Ok();
  Status pushed = Ok();
  if (pusher_->Due()) {
    auto applied = runner_->RunOnce();
    if (!applied) pushed = applied.error();
  }
  auto pulled = puller_->RunOnce();
  if (!pushed) return pushed;
  if (!pulled) return pulled.error();
  return Ok();
}

void FederationNode::Start() {
  if (!pusher_) return;
  push_job_.emplace("federation push", std::chrono::milliseconds(500), [this]() -> Status {
    if (!pusher_->Due()) return Ok();
    auto applied = runner_->RunOnce();
    if (!applied) return Ok();  // the pusher logged it and backs off
    return Ok();
  });
  pull_job_.emplace("federation watchlist pull", pull_interval_, [this]() -> Status {
    auto pulled = puller_->RunOnce();
    if (!pulled) return pulled.error();
    return Ok();
  });
}

void FederationNode::Stop() {
  push_job_.reset();
  pull_job_.reset();
}

void FederationNode::WriteMetrics(std::string& out) {
  if (!pusher_) return;
  auto backlog = storage::ReadValue<int64_t>(*db_, [&](storage::Session& s) -> Result<int64_t> {
    RECIRC_TRY(int64_t head, journal_->Head(s));
    RECIRC_TRY(int64_t cursor, journal_->CursorOf(s, federation::ShopPusher::kName));
    return head - cursor;
  });
  out +=
      "# HELP recirc_federation_backlog_events Journal events not yet acknowledged by the city.\n";
  out += "# TYPE recirc_federation_backlog_events gauge\n";
  out += fmt::format("recirc_federation_backlog_events {}\n", backlog ? *backlog : -1);
  out += "# HELP recirc_federation_batches_total Batches the city acknowledged.\n";
  out += "# TYPE recirc_federation_batches_total counter\n";
  out += fmt::format("recirc_federation_batches_total {}\n", pusher_->batches_sent());
  out += "# HELP recirc_federation_push_failures_total Pushes the city did not acknowledge.\n";
  out += "# TYPE recirc_federation_push_failures_total counter\n";
  out += fmt::format("recirc_federation_push_failures_total {}\n", pusher_->failures());
}

}  // namespace recirc::app
