#include "http/bounded_pool.hpp"

#include <algorithm>

namespace recirc::http {

BoundedPool::BoundedPool(int threads, int queue)
    : capacity_(std::max(1, threads) + std::max(0, queue)),
      pool_(static_cast<size_t>(std::max(1, threads))) {}

BoundedPool::~BoundedPool() { pool_.join(); }

std::optional<BoundedPool::Admission> BoundedPool::TryAdmit() {
  int current = admitted_.load();
  while (current < capacity_) {
    if (admitted_.compare_exchange_weak(current, current + 1)) return Admission(&admitted_);
  }
  return std::nullopt;
}

}  // namespace recirc::http
