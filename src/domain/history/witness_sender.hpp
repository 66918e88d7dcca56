#pragma once
// WitnessSender: the log side of witnessing. After the sequencer publishes a checkpoint, this
// asks each configured witness to cosign it (C2SP tlog-witness add-checkpoint, with a
// consistency proof from the size that witness saw last), checks the cosignature it gets back
// against the witness's key and stores it; LogService appends the stored cosignatures to the
// checkpoint it serves. It runs on its own thread, never inside the sequencer's transaction, so
// a slow or absent witness never delays the log. A witness that fails is retried with a backoff
// measured on the injected clock (doubling from `retry` up to 64 times it); a new checkpoint is
// offered to every witness at once.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/history/tlog_repository.hpp"
#include "storage/history/witness_repository.hpp"
#include "tlog/cosignature.hpp"
#include "tlog/hash.hpp"

namespace recirc::history {

struct LogWitness {
  tlog::CosignatureVerifier key;  // its name is the witness's name
  std::string url;                // the witness's prefix: POST <url>/add-checkpoint
};

struct PostAnswer {
  unsigned status = 0;
  std::string content_type;
  std::string body;
};
// Sends `body` as POST to `url`; an error only if no HTTP answer came back.
using PostFn = std::function<Result<PostAnswer>(const std::string& url, const std::string& body)>;

struct WitnessRound {
  uint64_t size = 0;                  // the checkpoint offered
  size_t cosigned = 0;                // witnesses that have cosigned it (stored before or now)
  std::vector<std::string> failures;  // "<witness>: why", for those that did not
};

class WitnessSender {
 public:
  WitnessSender(storage::Database& db, const storage::TlogRepository& tlog,
                const storage::WitnessRepository& repo, std::vector<LogWitness> witnesses,
                PostFn post, const Clock& clock, std::chrono::milliseconds retry);
  ~WitnessSender();

  bool empty() const { return witnesses_.empty(); }
  // One round over the latest checkpoint: every witness without a stored cosignature of it, and
  // not waiting out a backoff, is asked. Thread-safe (rounds are serialized).
  Result<WitnessRound> RunOnce();

  // A thread that runs a round every `poll` (and at once after Wake()) until Stop().
  void Start(std::chrono::milliseconds poll);
  void Wake();
  void Stop();

 private:
  struct State {
    uint64_t known_size = 0;  // the size the witness last told us (or cosigned)
    uint64_t failed_size = 0;
    int failures = 0;
    TimePoint next_attempt{};
  };
  Result<std::string> Ask(const LogWitness& w, State& state, uint64_t size,
                          const std::string& note);
  Result<std::vector<tlog::Hash>> Proof(uint64_t old_size, uint64_t size);

  storage::Database& db_;
  const storage::TlogRepository& tlog_;
  const storage::WitnessRepository& repo_;
  std::vector<LogWitness> witnesses_;
  PostFn post_;
  const Clock& clock_;
  std::chrono::milliseconds retry_;
  std::mutex round_mutex_;
  std::map<std::string, State> states_;

  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace recirc::history
