#pragma once
// Metrics in the Prometheus text format (version 0.0.4): per route, requests by status class and
// a latency histogram; open connections; plus collectors that other parts register (journal
// positions). Recording is lock-free (atomics per route); rendering takes a snapshot.

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace recirc::http {

class Metrics {
 public:
  // One label per route index; Record() with an index past the end counts as "other".
  explicit Metrics(std::vector<std::string> route_labels);
  void Record(size_t route_index, unsigned status, std::chrono::microseconds duration);
  void ConnectionOpened() { connections_++; }
  void ConnectionClosed() { connections_--; }
  int64_t open_connections() const { return connections_.load(); }
  // A collector appends complete metric lines (with # HELP/# TYPE) to `out` when scraped.
  void AddCollector(std::function<void(std::string& out)> collector);
  std::string Render() const;

 private:
  static constexpr std::array<double, 9> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                     0.025,  0.05,  0.1,    0.5};
  struct RouteStats {
    std::array<std::atomic<int64_t>, 5> by_class{};  // 1xx..5xx
    std::array<std::atomic<int64_t>, kBuckets.size() + 1> buckets{};
    std::atomic<int64_t> sum_us{0};
  };
  std::vector<std::string> labels_;
  std::unique_ptr<RouteStats[]> stats_;
  std::atomic<int64_t> connections_{0};
  mutable std::mutex collectors_mutex_;
  std::vector<std::function<void(std::string&)>> collectors_;
};

}  // namespace recirc::http
