#include "domain/history/witness_sender.hpp"

#include <charconv>

#include "domain/history/witness.hpp"
#include "tlog/merkle.hpp"
#include "tlog/tiles.hpp"

namespace recirc::history {
namespace {

constexpr std::string_view kSignaturePrefix = "\xE2\x80\x94 ";

// The line of `body` that is `name`'s signature line, or empty.
std::string LineOf(std::string_view body, const std::string& name) {
  const std::string start = std::string(kSignaturePrefix) + name + " ";
  while (!body.empty()) {
    const size_t nl = body.find('\n');
    const std::string_view line = body.substr(0, nl);
    if (line.starts_with(start)) return std::string(line) + "\n";
    if (nl == std::string_view::npos) break;
    body.remove_prefix(nl + 1);
  }
  return {};
}

}  // namespace

WitnessSender::WitnessSender(storage::Database& db, const storage::TlogRepository& tlog,
                             const storage::WitnessRepository& repo,
                             std::vector<LogWitness> witnesses, PostFn post, const Clock& clock,
                             std::chrono::milliseconds retry)
    : db_(db),
      tlog_(tlog),
      repo_(repo),
      witnesses_(std::move(witnesses)),
      post_(std::move(post)),
      clock_(clock),
      retry_(retry) {}

WitnessSender::~WitnessSender() { Stop(); }

Result<std::vector<tlog::Hash>> WitnessSender::Proof(uint64_t old_size, uint64_t size) {
  if (old_size == 0 || old_size == size) return std::vector<tlog::Hash>{};
  return storage::ReadValue<std::vector<tlog::Hash>>(
      db_, [&](storage::Session& s) -> Result<std::vector<tlog::Hash>> {
        auto read_tile = [&](const tlog::Tile& t) -> Result<std::vector<uint8_t>> {
          RECIRC_TRY(auto stored, tlog_.Tile(s, t.level, static_cast<int64_t>(t.index)));
          if (!stored) return Error::NotFound("tile " + tlog::TilePath(t));
          return std::vector<uint8_t>(stored->begin(), stored->end());
        };
        tlog::Sha256 sha;
        return tlog::ConsistencyProof(sha, old_size, size,
                                      tlog::TileSubtreeReader(sha, size, read_tile));
      });
}

// Offers the checkpoint; on a 409 learns the witness's size and offers it once more from there.
Result<std::string> WitnessSender::Ask(const LogWitness& w, State& state, uint64_t size,
                                       const std::string& note) {
  const std::string text = note.substr(0, note.rfind("\n\n") + 1);
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (state.known_size > size) {
      return Error::FailedPrecondition("the witness has seen size " +
                                       std::to_string(state.known_size) + ", beyond our " +
                                       std::to_string(size));
    }
    RECIRC_TRY(auto proof, Proof(state.known_size, size));
    const std::string body = FormatAddCheckpoint({state.known_size, std::move(proof), note});
    RECIRC_TRY(PostAnswer answer, post_(w.url + "/add-checkpoint", body));
    if (answer.status == 409) {
      uint64_t known = 0;
      std::string_view digits(answer.body);
      if (digits.ends_with('\n')) digits.remove_suffix(1);
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), known);
      if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
        return Error::Unavailable("409 without a size");
      }
      state.known_size = known;
      continue;
    }
    if (answer.status != 200) {
      std::string why = answer.body.substr(0, 200);
      return Error::Unavailable("HTTP " + std::to_string(answer.status) + ": " + why);
    }
    std::string line = LineOf(answer.body, w.key.name());
    if (line.empty()) return Error::Unavailable("the answer holds no cosignature by it");
    const size_t space = line.rfind(' ');
    auto bytes = tlog::Base64Decode(
        std::string_view(line).substr(space + 1, line.size() - space - 2), "cosignature");
    if (!bytes) return Error::Unavailable("its cosignature is not base64");
    RECIRC_CHECK(w.key.Verify(text, *bytes));
    state.known_size = size;
    return line;
  }
  return Error::Unavailable("the witness answered 409 twice");
}

Result<WitnessRound> WitnessSender::RunOnce() {
  std::lock_guard round(round_mutex_);
  WitnessRound out;
  if (witnesses_.empty()) return out;
  RECIRC_TRY(auto latest, storage::ReadValue<std::optional<storage::TlogCheckpointRecord>>(
                              db_, [&](storage::Session& s) { return tlog_.LatestCheckpoint(s); }));
  if (!latest) return out;
  out.size = static_cast<uint64_t>(latest->size);
  RECIRC_TRY(auto stored,
             storage::ReadValue<std::vector<storage::CosignatureRecord>>(
                 db_, [&](storage::Session& s) { return repo_.Cosignatures(s, latest->size); }));
  for (const auto& w : witnesses_) {
    const std::string& name = w.key.name();
    State& state = states_[name];
    bool have = false;
    for (const auto& c : stored) have = have || c.witness == name;
    if (have) {
      state.known_size = std::max(state.known_size, out.size);
      ++out.cosigned;
      continue;
    }
    const TimePoint now = clock_.Now();
    if (state.failed_size == out.size && now < state.next_attempt) {
      out.failures.push_back(name + ": waiting to retry");
      continue;
    }
    auto line = Ask(w, state, out.size, latest->note);
    if (!line) {
      if (state.failed_size != out.size) state.failures = 0;
      state.failed_size = out.size;
      state.failures = std::min(state.failures + 1, 7);
      state.next_attempt = now + retry_ * (1 << (state.failures - 1));
      out.failures.push_back(name + ": " + line.error().message);
      continue;
    }
    state.failures = 0;
    RECIRC_CHECK(db_.Write([&](storage::Session& s) {
      return repo_.PutCosignature(s, {latest->size, name, *line, ToUnixMillis(clock_.Now())});
    }));
    ++out.cosigned;
  }
  return out;
}

void WitnessSender::Start(std::chrono::milliseconds poll) {
  if (witnesses_.empty() || thread_.joinable()) return;
  thread_ = std::thread([this, poll] {
    std::unique_lock lock(wake_mutex_);
    while (!stopping_) {
      lock.unlock();
      (void)RunOnce();  // failures are retried; the round records why
      lock.lock();
      wake_.wait_for(lock, poll, [this] { return woken_ || stopping_; });
      woken_ = false;
    }
  });
}

void WitnessSender::Wake() {
  {
    std::lock_guard lock(wake_mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

void WitnessSender::Stop() {
  {
    std::lock_guard lock(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

}  // namespace recirc::history
