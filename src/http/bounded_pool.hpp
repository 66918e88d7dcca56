#pragma once
// BoundedPool: a few threads and a bounded queue for work that is slow on purpose (checking and
// hashing passwords). Routes marked Execution::kHashing run here, not on the worker pool, so a
// flood of logins keeps at most `threads` cores busy and never delays requests that do not hash.
// When `threads + queue` jobs are already admitted, TryAdmit fails and the server answers 503
// with Retry-After at once instead of queueing without end.
// Thread-safe. Owned by the application and handed to the server (no globals).

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <optional>
#include <utility>

namespace recirc::http {

class BoundedPool {
 public:
  // Holds one place in the pool until destroyed. Move-only.
  class Admission {
   public:
    explicit Admission(std::atomic<int>* admitted) : admitted_(admitted) {}
    Admission(Admission&& other) noexcept : admitted_(std::exchange(other.admitted_, nullptr)) {}
    Admission& operator=(Admission&&) = delete;
    Admission(const Admission&) = delete;
    ~Admission() {
      if (admitted_) admitted_->fetch_sub(1);
    }

   private:
    std::atomic<int>* admitted_;
  };

  BoundedPool(int threads, int queue);
  ~BoundedPool();

  // A place for one job, or nullopt when the pool is full.
  std::optional<Admission> TryAdmit();
  // Where admitted jobs run.
  boost::asio::thread_pool::executor_type executor() { return pool_.get_executor(); }
  int capacity() const { return capacity_; }
  // Waits for the jobs already posted, then ends the threads.
  void Join() { pool_.join(); }

 private:
  const int capacity_;
  std::atomic<int> admitted_{0};
  boost::asio::thread_pool pool_;
};

}  // namespace recirc::http
