#pragma once
// PeriodicJob: runs a job at once and then every `interval` on its own thread, until it is
// destroyed (which wakes and joins the thread). A failing run is logged and the next one comes
// at the usual time. The job itself reads the injected clock; this only paces it.

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "core/error.hpp"

namespace recirc::app {

class PeriodicJob {
 public:
  PeriodicJob(std::string name, std::chrono::milliseconds interval, std::function<Status()> job)
      : thread_([this, name = std::move(name), interval,
                 job = std::move(job)](const std::stop_token& stop) {
          while (!stop.stop_requested()) {
            if (auto st = job(); !st) spdlog::error("{} failed: {}", name, st.error().message);
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, stop, interval, [] { return false; });
          }
        }) {}
  PeriodicJob(const PeriodicJob&) = delete;
  PeriodicJob& operator=(const PeriodicJob&) = delete;
  ~PeriodicJob() {
    thread_.request_stop();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: starts after the members it uses exist
};

}  // namespace recirc::app
