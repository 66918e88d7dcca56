#include "http/metrics.hpp"

#include <fmt/format.h>

namespace recirc::http {

Metrics::Metrics(std::vector<std::string> route_labels) : labels_(std::move(route_labels)) {
  labels_.emplace_back("other");
  stats_ = std::make_unique<RouteStats[]>(labels_.size());
}

void Metrics::Record(size_t route_index, unsigned status, std::chrono::microseconds duration) {
  RouteStats& s = stats_[std::min(route_index, labels_.size() - 1)];
  const size_t cls = std::min<size_t>(std::max<unsigned>(status / 100, 1) - 1, 4);
  s.by_class[cls].fetch_add(1, std::memory_order_relaxed);
  const double seconds = static_cast<double>(duration.count()) / 1e6;
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  s.sum_us.fetch_add(duration.count(), std::memory_order_relaxed);
}

void Metrics::AddCollector(std::function<void(std::string& out)> collector) {
  std::lock_guard lock(collectors_mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::Render() const {
  std::string out;
  out += "# HELP recirc_http_requests_total HTTP requests answered, by route and status class.\n";
  out += "# TYPE recirc_http_requests_total counter\n";
  for (size_t i = 0; i < labels_.size(); ++i) {
    for (size_t c = 0; c < 5; ++c) {
      const int64_t n = stats_[i].by_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += fmt::format("recirc_http_requests_total{{route=\"{}\",code=\"{}xx\"}} {}\n",
                         labels_[i], c + 1, n);
    }
  }
  out += "# HELP recirc_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE recirc_http_request_duration_seconds histogram\n";
  for (size_t i = 0; i < labels_.size(); ++i) {
    int64_t cumulative = 0;
    int64_t total = 0;
    for (const auto& b : stats_[i].buckets) total += b.load(std::memory_order_relaxed);
    if (total == 0) continue;
    for (size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += stats_[i].buckets[b].load(std::memory_order_relaxed);
      const std::string le = b < kBuckets.size() ? fmt::format("{}", kBuckets[b]) : "+Inf";
      out +=
          fmt::format("recirc_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      labels_[i], le, cumulative);
    }
    out += fmt::format("recirc_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", labels_[i],
                       static_cast<double>(stats_[i].sum_us.load()) / 1e6);
    out += fmt::format("recirc_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                       labels_[i], cumulative);
  }
  out += "# HELP recirc_http_open_connections Client connections open now.\n";
  out += "# TYPE recirc_http_open_connections gauge\n";
  out += fmt::format("recirc_http_open_connections {}\n", connections_.load());
  std::lock_guard lock(collectors_mutex_);
  for (const auto& c : collectors_) c(out);
  return out;
}

}  // namespace recirc::http
